"""Full bilateral composition: on real BACI rows (South Africa's exports) and on generated BACI data."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from typer.testing import CliRunner

from bilat import pair_api
from bilat.cli.app import app
from bilat.schema import TABLES

runner = CliRunner()


@pytest.fixture
def baci_store(shared_data: Path) -> list[Path]:
    """The real BACI fixture rows ingested into the test's fresh store."""
    from bilat.store import open_store

    store = open_store()
    store.ingest("baci", shared_data / "baci_fixture_iopspackage" / "BACI_HS17_Y2020_V202301_exporters_4_710.csv.gz")
    return store.data_files("product_flows")


def test_profile_on_real_baci_rows_gives_full_composition(baci_store):
    p = pair_api.profile("ZAF", "JPN", top=5)
    assert p.source == "baci" and p.composition_source == "baci" and p.composition_complete
    chapters = p.composition[(p.composition.level == "chapter") & (p.composition.exporter == "ZAF")]
    files = ", ".join(f"'{f}'" for f in baci_store)
    expected = duckdb.sql(
        f"SELECT left(hs_code, 2) c, sum(value_usd) v FROM read_parquet([{files}]) WHERE exporter = 'ZAF'"
        f" AND importer = 'JPN' AND year = 2020 GROUP BY c ORDER BY v DESC LIMIT 5"
    ).fetchall()
    assert list(chapters.code) == [c for c, _ in expected]
    assert list(chapters.value_usd) == pytest.approx([v for _, v in expected])
    (total,), = duckdb.sql(f"SELECT sum(value_usd) FROM read_parquet([{files}]) WHERE exporter = 'ZAF' AND importer = 'JPN'").fetchall()
    assert chapters.share.iloc[0] == pytest.approx(expected[0][1] / total)
    # HHI over headings, recomputed with pandas.
    rows = duckdb.sql(f"SELECT left(hs_code, 4) h, sum(value_usd) v FROM read_parquet([{files}]) WHERE exporter = 'ZAF'"
                      f" AND importer = 'JPN' GROUP BY h").df()
    shares = rows.v / rows.v.sum()
    assert p.hhi[p.hhi.exporter == "ZAF"].hhi.iloc[0] == pytest.approx(float((shares**2).sum()))


def test_report_json_on_real_baci_rows_has_the_composition_tables(baci_store, tmp_path):
    out = tmp_path / "zaf.json"
    result = runner.invoke(app, ["report", "ZAF", "JPN", "--format", "json", "--out", str(out), "--lens", "robotics"])
    assert result.exit_code == 0, result.output
    tables = json.loads(out.read_text(encoding="utf-8"))["sections"]["composition"]["tables"]
    assert {"composition_section", "composition_chapter", "composition_heading", "hhi"} <= set(tables)
    assert all(r["source"] == "baci" for r in tables["composition_heading"])


@pytest.fixture
def generated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> pd.DataFrame:
    """Generated BACI-shaped rows for two years, served as the embedded dataset."""
    from bilat.synth import generate_baci_frames

    frame = generate_baci_frames([2019, 2020], rows_per_year=50_000, seed=1).to_pandas()
    folder = tmp_path / "embedded"
    folder.mkdir()
    con = duckdb.connect()
    con.register("frame", frame)
    con.execute(f"COPY frame TO '{folder / 'product_flows.parquet'}' (FORMAT parquet)")
    for table in ("country_flows", "indicators"):
        cols = ", ".join(f"CAST(NULL AS {t}) AS {c}" for c, t in TABLES[table].items())
        con.execute(f"COPY (SELECT {cols} WHERE FALSE) TO '{folder / (table + '.parquet')}' (FORMAT parquet)")
    con.close()
    import bilat.engines.base
    import bilat.settings

    monkeypatch.setattr(bilat.engines.base, "EMBEDDED_DIR", folder)
    monkeypatch.setattr(bilat.settings, "EMBEDDED_DIR", folder)
    return frame


def test_profile_on_generated_baci_data(generated):
    pairs = generated.groupby(["exporter", "importer"]).size().rename("n").reset_index()
    both = pairs.merge(pairs, left_on=["exporter", "importer"], right_on=["importer", "exporter"])
    a, b = both.sort_values("n_x", ascending=False)[["exporter_x", "importer_x"]].iloc[0]
    p = pair_api.profile(a, b)
    flows = p.flows.set_index("year")
    expected = generated[(generated.exporter == a) & (generated.importer == b)].groupby("year").value_usd.sum()
    assert flows[f"{a}_to_{b}_usd"].to_dict() == pytest.approx(expected.to_dict())
    assert p.composition_complete
    sections = p.composition[(p.composition.level == "section") & (p.composition.year == 2020) & (p.composition.exporter == a)]
    assert sections.share.sum() <= 1.0 + 1e-9
    assert sections.value_usd.is_monotonic_decreasing
    # Shares and ranks come from the generated matrix itself (no DOTS loaded).
    assert p.shares_source == "baci"
