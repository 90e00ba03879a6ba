"""The fast lane for clean BACI years: it takes clean files, and never changes what an ingestion does.

The property every test here checks one way or another: for any file, ingesting it with the fast
lane (the default) and with ``BILAT_FAST_INGEST=0`` (the general path only) ends the same way:
the same rows stored, or the same error. The fast lane may only be faster.
"""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bilat.errors import ValidationError
from bilat.store import Store
from bilat.synth import generate_baci, year_file_name


@pytest.fixture(scope="module")
def clean_year(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A synthetic BACI year of 150,000 rows, in BACI's layout and order (two row groups' worth)."""
    folder = tmp_path_factory.mktemp("synth")
    generate_baci(folder, [2019], rows_per_year=150_000, seed=3)
    return folder / year_file_name(2019)


def ingest_both_ways(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, **kwargs: object
) -> tuple[tuple[str, object], tuple[str, object]]:
    """Ingest ``path`` into two fresh stores, fast lane allowed and not; each outcome as (kind, detail)."""
    outcomes = []
    for name, switch in (("fast", "1"), ("general", "0")):
        monkeypatch.setenv("BILAT_FAST_INGEST", switch)
        store = Store(tmp_path / f"store_{name}")
        try:
            result = store.ingest("baci", path, **kwargs)
        except ValidationError as exc:
            outcomes.append(("error", str(exc)))
            continue
        outcomes.append(("stored", (result, store)))
    monkeypatch.delenv("BILAT_FAST_INGEST")
    return outcomes[0], outcomes[1]


def stored_rows(store: Store) -> list[tuple]:
    """Every stored row, in a fixed order; NaN as text (NaN != NaN would fail any comparison)."""
    files = ", ".join(f"'{p}'" for p in store.data_files("product_flows"))
    rows = duckdb.sql(f"SELECT * FROM read_parquet([{files}]) ORDER BY ALL").fetchall()
    return [tuple("NaN" if isinstance(v, float) and v != v else v for v in row) for row in rows]


def assert_same_outcome(fast: tuple[str, object], general: tuple[str, object]) -> None:
    assert fast[0] == general[0], (fast, general)
    if fast[0] == "error":
        assert fast[1] == general[1]
        return
    (fast_result, fast_store), (general_result, general_store) = fast[1], general[1]
    assert (fast_result.rows, fast_result.rejected, fast_result.note) == (
        general_result.rows, general_result.rejected, general_result.note
    )
    fast_files = fast_store.files()[["rows", "rejected", "first_year", "last_year", "data_sources", "note"]]
    general_files = general_store.files()[["rows", "rejected", "first_year", "last_year", "data_sources", "note"]]
    assert fast_files.to_dict("records") == general_files.to_dict("records")
    assert stored_rows(fast_store) == stored_rows(general_store)


def test_clean_year_takes_the_fast_lane_and_stores_what_the_general_path_stores(
    clean_year: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast, general = ingest_both_ways(clean_year, tmp_path, monkeypatch)
    assert fast[0] == "stored" and fast[1][0].lane == "fast"
    assert general[1][0].lane == "general"
    assert fast[1][0].rows == 150_000
    assert_same_outcome(fast, general)


def test_fast_lane_file_is_laid_out_for_pair_queries(clean_year: Path, tmp_path: Path) -> None:
    store = Store(tmp_path / "store")
    assert store.ingest("baci", clean_year).lane == "fast"
    path = store.data_files("product_flows")[0]
    groups = duckdb.sql(
        f"SELECT row_group_id, any_value(row_group_num_rows) FROM parquet_metadata('{path}') GROUP BY ALL ORDER BY 1"
    ).fetchall()
    assert [rows for _, rows in groups[:-1]] == [122_880] * (len(groups) - 1)
    blooms = duckdb.sql(
        f"SELECT DISTINCT path_in_schema FROM parquet_metadata('{path}') WHERE bloom_filter_offset IS NOT NULL ORDER BY 1"
    ).fetchall()
    assert blooms == [("exporter",), ("importer",)]
    # Country codes stay dictionary-encoded in every row group (a plain-string fallback costs
    # at least 7 bytes a row before compression, and makes full scans twice as slow).
    plain = duckdb.sql(
        f"""SELECT count(*) FROM parquet_metadata('{path}')
            WHERE path_in_schema IN ('exporter', 'importer') AND total_uncompressed_size >= num_values"""
    ).fetchall()[0][0]
    assert plain == 0
    # Each exporter's rows are contiguous: one pair's query reads the row groups of one exporter.
    runs = duckdb.sql(
        f"""SELECT count(*) FROM (
              SELECT exporter, exporter IS DISTINCT FROM lag(exporter) OVER (ORDER BY rn) AS starts
              FROM (SELECT exporter, row_number() OVER () AS rn FROM read_parquet('{path}')))
            WHERE starts"""
    ).fetchall()[0][0]
    exporters = duckdb.sql(f"SELECT count(DISTINCT exporter) FROM read_parquet('{path}')").fetchall()[0][0]
    assert runs == exporters
    # Readers see plain strings, not dictionary (categorical) columns.
    import pyarrow.parquet as pq

    assert str(pq.read_schema(path).field("exporter").type) == "string"


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines(keepends=True)


def _mutated(clean_year: Path, tmp_path: Path, edit) -> Path:  # noqa: ANN001 - a function of the lines
    lines = _lines(clean_year)
    out = tmp_path / clean_year.name
    shutil.copy(clean_year.parent / "country_codes_V202401.csv", tmp_path / "country_codes_V202401.csv")
    out.write_text("".join(edit(lines)), encoding="utf-8")
    return out


def _set_field(line: str, column: int, value: str) -> str:
    fields = line.rstrip("\n").split(",")
    fields[column] = value
    return ",".join(fields) + "\n"


MUTATIONS = {
    # Each edits the clean file somewhere past the first row group, as a damaged download or a hand
    # edit would; the fast lane must decline it and the general path decide.
    "rows shuffled (still valid)": lambda ls: [ls[0]] + ls[1:][::-1],
    "a row repeated": lambda ls: ls[:140_000] + [ls[139_999]] + ls[140_000:],
    "value not a number": lambda ls: ls[:130_000] + [_set_field(ls[130_000], 4, "abc")] + ls[130_001:],
    "negative value": lambda ls: ls[:130_000] + [_set_field(ls[130_000], 4, "-1.5")] + ls[130_001:],
    "value in exponent form (valid)": lambda ls: ls[:130_000] + [_set_field(ls[130_000], 4, "1.5e2")] + ls[130_001:],
    "value with four decimals (valid, rounded)": lambda ls: ls[:9] + [_set_field(ls[9], 4, "1.2345")] + ls[10:],
    "quantity unreadable": lambda ls: ls[:130_000] + [_set_field(ls[130_000], 5, "x")] + ls[130_001:],
    "quantity negative": lambda ls: ls[:130_000] + [_set_field(ls[130_000], 5, "-2")] + ls[130_001:],
    "quantity empty (valid)": lambda ls: ls[:130_000] + [_set_field(ls[130_000], 5, "")] + ls[130_001:],
    "unknown country code": lambda ls: ls[:130_000] + [_set_field(ls[130_000], 2, "999")] + ls[130_001:],
    "year out of range": lambda ls: ls[:130_000] + [_set_field(ls[130_000], 0, "1700")] + ls[130_001:],
    "HS code with a sign": lambda ls: ls[:130_000] + [_set_field(ls[130_000], 3, "+12345")] + ls[130_001:],
    "HS code with four digits": lambda ls: ls[:130_000] + [_set_field(ls[130_000], 3, "1234")] + ls[130_001:],
    "HS code padded with a space (valid)": lambda ls: ls[:5] + [_set_field(ls[5], 3, " " + ls[5].split(",")[3])] + ls[6:],
    "short row": lambda ls: ls[:130_000] + ["2019,4,12\n"] + ls[130_001:],
    "NUL byte in a quantity": lambda ls: ls[:130_000] + [_set_field(ls[130_000], 5, "1\x00")] + ls[130_001:],
    "NUL byte after the last row": lambda ls: ls + ["\x00"],
}


FAST_LANE_TAKES = {"value in exponent form (valid)", "value with four decimals (valid, rounded)", "quantity empty (valid)"}


@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
def test_a_file_the_fast_lane_declines_ends_as_the_general_path_says(
    mutation: str, clean_year: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _mutated(clean_year, tmp_path, MUTATIONS[mutation])
    fast, general = ingest_both_ways(path, tmp_path, monkeypatch)
    assert_same_outcome(fast, general)
    if fast[0] == "stored":
        # Valid edits the fast lane reads itself; the others it declines and the general path takes.
        assert fast[1][0].lane == ("fast" if mutation in FAST_LANE_TAKES else "general")
    # A declined attempt leaves nothing behind: no staging files, and only committed data files.
    for name in ("fast", "general"):
        store = Store(tmp_path / f"store_{name}")
        assert not any(store.staging_dir.glob("**/*.parquet")) if store.staging_dir.exists() else True
        on_disk = sorted(p for p in store.data_dir.rglob("*.parquet")) if store.data_dir.exists() else []
        assert on_disk == sorted([*store.data_files("product_flows"), *store.totals_files()])


def test_skip_bad_rows_after_a_declined_fast_lane(clean_year: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _mutated(clean_year, tmp_path, MUTATIONS["negative value"])
    fast, general = ingest_both_ways(path, tmp_path, monkeypatch, skip_bad_rows=True, rejects_dir=tmp_path)
    assert fast[0] == "stored" and fast[1][0].rejected == 1
    assert_same_outcome(fast, general)


def test_real_baci_rows_take_the_fast_lane_unchanged(shared_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """72,097 real BACI rows (HS17, 2020, exporters 4-710) unpacked: BACI's own order passes the lane's check."""
    source = shared_data / "baci_fixture_iopspackage"
    path = tmp_path / "BACI_HS17_Y2020_V202301.csv"
    with gzip.open(source / "BACI_HS17_Y2020_V202301_exporters_4_710.csv.gz", "rb") as packed:
        path.write_bytes(packed.read())
    shutil.copy(source / "country_codes_V202201.csv", tmp_path / "country_codes_V202201.csv")
    fast, general = ingest_both_ways(path, tmp_path, monkeypatch)
    assert fast[0] == "stored" and fast[1][0].lane == "fast"
    assert_same_outcome(fast, general)


HEADER = "t,i,j,k,v,q\n"
_COUNTRIES = [4, 8, 12, 376, 392, 490, 710, 999]
_VALUES = ["0.001", "12.5", "1000", " 7.25", "-3", "abc", "", "1e3", "0.0005", "99999999999.999"]
_QUANTITIES = ["NA", "        NA", "1.5", "", "x", "-1", "nan", "  0.25"]
_CODES = ["10121", "010121", "854231", "1234", "+12345", "999999", "00000"]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rows=st.lists(
        st.tuples(
            st.sampled_from([2019, 2020, 1700]),
            st.sampled_from(_COUNTRIES),
            st.sampled_from(_COUNTRIES),
            st.sampled_from(_CODES),
            st.sampled_from(_VALUES),
            st.sampled_from(_QUANTITIES),
        ),
        min_size=1,
        max_size=12,
    ),
    ordered=st.booleans(),
)
def test_any_small_file_ends_the_same_in_both_lanes(
    rows: list[tuple], ordered: bool, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path_factory.mktemp("lanes")
    if ordered:
        rows = sorted(rows, key=lambda r: (r[0], r[1], r[2], int(r[3]) if r[3].lstrip("+").isdigit() else -1))
    path = folder / "BACI_HS17_Y2020_V202401.csv"
    path.write_text(HEADER + "".join(",".join(str(f) for f in row) + "\n" for row in rows), encoding="utf-8")
    fast, general = ingest_both_ways(path, folder, monkeypatch)
    assert_same_outcome(fast, general)


@pytest.fixture(scope="module")
def release_zip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A synthetic BACI release zip: two years of 60,000 rows and the release's country table."""
    folder = tmp_path_factory.mktemp("release")
    (path,) = generate_baci(folder, [2021, 2020], rows_per_year=60_000, seed=5, as_zip=True)
    return path


