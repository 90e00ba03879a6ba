"""One Ibis expression, two engines: DuckDB and Spark must give the same answer."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from bilat.analytics import composition, flows
from bilat.engines.duckdb import DuckDBEngine
from bilat.engines.spark import SparkEngine
from bilat.store import Store

pytestmark = pytest.mark.spark


@pytest.fixture(scope="module")
def baci_store(tmp_path_factory: pytest.TempPathFactory, shared_data: Path) -> Store:
    store = Store(tmp_path_factory.mktemp("engines") / "store")
    store.ingest("baci", shared_data / "baci_fixture_iopspackage" / "BACI_HS17_Y2020_V202301_exporters_4_710.csv.gz")
    return store


def _run_both(store: Store, spark_session, build) -> tuple[pd.DataFrame, pd.DataFrame]:  # noqa: ANN001
    duck = DuckDBEngine(store, include_embedded=False)
    spark = SparkEngine(store, include_embedded=False, session=spark_session)
    try:
        results = []
        for engine in (duck, spark):
            tables = {name: engine.table(name) for name in ("product_flows", "country_flows")}
            results.append(engine.execute(build(tables)))
    finally:
        duck.close()
        spark.close()
    return results[0], results[1]


def _normalise(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    frame = frame.sort_values(keys).reset_index(drop=True)
    for column in frame.columns:
        if pd.api.types.is_integer_dtype(frame[column]):
            frame[column] = frame[column].astype("int64")
    return frame


def test_pair_totals_equal_on_duckdb_and_spark(baci_store: Store, spark_session) -> None:  # noqa: ANN001
    duck, spark = _run_both(baci_store, spark_session, lambda t: flows.bilateral_flows(t, "ZAF", "JPN", (2020, 2020)))
    assert len(duck) == 1
    keys = ["source", "year", "exporter", "importer"]
    pd.testing.assert_frame_equal(_normalise(duck, keys), _normalise(spark, keys), check_exact=False, rtol=1e-12)


def test_composition_by_heading_equal_on_duckdb_and_spark(baci_store: Store, spark_session) -> None:  # noqa: ANN001
    def build(tables):  # noqa: ANN001, ANN202
        return composition.by_level(composition.product_rows(tables, "ZAF", "ISR", None, "baci"), 4)

    duck, spark = _run_both(baci_store, spark_session, build)
    assert len(duck) > 50
    keys = ["year", "exporter", "importer", "code"]
    pd.testing.assert_frame_equal(_normalise(duck, keys), _normalise(spark, keys), check_exact=False, rtol=1e-12)


def test_spark_reads_store_files_from_a_data_url(baci_store: Store, spark_session, tmp_path: Path,  # noqa: ANN001
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """BILAT_SPARK_DATA_URL: the catalog stays here, the Parquet files live elsewhere (here a file:// URL)."""
    import shutil

    elsewhere = tmp_path / "bucket" / "data"
    shutil.copytree(baci_store.data_dir, elsewhere)
    moved = Store(tmp_path / "store")
    shutil.copytree(baci_store.home, moved.home, ignore=shutil.ignore_patterns("data"))
    assert not moved.data_dir.exists()
    monkeypatch.setenv("BILAT_SPARK_DATA_URL", elsewhere.as_uri())
    spark = SparkEngine(moved, include_embedded=False, session=spark_session)
    duck = DuckDBEngine(baci_store, include_embedded=False)
    try:
        build = lambda t: flows.bilateral_flows(t, "ZAF", "JPN", (2020, 2020))  # noqa: E731
        got = spark.execute(build({n: spark.table(n) for n in ("product_flows", "country_flows")}))
        want = duck.execute(build({n: duck.table(n) for n in ("product_flows", "country_flows")}))
    finally:
        spark.close()
        duck.close()
    assert float(got.value_usd.sum()) == pytest.approx(float(want.value_usd.sum()), rel=1e-12)


def test_kept_and_on_the_fly_pair_totals_equal_on_duckdb_and_spark(
    baci_store: Store, spark_session, tmp_path: Path  # noqa: ANN001
) -> None:
    """``pair_totals``: the kept totals (the store as ingested) and the on-the-fly fallback (the
    same store as an older bilat left it, without them) agree with each other on both engines."""
    import shutil

    from bilat.analytics.totals import pair_totals_matrix

    old = Store(tmp_path / "old")
    shutil.copytree(baci_store.home, old.home)
    shutil.rmtree(old.totals_dir)
    with old.catalog() as con:
        con.execute("DROP TABLE pair_totals_files")
    keys = ["year", "exporter", "importer"]
    frames = []
    for store in (baci_store, old):
        for engine in (DuckDBEngine(store, include_embedded=False), SparkEngine(store, include_embedded=False, session=spark_session)):
            try:
                tables = {"pair_totals": engine.table("pair_totals")}
                frames.append(_normalise(engine.execute(pair_totals_matrix(tables, "baci")), keys))
            finally:
                engine.close()
    assert len(baci_store.totals_files()) == 1 and old.totals_files() == []
    assert len(frames[0]) > 100
    for other in frames[1:]:
        pd.testing.assert_frame_equal(frames[0], other, check_exact=False, rtol=1e-12)
