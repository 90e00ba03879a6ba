"""How the figures were made and where every number comes from (provenance down to the file)."""

from __future__ import annotations

import datetime as dt

from bilat import __version__
from bilat.report.model import Section, Table


def build(ctx) -> Section:  # noqa: ANN001 - a ReportContext
    paragraphs = [
        "Sources are never added together: each series comes from one source for its whole span (priority: CEPII BACI, "
        "UN Comtrade totals, IMF DOTS), named on every chart and table.",
        "Values are current US dollars (nominal). Exports are valued FOB by the exporter; a country's imports from its "
        "partner are the partner's declared exports (mirror, FOB) unless an importer-reported figure is loaded; "
        "importers' own figures are CIF, typically 5-10 % higher (typical, not measured).",
        "Growth: year-on-year change on the previous year (empty across gaps); CAGR = (last / first) ^ (1 / years) − 1. "
        "Shares: value / the country's total (its world row, or the sum over partners); ranks among countries only. "
        "HHI = Σ share² over HS headings. Targets: see the arithmetic under each goal; a goal without an end year "
        "is given base year + 6 years.",
        f"Made by bilat {__version__} with the {ctx.engine_name} engine at {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC.",
    ]
    tables = []
    files = ctx.files
    if len(files):
        cols = [c for c in ("name", "source", "table_name", "rows", "first_year", "last_year", "sha256", "ingested_at",
                            "tool_version") if c in files.columns]
        tables.append(Table("files", "Files ingested in the store (bilat sources)", files[cols],
                            {"rows": "int", "first_year": "year", "last_year": "year"}))
    else:
        paragraphs.append("Nothing was ingested into the store: every figure comes from bilat's embedded dataset, "
                          "described below.")
    return Section("methods", "Methods and data provenance", paragraphs=paragraphs, tables=tables,
                   preformatted=ctx.provenance_text or "No embedded dataset is installed.", notes=[])
