"""Fact-check claims against the data, with the same definition and a hedge-aware tolerance.

Tolerance, with ``deviation = (claimed - data) / data``:

=====================  ===================================================
hedge in the article   claim is consistent when
=====================  ===================================================
none ("$2.3b.")        |deviation| <= 5%
about / some / around  |deviation| <= 15%
nearly / almost        -1% <= deviation <= +15%
more than / over       -25% <= deviation <= 0 (the data is at or above the claim)
less than / up to      0 <= deviation <= +25% (the data is at or below the claim)
=====================  ===================================================

"nearly $3 billion" says the true value is a little *below* 3 billion: consistent when the data
lies between claimed/1.15 (0.87 × claimed) and 1.01 × claimed. On top of the hedge, a figure is never held to more
precision than it states: "0.1 percent" covers 0.05-0.15 (half of its last digit), "$3 billion"
covers ±0.5 billion. The tolerance used is the wider of the two, and every verdict says which.

Verdicts: ``consistent``, ``inconsistent`` or ``not_checkable`` (with the reason: no year, no data
for that year, services, no comparable series, no exchange rate). Nothing forward-looking is ever
judged: a forecast, a deal's projected effect or a figure for a year after publication is
``not_checkable`` (targets go to the goal tracker, :mod:`bilat.questions.declared_goals`).
Growth rates are compared in percentage points (:data:`GROWTH_BANDS`, a sign difference is
always inconsistent), shares of a country's imports in percentage points too, and ranks exactly.
Every verdict carries one sentence, ``why`` (:mod:`.verdict_text`). Known gaps between a press
figure and the data are explained rather than only flagged: an import figure is the importer's
CIF value while the data is the exporter's FOB report; GDP is revised between vintages.
"""

from __future__ import annotations

from typing import Any

from bilat.news.facts import Fact, TradeFacts
from bilat.news.fx import to_usd
from bilat.news.model import Claim
from bilat.news.trend_check import check_growth
from bilat.news.verdict_record import FORWARD_LOOKING, GROWTH_BANDS, Verdict  # noqa: F401 - re-exported
from bilat.news.verdict_text import explain
from bilat.schema import EXPORTS_TOTAL_USD, IMPORTS_TOTAL_USD

HEDGE_BOUNDS = {
    None: (-0.05, 0.05),
    "about": (-0.15, 0.15),
    "nearly": (-0.01, 0.15),  # data may be up to 15% below the claim: claimed/data - 1 in [-1%, +15%]
    "over": (-0.25, 0.0),
    "under": (0.0, 0.25),
}

CIF_NOTE = (
    "the article words this as imports, i.e. the importer's own figure (customs, valued CIF: including freight "
    "and insurance); the data is the exporter's reported exports (FOB). CIF typically exceeds FOB by 5-10%, and "
    "the two countries' records also differ in timing, coverage and country of origin"
)
GDP_NOTE = (
    "GDP in current dollars is revised between data vintages and depends on the exchange rate used; the figure "
    "quoted at the time may differ from today's World Bank vintage"
)
TRADE_NOTE = (
    "national statistics (e.g. a statistics bureau) add exports FOB and imports CIF from their own customs "
    "records; the data sums both partners' reported exports (FOB)"
)


def check_claims(claims: list[Claim], facts: TradeFacts, published: Any = None) -> list[Verdict]:
    """One verdict per claim, in the claims' order (``published``: the article's date, if known)."""
    out = []
    for claim in claims:
        verdict = check_claim(claim, facts, published)
        verdict.why = explain(verdict)
        out.append(verdict)
    return out


def _not_now(claim: Claim, published: Any) -> str | None:
    """Why a claim is forward-looking or not comparable with calendar-year data (None if it is)."""
    modality = getattr(claim, "modality", None)
    if modality:
        return f"{FORWARD_LOOKING.get(modality, 'not a reported figure')}: forward-looking figures are never judged"
    pub_year = getattr(published, "year", None)
    if claim.year is not None and pub_year is not None and claim.year > pub_year:
        return f"a figure for {claim.year}, after the article's date ({published}): forward-looking, never judged"
    period = getattr(claim, "period", None)
    if period:
        if str(period).upper().startswith("FY") or "june" in str(period).lower():
            return f"a fiscal-year figure ({period}); the loaded data are calendar years"
        return f"a part-year figure ({period}); the loaded data are whole calendar years"
    return None


