"""Sector lenses: shipped definitions, user overrides and the SQL / Ibis filters."""

from __future__ import annotations

from pathlib import Path

import duckdb
import ibis
import pandas as pd
import pytest

from bilat.errors import UnknownProductError, ValidationError
from bilat.nomenclature import Lens, get_lens, hs_table, lens_filter_sql, lens_of, lens_predicate, lenses

REQUIRED = [
    "robotics", "autonomous_vehicles", "iot_electronics", "medical_devices", "optical_instruments",
    "aerospace_space", "semiconductors", "cyber_hardware", "diamonds",
]


def test_lenses_include_the_required_sectors() -> None:
    names = [lens.name for lens in lenses()]
    assert set(REQUIRED) <= set(names)
    assert len(names) == len(set(names))


def test_every_lens_prefix_is_a_real_hs_code() -> None:
    known = set(hs_table()["code"])
    unknown = [(lens.name, p) for lens in lenses() for p in lens.hs_prefixes if p not in known]
    assert unknown == []


def test_every_lens_has_a_rationale_and_the_services_caveat() -> None:
    for lens in lenses():
        assert lens.rationale and lens.title
        assert "services" in lens.caveat


@pytest.mark.parametrize(("code", "lens"), [("847950", "robotics"), ("854231", "semiconductors"), ("710231", "diamonds"), ("901890", "medical_devices")])
def test_lens_of_finds_the_lens_of_a_code(code: str, lens: str) -> None:
    assert lens in lens_of(code)


def test_lens_of_a_broader_code_is_not_the_narrow_lens() -> None:
    assert "robotics" not in lens_of("8479")
    assert lens_of("010121") == []


@pytest.mark.parametrize("name", ["robotics", "Robotics", "medical", "  SEMI"])
def test_get_lens_by_name_case_or_unique_prefix(name: str) -> None:
    assert get_lens(name).name in {"robotics", "medical_devices", "semiconductors"}


def test_get_lens_unknown_lists_the_names() -> None:
    with pytest.raises(UnknownProductError, match="robotics"):
        get_lens("nanotech")


def test_get_lens_ambiguous_prefix_raises() -> None:
    with pytest.raises(UnknownProductError, match="ambiguous"):
        get_lens("m")


@pytest.fixture()
def sample_codes() -> pd.DataFrame:
    return pd.DataFrame({"hs_code": ["847950", "842870", "854231", "710210", "010121", "8479", "84"]})


def test_lens_filter_sql_selects_the_lens_codes_in_duckdb(sample_codes: pd.DataFrame) -> None:
    lens = get_lens("robotics")
    con = duckdb.connect()
    con.register("flows", sample_codes)
    got = con.execute(f"SELECT hs_code FROM flows WHERE {lens_filter_sql(lens)} ORDER BY hs_code").fetchall()
    expected = sorted(c for c in sample_codes["hs_code"] if any(c.startswith(p) for p in lens.hs_prefixes))
    assert [row[0] for row in got] == expected == ["842870", "847950"]


def test_lens_filter_sql_refuses_an_unsafe_column() -> None:
    with pytest.raises(ValueError):
        lens_filter_sql("robotics", column="hs_code; DROP TABLE x")
    assert lens_filter_sql("diamonds", column="f.hs_code").startswith("(f.hs_code LIKE '7102%'")


def test_lens_filter_sql_refuses_a_lens_with_a_bad_prefix() -> None:
    bad = Lens(name="bad", title="Bad", rationale="x", hs_prefixes=("84' OR 1=1 --",))
    with pytest.raises(UnknownProductError):
        lens_filter_sql(bad)


def test_lens_predicate_filters_an_ibis_table(sample_codes: pd.DataFrame) -> None:
    table = ibis.memtable(sample_codes)
    got = table.filter(lens_predicate(table.hs_code, "semiconductors")).execute()
    assert got["hs_code"].tolist() == ["854231"]


def test_user_lenses_override_and_extend(bilat_home: Path) -> None:
    (bilat_home / "lenses.csv").write_text(
        "name,title,hs_prefixes,rationale\n"
        "robotics,Robots (mine),847950,Only the n.e.c. robots.\n"
        "water_tech,Water technology,842121 8413,Filters and pumps.\n",
        encoding="utf-8",
    )
    assert get_lens("robotics").hs_prefixes == ("847950",)
    assert get_lens("water").hs_prefixes == ("842121", "8413")
    assert "water_tech" in lens_of("841370")
    assert get_lens("diamonds").hs_prefixes  # shipped lenses are still there


def test_user_lenses_with_bad_prefixes_are_refused(bilat_home: Path) -> None:
    (bilat_home / "lenses.csv").write_text(
        "name,title,hs_prefixes,rationale\nrobots,Robots,84795,Five digits.\n", encoding="utf-8"
    )
    with pytest.raises(ValidationError, match="line 2"):
        lenses()