def test_release_zip_takes_the_fast_lane_and_stores_what_the_general_path_stores(
    release_zip: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast, general = ingest_both_ways(release_zip, tmp_path, monkeypatch)
    assert fast[0] == "stored" and fast[1][0].lane == "fast"
    assert fast[1][0].rows == 120_000
    assert_same_outcome(fast, general)


def test_damaged_zip_member_ends_as_the_general_path_says(
    release_zip: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import zipfile

    damaged = tmp_path / release_zip.name
    with zipfile.ZipFile(release_zip) as source, zipfile.ZipFile(damaged, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.endswith("Y2021_V202401.csv"):
                lines = data.decode("utf-8").splitlines(keepends=True)
                lines[40_000] = _set_field(lines[40_000], 4, "-7")
                data = "".join(lines).encode("utf-8")
            target.writestr(info.filename, data)
    fast, general = ingest_both_ways(damaged, tmp_path, monkeypatch)
    assert fast[0] == "error" and "line 40001, column 'v': negative value (got '-7')" in fast[1]
    assert_same_outcome(fast, general)


def test_batches_with_different_countries_share_one_dictionary_in_a_row_group(tmp_path: Path) -> None:
    """Two batches of different exporters end in one row group still dictionary-encoded."""
    import numpy as np
    import pyarrow as pa

    from bilat.sources.baci_fast import CountryLookup, _RowGroupWriter

    lookup = CountryLookup(
        pa.table({"code": pa.array([4, 8, 376, 392], pa.int32()), "iso3": ["AFG", "ALB", "ISR", "JPN"]}),
        {"AFG", "ALB", "ISR", "JPN"},
    )
    out = tmp_path / "two.parquet"
    writer = _RowGroupWriter(out, lambda: "f1")
    for codes in ([4, 8] * 500, [376, 392] * 500):
        exporters = lookup.decode(np.array(codes))
        writer.add(pa.table({"exporter": exporters}))
    writer.close(keep=True)
    (size, values), = duckdb.sql(
        f"SELECT total_uncompressed_size, num_values FROM parquet_metadata('{out}') WHERE path_in_schema = 'exporter'"
    ).fetchall()
    assert values == 2000 and size < values
    assert duckdb.sql(f"SELECT exporter, file_id, count(*) FROM '{out}' GROUP BY ALL ORDER BY 1").fetchall() == [
        ("AFG", "f1", 500), ("ALB", "f1", 500), ("ISR", "f1", 500), ("JPN", "f1", 500)
    ]


def test_same_content_under_another_name_is_skipped(clean_year: Path, tmp_path: Path) -> None:
    """A file's identity is its content: a renamed copy of a stored year adds nothing."""
    store = Store(tmp_path / "store")
    first = store.ingest("baci", clean_year)
    copy = tmp_path / "renamed_BACI_HS17_Y2019_V202401.csv"
    shutil.copy(clean_year, copy)
    shutil.copy(clean_year.parent / "country_codes_V202401.csv", tmp_path / "country_codes_V202401.csv")
    before = (store.row_counts(), sorted(p.name for p in store.data_dir.rglob("*.parquet")))
    again = store.ingest("baci", copy)
    assert again.already_present and again.file_id == first.file_id
    assert (store.row_counts(), sorted(p.name for p in store.data_dir.rglob("*.parquet"))) == before
    assert not list(store.staging_dir.glob("**/*.parquet")) if store.staging_dir.exists() else True
    # The stored rows carry the file id the hash gave.
    (ids,) = duckdb.sql(f"SELECT list(DISTINCT file_id) FROM '{store.data_files('product_flows')[0]}'").fetchall()[0]
    assert ids == [first.file_id]


# Cases found in review: each once made the lanes end differently (or broke the general path).

def _write_year(folder: Path, rows: list[str], codes: str | None = None, name: str = "BACI_HS17_Y2020_V202401.csv") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    if codes is not None:
        (folder / "country_codes_V202401.csv").write_text(codes, encoding="utf-8")
    path = folder / name
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return path


def test_two_baci_codes_for_one_country_are_compared_by_iso3(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # France is 250 in BACI's table and 251 in ISO 3166 (which bilat adds): the same flow twice.
    path = _write_year(tmp_path / "in", ["2020,250,4,010121,1.5,NA\n", "2020,251,4,010121,2.5,NA\n"])
    fast, general = ingest_both_ways(path, tmp_path, monkeypatch)
    assert fast[0] == "error" and "duplicate row" in fast[1]
    assert_same_outcome(fast, general)
    # Under the two codes but different products there is no duplicate: stored, by the general path.
    path = _write_year(tmp_path / "in2", ["2020,250,4,010121,1.5,NA\n", "2020,251,4,010122,2.5,NA\n"])
    fast, general = ingest_both_ways(path, tmp_path / "second", monkeypatch)
    assert fast[0] == "stored" and fast[1][0].lane == "general" and "two BACI codes" in fast[1][0].declined
    assert_same_outcome(fast, general)


NEW_STYLE_CODES = (
    "country_code,country_name,country_iso2,country_iso3\n"
    "4,Afghanistan,AF,AFG\n8,Albania,AL,ALB\n490,\"Other Asia, nes\",,S19\n"
)


def test_country_table_of_recent_releases_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Releases after V202401 name the column country_iso3 (and write S19 for 'Other Asia, nes')."""
    path = _write_year(tmp_path / "in", ["2020,4,8,010121,1.5,NA\n", "2020,490,4,010121,2.5,NA\n"], NEW_STYLE_CODES)
    fast, general = ingest_both_ways(path, tmp_path, monkeypatch)
    assert fast[0] == "stored" and fast[1][0].lane == "fast"
    assert_same_outcome(fast, general)
    rows = duckdb.sql(
        f"SELECT exporter, importer FROM read_parquet('{fast[1][1].data_files('product_flows')[0]}') ORDER BY ALL"
    ).fetchall()
    assert rows == [("AFG", "ALB"), ("TWN", "AFG")]


def test_country_table_giving_a_code_two_countries_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    codes = NEW_STYLE_CODES + "4,Albania again,AL,ALB\n"
    path = _write_year(tmp_path / "in", ["2020,4,8,010121,1.5,NA\n"], codes)
    fast, general = ingest_both_ways(path, tmp_path, monkeypatch)
    assert fast == ("error", "country_codes_V202401.csv, line 5, column 'country_code': code 4 is listed for both AFG and ALB")
    assert_same_outcome(fast, general)


def test_zip_with_members_of_two_hs_revisions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import zipfile

    path = tmp_path / "BACI_V202401.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("BACI_HS92_Y2021_V202401.csv", HEADER + "2021,4,8,010121,1.5,NA\n")
        archive.writestr("BACI_HS17_Y2020_V202401.csv", HEADER + "2020,4,8,010121,2.5,NA\n")
    fast, general = ingest_both_ways(path, tmp_path, monkeypatch)
    assert fast[0] == "stored" and fast[1][0].lane == "fast"
    assert_same_outcome(fast, general)


def test_absurdly_large_value_is_refused_not_a_crash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # 34 integer digits: DECIMAL(38, 3) holds it, multiplying by 1,000 would overflow. Once stored
    # (1.2e36 USD); since issue #18 refused by both lanes alike: above the 1e15 USD ceiling.
    path = _write_year(tmp_path / "in", ["2020,4,8,010121,1234567890123456789012345678901234,NA\n"])
    fast, general = ingest_both_ways(path, tmp_path, monkeypatch)
    assert fast[0] == "error" and "line 2, column 'v': value above the ceiling of 1e15" in str(fast[1])
    assert_same_outcome(fast, general)


def test_writer_thread_stops_when_writing_fails(clean_year: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    import pyarrow.parquet as pq

    def disk_full(self, table, row_group_size=None):  # noqa: ANN001, ANN202
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pq.ParquetWriter, "write_table", disk_full)
    store = Store(tmp_path / "store")
    with pytest.raises(OSError, match="No space left"):
        store.ingest("baci", clean_year)
    assert not [t for t in threading.enumerate() if t.name == "bilat-parquet-writer"]
    assert store.row_counts()["product_flows"] == 0
