"""National totals with the World (embedded UN Comtrade totals) in the fact-check and the profile.

Why: a claim of a country's total exports must get a real verdict where the data hold the year
(2010-2021), say why not where they do not, and read as words ("total exports"), not a code; and
the profile's shares of a country's own total must reach the years after COW ends (2014), each
naming the total's source (where data are partial, say so beside the figure).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE = (
    "JERUSALEM, May 2, 2022 -- Israel's total exports reached $50 billion in 2020, the economy ministry said.\n\n"
    "TOKYO, May 2, 2024 -- Japan's total exports reached $717 billion in 2023, the finance ministry said.\n"
)


def _bilat(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bilat.cli", *args], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "BILAT_HOME": str(home), "COLUMNS": "200"})


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("world_totals")
    for n, text in enumerate(ARTICLE.split("\n\n")):
        path = home / f"article_{n}.txt"
        path.write_text(text, encoding="utf-8")
        added = _bilat(home, "news", "add", str(path))
        assert added.returncode == 0, added.stderr
    return home


def test_total_exports_get_a_verdict_in_range_and_a_reason_out_of_it(home: Path) -> None:
    run = _bilat(home, "news", "check", "--format", "json")
    assert run.returncode == 0, run.stderr
    rows = {r["year"]: r for r in json.loads(run.stdout) if r["measure"] == "exports_total"}
    assert set(rows) == {2020, 2023}, rows
    # Israel's declared 2020 exports to the World: 50,153.2 M USD (shared/data/PROVENANCE.md §10).
    assert rows[2020]["verdict"] == "consistent" and rows[2020]["source"] == "comtrade_world"
    assert rows[2020]["data_usd"] == pytest.approx(50_153.2e6, rel=1e-4)
    late = rows[2023]
    assert late["verdict"] == "not_checkable"
    assert "outside the years the data hold for JPN" in late["why"] and "2010-2021" in late["why"], late["why"]


def test_the_claim_card_reads_total_exports(home: Path) -> None:
    run = _bilat(home, "news", "check")
    assert run.returncode == 0, run.stderr
    assert "total exports ISR, 2020" in run.stdout and "total exports JPN, 2023" in run.stdout
    assert "exports_total " not in run.stdout


def test_profile_shares_of_the_declared_total_reach_2020_with_their_source(home: Path) -> None:
    run = _bilat(home, "profile", "ISR", "JPN")
    assert run.returncode == 0, run.stderr
    assert "share of the country's own declared total, 2020:" in run.stdout
    assert "ISR in JPN's imports 0.15 % (comtrade_world)" in run.stdout  # 928.7 M over Japan's declared 2020 imports
    assert "JPN imports 2010-2020: comtrade_world" in run.stdout and "JPN imports 1960-2009: cow" in run.stdout
