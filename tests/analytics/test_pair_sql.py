"""The pair's yearly totals in plain SQL give exactly the rows of the Ibis expression (same rule).

``bilat flows A B`` answers from :mod:`bilat.analytics.pair_sql` and
:mod:`bilat.questions.yearly_table` (no Ibis, no pandas); every other face from
:func:`bilat.analytics.selection.pair_totals` and :func:`bilat.questions.yearly.pair_flows`. Both
must agree to the last bit, on the embedded data and on ingested BACI rows.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from bilat.analytics import selection
from bilat.analytics.flows import wide
from bilat.analytics.pair_sql import COLUMNS, pair_totals_sql
from bilat.questions.yearly import pair_flows
from bilat.questions.yearly_table import pair_flows_table
from bilat.session import Session

PAIRS = [("ISR", "JPN"), ("USA", "CHN"), ("DEU", "FRA"), ("ZAF", "AGO"), ("ZAF", "MOZ")]
SPANS = [None, (2013, 2016), (2020, 2020)]


def _same(left: list[tuple], right: list[tuple]) -> None:
    assert len(left) == len(right)
    for x, y in zip(left, right, strict=True):
        for u, v in zip(x, y, strict=True):
            both_missing = (u is None or (isinstance(u, float) and math.isnan(u))) and \
                (v is None or (isinstance(v, float) and math.isnan(v)))
            assert both_missing or u == v, (x, y)


def _check(session: Session, a: str, b: str, span: tuple[int, int] | None) -> str | None:
    expr = selection.pair_totals(session.tables(("product_flows", "country_flows")), a, b, span)
    frame = session.execute(expr)
    expected = [tuple(r) for r in frame[list(COLUMNS)].itertuples(index=False)]
    got = session.engine.rows(pair_totals_sql(a, b, span))
    _same([(s, int(y), e, i, float(v)) for s, y, e, i, v in got], [(s, int(y), e, i, float(v)) for s, y, e, i, v in expected])
    try:
        answer = pair_flows(a, b, span, session=session)
    except Exception as exc:  # noqa: BLE001 - both paths must fail alike
        with pytest.raises(type(exc)):
            pair_flows_table(session, a, b, span)
        return None
    table = pair_flows_table(session, a, b, span)
    assert table is not None and table.source == answer.source and table.notes == answer.notes
    shaped = wide(answer.frame, a, b)
    assert tuple(shaped.columns) == table.columns
    _same(list(table.rows), [tuple(r) for r in shaped.itertuples(index=False)])
    return table.source


@pytest.mark.parametrize("span", SPANS, ids=str)
def test_plain_sql_equals_ibis_on_embedded_data(span: tuple[int, int] | None) -> None:
    with Session() as session:
        for a, b in PAIRS:
            _check(session, a, b, span)


def test_plain_sql_equals_ibis_on_ingested_baci_rows(shared_data: Path) -> None:
    from bilat.catalog import open_store
    from bilat.ingest import ingest_file

    ingest_file(open_store(), "baci", shared_data / "baci_fixture_iopspackage" / "BACI_HS17_Y2020_V202301_exporters_4_710.csv.gz")
    with Session() as session:
        chosen = {_check(session, a, b, span) for a, b in [("ZAF", "AGO"), ("ZAF", "MOZ"), ("ZAF", "USA"), ("AFG", "IND")]
                  for span in SPANS}
    assert "baci" in chosen
