"""The UN Comtrade loader: classic CSV, Comtrade+ CSV and API JSON into product_flows."""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

import pandas as pd
import pytest

from bilat.engines import open_engine
from bilat.store import Store
from sources_helpers import RECORDED, assert_refused, truncated_gzip, write_text

CLASSIC_HEADER = (
    "\ufeffClassification,Year,Period,Period Desc.,Aggregate Level,Is Leaf Code,Trade Flow Code,Trade Flow,"
    "Reporter Code,Reporter,Reporter ISO,Partner Code,Partner,Partner ISO,Commodity Code,Commodity,Qty Unit Code,"
    "Qty Unit,Qty,Netweight (kg),Trade Value (US$),Flag\n"
)
# Real rows (Japan's HS27 declarations with Israel, 2016) plus World and a "nes" area, as published.
GOOD_ROWS = [
    "H4,2016,2016,2016,2,0,1,Import,392,Japan,JPN,376,Israel,ISR,27,Mineral fuels,1,No Quantity,,,273123,0",
    "H4,2016,2016,2016,2,0,2,Export,392,Japan,JPN,376,Israel,ISR,27,Mineral fuels,1,No Quantity,,1500,96897,0",
    "H4,2016,2016,2016,2,0,2,Export,392,Japan,JPN,0,World,WLD,27,Mineral fuels,1,No Quantity,,,1000,0",
    "H4,2016,2016,2016,2,0,1,Import,392,Japan,JPN,899,\"Areas, nes\",,27,Mineral fuels,1,No Quantity,,,50,0",
]


def classic(tmp_path: Path, rows: list[str], name: str = "comtrade.csv") -> Path:
    return write_text(tmp_path / name, CLASSIC_HEADER + "\n".join(rows) + "\n")


def rows_of(store: Store) -> pd.DataFrame:
    with open_engine(store=store, include_embedded=False) as engine:
        return engine.sql("SELECT * FROM product_flows ORDER BY exporter, importer, reporter, flow")


def test_classic_rows_are_oriented_by_flow(tmp_path: Path, store: Store) -> None:
    store.ingest("comtrade", classic(tmp_path, GOOD_ROWS))
    got = rows_of(store).set_index(["exporter", "importer", "reporter", "flow"])
    imported = got.loc[("ISR", "JPN", "JPN", "M")]
    assert imported.value_usd == 273123 and imported.valuation == "CIF"
    exported = got.loc[("JPN", "ISR", "JPN", "X")]
    assert exported.value_usd == 96897 and exported.valuation == "FOB"
    assert exported.quantity_t == pytest.approx(1.5)  # 1,500 kg
    assert got.loc[("JPN", "WLD", "JPN", "X")].value_usd == 1000
    assert got.loc[("X99", "JPN", "JPN", "M")].value_usd == 50  # "Areas, nes" (899) keeps BACI's stand-in
    assert set(got.hs_revision) == {2012} and set(got.hs_code) == {"27"} and set(got.hs_level) == {2}


def test_comtrade_hs27_2016_matches_the_published_file(shared_data: Path, store: Store) -> None:
    path = shared_data / "comtrade_hs27_hs44_pmacg" / "comtrade_oil_HS27_2016.csv.gz"
    if not path.exists():
        pytest.skip(f"../shared/data not found: {path}")
    result = store.ingest("comtrade", path)
    with gzip.open(path, "rt", encoding="utf-8-sig") as handle:
        raw = pd.DataFrame(list(csv.DictReader(handle)))
    assert result.rows == len(raw)
    pair = raw[raw["Reporter ISO"].isin(["ISR", "JPN"]) & raw["Partner ISO"].isin(["ISR", "JPN"])]
    stored = rows_of(store)
    stored = stored[stored.exporter.isin(["ISR", "JPN"]) & stored.importer.isin(["ISR", "JPN"])]
    expected = {
        (r["Reporter ISO"], {"1": "M", "2": "X"}[r["Trade Flow Code"]]): float(r["Trade Value (US$)"])
        for _, r in pair.iterrows()
    }
    assert {(r.reporter, r.flow): r.value_usd for r in stored.itertuples()} == expected
    assert stored.value_usd.sum() == pytest.approx(pair["Trade Value (US$)"].astype(float).sum())


def test_api_json_response_is_ingested(store: Store) -> None:
    result = store.ingest("comtrade", RECORDED / "comtrade_plus_isr_jpn_hs27_hs44.json")
    got = rows_of(store)
    assert result.rows == 15
    row = got[(got.reporter == "ISR") & (got.flow == "M") & (got.hs_code == "27")].set_index(got.columns[0]).value_usd
    assert dict(row) == {2013: 173000.0, 2016: 296000.0}


