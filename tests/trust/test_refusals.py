"""Rows are refused, not changed without a word (issue #18, item 3).

Each case once stored something other than what the file said: a year 2020.5 as 2021, a
quantity ``nan`` or ``inf``, values up to 1e308 (sums overflowed to infinity), a file's repeated
keys twice (Comtrade, OTS, World Bank), and a last line of 30 MB dropped while the rest was
stored. Each now ends in one line naming the file, the row and the problem, with the store
unchanged; ``--skip-bad-rows`` stores the good rows and sets the bad ones aside.
"""

from __future__ import annotations

import gzip
import hashlib
import zipfile
from pathlib import Path

import pytest

from bilat.errors import ValidationError
from bilat.limits import MAX_INDICATOR_VALUE, MAX_QUANTITY_T, MAX_VALUE_USD
from bilat.store import Store

HEADER = "t,i,j,k,v,q\n"
ROWS = ["2020,710,392,260200,96221.364,1004529.250\n", "2020,710,392,710231,10493.455,0.112\n"]
BACI_NAME = "BACI_HS17_Y2020_V202401.csv"
MIB = 1 << 20


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "store")


def _fingerprint(store: Store) -> tuple:
    data = {}
    if store.data_dir.exists():
        for file in sorted(store.data_dir.rglob("*.parquet")):
            data[file.name] = hashlib.sha256(file.read_bytes()).hexdigest()
    return store.row_counts(), data


def refused(store: Store, source: str, path: Path, line: int | None, words: str, **options: object) -> str:
    """Ingesting ``path`` fails with one line naming the file, the line and ``words``; nothing changes."""
    before = _fingerprint(store)
    with pytest.raises(ValidationError) as info:
        store.ingest(source, path, **options)
    message = str(info.value)
    assert "\n" not in message, message
    assert path.name in message, message
    if line is not None:
        assert f"line {line}" in message, message
    assert words in message, message
    assert _fingerprint(store) == before
    return message


def _baci(tmp_path: Path, middle: str, name: str = BACI_NAME) -> Path:
    path = tmp_path / name
    path.write_text(HEADER + ROWS[0] + middle + ROWS[1].replace("710231", "710232"), encoding="utf-8")
    return path


def _gz(path: Path) -> Path:
    out = path.with_name(path.name + ".gz")
    out.write_bytes(gzip.compress(path.read_bytes()))
    return out


def _zip(path: Path) -> Path:
    out = path.with_name("release.zip")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(path, path.name)
    return out


# -- years and country codes that are not whole numbers ------------------------------------------


@pytest.mark.parametrize("wrap", [lambda p: p, _gz, _zip], ids=["plain (fast lane)", "gzip", "zip"])
def test_baci_year_that_is_not_a_whole_number(wrap, store: Store, tmp_path: Path) -> None:  # noqa: ANN001
    path = wrap(_baci(tmp_path, "2020.5,710,392,710231,1,1\n"))
    refused(store, "baci", path, 3, "year is missing or not a whole number (got '2020.5')")


def test_baci_country_code_that_is_not_a_whole_number(store: Store, tmp_path: Path) -> None:
    # A cast alone read 710.5 as country 711.
    refused(store, "baci", _baci(tmp_path, "2020,710.5,392,710231,1,1\n"), 3, "column 'i': unknown or missing country code (got '710.5')")


def test_year_2020_5_refused_by_every_csv_loader(store: Store, tmp_path: Path) -> None:
    ots = tmp_path / "ots.csv"
    ots.write_text("year,reporter_iso,product_code,export_value_usd\n2020,isr,0102,5\n2020.5,isr,0103,6\n", encoding="utf-8")
    refused(store, "ots", ots, 3, "year is not a whole number (got '2020.5')")
    wb = tmp_path / "gdp.csv"
    wb.write_text("Country Name,Country Code,Year,Value\nIsrael,ISR,2016,5\nIsrael,ISR,2016.5,6\n", encoding="utf-8")
    refused(store, "worldbank", wb, 3, "year is not a whole number (got '2016.5')")


