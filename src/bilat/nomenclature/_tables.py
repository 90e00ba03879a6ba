"""Loading the country tables once: country_converter's table plus bilat's own data files.

Why one private loader: country_converter (coco) takes a while to import and its table has traps
(ISO2 "NA" for Namibia reads as a missing value under some pandas versions; names it cannot
match come back unchanged). Everything else in :mod:`bilat.nomenclature` reads countries from
:func:`country_table` and the small CSV files next to it, loaded lazily and cached.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd

from bilat.settings import PACKAGE_DATA

DATA_DIR: Path = PACKAGE_DATA / "nomenclature"


def read_data_csv(name: str) -> pd.DataFrame:
    """Read one of the package's CSV files as strings ("NA" stays Namibia, not a missing value)."""
    return pd.read_csv(DATA_DIR / name, dtype=str, keep_default_na=False, encoding="utf-8")


@dataclass(frozen=True)
class CountryTables:
    """Everything the country functions look up, built once."""

    table: pd.DataFrame  # iso3, iso_numeric, name, short_name, continent, kind
    regexes: tuple[tuple[str, re.Pattern[str]], ...]  # (iso3, coco's regex), current countries only
    numeric_to_iso3: dict[int, str]
    lookup: dict[str, str]  # normalised name/alias/demonym -> iso3
    lookup_kind: dict[str, str]  # normalised key -> "name" or "demonym"


def normalise_name(text: str) -> str:
    """Lower-case, straighten apostrophes, collapse spaces and drop a leading "the"."""
    text = text.replace("\u2019", "'").replace("\u00a0", " ")
    text = " ".join(text.split()).casefold()
    if text.startswith("the "):
        text = text[4:]
    return text


@cache
def _coco():  # noqa: ANN202 - the CountryConverter type lives in an optional import
    import logging

    import country_converter

    # coco logs a warning for every name it cannot match; bilat reports those itself.
    logging.getLogger("country_converter").setLevel(logging.ERROR)
    return country_converter.CountryConverter()


@cache
def tables() -> CountryTables:
    """Build the country tables (first call only; about half a second)."""
    coco = _coco()
    data = coco.data
    base = pd.DataFrame(
        {
            "iso3": data["ISO3"].astype(str),
            "iso_numeric": pd.to_numeric(data["ISOnumeric"], errors="coerce").astype("Int64"),
            "name": data["name_official"].astype(str),
            "short_name": data["name_short"].astype(str),
            "continent": data["continent"].astype(str),
            "kind": "country",
        }
    )
    extra = read_data_csv("countries_extra.csv")
    extra["iso_numeric"] = pd.to_numeric(extra["iso_numeric"]).astype("Int64")
    extra["continent"] = extra["continent"].replace("", None)
    table = pd.concat([base, extra[base.columns]], ignore_index=True)
    table = table.drop_duplicates("iso3").sort_values("iso3").reset_index(drop=True)

    regexes = tuple(
        (iso3, re.compile(pattern, re.IGNORECASE))
        for iso3, pattern in zip(data["ISO3"], data["regex"], strict=True)
        if isinstance(pattern, str) and pattern
    )

    numeric = {int(n): iso3 for n, iso3 in zip(table["iso_numeric"], table["iso3"], strict=True) if pd.notna(n)}
    overrides = read_data_csv("country_numeric_codes.csv")
    numeric.update({int(n): iso3 for n, iso3 in zip(overrides["numeric"], overrides["iso3"], strict=True)})

    lookup: dict[str, str] = {}
    kind: dict[str, str] = {}
    for column in ("short_name", "name"):
        for value, iso3 in zip(table[column], table["iso3"], strict=True):
            lookup.setdefault(normalise_name(value), iso3)
            kind.setdefault(normalise_name(value), "name")
    aliases = read_data_csv("country_aliases.csv")
    for alias, iso3 in zip(aliases["alias"], aliases["iso3"], strict=True):
        lookup[normalise_name(alias)] = iso3
        kind[normalise_name(alias)] = "name"
    demonyms = read_data_csv("demonyms.csv")
    for demonym, iso3 in zip(demonyms["demonym"], demonyms["iso3"], strict=True):
        lookup.setdefault(normalise_name(demonym), iso3)
        kind.setdefault(normalise_name(demonym), "demonym")

    known = set(table["iso3"])
    unknown = sorted({v for v in (*lookup.values(), *numeric.values()) if v not in known})
    if unknown:  # a typo in a data file must not become a silent wrong answer
        raise RuntimeError(f"bilat nomenclature data refer to unknown ISO3 codes: {unknown}")
    return CountryTables(table=table, regexes=regexes, numeric_to_iso3=numeric, lookup=lookup, lookup_kind=kind)
