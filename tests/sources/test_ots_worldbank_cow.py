"""The Open Trade Statistics, World Bank and Correlates of War loaders."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from bilat.engines import open_engine
from bilat.store import Store
from sources_helpers import assert_refused, write_text


def table(store: Store, name: str) -> pd.DataFrame:
    with open_engine(store=store, include_embedded=False) as engine:
        return engine.sql(f"SELECT * FROM {name}")


def shared_file(shared_data: Path, relative: str) -> Path:
    path = shared_data / relative
    if not path.exists():
        pytest.skip(f"../shared/data not found: {path}")
    return path


# --- Open Trade Statistics ----------------------------------------------------------------------

OTS_HEADER = "year,reporter_iso,product_code,export_value_usd\n"


def test_ots_israel_and_japan_totals_match_the_file(shared_data: Path, tmp_path: Path, store: Store) -> None:
    full = pd.read_csv(shared_file(shared_data, "tradestatistics_economiccomplexity/world_trade_2017.csv.gz"), dtype=str)
    part = full[full.reporter_iso.isin(["isr", "jpn"])]
    path = tmp_path / "ots_isr_jpn.csv"
    part.to_csv(path, index=False)
    result = store.ingest("ots", path)
    got = table(store, "product_flows")
    expected = part.dropna(subset=["export_value_usd"]).assign(v=lambda d: d.export_value_usd.astype(float))
    assert result.rows == len(expected)
    assert result.note == f"{part.export_value_usd.isna().sum()} empty values (no data) skipped"
    sums = got.groupby("exporter").value_usd.sum()
    for code in ("ISR", "JPN"):
        assert sums[code] == pytest.approx(expected[expected.reporter_iso == code.lower()].v.sum())
    assert set(got.importer) == {"WLD"} and set(got.hs_level) == {4} and set(got.hs_revision) == {2007}
    assert got.hs_code.str.fullmatch(r"\d{4}").all()


@pytest.mark.parametrize(
    ("row", "column", "words"),
    [
        ("2017,qqq,0101,5", "reporter_iso", "unknown country code"),
        ("2017,isr,01x1,5", "product_code", "malformed HS code"),
        ("2017,isr,0101,-5", "export_value_usd", "negative value"),
        ("2017,isr,0101,five", "export_value_usd", "not a number"),
        ("3017,isr,0101,5", "year", "year out of range"),
    ],
)
def test_bad_ots_file_is_refused(tmp_path: Path, store: Store, row: str, column: str, words: str) -> None:
    assert_refused(store, "ots", write_text(tmp_path / "ots.csv", OTS_HEADER + "2017,isr,0102,\n" + row + "\n"), 3, column, words)


# --- World Bank ---------------------------------------------------------------------------------

WB_HEADER = "Country Name,Country Code,Year,Value\n"


def test_worldbank_gdp_keeps_countries_and_world(shared_data: Path, store: Store) -> None:
    path = shared_file(shared_data, "worldbank_gdp_datahub/gdp.csv")
    raw = pd.read_csv(path)
    result = store.ingest("worldbank", path)
    got = table(store, "indicators").set_index(["country", "year"])
    assert set(got.indicator) == {"gdp_usd"}
    for code, year in [("ISR", 2016), ("JPN", 2013), ("WLD", 2020)]:
        expected = raw[(raw["Country Code"] == code) & (raw.Year == year)].Value.item()
        assert got.loc[(code, year)].value == expected
    assert not {"EUU", "HIC", "ARB"} & set(got.index.get_level_values(0))
    dropped = raw["Country Code"].isin(["EUU", "HIC", "ARB", "OED", "LMY"]).sum()
    assert int(result.note.split(" rows")[0].replace(",", "")) >= dropped > 0


def test_worldbank_wide_download_and_api_json(tmp_path: Path, store: Store) -> None:
    wide = write_text(
        tmp_path / "API_SP.POP.TOTL_DS2_en_csv_v2.csv",
        '"Data Source","World Development Indicators",\n\n"Last Updated Date","2024-01-01",\n\n'
        '"Country Name","Country Code","Indicator Name","Indicator Code","2015","2016",\n'
        '"Israel","ISR","Population, total","SP.POP.TOTL","8380100","8546000",\n'
        '"High income","HIC","Population, total","SP.POP.TOTL","1","2",\n',
    )
    store.ingest("worldbank", wide)
    api = tmp_path / "wb.json"
    api.write_text(
        json.dumps(
            [
                {"page": 1, "pages": 1, "per_page": 50, "total": 1},
                [{"indicator": {"id": "NY.GDP.MKTP.CD", "value": "GDP (current US$)"}, "countryiso3code": "JPN", "date": "2016", "value": 5.0e12}],
            ]
        )
    )
    store.ingest("worldbank", api)
    got = table(store, "indicators").set_index(["country", "year", "indicator"]).value
    assert got.to_dict() == {("ISR", 2015, "population"): 8380100, ("ISR", 2016, "population"): 8546000, ("JPN", 2016, "gdp_usd"): 5.0e12}


def test_bad_worldbank_files_are_refused(tmp_path: Path, store: Store) -> None:
    assert_refused(store, "worldbank", write_text(tmp_path / "gdp.csv", WB_HEADER + "Nowhere,QQQ,2016,5\n"), 2, "Country Code", "unknown country code")
    assert_refused(store, "worldbank", write_text(tmp_path / "gdp.csv", WB_HEADER + "Israel,ISR,2016,lots\n"), 2, "Value", "not a number")
    assert_refused(store, "worldbank", write_text(tmp_path / "series.csv", WB_HEADER + "Israel,ISR,2016,5\n"), 1, None, "which indicator")


# --- Correlates of War --------------------------------------------------------------------------

COW_HEADER = "country_code,country,source1,source2,year,imports\n"


def test_cow_japan_imports_2013(shared_data: Path, store: Store) -> None:
    path = shared_file(shared_data, "tradhist_patentcity/imports_xx.csv")
    raw = pd.read_csv(path).dropna(subset=["imports"])  # each country-year is listed 3 times, 2 of them empty
    store.ingest("cow", path)
    got = table(store, "indicators").set_index(["country", "year"])
    year_column = "year" if "year" in raw.columns else "variable"
    expected = raw[(raw.country_code == "JPN") & (raw[year_column] == 2013)].imports.item() * 1e6
    assert got.loc[("JPN", 2013)].value == pytest.approx(expected)
    assert got.loc[("JPN", 2013)].indicator == "imports_total_usd"
    # COW's own codes: SWZ is Switzerland, AUS is Austria, UKG the United Kingdom; RUS is the USSR in 1990.
    uk = raw[(raw.country_code == "UKG") & (raw[year_column] == 2013)].imports.item() * 1e6
    assert got.loc[("GBR", 2013)].value == pytest.approx(uk)
    assert ("CHE", 2013) in got.index and ("AUT", 2013) in got.index and ("SWZ", 2013) not in got.index
    assert ("SUN", 1990) in got.index and ("RUS", 1990) not in got.index


def test_bad_cow_files_are_refused(tmp_path: Path, store: Store) -> None:
    assert_refused(store, "cow", write_text(tmp_path / "c.csv", COW_HEADER + "ZZZ,Nowhere,1,1,2000,5\n"), 2, None, "unknown COW state code 'ZZZ'")
    assert_refused(store, "cow", write_text(tmp_path / "c.csv", COW_HEADER + "JPN,Japan,1,1,2000,-5\n"), 2, None, "negative trade total")
    assert_refused(store, "cow", write_text(tmp_path / "c.csv", COW_HEADER + "JPN,Japan,1,1,1700,5\n"), 2, "year", "year out of range")
    assert_refused(store, "cow", write_text(tmp_path / "c.csv", "country_code,year\nJPN,2000\n"), 1, None, "exactly one value column")
    twice = COW_HEADER + "JPN,Japan,1,1,2000,5\nJPN,Japan,,,2000,\nJPN,Japan,2,2,2000,6\n"
    assert_refused(store, "cow", write_text(tmp_path / "c.csv", twice), 4, None, "the same country and year as line 2")