def test_a_whole_year_written_as_2020_0_is_still_taken(store: Store, tmp_path: Path) -> None:
    ots = tmp_path / "ots.csv"
    ots.write_text("year,reporter_iso,product_code,export_value_usd\n2020.0,isr,0102,5\n", encoding="utf-8")
    assert store.ingest("ots", ots).rows == 1


# -- quantities and values that are not finite, or absurd ------------------------------------------


@pytest.mark.parametrize("q", ["nan", "NaN", "inf", "-inf", "Infinity", "1e300"])
def test_baci_quantity_not_finite_or_absurd(q: str, store: Store, tmp_path: Path) -> None:
    words = "quantity above the ceiling of 1e13 t" if q == "1e300" else "quantity is not a finite number"
    refused(store, "baci", _baci(tmp_path, f"2020,710,392,710231,1,{q}\n"), 3, words)


@pytest.mark.parametrize("v", ["1e300", f"{MAX_VALUE_USD / 1000 * 2:.0f}"])
def test_baci_value_above_the_ceiling(v: str, store: Store, tmp_path: Path) -> None:
    # v is in thousands of dollars: 2e12 thousand is 2e15 USD, above the 1e15 ceiling.
    refused(store, "baci", _baci(tmp_path, f"2020,710,392,710231,{v},1\n"), 3, "value above the ceiling of 1e15")


def test_baci_value_that_overflows_to_infinity(store: Store, tmp_path: Path) -> None:
    # 1.7e308 thousand dollars is infinite in dollars.
    refused(store, "baci", _baci(tmp_path, "2020,710,392,710231,1.7e308,1\n"), 3, "value is not finite (got '1.7e308')")


def test_values_under_the_ceilings_are_stored(store: Store, tmp_path: Path) -> None:
    # 9e11 thousand USD (9e14 USD, 36 times world trade) and 9e12 t are absurd but under the ceilings.
    assert store.ingest("baci", _baci(tmp_path, "2020,710,392,710231,900000000000,9000000000000\n")).rows == 3
    assert MAX_QUANTITY_T == 1e13 and MAX_INDICATOR_VALUE == 1e20


def test_skip_bad_rows_keeps_the_finite_rows(store: Store, tmp_path: Path) -> None:
    path = _baci(tmp_path, "2020,710,392,710231,1,nan\n2020,710,392,710233,1e300,1\n")
    result = store.ingest("baci", path, skip_bad_rows=True)
    assert (result.rows, result.rejected) == (2, 2)
    from bilat.engines import open_engine

    with open_engine(store=store, include_embedded=False) as engine:
        total = engine.sql("SELECT sum(value_usd), bool_and(isfinite(coalesce(quantity_t, 0))) FROM product_flows").values[0]
    assert total[0] == pytest.approx((96221.364 + 10493.455) * 1000) and total[1]


@pytest.mark.parametrize("value", ["inf", "1e300", "-1e21"])
def test_indicator_value_not_finite_or_absurd(value: str, store: Store, tmp_path: Path) -> None:
    wb = tmp_path / "gdp.csv"
    wb.write_text(f"Country Name,Country Code,Year,Value\nIsrael,ISR,2016,5\nJapan,JPN,2016,{value}\n", encoding="utf-8")
    words = "value is not finite" if value == "inf" else "value above the ceiling of 1e20"
    refused(store, "worldbank", wb, 3, words)


# -- repeated keys, for every loader ---------------------------------------------------------------

COMTRADE_HEADER = (
    "Classification,Year,Period,Period Desc.,Aggregate Level,Is Leaf Code,Trade Flow Code,Trade Flow,"
    "Reporter Code,Reporter,Reporter ISO,Partner Code,Partner,Partner ISO,Commodity Code,Commodity,Qty Unit Code,"
    "Qty Unit,Qty,Netweight (kg),Trade Value (US$),Flag\n"
)
COMTRADE_ROW = "H4,2016,2016,2016,2,0,1,Import,392,Japan,JPN,376,Israel,ISR,27,Mineral fuels,1,No Quantity,,,273123,0\n"


