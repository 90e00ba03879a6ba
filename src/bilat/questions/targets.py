"""Question 2: declared goals, stored in the session's catalog and checked against the data.

Example::

    from bilat.questions import add_target, target_status
    add_target("ISR", "JPN", multiplier=2, base_year=2016, by_year=2022)
    target_status(a="ISR", b="JPN")        # progress, required vs actual CAGR, verdict
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from bilat.analytics import profile as prof
from bilat.analytics.targets import DEFAULT_HORIZON_YEARS, MEASURES, Target, TargetStatus, evaluate
from bilat.errors import BilatError, NoDataError
from bilat.questions.yearly import pair_series
from bilat.session import Session, resolve_pair, using


_MEASURE_ALIASES = {
    "total": "total", "trade": "total", "bilateral_trade_total": "total", "bilateral_trade": "total",
    "total_trade": "total", "trade_volume": "total", "exports": "exports", "export": "exports",
    "imports": "imports", "import": "imports",
}

#: The goal the founding articles declare. The 2017 Israel–Japan agreements article speaks of
#: doubling bilateral trade and gives neither a base nor an end year: its figures are for 2016
#: (the base), and the goal year is the default horizon (base + 6 = 2022).
SEED_TARGETS = (
    dict(a="ISR", b="JPN", measure="total", base_year=2016, by_year=2016 + DEFAULT_HORIZON_YEARS, multiplier=2.0,
         by_year_assumed=True, origin="seed: Israel–Japan agreements article (2017)",
         quote="goal to double Israel–Japan trade (no base or end year given; base 2016 = the article's latest figures)"),
)


def seed_targets(a: str, b: str) -> list[Target]:
    """The founding articles' goals for this pair (either order), not stored in the catalog."""
    out = []
    for seed in SEED_TARGETS:
        if {seed["a"], seed["b"]} == {a, b}:
            out.append(Target(**seed))
    return out


def make_target(
    a: str | None = None,
    b: str | None = None,
    *,
    measure: str = "total",
    base_year: int | None = None,
    by_year: int | None = None,
    multiplier: float | None = None,
    target_value: float | None = None,
    growth: float | str | None = None,
    countries: list[str] | None = None,
    quote: str | None = None,
    origin: str = "user",
    published: Any = None,
    kind: str | None = None,
    increase: bool = False,
    horizon_years: float | None = None,
    horizon_end: int | None = None,
    engine: Any = None,
    session: Session | None = None,
    **extra: Any,
) -> Target:
    """Build a validated :class:`Target` from CLI options or a news record's ``to_target_dict()``.

    News records name the pair in ``countries`` and the direction in ``from``/``to``; an
    ``imports`` goal with from X to Y is Y's imports from X. A missing base year becomes the last
    complete data year before ``published`` (the figures an article quotes are last year's, and
    the data may end earlier) or, without it, the latest year with data; either way the target
    says it was assumed. A goal year comes from the text, else from a horizon ("within five
    years" of ``published``), else base + :data:`DEFAULT_HORIZON_YEARS` (flagged). ``increase``:
    ``target_value`` is added to the base value, not the level to reach. A value in another
    currency is converted at the publication year's rate (``bilat.news.fx``), and says so.
    """
    raw_measure = str(measure or "total").strip().lower()
    if raw_measure not in _MEASURE_ALIASES:
        raise BilatError(f"measure must be one of {', '.join(MEASURES)}; got {measure!r}")
    measure_kind = _MEASURE_ALIASES[raw_measure]
    src, dst = extra.pop("from", None), extra.pop("to", None)
    if a is None or b is None:
        if measure_kind in ("exports", "imports") and src and dst:
            a, b = (src, dst) if measure_kind == "exports" else (dst, src)
        elif countries and len(countries) == 2:
            a, b = countries
        else:
            raise BilatError("a target needs two countries (A B, or countries=[A, B])")
    a, b = resolve_pair(a, b)
    if growth is not None:
        if multiplier is not None or target_value is not None:
            raise BilatError("give one of --multiplier, --target-value or --growth, not several")
        multiplier = 1.0 + _fraction(growth)
    if (multiplier is None) == (target_value is None):
        raise BilatError("a target needs exactly one of --multiplier (2 = double), --target-value (USD) or --growth (50%)")
    if multiplier is not None and float(multiplier) <= 0:
        raise BilatError(f"the multiplier must be positive, got {multiplier}")
    if target_value is not None and float(target_value) <= 0:
        raise BilatError(f"the target value must be positive USD, got {target_value}")
    notes: list[str] = []
    currency = extra.get("currency")
    if target_value is not None and currency not in (None, "USD"):
        if published is None:
            raise BilatError(f"target values are compared with USD statistics; convert {currency} first")
        from bilat.news.fx import to_usd

        converted = to_usd(float(target_value), str(currency), _year_of(published))
        if converted is None:
            raise BilatError(f"no exchange rate for {currency} in {_year_of(published)}: convert the goal to USD first")
        notes.append(f"{target_value:,.0f} {currency} converted to USD at the {_year_of(published)} rate")
        target_value = converted[0]
    base_assumed = base_year is None
    if base_year is None:
        latest = _latest_year(a, b, engine, session, missing_ok=published is not None)
        base_year = min(_year_of(published) - 1, latest) if published is not None and latest else (
            _year_of(published) - 1 if published is not None else latest)
        notes.append(f"base year {base_year}: the last complete year of data before the declaration ({published})"
                     if published is not None else f"base year {base_year}: the latest year with data for the pair")
    base_year = int(base_year)
    assumed = by_year is None
    if by_year is None and horizon_end is not None:
        by_year, assumed = int(horizon_end), False
        notes.append(f"goal year {by_year}: the declared horizon ({horizon_years:g} years) from the publication date"
                     if horizon_years else f"goal year {by_year}: from the declared horizon")
    elif by_year is None and horizon_years and published is not None:
        by_year, assumed = _year_of(published) + int(round(float(horizon_years))), False
        notes.append(f"goal year {by_year}: {horizon_years:g} years from the publication date")
    by_year = int(by_year) if by_year is not None else base_year + DEFAULT_HORIZON_YEARS
    if by_year <= base_year:
        raise BilatError(f"the goal year ({by_year}) must come after the base year ({base_year})")
    return Target(a=a, b=b, measure=measure_kind, base_year=base_year, by_year=by_year,
                  multiplier=float(multiplier) if multiplier is not None else None,
                  target_value=float(target_value) if target_value is not None else None,
                  by_year_assumed=assumed, quote=quote, origin=origin, notes=notes, kind=kind or "goal",
                  increase=bool(increase) and target_value is not None, base_year_assumed=base_assumed)


