"""Horizons and deadlines of a goal: "within five years", "by 2030", "next year" (see :mod:`.target_shapes`).

Why a module of its own: both the level shapes (:mod:`.target_shapes`) and the rises
(:mod:`.target_rises`) ask the same two questions of a sentence: does it name a time ahead, and
which year or span is it? A year is ahead only against the page's date: "in 2033" is a deadline on
a 2031 page and history on a 2035 one, and the page's own year is none (a figure expected for the
current year is a claim with a modality, as the corpus schema has it).
"""

from __future__ import annotations

import datetime as dt
import re

_NUM_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
              "ten": 10, "fifteen": 15, "twenty": 20}
_N = r"(\d{1,2}|" + "|".join(_NUM_WORDS) + r")"
HORIZON = re.compile(
    r"\b(?:(?:with)?in|over|during)\s+(?:the\s+)?(?:next|coming)\s+" + _N + r"\s+years\b"
    r"|\b(?:within|in|over)\s+(?:a\s+period\s+of\s+)?" + _N + r"\s+years\b"
    r"|\b(?:with)?in\s+(?:a|the\s+next|the\s+coming)\s+(?P<decade>decade)\b|\bover\s+the\s+(?:next|coming)\s+(?P<decade2>decade)\b"
    r"|\b(?P<vague>in\s+times\s+to\s+come|in\s+the\s+(?:coming|years)\s+(?:years|ahead)|in\s+the\s+decade\s+ahead|"
    r"(?:with)?in\s+(?:the\s+)?(?:next|coming)\s+(?:few|several)\s+years|in\s+the\s+(?:short|medium|long)[\s-]term|in\s+the\s+future|"
    r"(?<=\s)soon(?=\s*[.,;]|\s*$))",
    re.I,
)
BY_YEAR = re.compile(r"\b(?:by|before|until|till|(?<=target )for|(?<=goal )for|(?<=target )year(?:\s+of)?)\s+(?:the\s+end\s+of\s+)?(?:the\s+year\s+)?(?P<year>(?:19|20)\d\d)\b",
                     re.I)
HORIZON_HINT = re.compile(r"(?:19|20)\d\d|\byears\b|\bnext\s+year\b|\btimes\s+to\s+come\b|\bdecade\b|\bterm\b|\bfuture\b|\bsoon\b",
                           re.I)
#: A dated future the page's own date makes one: "next year" (the year after the page's), and "in 2033"
#: when that is after the page's year. (The page's own year is no horizon: a figure expected for the
#: current year is a claim with a modality, as the corpus schema has it.)
NEXT_YEAR = re.compile(r"\b(?:by\s+(?:the\s+end\s+of\s+)?)?next\s+year\b", re.I)
IN_YEAR = re.compile(r"\bin\s+(?P<year>(?:19|20)\d\d)\b", re.I)
_NEXT_OR_IN_YEAR = re.compile(NEXT_YEAR.pattern + "|" + IN_YEAR.pattern, re.I)


def future_year(text: str, published: dt.date | None) -> int | None:
    """The first year after the page's that ``text`` names as "next year" or "in YEAR", else None."""
    if published is None:
        return None
    for m in _NEXT_OR_IN_YEAR.finditer(text):
        if m.group("year") is None:
            return published.year + 1
        if int(m.group("year")) > published.year:
            return int(m.group("year"))
    return None


def horizon(text: str) -> tuple[float | None, bool]:
    """``(years, vague)`` of the first horizon phrase in ``text`` ("within five years" -> 5)."""
    m = HORIZON.search(text)
    if m is None:
        return None, False
    if m.group("vague"):
        return None, True
    if m.group("decade") or m.group("decade2"):
        return 10.0, False
    raw = next(g for g in m.groups()[:2] if g).lower()
    return float(raw) if raw.isdigit() else float(_NUM_WORDS[raw]), False
