"""A currency swap's size runs between two central banks both ways: it has no origin or destination.

Why: "the two central banks renewed a currency swap worth 70 billion yuan" reads like a loan (a
figure between two named sides, one named first), and the side readers gave it from the first side
named to the other. A swap lends each side's currency to the other; the corpus writes its size with
both sides open (``from``/``to`` null, the pair in ``parties``), and so does bilat now. Only money
figures (``measure == "other"``) whose own clause names the swap are changed: an import figure in the
same sentence keeps its flow.
"""

from __future__ import annotations

import re

from bilat.news.model import Claim
from bilat.news.text import Sentence, clause_bounds, sentence_at

_SWAP = re.compile(r"(?i)\bswaps?\b")
#: a debt swap ("a debt-for-climate swap", "debt swap") cancels what one side owes: not a currency swap
_DEBT_BEFORE = re.compile(r"(?i)\bdebt\b[\w\s-]{0,20}$")


def swaps_have_no_direction(sents: list[Sentence], claims: list[Claim]) -> None:
    """Open both sides of every money figure whose clause is about a currency swap."""
    starts = [s.start for s in sents]
    for claim in claims:
        if claim.measure != "other" or (claim.from_ is None and claim.to is None):
            continue
        sent = sentence_at(sents, starts, claim.start)
        if sent is None:
            continue
        left, right = clause_bounds(sent.text, claim.start - sent.start, claim.end - sent.start)
        swap = _SWAP.search(sent.text, left, right)
        if swap is not None and not _DEBT_BEFORE.search(sent.text[max(0, swap.start() - 24) : swap.start()]):
            claim.from_ = claim.to = None
