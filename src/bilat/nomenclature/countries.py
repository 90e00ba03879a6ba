"""Countries: turn what people and sources write ("Japan's", "USA", 376, "Korea, Rep. of") into ISO3.

Why not call country_converter directly: it is slow per call (it tries ~250 regular
expressions through pandas), returns the input string when it finds nothing, and returns a list
for names like "Curaçao, Kingdom of the Netherlands". bilat reads coco's table once, adds its own
aliases, demonyms, historic codes and source-specific numeric codes (small CSV files in
``bilat/data/nomenclature``), and answers from dictionaries. Every ISO3 code bilat returns is one
that :func:`country_names` lists, so ingestion can validate against it.

Decisions (see docs/nomenclature.md): BACI/Comtrade code 490 "Other Asia, nes" is Taiwan (TWN);
"World" is WLD; IMF aggregates map to None; former states keep their former codes (SUN, YUG,
CSK, DDR, SCG, ANT, YMD, PCI) so that they never merge with their successors.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from bilat.errors import UnknownCountryError
from bilat.nomenclature._tables import normalise_name, read_data_rows, tables
from bilat.nomenclature.mentions import CountryMention, find_country_mentions  # re-exported: text mentions live there

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Country",
    "CountryMention",
    "countries_in",
    "country_names",
    "find_country_mentions",
    "imf_name_to_iso3",
    "is_iso3",
    "iso3_from_numeric",
    "resolve_country",
]

_POSSESSIVE = re.compile(r"(?:'s|'|\u2019s|\u2019)$")


@dataclass(frozen=True)
class Country:
    """A resolved country: ISO 3166 alpha-3 code, numeric code, official and short names."""

    iso3: str
    iso_numeric: int | None
    name: str
    short_name: str


def country_names() -> pd.DataFrame:
    """Every code bilat knows: current countries, former states (kind "historic") and WLD (World).

    Columns: iso3, iso_numeric, name, short_name, continent, kind. Used to validate codes at ingestion.
    """
    return tables().table.copy()


def countries_in(continent: str) -> frozenset[str]:
    """The codes of one continent (coco's names: Africa, America, Asia, Europe, Oceania)."""
    return _continents().get(continent, frozenset())


@cache
def _continents() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for row in tables().rows:
        if row["continent"] not in (None, "", "None"):
            out.setdefault(row["continent"], set()).add(row["iso3"])
    return {name: frozenset(codes) for name, codes in out.items()}


def is_iso3(code: str) -> bool:
    """True if ``code`` is an upper-case ISO3 code bilat knows (including WLD and former states)."""
    return isinstance(code, str) and code in _iso3_set()


def iso3_from_numeric(code: int) -> str | None:
    """ISO3 for a numeric code (ISO 3166 or the BACI/Comtrade variants such as 842, 699, 490); None if unknown."""
    try:
        number = int(code)
    except (TypeError, ValueError):
        return None
    return tables().numeric_to_iso3.get(number)


def resolve_country(text: str | int) -> Country:
    """Resolve a code, name, alias, demonym or possessive to a :class:`Country`.

    Accepts "ISR"/"isr", 376/"376", "Israel", "Israeli", "Israel's", "S. Korea", "UAE", "U.S.",
    "Other Asia, nes" (→ TWN) and anything country_converter's regular expressions match
    unambiguously. Raises :class:`UnknownCountryError` with close matches otherwise.
    """
    if isinstance(text, bool) or not isinstance(text, (str, int)):
        raise UnknownCountryError(f"expected a country name or code, got {type(text).__name__}")
    return _resolve(str(text).strip())


def imf_name_to_iso3(name: str) -> str | None:
    """ISO3 for an IMF DOTS reporter/partner name; None for IMF aggregates; WLD for "World".

    The explicit cases (aggregates, former states, names coco gets wrong) are in
    ``imf_names.csv``; other names go through :func:`resolve_country`. A name that is neither
    raises :class:`UnknownCountryError`, so that a new IMF aggregate is never dropped silently.
    """
    key = " ".join(str(name).split())
    overrides = _imf_overrides()
    if key in overrides:
        return overrides[key]
    try:
        return resolve_country(key).iso3
    except UnknownCountryError as exc:
        raise UnknownCountryError(
            f"IMF name {key!r} is neither a country nor a known aggregate; add it to imf_names.csv ({exc})"
        ) from None


def imf_aggregates() -> list[str]:
    """The IMF DOTS names that are groups or unallocated areas, not countries (they map to None)."""
    return sorted(row["imf_name"] for row in read_data_rows("imf_names.csv") if row["kind"] == "aggregate")


# --- internals ----------------------------------------------------------------------------------


@cache
def _iso3_set() -> frozenset[str]:
    return frozenset(row["iso3"] for row in tables().rows)


@cache
def _countries_by_iso3() -> dict[str, Country]:
    out: dict[str, Country] = {}
    for row in tables().rows:
        out[row["iso3"]] = Country(iso3=row["iso3"], iso_numeric=row["iso_numeric"], name=row["name"], short_name=row["short_name"])
    return out


@cache
def _imf_overrides() -> dict[str, str | None]:
    return {row["imf_name"]: (row["iso3"] or None) for row in read_data_rows("imf_names.csv")}


@lru_cache(maxsize=4096)
def _resolve(raw: str) -> Country:
    if not raw:
        raise UnknownCountryError("empty country name")
    by_iso3 = _countries_by_iso3()
    if raw.isascii() and raw.isdigit():
        iso3 = iso3_from_numeric(int(raw))
        if iso3 is None:
            raise UnknownCountryError(f"unknown numeric country code {raw!r}")
        return by_iso3[iso3]
    if len(raw) == 3 and raw.isalpha() and raw.upper() in by_iso3:
        return by_iso3[raw.upper()]
    iso3 = _lookup(raw)
    if iso3 is None:
        stripped = _POSSESSIVE.sub("", raw.replace("\u2019", "'"))
        if stripped != raw:
            iso3 = _lookup(stripped)
    if iso3 is None:
        iso3 = _regex_match(raw)
    if iso3 is None:
        raise UnknownCountryError(_unknown_message(raw))
    return by_iso3[iso3]


def _lookup(text: str) -> str | None:
    return tables().lookup.get(normalise_name(text))


def _regex_match(text: str) -> str | None:
    """coco's regular expressions, accepted only when exactly one country matches."""
    hits = sorted({iso3 for iso3, pattern in tables().regexes if pattern.search(text)})
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1:
        raise UnknownCountryError(f"{text!r} is ambiguous: it could be {', '.join(hits)}; use an ISO3 code")
    return None


def _unknown_message(text: str) -> str:
    lookup = tables().lookup
    close = difflib.get_close_matches(normalise_name(text), list(lookup), n=3, cutoff=0.75)
    by_iso3 = _countries_by_iso3()
    hints = [f"{by_iso3[lookup[key]].short_name} ({lookup[key]})" for key in close]
    hints = list(dict.fromkeys(hints))
    suggestion = f"; did you mean {' or '.join(hints)}?" if hints else "; use an ISO3 code such as ISR or JPN"
    return f"unknown country {text!r}{suggestion}"
