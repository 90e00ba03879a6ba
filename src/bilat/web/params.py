"""Request parameters, checked before any library call.

Why checked twice (here by form, then by the library by meaning): the form check is cheap and
runs before anything is opened, so junk (a 10 kB string, an SQL fragment, a path) is refused with
422 without touching the store. The library then resolves what remains (a name to ISO3, a lens
name to its prefixes) and its errors keep their own messages. No value from a request is ever
spliced into SQL or used as a file path: the library filters with Ibis expressions and bound
parameters, and the API reads no path from a request.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated

from fastapi import Path, Query

from bilat.errors import UnknownCountryError

MAX_TEXT = 100
# Parameters with a pattern get no separate max_length: each pattern bounds the length itself, and
# its 422 message then says what to write rather than only "too long".
#: Printable text without markup or control characters. Country names use much punctuation
#: ("Côte d'Ivoire", "Korea, Rep.", "Bosnia & Herzegovina", "U.S."), so an SQL fragment such as
#: "ISR' OR 1=1--" passes this form check and is refused by resolution, as an unknown country.
COUNTRY_PATTERN = r"^[^\x00-\x1f\x7f<>{}\[\]\\|`]{1,100}$"
YEARS_PATTERN = r"^\s*\d{4}\s*(-\s*\d{4}\s*)?$"
HS_PATTERN = r"^(\d{2}|\d{4}|\d{6})$"
SOURCE_PATTERN = r"^[a-z][a-z0-9_]{0,29}$"
LENS_PATTERN = r"^[A-Za-z][A-Za-z0-9_ -]{0,99}$"
ID_PATTERN = r"^[A-Za-z0-9_-]{1,64}$"
PAIR_PATTERN = r"^[A-Za-z]{3}-[A-Za-z]{3}$"

#: What to write instead, for each form (shown in 422 answers instead of the regular expression).
PATTERN_HELP = {
    COUNTRY_PATTERN: "a country must be an ISO3 code, a name or a demonym, without control characters or markup",
    YEARS_PATTERN: "must be a year (2016) or a span of years (2012-2017)",
    HS_PATTERN: "an HS code has 2, 4 or 6 digits (84, 8479, 847950)",
    SOURCE_PATTERN: "a source name is lower-case letters, digits and underscores (baci, imf_dots)",
    LENS_PATTERN: "a lens name is letters, digits, spaces, '-' and '_' (see /api/lenses)",
    ID_PATTERN: "an id is letters, digits, '-' and '_' (at most 64)",
    PAIR_PATTERN: "a pair is two ISO3 codes joined by '-' (ISR-JPN)",
}

CountryPath = Annotated[
    str,
    Path(
        min_length=1,
        max_length=MAX_TEXT,
        pattern=COUNTRY_PATTERN,
        description="A country: ISO3 code (ISR), name (Israel), alias or demonym (Israeli).",
        examples=["ISR", "Japan"],
    ),
]
Years = Annotated[
    str | None,
    Query(pattern=YEARS_PATTERN, description="A year (2016) or a span (2012-2017).", examples=["2013-2016"]),
]
Year = Annotated[int | None, Query(ge=1900, le=2100, description="One year (default: the latest with data).")]
Source = Annotated[
    str | None,
    Query(pattern=SOURCE_PATTERN, description="A data source: baci, comtrade, imf_dots ...", examples=["baci"]),
]
SearchText = Annotated[
    str | None,
    Query(max_length=MAX_TEXT, description="Words to look for (case-insensitive).", examples=["robots"]),
]
PairQuery = Annotated[
    str | None,
    Query(pattern=PAIR_PATTERN, description="Only this pair (either order): two ISO3 codes, ISR-JPN.", examples=["ISR-JPN"]),
]
Limit = Annotated[int, Query(ge=1, le=500, description="At most this many rows.")]
Top = Annotated[int, Query(ge=1, le=200, description="Number of products to show.")]


class Level(str, Enum):
    """How finely to break a pair's trade down by product."""

    section = "section"
    chapter = "chapter"
    hs4 = "hs4"
    hs6 = "hs6"


def iso3(text: str) -> str:
    """ISO3 of a country parameter (raises UnknownCountryError with close matches)."""
    from bilat.nomenclature.countries import resolve_country

    try:
        return resolve_country(text.strip()).iso3
    except ValueError:  # e.g. "²": str.isdigit() is True for it, int() refuses it
        raise UnknownCountryError(f"unknown country {text!r}; use an ISO3 code such as ISR or JPN") from None


def pair(a: str, b: str) -> tuple[str, str]:
    """Two different countries, resolved; the same country twice is a parameter error."""
    first, second = iso3(a), iso3(b)
    if first == second:
        raise UnknownCountryError(f"a pair needs two different countries, got {a!r} and {b!r} (both {first})")
    return first, second


def pair_query(text: str | None) -> tuple[str, str] | None:
    """The two ISO3 codes of a ``pair=ISR-JPN`` parameter (None when absent)."""
    if text is None:
        return None
    first, second = text.split("-", 1)
    return pair(first, second)
