"""The SQL each engine receives for the key metrics, kept as snapshots (as ibis does for itself).

A change in an analytic's SQL shows up in review as a diff of these files. To accept a change:
``BILAT_UPDATE_SNAPSHOTS=1 scripts/test tests/analytics/test_sql_snapshots.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

import ibis
import pytest

from bilat.analytics import composition, flows, indices
from bilat.schema import TABLES

SNAPSHOTS = Path(__file__).parent / "snapshots"
_TYPES = {"SMALLINT": "int16", "TINYINT": "int8", "VARCHAR": "string", "DOUBLE": "float64"}


def unbound(name: str) -> ibis.Table:
    return ibis.table({c: _TYPES[t] for c, t in TABLES[name].items()}, name=name)


def tables() -> dict[str, ibis.Table]:
    return {name: unbound(name) for name in TABLES}


METRICS = {
    "bilateral_flows": lambda t: flows.bilateral_flows(t, "ISR", "JPN", (2013, 2016)),
    "composition_hs4": lambda t: composition.by_level(composition.product_rows(t, "ISR", "JPN", None, "baci"), 4),
    "rca_hs6": lambda t: indices.rca(t["product_flows"], year=2016, level=6, source="baci"),
}


# Only DuckDB: Ibis 12 compiles PySpark SQL only with a live session (its compiler reads the
# session's NaN setting), and the Spark parity tests in tests/engines cover what Spark runs.
@pytest.mark.parametrize("dialect", ["duckdb"])
@pytest.mark.parametrize("metric", sorted(METRICS))
def test_sql_matches_snapshot(metric: str, dialect: str) -> None:
    sql = ibis.to_sql(METRICS[metric](tables()), dialect=dialect).strip() + "\n"
    path = SNAPSHOTS / metric / dialect / "out.sql"
    if os.environ.get("BILAT_UPDATE_SNAPSHOTS") == "1" or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(sql, encoding="utf-8")
        if os.environ.get("BILAT_UPDATE_SNAPSHOTS") != "1":
            pytest.fail(f"snapshot {path} was missing and has been written: review and commit it")
    assert sql == path.read_text(encoding="utf-8")
