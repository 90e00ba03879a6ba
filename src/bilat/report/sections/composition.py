"""What each side sells to the other: top sections, chapters and headings, with shares and change."""

from __future__ import annotations

import plotly.graph_objects as go

from bilat.report.model import Section, Table
from bilat.report.sections._style import COLORS, figure

FORMATS = {"value_usd": "usd", "share": "pct", "prev_value_usd": "usd", "change_usd": "usd", "change_pct": "pct",
           "share_change_pp": "pp", "share_of_flow": "pct", "year": "year", "rank": "int"}


def build(ctx) -> Section:  # noqa: ANN001 - a ReportContext
    p = ctx.profile
    c = p.composition
    if not len(c):
        return Section("composition", "Composition", paragraphs=[
            "No product-level flows are loaded for this pair, so the composition each way cannot be shown."],
            notes=[n for n in p.notes if "product data" in n])
    latest = int(c.year.max())
    level = "chapter"
    now = c[(c.year == latest) & (c.level == level)]
    figs = []
    for i, (exporter, grp) in enumerate(now.groupby("exporter", sort=True)):
        importer = grp.importer.iloc[0]
        grp = grp.sort_values("value_usd")
        fig = figure(f"{exporter} → {importer}: top HS chapters, {latest}", f"{p.composition_source}",
                     y_title="", xaxis_title="current USD, nominal")
        fig.add_trace(go.Bar(y=[f"{code} {desc[:40]}" for code, desc in zip(grp.code, grp.description, strict=True)],
                             x=grp.value_usd, orientation="h", marker_color=COLORS[i % len(COLORS)], name=exporter))
        figs.append(fig)
    if p.composition_complete:
        sec = c[(c.year == latest) & (c.level == "section")]
        tree = figure(f"Trade by HS section, {latest}", f"{p.composition_source}", y_title="")
        labels = [f"{e} → {i}" for e, i in zip(sec.exporter, sec.importer, strict=True)]
        parents_unique = sorted(set(labels))
        tree.add_trace(go.Treemap(
            labels=parents_unique + [f"{code} {d[:30]} ({lab})" for code, d, lab in zip(sec.code, sec.description, labels, strict=True)],
            parents=[""] * len(parents_unique) + labels,
            values=[0] * len(parents_unique) + list(sec.value_usd),
        ))
        figs.append(tree)
        paragraphs = [f"Full bilateral composition from {p.composition_source}: top products each way at HS section, "
                      f"chapter and heading level; change is on the previous year."]
    else:
        paragraphs = [
            f"Only a slice of the pair's trade has product detail ({p.composition_source}: HS chapter(s) "
            f"{', '.join(sorted(set(c[c.level == 'chapter'].code)))}). Shares within the slice are not the pair's "
            f"composition; share_of_flow puts each line against the whole flow.",
        ]
    tables = [Table(f"composition_{lvl}", f"Top {lvl}s each way ({p.composition_source})",
                    c[c.level == lvl].drop(columns=["level"]), FORMATS, display=(lvl != "heading" or p.composition_complete))
              for lvl in ("section", "chapter", "heading") if len(c[c.level == lvl])]
    if len(p.hhi):
        tables.append(Table("hhi", "Concentration: Herfindahl-Hirschman index over HS headings (1 = a single product)",
                            p.hhi, {"hhi": "ratio", "equivalent_products": "ratio", "year": "year", "products": "int"}))
    notes = [n for n in p.notes if "product data" in n]
    return Section("composition", "Composition", paragraphs=paragraphs, figures=figs, tables=tables, notes=notes)
