"""Ingesting BACI files: what lands, what is refused, and that refusal changes nothing."""

from __future__ import annotations

import gzip
import hashlib
import zipfile
from pathlib import Path

import duckdb
import pytest

from bilat.errors import ValidationError
from bilat.store import Store

HEADER = "t,i,j,k,v,q\n"
# Real BACI rows (HS17, 2020) cut from ../shared/data/baci_fixture_iopspackage: South Africa's exports.
GOOD_ROWS = [
    "2020,710,392,710231,10493.455,0.112\n",
    "2020,710,392,260200,96221.364,      1004529.250\n",
    "2020,710,376,10121,12.5,NA\n",
]


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def store_state(store: Store) -> tuple[dict[str, int], list[tuple[str, str]]]:
    """Row counts and (file, sha256) of every data file: what 'unchanged' means."""
    files = []
    if store.data_dir.exists():
        for path in sorted(store.data_dir.rglob("*.parquet")):
            files.append((str(path.relative_to(store.home)), hashlib.sha256(path.read_bytes()).hexdigest()))
    return store.row_counts(), files


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "store")


@pytest.fixture
def good_file(tmp_path: Path) -> Path:
    return write(tmp_path / "BACI_HS17_Y2020_V202401.csv", HEADER + "".join(GOOD_ROWS))


def test_ingest_converts_thousands_and_pads_codes(store: Store, good_file: Path) -> None:
    result = store.ingest("baci", good_file)
    assert result.rows == 3 and not result.already_present
    rows = duckdb.sql(
        f"SELECT exporter, importer, hs_code, value_usd, quantity_t, hs_revision FROM read_parquet('{store.data_files('product_flows')[0]}')"
        " ORDER BY hs_code"
    ).fetchall()
    assert rows[0] == ("ZAF", "ISR", "010121", 12500.0, None, 2017)
    assert rows[1][:4] == ("ZAF", "JPN", "260200", pytest.approx(96221364.0))
    assert rows[1][4] == pytest.approx(1004529.25)


def test_same_file_twice_adds_nothing(store: Store, good_file: Path) -> None:
    store.ingest("baci", good_file)
    before = store_state(store)
    again = store.ingest("baci", good_file)
    assert again.already_present
    assert store_state(store) == before


def test_provenance_records_checksum_source_rows_and_version(store: Store, good_file: Path) -> None:
    store.ingest("baci", good_file)
    files = store.files()
    row = files.iloc[0]
    assert row["sha256"] == hashlib.sha256(good_file.read_bytes()).hexdigest()
    assert (row["source"], row["table_name"], row["rows"], row["first_year"]) == ("baci", "product_flows", 3, 2020)
    assert row["tool_version"]
    assert row["path"].endswith(good_file.name)


