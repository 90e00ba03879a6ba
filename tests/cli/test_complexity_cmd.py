"""``bilat complexity JPN ISR --year 2017``: ECI ranks equal the ``ecomplexity`` package's on the same filtered data.

The reference is computed independently: the embedded OTS 2017 rows are read straight from the
Parquet file, the Atlas-style filters of :func:`bilat.questions.complexity.filtered_exports` are
applied, and ``ecomplexity`` ranks what is left.
"""

from __future__ import annotations

import json
import warnings

import pandas as pd
import pytest
from typer.testing import CliRunner

import bilat.settings
from bilat.cli.app import app
from bilat.questions.complexity import MIN_EXPORTS, filtered_exports

runner = CliRunner()


@pytest.fixture(scope="module")
def reference() -> pd.DataFrame:
    ecomplexity = pytest.importorskip("ecomplexity").ecomplexity
    rows = pd.read_parquet(bilat.settings.EMBEDDED_DIR / "product_flows.parquet",
                           filters=[("source", "==", "ots"), ("year", "==", 2017)])
    frame = rows[(rows.importer == "WLD") & (rows.flow == "X")].groupby(["exporter", "hs_code"], as_index=False).value_usd.sum()
    frame = filtered_exports(frame.rename(columns={"value_usd": "export_usd"}))
    frame["year"] = 2017
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = ecomplexity(frame, {"time": "year", "loc": "exporter", "prod": "hs_code", "val": "export_usd"},
                          verbose=False, check_logsupermodularity=False)
    eci = out.groupby("exporter").eci.first().sort_values(ascending=False)
    return pd.DataFrame({"eci": eci, "rank": range(1, len(eci) + 1)})


def test_complexity_ranks_match_ecomplexity(reference: pd.DataFrame) -> None:
    result = runner.invoke(app, ["complexity", "JPN", "ISR", "--year", "2017", "--format", "json"])
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    rows = {r["exporter"]: r for r in answer["data"][0]["rows"]}
    assert set(rows) == {"JPN", "ISR"}
    for code in ("JPN", "ISR"):
        assert rows[code]["eci_rank"] == reference.loc[code, "rank"], code
        assert rows[code]["eci"] == pytest.approx(reference.loc[code, "eci"], abs=1e-8)
        assert rows[code]["ranked"] == len(reference)
    assert answer["data"][1]["rows"], "each country's most complex exports"


def test_complexity_filters_small_exporters_and_says_so(reference: pd.DataFrame) -> None:
    result = runner.invoke(app, ["complexity", "--year", "2017", "--format", "json"])
    answer = json.loads(result.stdout)
    ranked = [r["exporter"] for r in answer["data"][0]["rows"]]
    assert "BVT" not in ranked and ranked == list(reference.index[:10])
    assert any("under $1 bn" in f for f in answer["filters"])
    assert any("population" in f and "not applied" in f for f in answer["filters"])
    table = runner.invoke(app, ["complexity", "JPN", "ISR", "--year", "2017"])
    assert table.exit_code == 0, table.output
    assert "filter: countries with total exports under $1 bn" in table.output


def test_a_small_exporter_asked_for_says_why_it_is_not_ranked() -> None:
    result = runner.invoke(app, ["complexity", "BVT", "JPN", "--year", "2017", "--format", "json"])
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    assert [r["exporter"] for r in answer["data"][0]["rows"]] == ["JPN"]
    assert any(n.startswith("BVT is not ranked") for n in answer["notes"]), answer["notes"]
    assert MIN_EXPORTS == 1e9
