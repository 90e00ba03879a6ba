"""The pair's coverage, indices and complexity through /api: the same answers as the CLI prints."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from bilat.cli.app import app as cli


def test_profile_api_carries_coverage_headline_and_indices(full_client: TestClient) -> None:
    body = full_client.get("/api/profile/ISR/JPN").json()
    tables = {t["table"]: t for t in body["data"]}
    assert {"headline", "coverage", "indices"} <= set(tables)
    cov = {r["exporter"]: r for r in tables["coverage"]["rows"]}
    assert cov["JPN"]["is_slice"] and cov["JPN"]["chapters"] == "27, 44"
    assert cov["JPN"]["label"].startswith("HS 27 and 44: ") and cov["JPN"]["label"].endswith("of JPN→ISR 2017")
    assert 0 < cov["JPN"]["share"] < 0.5
    assert cov["JPN"]["share"] == cov["JPN"]["covered_usd"] / cov["JPN"]["flow_usd"]
    kinds = {r["index"] for r in tables["indices"]["rows"]}
    assert kinds == {"complementarity", "intra_industry", "concentration"}
    assert all("slice" in r["scope"] for r in tables["indices"]["rows"])


def test_coverage_api_says_the_uae_stopped_reporting(full_client: TestClient) -> None:
    body = full_client.get("/api/coverage/ARE/IND").json()
    heads = {r["exporter"]: r for r in body["data"] if r["table"] == "headline"}
    assert heads["IND"]["year"] == 2020 and heads["IND"]["basis"] == "reported"
    assert heads["ARE"]["reported_until"] == 1982 and "since 1982" in heads["ARE"]["note"]
    assert any("since 1982" in n for n in body["notes"])


def test_complexity_api_equals_the_cli(full_client: TestClient) -> None:
    api = full_client.get("/api/complexity/JPN/ISR?year=2017").json()
    result = CliRunner().invoke(cli, ["complexity", "JPN", "ISR", "--year", "2017", "--format", "json"])
    printed = json.loads(result.stdout)
    assert api["data"] == printed["data"]
    assert api["notes"][:3] == printed["filters"]
