"""Countries in an article: the one place that calls the nomenclature's mention finders.

Why one place: the finders belong to :mod:`bilat.nomenclature` and may change; every extractor
gets countries from here, as :class:`~bilat.news.model.CountryRef` on the *original* offsets.

Blocs (EU, ASEAN, Mercosur, GCC, EFTA; :mod:`bilat.nomenclature.blocs`) are actors like
countries: a bloc mention wins over a country mention it overlaps, and a member named in
a story whose pair is the bloc stands for the bloc's side (:func:`pair_side`). "U.S. dollars" is
a currency, not a mention of the United States. A country word that begins a newspaper's or
agency's name ("Pakistan Point News", "China Daily", "Saudi Press Agency", "the Times of India")
names the medium, not an actor. When the text names only one country, the capital of a wire
dateline at its head ("ABU DHABI, (WAM) --") is the other side: agency copy of a host government
does not name its own country.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from bilat.news.model import CountryRef

_CURRENCY_AFTER = re.compile(r"^\s*(?:dollars?|dollar-)")
_SIGN_AFTER = re.compile(r"^\s*\$")
#: the rest of a medium's name after a country word: "Pakistan Point News", "Korea Times", "Saudi Press Agency"
_MEDIUM_AFTER = re.compile(r"^(?:\s+[A-Z][\w-]*){0,2}?\s+(?:News|Daily|Times|Post|Herald|Tribune|Gazette|Observer|"
                           r"Chronicle|Telegraph|Express|Today|Press\s+Agency)\b")
_MEDIUM_BEFORE = re.compile(r"\b(?:Times|Voice)\s+of\s+(?:the\s+)?$")
#: medium words that are also common verbs or adverbs of a headline ("Exports To China Post Gains")
_HEADLINE_WORDS = frozenset({"Post", "Times", "Express", "Today"})
_WORD = re.compile(r"[A-Za-z][\w'-]*")
_SMALL_WORDS = frozenset({"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"})
#: countries whose currency is a dollar: "Singapore $5 billion" is Singapore dollars, "lend Egypt $300 million" is not
_DOLLAR_COUNTRIES = frozenset({"USA", "AUS", "NZL", "CAN", "SGP", "HKG", "TWN", "FJI", "JAM", "BHS", "BRB", "BLZ",
                               "BRN", "GUY", "LBR", "NAM", "SLB", "TTO", "ZWE", "XCD"})


def country_refs(text: str) -> list[CountryRef]:
    """Countries and blocs named in ``text`` (names, demonyms, possessives), left to right."""
    from bilat.nomenclature.agencies import find_agency_mentions
    from bilat.nomenclature.blocs import bloc_codes, find_bloc_mentions
    from bilat.nomenclature.capitals import dateline_capital, find_capital_mentions
    from bilat.nomenclature.countries import find_country_mentions

    blocs = [CountryRef(m.iso3, m.start, m.end, m.text, m.kind) for m in find_bloc_mentions(text)]
    out = list(blocs)
    for m in find_country_mentions(text):
        if any(b.start < m.end and m.start < b.end for b in blocs):
            continue
        after = text[m.end : m.end + 12]
        if m.kind in ("code", "name", "demonym") and (
                _CURRENCY_AFTER.match(after) or (_SIGN_AFTER.match(after) and m.iso3 in _DOLLAR_COUNTRIES)):
            continue  # "U.S. dollars", "Australian dollars", "Singapore $5 billion": a currency
        if m.kind in ("name", "demonym") and _names_a_medium(text, m.start, m.end):
            continue  # "Pakistan Point News", "the Times of India": a medium's name
        out.append(CountryRef(m.iso3, m.start, m.end, m.text, m.kind))
    for m in find_capital_mentions(text):  # "Beijing's exports to Washington": capitals as actors
        if not any(r.start < m.end and m.start < r.end for r in out):
            out.append(CountryRef(m.iso3, m.start, m.end, m.text, m.kind))
    for m in find_agency_mentions(text):  # "JICA lent 7,310 million yen": an agency as its country
        if not any(r.start < m.end and m.start < r.end for r in out):
            out.append(CountryRef(m.iso3, m.start, m.end, m.text, m.kind))
    named = {r.iso3 for r in out if r.iso3 not in bloc_codes()}
    if len(named) == 1:
        head = dateline_capital(text)
        if head is not None and head.iso3 not in named:  # "ABU DHABI, (WAM) --": the side agency copy leaves unnamed
            out.append(CountryRef(head.iso3, head.start, head.end, head.text, head.kind))
    return sorted(out, key=lambda r: r.start)


def _names_a_medium(text: str, start: int, end: int) -> bool:
    """Whether the country word at ``start:end`` opens (or ends) a newspaper's or agency's name.

    Why headlines apart: in a line written in title case ("Japan's Exports To China Post Record
    Gains") every word is capitalised, so "China Post" looks like a paper's name; there only a
    word that is nothing but a medium's ("News", "Daily", "Herald", ...) makes it one.
    """
    if _MEDIUM_BEFORE.search(text[max(0, start - 20) : start]):
        return True
    medium = _MEDIUM_AFTER.match(text[end : end + 40])
    if medium is None:
        return False
    last = medium.group().split()[-1]
    return last not in _HEADLINE_WORDS or not _title_case_line(text, start)


def _title_case_line(text: str, pos: int) -> bool:
    """Whether the line around ``pos`` capitalises (nearly) every word that is not a small word."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    words = [w for w in _WORD.findall(text[line_start : line_end if line_end >= 0 else len(text)])
             if w.lower() not in _SMALL_WORDS]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.9 * len(words)


def main_pair(refs: list[CountryRef]) -> list[str]:
    """The two actors the article is about: most mentioned, ties broken by first mention.

    A bloc counts like a country; its members named in the text keep their own counts (a
    Korea-Indonesia story that says "among 10 ASEAN countries" is still KOR-IDN).
    """
    counts: Counter[str] = Counter(r.iso3 for r in refs)
    first: dict[str, int] = {}
    for r in refs:
        first.setdefault(r.iso3, r.start)
    ranked = sorted(counts, key=lambda iso: (-counts[iso], first[iso]))
    pair = ranked[:2]
    return sorted(pair, key=lambda iso: first[iso])


def pair_side(iso3: str | None, pair: list[str]) -> str | None:
    """``iso3``, or the bloc of ``pair`` it belongs to ("France" in an EU-Japan story is the EU side)."""
    from bilat.nomenclature.blocs import members_of

    if iso3 is None or iso3 in pair:
        return iso3
    for side in pair:
        if iso3 in members_of(side):
            return side
    return iso3


@cache
def sovereign_countries() -> frozenset[str]:
    """ISO3 codes of countries proper (no aggregates such as WLD, regions or income groups)."""
    from bilat.nomenclature.countries import country_names

    names = country_names()
    return frozenset(names.loc[names["kind"] == "country", "iso3"])
