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
