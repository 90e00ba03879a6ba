"""The year of one amount in a sentence: written right after it, else the nearest, else carried.

Kept apart from :mod:`.claims` because products and ranks ask it too, for positions that are not
amounts.
"""

from __future__ import annotations

import re

from bilat.news.money import Amount, find_amounts
from bilat.news.text import Sentence

_YEAR_AFTER = re.compile(r"^\s+in\s+(?:fiscal\s+|calendar\s+)?(?:the\s+year\s+)?((?:19|20)\d\d)\b")


class YearPicker:
    """Year for an amount: written right after it, else nearest in the sentence, else the paragraph's."""

    def __init__(self, sent: Sentence, years: list[tuple[int, int]], carried: int | None) -> None:
        self.sent, self.years, self.carried = sent, years, carried
        self.attached = {}
        for a in find_amounts(sent.text):
            m = _YEAR_AFTER.match(sent.text[a.end :])
            if m:
                self.attached[a.start] = (a.end + m.start(1), int(m.group(1)))

    def __call__(self, amount: Amount | None, position: int | None = None) -> int | None:
        if amount is not None and amount.start in self.attached:
            return self.attached[amount.start][1]
        pos = amount.start if amount is not None else (position or 0)
        claimed = {p for p, _ in self.attached.values()}
        free = [(p, y) for p, y in self.years if p not in claimed] or self.years
        if free:
            return min(free, key=lambda py: abs(py[0] - pos))[1]
        return self.carried
