"""The coverage probe, the export matrix and RCA in plain SQL give exactly the Ibis expressions' rows.

The report's potential and complexity sections ask DuckDB in plain SQL
(:mod:`bilat.analytics.product_sql`); Spark, and a lens, take the Ibis expressions of
:mod:`bilat.analytics.product_trade` and :mod:`bilat.analytics.indices`. Both must agree to the
last bit: on the embedded data (Open Trade Statistics, Comtrade extracts) and on ingested BACI rows.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from bilat.analytics.indices import rca
from bilat.analytics.product_sql import RCA_COLUMNS, coverage_sql, exports_by_product_sql, rca_top_sql
from bilat.analytics.product_trade import exports_by_product
from bilat.questions.complexity import economic_complexity
from bilat.questions.potential import untapped_potential
from bilat.session import Session

PAIRS = [("ISR", "JPN"), ("DEU", "CHN"), ("USA", "MEX"), ("ZAF", "AGO")]


def _sorted(frame: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    return frame.sort_values(by).reset_index(drop=True)


def _check_matrix(session: Session, source: str, year: int, level: int) -> None:
    flows = session.table("product_flows")
    expected = session.execute(exports_by_product(flows, year=year, level=level, source=source))
    got = session.sql_frame(exports_by_product_sql(year=year, level=level, source=source))
    pd.testing.assert_frame_equal(_sorted(got, ["exporter", "hs_code"]), _sorted(expected, ["exporter", "hs_code"]),
                                  check_exact=True, check_dtype=False)


def _check_rca(session: Session, exporters: list[str], source: str, year: int, level: int, top: int) -> None:
    got = session.sql_frame(rca_top_sql(exporters, year=year, level=level, source=source, top=top))
    flows = session.table("product_flows")
    for exporter in exporters:
        expr = rca(flows, year=year, level=level, source=source, exporter=exporter)
        expected = session.execute(expr.order_by([expr.rca.desc(), expr.hs_code]).limit(top))[list(RCA_COLUMNS)]
        mine = got[got.exporter == exporter].reset_index(drop=True)
        pd.testing.assert_frame_equal(mine, expected, check_exact=True, check_dtype=False)


def test_coverage_equals_ibis_on_embedded_data() -> None:
    from bilat.questions.probe import coverage

    with Session() as session:
        expected = coverage(session, session.table("product_flows"))
        got = coverage(session, None, summary=session.sql_frame(coverage_sql()))
    assert got == expected and any(c.source == "ots" for c in got)


@pytest.mark.parametrize("level", [2, 4, 6])
def test_matrix_and_rca_equal_ibis_on_embedded_data(level: int) -> None:
    with Session() as session:
        _check_matrix(session, "ots", 2017, level)
        _check_matrix(session, "comtrade", 2017, 2)
        _check_rca(session, ["ISR", "JPN", "DEU"], "ots", 2017, level, 10)


def test_matrix_and_rca_equal_ibis_on_ingested_baci_rows(shared_data: Path) -> None:
    from bilat.catalog import open_store
    from bilat.ingest import ingest_file

    ingest_file(open_store(), "baci", shared_data / "baci_fixture_iopspackage" / "BACI_HS17_Y2020_V202301_exporters_4_710.csv.gz")
    with Session() as session:
        for level in (2, 4, 6):
            _check_matrix(session, "baci", 2020, level)
            _check_rca(session, ["ZAF", "AFG"], "baci", 2020, level, 25)


def _both_paths(monkeypatch: pytest.MonkeyPatch, ask):  # noqa: ANN001, ANN202 - a question and its answer
    """The answer from the plain SQL path, and from the Ibis path (an engine that takes no SQL)."""
    with Session() as session:
        plain = ask(session)
    with monkeypatch.context() as m:
        m.setattr(Session, "sql_frame", lambda self, query: None)
        with Session() as session:
            ibis_path = ask(session)
    return plain, ibis_path


@pytest.mark.parametrize(("a", "b"), PAIRS)
def test_potential_and_complexity_answers_equal_on_both_paths(monkeypatch: pytest.MonkeyPatch, a: str, b: str) -> None:
    monkeypatch.setenv("BILAT_KEEP_ANSWERS", "0")
    plain, ibis_path = _both_paths(monkeypatch, lambda s: untapped_potential(s, a, b, top=10))
    assert plain.kind == ibis_path.kind and plain.note == ibis_path.note
    pd.testing.assert_frame_equal(plain.frame, ibis_path.frame, check_exact=True)
    plain, ibis_path = _both_paths(monkeypatch, lambda s: economic_complexity([a, b], session=s))
    assert json.dumps(plain.to_dict(), sort_keys=True) == json.dumps(ibis_path.to_dict(), sort_keys=True)


def test_rca_from_the_held_matrix_equals_rca_from_the_rows() -> None:
    """The potential ranks RCA from the matrix the session holds for complexity too (Session.held): the same rows."""
    kw = {"year": 2017, "level": 4, "source": "ots"}
    with Session() as session:
        query = exports_by_product_sql(**kw)
        name = session.held("bilat_exports", query)
        assert name is not None and session.held("bilat_exports", query) == name  # made once per session
        held = session.sql_frame(f"SELECT * FROM {name}")
        pd.testing.assert_frame_equal(_sorted(held, ["exporter", "hs_code"]),
                                      _sorted(session.sql_frame(query), ["exporter", "hs_code"]), check_exact=True)
        from_rows = session.sql_frame(rca_top_sql(["ISR", "JPN"], top=10, **kw))
        from_held = session.sql_frame(rca_top_sql(["ISR", "JPN"], top=10, matrix=name, **kw))
        pd.testing.assert_frame_equal(from_held, from_rows, check_exact=True)
        assert len(from_rows) == 20
    with pytest.raises(ValueError, match="plain table name"):
        rca_top_sql(["ISR"], top=1, matrix="x; DROP TABLE y", **kw)