def test_comtrade_duplicate_key_refused(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "comtrade.csv"
    path.write_text(COMTRADE_HEADER + COMTRADE_ROW + COMTRADE_ROW.replace("273123", "5"), encoding="utf-8")
    refused(store, "comtrade", path, 3, "duplicate row: same")
    assert "as line 2" in refused(store, "comtrade", path, 3, "duplicate")


def test_ots_duplicate_key_refused(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "ots.csv"
    path.write_text("year,reporter_iso,product_code,export_value_usd\n2020,isr,0102,5\n2020,isr,0103,5\n2020,ISR,0102,7\n", encoding="utf-8")
    refused(store, "ots", path, 4, "duplicate row: same year, reporter_iso")


def test_worldbank_duplicate_key_refused_and_skip_keeps_the_first(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "gdp.csv"
    path.write_text("Country Name,Country Code,Year,Value\nIsrael,ISR,2016,5\nJapan,JPN,2016,6\nIsrael,ISR,2016,5\n", encoding="utf-8")
    refused(store, "worldbank", path, 4, "duplicate row: same Country Code, Year")
    result = store.ingest("worldbank", path, skip_bad_rows=True)
    assert (result.rows, result.rejected) == (2, 1)


def test_every_loader_declares_or_checks_its_key() -> None:
    from bilat.sources import BUILTIN_SOURCES, get_source

    # BACI, Comtrade, Comtrade World totals, OTS and World Bank declare key_columns (checked by the
    # store: a repeated country, year and indicator is refused, tests/sources/test_comtrade_world.py); COW and DOTS
    # refuse repeats in their own staging (tests/sources/test_ots_worldbank_cow.py, test_imf_dots.py).
    declared = {name for name in BUILTIN_SOURCES if getattr(get_source(name), "key_columns", None)}
    assert declared == {"baci", "comtrade", "comtrade_world", "ots", "worldbank"}


# -- a line over the cap, wherever it stands ---------------------------------------------------------


@pytest.mark.parametrize("tail", ["7" * (40 * MIB), "7" * (40 * MIB) + "\n", "2020,710,392,710233,1," + "7" * (40 * MIB)],
                         ids=["last line without newline", "last line with newline", "a long field in the last row"])
def test_a_long_last_line_is_refused_at_the_default_cap(tail: str, store: Store, tmp_path: Path) -> None:
    # At the default cap (1 MiB), with a line longer than DuckDB's own buffers: it was dropped.
    path = tmp_path / BACI_NAME
    path.write_text(HEADER + "".join(ROWS) + tail, encoding="utf-8")
    refused(store, "baci", path, 4, "a line longer than the limit of 1 MiB (BILAT_MAX_LINE_BYTES)")


@pytest.mark.parametrize("where", [1, 2, 3])
def test_a_long_line_is_refused_wherever_it_stands(where: int, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BILAT_MAX_LINE_BYTES", "4K")
    rows = [f"2020,710,392,{710231 + n},1.5,0.1\n" for n in range(3)]
    rows[where - 1] = "2020,710,392,710299,1," + "1" * 8192 + "\n"
    path = tmp_path / BACI_NAME
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    refused(store, "baci", path, where + 1, "a line longer than the limit of 4 KiB")


def test_a_single_long_data_line_is_not_called_no_data_rows(store: Store, tmp_path: Path) -> None:
    path = tmp_path / BACI_NAME
    path.write_text(HEADER + "2020,710,392,710231,1," + "7" * (50 * MIB) + "\n", encoding="utf-8")
    message = refused(store, "baci", path, 2, "a line longer than the limit")
    assert "no data rows" not in message
