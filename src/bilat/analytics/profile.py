"""The pair profile: the yearly series both ways, and what each side sells to the other.

Inputs are the long tables of :mod:`bilat.analytics.flows` (one source) and
:mod:`bilat.analytics.composition`; outputs are Ibis expressions. Column names carry the ISO3
codes (``ISR_to_JPN_usd``), the same names :func:`bilat.analytics.flows.wide` uses, so a JSON
reader never has to guess which direction a number is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from functools import cache

from bilat.analytics._ibis import ibis  # imported on first use (see the module)
import pandas as pd

from bilat.analytics.growth import with_yoy
from bilat.analytics.memo import kept

if TYPE_CHECKING:  # annotations only: the module loads without Ibis
    import ibis.expr.types as ir

#: The "section" of chapters the HS puts in no section (99, commodities not specified by kind).
OTHER_SECTION = "other"


def series_columns(a: str, b: str) -> dict[str, str]:
    """The column names of :func:`pair_series` for the pair (a, b)."""
    return {
        "a_to_b": f"{a}_to_{b}_usd",
        "b_to_a": f"{b}_to_{a}_usd",
        "total": "total_usd",
        "balance": f"balance_{a}_usd",
    }


@kept
def pair_series(flows: ir.Table, a: str, b: str) -> ir.Table:
    """Yearly A→B, B→A, total and A's balance, with year-on-year growth of each flow and the total.

    ``flows`` is :func:`bilat.analytics.flows.bilateral_flows` restricted to one source (sources
    are never summed). The total and balance are NULL in a year where one direction is missing:
    half a total is not a total.
    """
    cols = series_columns(a, b)
    is_ab = (flows.exporter == a) & (flows.importer == b)
    is_ba = (flows.exporter == b) & (flows.importer == a)
    yearly = flows.group_by("year").aggregate(
        **{
            cols["a_to_b"]: flows.value_usd.cast("float64").sum(where=is_ab),
            cols["b_to_a"]: flows.value_usd.cast("float64").sum(where=is_ba),
        }
    )
    yearly = yearly.mutate(
        **{
            cols["total"]: yearly[cols["a_to_b"]] + yearly[cols["b_to_a"]],
            cols["balance"]: yearly[cols["a_to_b"]] - yearly[cols["b_to_a"]],
        }
    )
    for key in ("a_to_b", "b_to_a", "total"):
        yearly = with_yoy(yearly, cols[key])
    return yearly.order_by("year")


@kept
def with_shares(levels: ir.Table) -> ir.Table:
    """Add each code's share of its (year, direction) total, its rank, and the change on last year.

    ``levels`` has year, exporter, importer, code, value_usd (from
    :func:`bilat.analytics.composition.by_level` or :func:`by_section`). Added columns: share,
    rank (1 = largest), prev_value_usd, change_usd, change_pct, share_change_pp (percentage points);
    the changes are NULL when the code has no row in the previous year.
    """
    direction = ["year", "exporter", "importer"]
    total_window = ibis.window(group_by=direction)
    rank_window = ibis.window(group_by=direction, order_by=[ibis.desc(levels.value_usd), levels.code])
    value = levels.value_usd.cast("float64")
    shared = levels.mutate(
        value_usd=value,
        share=value / value.sum().over(total_window).nullif(0),
        rank=(ibis.row_number().over(rank_window) + 1).cast("int64"),
    )
    history = ibis.window(group_by=["exporter", "importer", "code"], order_by="year")
    prev_year = shared.year.lag().over(history)
    consecutive = prev_year == shared.year - 1
    prev_value = ibis.cases((consecutive, shared.value_usd.lag().over(history)), else_=ibis.null("float64"))
    prev_share = ibis.cases((consecutive, shared.share.lag().over(history)), else_=ibis.null("float64"))
    out = shared.mutate(prev_value_usd=prev_value, prev_share=prev_share)
    return out.mutate(
        change_usd=out.value_usd - out.prev_value_usd,
        change_pct=out.value_usd / out.prev_value_usd.nullif(0) - 1.0,
        share_change_pp=(out.share - out.prev_share) * 100.0,
    ).drop("prev_share")


@kept
def top_n(shared: ir.Table, n: int) -> ir.Table:
    """The ``n`` largest codes of each year and direction (ranks from :func:`with_shares`)."""
    return shared.filter(shared["rank"] <= n).order_by(["year", "exporter", "rank"])


@kept
def by_section(chapters: ir.Table) -> ir.Table:
    """Roll chapter rows (code = 2 digits) up to the 21 HS sections (code = roman numeral).

    The chapter → section map is the nomenclature's, carried as a literal table (no I/O here).
    """
    sections = _chapter_sections_table()
    joined = chapters.join(sections, chapters.code == sections.chapter)
    return joined.group_by(["year", "exporter", "importer", joined.section.name("code")]).aggregate(
        value_usd=joined.value_usd.sum()
    )


@cache
def _chapter_sections_table() -> ir.Table:
    """The chapter → section map as one in-memory table, made once: a fresh ``memtable`` has a fresh
    name, so every query over it would be compiled anew."""
    return ibis.memtable(_chapter_sections())


@cache
def _chapter_sections() -> pd.DataFrame:
    from bilat.nomenclature.hs import hs_table

    chapters = hs_table(level=2)
    sections = chapters["section"].fillna("").astype(str).replace("", OTHER_SECTION)
    return pd.DataFrame({"chapter": chapters["code"].astype(str), "section": sections})
