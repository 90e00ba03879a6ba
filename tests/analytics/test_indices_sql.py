"""The pair indices from plain SQL (DuckDB) are the indices from the Ibis expressions.

For a source whose indices read its rows (the embedded Comtrade extract), the profile asks
:mod:`bilat.analytics.indices_sql` for the five parts in one plain query; Spark, and BACI with
its kept totals and world rows, ask :mod:`bilat.analytics.indices`. Same rows, same values.
"""

from __future__ import annotations

import pandas as pd
import pytest

from bilat.questions.pair_indices import pair_indices
from bilat.session import Session

PAIRS = [("ISR", "JPN"), ("JPN", "ISR"), ("DEU", "CHN"), ("USA", "MEX"), ("ZAF", "AGO"), ("ARE", "IND")]


@pytest.mark.parametrize(("a", "b"), PAIRS)
def test_pair_indices_equal_on_both_paths(monkeypatch: pytest.MonkeyPatch, a: str, b: str) -> None:
    with Session() as session:
        plain = pair_indices(session, a, b, "comtrade", False)
    with monkeypatch.context() as m:
        m.setattr(Session, "sql_frame", lambda self, query: None)
        with Session() as session:
            ibis_path = pair_indices(session, a, b, "comtrade", False)
    assert len(plain) and set(plain["index"]) >= {"complementarity", "concentration"}
    pd.testing.assert_frame_equal(plain, ibis_path, check_exact=True)
