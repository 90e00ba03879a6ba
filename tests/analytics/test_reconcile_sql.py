"""The reconciliation from plain SQL (DuckDB) is the reconciliation from the Ibis expressions.

:mod:`bilat.analytics.reconcile_sql` spells :func:`bilat.analytics.reconcile.source_figures` for
all years in one query; the answer must be the same figures, comparison and explanations as the
Ibis path gives (Spark's), on the embedded data and on ingested BACI rows. The Ibis path leaves
figures that tie on its order (one view in flows X and RX) in any order, so figures are compared
as sets of rows; everything else exactly.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bilat.questions.side_by_side import reconcile
from bilat.session import Session

CASES = [("ISR", "JPN", None), ("ISR", "JPN", 2016), ("USA", "MEX", None), ("ARE", "IND", 2017), ("DEU", "CHN", 1995)]


def _answers(monkeypatch: pytest.MonkeyPatch, a: str, b: str, year: int | None) -> tuple[dict, dict]:
    monkeypatch.setenv("BILAT_KEEP_ANSWERS", "0")
    with Session() as session:
        plain = reconcile(a, b, year, session=session).to_dict()
    with monkeypatch.context() as m:
        m.setattr(Session, "sql_frame", lambda self, query: None)
        with Session() as session:
            ibis_path = reconcile(a, b, year, session=session).to_dict()
    return plain, ibis_path


def _same(plain: dict, ibis_path: dict) -> None:
    def rows(answer: dict) -> list[str]:
        return sorted(json.dumps(r, sort_keys=True) for r in answer["figures"])

    assert rows(plain) == rows(ibis_path) and plain["figures"]
    assert {k: v for k, v in plain.items() if k != "figures"} == {k: v for k, v in ibis_path.items() if k != "figures"}


@pytest.mark.parametrize(("a", "b", "year"), CASES)
def test_reconciliation_equal_on_both_paths(monkeypatch: pytest.MonkeyPatch, a: str, b: str, year: int | None) -> None:
    _same(*_answers(monkeypatch, a, b, year))


def test_reconciliation_equal_on_both_paths_with_baci(monkeypatch: pytest.MonkeyPatch, shared_data: Path) -> None:
    from bilat.catalog import open_store
    from bilat.ingest import ingest_file

    ingest_file(open_store(), "baci", shared_data / "baci_fixture_iopspackage" / "BACI_HS17_Y2020_V202301_exporters_4_710.csv.gz")
    for a, b in [("ZAF", "AGO"), ("ZAF", "USA")]:
        plain, ibis_path = _answers(monkeypatch, a, b, 2020)
        assert any(r["source"] == "baci" for r in plain["figures"])
        _same(plain, ibis_path)
