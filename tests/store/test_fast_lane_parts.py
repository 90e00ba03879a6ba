"""The fast lane's parts, one by one: HS code reading, the batch prefetcher, the writer that waits
for the file id, the pandas-free Arrow builders, and the lane starting before the hash is known.

The lane as a whole is held to the general path by ``test_fast_lane.py``; these tests pin the
pieces whose failure would be quiet there (a slower lane, a stuck thread, a wrong id).
"""

from __future__ import annotations

import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilat.arrow_build import numbers, strings, table, view
from bilat.sources.base import Cancelled, Declined
from bilat.sources.baci_fast import CountryLookup, _RowGroupWriter, hs6_integers, prefetched, write_clean_year
from bilat.store import Store
from bilat.synth import generate_baci, year_file_name

HS6 = re.compile(r"[0-9]{5,6}")


@pytest.fixture(scope="module")
def small_year(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("synth_parts")
    generate_baci(folder, [2019], rows_per_year=20_000, seed=11)
    return folder / year_file_name(2019)


# -- HS codes ----------------------------------------------------------------------------------

# No deadline: the first example's pa.array imports pandas (0.2-0.4 s) when this test runs first.
@settings(deadline=None)
@given(st.lists(st.text(alphabet="0123456789+- x.e_\u0663\u00a0", min_size=0, max_size=8), min_size=1, max_size=6), st.integers(0, 2))
def test_hs_codes_are_read_exactly_as_the_pattern_five_or_six_digits_says(texts: list[str], skip: int) -> None:
    # Sliced arrays (a batch cut from a larger one) start at an offset into the buffers.
    column = pa.array(["00000"] * skip + texts, pa.string()).slice(skip)
    if all(HS6.fullmatch(text) for text in texts):
        assert hs6_integers(column).tolist() == [int(text) for text in texts]
    else:
        with pytest.raises(Declined):
            hs6_integers(column)


def test_hs_codes_from_large_strings_and_missing_codes() -> None:
    assert hs6_integers(pa.array(["010121", "10121"], pa.large_string())).tolist() == [10121, 10121]
    with pytest.raises(Declined, match="missing"):
        hs6_integers(pa.array(["010121", None], pa.string()))
    with pytest.raises(Declined, match="not text"):
        hs6_integers(pa.array([10121], pa.int32()))


# -- prefetching -------------------------------------------------------------------------------

def test_prefetched_yields_everything_in_order() -> None:
    assert list(prefetched(iter(range(100)), depth=3)) == list(range(100))


def test_prefetched_raises_the_producers_error_after_what_came_before() -> None:
    def items():  # noqa: ANN202
        yield 1
        yield 2
        raise Declined("bad row")

    seen = []
    with pytest.raises(Declined, match="bad row"):
        for item in prefetched(items()):
            seen.append(item)
    assert seen == [1, 2]


def test_a_consumer_that_stops_early_stops_and_joins_the_producer() -> None:
    closed = threading.Event()

    def endless():  # noqa: ANN202
        try:
            n = 0
            while True:
                yield n
                n += 1
        finally:
            closed.set()

    before = threading.active_count()
    for item in prefetched(endless(), depth=2):
        if item == 5:
            break
    assert closed.is_set()
    assert threading.active_count() == before


# -- the writer --------------------------------------------------------------------------------

def test_the_writer_waits_for_the_file_id_and_writes_it_into_every_row(tmp_path: Path) -> None:
    known = threading.Event()

    def file_id() -> str:
        assert known.wait(10)
        return "0123abcd"

    writer = _RowGroupWriter(tmp_path / "out.parquet", file_id)
    for n in range(3):
        writer.add(table({"year": numbers(np.full(50_000, 2020 + n), pa.int16())}))
    time.sleep(0.2)  # the rows wait in the queue; nothing can be written without the id
    known.set()
    writer.close(keep=True)
    rows = duckdb.sql(f"SELECT file_id, count(*) FROM '{tmp_path / 'out.parquet'}' GROUP BY 1").fetchall()
    assert rows == [("0123abcd", 150_000)]


def test_a_cancelled_lane_stops_before_writing(tmp_path: Path) -> None:
    lookup = CountryLookup(table({"code": numbers([4], pa.int32()), "iso3": strings(["AFG"])}), {"AFG"})
    batch = pa.RecordBatch.from_pydict(
        {"t": pa.array([2020], pa.int16()), "i": pa.array([4], pa.int32()), "j": pa.array([4], pa.int32()),
         "k": pa.array(["010121"]), "value_usd": pa.array([1.0]), "quantity_t": pa.array([None], pa.float64()),
         "q_unreadable": pa.array([False])}
    )
    with pytest.raises(Cancelled):
        write_clean_year(
            [batch], tmp_path / "out.parquet", countries=lookup, years=(1990, 2030), hs_revision=2017,
            file_id=lambda: "x", cancelled=lambda: True,
        )



def test_finish_lets_the_writer_close_the_file_while_the_caller_goes_on(tmp_path: Path) -> None:
    out = tmp_path / "out.parquet"
    writer = _RowGroupWriter(out, lambda: "f1")
    for n in range(3):
        writer.add(table({"year": numbers(np.full(70_000, 2020 + n), pa.int16())}))
    writer.finish()  # the last, partial row group too
    writer.close(keep=True)
    assert duckdb.sql(f"SELECT count(*), count(DISTINCT year) FROM '{out}'").fetchall() == [(210_000, 3)]


def test_a_lane_that_fails_after_finish_stops_the_writer_without_hanging(tmp_path: Path) -> None:
    writer = _RowGroupWriter(tmp_path / "out.parquet", lambda: "f1")
    writer.add(table({"year": numbers(np.full(10, 2020), pa.int16())}))
    writer.finish()
    writer.close(keep=False)  # as write_clean_year's finally does when the totals fail
    assert not writer._thread.is_alive()


def test_a_dictionary_that_grew_between_batches_stays_dictionary_encoded(tmp_path: Path) -> None:
    """The HS codes' dictionary only grows: batches of one row group share the newest one."""
    import pyarrow.parquet as pq

    from bilat.sources.baci_fast import HsCodes

    codes = HsCodes()
    out = tmp_path / "out.parquet"
    writer = _RowGroupWriter(out, lambda: "f1")
    for first in (10_000, 10_100, 10_200):  # every batch brings new codes
        writer.add(table({"hs_code": codes.decode(np.arange(first, first + 50_000) % 10_300 + 10_000)}))
    writer.close(keep=True)
    stored = duckdb.sql(f"SELECT hs_code FROM '{out}'").fetchall()
    assert [c for (c,) in stored[:2]] == ["020000", "020001"] and len(stored) == 150_000
    metadata = pq.ParquetFile(out).metadata
    for group in range(metadata.num_row_groups):
        assert "RLE_DICTIONARY" in metadata.row_group(group).column(0).encodings


@given(st.lists(st.integers(0, 10**18 - 1), min_size=1, max_size=50))
@settings(deadline=None)
def test_dollars_are_the_general_paths_dollars(thousandths: list[int]) -> None:
    """v read as DECIMAL(18, 3): its unscaled integer as a double is what value_sql computes."""
    from bilat.sources.baci_fast import _dollars
    from bilat.sources.baci_rules import value_sql

    texts = [f"{n // 1000}.{n % 1000:03d}" for n in thousandths]
    con = duckdb.connect()
    con.register("v", table({"v": strings(texts)}))
    read = con.sql(f"SELECT CAST(v AS DECIMAL(18, 3)) AS d, {value_sql('v')} AS general FROM v").to_arrow_table()
    general = read.column("general").to_pylist()
    if max(thousandths) > 10**15:
        with pytest.raises(Declined, match="absurd"):
            _dollars(read.column("d").combine_chunks())
    else:
        values, array = _dollars(read.column("d").combine_chunks())
        assert values.tolist() == general == array.to_pylist()


def test_whole_numbers_decline_fractions_and_non_numbers() -> None:
    from bilat.sources.baci_fast import _whole_numbers

    assert _whole_numbers(numbers([2020.0, 4.0, -1.0], pa.float64()), "t").tolist() == [2020, 4, -1]
    for bad in (2020.5, float("nan"), float("inf"), 1e30):
        with pytest.raises(Declined, match="unreadable t"):
            _whole_numbers(numbers([2020.0, bad], pa.float64()), "t")
    assert _whole_numbers(numbers([4, 8], pa.int32()), "i").dtype == np.int32

# -- Arrow without pandas ----------------------------------------------------------------------

@given(st.lists(st.integers(-(2**31), 2**31 - 1), max_size=20), st.lists(st.text(max_size=5), max_size=20))
def test_arrow_builders_make_what_pyarrow_array_makes(values: list[int], texts: list[str]) -> None:
    assert numbers(values, pa.int32()).equals(pa.array(values, pa.int32()))
    assert strings(texts).equals(pa.array(texts, pa.string()))
    sliced = pa.array(values, pa.int32()).slice(min(1, len(values)))
    assert view(sliced).tolist() == sliced.to_pylist()


def test_storing_a_clean_year_imports_no_pandas(small_year: Path, tmp_path: Path) -> None:
    """pandas costs 0.2 s of CPU to import; the fast lane needs none of it (see bilat.arrow_build)."""
    code = (
        "import sys\n"
        "from bilat.store import Store\n"
        f"result = Store({str(tmp_path / 'store')!r}).ingest('baci', {str(small_year)!r})\n"
        "print(result.lane, 'pandas' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["fast", "False"]


# -- starting before the hash is known ---------------------------------------------------------

def _slow_hash(monkeypatch: pytest.MonkeyPatch, seconds: float) -> None:
    import bilat.ingest.pipeline as store_module

    real = store_module.sha256_of

    def slow(path: Path, progress=None) -> str:  # noqa: ANN001
        time.sleep(seconds)
        return real(path, progress)

    monkeypatch.setattr(store_module, "sha256_of", slow)


def test_the_lane_starts_before_the_hash_and_the_rows_carry_the_hashs_id(
    small_year: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bilat.ingest.pipeline import sha256_of

    expected = sha256_of(small_year)[:16]
    _slow_hash(monkeypatch, 1.0)
    store = Store(tmp_path / "store")
    result = store.ingest("baci", small_year)
    assert result.lane == "fast" and result.file_id == expected
    (ids,) = duckdb.sql(f"SELECT list(DISTINCT file_id) FROM '{store.data_files('product_flows')[0]}'").fetchall()[0]
    assert ids == [expected]
    assert store.files()["sha256"].str[:16].tolist() == [expected]


def test_a_stored_file_met_again_while_the_hash_is_slow_changes_nothing(
    small_year: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(tmp_path / "store")
    first = store.ingest("baci", small_year)
    files_before = sorted(p.name for p in store.data_dir.rglob("*.parquet"))
    _slow_hash(monkeypatch, 0.5)
    again = store.ingest("baci", small_year)
    assert again.already_present and again.file_id == first.file_id and again.rows == 0
    assert sorted(p.name for p in store.data_dir.rglob("*.parquet")) == files_before
    assert len(store.files()) == 1


@given(
    st.lists(st.one_of(st.none(), st.booleans()), max_size=40),
    st.lists(st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True)), max_size=40),
    st.integers(0, 17),
)
def test_any_true_and_any_negative_agree_with_arrow_compute(flags: list, quantities: list, cut: int) -> None:
    import pyarrow.compute as pc

    from bilat.arrow_build import any_negative, any_true

    # Slices start inside a byte of the validity and value bitmaps.
    flag_array = pa.array(flags, pa.bool_()).slice(min(cut, len(flags)))
    assert any_true(flag_array) == bool(pc.any(flag_array).as_py())
    quantity_array = pa.array(quantities, pa.float64()).slice(min(cut, len(quantities)))
    expected = any(q is not None and q < 0 for q in quantity_array.to_pylist())
    assert any_negative(quantity_array) == expected


# -- found in review ---------------------------------------------------------------------------

def _two_lanes(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, **kwargs: object) -> list[str]:
    outcomes = []
    for switch in ("1", "0"):
        monkeypatch.setenv("BILAT_FAST_INGEST", switch)
        try:
            result = Store(tmp_path / f"store_{switch}").ingest("baci", path, **kwargs)
            outcomes.append("already stored" if result.already_present else f"stored {result.rows}")
        except Exception as exc:  # noqa: BLE001 - the outcome, whatever it is, is what is compared
            outcomes.append(f"{type(exc).__name__}: {exc}")
    return outcomes


def test_a_stored_file_stays_stored_when_its_country_table_changed_since(
    small_year: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lane starts before the hash is known; a file stored already must still be "already stored"."""
    import shutil

    folder = tmp_path / "in"
    folder.mkdir()
    path = folder / small_year.name
    shutil.copy(small_year, path)
    shutil.copy(small_year.parent / "country_codes_V202401.csv", folder / "country_codes_V202401.csv")
    assert _two_lanes(path, tmp_path, monkeypatch) == ["stored 20000", "stored 20000"]
    # Later a broken country table lands beside the file (one code for two countries).
    codes = folder / "country_codes_V202401.csv"
    codes.write_text(codes.read_text(encoding="utf-8") + "4,Elsewhere,Elsewhere,EW,ALB\n", encoding="utf-8")
    assert _two_lanes(path, tmp_path, monkeypatch) == ["already stored", "already stored"]


@pytest.mark.parametrize("revision", [67553, 40000, 1999, "abc", True])
def test_an_hs_revision_that_is_not_one_is_refused_the_same_way_by_both_lanes(
    revision: object, small_year: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast, general = _two_lanes(small_year, tmp_path, monkeypatch, options={"hs_revision": revision})
    assert fast == general
    assert fast.startswith("BilatError") and "is not an HS revision" in fast


def test_a_valid_hs_revision_option_is_stored_by_both_lanes(small_year: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _two_lanes(small_year, tmp_path, monkeypatch, options={"hs_revision": "2012"}) == ["stored 20000", "stored 20000"]
    for switch in ("1", "0"):
        store = Store(tmp_path / f"store_{switch}")
        (revisions,) = duckdb.sql(f"SELECT list(DISTINCT hs_revision) FROM '{store.data_files('product_flows')[0]}'").fetchall()[0]
        assert revisions == [2012]


def test_numbers_refuses_values_that_do_not_fit() -> None:
    with pytest.raises(OverflowError):
        numbers([67553], pa.int16())
    assert numbers(np.array([2017]), pa.int16()).to_pylist() == [2017]


def test_an_orphan_data_file_is_left_alone_when_the_file_is_stored_already(
    small_year: Path, tmp_path: Path
) -> None:
    store = Store(tmp_path / "store")
    store.ingest("baci", small_year)
    orphan = store.data_dir / "product_flows" / "0000000000000000.parquet"
    orphan.write_bytes(b"left by a crash")
    assert store.ingest("baci", small_year).already_present
    assert orphan.exists()  # "nothing changed" means nothing
    other = tmp_path / "in" / small_year.name  # another file: all rows but the last
    other.parent.mkdir()
    other.write_text("".join(small_year.read_text(encoding="utf-8").splitlines(keepends=True)[:-1]), encoding="utf-8")
    assert store.ingest("baci", other).rows == 19_999
    assert not orphan.exists()  # swept by the next ingestion that stores a file
