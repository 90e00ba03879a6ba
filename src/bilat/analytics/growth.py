"""Growth: year-on-year change and compound annual growth (CAGR) over any span.

Why a module of its own: growth is where trade figures mislead most easily. A rate across a gap in
the series, across a change of source, or from a zero base is not a growth rate, so every function
here returns NULL (None) in those cases instead of a number. The Ibis functions never execute; the
scalar helpers are the same arithmetic for single numbers (targets, projections).

    CAGR(v0 → v1 over n years) = (v1 / v0) ** (1 / n) - 1
    doubling in 6 years needs 2 ** (1/6) - 1 = 12.25 % a year
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import math
from collections.abc import Sequence

from bilat.analytics._ibis import ibis  # imported on first use (see the module)

if TYPE_CHECKING:  # annotations only: the module loads without Ibis
    import ibis.expr.types as ir

from bilat.analytics.memo import kept


@kept
def with_yoy(table: ir.Table, value: str, by: Sequence[str] = (), year: str = "year") -> ir.Table:
    """Add ``<value>_yoy``: growth on the previous year (a fraction; 0.05 = +5 %).

    NULL when the previous year is absent from the series (a gap), or when either value is NULL
    or the previous value is not positive (growth from zero or from a deficit means nothing).
    """
    window = ibis.window(group_by=list(by) or None, order_by=year)
    prev_year = table[year].lag().over(window)
    prev_value = table[value].lag().over(window)
    current = table[value]
    usable = (prev_year == table[year] - 1) & (prev_value > 0) & current.notnull()
    rate = ibis.cases((usable, current.cast("float64") / prev_value.cast("float64") - 1.0), else_=ibis.null("float64"))
    return table.mutate(**{f"{value}_yoy": rate})


def span_cagr(
    table: ir.Table, value: str, first: int, last: int, by: Sequence[str] = (), year: str = "year"
) -> ir.Table:
    """CAGR of ``value`` from year ``first`` to year ``last``, one row per ``by`` group.

    Columns: ``by``..., first_year, last_year, first_value, last_value, years, cagr. ``cagr`` is
    NULL when either end is missing or not positive, or when the span is empty.
    """
    span = last - first
    agg = table.group_by(list(by)) if by else table
    kwargs = dict(
        first_value=table[value].cast("float64").max(where=table[year] == first),
        last_value=table[value].cast("float64").max(where=table[year] == last),
    )
    summary = agg.aggregate(**kwargs) if by else table.aggregate(**kwargs)
    usable = (summary.first_value > 0) & (summary.last_value > 0) & ibis.literal(span > 0)
    ratio = summary.last_value / summary.first_value.nullif(0)
    rate = ibis.cases((usable, ratio ** (1.0 / max(span, 1)) - 1.0), else_=ibis.null("float64"))
    return summary.mutate(
        first_year=ibis.literal(first, "int64"),
        last_year=ibis.literal(last, "int64"),
        years=ibis.literal(span, "int64"),
        cagr=rate,
    ).select(*by, "first_year", "last_year", "first_value", "last_value", "years", "cagr")


# --- the same arithmetic on plain numbers --------------------------------------------------------


def cagr(first_value: float | None, last_value: float | None, years: float) -> float | None:
    """Compound annual growth from ``first_value`` to ``last_value`` over ``years`` (None if undefined)."""
    if first_value is None or last_value is None or years <= 0:
        return None
    if _bad(first_value) or _bad(last_value) or first_value <= 0 or last_value <= 0:
        return None
    return (last_value / first_value) ** (1.0 / years) - 1.0


def required_rate(multiplier: float, years: float) -> float | None:
    """The yearly growth that multiplies a value by ``multiplier`` in ``years`` years."""
    if years <= 0 or multiplier <= 0:
        return None
    return multiplier ** (1.0 / years) - 1.0


def project(value: float, rate: float, years: float) -> float:
    """``value`` grown at ``rate`` a year for ``years`` years."""
    return value * (1.0 + rate) ** years


def _bad(x: float) -> bool:
    return isinstance(x, float) and (math.isnan(x) or math.isinf(x))
