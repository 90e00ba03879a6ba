"""One sentence per verdict, in words: what was compared with what, from where, and how far apart.

Why: a verdict a journalist cannot read is a verdict a journalist cannot use, and "inconsistent"
without a cause is worse than no verdict (the figure may be right under another definition).
The sentence names the figure compared with, whose declaration it is (exporter FOB, importer
CIF, mirror), the source and year, the deviation and the band used, and for an inconsistent one
the causes bilat knows of.
"""

from __future__ import annotations

from typing import Any

#: Exporters whose trade runs through diamond-cutting and trading hubs: figures for polished and
#: rough diamonds are booked by country of consignment, and differ widely between partners' records.
DIAMOND_HUBS = {"ISR", "BEL", "ARE", "IND", "HKG", "BWA", "ZAF", "RUS"}


def _money(value: float | None) -> str:
    from bilat.analytics.targets import usd

    return usd(value)


def _band(verdict: Any) -> str:
    low, high = verdict.tolerance or (0.0, 0.0)
    hedge = verdict.claim.hedge or "no hedge word"
    if verdict.deviation_unit == "pp":
        return f"band {low:+.1f} to {high:+.1f} pp ({hedge}, stated precision)"
    if verdict.deviation_unit == "rank":
        return "ranks must match exactly"
    return f"band {low * 100:+.1f} % to {high * 100:+.1f} % ({hedge}, stated precision)"


def likely_causes(verdict: Any) -> list[str]:
    """What can make a correct figure look wrong, as far as bilat can tell."""
    claim, causes = verdict.claim, []
    definition = (verdict.definition or "").lower()
    if claim.basis == "imports" or "imports" in (claim.text or "").lower():
        causes.append("CIF/FOB: an importer's figure includes freight and insurance; the data is FOB")
    if "mirror" in definition:
        causes.append("mirror figure: the data is the partner's record, which differs in timing and origin rules")
    if {claim.from_, claim.to} & DIAMOND_HUBS and claim.measure in ("exports", "bilateral_trade_total"):
        causes.append("diamonds routed through trading hubs are booked by country of consignment")
    if verdict.deviation_unit == "fraction" and (verdict.deviation or 0) > 0:
        causes.append("the figure may include services (the data covers goods only)")
    causes.append("data vintage: figures are revised after first publication")
    if claim.measure in ("exports", "bilateral_trade_total"):
        causes.append("a fiscal year (April-March, July-June) quoted as a calendar year")
    return causes


def explain(verdict: Any) -> str:
    """The verdict's ``why``: one sentence (or two, for an inconsistent one)."""
    claim = verdict.claim
    if verdict.verdict == "not_checkable":
        return f"Not checked: {verdict.reason or 'no comparable figure in the data'}."
    year = f", {claim.year}" if claim.year is not None else ""
    where = f"{verdict.source}{year}"
    if verdict.deviation_unit == "pp":
        head = (f"Claimed {verdict.claimed_usd:+.1f} % vs {verdict.data_value:+.1f} % in the data "
                f"({verdict.definition}; {where}): {verdict.deviation:+.1f} pp, {_band(verdict)}.")
    elif verdict.deviation_unit == "rank":
        head = (f"Claimed rank {verdict.claimed_usd:g} vs rank {verdict.data_value:g} in the data "
                f"({verdict.definition}; {where}).")
    else:
        is_percent = claim.unit == "percent"
        claimed = f"{verdict.claimed_usd:.3g} %" if is_percent else _money(verdict.claimed_usd)
        data = f"{verdict.data_value:.3g} %" if is_percent else _money(verdict.data_value)
        deviation = (verdict.deviation or 0.0) * 100
        head = (f"Claimed {claimed} vs {data} in the data ({verdict.definition}; {where}): "
                f"{deviation:+.1f} %, {_band(verdict)}.")
    if verdict.verdict == "consistent":
        return head
    extra = f" {verdict.explanation}." if verdict.explanation else ""
    return f"{head}{extra} Likely causes: {'; '.join(likely_causes(verdict))}."
