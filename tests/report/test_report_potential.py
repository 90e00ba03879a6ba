"""The report ranks untapped potential both ways once bilateral product data is loaded."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from bilat.report import build_report, render
from bilat.store import Store
from bilat.synth import generate_baci


@pytest.fixture(scope="module")
def generated_year(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("potential")
    paths = generate_baci(out, [2019], rows_per_year=200_000, seed=5)
    return next(p for p in paths if p.name.startswith("BACI_"))


def test_report_potential_tables_agree_with_the_stored_flows(bilat_home: Path, generated_year: Path) -> None:
    store = Store(bilat_home)
    store.ingest("baci", generated_year)
    report = json.loads(render(build_report("USA", "JPN"), "json"))
    section = report["sections"]["potential"]
    rows = section["tables"]["potential_USA_JPN"]
    assert rows, "a ranked list is expected when bilateral product data exists"
    assert [r["rank"] for r in rows] == list(range(1, len(rows) + 1))
    parquet = store.data_files("product_flows")[0]
    for row in rows:
        observed = duckdb.sql(
            f"SELECT coalesce(sum(value_usd), 0) FROM read_parquet('{parquet}')"
            f" WHERE exporter = 'USA' AND importer = 'JPN' AND hs_code = '{row['hs_code']}'"
        ).fetchall()[0][0]
        assert row["actual_usd"] == pytest.approx(observed)
        assert row["untapped_usd"] == pytest.approx(max(row["potential_usd"] - row["actual_usd"], 0.0))
        assert row["potential_usd"] == pytest.approx(row["supply"] * row["demand"] * row["ease"])
    assert "potential_JPN_USA" in section["tables"]


def test_report_on_embedded_data_shows_advantages_and_says_what_to_load() -> None:
    report = json.loads(render(build_report("ISR", "JPN"), "json"))
    section = report["sections"]["potential"]
    assert set(section["tables"]) == {"advantages"}
    assert {r["exporter"] for r in section["tables"]["advantages"]} == {"ISR", "JPN"}
    assert "bilat ingest baci" in section["paragraphs"][0]
