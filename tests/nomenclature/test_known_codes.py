"""The country codes ingestion checks against, read without building the country tables.

``bilat.country_codes`` reads country_converter's data file and bilat's own additions
directly (no pandas, no country_converter import); these tests hold it to the full tables.
"""

from __future__ import annotations

import subprocess
import sys

import pandas as pd

from bilat.country_codes import country_numbers, known_iso3_codes
from bilat.nomenclature import country_names


def test_known_iso3_codes_are_the_country_tables_codes() -> None:
    assert known_iso3_codes() == frozenset(country_names()["iso3"])
    # Former states (bilat's additions) and World are in; obsolete coco entries (Zanzibar) are not.
    assert {"ANT", "SUN", "WLD", "ISR", "JPN"} <= known_iso3_codes()
    assert "EAZ" not in known_iso3_codes()


def test_iso_numeric_codes_are_the_country_tables_codes() -> None:
    table = country_names()
    expected = tuple((str(code), None if pd.isna(number) else int(number)) for code, number in zip(table["iso3"], table["iso_numeric"]))
    assert country_numbers() == expected
    assert dict(country_numbers())["ISR"] == 376


def test_reading_the_codes_imports_neither_pandas_nor_country_converter() -> None:
    code = (
        "import sys\n"
        "from bilat.country_codes import known_iso3_codes\n"
        "assert 'JPN' in known_iso3_codes()\n"
        "print(sorted(m for m in ('pandas', 'country_converter') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
