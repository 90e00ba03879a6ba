"""Changes: a percentage or a multiple read as the growth of a flow (split out of :mod:`.claims`).

Why a module of its own: a change's sides are read differently from a level's. The flow it is a
change of may be named before the rate ("exports rose 12 percent"), right after it ("a decline of
6.5% in exports"), by an investment's two sides ("Turkish investment in Peru rose 14%"), or
only by the figure before it ("The figure decreased by 80 percent").
"""

from __future__ import annotations

import re

import bilat.news.cues as cues
from bilat.news.balance_sides import balance_change_sides
from bilat.news.change_words import is_fall
from bilat.news.finance_sides import investment_sides
from bilat.news.model import Claim
from bilat.news.rate_changes import names_flow

#: "the figure", "this amount", "it": a phrase that points back to the figure before
ANAPHOR = re.compile(r"(?:\b(?:the|this|that)\s+(?:figure|amount|value|sum|total|number)|"
                     r"^\W*(?:(?:in|by|during|over)\s+[^,@]{0,40}?,?\s+)?(?:it|this|that))\s+(?:[a-z-]+\s+){0,4}$", re.I)


def growth_claim(claim: Claim, clause: str, left: str, right: str, pair: list[str], sentence_left: str,
                 anchor: Claim | None = None, sign: int | None = None) -> Claim:
    """A percentage or multiple read as a change: its sign, the flow it is a change of, and that flow's sides.

    ``sign`` is a sign the writing gives (:mod:`.rate_changes`); ``anchor`` the figure an anaphor
    ("the figure decreased by 80 percent") points back to.
    """
    claim.measure = "growth"
    if sign is not None or (claim.unit == "percent" and is_fall(left, right)):
        claim.value = (sign or -1) * abs(claim.value or 0)
    if names_flow(right):  # "a fall of 6.5% in exports": the flow named right after the rate
        clause = cues.AMOUNT + " " + right
    found = cues.nearest_cue(clause)
    if found:
        kind, match = found
        flow = cues.flow_of(clause, kind, match, pair)
        claim.about = {"trade": "bilateral_trade_total"}.get(kind, kind)
        claim.basis = kind
        claim.from_, claim.to = flow.origin, flow.destination
    elif anchor is not None and anchor.unit is None and ANAPHOR.search(left):
        # "Exports from Peru to Ghana totaled $4,900. The figure decreased by 80 percent": that flow's change
        claim.about = {"bilateral_trade_total": "bilateral_trade_total"}.get(anchor.measure, anchor.basis)
        claim.basis, claim.from_, claim.to = anchor.basis, anchor.from_, anchor.to
    elif (invested := investment_sides(clause)) is not None:  # "Turkish investment in Peru rose 14%"
        claim.from_, claim.to = invested
    else:  # "Kenya's economy grew 4.8 percent": growth of the first country named
        claim.from_ = cues.first_country(sentence_left) or cues.first_country(right)
    claim.from_, claim.to = balance_change_sides(left, right, pair) or (claim.from_, claim.to)  # a balance's change
    return claim
