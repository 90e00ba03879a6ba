"""Each side's share of the other's exports and imports, and its rank among all partners."""

from __future__ import annotations

from bilat.report.model import Section, Table
from bilat.report.sections._style import COLORS, figure, trace


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
        fig["data"].append(trace(
            "scatter",
            x=grp.year, y=grp.share * 100, name=label, mode="lines", line={"color": COLORS[i % len(COLORS)]},
            customdata=grp[["rank", "partners"]].to_numpy(),
            hovertemplate="%{x}: %{y:.3f} %, rank %{customdata[0]} of %{customdata[1]}<extra>" + label + "</extra>",
        ))
    rank = figure("Rank among partners (1 = largest)", f"{p.shares_source}", y_title="rank")
    for i, ((country, side), grp) in enumerate(s.groupby(["country", "side"], sort=True)):
        rank["data"].append(trace("scatter", x=grp.year, y=grp["rank"], name=f"{grp.partner.iloc[0]} in {country}'s {side}",
                                  mode="lines", line={"color": COLORS[i % len(COLORS)]}))
    rank["layout"]["yaxis"]["autorange"] = "reversed"
    paragraphs = [
        f"{p.names[p.a]}'s and {p.names[p.b]}'s total exports are their own declarations (the world row where the source "
        f"has one); their total imports are the sum of every partner's declared exports to them (mirror, FOB), because "
        f"the source holds exporters' declarations. Ranks count countries only (no regional aggregates).",
    ]
    reported = s[s.get("reported_total_usd").notnull()] if "reported_total_usd" in s else s.iloc[0:0]
    if len(reported):
        paragraphs.append(_declared_totals(reported))
    recent = s[s.year >= p.years[1] - 9]
    fmt = {"value_usd": "usd", "total_usd": "usd", "share": "pct", "share_of_reported": "pct",
           "reported_total_usd": "usd", "year": "year", "rank": "int", "partners": "int"}
    return Section("shares", "Share and rank among partners", paragraphs=paragraphs, figures=[fig, rank],
                   tables=[Table("shares", "Shares and ranks (last 10 years; all years in JSON/CSV)", recent, fmt),
                           Table("shares_all", "Shares and ranks, all years", s, fmt, display=False)])



def _declared_totals(reported) -> str:  # noqa: ANN001 - the shares rows that have a declared total
    """The second share in words: which declared total it divides by, for which years, and its latest values.

    Why: the declared totals are partial (UN Comtrade 2010-2021, Correlates of War to 2014); a
    reader must see which years have one, and from where, beside the figure.
    """
    from bilat.analytics.shares import declared_spans
    from bilat.sources.traits import all_traits

    traits = all_traits()

    def label(source: str) -> str:
        return str(getattr(traits.get(source), "label", None) or source)

    covered = "; ".join(f"{country}'s {side} {_years(first, last)} from {label(source)}"
                        for country, side, source, first, last in declared_spans(reported))
    last = reported[reported.year == reported.year.max()]
    latest = "; ".join(f"{r.partner} in {r.country}'s {r.side} {r.share_of_reported * 100:.2f} %"
                       for r in last.itertuples(index=False))
    return (f"Where a country's own declared total with the world is loaded, a second share divides by it (column "
            f"\"share of reported\"): {covered}; other years have the mirror share only. In {int(last.year.max())}: "
            f"{latest}.")


def _years(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}-{last}"

