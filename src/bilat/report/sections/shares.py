"""Each side's share of the other's exports and imports, and its rank among all partners."""

from __future__ import annotations

import plotly.graph_objects as go

from bilat.report.model import Section, Table
from bilat.report.sections._style import COLORS, figure


def build(ctx) -> Section:  # noqa: ANN001 - a ReportContext
    p = ctx.profile
    s = p.shares
    if not len(s):
        return Section("shares", "Share and rank among partners",
                       paragraphs=["Shares and ranks need a source covering every partner (IMF DOTS or a full BACI year); "
                                   "none is loaded."])
    fig = figure("Share of the partner in each side's trade", f"{p.shares_source}; imports are mirror figures",
                 y_title="share of the country's total (%)")
    for i, ((country, side), grp) in enumerate(s.groupby(["country", "side"], sort=True)):
        partner = grp.partner.iloc[0]
        label = f"{partner} in {country}'s {side}"
        fig.add_trace(go.Scatter(
            x=grp.year, y=grp.share * 100, name=label, mode="lines", line={"color": COLORS[i % len(COLORS)]},
            customdata=grp[["rank", "partners"]].to_numpy(),
            hovertemplate="%{x}: %{y:.3f} %, rank %{customdata[0]} of %{customdata[1]}<extra>" + label + "</extra>",
        ))
    rank = figure("Rank among partners (1 = largest)", f"{p.shares_source}", y_title="rank")
    for i, ((country, side), grp) in enumerate(s.groupby(["country", "side"], sort=True)):
        rank.add_trace(go.Scatter(x=grp.year, y=grp["rank"], name=f"{grp.partner.iloc[0]} in {country}'s {side}",
                                  mode="lines", line={"color": COLORS[i % len(COLORS)]}))
    rank.update_yaxes(autorange="reversed")
    paragraphs = [
        f"{p.names[p.a]}'s and {p.names[p.b]}'s total exports are their own declarations (the world row where the source "
        f"has one); their total imports are the sum of every partner's declared exports to them (mirror, FOB), because "
        f"the source holds exporters' declarations. Ranks count countries only (no regional aggregates).",
    ]
    reported = s[s.get("reported_total_usd").notnull()] if "reported_total_usd" in s else s.iloc[0:0]
    if len(reported):
        paragraphs.append(
            "Where a national total is available (indicator imports_total_usd/exports_total_usd), share_of_reported "
            "divides by it instead: " + ", ".join(sorted(set(reported.reported_source.dropna()))) + "."
        )
    recent = s[s.year >= p.years[1] - 9]
    fmt = {"value_usd": "usd", "total_usd": "usd", "share": "pct", "share_of_reported": "pct",
           "reported_total_usd": "usd", "year": "year", "rank": "int", "partners": "int"}
    return Section("shares", "Share and rank among partners", paragraphs=paragraphs, figures=[fig, rank],
                   tables=[Table("shares", "Shares and ranks (last 10 years; all years in JSON/CSV)", recent, fmt),
                           Table("shares_all", "Shares and ranks, all years", s, fmt, display=False)])
