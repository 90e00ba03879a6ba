"""Ties raised to a named partnership: "ASEAN elevated its ties with Seoul to a comprehensive
strategic partnership".

Why a record: summit copy reports these upgrades as the outcome of the meeting, with a name of
their own (a "comprehensive strategic partnership"), much as it reports an "Enhanced Trade
Partnership" signed; the corpus records them as agreements of type ``other``. An upgrade that is
not named ("upgraded the status of their diplomatic relations") stays unrecorded: there is no
instrument to name.
"""

from __future__ import annotations

import re

from bilat.news.mentions import pair_side
from bilat.news.model import Agreement, CountryRef
from bilat.news.text import Sentence, tagged

_ELEVATED = re.compile(
    r"(?:(?:the\s+)?@(?P<a>[A-Z]{3,8})\s+and\s+)?(?:the\s+)?@(?P<b>[A-Z]{3,8})\s+(?:have\s+|has\s+|had\s+)?"
    r"(?:elevated|upgraded|raised|lifted|elevate|upgrade)\s+(?:its|their|the)\s+(?:bilateral\s+|diplomatic\s+)?"
    r"(?:ties|relations|relationship)\s+(?:with\s+(?:the\s+)?@(?P<c>[A-Z]{3,8})\s+)?to\s+(?:an?|the)\s+[\"“”']?"
    r"(?P<name>(?:comprehensive\s+|enhanced\s+|global\s+|special\s+)*(?:strategic\s+)?(?:cooperative\s+)?partnership)\b",
    re.I,
)


def elevated_ties(view: str, sents: list[Sentence], refs: list[CountryRef], pair: list[str]) -> list[Agreement]:
    """One ``other`` record per sentence that raises two sides' ties to a named partnership."""
    out: list[Agreement] = []
    for sent in sents:
        if sent.headline or not re.search(r"(?i)partnership", sent.text):
            continue
        text = tagged(view, sent.start, sent.end, refs)
        m = _ELEVATED.search(text)
        if m is None:
            continue
        sides = [c for c in (m.group("a"), m.group("b"), m.group("c")) if c]
        parties = list(dict.fromkeys(pair_side(c, pair) or c for c in sides))
        if len(parties) == 1 and len(pair) == 2 and parties[0] in pair:
            parties = list(pair)  # "Kenya elevated its ties to a strategic partnership" in a Kenya-Japan story
        if len(parties) != 2:
            continue
        name = re.search(re.escape(m.group("name")), sent.text, re.I)
        start = sent.start + (name.start() if name else 0)
        end = sent.start + (name.end() if name else len(sent.text))
        out.append(Agreement(text="", start=start, end=end, type="partnership", parties=parties))
    return out
