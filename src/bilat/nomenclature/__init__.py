"""Nomenclatures: countries, HS products, HS revision concordances and sector lenses.

Each lives in its own module (``countries``, ``mentions``, ``hs``, ``concordance``, ``lenses``);
this package re-exports the functions the rest of bilat calls. Data files are read from
``bilat/data/nomenclature`` only, lazily, on first use.
"""

from __future__ import annotations

from bilat.nomenclature.concordance import concordance, convert_codes
from bilat.nomenclature.countries import (
    Country,
    CountryMention,
    country_names,
    find_country_mentions,
    imf_name_to_iso3,
    is_iso3,
    iso3_from_numeric,
    resolve_country,
)
from bilat.nomenclature.hs import (
    chapter_of,
    describe,
    heading_of,
    hs_table,
    normalise_hs_code,
    search,
    section_of,
)
from bilat.nomenclature.lenses import Lens, get_lens, lens_filter_sql, lens_of, lens_predicate, lenses

__all__ = [
    "Country",
    "CountryMention",
    "Lens",
    "chapter_of",
    "concordance",
    "convert_codes",
    "country_names",
    "describe",
    "find_country_mentions",
    "get_lens",
    "heading_of",
    "hs_table",
    "imf_name_to_iso3",
    "is_iso3",
    "iso3_from_numeric",
    "lens_filter_sql",
    "lens_of",
    "lens_predicate",
    "lenses",
    "normalise_hs_code",
    "resolve_country",
    "search",
    "section_of",
]
