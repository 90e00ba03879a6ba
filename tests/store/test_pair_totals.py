"""Pair totals kept at ingestion equal the sums of the rows, whatever happened to the store since.

The totals are checked against an independent sum of the stored rows (pandas, with the HS
sections read from the nomenclature's own table), not against the SQL rule that wrote them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from bilat.analytics.selection import source_totals
from bilat.analytics.shares import country_matrix
from bilat.sources.traits import traits_of
from bilat.analytics.totals import pair_section_totals, pair_totals_matrix
from bilat.catalog import Store
from bilat.engines.duckdb import DuckDBEngine
from bilat.errors import ValidationError
from bilat.ingest import Ingestion, ingest_files, rebuild_totals
from bilat.nomenclature.hs import hs_table
from bilat.schema import DERIVED_TABLES, TABLES, hs_section_of_chapter
from bilat.synth import generate_baci, year_file_name

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI",
         "XVII", "XVIII", "XIX", "XX", "XXI"]


@pytest.fixture(scope="module")
def years(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("synth_totals")
    generate_baci(folder, [2018, 2019, 2020], rows_per_year=40_000, seed=11)
    return [folder / year_file_name(y) for y in (2018, 2019, 2020)]


def section_of_chapter_from_nomenclature() -> dict[str, int]:
    chapters = hs_table(2)
    return {code: ROMAN.index(section) + 1 for code, section in zip(chapters["code"], chapters["section"]) if section}


def rows_of(store: Store) -> pd.DataFrame:
    files = [str(p) for p in store.data_files("product_flows")]
    return duckdb.connect().execute(f"SELECT * FROM read_parquet({files})").fetch_df()


def expected_totals(rows: pd.DataFrame) -> pd.DataFrame:
    """Pair totals from the rows, by pandas: section 0 = every HS6 line, then per section."""
    baci = rows[(rows.source == "baci") & (rows.hs_level == 6)].copy()
    keys = ["source", "year", "exporter", "importer", "file_id"]
    total = baci.groupby(keys, as_index=False)["value_usd"].sum().assign(hs_section=0)
    baci["hs_section"] = baci.hs_code.str[:2].map(section_of_chapter_from_nomenclature())
    sections = baci.dropna(subset=["hs_section"]).groupby([*keys, "hs_section"], as_index=False)["value_usd"].sum()
    out = pd.concat([total, sections])
    out["hs_section"] = out.hs_section.astype(int)
    return out.sort_values([*keys, "hs_section"]).reset_index(drop=True)


def kept_totals(store: Store) -> pd.DataFrame:
    """What the engine's pair_totals view gives."""
    with DuckDBEngine(store, include_embedded=False) as engine:
        frame = engine.sql("SELECT * FROM pair_totals")
    frame["hs_section"] = frame.hs_section.astype(int)
    keys = ["source", "year", "exporter", "importer", "file_id", "hs_section"]
    return frame[[*keys, "value_usd"]].sort_values(keys).reset_index(drop=True)


def assert_totals_match_rows(store: Store) -> None:
    want = expected_totals(rows_of(store))
    got = kept_totals(store)
    keys = ["source", "year", "exporter", "importer", "file_id", "hs_section"]
    assert len(got) == len(want) > 0
    assert got[keys].astype(str).equals(want[keys].astype(str))
    assert (got.value_usd - want.value_usd).abs().max() <= 1e-9 * want.value_usd.abs().max()


def test_the_section_table_matches_the_nomenclature() -> None:
    from_nomenclature = section_of_chapter_from_nomenclature()
    assert len(from_nomenclature) >= 96  # chapter 77 is reserved
    for chapter, section in from_nomenclature.items():
        assert hs_section_of_chapter(int(chapter)) == section, chapter
    assert hs_section_of_chapter(98) is None and hs_section_of_chapter(99) is None and hs_section_of_chapter(0) is None


def test_totals_equal_the_rows_after_ingest_reingest_and_a_second_file(years: list[Path], tmp_path: Path) -> None:
    store = Store(tmp_path / "store")
    first = Ingestion(store).ingest("baci", years[0])
    assert first.lane == "fast" and first.totals_rows > 0
    assert [p.stem for p in store.totals_files()] == [first.file_id]
    assert store.files_without_totals() == []
    assert_totals_match_rows(store)
    before = {p: p.read_bytes() for p in store.totals_files()}

    again = Ingestion(store).ingest("baci", years[0])
    assert again.already_present
    assert {p: p.read_bytes() for p in store.totals_files()} == before
    assert_totals_match_rows(store)

    second = Ingestion(store).ingest("baci", years[1])
    assert sorted(p.stem for p in store.totals_files()) == sorted([first.file_id, second.file_id])
    assert_totals_match_rows(store)


