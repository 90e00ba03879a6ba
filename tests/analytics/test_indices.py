"""Trade indices on a worked example small enough to compute by hand.

The example (invented numbers, BACI-like: one reconciled row per exporter, importer and HS6 code,
reporter and flow NULL, source ``baci``, year 2020). Products p1 = 010101, p2 = 020202, p3 = 030303.

    exporter → importer   p1   p2   p3   total
    A → B                 40   10    0      50
    A → C                 20    0   30      50
    B → A                 10   30    0      40
    B → C                  0   20   40      60
    C → A                  0    0   50      50
    C → B                 30   20    0      50

    exports  A: 60 10 30 = 100   B: 10 50 40 = 100   C: 30 20 50 = 100   world: 100 80 120 = 300
    imports  A: 10 30 50 =  90   B: 70 30  0 = 100   C: 20 20 70 = 110   world: 300

Each test writes the arithmetic of its expected values next to the assertion.
"""

from __future__ import annotations

import ibis
import pandas as pd
import pytest

from bilat.analytics import indices
from bilat.analytics.potential import export_potential
from bilat.errors import BilatError
from bilat.schema import PRODUCT_FLOWS

from worked_example import P1, P2, P3, SCHEMA, WORKED  # noqa: E402 - tests/analytics is on sys.path


def canonical_rows(rows, *, year=2020, source="baci", hs_level=6, flow=None, reporter=None) -> pd.DataFrame:
    """(exporter, importer, hs_code, value) tuples as canonical product_flows rows."""
    frame = pd.DataFrame(rows, columns=["exporter", "importer", "hs_code", "value_usd"])
    frame["year"] = year
    frame["reporter"] = reporter
    frame["flow"] = flow
    frame["hs_revision"] = 2017
    frame["hs_level"] = hs_level
    frame["quantity_t"] = None
    frame["valuation"] = "reconciled" if flow is None else "FOB"
    frame["source"] = source
    frame["file_id"] = "worked-example"
    return frame[list(PRODUCT_FLOWS)]


def duckdb_flows(frame: pd.DataFrame) -> tuple[ibis.BaseBackend, ibis.Table]:
    con = ibis.duckdb.connect()
    return con, con.create_table("product_flows", ibis.memtable(frame, schema=SCHEMA))


@pytest.fixture(scope="module")
def worked():
    con, flows = duckdb_flows(canonical_rows(WORKED))
    yield con, flows
    con.disconnect()


KW = {"year": 2020, "source": "baci"}


def test_rca_matches_balassa_by_hand(worked):
    con, flows = worked
    got = con.execute(indices.rca(flows, level=6, **KW))
    got = got.set_index(["exporter", "hs_code"])["rca"].to_dict()
    # rca = (x_cp / x_c) / (x_p / x_w); x_c = 100 for all, x_w = 300, x_p = 100, 80, 120.
    expected = {
        ("A", P1): (60 / 100) / (100 / 300),  # 1.8
        ("A", P2): (10 / 100) / (80 / 300),  # 0.375
        ("A", P3): (30 / 100) / (120 / 300),  # 0.75
        ("B", P1): (10 / 100) / (100 / 300),  # 0.3
        ("B", P2): (50 / 100) / (80 / 300),  # 1.875
        ("B", P3): (40 / 100) / (120 / 300),  # 1.0
        ("C", P1): (30 / 100) / (100 / 300),  # 0.9
        ("C", P2): (20 / 100) / (80 / 300),  # 0.75
        ("C", P3): (50 / 100) / (120 / 300),  # 1.25
    }
    assert got.keys() == expected.keys()
    for key, value in expected.items():
        assert got[key] == pytest.approx(value, rel=1e-12), key


def test_rca_for_one_exporter_keeps_world_totals(worked):
    con, flows = worked
    got = con.execute(indices.rca(flows, level=6, exporter="B", **KW)).set_index("hs_code")
    assert list(got.exporter.unique()) == ["B"]
    # The world denominators still cover A and C: x_w = 300, x_p2 = 10 + 50 + 20 = 80.
    assert got.loc[P2, "world_total_usd"] == 300
    assert got.loc[P2, "world_product_usd"] == 80
    assert got.loc[P2, "rca"] == pytest.approx(0.5 / (80 / 300))


