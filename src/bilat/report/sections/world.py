"""Each side's exports to the world by HS section: what each can sell, whoever buys it."""

from __future__ import annotations

from bilat.report.model import Section, Table
from bilat.report.sections._style import COLORS, figure, trace


def build(ctx) -> Section:  # noqa: ANN001 - a ReportContext
    p = ctx.profile
    w = p.world_exports
    if not len(w):
        return Section("world", "Export structure to the world", paragraphs=[
            "No world-export rows by product are loaded (Open Trade Statistics or BACI)."])
    year, source = int(w.year.max()), str(w.source.iloc[0])
    fig = figure(f"Exports to the world by HS section, {year} (share of each country's exports)", source,
                 y_title="", x_title="share of the country's exports (%)", height=520)
    for i, (exporter, grp) in enumerate(w.groupby("exporter", sort=True)):
        fig["data"].append(trace("bar", y=[f"{c} {d[:35]}" for c, d in zip(grp.code, grp.description, strict=True)],
                                 x=grp.share * 100, orientation="h", name=exporter, marker={"color": COLORS[i % len(COLORS)]}))
    fig["layout"]["barmode"] = "group"
    paragraphs = [
        f"What each country exports to all destinations ({source}, {year}), top sections. This shows what each side could "
        f"sell the other, independently of bilateral product data.",
    ]
    if source == "ots":
        paragraphs.append("Open Trade Statistics totals run above national figures (mirror-based): use them for shares, "
                          "not levels.")
    return Section("world", "Export structure to the world", paragraphs=paragraphs, figures=[fig],
                   tables=[Table("world_exports", f"Top sections of exports to the world ({source}, {year})", w,
                                 {"value_usd": "usd", "share": "pct", "year": "year", "rank": "int"})])
