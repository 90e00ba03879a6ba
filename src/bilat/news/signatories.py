"""Who signed and where: person names and city names in a signing sentence.

Split from :mod:`.agreements` (which keeps the events and their slots): a signatory is a run of
capitalised words with titles ("Prime Minister", "Economy Minister") and country words stripped
from its front; a place is a known city after "in"/"at"/"visit to".
"""

from __future__ import annotations

import re

from bilat.news.model import CountryRef
from bilat.news.text import mentions_in

_WITNESSES = re.compile(r"\b(?:attended|witnessed|hosted|watched|in\s+the\s+presence\s+of)\b")

CITIES = (
    "Jerusalem", "Tel Aviv", "Tokyo", "Osaka", "Kyoto", "New Delhi", "Delhi", "Mumbai", "Bengaluru", "Abu Dhabi", "Dubai",
    "London", "Canberra", "Sydney", "Melbourne", "Seoul", "Busan", "Hanoi", "Ho Chi Minh City", "Beijing", "Shanghai",
    "Washington", "Paris", "Berlin", "Brussels", "Geneva", "Singapore", "Jakarta", "Bangkok", "Ottawa", "Brasilia",
    "Moscow", "Ankara", "Istanbul", "Cairo", "Riyadh", "Doha", "Nairobi", "Pretoria", "Johannesburg", "Rome", "Madrid",
    "Lisbon", "Vienna", "Warsaw", "Kyiv", "Manila", "Kuala Lumpur", "Wellington", "Mexico City", "Buenos Aires",
    "Santiago", "Lima", "Bogota", "Davos", "Hiroshima", "Nagoya", "Yokohama", "Haifa", "Amman", "Rabat", "Athens",
)
PLACE = re.compile(r"\b(?:in|at|visit\s+to|trip\s+to)\s+(?P<city>" + "|".join(sorted(CITIES, key=len, reverse=True)) + r")\b")
_TITLE_WORDS = frozenset(
    "Prime Minister Ministers President Premier Economy Trade Industry Foreign Finance Commerce Secretary Chancellor "
    "Ambassador Deputy Vice Crown Prince King Sheikh Mr Mrs Ms Dr Chairman Chair CEO Governor Senator Mayor State "
    "External Affairs Defence Defense General Director Minister's Science Technology Innovation Energy Agriculture "
    "International Cooperation Home Industries Economic Business Development Investment Commerce Emir Sultan "
    "Counterpart Lord Baroness Sir Dame Investments Enterprise Digital Transport".split()
)
_NOT_NAME = frozenset(
    "Ministry Cabinet Center Centre Bureau Statistics Olympics Excellence Council Agency Authority Bank Institute "
    "Organization Organisation Association Union Corporation Group Chamber Office News Agreement Partnership "
    "Statement Memorandum Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May "
    "June July August September October November December The In On At For And But Under".split()
)
_PARTICLES = ("bin", "bint", "al", "de", "van", "von", "da", "el", "ibn", "le")


def names(text: str, offset: int, refs: list[CountryRef]) -> list[str]:
    """Person names: runs of capitalised words, titles and country words stripped from the front."""
    witnesses = _WITNESSES.search(text)
    if witnesses:
        text = text[: witnesses.start()]
    country_spans = [(r.start - offset, r.end - offset) for r in mentions_in(refs, offset, offset + len(text))]
    names: list[str] = []
    run_re = re.compile(
        r"[A-Z][\w'’.-]*(?:\s+(?:(?:" + "|".join(_PARTICLES) + r")\s+)?[A-Z][\w'’.-]*)*"
    )
    for run in run_re.finditer(text):
        tokens = [(m.group(), run.start() + m.start()) for m in re.finditer(r"\S+", run.group())]
        while tokens and (
            tokens[0][0].rstrip(",") in _TITLE_WORDS
            or any(s <= tokens[0][1] < e for s, e in country_spans)
            or tokens[0][0] in _NOT_NAME
        ):
            tokens.pop(0)
        words = [t.rstrip(",.") for t, _ in tokens]
        words = [re.sub(r"['’]s$", "", w) for w in words]
        capitals = [w for w in words if w[:1].isupper() and not (len(w) > 1 and w.isupper())]
        if len(capitals) < 2 or len(words) > 5:
            continue
        if any(w in _NOT_NAME or w in _TITLE_WORDS for w in words):
            continue
        if any(s <= pos < e for _, pos in tokens for s, e in country_spans):
            continue
        name = " ".join(words)
        if any(name == c or name.startswith(c + " ") for c in CITIES):
            continue
        names.append(name)
    return names
