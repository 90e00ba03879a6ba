"""The ISO3 and ISO numeric codes bilat knows, read without building the country tables.

Why a module of its own, outside :mod:`bilat.nomenclature`: ingestion checks every country code
against these, and importing that package and building its tables (country_converter, pandas,
compiled name patterns) costs about half a second, a sixth of storing a whole BACI year. The
codes are read from the same two files those tables come from, country_converter's data table
and bilat's ``countries_extra.csv``, by the same rules; a test checks that both ways agree.
"""

from __future__ import annotations

import csv
import importlib.util
from functools import cache
from pathlib import Path

from bilat.settings import PACKAGE_DATA

_COCO_TABLE = "country_data.tsv"
_EXTRA_TABLE = PACKAGE_DATA / "nomenclature" / "countries_extra.csv"


def _coco_table() -> Path | None:
    """country_converter's data file, found without importing the package (which imports pandas)."""
    spec = importlib.util.find_spec("country_converter")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / _COCO_TABLE
        if path.is_file():
            return path
    return None


def _rows(path: Path, iso3: str, numeric: str, delimiter: str) -> list[tuple[str, int | None]]:
    """(ISO3, ISO numeric or None) per row; country_converter's rule: rows with an "obsolete" year are left out."""
    with open(path, encoding="utf-8", newline="") as handle:
        rows = []
        for row in csv.DictReader(handle, delimiter=delimiter):
            code = (row.get(iso3) or "").strip()
            if not code or (row.get("obsolete") or "").strip():
                continue
            number = (row.get(numeric) or "").strip()
            rows.append((code, int(number) if number.isdigit() else None))
        return rows


@cache
def country_numbers() -> tuple[tuple[str, int | None], ...]:
    """(ISO3, ISO numeric code or None) for every country in :func:`bilat.nomenclature.country_names`, by ISO3.

    The same pairs as that table's ``iso3`` and ``iso_numeric`` columns: country_converter's current
    countries first, then bilat's own additions (former states, WLD), the first row of an ISO3 kept.
    """
    coco = _coco_table()
    if coco is None:  # a country_converter that keeps its table elsewhere: build the full tables
        import pandas as pd

        from bilat.nomenclature.countries import country_names

        table = country_names()
        return tuple((str(code), None if pd.isna(n) else int(n)) for code, n in zip(table["iso3"], table["iso_numeric"]))
    first: dict[str, int | None] = {}
    for code, number in _rows(coco, "ISO3", "ISOnumeric", "\t") + _rows(_EXTRA_TABLE, "iso3", "iso_numeric", ","):
        first.setdefault(code, number)
    return tuple(sorted(first.items()))


def known_iso3_codes() -> frozenset[str]:
    """Every ISO3 code in :func:`bilat.nomenclature.country_names`: countries, former states, WLD."""
    return frozenset(code for code, _number in country_numbers())
