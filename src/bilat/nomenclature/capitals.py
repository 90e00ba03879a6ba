"""Capitals that stand for their country ("Beijing's exports to Washington", "Seoul and Hanoi signed").

Why: wire copy names governments by their capitals, so a story about Korea and Vietnam may never
say "Vietnam" where the deal is signed. A capital counts as its country except where it is a
place or part of a name:

* after a place word: "in Seoul", "at Tokyo", "near Cairo", "in central Seoul", "a visit to
  Beijing", "visited Hanoi", "the Treaty of Rome", and the names listed after it ("in Hanoi, Seoul
  and Tokyo");
* before "-based", "-listed", "state" or a capitalised word ("Washington Post", "Washington
  state", "Tokyo Olympics", "Seoul National University");
* in upper case (a dateline such as "SEOUL, Oct. 12 (Yonhap) --" is where the story was filed).

:func:`dateline_capital` reads that dateline on its own: a story that names only one country may
come from the other one's agency, which never names its own side ("ABU DHABI, (WAM) -- the
Minister of State ... and the Union of the Comoros signed"); :mod:`bilat.news.mentions` uses it
only then.

The list (``capitals.csv``, written for bilat) covers the seats of government news names most
often; a city that is also a common first name (Sofia, Victoria) is left out on purpose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bilat.nomenclature._tables import read_data_rows
from bilat.nomenclature.phrase_trie import factored_alternation


@dataclass(frozen=True)
class CapitalMention:
    """A capital read as its country: ``text[start:end] == mention.text`` (possessive included)."""

    iso3: str
    start: int
    end: int
    text: str
    kind: str  # "capital" or "possessive"


_PLACE_BEFORE = re.compile(
    r"(?:\b(?:in|at|near|outside|around|of|from\s+(?:his|her|their)\s+base\s+in|held\s+in|based\s+in)"
    r"(?:\s+(?:central|downtown|northern|southern|eastern|western|greater|suburban|the\s+city\s+of))?|"
    r"\b(?:visit(?:ed|ing|s)?|trip|travel(?:l?ed|s)?|flew|flown|arriv(?:ed|es|ing)|return(?:ed|s)?|came|went|journey|"
    r"delegation|embassy|headed|moved|toured|tour)(?:\s+(?:back\s+)?(?:to|in))?)\s+$", re.I)
#: a name that goes on ("Washington Post", "Washington state", "London-listed"): not the country
_NAME_AFTER = re.compile(r"^(?:-(?:based|listed|headquartered|registered)\b|\s+[A-Z][a-z]|\s+state\b)")
#: "in Hanoi, Seoul and Tokyo": the names listed after a place are places too
_LIST_GOES_ON = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+|or\s+)$")


@cache
def _capitals() -> tuple[dict[str, str], re.Pattern[str]]:
    names = {row["capital"]: row["iso3"] for row in read_data_rows("capitals.csv")}
    phrases = [(n, "") for n in sorted(names, key=len, reverse=True)]
    # factored by common beginnings, the look-behind after the first character (:mod:`.phrase_trie`)
    alternatives = factored_alternation(phrases, after_first=r"(?<![\w-][\s\S])", apostrophes=False)
    return names, re.compile(r"(?P<name>" + alternatives + r")(?P<poss>['\u2019]s)?(?![\w])")


def find_capital_mentions(text: str) -> list[CapitalMention]:
    """Capitals used as their country in ``text``, left to right."""
    names, pattern = _capitals()
    out: list[CapitalMention] = []
    place_end = -1  # where the last capital read as a place ended
    for m in pattern.finditer(text):
        listed = place_end >= 0 and _LIST_GOES_ON.match(text[place_end : m.start()]) is not None
        if listed or _PLACE_BEFORE.search(text[max(0, m.start() - 40) : m.start()]):
            place_end = m.end()
            continue
        if not m.group("poss") and _NAME_AFTER.match(text[m.end() : m.end() + 8]) and not re.match(
                r"^\s+and\b", text[m.end() : m.end() + 6]):
            continue
        out.append(CapitalMention(names[m.group("name")], m.start(), m.end(), m.group(),
                                  "possessive" if m.group("poss") else "capital"))
    return out


#: the head of a story: an optional ``SOURCE:`` line and archive date prefix, then a dateline in
#: upper case ended by a comma, a parenthesis or a dash ("ABU DHABI, (WAM) --", "SEOUL, July 21")
#: upper case, an accented letter included ("BOGOTÁ"); the dateline may follow a headline line
_DATELINE = re.compile(r"^(?:SOURCE:[^\n]*\n)?\s*(?:date \d{4}-\d{2}-\d{2}\s+)?(?:[^\n]{1,200}\n\s*)??"
                       r"(?P<name>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ .'-]{2,30}?)\s*(?:,|\(|--|\u2014|\u2013)")
#: wires that file from wherever their reporter is: their dateline city is not a side of the story
_GLOBAL_WIRE = re.compile(r"^[^\n]{0,40}?\((?:Reuters|AP|AFP|Bloomberg|dpa|UPI)\)")


def dateline_capital(text: str) -> CapitalMention | None:
    """The capital a wire dateline at the start of ``text`` names, or None."""
    m = _DATELINE.match(text)
    if m is None or _GLOBAL_WIRE.match(text[m.end("name") :]):
        return None
    names, _ = _capitals()
    by_upper = {name.upper(): iso3 for name, iso3 in names.items()}
    iso3 = by_upper.get(m.group("name").strip())
    if iso3 is None:
        return None
    return CapitalMention(iso3, m.start("name"), m.end("name"), m.group("name"), "dateline")
