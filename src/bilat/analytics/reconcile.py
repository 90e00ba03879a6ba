"""One flow, every source: figures side by side, and what the data say about the gaps.

The same shipment is declared twice (the exporter's FOB export, the importer's CIF import) and
then re-published by compilers (IMF DOTS, CEPII BACI). The figures never agree, and a fact-check
must explain why rather than flag the difference. :func:`source_figures` (Ibis, pure) gathers every
figure of the pair for a year and its neighbours; :func:`compare` and :func:`attribute` (pandas, on
the small executed result) line them up and name the causes the data can support:

* valuation: importer CIF vs exporter FOB. Freight and insurance typically add about 5-10 %
  (a typical CIF/FOB ratio of 1.05-1.10; bilat states it as typical, it does not measure it);
* missing reporters: a figure one side never declared (no row), and whether it declared the
  flow in the neighbouring years (a reporting-year shift);
* products one source lacks: chapters present in one source only; HS 71 (diamonds) when a
  product source shows it is large;
* re-exports: RX/RM rows where the source has them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from collections.abc import Mapping

from bilat.analytics._ibis import ibis  # imported on first use (see the module)
import pandas as pd

if TYPE_CHECKING:  # annotations only: the module loads without Ibis
    import ibis.expr.types as ir

TYPICAL_CIF_FOB = (1.05, 1.10)

VIEW_EXPORTER = "exporter-reported"
VIEW_IMPORTER = "importer-reported (mirror)"
VIEW_RECONCILED = "reconciled"

COLUMNS = ["year", "exporter", "importer", "scope", "source", "reporter", "flow", "view", "valuation", "value_usd"]


def source_figures(tables: Mapping[str, ir.Table], a: str, b: str, year: int, window: int = 1) -> ir.Table:
    """Every figure of the pair's flows in ``year`` ± ``window``, one row per source and view.

    ``scope`` is ``total`` (a country total, a TOTAL row, or the sum of BACI's HS6 lines) or
    ``HS xx`` (a chapter; from the coarsest product level each source has for it). Columns: year,
    exporter, importer, scope, source, reporter, flow, view, valuation, value_usd.
    """
    first, last = year - window, year + window
    parts: list[ir.Table] = []

    cf = tables["country_flows"]
    c = cf.filter(
        cf.year.between(first, last),
        ((cf.reporter == a) & (cf.partner == b)) | ((cf.reporter == b) & (cf.partner == a)),
        cf.value_usd.notnull(),
    )
    is_export = c.flow.isin(["X", "RX"])
    c = c.mutate(
        exporter=ibis.cases((is_export, c.reporter), else_=c.partner),
        importer=ibis.cases((is_export, c.partner), else_=c.reporter),
    )
    parts.append(_shape(c, ibis.literal("total")))

    pf = tables["product_flows"]
    p = pf.filter(
        pf.year.between(first, last),
        ((pf.exporter == a) & (pf.importer == b)) | ((pf.exporter == b) & (pf.importer == a)),
        pf.value_usd.notnull(),
    )
    totals = p.filter((p.hs_level == 0) | (p.source == "baci"))
    parts.append(_shape(totals, ibis.literal("total")))
    detail = p.filter(p.hs_level > 0).mutate(chapter=p.hs_code.left(2))
    keys = ["year", "exporter", "importer", "source", "reporter", "flow", "valuation", "chapter"]
    per_level = detail.group_by([*keys, "hs_level"]).aggregate(value_usd=detail.value_usd.cast("float64").sum())
    # The window becomes a column before the filter: Ibis 12's PySpark compiler cannot filter on a
    # window expression directly (Spark: UNRESOLVED_COLUMN).
    ranked = per_level.mutate(coarsest=per_level.hs_level.min().over(ibis.window(group_by=keys)))
    chosen = ranked.filter(ranked.hs_level == ranked.coarsest).drop("coarsest")
    parts.append(_shape(chosen, ibis.literal("HS ") + chosen.chapter))

    out = parts[0]
    for part in parts[1:]:
        out = out.union(part)
    return out.order_by(["year", "exporter", "scope", "source", "view"])


def _shape(t: ir.Table, scope: ir.StringValue) -> ir.Table:
    reporter = t.reporter
    view = ibis.cases(
        (reporter.isnull(), VIEW_RECONCILED),
        (reporter == t.exporter, VIEW_EXPORTER),
        else_=VIEW_IMPORTER,
    )
    grouped = t.mutate(scope=scope, view=view).group_by(
        ["year", "exporter", "importer", "scope", "source", "reporter", "flow", "view", "valuation"]
    )
    return grouped.aggregate(value_usd=t.value_usd.cast("float64").sum()).select(*COLUMNS)


def active_years(tables: Mapping[str, ir.Table], a: str, b: str) -> ir.Table:
    """Per year, how many distinct (source, reporter, flow) figures exist for the pair: year, views."""
    figures = source_figures(tables, a, b, 0, window=10_000)
    return figures.group_by("year").aggregate(
        views=(figures.source + "|" + figures.reporter.fill_null("") + "|" + figures.flow.fill_null("")).nunique()
    ).order_by("year")


# --- line the figures up and explain them (pandas, on a small result) ----------------------------


def compare(figures: pd.DataFrame, year: int) -> pd.DataFrame:
    """One row per (direction, scope) in ``year``: the exporter's FOB, the importer's CIF, the ratio.

    Columns: exporter, importer, scope, exporter_fob_usd (+ source), importer_cif_usd (+ source),
    reconciled_usd (+ source), cif_fob_ratio, gap_usd (importer − exporter).
    """
    rows = []
    now = figures[figures.year == year]
    for (exp, imp, scope), grp in now.groupby(["exporter", "importer", "scope"], sort=True):
        row: dict[str, object] = dict(exporter=exp, importer=imp, scope=scope)
        for key, view in (("exporter", VIEW_EXPORTER), ("importer", VIEW_IMPORTER), ("reconciled", VIEW_RECONCILED)):
            pick = grp[grp.view == view]
            # Prefer the primary declaration (X / M) over re-exports, and a national source over a compiler.
            pick = pick[~pick.flow.isin(["RX", "RM"])] if (~pick.flow.isin(["RX", "RM"])).any() else pick
            if len(pick):
                first = pick.sort_values("source").iloc[0]
                row[f"{key}_usd"] = float(first.value_usd)
                row[f"{key}_source"] = first.source
            else:
                row[f"{key}_usd"] = None
                row[f"{key}_source"] = None
        x, m = _val(row["exporter_usd"]), _val(row["importer_usd"])
        row["cif_fob_ratio"] = (m / x) if x and m else None
        row["gap_usd"] = (m - x) if x is not None and m is not None else None
        rows.append(row)
    columns = ["exporter", "importer", "scope", "exporter_usd", "exporter_source", "importer_usd", "importer_source",
               "reconciled_usd", "reconciled_source", "cif_fob_ratio", "gap_usd"]
    return pd.DataFrame(rows, columns=columns)


def attribute(
    figures: pd.DataFrame, comparison: pd.DataFrame, year: int, hs71_world_share: dict[str, float] | None = None
) -> list[str]:
    """Plain-language explanations of the gaps that the figures support (one string each).

    ``hs71_world_share``: each exporter's share of HS 71 (diamonds, precious stones) in its exports to
    the world, where a source has it: a large share makes third-country routing a likely cause.
    """
    hs71_world_share = hs71_world_share or {}
    from bilat.analytics.targets import usd

    lines: list[str] = []
    low, high = TYPICAL_CIF_FOB
    for row in comparison.itertuples(index=False):
        flow = f"{row.exporter}→{row.importer} {row.scope} {year}"
        x, m = _val(row.exporter_usd), _val(row.importer_usd)
        if x is not None and m is not None and x > 0:
            ratio = m / x
            if low - 0.05 <= ratio <= high + 0.02:
                lines.append(
                    f"{flow}: {row.importer} reports {usd(m)} (CIF), {row.exporter} reports {usd(x)} (FOB); ratio {ratio:.2f} is "
                    f"within the typical CIF/FOB margin ({low:.2f}-{high:.2f}, typical, not measured): valuation explains the gap"
                )
            elif ratio > high:
                lines.append(
                    f"{flow}: the importer's CIF figure {usd(m)} is {ratio:.2f}× the exporter's FOB {usd(x)}; freight and "
                    f"insurance typically add only 5-10 %, so the rest comes from coverage: goods the exporter attributes "
                    f"to another destination (shipped via a third country, re-exports), timing, or confidential lines"
                )
                share71 = hs71_world_share.get(row.exporter)
                if share71 is not None and share71 >= 0.10 and row.scope in ("total", "HS 71"):
                    lines.append(
                        f"{flow}: HS 71 (diamonds, precious stones) is {share71:.0%} of {row.exporter}'s exports to the "
                        f"world; diamonds often travel through trading hubs, so the importer's origin-based figure "
                        f"can exceed the exporter's destination-based one: a likely part of this gap"
                    )
            else:
                lines.append(
                    f"{flow}: the importer records {usd(m)}, less than the {usd(x)} the exporter declared (ratio {ratio:.2f}), "
                    f"although CIF should exceed FOB: goods recorded in another year or under another origin"
                )
        for side, value, reporter in (("exporter", x, row.exporter), ("importer", m, row.importer)):
            if value is None and (x is not None or m is not None):
                view = VIEW_EXPORTER if side == "exporter" else VIEW_IMPORTER
                published = figures[(figures.scope == row.scope) & (figures.view == view)]
                if len(published):
                    lines.append(f"{flow}: {reporter} reported no {side} figure (no row){_other_years(figures, row, reporter, year)}")
                else:
                    lines.append(f"{flow}: no loaded source carries {side}-reported figures at this scope, so "
                                 f"{reporter}'s own declaration cannot be compared")
        if x is not None and m is None and row.scope == "total":
            lines.append(f"{flow}: {row.importer}'s own import statistic (CIF) would typically be 5-10 % above the "
                         f"exporter's {usd(x)} FOB, about {usd(x * low)} to {usd(x * high)} (typical, not measured)")
    lines += _diamonds(figures, year)
    lines += _chapter_coverage(figures, year)
    reexports = figures[(figures.year == year) & figures.flow.isin(["RX", "RM"])]
    if len(reexports):
        total = reexports.value_usd.sum()
        lines.append(f"re-export/re-import rows in {year} total {usd(total)}: an importer counting by origin and an "
                     f"exporter counting by destination disagree by up to that much")
    return lines


def _val(v: object) -> float | None:
    if v is None or pd.isna(v):
        return None
    return float(v)  # type: ignore[arg-type]


def _other_years(figures: pd.DataFrame, row: object, reporter: str, year: int) -> str:
    same = figures[(figures.exporter == row.exporter) & (figures.importer == row.importer)  # type: ignore[attr-defined]
                   & (figures.scope == row.scope) & (figures.reporter == reporter)]  # type: ignore[attr-defined]
    years = sorted(int(y) for y in same.year.unique() if y != year)
    if years:
        return f"; it did report this flow in {', '.join(map(str, years))}: a missing or late declaration, not an absent trade"
    return ""


def _diamonds(figures: pd.DataFrame, year: int) -> list[str]:
    from bilat.analytics.targets import usd

    out = []
    now = figures[figures.year == year]
    for (exp, imp, source), grp in now.groupby(["exporter", "importer", "source"]):
        chapters = grp[grp.scope.str.startswith("HS ")]
        total = grp[grp.scope == "total"].value_usd
        if not len(chapters) or not len(total):
            continue
        view = chapters.view.iloc[0]
        chapters = chapters[chapters.view == view]
        diamonds = chapters[chapters.scope == "HS 71"].value_usd.sum()
        whole = float(total.iloc[0])
        if whole > 0 and diamonds / whole >= 0.05:
            out.append(
                f"{exp}→{imp} {year} ({source}): HS 71 (diamonds, precious stones) is {usd(diamonds)}, "
                f"{diamonds / whole:.0%} of the flow; sources or national series that count diamonds separately "
                f"(Israel publishes totals excluding diamonds) differ by about this amount"
            )
    return out


def _chapter_coverage(figures: pd.DataFrame, year: int) -> list[str]:
    now = figures[(figures.year == year) & figures.scope.str.startswith("HS ")]
    if not len(now):
        return []
    sources = sorted(now.source.unique())
    chapters = sorted(now.scope.unique())
    lines = []
    if len(chapters) < 20:
        lines.append(
            f"product detail in {year} covers only {', '.join(chapters)} ({', '.join(sources)}): these slices compare "
            f"declarations line by line, not the whole flow"
        )
    for source in sources:
        have = set(now[now.source == source].scope)
        others = set(now[now.source != source].scope)
        missing = sorted(others - have)
        if missing and len(sources) > 1:
            lines.append(f"{source} has no rows for {', '.join(missing[:8])} in {year}, which other sources cover")
    return lines
