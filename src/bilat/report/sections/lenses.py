"""A sector lens (robotics, medical devices...): inside the pair's trade, and in world exports."""

from __future__ import annotations

from bilat.report.model import Section, Table
from bilat.report.sections._style import COLORS, figure, trace


def build(ctx) -> Section:  # noqa: ANN001 - a ReportContext
    p = ctx.profile
    if p.lens_name is None:
        return Section("lenses", "Sector lens", paragraphs=[
            f"No sector lens was asked for: `bilat report {p.a} {p.b} --lens robotics` adds one "
            f"(`bilat lens list` lists them)."])
    from bilat.nomenclature.lenses import get_lens

    lens = get_lens(p.lens_name)
    paragraphs = [f"Lens {lens.name!r} ({lens.title}): HS {', '.join(lens.hs_prefixes)}. {lens.rationale}", lens.caveat]
    tables, figs = [], []
    notes = [n for n in p.notes if "lens" in n]
    if p.lens is not None and len(p.lens):
        tables.append(Table("lens_pair", f"{lens.title} in the pair's trade ({p.composition_source})", p.lens,
                            {"value_usd": "usd", "year": "year"}))
        yearly = p.lens.groupby(["year", "exporter"], as_index=False).value_usd.sum()
        fig = figure(f"{lens.title}: pair trade by year", str(p.composition_source))
        for i, (exporter, grp) in enumerate(yearly.groupby("exporter")):
            fig["data"].append(trace("bar", x=grp.year, y=grp.value_usd, name=f"{exporter} exports", marker={"color": COLORS[i]}))
        figs.append(fig)
    if p.lens_world is not None and len(p.lens_world):
        lw = p.lens_world
        tables.append(Table("lens_world", f"{lens.title} in each side's world exports (OTS)", lw,
                            {"lens_usd": "usd", "world_lens_usd": "usd", "total_usd": "usd", "share_of_exports": "pct",
                             "share_of_world": "pct", "world_rank": "int", "exporters": "int", "year": "year"}))
        fig = figure(f"{lens.title}: share of each country's exports to the world", "Open Trade Statistics",
                     y_title="share of the country's exports (%)")
        fig["data"].append(trace("bar", x=lw.exporter, y=lw.share_of_exports * 100, marker={"color": COLORS[2]}, name=lens.title,
                                 text=[f"world rank {r}" for r in lw.world_rank]))
        figs.append(fig)
    return Section("lenses", f"Sector lens: {lens.title}", paragraphs=paragraphs, tables=tables, figures=figs, notes=notes)
