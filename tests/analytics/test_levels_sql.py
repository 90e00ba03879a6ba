"""The profile's composition and world exports in plain SQL give exactly the Ibis expressions' frames.

On DuckDB the profile asks :mod:`bilat.analytics.levels_sql` for the top codes at each level (with
shares, ranks and the change on last year) over the pair's held rows, and for each side's world
exports by section; Spark asks the Ibis expressions of :mod:`bilat.analytics.profile`. Both must
agree to the last bit, on the embedded data and on ingested BACI rows (a full basket, HS6).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from bilat.analytics import composition as comp
from bilat.analytics import lens_views as lv
from bilat.analytics import levels_sql
from bilat.analytics.pair_sql import product_rows_sql
from bilat.questions import profile_parts as parts
from bilat.questions.pair_rows import PairRows
from bilat.session import Session

PAIRS = [("ISR", "JPN"), ("DEU", "CHN"), ("USA", "MEX"), ("ZAF", "AGO")]


def _check_levels(session: Session, a: str, b: str, source: str, span: tuple[int, int], top: int) -> int:
    held = PairRows(session, a, b)
    rows = comp.product_rows(held.tables(source), a, b, span, source)
    expected = session.execute(parts._top_by_level(rows, top))
    name = held.held_name(source)
    assert name is not None
    got = session.sql_frame(levels_sql.top_by_level_sql(product_rows_sql(name, a, b, span, source), parts.LEVELS, top))
    pd.testing.assert_frame_equal(got, expected[list(got.columns)], check_exact=True, check_dtype=False)
    return len(got)


def _check_world(session: Session, a: str, b: str) -> int:
    rows = lv.world_export_rows(session.table("product_flows"), a, b)
    found = session.execute(rows.group_by(["source", "year"]).aggregate(n=rows.count()))
    mine = session.sql_frame(levels_sql.world_sources_sql(a, b))
    key = ["source", "year"]
    pd.testing.assert_frame_equal(mine.sort_values(key).reset_index(drop=True), found.sort_values(key).reset_index(drop=True),
                                  check_dtype=False)
    shown = 0
    for source, year in found[key].itertuples(index=False):
        expected = session.execute(lv.world_exports_by_section(rows, source, int(year), 10))
        got = session.sql_frame(levels_sql.world_exports_by_section_sql(a, b, source, int(year), 10))
        pd.testing.assert_frame_equal(got, expected, check_exact=True, check_dtype=False)
        shown += len(got)
    return shown


@pytest.mark.parametrize(("a", "b"), PAIRS)
def test_levels_and_world_exports_equal_ibis_on_embedded_data(a: str, b: str) -> None:
    with Session() as session:
        assert _check_levels(session, a, b, "comtrade", (1988, 2017), 10) > 0
        _check_levels(session, a, b, "comtrade", (2010, 2012), 3)
        assert _check_world(session, a, b) > 0


def test_levels_equal_ibis_on_ingested_baci_rows(shared_data: Path) -> None:
    from bilat.catalog import open_store
    from bilat.ingest import ingest_file

    ingest_file(open_store(), "baci", shared_data / "baci_fixture_iopspackage" / "BACI_HS17_Y2020_V202301_exporters_4_710.csv.gz")
    with Session() as session:
        assert sum(_check_levels(session, a, b, "baci", (2020, 2020), 10) for a, b in [("ZAF", "AGO"), ("ZAF", "USA")]) > 0
