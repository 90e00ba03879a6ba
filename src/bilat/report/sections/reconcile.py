"""One flow, every source: figures side by side, with the gaps explained where the data allow."""

from __future__ import annotations

from bilat.report.model import Section, Table
from bilat.report.sections._style import COLORS, figure, trace


def build(ctx) -> Section:  # noqa: ANN001 - a ReportContext
    r = ctx.reconciliation
    if r is None:
        return Section("reconcile", "Source reconciliation", paragraphs=[ctx.reconciliation_error or "no figures"])
    c = r.comparison
    figs = []
    chart = c[c.scope != "total"]
    if len(chart):
        fig = figure(f"Exporter (FOB) vs importer (CIF) declarations, {r.year}", ", ".join(sorted(set(r.figures.source))),
                     barmode="group")
        labels = [f"{e}→{i} {s}" for e, i, s in zip(chart.exporter, chart.importer, chart.scope, strict=True)]
        fig["data"] += [
            trace("bar", x=labels, y=chart.exporter_usd, name="exporter-reported (FOB)", marker={"color": COLORS[0]}),
            trace("bar", x=labels, y=chart.importer_usd, name="importer-reported (CIF)", marker={"color": COLORS[1]}),
        ]
        figs.append(fig)
    return Section(
        "reconcile", f"Source reconciliation, {r.year}",
        paragraphs=[f"Every loaded figure for the flows between {r.a} and {r.b} in {r.year}, by source and declarant. "
                    f"Run `bilat reconcile {r.a} {r.b} --year YEAR` for another year."],
        tables=[
            Table("comparison", "Exporter's vs importer's declaration of the same flow", c,
                  {"exporter_usd": "usd", "importer_usd": "usd", "reconciled_usd": "usd", "cif_fob_ratio": "ratio",
                   "gap_usd": "usd"}),
            Table("figures", "Every figure, as stored", r.figures, {"value_usd": "usd", "year": "year"}),
        ],
        figures=figs, notes=[*r.explanations, *r.notes],
    )
