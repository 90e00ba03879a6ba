"""Untapped export potential on the worked example of test_indices (repeated here to stay readable).

    exporter → importer   p1   p2   p3          exports  A: 60 10 30 = 100
    A → B                 40   10    0                   B: 10 50 40 = 100
    A → C                 20    0   30                   C: 30 20 50 = 100
    B → A                 10   30    0          imports  A: 10 30 50 =  90
    B → C                  0   20   40                   B: 70 30  0 = 100
    C → A                  0    0   50                   C: 20 20 70 = 110
    C → B                 30   20    0          world    100 80 120 = 300

A's RCA: p1 1.8, p2 0.375, p3 0.75 (see test_indices).
"""

from __future__ import annotations

import ibis
import pandas as pd
import pytest

from bilat.analytics.potential import export_potential
from bilat.schema import PRODUCT_FLOWS

from worked_example import P1, P2, P3, SCHEMA, WORKED  # noqa: E402 - tests/analytics is on sys.path
KW = {"year": 2020, "source": "baci", "level": 6}


def flows_table(rows, *, source="baci", importer_world=False):
    frame = pd.DataFrame(rows, columns=["exporter", "importer", "hs_code", "value_usd"])
    frame = frame.assign(
        year=2020, reporter=None, flow="X" if importer_world else None, hs_revision=2017,
        hs_level=len(frame.hs_code.iloc[0]), quantity_t=None, valuation="FOB", source=source, file_id="t",
    )  # fmt: skip
    con = ibis.duckdb.connect()
    return con, con.create_table("product_flows", ibis.memtable(frame[list(PRODUCT_FLOWS)], schema=SCHEMA))


@pytest.fixture(scope="module")
def worked():
    con, flows = flows_table(WORKED)
    yield con, flows
    con.disconnect()


def test_potential_a_to_b_lists_products_with_advantage_only(worked):
    con, flows = worked
    got = con.execute(export_potential(flows, "A", "B", **KW))
    # Only p1 has RCA ≥ 1 (1.8).
    assert list(got.hs_code) == [P1]
    row = got.iloc[0]
    # supply = (x_A,p1 − x_AB,p1) / (X_w,p1 − M_B,p1) = (60 − 40) / (100 − 70) = 2/3
    assert row.supply == pytest.approx(2 / 3)
    # demand = B's imports of p1 = 40 + 30 = 70
    assert row.demand == 70
    # ease = TII(A→B) = (50/100) / (100/300) = 1.5 (under the cap of 3)
    assert row.ease == pytest.approx(1.5)
    # potential = 2/3 × 70 × 1.5 = 70; actual 40; untapped 30
    assert row.potential_usd == pytest.approx(70.0)
    assert row.actual_usd == 40
    assert row.untapped_usd == pytest.approx(30.0)
    assert row["rank"] == 1


def test_potential_ranks_by_untapped_value_and_never_goes_negative(worked):
    con, flows = worked
    got = con.execute(export_potential(flows, "A", "C", min_rca=0.0, **KW)).set_index("hs_code")
    ease = (50 / 100) / (110 / 300)  # 15/11
    # p1: supply (60 − 20)/(100 − 20) = 1/2, demand 20 -> potential 10 × 15/11 = 150/11 < actual 20
    assert got.loc[P1, "potential_usd"] == pytest.approx(0.5 * 20 * ease)
    assert got.loc[P1, "untapped_usd"] == 0
    # p2: supply (10 − 0)/(80 − 20) = 1/6, demand 20 -> 50/11, nothing sold yet: all untapped
    assert got.loc[P2, "supply"] == pytest.approx(1 / 6)
    assert got.loc[P2, "untapped_usd"] == pytest.approx(20 / 6 * ease)
    # p3: A sells all its p3 to C already: supply (30 − 30)/(120 − 70) = 0
    assert got.loc[P3, "supply"] == 0
    assert got.loc[P3, "untapped_usd"] == 0
    # rank 1 = largest untapped (p2); ties at 0 are ordered by HS code
    assert got["rank"].sort_values().index.tolist() == [P2, P1, P3]


def test_ease_is_capped(worked):
    con, flows = worked
    got = con.execute(export_potential(flows, "A", "B", ease_cap=1.2, **KW)).iloc[0]
    assert got.ease == pytest.approx(1.2)  # TII 1.5 capped at 1.2
    assert got.potential_usd == pytest.approx(2 / 3 * 70 * 1.2)


def test_lens_restricts_products_but_not_the_advantage_basket(worked):
    con, flows = worked
    got = con.execute(export_potential(flows, "A", "C", min_rca=0.0, lens=["02"], **KW))
    assert list(got.hs_code) == [P2]
    # RCA is still against A's whole basket: (10/100) / (80/300) = 0.375
    assert got.iloc[0].rca == pytest.approx(0.375)
    # and the ease term still describes all A→C trade: 15/11
    assert got.iloc[0].ease == pytest.approx(15 / 11)


