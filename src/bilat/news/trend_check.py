"""Growth claims checked against the same series, in percentage points.

"Exports grew 12 % on the year" states the change from the year before; "up 5 % from 2016" names
its base; "doubled since 2010" is a multiplier over a stated base. Each is compared with the
change of the same series (one source for both years, :func:`bilat.news.partner_facts.growth`),
in percentage points, with a band from the hedge and the stated precision; a claimed rise where
the data fell (or the reverse) is always inconsistent.
"""

from __future__ import annotations

from typing import Any

from bilat.news.model import Claim
from bilat.news.partner_facts import growth
from bilat.news.verdict_record import GROWTH_BANDS, Verdict


def _series(claim: Claim) -> str | None:
    about = (claim.about or claim.basis or "").lower()
    if about in ("exports", "imports", "bilateral_trade_total"):
        return about
    if about == "trade":
        return "bilateral_trade_total"
    return None


def _stated_precision(claim: Claim) -> float:
    """Half the last digit the claim states, in percentage points ("17 per cent": 0.5; "4.8 %": 0.05)."""
    text = str(claim.value if claim.value is not None else "")
    if "." in text and not text.endswith(".0"):
        decimals = len(text.split(".")[1])
        return 0.5 * 10 ** (-decimals)
    return 0.5


def check_growth(claim: Claim, facts: Any) -> Verdict:
    """One growth claim against the data (see the module docstring)."""
    series = _series(claim)
    if series is None or not (claim.from_ and claim.to):
        return Verdict(claim, "not_checkable", "growth of what: the text names no flow between two countries "
                                               "(a country's economy or total exports are not in the pair data)")
    year = int(claim.year)  # type: ignore[arg-type]
    base_year = getattr(claim, "base_year", None)
    multiplier = claim.unit in ("multiple", "multiplier")
    if base_year is None:
        if multiplier:
            return Verdict(claim, "not_checkable", "a multiple ('doubled') with no base year stated: since when?")
        base_year = year - 1  # "on the year", "from a year earlier": the usual reading of an annual growth rate
    claimed = (float(claim.value) - 1.0) * 100.0 if multiplier else float(claim.value or 0.0)
    fact = growth(facts, series, claim.from_, claim.to, year, int(base_year))
    if fact is None:
        return Verdict(claim, "not_checkable", f"no {series} figures for both {base_year} and {year} from one source")
    low, high = GROWTH_BANDS.get(claim.hedge, GROWTH_BANDS[None])
    precision = _stated_precision(claim) * (100.0 if multiplier else 1.0)
    low, high = min(low, -precision), max(high, precision)
    deviation = claimed - fact.value
    verdict = Verdict(claim, "inconsistent", data_value=fact.value, claimed_usd=claimed, source=fact.source,
                      definition=fact.definition, deviation=deviation, tolerance=(low, high), deviation_unit="pp")
    opposite = (claimed > 0 > fact.value) or (claimed < 0 < fact.value)
    if opposite:
        verdict.explanation = "the data move the other way: a sign difference is never within tolerance"
    elif low - 1e-9 <= deviation <= high + 1e-9:
        verdict.verdict = "consistent"
    return verdict
