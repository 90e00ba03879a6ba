"""Countries in an article: the one place that calls the nomenclature's mention finder.

Why one place: the finder belongs to :mod:`bilat.nomenclature` and may change; every extractor
gets countries from here, as :class:`~bilat.news.model.CountryRef` on the *original* offsets.
"""

from __future__ import annotations

from collections import Counter
from functools import cache

from bilat.news.model import CountryRef


def country_refs(text: str) -> list[CountryRef]:
    """Countries named in ``text`` (names, demonyms, possessives), left to right."""
    from bilat.nomenclature.countries import find_country_mentions

    return [CountryRef(m.iso3, m.start, m.end, m.text, m.kind) for m in find_country_mentions(text)]


def main_pair(refs: list[CountryRef]) -> list[str]:
    """The two countries the article is about: most mentioned, ties broken by first mention."""
    counts = Counter(r.iso3 for r in refs)
    first = {}
    for r in refs:
        first.setdefault(r.iso3, r.start)
    ranked = sorted(counts, key=lambda iso: (-counts[iso], first[iso]))
    pair = ranked[:2]
    return sorted(pair, key=lambda iso: first[iso])


@cache
def sovereign_countries() -> frozenset[str]:
    """ISO3 codes of countries proper (no aggregates such as WLD, regions or income groups)."""
    from bilat.nomenclature.countries import country_names

    names = country_names()
    return frozenset(names.loc[names["kind"] == "country", "iso3"])