def test_potential_is_empty_on_world_only_data():
    # Open Trade Statistics style: only exports to WLD, no bilateral rows to measure demand from.
    con, flows = flows_table([("A", "WLD", "0101", 10.0), ("B", "WLD", "0101", 5.0)], source="ots", importer_world=True)
    got = con.execute(export_potential(flows, "A", "B", year=2020, source="ots", level=4, min_rca=0.0))
    assert got.empty


# --- the CLI (bilat potential / bilat rca) on an engine holding chosen data ----------------------


class _Engine:
    """The two methods the commands use, over an in-memory DuckDB table."""

    name = "duckdb"

    def __init__(self, con):
        self.con = con

    def table(self, name):
        return self.con.table(name)

    def execute(self, expr):
        return self.con.execute(expr)

    def close(self):
        pass


def _run_cli(monkeypatch, con, args):
    from typer.testing import CliRunner

    from bilat.cli import app
    from bilat.cli import potential_cmds

    monkeypatch.setattr(potential_cmds, "_open", lambda engine: _Engine(con))
    return CliRunner().invoke(app, args)


@pytest.fixture(scope="module")
def synthetic_baci():
    from bilat.synth import generate_baci_frames

    table = generate_baci_frames([2016], rows_per_year=200_000, seed=1)
    con = ibis.duckdb.connect()
    con.create_table("product_flows", table)
    frame = table.select(["exporter", "importer"]).to_pandas()
    top_pair = frame.value_counts().index[0]
    yield con, top_pair
    con.disconnect()


