"""World rows kept at ingestion (each country's exports and imports per HS heading) equal the rows' sums.

Checked against an independent pandas sum of the stored rows, whatever happened to the store:
ingestion, the same file again, a second file, the general path, a store whose totals were written
before world rows were kept (summed on the fly, then rebuilt). And the indices the profile reads
from them give what the rows give.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest

from bilat.analytics import indices as ix
from bilat.analytics.totals import pair_totals_matrix
from bilat.catalog import Store
from bilat.engines.duckdb import DuckDBEngine
from bilat.ingest import Ingestion, ingest_files, rebuild_totals
from bilat.schema import PAIR_TOTALS, WORLD_BY_HEADING
from bilat.synth import generate_baci, year_file_name

KEYS = ["source", "year", "exporter", "importer", "hs_code", "file_id"]


@pytest.fixture(scope="module")
def years(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("synth_world")
    generate_baci(folder, [2019, 2020], rows_per_year=30_000, seed=5)
    return [folder / year_file_name(y) for y in (2019, 2020)]


def expected_world(store: Store) -> pd.DataFrame:
    """Each exporter's and importer's sums per heading, by pandas over the stored rows."""
    files = [str(p) for p in store.data_files("product_flows")]
    rows = duckdb.connect().execute(f"SELECT * FROM read_parquet({files})").fetch_df()
    baci = rows[(rows.source == "baci") & (rows.hs_level == 6)].assign(hs_code=lambda f: f.hs_code.str[:4])
    group = ["source", "year", "hs_code", "file_id"]
    exports = baci.groupby(["exporter", *group], as_index=False)["value_usd"].sum().assign(importer="WLD")
    imports = baci.groupby(["importer", *group], as_index=False)["value_usd"].sum().assign(exporter="WLD")
    out = pd.concat([exports, imports])[[*KEYS, "value_usd"]]
    return out.sort_values(KEYS).reset_index(drop=True)


def kept_world(store: Store) -> pd.DataFrame:
    with DuckDBEngine(store, include_embedded=False) as engine:
        engine.world_totals()
        frame = engine.sql("SELECT * FROM world_totals")
    return frame[[*KEYS, "value_usd"]].sort_values(KEYS).reset_index(drop=True)


def assert_world_matches_rows(store: Store) -> None:
    want, got = expected_world(store), kept_world(store)
    assert len(got) == len(want) > 0
    assert got[KEYS].astype(str).equals(want[KEYS].astype(str))
    assert (got.value_usd - want.value_usd).abs().max() <= 1e-9 * want.value_usd.abs().max()


def test_world_rows_equal_the_rows_after_ingest_reingest_and_a_second_file(years: list[Path], tmp_path: Path) -> None:
    store = Store(tmp_path / "store")
    first = Ingestion(store).ingest("baci", years[0])
    assert first.lane == "fast"
    assert_world_matches_rows(store)
    before = {p: p.read_bytes() for p in store.totals_files()}
    assert Ingestion(store).ingest("baci", years[0]).already_present
    assert {p: p.read_bytes() for p in store.totals_files()} == before
    assert_world_matches_rows(store)
    Ingestion(store).ingest("baci", years[1])
    assert_world_matches_rows(store)
    with DuckDBEngine(store, include_embedded=False) as engine:  # the pair totals view holds no world row
        assert engine.sql(f"SELECT count(*) AS n FROM pair_totals WHERE hs_section = {WORLD_BY_HEADING}").n[0] == 0


def test_the_general_path_keeps_the_same_world_rows(years: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = Store(tmp_path / "fast")
    Ingestion(fast).ingest("baci", years[0])
    monkeypatch.setenv("BILAT_FAST_INGEST", "0")
    general = Store(tmp_path / "general")
    assert Ingestion(general).ingest("baci", years[0]).lane == "general"
    assert_world_matches_rows(general)
    a, b = kept_world(fast), kept_world(general)
    assert a.drop(columns="value_usd").equals(b.drop(columns="value_usd"))
    assert (a.value_usd - b.value_usd).abs().max() <= 1e-9 * a.value_usd.abs().max()


def test_totals_written_before_world_rows_are_summed_on_the_fly_then_rebuilt(years: list[Path], tmp_path: Path) -> None:
    store = Store(tmp_path / "store")
    ingest_files(store, "baci", years, workers=2)
    for path in store.totals_files():  # as an older bilat wrote them: pair rows only, no hs_code column
        table = pq.read_table(path)
        table = table.filter(pq.read_table(path).column("hs_section").to_numpy() >= 0).select(list(PAIR_TOTALS))
        pq.write_table(table, path)
    assert_world_matches_rows(store)
    assert len(rebuild_totals(store, every=True)) == 2
    assert all("hs_code" in pq.read_schema(p).names for p in store.totals_files())
    assert_world_matches_rows(store)


def test_indices_from_kept_rows_equal_the_indices_from_the_rows(years: list[Path], tmp_path: Path) -> None:
    store = Store(tmp_path / "store")
    ingest_files(store, "baci", years, workers=2)
    with DuckDBEngine(store, include_embedded=False) as engine:
        flows, world = engine.table("product_flows"), engine.world_totals()
        tables = {"pair_totals": engine.table("pair_totals")}
        pairs = engine.sql("SELECT exporter, importer FROM pair_totals WHERE year = 2020 AND hs_section = 0"
                           " ORDER BY value_usd DESC LIMIT 3")
        for a, b in zip(pairs.exporter, pairs.importer, strict=True):
            for level in (2, 4):
                rows = engine.execute(ix.trade_complementarity(flows, a, b, year=2020, level=level, source="baci"))
                kept = engine.execute(ix.complementarity_from_world(world, a, b, year=2020, level=level, source="baci"))
                assert int(kept.products[0]) == int(rows.products[0])
                assert kept.tc[0] == pytest.approx(rows.tc[0], rel=1e-12)
            rows = engine.execute(ix.market_concentration(flows, a, year=2020, source="baci", level=4))
            kept = engine.execute(ix.partner_concentration(pair_totals_matrix(tables, "baci"), a, year=2020))
            assert int(kept.units[0]) == int(rows.units[0])
            assert kept.hhi_normalised[0] == pytest.approx(rows.hhi_normalised[0], rel=1e-12)


def test_a_countrys_world_rows_are_contiguous_in_the_order_of_its_iso3_code(years: list[Path], tmp_path: Path) -> None:
    """The fast lane writes each side's world rows by ISO3 code, so that asking one country's world
    exports reads the row groups that hold them, not most of the file (BACI's numeric codes, the
    order the lane sums them in, are not alphabetical: Fiji, 242, comes before Finland, 246)."""
    store = Store(tmp_path / "store")
    assert Ingestion(store).ingest("baci", years[0]).lane == "fast"
    (path,) = store.totals_files()
    rows = pq.read_table(path).to_pandas()
    world = rows[rows.hs_section == WORLD_BY_HEADING]
    for side, other in (("exporter", "importer"), ("importer", "exporter")):
        codes = list(world[world[other] == "WLD"][side])
        assert len(set(codes)) > 10
        assert codes == sorted(codes), side
