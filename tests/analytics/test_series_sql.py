"""The profile in plain SQL (DuckDB) gives exactly the frames of its Ibis expressions (Spark's path).

On DuckDB the profile's parts ask plain SQL (:mod:`bilat.analytics.series_sql`,
:mod:`bilat.analytics.shares_sql`, :mod:`bilat.analytics.levels_sql`) over rows held with
``hold_sql``, so its first run loads no Ibis; an engine without plain SQL (Spark) asks the Ibis
expressions of :mod:`bilat.analytics`. The test runs the whole profile both ways on one DuckDB
store (the plain SQL turned off for the second) and holds every table of it equal to the last
bit: the embedded data (DOTS shares with declared totals, the Comtrade slice, an exporter gone
silent with an importer's mirror), ingested synthetic BACI years (a full basket: shares from the
kept totals, concentration over headings) and, when ``../shared`` is beside the clone, real BACI rows.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from bilat.engines.duckdb import DuckDBEngine
from bilat.session import Session

EMBEDDED_PAIRS = [("ISR", "JPN"), ("DEU", "CHN"), ("USA", "MEX"), ("ZAF", "AGO"), ("ARE", "IND")]


def _profiles(monkeypatch: pytest.MonkeyPatch, a: str, b: str, **kwargs: object) -> tuple[object, object]:
    """The pair's profile from plain SQL, then from the Ibis expressions alone (nothing kept between)."""
    from bilat.questions import profile

    monkeypatch.setenv("BILAT_KEEP_ANSWERS", "0")
    with Session() as s:
        plain = profile(a, b, session=s, **kwargs)
    with monkeypatch.context() as m:
        m.setattr(DuckDBEngine, "hold_sql", None)
        m.setattr(Session, "sql_frame", lambda self, query: None)
        with Session() as s:
            ibis_only = profile(a, b, session=s, **kwargs)
    return plain, ibis_only


def _same(plain: object, ibis_only: object, *, loose: tuple[str, ...] = ()) -> int:
    """Assert every table, note and source of the two profiles equal; return the rows compared.

    ``loose``: tables compared to 1e-12 (relative) instead of to the last bit: the pair indices of
    a reconciled source read the pair's held rows on DuckDB (as before the plain SQL) and every row
    on the Ibis-only path, and a sum over many products may move in its last digit with the order.
    """
    assert plain.source == ibis_only.source
    assert plain.shares_source == ibis_only.shares_source
    assert plain.composition_source == ibis_only.composition_source
    assert plain.composition_complete == ibis_only.composition_complete
    assert plain.notes == ibis_only.notes
    rows = 0
    mine, theirs = plain.tables(), ibis_only.tables()
    assert mine.keys() == theirs.keys()
    for name, frame in mine.items():
        other = theirs[name]
        assert list(frame.columns) == list(other.columns), name
        exact = name not in loose
        pd.testing.assert_frame_equal(frame.reset_index(drop=True), other.reset_index(drop=True),
                                      check_exact=exact, rtol=0 if exact else 1e-12, atol=0, check_dtype=False, obj=name)
        rows += len(frame)
    return rows


@pytest.mark.parametrize(("a", "b"), EMBEDDED_PAIRS)
def test_profile_in_plain_sql_equals_ibis_on_embedded_data(monkeypatch: pytest.MonkeyPatch, a: str, b: str) -> None:
    plain, ibis_only = _profiles(monkeypatch, a, b)
    assert _same(plain, ibis_only) > 0
    assert len(plain.flows) and len(plain.shares)  # DOTS answers both on the embedded data


def test_profile_in_plain_sql_equals_ibis_over_a_span(monkeypatch: pytest.MonkeyPatch) -> None:
    plain, ibis_only = _profiles(monkeypatch, "ISR", "JPN", years="2010-2015", top=3)
    assert _same(plain, ibis_only) > 0
    assert set(plain.flows.year) == set(range(2010, 2016))


