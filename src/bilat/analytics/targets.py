"""Declared goals ("double bilateral trade by 2022") checked against the data, year by year.

Why plain Python here rather than Ibis: a goal is a handful of numbers, and the point of this
module is the arithmetic shown to the reader, step by step. The series it reads comes from
:func:`bilat.analytics.profile.pair_series` (executed at the edge).

For each year y with data, from the base year on (v₀ the base value, T the target, Y the goal year):

* progress      = (v_y − v₀) / (T − v₀)             share of the way from the base to the goal
* actual CAGR   = (v_y / v₀) ** (1 / (y − base)) − 1
* required CAGR = (T / v₀) ** (1 / (Y − base)) − 1   (doubling in 6 years: 2 ** (1/6) − 1 = 12.25 %)
* projection    = v_y · (1 + actual CAGR) ** (Y − y)
* verdict       = achieved (v_y ≥ T), missed (y ≥ Y and v_y < T), on track (projection ≥ T),
                  behind (projection < T).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field

import pandas as pd

from bilat.analytics.growth import cagr, project

#: The goal year assumed when a declaration gives none: the base year plus this many years.
DEFAULT_HORIZON_YEARS = 6

MEASURES = ("total", "exports", "imports")

ACHIEVED, ON_TRACK, BEHIND, MISSED, NO_BASE = "achieved", "on track", "behind", "missed", "no base value"


@dataclass
class Target:
    """A goal for one measure of one pair.

    ``measure``: ``total`` (A→B + B→A), ``exports`` (A→B) or ``imports`` (B→A, A's imports from B).
    Exactly one of ``multiplier`` (2 = double) and ``target_value`` (USD) sets the goal; a growth of
    50 % is stored as multiplier 1.5. ``by_year_assumed`` is True when the declaration named no goal
    year and :data:`DEFAULT_HORIZON_YEARS` was used.
    """

    a: str
    b: str
    measure: str
    base_year: int
    by_year: int
    multiplier: float | None = None
    target_value: float | None = None
    by_year_assumed: bool = False
    quote: str | None = None
    origin: str = "user"
    id: int | None = None
    notes: list[str] = field(default_factory=list)
    #: goal (a declared objective), expectation, projection or commitment, as the declaration words it.
    kind: str = "goal"
    #: True when ``target_value`` is an increase over the base ("add $5 billion"), not the level to reach.
    increase: bool = False
    #: True when the declaration named no base year (the last complete data year before it was used).
    base_year_assumed: bool = False
    #: Every declaration of this same goal: {"origin": ..., "quote": ...}, the first one first.
    origins: list[dict] = field(default_factory=list)

    def describe(self) -> str:
        """One line a person can read: "double ISR–JPN total trade from 2016 by 2022"."""
        what = {"total": f"{self.a}–{self.b} total trade", "exports": f"{self.a} exports to {self.b}",
                "imports": f"{self.a} imports from {self.b}"}[self.measure]
        if self.multiplier is not None:
            verb = {2.0: "double", 3.0: "triple", 4.0: "quadruple"}.get(float(self.multiplier))
            goal = f"{verb} {what}" if verb else f"multiply {what} by {self.multiplier:g}"
        elif self.increase:
            goal = f"add {usd(self.target_value)} to {what}"
        else:
            goal = f"bring {what} to {usd(self.target_value)}"
        by = f"by {self.by_year}" + (" (assumed: no goal year declared)" if self.by_year_assumed else "")
        base = f"from {self.base_year}" + (" (assumed)" if self.base_year_assumed else "")
        kind = "" if self.kind in (None, "goal") else f" [{self.kind}]"
        return f"{goal} {base} {by}{kind}"

    def to_dict(self) -> dict:
        return asdict(self)


def measure_column(target: Target) -> str:
    """The :func:`bilat.analytics.profile.pair_series` column the target is measured on."""
    return {"total": "total_usd", "exports": f"{target.a}_to_{target.b}_usd",
            "imports": f"{target.b}_to_{target.a}_usd"}[target.measure]


def goal_value(target: Target, base_value: float) -> float:
    """The level to reach: base × multiplier, or the declared value."""
    if target.target_value is not None:
        return base_value + float(target.target_value) if target.increase else float(target.target_value)
    return base_value * float(target.multiplier)


@dataclass
class TargetStatus:
    """The target checked against one series: one row per year, and the latest verdict."""

    target: Target
    source: str | None
    base_value: float | None
    goal: float | None
    required_cagr: float | None
    years: pd.DataFrame
    verdict: str
    summary: str
    arithmetic: list[str]


def evaluate(target: Target, series: pd.DataFrame, source: str | None = None) -> TargetStatus:
    """Check ``target`` against ``series`` (columns year and the measure's column; see module doc)."""
    column = measure_column(target)
    values = {int(y): _num(v) for y, v in zip(series["year"], series[column], strict=True)} if len(series) else {}
    base = values.get(target.base_year)
    empty = pd.DataFrame(columns=["year", "value_usd", "progress", "actual_cagr", "required_cagr",
                                  "needed_cagr_from_here", "projection_usd", "verdict"])
    if base is None or base <= 0:
        msg = f"no {target.measure} figure for the base year {target.base_year}: the goal cannot be measured"
        return TargetStatus(target, source, None, None, None, empty, NO_BASE, msg, [msg])
    goal = goal_value(target, base)
    span = target.by_year - target.base_year
    required = cagr(base, goal, span)
    rows = []
    for year in sorted(y for y in values if y > target.base_year and values[y] is not None):
        value = values[year]
        elapsed = year - target.base_year
        actual = cagr(base, value, elapsed)
        remaining = target.by_year - year
        projection = project(value, actual, remaining) if actual is not None and remaining > 0 else None
        needed = cagr(value, goal, remaining) if remaining > 0 else None
        rows.append(dict(
            year=year, value_usd=value,
            progress=(value - base) / (goal - base) if goal != base else None,
            actual_cagr=actual, required_cagr=required, needed_cagr_from_here=needed,
            projection_usd=projection, verdict=_verdict(value, goal, year, target.by_year, projection),
        ))
    table = pd.DataFrame(rows, columns=empty.columns) if rows else empty
    arithmetic = [
        f"base: {target.measure} in {target.base_year} = {usd(base)} ({source or 'loaded data'})",
        (f"goal: {usd(base)} × {target.multiplier:g} = {usd(goal)} by {target.by_year}" if target.multiplier is not None
         else f"goal: {usd(base)} + {usd(target.target_value)} = {usd(goal)} by {target.by_year}" if target.increase
         else f"goal: {usd(goal)} by {target.by_year}"),
    ]
    if target.base_year_assumed:
        arithmetic.append(f"the declaration names no base year; {target.base_year} is assumed")
    arithmetic += [note for note in target.notes if note]
    if required is not None:
        arithmetic.append(
            f"required growth: ({usd(goal)} / {usd(base)}) ^ (1/{span}) − 1 = {pct(required)} a year over {span} years"
        )
    if not rows:
        summary = f"no data after the base year {target.base_year} yet"
        return TargetStatus(target, source, base, goal, required, table, "no data yet", summary, arithmetic)
    # The verdict: at the goal year if the data reach it, else the latest year.
    at_goal = table[table.year == target.by_year]
    decisive = at_goal.iloc[0] if len(at_goal) else table.iloc[-1]
    if (table.value_usd >= goal).any() and decisive.verdict != MISSED:
        first = int(table[table.value_usd >= goal].year.iloc[0])
        verdict = ACHIEVED
        summary = f"achieved in {first}: {usd(values[first])} ≥ goal {usd(goal)}"
    else:
        verdict = decisive.verdict
        y = int(decisive.year)
        line = f"{y}: {usd(decisive.value_usd)}, {pct(decisive.progress, signed=False)} of the way"
        if decisive.actual_cagr is not None and not _isnan(decisive.actual_cagr):
            line += f"; actual growth {pct(decisive.actual_cagr)} a year since {target.base_year} vs {pct(required)} required"
        if verdict in (ON_TRACK, BEHIND) and decisive.projection_usd is not None and not _isnan(decisive.projection_usd):
            line += f"; at that pace {target.by_year} reaches {usd(decisive.projection_usd)}"
        summary = f"{verdict}: {line}"
    d = decisive
    y = int(d.year)
    if d.actual_cagr is not None and not _isnan(d.actual_cagr):
        arithmetic.append(
            f"actual growth {target.base_year}→{y}: ({usd(d.value_usd)} / {usd(base)}) ^ (1/{y - target.base_year}) − 1 "
            f"= {pct(d.actual_cagr)} a year"
        )
        if d.projection_usd is not None and not _isnan(d.projection_usd):
            arithmetic.append(
                f"projection: {usd(d.value_usd)} × (1 + {pct(d.actual_cagr)}) ^ {target.by_year - y} = {usd(d.projection_usd)}"
                f" in {target.by_year} ({'≥' if d.projection_usd >= goal else '<'} goal {usd(goal)})"
            )
    if target.by_year_assumed:
        arithmetic.append(
            f"the declaration names no goal year; {target.by_year} = base year + {DEFAULT_HORIZON_YEARS} is assumed"
        )
    last_year = int(table.year.max())
    if last_year < target.by_year and verdict != ACHIEVED:
        arithmetic.append(f"the data end in {last_year}, before the goal year {target.by_year}: the verdict is provisional")
    return TargetStatus(target, source, base, goal, required, table, verdict, summary, arithmetic)


def _verdict(value: float, goal: float, year: int, by_year: int, projection: float | None) -> str:
    if value >= goal:
        return ACHIEVED
    if year >= by_year:
        return MISSED
    if projection is not None and projection >= goal:
        return ON_TRACK
    return BEHIND


def _num(v: object) -> float | None:
    if v is None:
        return None
    try:
        f = float(v)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) else f


def _isnan(v: object) -> bool:
    return isinstance(v, float) and math.isnan(v)


def usd(value: float | None) -> str:
    """A dollar amount people read at a glance: $2.76 bn, $756.9 M, $96,897."""
    if value is None or _isnan(value):
        return "n/a"
    sign = "−" if value < 0 else ""
    v = abs(float(value))
    if v >= 1e9:
        return f"{sign}${v / 1e9:,.2f} bn"
    if v >= 1e6:
        return f"{sign}${v / 1e6:,.1f} M"
    return f"{sign}${v:,.0f}"


def pct(value: float | None, signed: bool = True) -> str:
    """A fraction as a percentage with two decimals (0.1225 → +12.25 %)."""
    if value is None or _isnan(value):
        return "n/a"
    return f"{value * 100:+.2f} %" if signed else f"{value * 100:.1f} %"
