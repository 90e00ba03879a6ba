"""Relations a story states rather than signs: ties raised to a named partnership ("ASEAN elevated
its ties with Seoul to a comprehensive strategic partnership"), and third countries said to have
free trade with one side ("its neighbours Peru and Chile, who also enjoy free trade access to the
US market").

Why a record: summit copy reports these upgrades as the outcome of the meeting, with a name of
their own (a "comprehensive strategic partnership"), much as it reports an "Enhanced Trade
Partnership" signed; the corpus records them as agreements of type ``other``. An upgrade that is
not named ("upgraded the status of their diplomatic relations") stays unrecorded: there is no
instrument to name. The third countries' free trade is an agreement in force mentioned in passing,
which the corpus records with its own parties.
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


_FREE_TRADE_WITH = re.compile(
    r"(?P<list>(?:(?:the\s+)?@[A-Z]{3,8}(?:\s*,\s*(?:and\s+)?|\s+and\s+))*(?:the\s+)?@[A-Z]{3,8}),?\s+"
    r"(?:who|which|that)\s+(?:also\s+|already\s+)?(?:have|has|enjoy|enjoys)\s+(?:an?\s+|their\s+own\s+)?"
    r"free[- ]trade\s+(?:agreements?|deals?|pacts?|access)\s+(?:with|to)\s+(?:the\s+)?@(?P<other>[A-Z]{3,8})", re.I)


def standing_ftas(view: str, sents: list[Sentence], refs: list[CountryRef], pair: list[str]) -> list[Agreement]:
    """ "Peru and Chile, who also enjoy free trade access to the US market": an FTA in force
    between each listed country and the one named after it (one of the pair)."""
    out: list[Agreement] = []
    for sent in sents:
        if sent.headline or not re.search(r"(?i)free[- ]trade", sent.text):
            continue
        text = tagged(view, sent.start, sent.end, refs)
        for m in _FREE_TRADE_WITH.finditer(text):
            other = pair_side(m.group("other"), pair) or m.group("other")
            at = re.search(r"(?i)free[- ]trade", sent.text)
            for country in dict.fromkeys(re.findall(r"@([A-Z]{3,8})", m.group("list"))):
                if country in pair or country == other:
                    continue
                out.append(Agreement(text="", start=sent.start + at.start(), end=sent.start + at.end(), type="FTA",
                                     parties=[other, country], status="in_force"))
    return out