BAD_FILES = {
    "missing_column": (HEADER.replace(",q", ""), 1, None, "missing column(s) 'q'"),
    "unknown_country": (HEADER + GOOD_ROWS[0] + "2020,999,392,710231,1.0,1.0\n", 3, "i", "unknown or missing country code"),
    "malformed_hs": (HEADER + GOOD_ROWS[0] + "2020,710,392,71A231,1.0,1.0\n", 3, "k", "malformed HS code"),
    "negative_value": (HEADER + "2020,710,392,710231,-5.0,1.0\n", 2, "v", "negative value"),
    "non_numeric_value": (HEADER + "2020,710,392,710231,lots,1.0\n", 2, "v", "value is missing or not a number"),
    "year_out_of_range": (HEADER + "1066,710,392,710231,1.0,1.0\n", 2, "t", "year out of range"),
    "truncated": (HEADER + GOOD_ROWS[0] + "2020,710,39", 3, None, "expected 6 fields, found 3"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_file_is_refused_with_line_and_column_and_store_unchanged(store: Store, good_file: Path, tmp_path: Path, case: str) -> None:
    store.ingest("baci", good_file)
    before = store_state(store)
    text, line, column, message = BAD_FILES[case]
    bad = write(tmp_path / f"{case}.csv", text)
    with pytest.raises(ValidationError) as info:
        store.ingest("baci", bad)
    first = info.value.problems[0]
    assert first.file == bad.name
    assert first.line == line
    assert first.column == column
    assert message in first.message
    assert str(info.value).splitlines()[0].startswith(f"{bad.name}, line {line}")
    assert store_state(store) == before


def test_wrong_encoding_names_the_line(store: Store, tmp_path: Path) -> None:
    bad = tmp_path / "latin1.csv"
    bad.write_bytes((HEADER + GOOD_ROWS[0] + "2020,710,392,710231,1.0,caf\xe9\n").encode("latin-1"))
    with pytest.raises(ValidationError, match=r"latin1.csv, line 3: the file is not valid UTF-8"):
        store.ingest("baci", bad)
    assert store.row_counts()["product_flows"] == 0


def test_truncated_gzip_is_refused(store: Store, tmp_path: Path) -> None:
    data = gzip.compress((HEADER + "".join(GOOD_ROWS) * 2000).encode())
    bad = tmp_path / "cut.csv.gz"
    bad.write_bytes(data[: len(data) // 2])
    with pytest.raises(ValidationError, match="damaged or truncated"):
        store.ingest("baci", bad)
    assert store.row_counts()["product_flows"] == 0


def test_skip_bad_rows_stores_good_rows_and_writes_rejects(store: Store, tmp_path: Path) -> None:
    text = HEADER + GOOD_ROWS[0] + "2020,999,392,710231,1.0,1.0\n" + GOOD_ROWS[1] + "2020,710,392,710231,-1,1\n"
    path = write(tmp_path / "mixed.csv", text)
    result = store.ingest("baci", path, skip_bad_rows=True)
    assert (result.rows, result.rejected) == (2, 2)
    rejects = result.rejects_path.read_text().splitlines()
    assert rejects[0] == "line,column_name,problem,value"
    assert rejects[1].startswith("3,i,unknown or missing country code,999")
    assert rejects[2].startswith("5,v,negative value")


def test_release_zip_is_read_without_unpacking(store: Store, tmp_path: Path) -> None:
    archive = tmp_path / "BACI_HS17_V202401.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("BACI_HS17_Y2019_V202401.csv", HEADER + GOOD_ROWS[0].replace("2020", "2019"))
        zf.writestr("BACI_HS17_Y2020_V202401.csv", HEADER + "".join(GOOD_ROWS))
        zf.writestr("country_codes_V202401.csv", "country_code,country_name,country_iso2,country_iso3\n710,South Africa,ZA,ZAF\n392,Japan,JP,JPN\n376,Israel,IL,ISR\n")
        zf.writestr("Readme.txt", "BACI")
    result = store.ingest("baci", archive)
    assert result.rows == 4
    assert list(store.files()[["first_year", "last_year"]].iloc[0]) == [2019, 2020]


def test_zip_with_traversal_names_is_refused(store: Store, tmp_path: Path) -> None:
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("../../BACI_HS17_Y2020_V202401.csv", HEADER + GOOD_ROWS[0])
    with pytest.raises(ValidationError, match="path traversal"):
        store.ingest("baci", archive)


def test_real_baci_fixture_lands_whole(store: Store, shared_data: Path) -> None:
    path = shared_data / "baci_fixture_iopspackage" / "BACI_HS17_Y2020_V202301_exporters_4_710.csv.gz"
    result = store.ingest("baci", path)
    expected = duckdb.sql(
        f"SELECT count(*), sum(CAST(v AS DOUBLE)) * 1000 FROM read_csv('{path}', all_varchar=true)"
    ).fetchall()[0]
    assert result.rows == expected[0]
    stored = duckdb.sql(
        f"SELECT count(*), sum(value_usd) FROM read_parquet('{store.data_files('product_flows')[0]}')"
    ).fetchall()[0]
    assert stored[0] == expected[0]
    assert stored[1] == pytest.approx(expected[1], rel=1e-12)


def test_rejects_dir_may_be_given_as_text(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path / "mixed2.csv", HEADER + GOOD_ROWS[0] + "2020,999,392,710231,1.0,1.0\n")
    out = tmp_path / "rejects"
    out.mkdir()
    result = store.ingest("baci", path, skip_bad_rows=True, rejects_dir=str(out))
    assert result.rejects_path == out / "mixed2.csv.rejects.csv" and result.rejects_path.exists()


def test_ingest_reports_its_phases_in_order(store: Store, good_file: Path, tmp_path: Path) -> None:
    # GOOD_ROWS are not in BACI's key order: the fast lane declines them, the general path follows.
    phases: list[str] = []
    store.ingest("baci", good_file, on_phase=phases.append)
    assert phases == ["reading, checking and writing", "reading", "validating", "writing", "committing"]
    ordered = write(tmp_path / "BACI_HS17_Y2020_V202402.csv", HEADER + "".join(sorted(GOOD_ROWS, key=lambda r: (int(r.split(",")[2]), int(r.split(",")[3])))))
    phases.clear()
    store.ingest("baci", ordered, on_phase=phases.append)
    assert phases == ["reading, checking and writing", "committing"]
