"""The DuckDB engine's second run of an expression (kept SQL and schema) returns what Ibis returns.

Why: :meth:`bilat.engines.duckdb.DuckDBEngine.execute` runs an expression through Ibis once, then
from its kept SQL with Ibis's converters; the frames must be equal, dtypes included (integers
with nulls, strings, floats, scalars, in-memory tables).
"""

from __future__ import annotations

import ibis
import pandas as pd

from bilat.catalog.store import Store
from bilat.engines.duckdb import DuckDBEngine


def _engine(tmp_path) -> DuckDBEngine:  # noqa: ANN001
    return DuckDBEngine(Store(tmp_path), include_embedded=True)


def test_second_run_equals_ibis(tmp_path) -> None:  # noqa: ANN001
    engine = _engine(tmp_path)
    flows = engine.table("country_flows")
    memtable = ibis.memtable(pd.DataFrame({"reporter": ["ISR", "JPN"], "tag": ["a", None]}))
    exprs = [
        flows.group_by("year").aggregate(n=flows.count(), v=flows.value_usd.sum()).order_by("year"),
        flows.filter(flows.reporter == "ISR").select("year", "partner", "value_usd").order_by(["year", "partner", "value_usd"]).limit(50),
        flows.value_usd.sum(),
        flows.count(),
        # an integer column with nulls (Ibis goes through Python lists: no float turn)
        flows.group_by("reporter").aggregate(y=ibis.ifelse(flows.year.max() > 2000, flows.year.max(), ibis.null("int64")))
        .order_by("reporter").limit(20),
        (joined := flows.join(memtable, "reporter")).group_by("tag").aggregate(n=joined.count()).order_by("tag"),
    ]
    for expr in exprs:
        first = engine.execute(expr)
        through_ibis = engine.ibis.execute(expr)
        second = engine.execute(expr)
        if not isinstance(through_ibis, pd.DataFrame):
            through_ibis = pd.DataFrame({"value": [through_ibis]})
        pd.testing.assert_frame_equal(first, through_ibis)
        pd.testing.assert_frame_equal(second, through_ibis)
    engine.close()


def test_held_table_rerun_reads_new_rows(tmp_path) -> None:  # noqa: ANN001
    """A held table replaced under the same name: the kept SQL reads the new rows."""
    engine = _engine(tmp_path)
    flows = engine.table("product_flows")
    held = engine.hold("bilat_test_held", flows.filter(flows.exporter == "ISR"))
    expr = held.group_by("exporter").aggregate(n=held.count())
    assert list(engine.execute(expr).exporter) == ["ISR"]
    held = engine.hold("bilat_test_held", flows.filter(flows.exporter == "JPN"))
    expr2 = held.group_by("exporter").aggregate(n=held.count())
    assert list(engine.execute(expr2).exporter) == ["JPN"]
    engine.close()
