"""Trade blocs as actors: the EU, ASEAN, Mercosur, the GCC and EFTA, with their members.

Why here and not in the country table: a bloc is a party to agreements and a side of trade
flows in news text ("the EU and Japan signed…", "China-ASEAN trade"), but it is not a country:
it has no ISO 3166 code, and its membership changes over time. So blocs have their own codes
(``EUU`` is the World Bank's code for the EU; ``ASEAN``, ``MERCOSUR``, ``GCC`` and ``EFTA`` have
none, the news corpus writes them so), their own phrase list, and a member list that is today's
(``members_of``); :func:`bilat.nomenclature.countries.find_country_mentions` is unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bilat.nomenclature.countries import CountryMention
from bilat.nomenclature.phrase_trie import factored_alternation


@dataclass(frozen=True)
class Bloc:
    code: str
    name: str
    phrases: tuple[str, ...]
    members: tuple[str, ...]


BLOCS: dict[str, Bloc] = {
    b.code: b
    for b in (
        Bloc("EUU", "European Union",
             ("European Union", "EU", "E.U.", "European Commission"),
             ("AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN", "IRL", "ITA",
              "LVA", "LTU", "LUX", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE")),
        Bloc("ASEAN", "Association of Southeast Asian Nations",
             ("Association of Southeast Asian Nations", "Association of South East Asian Nations", "ASEAN", "Asean"),
             ("BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "VNM")),
        Bloc("MERCOSUR", "Mercosur (Southern Common Market)",
             ("Southern Common Market", "MERCOSUR", "Mercosur", "MERCOSUL", "Mercosul", "MEROCUR"),
             ("ARG", "BRA", "PRY", "URY")),
        Bloc("GCC", "Gulf Cooperation Council",
             ("Gulf Cooperation Council", "Cooperation Council for the Arab States of the Gulf", "GCC"),
             ("BHR", "KWT", "OMN", "QAT", "SAU", "ARE")),
        Bloc("EFTA", "European Free Trade Association",
             ("European Free Trade Association", "EFTA"),
             ("ISL", "LIE", "NOR", "CHE")),
    )
}

def bloc_codes() -> frozenset[str]:
    return frozenset(BLOCS)


def members_of(code: str) -> tuple[str, ...]:
    """ISO3 codes of the current members of bloc ``code`` (``()`` for anything else)."""
    bloc = BLOCS.get(code)
    return bloc.members if bloc else ()


def bloc_of(iso3: str) -> list[str]:
    """Blocs ``iso3`` belongs to today."""
    return [b.code for b in BLOCS.values() if iso3 in b.members]


@cache
def _pattern() -> re.Pattern[str]:
    phrases = sorted({p for b in BLOCS.values() for p in b.phrases if p}, key=len, reverse=True)
    # factored by common beginnings, the look-behind after the first character (:mod:`.phrase_trie`)
    body = factored_alternation([(p, "") for p in phrases], after_first=r"(?<![\w][\s\S])", apostrophes=False)
    return re.compile(r"(?:" + body + r")(?:['’]s)?(?![\w])")


@cache
def _phrase_code() -> dict[str, str]:
    return {p: b.code for b in BLOCS.values() for p in b.phrases}


def find_bloc_mentions(text: str) -> list[CountryMention]:
    """Bloc mentions in ``text`` (kind ``bloc`` or ``possessive``), left to right, exact offsets.

    "EU member states" and "ASEAN countries" are mentions of the bloc as well: the text speaks of
    the bloc's side.
    """
    found: list[CountryMention] = []
    codes = _phrase_code()
    for m in _pattern().finditer(text):
        phrase = m.group()
        possessive = bool(re.search(r"['’]s$", phrase))
        base = re.sub(r"['’]s$", "", phrase)
        if base == "Asean" and not text[m.start():m.start() + 5].istitle():
            continue
        found.append(CountryMention(iso3=codes[base], start=m.start(), end=m.end(), text=phrase,
                                    kind="possessive" if possessive else "bloc"))
    return found