def test_potential_command_ranks_untapped_products_in_json(monkeypatch, synthetic_baci):
    con, (a, b) = synthetic_baci
    result = _run_cli(monkeypatch, con, ["potential", a, b, "--year", "2016", "--top", "5", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = pd.read_json(pd.io.common.StringIO(result.stdout), dtype={"hs_code": str})
    assert list(rows["rank"]) == [1, 2, 3, 4, 5]
    assert rows.untapped_usd.is_monotonic_decreasing
    assert (rows.rca >= 1).all()
    assert rows.description.str.len().gt(0).all()
    # The same numbers as the library expression, executed directly.
    expected = con.execute(export_potential(con.table("product_flows"), a, b, year=2016, level=6, source="baci"))
    assert rows.hs_code.tolist() == expected.hs_code.head(5).tolist()
    assert rows.untapped_usd.tolist() == pytest.approx(expected.untapped_usd.head(5).tolist())


def test_rca_command_lists_top_products(monkeypatch, synthetic_baci):
    con, (a, _) = synthetic_baci
    result = _run_cli(monkeypatch, con, ["rca", a, "--level", "4", "--top", "3", "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = pd.read_csv(pd.io.common.StringIO(result.stdout), dtype={"hs_code": str})
    assert len(rows) == 3 and rows.rca.is_monotonic_decreasing
    assert rows.hs_code.str.len().eq(4).all()


def test_potential_without_bilateral_data_shows_both_advantages_and_says_why(monkeypatch, shared_data):
    raw = pd.read_csv(shared_data / "tradestatistics_economiccomplexity" / "world_trade_2017.csv.gz",
                      dtype={"product_code": str})  # fmt: skip
    frame = pd.DataFrame(
        {
            "year": raw.year, "exporter": raw.reporter_iso.str.upper(), "importer": "WLD",
            "reporter": raw.reporter_iso.str.upper(), "flow": "X", "hs_revision": 2007, "hs_code": raw.product_code,
            "hs_level": 4, "value_usd": raw.export_value_usd, "quantity_t": float("nan"), "valuation": "FOB",
            "source": "ots", "file_id": "world_trade_2017",
        }
    )  # fmt: skip
    con = ibis.duckdb.connect()
    con.create_table("product_flows", ibis.memtable(frame[list(PRODUCT_FLOWS)], schema=SCHEMA))
    result = _run_cli(monkeypatch, con, ["potential", "Israel", "Japan", "--top", "3", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = pd.read_json(pd.io.common.StringIO(result.stdout), dtype={"hs_code": str})
    assert rows.exporter.tolist() == ["ISR"] * 3 + ["JPN"] * 3
    assert (rows.rca > 1).all()
    # Japan's top RCA heading, computed here with pandas from the raw file.
    jpn = raw[raw.reporter_iso == "jpn"].dropna(subset=["export_value_usd"])
    world_p = raw.groupby("product_code").export_value_usd.sum()
    share = jpn.set_index("product_code").export_value_usd / jpn.export_value_usd.sum()
    expected_rca = (share / (world_p / raw.export_value_usd.sum())).dropna().sort_values(ascending=False)
    assert rows[rows.exporter == "JPN"].hs_code.iloc[0] == expected_rca.index[0]
    assert rows[rows.exporter == "JPN"].rca.iloc[0] == pytest.approx(expected_rca.iloc[0])
    note = " ".join(result.stderr.split())
    assert "no bilateral product flows" in note and "bilat ingest baci" in note


def test_named_lens_keeps_only_its_codes_and_matches_its_prefixes(synthetic_baci):
    from bilat.nomenclature.lenses import get_lens

    con, (a, b) = synthetic_baci
    flows = con.table("product_flows")
    medical = get_lens("medical")
    named = con.execute(export_potential(flows, a, b, year=2016, level=6, source="baci", lens="medical", min_rca=0.0))
    listed = con.execute(
        export_potential(flows, a, b, year=2016, level=6, source="baci", lens=list(medical.hs_prefixes), min_rca=0.0)
    )
    assert len(named) > 0
    assert named.hs_code.map(lambda code: code.startswith(medical.hs_prefixes)).all()
    pd.testing.assert_frame_equal(named, listed)


def test_potential_command_refuses_an_unknown_lens_in_one_line(monkeypatch, synthetic_baci):
    con, (a, b) = synthetic_baci
    result = _run_cli(monkeypatch, con, ["potential", a, b, "--lens", "no_such_sector"])
    assert result.exit_code == 1
    message = " ".join(result.stderr.split())
    assert message.startswith("error: unknown lens 'no_such_sector'") and "medical_devices" in message
    assert "Traceback" not in result.output


def test_rca_command_with_a_lens_lists_lens_products_with_economy_wide_rca(monkeypatch, synthetic_baci):
    from bilat.analytics.indices import rca
    from bilat.nomenclature.lenses import get_lens

    con, (a, _) = synthetic_baci
    result = _run_cli(monkeypatch, con, ["rca", a, "--level", "6", "--lens", "medical", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = pd.read_json(pd.io.common.StringIO(result.stdout), dtype={"hs_code": str})
    assert len(rows) > 0
    assert rows.hs_code.map(lambda code: code.startswith(get_lens("medical").hs_prefixes)).all()
    whole = con.execute(rca(con.table("product_flows"), year=2016, level=6, source="baci", exporter=a))
    expected = whole.set_index("hs_code").rca.loc[rows.hs_code]
    assert rows.rca.tolist() == pytest.approx(expected.tolist())


def test_potential_never_ranks_a_product_whose_potential_is_zero(monkeypatch, synthetic_baci):
    con, (a, b) = synthetic_baci
    expected = con.execute(export_potential(con.table("product_flows"), a, b, year=2016, level=6, source="baci"))
    positive = int((expected.potential_usd > 0).sum())
    assert (expected.potential_usd == 0).any(), "the synthetic year has zero-potential rows to leave out"
    result = _run_cli(monkeypatch, con, ["potential", a, b, "--year", "2016", "--top", str(len(expected)), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = pd.read_json(pd.io.common.StringIO(result.stdout), dtype={"hs_code": str})
    assert len(rows) == positive
    assert (rows.potential_usd > 0).all()
    assert list(rows["rank"]) == list(range(1, positive + 1))


def test_potential_on_a_baci_file_cut_to_two_chapters_ranks_its_rows_and_says_the_basket_is_partial(monkeypatch):
    # Issue #16: a BACI file holding only some chapters made `potential` say there were no
    # bilateral rows. It must rank what is there and say RCA is relative to those chapters.
    from bilat.synth import generate_baci_frames

    table = generate_baci_frames([2016], rows_per_year=200_000, seed=1)
    cut = table.filter(pa_compute_starts(table))
    con = ibis.duckdb.connect()
    con.create_table("product_flows", cut)
    frame = cut.select(["exporter", "importer"]).to_pandas()
    a, b = frame.value_counts().index[0]
    result = _run_cli(monkeypatch, con, ["potential", a, b, "--year", "2016", "--min-rca", "0", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = pd.read_json(pd.io.common.StringIO(result.stdout), dtype={"hs_code": str})
    assert len(rows) > 0 and rows.hs_code.str[:2].isin(["84", "85"]).all()
    message = " ".join(result.stderr.split())
    assert "cover only 2 of 96 HS chapters" in message and "relative to those chapters" in message
    assert "no bilateral product flows" not in message
    whole = _run_cli(monkeypatch, con, ["rca", a, "--year", "2016", "--level", "4"])
    assert "cover only 2 of 96 HS chapters" in " ".join(whole.output.split())
    con.disconnect()


def pa_compute_starts(table):
    """Rows of HS chapters 84 and 85 (a pyarrow mask)."""
    import pyarrow.compute as pc

    return pc.or_(pc.starts_with(table["hs_code"], "84"), pc.starts_with(table["hs_code"], "85"))