def test_rca_at_hs4_adds_up_six_digit_lines():
    # X exports 010101 (10) and 010102 (30): one heading 0101 of 40; Y exports 0101 (20) and 0201 (40).
    rows = [("X", "Y", "010101", 10.0), ("X", "Y", "010102", 30.0), ("Y", "X", "010103", 20.0), ("Y", "X", "020101", 40.0)]
    con, flows = duckdb_flows(canonical_rows(rows))
    got = con.execute(indices.rca(flows, level=4, **KW)).set_index(["exporter", "hs_code"])["rca"]
    # X: share of 0101 = 40/40 = 1; world share of 0101 = 60/100 -> rca 1 / 0.6.
    assert got[("X", "0101")] == pytest.approx(1 / 0.6)
    # Y: 0201 share 40/60; world share 40/100 -> (2/3) / 0.4.
    assert got[("Y", "0201")] == pytest.approx((40 / 60) / 0.4)
    assert len(got) == 3


def test_rca_uses_world_rows_and_exporter_declarations_only():
    # Comtrade-like: X declares exports to Y (flow X) and to WLD; Y declares the same flow as an
    # import (flow M), which must not be counted again; exports to the world come from the WLD row.
    frame = pd.concat(
        [
            canonical_rows([("X", "Y", "0101", 30.0), ("X", "WLD", "0101", 50.0), ("X", "WLD", "0201", 50.0)],
                           source="comtrade", hs_level=4, flow="X", reporter="X"),
            canonical_rows([("Y", "WLD", "0101", 20.0), ("Y", "WLD", "0201", 80.0)],
                           source="comtrade", hs_level=4, flow="X", reporter="Y"),
            canonical_rows([("X", "Y", "0101", 999.0)], source="comtrade", hs_level=4, flow="M", reporter="Y"),
            canonical_rows([("X", "Y", "0101", 12345.0)], source="other", hs_level=4, flow="X", reporter="X"),
        ]
    )  # fmt: skip
    con, flows = duckdb_flows(frame)
    got = con.execute(indices.rca(flows, level=4, year=2020, source="comtrade"))
    got = got.set_index(["exporter", "hs_code"])
    # X: 0101 = 50 (WLD row, not 50 + 30 + 999); world 0101 = 50 + 20 = 70, world total 200.
    assert got.loc[("X", "0101"), "export_usd"] == 50
    assert got.loc[("X", "0101"), "rca"] == pytest.approx((50 / 100) / (70 / 200))


def test_only_the_finest_hs_level_of_a_source_is_used():
    # The same trade as a chapter total (HS2, 100) and as two HS6 lines (40 + 60): never summed.
    frame = pd.concat(
        [
            canonical_rows([("X", "Y", "01", 100.0)], hs_level=2),
            canonical_rows([("X", "Y", "010101", 40.0), ("X", "Y", "010102", 60.0), ("Y", "X", "020101", 50.0)]),
        ]
    )
    con, flows = duckdb_flows(frame)
    got = con.execute(indices.rca(flows, level=2, **KW)).set_index(["exporter", "hs_code"])
    assert got.loc[("X", "01"), "export_usd"] == 100  # 40 + 60, not 200
    assert got.export_usd.sum() == 150


def test_trade_intensity_by_hand(worked):
    con, flows = worked
    ab = con.execute(indices.trade_intensity(flows, "A", "B", **KW)).iloc[0]
    # (x_AB / X_A) / (M_B / M_w) = (50 / 100) / (100 / 300) = 1.5
    assert ab.pair_usd == 50 and ab.exporter_total_usd == 100 and ab.importer_total_usd == 100
    assert ab.tii == pytest.approx(1.5)
    ca = con.execute(indices.trade_intensity(flows, "C", "A", **KW)).iloc[0]
    # (50 / 100) / (90 / 300) = 0.5 / 0.3 = 5/3
    assert ca.tii == pytest.approx(5 / 3)


