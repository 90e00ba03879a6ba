"""Where the potential is: untapped exports each way, or each side's revealed advantages."""

from __future__ import annotations

from bilat.report.model import Section, Table

_POTENTIAL_FORMATS = {"rank": "int", "rca": "ratio", "supply": "ratio", "demand": "usd", "ease": "ratio",
                      "potential_usd": "usd", "actual_usd": "usd", "untapped_usd": "usd"}
_RCA_FORMATS = {"export_usd": "usd", "export_share": "pct", "world_share": "pct", "rca": "ratio"}


def build(ctx) -> Section:  # noqa: ANN001 - a ReportContext
    title = "Where the potential is"
    if not ctx.potential:
        return Section("potential", title, paragraphs=[ctx.potential_error or "No product data is loaded."])
    tables = []
    paragraphs = []
    for (exporter, importer), answer in ctx.potential.items():
        if answer.kind == "potential":
            tables.append(Table(
                f"potential_{exporter}_{importer}",
                f"Untapped export potential {exporter} → {importer}, {answer.year} ({answer.source})",
                answer.frame, _POTENTIAL_FORMATS,
            ))
            paragraphs.append(f"{exporter} → {importer}: {answer.note}")
        else:
            tables.append(Table("advantages", f"Revealed comparative advantage, {answer.year} ({answer.source})",
                                answer.frame, _RCA_FORMATS))
            paragraphs.append(answer.note[:1].upper() + answer.note[1:])
            break  # both countries' advantages are in one table
    return Section("potential", title, paragraphs=paragraphs, tables=tables)