def test_comtrade_plus_csv_with_breakdowns_keeps_only_totals(tmp_path: Path, store: Store) -> None:
    path = write_text(
        tmp_path / "plus.csv",
        "refYear,reporterCode,reporterISO,partnerCode,partnerISO,flowCode,classificationCode,cmdCode,aggrLevel,"
        "motCode,customsCode,partner2Code,primaryValue,netWgt\n"
        "2016,392,JPN,376,ISR,M,H4,2709,4,0,C00,0,1000,2000\n"
        "2016,392,JPN,376,ISR,M,H4,2709,4,1000,C00,0,600,\n"  # by sea: part of the total above
        "2016,392,JPN,376,ISR,FM,H4,2709,4,0,C00,0,400,\n"  # foreign imports: part of M
        "2016,392,JPN,376,ISR,X,H4,TOTAL,0,0,C00,0,5000,\n",
    )
    result = store.ingest("comtrade", path)
    got = rows_of(store)
    assert sorted(zip(got.hs_code, got.hs_level, got.value_usd)) == [("2709", 4, 1000.0), ("TOTAL", 0, 5000.0)]
    assert "1 breakdown rows" in result.note and "1 rows of flows other than" in result.note


@pytest.mark.parametrize(
    ("rows", "line", "column", "words"),
    [
        ([GOOD_ROWS[0].replace(",376,Israel,ISR,", ",999,Nowhere,QQQ,")], 2, None, "unknown partner 'QQQ'"),
        ([GOOD_ROWS[0].replace(",27,Mineral", ",2A7,Mineral")], 2, "Commodity Code", "malformed HS code"),
        ([GOOD_ROWS[0].replace("273123", "-5")], 2, "Trade Value (US$)", "negative value"),
        ([GOOD_ROWS[0].replace("273123", "lots")], 2, "Trade Value (US$)", "not a number"),
        ([GOOD_ROWS[0].replace("H4,2016,", "H4,1066,")], 2, "Year", "year out of range"),
        ([GOOD_ROWS[0].replace(",1,Import,", ",7,Import,")], 2, None, "unknown trade flow code '7'"),
        ([GOOD_ROWS[0], GOOD_ROWS[1][:40]], 3, None, "truncated file"),
    ],
    ids=["unknown-country", "malformed-hs", "negative", "non-numeric", "year-range", "flow-code", "truncated"],
)
def test_bad_classic_file_is_refused(tmp_path: Path, store: Store, rows: list[str], line: int, column: str | None, words: str) -> None:
    store.ingest("comtrade", classic(tmp_path, GOOD_ROWS[2:3], "good.csv"))  # a store with something to protect
    assert_refused(store, "comtrade", classic(tmp_path, rows), line, column, words)


def test_missing_column_is_refused(tmp_path: Path, store: Store) -> None:
    header = CLASSIC_HEADER.replace(",Trade Value (US$)", "")
    path = write_text(tmp_path / "nocol.csv", header + GOOD_ROWS[0].replace(",273123", "") + "\n")
    assert_refused(store, "comtrade", path, 1, None, "missing column(s) 'Trade Value (US$)'")


def test_latin1_file_is_refused(tmp_path: Path, store: Store) -> None:
    row = GOOD_ROWS[0].replace("Israel", "Isra\u00ebl")
    path = write_text(tmp_path / "latin1.csv", CLASSIC_HEADER.lstrip("\ufeff") + row + "\n", encoding="latin-1")
    assert_refused(store, "comtrade", path, 2, None, "not valid UTF-8")


def test_truncated_gzip_is_refused(tmp_path: Path, store: Store) -> None:
    text = CLASSIC_HEADER + "\n".join(GOOD_ROWS * 200) + "\n"
    assert_refused(store, "comtrade", truncated_gzip(tmp_path / "cut.csv.gz", text), None, None, "damaged or truncated")


def test_skip_bad_rows_stores_good_rows_and_writes_rejects(tmp_path: Path, store: Store) -> None:
    bad = GOOD_ROWS[1].replace("96897", "-1")
    result = store.ingest("comtrade", classic(tmp_path, [GOOD_ROWS[0], bad]), skip_bad_rows=True)
    assert (result.rows, result.rejected) == (1, 1)
    rejects = pd.read_csv(result.rejects_path)
    assert rejects.to_dict("records") == [
        {"line": 3, "column_name": "Trade Value (US$)", "problem": "negative value", "value": -1}
    ]