def check_claim(claim: Claim, facts: TradeFacts, published: Any = None) -> Verdict:
    if claim.scope in ("services", "goods_and_services"):
        return Verdict(claim, "not_checkable", "the figure includes services; the data covers goods trade only")
    reason = _not_now(claim, published)
    if reason:
        return Verdict(claim, "not_checkable", reason)
    if getattr(claim, "currency_assumed", False):
        return Verdict(claim, "not_checkable", f"no currency written beside the figure ({claim.currency} is only "
                                               "assumed from the text around it): not judged")
    if claim.measure in ("other", "top_products"):
        reason = {
            "other": "unknown definition: no comparable series in the data",
            "top_products": "no comparable series: product-level data for this pair covers only a few HS chapters",
        }[claim.measure]
        return Verdict(claim, "not_checkable", reason)
    if claim.year is None:
        return Verdict(claim, "not_checkable", "the claim states no year (and none could be inferred)")
    if claim.measure == "growth":
        return check_growth(claim, facts)
    fact, claimed = _query(claim, facts)
    if isinstance(fact, str):
        return Verdict(claim, "not_checkable", fact)
    if fact is None:
        return Verdict(claim, "not_checkable", f"no data for {claim.measure} in {claim.year}")
    verdict = Verdict(
        claim, "inconsistent", data_value=fact.value, claimed_usd=claimed, source=fact.source, definition=fact.definition
    )
    if claim.measure in ("gdp_rank", "partner_rank"):
        verdict.deviation = claimed - fact.value
        verdict.tolerance = (0.0, 0.0)
        verdict.deviation_unit = "rank"
        verdict.verdict = "consistent" if fact.value == claimed else "inconsistent"
        return verdict
    deviation = (claimed - fact.value) / fact.value if fact.value else float("inf")
    low, high = HEDGE_BOUNDS.get(claim.hedge, HEDGE_BOUNDS[None])
    rounding = _rounding(claim) / claimed if claimed else 0.0
    low, high = min(low, -rounding), max(high, rounding)
    verdict.deviation, verdict.tolerance = deviation, (low, high)
    verdict.verdict = "consistent" if low - 1e-12 <= deviation <= high + 1e-12 else "inconsistent"
    verdict.explanation = _explain(claim, fact, deviation)
    return verdict


def _query(claim: Claim, facts: TradeFacts) -> tuple[Fact | str | None, float]:
    year = claim.year
    assert year is not None
    claimed = float(claim.value or 0)
    if claim.currency and claim.currency != "USD":
        converted = to_usd(claimed, claim.currency, year)
        if converted is None:
            return f"no exchange rate for {claim.currency} in {year} in fx_rates.csv", claimed
        claimed = converted[0]
    if claim.measure == "exports":
        if not (claim.from_ and claim.to):
            return "direction unknown: the article does not say between which countries", claimed
        if claim.basis == "imports":
            return facts.imports(claim.to, claim.from_, year), claimed
        return facts.exports(claim.from_, claim.to, year), claimed
    if claim.measure == "bilateral_trade_total":
        if not (claim.from_ and claim.to):
            return "countries unknown", claimed
        return facts.total_trade(claim.from_, claim.to, year), claimed
    if claim.measure == "gdp":
        return (facts.gdp(claim.country, year) if claim.country else "country unknown"), claimed
    if claim.measure in ("imports_total", "exports_total"):  # claim.country is the importer / exporter
        if not claim.country:
            return "country unknown", claimed
        name = IMPORTS_TOTAL_USD if claim.measure == "imports_total" else EXPORTS_TOTAL_USD
        return (facts.indicator(claim.country, name, year) or facts.why_no_total(claim.country, name, year)), claimed
    if claim.measure == "share_of_imports":
        if not (claim.from_ and claim.to):
            return "countries unknown", claimed
        from bilat.news.partner_facts import partner_share

        # The importer's total from an outside series where loaded, else from all its partners' reports.
        return facts.share_of_imports(claim.from_, claim.to, year) or partner_share(facts, claim.from_, claim.to, year), claimed
    if claim.measure == "partner_rank":
        if not (claim.country and claim.about):
            return "whose partner, and which partner, the text does not say", claimed
        from bilat.news.partner_facts import partner_rank

        side = claim.basis if claim.basis in ("exports", "imports") else "total"
        return partner_rank(facts, claim.country, claim.about, year, side), claimed
    if claim.measure == "gdp_rank":
        return (facts.gdp_rank(claim.country, year) if claim.country else "country unknown"), claimed
    return "no comparable series", claimed


def _rounding(claim: Claim) -> float:
    """Half of the last stated digit of the claim, in the claim's units converted like the value."""
    from bilat.news.money import find_amounts

    amounts = find_amounts(claim.text)
    if not amounts or claim.value is None:
        return 0.0
    amount = amounts[0]
    if amount.value == 0:
        return 0.0
    return abs(amount.significant / amount.value * _claimed_usd_ratio(claim))


def _claimed_usd_ratio(claim: Claim) -> float:
    if claim.currency and claim.currency != "USD" and claim.year is not None:
        converted = to_usd(float(claim.value or 0), claim.currency, claim.year)
        if converted:
            return converted[0]
    return float(claim.value or 0)


def _explain(claim: Claim, fact: Fact, deviation: float) -> str | None:
    notes = []
    if claim.measure == "exports" and claim.basis == "imports" and fact.mirror and deviation > 0:
        notes.append(CIF_NOTE)
    if claim.measure == "bilateral_trade_total" and deviation > 0:
        notes.append(TRADE_NOTE)
    if claim.measure == "gdp" and abs(deviation) > 0.02:
        notes.append(GDP_NOTE)
    if fact.mirror:
        notes.append("the exporter reports nothing for that year: the data is the importer's mirror figure")
    return "; ".join(notes) or None
