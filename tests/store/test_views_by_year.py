"""Views of one year (``DuckDBEngine.world_totals(year)``, ``pair_totals_of_year``) give that year's rows of
the whole views, from that year's kept files only, and fall back to the whole view when rows are summed
on the fly. The profile's trade indices ask them (``bilat.questions.pair_indices``).
"""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest

from bilat.catalog import Store
from bilat.engines.duckdb import DuckDBEngine
from bilat.ingest import ingest_files
from bilat.schema import PAIR_TOTALS
from bilat.synth import generate_baci, year_file_name


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    folder = tmp_path_factory.mktemp("synth_by_year")
    generate_baci(folder, [2018, 2019, 2020], rows_per_year=20_000, seed=11)
    kept = Store(tmp_path_factory.mktemp("store_by_year") / "store")
    ingest_files(kept, "baci", [folder / year_file_name(y) for y in (2018, 2019, 2020)], workers=2)
    return kept


def _sorted(engine: DuckDBEngine, sql: str):  # noqa: ANN202 - a pandas frame
    frame = engine.sql(sql)
    return frame.sort_values(list(frame.columns)).reset_index(drop=True)


def _files_named(engine: DuckDBEngine, view: str, store: Store) -> set[str]:
    text = engine.con.execute("SELECT sql FROM duckdb_views() WHERE view_name = ?", [view]).fetchone()[0]
    return {p.name for p in store.totals_files() if p.name in text}


@pytest.mark.parametrize("embedded", [False, True])
def test_a_years_views_hold_that_years_rows_of_the_whole_views(store: Store, embedded: bool) -> None:
    with DuckDBEngine(store, include_embedded=embedded) as engine:
        engine.world_totals()
        for year in (2018, 2019, 2020, 1990):
            engine.world_totals(year)
            engine.pair_totals_of_year(year)
            for whole, one in (("world_totals", f"world_totals_{year}"), ("pair_totals", f"pair_totals_{year}")):
                want = _sorted(engine, f"SELECT * FROM {whole} WHERE year = {year}")
                got = _sorted(engine, f"SELECT * FROM {one} WHERE year = {year}")
                assert got.equals(want), (whole, year)
                assert len(want) > 0 or year == 1990
        assert len(_files_named(engine, "world_totals", store)) == 3
        assert len(_files_named(engine, "world_totals_2019", store)) == 1
        assert len(_files_named(engine, "pair_totals_2019", store)) == 1
        assert _files_named(engine, "pair_totals_1990", store) == set()


def test_world_rows_summed_on_the_fly_keep_the_whole_view(store: Store, tmp_path: Path) -> None:
    """Totals files written before world rows were kept: a year's world view would miss their rows."""
    older = Store(tmp_path / "older")
    older.home.mkdir(parents=True)
    for path in store.home.rglob("*"):
        if path.is_file():
            target = older.home / path.relative_to(store.home)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    for path in older.totals_files():  # as an older bilat wrote them: pair rows only, no hs_code column
        table = pq.read_table(path)
        pq.write_table(table.filter(table.column("hs_section").to_numpy() >= 0).select(list(PAIR_TOTALS)), path)
    with DuckDBEngine(older, include_embedded=False) as engine:
        assert engine.world_totals(2019) is engine.world_totals()
        rows = engine.sql("SELECT count(*) AS n FROM world_totals WHERE year = 2019").n[0]
        assert rows > 0
