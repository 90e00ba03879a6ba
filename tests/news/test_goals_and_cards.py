"""Goals declared in an article reach the tracker, the report and the API; the check reads at 80 columns.

Uses the founding 2017 Israel–Japan article (it declares "double the trade"), skipped with a
reason when ../shared/examples is absent.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

ARTICLE = "israel_japan_agreements_2017.txt"
VERDICTS = {"achieved", "on track", "behind", "missed", "no data yet", "no base value"}


def _bilat(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BILAT_HOME": str(home), "COLUMNS": "80"}
    return subprocess.run([sys.executable, "-m", "bilat.cli", *args], capture_output=True, text=True, env=env,
                          timeout=300)


@pytest.fixture()
def home_with_article(tmp_path: Path, shared_examples: Path) -> Path:
    home = tmp_path / "home"
    run = _bilat(home, "news", "add", str(shared_examples / "news" / ARTICLE))
    assert run.returncode == 0, run.stderr
    assert "goal #1 tracked" in run.stdout
    return home


def test_a_goal_an_article_declares_is_tracked_with_its_origin(home_with_article: Path) -> None:
    run = _bilat(home_with_article, "target", "status", "--format", "json")
    assert run.returncode == 0, run.stderr
    (status,) = json.loads(run.stdout)
    assert status["target"]["a"] == "ISR" and status["target"]["b"] == "JPN" and status["target"]["multiplier"] == 2.0
    assert status["verdict"] in VERDICTS
    assert [o["origin"] for o in status["target"]["origins"]] == [f"article #1 ({ARTICLE})"]
    assert "double" in status["target"]["origins"][0]["quote"]


def test_the_same_article_added_twice_is_one_goal(home_with_article: Path, shared_examples: Path) -> None:
    _bilat(home_with_article, "news", "add", str(shared_examples / "news" / ARTICLE))
    listed = json.loads(_bilat(home_with_article, "target", "list", "--format", "json").stdout)
    assert len(listed) == 1


def test_the_report_and_the_api_show_the_articles_goal(home_with_article: Path, tmp_path: Path) -> None:
    from bilat.catalog import Store
    from bilat.web import create_app

    out = tmp_path / "r.json"
    run = _bilat(home_with_article, "report", "ISR", "JPN", "--format", "json", "--out", str(out))
    assert run.returncode == 0, run.stderr
    paragraphs = json.loads(out.read_text(encoding="utf-8"))["sections"]["targets"]["paragraphs"]
    assert any(f"article #1 ({ARTICLE})" in p for p in paragraphs)
    assert any(p.startswith("Verdict: ") for p in paragraphs)
    with TestClient(create_app(Store(home_with_article), cache_entries=0)) as client:
        rows = client.get("/api/targets/status", params={"pair": "ISR-JPN"}).json()["data"]
    stored = [r for r in rows if r.get("id") is not None]
    assert len(stored) == 1 and stored[0]["verdict"] in VERDICTS
    assert stored[0]["origins"][0]["origin"] == f"article #1 ({ARTICLE})"
    assert len(rows) == 1, "the founding seed is the same goal: it is not listed a second time"


def test_news_check_at_80_columns_shows_every_value_and_verdict(home_with_article: Path) -> None:
    cards = _bilat(home_with_article, "news", "check")
    assert cards.returncode == 0, cards.stderr
    rows = json.loads(_bilat(home_with_article, "news", "check", "--format", "json").stdout)
    assert rows
    assert all(len(line) <= 80 for line in cards.stdout.splitlines()), "a line is wider than the terminal"
    assert "…" not in cards.stdout
    for row in rows:
        assert f"“{row['claim']}”" in cards.stdout
        assert row["verdict"].replace("_", " ").upper() in cards.stdout
        assert row["why"]
    checked = [r for r in rows if r["verdict"] != "not_checkable"]
    assert checked and all(isinstance(r["year"], int) for r in checked)
    for row in (r for r in checked if r["deviation_unit"] == "fraction"):
        assert row["deviation_pct"] == pytest.approx(row["deviation"] * 100)
        assert f"{row['deviation_pct']:+.1f} %" in cards.stdout
