"""IMF DOTS reporter and partner names to ISO3."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from bilat.errors import UnknownCountryError
from bilat.nomenclature import imf_name_to_iso3, is_iso3
from bilat.nomenclature.countries import imf_aggregates

DOCS = Path(__file__).resolve().parents[2] / "docs" / "nomenclature.md"
DOTS = "imf_dots_SamLeBlanc/imf_dots_exports_fob_by_partner_1960_2020_long.csv.gz"


@pytest.fixture(scope="module")
def dots(shared_data: Path) -> pd.DataFrame:
    return pd.read_csv(shared_data / DOTS, usecols=["reporter", "partner", "year"], dtype={"reporter": str, "partner": str})


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("Afghanistan, Islamic Rep. of", "AFG"),
        ("Korea, Rep. of", "KOR"),
        ("China, P.R.: Mainland", "CHN"),
        ("China, P.R.: Hong Kong", "HKG"),
        ("Taiwan Province of China", "TWN"),
        ("Kosovo, Rep. of", "XKX"),
        ("Curaçao, Kingdom of the Netherlands", "CUW"),
        ("Czechoslovakia", "CSK"),
        ("Serbia and Montenegro", "SCG"),
        ("World", "WLD"),
    ],
)
def test_imf_name_to_iso3_known_names(name: str, iso3: str) -> None:
    assert imf_name_to_iso3(name) == iso3


@pytest.mark.parametrize("name", ["Advanced Economies", "Middle East", "Africa not specified", "Special Categories"])
def test_imf_aggregates_map_to_none(name: str) -> None:
    assert imf_name_to_iso3(name) is None


def test_imf_unknown_name_raises_and_names_the_file_to_edit() -> None:
    with pytest.raises(UnknownCountryError, match="imf_names.csv"):
        imf_name_to_iso3("Atlantis, Rep. of")


def test_every_dots_name_is_a_country_or_a_documented_aggregate(dots: pd.DataFrame) -> None:
    names = sorted(set(dots["reporter"]) | set(dots["partner"]))
    aggregates = set(imf_aggregates())
    problems = []
    for name in names:
        iso3 = imf_name_to_iso3(name)
        if iso3 is None and name not in aggregates:
            problems.append(f"{name}: None but not a listed aggregate")
        if iso3 is not None and not is_iso3(iso3):
            problems.append(f"{name}: {iso3} is not a known ISO3")
    assert problems == []


def test_dots_mapping_never_merges_two_rows_into_one(dots: pd.DataFrame) -> None:
    """Two IMF names sharing an ISO3 (e.g. SACCA and South Africa) must never report the same year."""
    names = set(dots["reporter"]) | set(dots["partner"])
    mapping = {name: imf_name_to_iso3(name) for name in names}
    mapped = pd.DataFrame(
        {"reporter": dots["reporter"].map(mapping), "partner": dots["partner"].map(mapping), "year": dots["year"]}
    ).dropna()
    assert not mapped.duplicated().any()


def test_imf_aggregates_are_listed_in_the_docs() -> None:
    text = DOCS.read_text(encoding="utf-8")
    missing = [name for name in imf_aggregates() if not re.search(re.escape(name), text)]
    assert missing == []
