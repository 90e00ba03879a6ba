"""Pair profile analytics on worked examples small enough to check by hand.

Invented flows between A and B (and a third country C), in USD:

    year   A→B   B→A          (2014 missing: a gap)
    2012   100    50
    2013   110    40
    2015   121    —           (B→A missing: the total is unknown, not 121)
"""

from __future__ import annotations

import ibis
import pandas as pd
import pytest

from bilat.analytics import growth, profile, shares

FLOWS = pd.DataFrame(
    [("s", 2012, "A", "B", 100.0), ("s", 2012, "B", "A", 50.0),
     ("s", 2013, "A", "B", 110.0), ("s", 2013, "B", "A", 40.0),
     ("s", 2015, "A", "B", 121.0)],
    columns=["source", "year", "exporter", "importer", "value_usd"],
)  # fmt: skip


@pytest.fixture(scope="module")
def con():
    backend = ibis.duckdb.connect()
    yield backend
    backend.disconnect()


def test_pair_series_totals_balance_and_growth_with_gaps(con):
    got = con.execute(profile.pair_series(ibis.memtable(FLOWS), "A", "B")).set_index("year")
    assert got.loc[2012, "total_usd"] == 150.0
    assert got.loc[2013, "balance_A_usd"] == 110.0 - 40.0
    # 2013 on 2012: 110/100 - 1 = 10 %; B→A 40/50 - 1 = -20 %; total 150 -> 150 = 0 %.
    assert got.loc[2013, "A_to_B_usd_yoy"] == pytest.approx(0.10)
    assert got.loc[2013, "B_to_A_usd_yoy"] == pytest.approx(-0.20)
    assert got.loc[2013, "total_usd_yoy"] == pytest.approx(0.0)
    # 2015 follows a gap (no 2014): no year-on-year rate; half a total is no total.
    assert pd.isna(got.loc[2015, "A_to_B_usd_yoy"])
    assert pd.isna(got.loc[2015, "total_usd"])


def test_span_cagr_over_a_gap(con):
    t = ibis.memtable(FLOWS[FLOWS.exporter == "A"])
    got = con.execute(growth.span_cagr(t, "value_usd", 2012, 2015)).iloc[0]
    # (121/100) ** (1/3) - 1 = 6.56 %
    assert got.cagr == pytest.approx(1.21 ** (1 / 3) - 1)
    missing = con.execute(growth.span_cagr(t, "value_usd", 2011, 2015)).iloc[0]
    assert pd.isna(missing.cagr)


LEVELS = pd.DataFrame(
    [(2019, "A", "B", "84", 60.0), (2019, "A", "B", "85", 30.0), (2019, "A", "B", "90", 10.0),
     (2020, "A", "B", "84", 50.0), (2020, "A", "B", "85", 50.0)],
    columns=["year", "exporter", "importer", "code", "value_usd"],
)  # fmt: skip


def test_composition_shares_ranks_and_change(con):
    got = con.execute(profile.with_shares(ibis.memtable(LEVELS))).set_index(["year", "code"])
    assert got.loc[(2019, "84"), "share"] == pytest.approx(0.6)
    assert got.loc[(2019, "90"), "rank"] == 3
    # 85: 30 -> 50: +20 USD, +66.7 %, share 30 % -> 50 % = +20 pp.
    assert got.loc[(2020, "85"), "change_usd"] == pytest.approx(20.0)
    assert got.loc[(2020, "85"), "change_pct"] == pytest.approx(50 / 30 - 1)
    assert got.loc[(2020, "85"), "share_change_pp"] == pytest.approx(20.0)
    top = con.execute(profile.top_n(profile.with_shares(ibis.memtable(LEVELS)), 1))
    assert list(top.code) == ["84", "84"]


def test_hhi_by_hand(con):
    got = con.execute(shares.hhi(ibis.memtable(LEVELS))).set_index("year")
    # 2019: 0.6² + 0.3² + 0.1² = 0.46; 2020: 0.5² + 0.5² = 0.5 -> two equivalent products.
    assert got.loc[2019, "hhi"] == pytest.approx(0.46)
    assert got.loc[2020, "equivalent_products"] == pytest.approx(2.0)


def test_sections_roll_up_chapters(con):
    got = con.execute(profile.by_section(ibis.memtable(LEVELS))).set_index(["year", "code"])
    # 84 and 85 are section XVI, 90 is XVIII.
    assert got.loc[(2019, "XVI"), "value_usd"] == pytest.approx(90.0)
    assert got.loc[(2019, "XVIII"), "value_usd"] == pytest.approx(10.0)


# Country matrix for shares: A's and B's declared exports (as DOTS would hold them).
MATRIX = pd.DataFrame(
    [(2016, "A", "B", 10.0), (2016, "A", "C", 30.0), (2016, "A", "D", 20.0), (2016, "A", "WLD", 65.0),
     (2016, "A", "X01", 5.0),
     (2016, "B", "A", 8.0), (2016, "B", "C", 2.0),
     (2016, "C", "A", 12.0), (2016, "D", "A", 4.0), (2016, "C", "B", 40.0)],
    columns=["year", "exporter", "importer", "value_usd"],
)  # fmt: skip


def test_partner_shares_ranks_and_mirror_imports(con):
    got = con.execute(shares.partner_shares(ibis.memtable(MATRIX), "A", "B"))
    got = got.set_index(["country", "side"])
    # A's exports: world row 65; B takes 10 -> 15.4 %, rank 3 of 3 countries (C 30, D 20, B 10; X01 is no country).
    assert got.loc[("A", "exports"), "share"] == pytest.approx(10 / 65)
    assert got.loc[("A", "exports"), "rank"] == 3
    assert got.loc[("A", "exports"), "partners"] == 3
    assert got.loc[("A", "exports"), "total_basis"] == "world row"
    # A's imports (mirror): B 8, C 12, D 4 -> 24; B supplies 8/24 = 33.3 %, rank 2.
    assert got.loc[("A", "imports"), "share"] == pytest.approx(8 / 24)
    assert got.loc[("A", "imports"), "rank"] == 2
    # B's imports: A 10, C 40 -> A is 20 %, rank 2 of 2; B's exports: no world row, sum 10 -> A 80 %.
    assert got.loc[("B", "imports"), "share"] == pytest.approx(10 / 50)
    assert got.loc[("B", "exports"), "share"] == pytest.approx(8 / 10)
    assert got.loc[("B", "exports"), "total_basis"] == "sum of partners"


def test_partner_shares_use_a_reported_total_when_given(con):
    indicators = pd.DataFrame({"country": ["A"], "year": [2016], "indicator": ["imports_total_usd"], "value": [100.0],
                               "unit": ["USD"], "source": ["cow"], "file_id": ["x"]})
    got = con.execute(shares.partner_shares(ibis.memtable(MATRIX), "A", "B", indicators=ibis.memtable(indicators)))
    row = got[(got.country == "A") & (got.side == "imports")].iloc[0]
    assert row.share_of_reported == pytest.approx(8 / 100)
    assert row.reported_source == "cow"
