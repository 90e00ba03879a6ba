"""Loading the country tables once: country_converter's table plus bilat's own data files.

Why one private loader: country_converter (coco) takes a while to import (it brings pandas) and
its table has traps (ISO2 "NA" for Namibia reads as a missing value under some pandas versions;
names it cannot match come back unchanged). Everything else in :mod:`bilat.nomenclature` reads
countries from :func:`tables` and the small CSV files next to it, loaded lazily and cached.

The tables are built with pandas and coco once per machine and kept as JSON
(:mod:`bilat.nomenclature._cache`), so that resolving "Japanese" in a fresh process needs neither;
the DataFrame form (:attr:`CountryTables.table`) is made only when a caller asks for it.
"""

from __future__ import annotations

import csv
import importlib.util
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bilat.nomenclature._cache import load_or_build
from bilat.settings import PACKAGE_DATA

if TYPE_CHECKING:
    import pandas as pd

DATA_DIR: Path = PACKAGE_DATA / "nomenclature"
#: The package files the country tables are built from.
COUNTRY_FILES = ("countries_extra.csv", "country_numeric_codes.csv", "country_aliases.csv", "demonyms.csv")
COLUMNS = ("iso3", "iso_numeric", "name", "short_name", "continent", "kind")


def read_data_csv(name: str) -> pd.DataFrame:
    """Read one of the package's CSV files as strings ("NA" stays Namibia, not a missing value)."""
    import pandas as pd

    return pd.read_csv(DATA_DIR / name, dtype=str, keep_default_na=False, encoding="utf-8")


@cache
def read_data_rows(name: str) -> tuple[dict[str, str], ...]:
    """One of the package's CSV files as rows of strings, without pandas (same values as :func:`read_data_csv`)."""
    with open(DATA_DIR / name, encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle))


@dataclass(frozen=True)
class CountryTables:
    """Everything the country functions look up, built once."""

    rows: tuple[dict[str, Any], ...]  # iso3, iso_numeric (int or None), name, short_name, continent, kind
    patterns: tuple[tuple[str, str], ...]  # (iso3, coco's regex), current countries only
    numeric_to_iso3: dict[int, str]
    lookup: dict[str, str]  # normalised name/alias/demonym -> iso3
    lookup_kind: dict[str, str]  # normalised key -> "name" or "demonym"
    _frame: list[Any] = field(default_factory=list, repr=False, compare=False)

    @property
    def table(self) -> pd.DataFrame:
        """The rows as a DataFrame (iso_numeric as nullable Int64), made on first use."""
        if not self._frame:
            import pandas as pd

            columns = {c: [row[c] for row in self.rows] for c in COLUMNS}
            columns["iso_numeric"] = pd.array(columns["iso_numeric"], dtype="Int64")
            self._frame.append(pd.DataFrame(columns))
        return self._frame[0]

    @property
    def regexes(self) -> tuple[tuple[str, re.Pattern[str]], ...]:
        """coco's regular expressions, compiled on first use (only a name no table knows needs them)."""
        return _compiled(self.patterns)


@cache
def _compiled(patterns: tuple[tuple[str, str], ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((iso3, re.compile(pattern, re.IGNORECASE)) for iso3, pattern in patterns)


def normalise_name(text: str) -> str:
    """Lower-case, straighten apostrophes, collapse spaces and drop a leading "the"."""
    text = text.replace("\u2019", "'").replace("\u00a0", " ")
    text = " ".join(text.split()).casefold()
    if text.startswith("the "):
        text = text[4:]
    return text


@cache
def tables() -> CountryTables:
    """The country tables: from the per-machine cache, or built from coco and the data files."""
    value = load_or_build("countries", _sources(), _build)
    return CountryTables(
        rows=tuple(dict(zip(COLUMNS, row, strict=True)) for row in value["rows"]),
        patterns=tuple((iso3, pattern) for iso3, pattern in value["patterns"]),
        numeric_to_iso3={int(n): iso3 for n, iso3 in value["numeric"]},
        lookup=value["lookup"],
        lookup_kind=value["kind"],
    )


def _sources() -> list[Path]:
    """What the tables depend on: bilat's files, this module, and coco's own data file and version."""
    paths = [DATA_DIR / name for name in COUNTRY_FILES] + [Path(__file__)]
    spec = importlib.util.find_spec("country_converter")
    if spec is not None and spec.origin:
        folder = Path(spec.origin).parent
        paths += [folder / "country_data.tsv", folder / "version.py"]
    return paths


def _coco():  # noqa: ANN202 - the CountryConverter type lives in an optional import
    import logging

    import country_converter

    # coco logs a warning for every name it cannot match; bilat reports those itself.
    logging.getLogger("country_converter").setLevel(logging.ERROR)
    return country_converter.CountryConverter()


def _build() -> dict[str, Any]:
    """Build the tables with pandas and coco (about half a second), as JSON-able values."""
    import pandas as pd

    data = _coco().data
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

    patterns = [
        (iso3, pattern)
        for iso3, pattern in zip(data["ISO3"], data["regex"], strict=True)
        if isinstance(pattern, str) and pattern
    ]

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
    rows = [
        [None if pd.isna(v) else (int(v) if c == "iso_numeric" else v) for c, v in zip(COLUMNS, values, strict=True)]
        for values in table[list(COLUMNS)].itertuples(index=False)
    ]
    return {"rows": rows, "patterns": patterns, "numeric": sorted(numeric.items()), "lookup": lookup, "kind": kind}