def test_trade_intensity_is_sectoral_with_a_lens_and_null_when_undefined(worked):
    con, flows = worked
    # p3 only: B imports no p3 at all, so B's share in world p3 imports is 0 and the index is
    # undefined (NULL), not an error and not infinity.
    p3 = con.execute(indices.trade_intensity(flows, "A", "B", level=6, lens=[P3], **KW)).iloc[0]
    assert pd.isna(p3.tii)
    # A -> C in p3 only: (30 / 30) / (70 / 120) = 12/7
    ac = con.execute(indices.trade_intensity(flows, "A", "C", level=6, lens=[P3], **KW)).iloc[0]
    assert ac.tii == pytest.approx(12 / 7)
    nobody = con.execute(indices.trade_intensity(flows, "Z", "A", **KW)).iloc[0]
    assert pd.isna(nobody.tii)


def test_trade_complementarity_by_hand(worked):
    con, flows = worked
    ab = con.execute(indices.trade_complementarity(flows, "A", "B", level=6, **KW)).iloc[0]
    # A export shares (0.6, 0.1, 0.3); B import shares (0.7, 0.3, 0)
    # Σ|m − x| = 0.1 + 0.2 + 0.3 = 0.6 -> 100 × (1 − 0.6 / 2) = 70
    assert ab.tc == pytest.approx(70.0)
    bc = con.execute(indices.trade_complementarity(flows, "B", "C", level=6, **KW)).iloc[0]
    # B export shares (11, 55, 44)/110; C import shares (20, 20, 70)/110
    # Σ|m − x| = (9 + 35 + 26)/110 = 7/11 -> 100 × (1 − 7/22) = 1500/22
    assert bc.tc == pytest.approx(1500 / 22)


def test_trade_complementarity_is_null_when_a_side_has_no_data(worked):
    con, flows = worked
    got = con.execute(indices.trade_complementarity(flows, "A", "NOWHERE", level=6, **KW)).iloc[0]
    assert pd.isna(got.tc)


def test_grubel_lloyd_per_product_and_trade_weighted(worked):
    con, flows = worked
    per = con.execute(indices.intra_industry(flows, "A", level=6, **KW)).set_index("hs_code")
    # A with the world: x = (60, 10, 30), m = (10, 30, 50)
    assert per.loc[P1, "gl"] == pytest.approx(1 - 50 / 70)  # 2/7
    assert per.loc[P2, "gl"] == pytest.approx(1 - 20 / 40)  # 0.5
    assert per.loc[P3, "gl"] == pytest.approx(1 - 20 / 80)  # 0.75
    total = con.execute(indices.intra_industry_total(flows, "A", level=6, **KW)).iloc[0]
    # 1 − (50 + 20 + 20) / (70 + 40 + 80) = 100/190, = Σ gl_k × (x_k + m_k) / Σ(x + m)
    assert total.gl == pytest.approx(100 / 190)
    assert total.gl == pytest.approx((2 / 7 * 70 + 0.5 * 40 + 0.75 * 80) / 190)


def test_grubel_lloyd_with_one_partner(worked):
    con, flows = worked
    per = con.execute(indices.intra_industry(flows, "A", "B", level=6, **KW)).set_index("hs_code")
    # A→B (40, 10, 0), B→A (10, 30, 0): p3 has no trade either way, so no row.
    assert list(per.index) == [P1, P2]
    assert per.loc[P1, "gl"] == pytest.approx(1 - 30 / 50)  # 0.4
    assert per.loc[P2, "gl"] == pytest.approx(1 - 20 / 40)  # 0.5
    total = con.execute(indices.intra_industry_total(flows, "A", "B", level=6, **KW)).iloc[0]
    assert total.gl == pytest.approx(1 - 50 / 90)  # 4/9
    assert (total.export_usd, total.import_usd) == (50, 40)


