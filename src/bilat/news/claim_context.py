"""What the text around a claim settles once every claim of the article is known.

Why after the fact: a goal's base ("from $7.2 billion at present to $12 billion") is read with
the target's sentence, but its year may only be written where the article states the same figure
again; a figure with no currency written takes the currency of the figures around it.
"""

from __future__ import annotations

import re

from bilat.news.model import Claim
from bilat.news.money import Amount

_BASE_BEFORE = re.compile(r"\bfrom\s+(?:about\s+|around\s+|some\s+|nearly\s+|the\s+current\s+)?$", re.I)
_BASE_AFTER = re.compile(r"^\s*(?:(?:at\s+present|now|currently|today|last\s+year|this\s+year|in\s+(?:19|20)\d\d(?:-\d\d)?)\s*,?\s*)?"
                         r"to\s", re.I)


def is_base(text: str, amount: Amount) -> bool:
    """ "increase trade from $7.2 billion at present to $12 billion": the level a goal starts from."""
    return amount.unit == "money" and _BASE_BEFORE.search(text[max(0, amount.hedge_start - 30) : amount.hedge_start]) is not None \
        and _BASE_AFTER.match(text[amount.end : amount.end + 40]) is not None


def mark_base(claim: Claim, text: str, amount: Amount, base: bool) -> None:
    """Mark a claim that is a goal's base (``_base``) and one with no time of its own beside it
    ("at present", or nothing: ``_base_now``); ``base`` is :func:`is_base` of the amount, asked
    once by the caller. :func:`date_bases` reads the marks."""
    claim._base = base and not re.match(r"^\s*in\s+(?:19|20)\d\d", text[amount.end :])
    claim._base_now = claim._base and not re.match(r"^\s*(?:last|this)\s+year", text[amount.end :], re.I)


def date_bases(claims: list[Claim]) -> None:
    """A goal's base "at present" that the article states elsewhere with its year ("$7.2 billion
    in 2004-05") is that figure, for that year; otherwise it has no year."""
    for claim in claims:
        if not getattr(claim, "_base", False):
            continue
        same = next((c for c in claims if c is not claim and not getattr(c, "_base", False) and c.unit is None
                     and c.currency == claim.currency and c.value == claim.value and c.year is not None), None)
        if same is not None:
            claim.year, claim.period = same.year, same.period
        elif getattr(claim, "_base_now", False):
            # "at present" is the last figure the speaker had, often a finished fiscal year: no
            # year is put on it (the fact-check then leaves it unjudged) unless the text gives one
            claim.year, claim.period = None, None


def assume_currencies(claims: list[Claim]) -> None:
    """A money figure with no currency written takes the currency of the nearest money figure
    before it (else after it, else US dollars), marked ``currency_assumed``."""
    ordered = sorted(claims, key=lambda c: c.start)
    for i, claim in enumerate(ordered):
        if claim.unit is not None or claim.currency is not None or claim.value is None:
            continue
        before = next((c.currency for c in reversed(ordered[:i]) if c.unit is None and c.currency
                       and not c.currency_assumed), None)
        after = next((c.currency for c in ordered[i + 1 :] if c.unit is None and c.currency and not c.currency_assumed), None)
        claim.currency, claim.currency_assumed = before or after or "USD", True
