"""HS codes: descriptions, hierarchy, search and code normalisation."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilat.errors import UnknownProductError
from bilat.nomenclature import chapter_of, describe, heading_of, hs_table, normalise_hs_code, search, section_of

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "src" / "bilat" / "data" / "nomenclature"


def test_describe_restores_a_lost_leading_zero() -> None:
    assert describe(10121) == describe("010121") == "Horses; live, pure-bred breeding animals"


def test_describe_hs2017_code_deleted_in_hs2022() -> None:
    # 030510 (fish meal fit for human consumption) exists in BACI's HS 2017 list, not in HS 2022
    assert "flours, meals and pellets" in describe("030510")
    assert hs_table(6).set_index("code").loc["030510", "edition"] == "HS2017"


def test_describe_unknown_code_raises() -> None:
    with pytest.raises(UnknownProductError, match="000000"):
        describe("000000")


def test_not_specified_commodities_have_no_section() -> None:
    assert describe(999999) == "Commodities not specified according to kind"
    with pytest.raises(UnknownProductError, match="no HS section"):
        section_of("999999")


def test_hierarchy_of_an_industrial_robot_code() -> None:
    assert chapter_of("847950") == "84"
    assert heading_of("847950") == "8479"
    assert section_of("847950")[0] == "XVI"
    assert section_of("847950")[1].startswith("Machinery and mechanical appliances")
    with pytest.raises(UnknownProductError):
        heading_of("84")


def test_hs_table_matches_the_datahub_source(shared_data: Path) -> None:
    raw = pd.read_csv(shared_data / "hs_nomenclature_datahub/harmonized-system.csv", dtype=str, keep_default_na=False)
    table = hs_table()
    hs2022 = table[table["edition"] == "HS2022"]
    for level in ("2", "4", "6"):
        assert (hs2022["level"] == int(level)).sum() == (raw["level"] == level).sum()
    assert set(hs2022["code"]) == set(raw.loc[raw["level"] != "5", "hscode"])
    assert list(table.columns) == ["code", "level", "description", "chapter", "heading", "section", "section_name", "edition"]
    in_sections = table[~table["code"].str.startswith("99")]
    assert in_sections["section"].nunique() == 21
    assert (in_sections["section_name"] != "").all()


def test_hs_table_includes_every_baci_hs2017_code(shared_data: Path) -> None:
    baci = pd.read_csv(shared_data / "baci_ONEcampaign/product_codes.csv", dtype=str, keep_default_na=False)
    assert set(baci["code"].str.zfill(6)) <= set(hs_table(6)["code"])


def test_hs_table_rejects_other_levels() -> None:
    with pytest.raises(UnknownProductError):
        hs_table(3)


def test_search_requires_every_word() -> None:
    result = search("industrial robots")
    assert list(result["code"][:2]) == ["842870", "847950"]
    for description in result["description"]:
        assert re.search(r"\bindustrial", description, re.I) and re.search(r"\brobots", description, re.I)


def test_search_is_case_insensitive_and_filters_levels() -> None:
    result = search("DIAMONDS", level=4)
    assert "7102" in set(result["code"])
    assert set(result["level"]) == {4}
    assert list(result.columns) == ["code", "level", "description", "section"]


def test_search_ranks_the_heading_before_its_subheadings() -> None:
    assert search("integrated circuits")["code"].iloc[0] == "8542"


def test_search_by_code_prefix_and_limit() -> None:
    result = search("8542", limit=3)
    assert list(result["code"]) == ["8542", "854231", "854232"]


def test_search_without_words_raises() -> None:
    with pytest.raises(UnknownProductError):
        search("  ;  ")


@pytest.mark.parametrize(
    ("raw", "code"),
    [(10121, "010121"), ("10121", "010121"), ("010121", "010121"), (10121.0, "010121"), ("8471.30", "847130"),
     (1, "01"), ("101", "0101"), ("84", "84"), ("8542", "8542")],
)
def test_normalise_hs_code_pads_and_cleans(raw: object, code: str) -> None:
    assert normalise_hs_code(raw) == code


@pytest.mark.parametrize("raw", ["", "abc", "1234567", -5, 10121.5, None, True, "８４", "84x2", [84]])
def test_normalise_hs_code_rejects_garbage(raw: object) -> None:
    with pytest.raises(UnknownProductError):
        normalise_hs_code(raw)


@given(st.sampled_from(sorted(set(hs_table()["code"]))))
def test_normalise_hs_code_recovers_every_code_from_its_integer(code: str) -> None:
    assert normalise_hs_code(int(code)) == code
    assert normalise_hs_code(code) == code


@given(st.integers(min_value=0, max_value=999_999))
def test_normalise_hs_code_output_is_even_length_digits(number: int) -> None:
    code = normalise_hs_code(number)
    assert len(code) in (2, 4, 6) and code.isdigit() and int(code) == number


def test_nomenclature_data_files_are_small() -> None:
    total = sum(p.stat().st_size for p in DATA.iterdir() if p.is_file())
    assert total < 2 * 1024 * 1024


def test_nomenclature_modules_never_read_shared_data() -> None:
    for path in (REPO / "src" / "bilat" / "nomenclature").glob("*.py"):
        assert "shared" not in path.read_text(encoding="utf-8"), path.name


def _build_script():
    spec = importlib.util.spec_from_file_location("build_nomenclature", REPO / "scripts" / "build_nomenclature.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_build_script_reproduces_the_committed_files(shared_data: Path) -> None:
    build = _build_script()
    pd.testing.assert_frame_equal(build.build_hs(shared_data), pd.read_parquet(DATA / "hs_codes.parquet"))
    pd.testing.assert_frame_equal(build.build_concordance(shared_data), pd.read_parquet(DATA / "hs_concordance.parquet"))
    sections = pd.read_csv(DATA / "hs_sections.csv", dtype=str, keep_default_na=False)
    pd.testing.assert_frame_equal(build.build_sections(shared_data).reset_index(drop=True), sections)