def test_market_concentration_by_hand(worked):
    con, flows = worked
    b = con.execute(indices.market_concentration(flows, "B", **KW)).iloc[0]
    # B's export markets: A 40, C 60 -> 0.16 + 0.36 = 0.52; normalised (0.52 − 1/2) / (1 − 1/2) = 0.04
    assert b.units == 2
    assert b.hhi == pytest.approx(0.52)
    assert b.hhi_normalised == pytest.approx(0.04)
    c = con.execute(indices.market_concentration(flows, "C", direction="import", **KW)).iloc[0]
    # C's suppliers: A 50, B 60 -> (25 + 36)/121 = 61/121; normalised (61/121 − 1/2) × 2 = 1/121
    assert c.hhi == pytest.approx(61 / 121)
    assert c.hhi_normalised == pytest.approx(1 / 121)
    a = con.execute(indices.market_concentration(flows, "A", over="product", level=6, **KW)).iloc[0]
    # A's export products: 0.6² + 0.1² + 0.3² = 0.46; normalised (0.46 − 1/3) / (2/3) = 0.19
    assert a.hhi == pytest.approx(0.46)
    assert a.hhi_normalised == pytest.approx(0.19)


def test_market_concentration_of_a_single_market_is_one():
    con, flows = duckdb_flows(canonical_rows([("X", "Y", P1, 5.0), ("X", "Y", P2, 7.0)]))
    got = con.execute(indices.market_concentration(flows, "X", **KW)).iloc[0]
    assert (got.units, got.hhi, got.hhi_normalised) == (1, 1.0, 1.0)


def test_bad_level_and_direction_are_refused_with_one_line(worked):
    _, flows = worked
    with pytest.raises(BilatError, match="HS level must be 2, 4 or 6"):
        indices.rca(flows, level=3, **KW)
    with pytest.raises(BilatError, match="direction must be"):
        indices.market_concentration(flows, "A", direction="both", **KW)


def _all_expressions(flows: ibis.Table) -> dict[str, ibis.Expr]:
    return {
        "rca": indices.rca(flows, level=6, **KW).select("exporter", "hs_code", "rca"),
        "tii": indices.trade_intensity(flows, "A", "B", **KW).select("tii"),
        "tc": indices.trade_complementarity(flows, "B", "C", level=6, **KW).select("tc"),
        "gl": indices.intra_industry(flows, "A", level=6, **KW).select("hs_code", "gl"),
        "gl_total": indices.intra_industry_total(flows, "A", "B", level=6, **KW).select("gl"),
        "hhi": indices.market_concentration(flows, "C", direction="import", **KW).select("hhi", "hhi_normalised"),
        "potential": export_potential(flows, "A", "C", level=6, min_rca=0.0, **KW).select(
            "hs_code", "supply", "demand", "ease", "potential_usd", "untapped_usd", "rank"
        ),
    }


@pytest.mark.spark
def test_indices_give_the_same_numbers_on_spark_and_duckdb(worked, spark_session):
    con, flows = worked
    session = spark_session
    frame = canonical_rows(WORKED)
    spark_types = {"SMALLINT": "smallint", "VARCHAR": "string", "TINYINT": "tinyint", "DOUBLE": "double"}
    ddl = ", ".join(f"{name} {spark_types[sql]}" for name, sql in PRODUCT_FLOWS.items())
    records = [tuple(None if pd.isna(v) else v for v in row) for row in frame.itertuples(index=False)]
    session.createDataFrame(records, ddl).createOrReplaceTempView("product_flows")
    spark = ibis.pyspark.connect(session)
    try:
        spark_flows = spark.table("product_flows")
        duck_exprs = _all_expressions(flows)
        spark_exprs = _all_expressions(spark_flows)
        for name, duck_expr in duck_exprs.items():
            expected = con.execute(duck_expr)
            got = spark.execute(spark_exprs[name])
            keys = [c for c in expected.columns if expected[c].dtype == object]
            if keys:
                expected = expected.sort_values(keys).reset_index(drop=True)
                got = got.sort_values(keys).reset_index(drop=True)
            pd.testing.assert_frame_equal(got, expected, check_dtype=False, obj=name)
    finally:
        session.catalog.dropTempView("product_flows")