def test_profile_in_plain_sql_equals_ibis_on_synthetic_baci(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from bilat.catalog import open_store
    from bilat.ingest import ingest_file
    from bilat.synth import generate_baci

    store = open_store()
    for path in generate_baci(tmp_path / "synth", [2018, 2019], rows_per_year=40_000, seed=5, pairs=300):
        if path.name.startswith("BACI_"):
            ingest_file(store, "baci", path)
    with Session() as s:
        pairs = s.engine.sql("SELECT exporter, importer FROM product_flows WHERE source = 'baci'"
                             " GROUP BY 1, 2 ORDER BY COUNT(*) DESC LIMIT 2")
    compared = 0
    for a, b in pairs.itertuples(index=False):
        plain, ibis_only = _profiles(monkeypatch, str(a), str(b))
        compared += _same(plain, ibis_only, loose=("indices",))
        assert plain.composition_source == "baci" and plain.composition_complete
        assert len(plain.hhi) > 0  # the concentration over headings is asked of a full basket
    assert compared > 0


def test_profile_in_plain_sql_equals_ibis_on_real_baci_rows(monkeypatch: pytest.MonkeyPatch, shared_data: Path) -> None:
    from bilat.catalog import open_store
    from bilat.ingest import ingest_file

    ingest_file(open_store(), "baci", shared_data / "baci_fixture_iopspackage" / "BACI_HS17_Y2020_V202301_exporters_4_710.csv.gz")
    for a, b in [("ZAF", "AGO"), ("ZAF", "USA")]:
        plain, ibis_only = _profiles(monkeypatch, a, b)
        assert _same(plain, ibis_only, loose=("indices",)) > 0


def test_first_report_of_the_embedded_data_loads_no_ibis(tmp_path: Path) -> None:
    """The computed report (nothing kept) asks only plain SQL: Ibis is not even imported."""
    code = (
        "import os, sys\n"
        "os.environ['BILAT_KEEP_ANSWERS'] = '0'\n"
        "from bilat.report import build_report, write_report\n"
        f"write_report(build_report('ISR', 'JPN'), {str(tmp_path / 'r.html')!r})\n"
        "print(sorted(m for m in ('ibis', 'sqlglot', 'pyspark') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=300)
    assert done.stdout.strip().splitlines()[-1] == "[]"
    assert (tmp_path / "r.html").stat().st_size > 10_000


@pytest.mark.parametrize("by", ["section", "chapter"])
@pytest.mark.parametrize(("a", "b"), [("ISR", "JPN"), ("DEU", "CHN")])
def test_composition_in_plain_sql_equals_ibis(monkeypatch: pytest.MonkeyPatch, a: str, b: str, by: str) -> None:
    """``bilat flows A B --by chapter`` asks plain SQL on DuckDB: the same rows, notes and coverage as Ibis."""
    from bilat.questions import pair_composition

    monkeypatch.setenv("BILAT_KEEP_ANSWERS", "0")
    with Session() as s:
        plain = pair_composition(a, b, by=by, session=s)
    with monkeypatch.context() as m:
        m.setattr(DuckDBEngine, "hold_sql", None)
        m.setattr(Session, "sql_frame", lambda self, query: None)
        with Session() as s:
            ibis_only = pair_composition(a, b, by=by, session=s)
    assert plain.notes == ibis_only.notes and plain.source == ibis_only.source
    keys = [c for c in plain.frame.columns if c not in ("value_usd", "description")]
    pd.testing.assert_frame_equal(plain.frame.sort_values(keys).reset_index(drop=True),
                                  ibis_only.frame.sort_values(keys).reset_index(drop=True),
                                  check_exact=True, check_dtype=False)
    pd.testing.assert_frame_equal(plain.coverage, ibis_only.coverage, check_exact=True, check_dtype=False)
    assert len(plain.frame) > 0