def test_the_general_path_keeps_the_same_totals_as_the_fast_lane(
    years: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = Store(tmp_path / "fast")
    Ingestion(fast).ingest("baci", years[0])
    monkeypatch.setenv("BILAT_FAST_INGEST", "0")
    general = Store(tmp_path / "general")
    result = Ingestion(general).ingest("baci", years[0])
    assert result.lane == "general"
    assert_totals_match_rows(general)
    a, b = kept_totals(fast), kept_totals(general)
    assert a.drop(columns="value_usd").equals(b.drop(columns="value_usd"))
    assert (a.value_usd - b.value_usd).abs().max() <= 1e-9 * a.value_usd.abs().max()


def test_a_store_from_before_kept_totals_answers_and_rebuilds(years: list[Path], tmp_path: Path) -> None:
    store = Store(tmp_path / "store")
    ingest_files(store, "baci", years[:2], workers=2)
    # As an older bilat left it: no totals table, no totals files.
    shutil.rmtree(store.totals_dir)
    with store.catalog() as con:
        con.execute("DROP TABLE pair_totals_files")
    old = Store(store.home)
    assert old.totals_files() == [] and len(old.files_without_totals()) == 2
    assert_totals_match_rows(old)  # summed from the rows on the fly

    rebuilt = rebuild_totals(old)
    assert len(rebuilt) == 2 and all(r.rows > 0 for r in rebuilt)
    assert old.files_without_totals() == [] and len(old.totals_files()) == 2
    assert_totals_match_rows(old)
    assert rebuild_totals(old) == []  # nothing left to do
    assert len(rebuild_totals(old, every=True)) == 2
    assert_totals_match_rows(old)


def test_pair_totals_matrix_equals_country_matrix(years: list[Path], tmp_path: Path) -> None:
    store = Store(tmp_path / "store")
    ingest_files(store, "baci", years[:2], workers=2)
    with DuckDBEngine(store, include_embedded=True) as engine:
        tables = {name: engine.table(name) for name in [*TABLES, *DERIVED_TABLES]}
        keys = ["year", "exporter", "importer"]
        for source in ("baci", "comtrade"):
            kept = engine.execute(pair_totals_matrix(tables, source)).sort_values(keys).reset_index(drop=True)
            # the rule applied to the rows themselves (country_matrix now reads the kept totals)
            rows = engine.execute(source_totals(tables, traits_of(source))).sort_values(keys).reset_index(drop=True)
            assert list(kept.columns) == list(rows.columns)
            assert kept[keys].equals(rows[keys])
            assert ((kept.value_usd - rows.value_usd).abs() <= 1e-9 * rows.value_usd.abs().max()).all()
            via_matrix = engine.execute(country_matrix(tables, source)).sort_values(keys).reset_index(drop=True)
            assert via_matrix[keys].equals(kept[keys])  # shares and ranks read the kept totals
        sections = engine.execute(pair_section_totals(tables, "baci"))
        assert set(sections.hs_section) <= set(range(1, 22)) and len(sections) > 0


def test_comtrade_totals_come_from_the_exporters_total_rows(tmp_path: Path) -> None:
    path = tmp_path / "plus.csv"
    path.write_text(
        "refYear,reporterCode,reporterISO,partnerCode,partnerISO,flowCode,classificationCode,cmdCode,aggrLevel,"
        "motCode,customsCode,partner2Code,primaryValue,netWgt\n"
        "2016,392,JPN,376,ISR,X,H4,27,2,0,C00,0,700,\n"
        "2016,392,JPN,376,ISR,X,H4,TOTAL,0,0,C00,0,5000,\n"
        "2016,392,JPN,376,ISR,M,H4,TOTAL,0,0,C00,0,3000,\n",  # Japan's imports: not the exporter's declaration
        encoding="utf-8",
    )
    store = Store(tmp_path / "store")
    result = Ingestion(store).ingest("comtrade", path)
    totals = kept_totals(store)
    got = sorted(zip(totals.exporter, totals.importer, totals.hs_section, totals.value_usd))
    assert got == [("JPN", "ISR", 0, 5000.0), ("JPN", "ISR", 5, 700.0)]  # chapter 27 is in section V
    assert set(totals.file_id) == {result.file_id}


def test_a_batch_stores_what_single_ingestions_store(years: list[Path], tmp_path: Path) -> None:
    one_by_one = Store(tmp_path / "single")
    for path in years:
        Ingestion(one_by_one).ingest("baci", path)
    batch = Store(tmp_path / "batch")
    seen = []
    results = ingest_files(batch, "baci", [*years, years[0]], workers=2, on_result=seen.append)
    assert [r.name for r in results] == [p.name for p in [*years, years[0]]]
    assert sum(r.already_present for r in results) == 1 and len(seen) == 4
    for store in (one_by_one, batch):
        assert not store.staging_dir.exists() or not any(store.staging_dir.iterdir())
    assert sorted(one_by_one.files().sha256) == sorted(batch.files().sha256)
    for a, b in zip(one_by_one.data_files("product_flows"), batch.data_files("product_flows")):
        left, right = (duckdb.connect().execute(f"SELECT * EXCLUDE (file_id) FROM '{p}'").fetch_df() for p in (a, b))
        assert left.equals(right)
    assert kept_totals(one_by_one).equals(kept_totals(batch))
    assert_totals_match_rows(batch)
    again = ingest_files(batch, "baci", years, workers=2)
    assert all(r.already_present for r in again)


def test_a_bad_file_in_a_batch_is_named_and_the_good_ones_are_stored(years: list[Path], tmp_path: Path) -> None:
    bad = tmp_path / year_file_name(2021)
    text = years[2].read_text(encoding="utf-8").splitlines()
    text[5] = text[5].rsplit(",", 2)[0] + ",-7," + text[5].rsplit(",", 1)[1]  # a negative value on line 6
    bad.write_text("\n".join(text) + "\n", encoding="utf-8")
    store = Store(tmp_path / "store")
    with pytest.raises(ValidationError) as info:
        ingest_files(store, "baci", [years[0], bad, years[1]], workers=2)
    message = str(info.value)
    assert bad.name in message and "line 6" in message and "\n" not in message
    assert sorted(store.files().name) == sorted([years[0].name, years[1].name])
    assert len(store.totals_files()) == 2
    assert_totals_match_rows(store)
