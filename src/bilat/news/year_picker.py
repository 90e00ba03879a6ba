"""The year of one amount in a sentence: written right after it, else the nearest, else carried.

Kept apart from :mod:`.claims` because products and ranks ask it too, for positions that are not
amounts.
"""

from __future__ import annotations

import re

from bilat.news.dates import MONTH_PATTERN
from bilat.news.money import Amount, find_amounts
from bilat.news.text import Sentence

_YEAR_AFTER = re.compile(r"^\s+in\s+(?:fiscal\s+|calendar\s+)?(?:the\s+year\s+)?((?:19|20)\d\d)\b")
_MONTH = MONTH_PATTERN
#: a list of figures each dated after it: "$2 billion in ports in June 2030, $1 billion in solar farms in
#: October 2031": the date that follows an amount, before the next one, is its own
_DATED_AFTER = re.compile(r"^\s+(?:in\s+[^;$€£¥₹\d]{1,60}?\s+)?in\s+(?:" + _MONTH + r"\.?\s+)?$")
#: "came to $12 billion In 2031, it slipped": a capital "In" inside a sentence starts the next one
_RUN_ON = re.compile(r"[\w%)]\s+In\s+$")


#: the start of another clause: a clause told with a year of its own ("..., and in 2023 they grew")
_CLAUSE_AFTER = re.compile(r"[,;]|\s(?:while|whereas|but|and\s+then)\s")
#: a fronted "In 2020," frames the clause after its comma; a coordinated clause does not go back to it
_CLAUSE_BEFORE = re.compile(r";|,\s+(?:and|but|while|whereas)\s|[.!?]\s")


class YearPicker:
    """Year for an amount: written right after it, else nearest in the sentence, else the paragraph's."""

    def __init__(self, sent: Sentence, years: list[tuple[int, int]], carried: int | None) -> None:
        self.sent, self.years, self.carried = sent, years, carried
        self.attached = {}
        amounts = find_amounts(sent.text)
        for i, a in enumerate(amounts):
            m = _YEAR_AFTER.match(sent.text[a.end :])
            if m:
                self.attached[a.start] = (a.end + m.start(1), int(m.group(1)))
                continue
            stop = amounts[i + 1].start if i + 1 < len(amounts) else len(sent.text)
            dated = next(((p, y) for p, y in years if a.end < p < stop and y is not None
                          and _DATED_AFTER.match(sent.text[a.end : p])), None)
            if dated is not None:
                self.attached[a.start] = dated

    def __call__(self, amount: Amount | None, position: int | None = None) -> int | None:
        if amount is not None and amount.start in self.attached:
            return self.attached[amount.start][1]
        pos = amount.start if amount is not None else (position or 0)
        claimed = {p for p, _ in self.attached.values()}
        free = [(p, y) for p, y in self.years if p not in claimed] or self.years
        ahead = [(p, y) for p, y in free if p <= pos or not _RUN_ON.search(self.sent.text[:p])]
        free = ahead or free
        if free:
            own = self._own_clause(free, pos, amount.end if amount is not None else pos)
            return own if own is not None else min(free, key=lambda py: abs(py[0] - pos))[1]
        return self.carried

    def _own_clause(self, years: list[tuple[int, int]], pos: int, end: int) -> int | None:
        """The year written before a figure in its own clause, when the nearest year after it opens
        the next clause: "In 2030 it passed 20 billion, one year on it was 25 billion";
        "In 2032, when prices fell, sales hit 30 billion, and in 2033 they grew"."""
        text = self.sent.text
        before = [(p, y) for p, y in years if p < pos and not _CLAUSE_BEFORE.search(text[p:pos])]
        after = [(p, y) for p, y in years if p > end]
        if not before or not after:
            return None
        nearest = min(after, key=lambda py: py[0])
        if not _CLAUSE_AFTER.search(text[end : nearest[0]]):
            return None
        return max(before, key=lambda py: py[0])[1]