def add_target(a: str | None = None, b: str | None = None, *, session: Session | None = None, **fields: Any) -> Target:
    """Validate and store a target in the session's catalog; returns it with its id (see :func:`make_target`)."""
    with using(session, fields.pop("engine", None)) as s:
        target = make_target(a, b, session=s, **fields)
        return s.targets.add(target)


def list_targets(*, session: Session | None = None) -> pd.DataFrame:
    """The stored targets, one row each, with a readable description."""
    with using(session) as s:
        frame = s.targets.frame()
        frame["goal"] = [t.describe() for t in s.targets.all()]
    return frame


def remove_target(target_id: int, *, session: Session | None = None) -> None:
    """Delete a stored target."""
    with using(session) as s:
        s.targets.remove(target_id)


def target_status(
    target_id: int | None = None,
    *,
    a: str | None = None,
    b: str | None = None,
    include_seeds: bool = False,
    engine: Any = None,
    session: Session | None = None,
) -> list[TargetStatus]:
    """Check stored targets (one, those of a pair, or all) against the data, year by year."""
    with using(session, engine) as s:
        store = s.targets
        if target_id is not None:
            targets = [store.get(target_id)]
        else:
            targets = store.all()
            if a is not None and b is not None:
                pa_, pb_ = resolve_pair(a, b)
                targets = [t for t in targets if {t.a, t.b} == {pa_, pb_}]
                if include_seeds:
                    targets += [x for x in seed_targets(pa_, pb_) if not any(same_goal(x, t) for t in targets)]
        return [evaluate_target(t, s) for t in targets]


def evaluate_target(target: Target, session: Session) -> TargetStatus:
    """One target against the best loaded series of its pair."""
    try:
        series, source, _ = pair_series(session, target.a, target.b, None)
    except NoDataError:
        series, source = pd.DataFrame(columns=["year", *prof.series_columns(target.a, target.b).values()]), None
    return evaluate(target, series, source)


def same_goal(x: Target, y: Target) -> bool:
    """True when two targets declare the same goal (the same pair, measure, base and level)."""
    return ({x.a, x.b} == {y.a, y.b} and x.measure == y.measure and x.base_year == y.base_year
            and x.multiplier == y.multiplier and x.target_value == y.target_value)


def _fraction(value: float | str) -> float:
    text = str(value).strip()
    try:
        if text.endswith("%"):
            return float(text[:-1]) / 100.0
        number = float(text)
    except ValueError:
        raise BilatError(f"growth must look like 50% or 0.5, got {value!r}") from None
    return number / 100.0 if number > 5 else number


def _year_of(value: Any) -> int:
    if hasattr(value, "year"):
        return int(value.year)
    return int(str(value)[:4])


def _latest_year(a: str, b: str, engine: Any, session: Session | None, missing_ok: bool = False) -> int | None:
    """The pair's last year with data (None, when ``missing_ok``, for a pair without data)."""
    with using(session, engine) as s:
        try:
            series, _, _ = pair_series(s, a, b, None)
        except NoDataError:
            if missing_ok:
                return None
            raise
    with_total = series[series.total_usd.notnull()]
    return int((with_total if len(with_total) else series).year.max())
