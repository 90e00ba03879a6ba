"""The UN Comtrade World-totals loader (``comtrade_world``): national exports and imports with the World.

Why these tests: the loader's rows are the denominators of import shares and the figures behind
"Japan's total exports", so a bilateral or chapter row taken for a total, a repeat summed or a bad
row half-stored would change answers silently. Fixtures are small files written here, not copies of
the real data; one test reads ../shared/data and skips, saying so, when it is absent.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from bilat.engines import open_engine
from bilat.store import Store
from sources_helpers import assert_refused, write_text

HEADER = "year,reporter_code,reporter,partner_code,partner,trade_flow,commodity_code,commodity,classification,trade_value_usd\n"
GOOD = (
    HEADER
    + "2016,392,Japan,0,World,Export,TOTAL,All Commodities,H4,644932400000\n"
    + "2016,392,Japan,0,World,Import,TOTAL,All Commodities,H4,606924000000\n"
    + "2016,392,Japan,0,World,Re-Export,TOTAL,All Commodities,H4,1500000000\n"
    + "2016,376,Israel,0,World,Export,TOTAL,All Commodities,H4,60570600000\n"
    + "2016,376,Israel,0,World,Import,TOTAL,All Commodities,H4,\n"
)
SHARED = "comtrade_world_totals_SamLeBlanc/comtrade_total_trade_with_world_2010_2021.csv.gz"


def indicators(store: Store) -> pd.DataFrame:
    with open_engine(store=store, include_embedded=False) as engine:
        return engine.sql("SELECT country, year, indicator, value, unit, source FROM indicators ORDER BY ALL")


def test_a_good_file_gives_each_reporters_totals(tmp_path: Path, store: Store) -> None:
    result = store.ingest("comtrade_world", write_text(tmp_path / "world.csv", GOOD))
    got = indicators(store)
    assert got.to_dict("records") == [
        {"country": "ISR", "year": 2016, "indicator": "exports_total_usd", "value": 60570600000.0, "unit": "USD", "source": "comtrade_world"},
        {"country": "JPN", "year": 2016, "indicator": "exports_total_usd", "value": 644932400000.0, "unit": "USD", "source": "comtrade_world"},
        {"country": "JPN", "year": 2016, "indicator": "imports_total_usd", "value": 606924000000.0, "unit": "USD", "source": "comtrade_world"},
    ]
    # The re-export (a part of exports) and the empty value are counted in the note, not stored.
    assert result.rows == 3 and result.rejected == 0
    assert "1 Re-Export/Re-Import rows" in result.note and "1 empty values (no data) skipped" in result.note


def test_the_legacy_api_column_names_are_read(tmp_path: Path, store: Store) -> None:
    legacy = "pfCode,yr,rgDesc,rtCode,rtTitle,ptCode,ptTitle,cmdCode,cmdDescE,TradeValue\nH4,2016,Export,392,Japan,0,World,TOTAL,All,5000\n"
    store.ingest("comtrade_world", write_text(tmp_path / "legacy.csv", legacy))
    got = indicators(store)
    assert got[["country", "year", "indicator", "value"]].values.tolist() == [["JPN", 2016, "exports_total_usd", 5000.0]]


ROW = "2016,392,Japan,0,World,Export,TOTAL,All,H4,5\n"


@pytest.mark.parametrize(
    ("row", "column", "words"),
    [
        ("2016,392,Japan,376,Israel,Export,TOTAL,All,H4,5\n", "partner_code", "is not the World (0): not a national total"),
        ("2016,392,Japan,0,World,Export,27,Oil,H4,5\n", "commodity_code", "commodity '27' is not TOTAL"),
        ("2016,392,Japan,0,World,Transit,TOTAL,All,H4,5\n", "trade_flow", "unknown trade flow 'transit'"),
        ("2016,9999,Nowhere,0,World,Export,TOTAL,All,H4,5\n", "reporter_code", "unknown reporter code '9999'"),
        ("2016,392,Japan,0,World,Export,TOTAL,All,H4,lots\n", "trade_value_usd", "not a number (got 'lots')"),
        ("2016,392,Japan,0,World,Export,TOTAL,All,H4,-5\n", "trade_value_usd", "negative trade total '-5'"),
        ("1700,392,Japan,0,World,Export,TOTAL,All,H4,5\n", "year", "year out of range"),
    ],
    ids=["bilateral row", "chapter row", "unknown flow", "unknown reporter", "value not a number", "negative value", "year"],
)
def test_a_bad_row_is_refused_naming_file_row_and_column(row: str, column: str, words: str, tmp_path: Path, store: Store) -> None:
    # A good file first: the refusal must leave it as it was (assert_refused compares every byte).
    store.ingest("comtrade_world", write_text(tmp_path / "good.csv", GOOD))
    assert_refused(store, "comtrade_world", write_text(tmp_path / "bad.csv", HEADER + ROW.replace("2016", "2017") + row), 3, column, words)
    assert len(indicators(store)) == 3


def test_a_repeated_country_year_and_flow_is_refused_not_summed(tmp_path: Path, store: Store) -> None:
    twice = HEADER + ROW + "2016,392,Japan,0,World,Export,TOTAL,All,H4,6\n"
    assert_refused(store, "comtrade_world", write_text(tmp_path / "twice.csv", twice), 3, None, "duplicate row")


def test_a_missing_column_is_refused_on_the_header_line(tmp_path: Path, store: Store) -> None:
    store.ingest("comtrade_world", write_text(tmp_path / "good.csv", GOOD))
    no_value = "year,reporter_code,partner_code,trade_flow,commodity_code\n2017,392,0,Export,TOTAL\n"
    error = assert_refused(store, "comtrade_world", write_text(tmp_path / "short.csv", no_value), 1, None, "missing column(s) 'trade_value_usd'")
    assert "A Comtrade World-totals file has" in str(error)


def test_indicator_preference_follows_the_source_traits() -> None:
    # facts.SOURCE_PREFERENCE (the fact-check) and the traits' priority (the profile's shares,
    # selection.best_indicators) must rank the same: else the two would quote different totals.
    from bilat.news.facts import SOURCE_PREFERENCE
    from bilat.sources.traits import all_traits

    ranked = [name for name, traits in all_traits().items() if traits.table == "indicators"]
    assert [name for name in ranked if name in SOURCE_PREFERENCE] == list(SOURCE_PREFERENCE)
    assert SOURCE_PREFERENCE.index("comtrade_world") < SOURCE_PREFERENCE.index("cow")


def test_the_shared_file_matches_the_checked_values(shared_data: Path, store: Store) -> None:
    path = shared_data / SHARED
    if not path.exists():
        pytest.skip(f"../shared/data not found: {path}")
    store.ingest("comtrade_world", path)
    got = indicators(store).set_index(["country", "year", "indicator"]).value
    # shared/data/PROVENANCE.md §10, USD millions: Japan 2016 imports 606,924.0; 2021 exports 757,066.3.
    assert got[("JPN", 2016, "imports_total_usd")] / 1e6 == pytest.approx(606_924.0, abs=0.1)
    assert got[("JPN", 2021, "exports_total_usd")] / 1e6 == pytest.approx(757_066.3, abs=0.1)
    assert got[("ISR", 2019, "exports_total_usd")] / 1e6 == pytest.approx(58_488.5, abs=0.1)
    assert ("ISR", 2021, "exports_total_usd") not in got.index  # Israel had not reported 2021 at download time
