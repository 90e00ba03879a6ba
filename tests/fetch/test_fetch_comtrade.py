"""``bilat fetch comtrade``: the API client's answer, written to a file and ingested as source ``comtrade``.

The API is replaced at comtradeapicall's own HTTP layer (its ``urllib3.PoolManager``) by a stand-in
that answers with the recorded Israel-Japan rows in tests/data/recorded, filtered by the query.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from bilat.cli import app
from bilat.fetch import fetch_comtrade_pair
from bilat.store import Store

RECORDED = Path(__file__).resolve().parents[1] / "data" / "recorded" / "comtrade_plus_isr_jpn_hs27_hs44.json"
ROWS = json.loads(RECORDED.read_text(encoding="utf-8"))["data"]


class _Answer:
    def __init__(self, body: dict) -> None:
        self.status = 200
        self.data = json.dumps(body).encode()


class RecordedApi:
    """Plays urllib3.PoolManager: each GET answers the recorded rows that match its query fields."""

    def __init__(self) -> None:
        self.queries: list[dict[str, str]] = []
        self.urls: list[str] = []

    def __call__(self, *args: object, **kwargs: object) -> RecordedApi:
        return self

    def request(self, method: str, url: str, fields: dict[str, object], timeout: float) -> _Answer:
        query = {k: str(v) for k, v in fields.items()}
        self.queries.append(query)
        self.urls.append(url)
        match = {
            "refYear": query["period"].split(","),
            "reporterCode": query["reportercode"].split(","),
            "partnerCode": query["partnerCode"].split(","),
            "cmdCode": query["cmdCode"].split(","),
            "flowCode": query["flowCode"].split(","),
        }
        rows = [r for r in ROWS if all(str(r[key]) in wanted for key, wanted in match.items())]
        return _Answer({"count": len(rows), "data": rows, "error": ""})


@pytest.fixture
def api(monkeypatch: pytest.MonkeyPatch) -> RecordedApi:
    import urllib3

    fake = RecordedApi()
    monkeypatch.setattr(urllib3, "PoolManager", fake)
    monkeypatch.delenv("COMTRADE_API_KEY", raising=False)
    return fake


def _stored_rows(store: Store) -> list[tuple]:
    files = [str(p) for p in store.data_files("product_flows")]
    if not files:
        return []
    con = duckdb.connect()
    try:
        return con.execute(
            f"SELECT year, reporter, flow, hs_code, value_usd FROM read_parquet({files!r}) ORDER BY ALL"
        ).fetchall()
    finally:
        con.close()


def test_fetch_comtrade_command_downloads_with_the_key_and_ingests(
    api: RecordedApi, bilat_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COMTRADE_API_KEY", "secret-key")
    result = CliRunner().invoke(app, ["fetch", "comtrade", "Japan", "ISR", "--years", "2013-2016", "--cmd", "27", "--cmd", "44"])
    assert result.exit_code == 0, result.output
    query = api.queries[0]
    assert (query["subscription-key"], query["reportercode"], query["partnerCode"], query["period"], query["cmdCode"]) == (
        "secret-key", "392", "376", "2013,2014,2015,2016", "27,44",
    )
    japan = sorted(
        (r["refYear"], "JPN", r["flowCode"], r["cmdCode"], float(r["primaryValue"])) for r in ROWS if r["reporterCode"] == 392
    )
    assert f"{len(japan)} records" in result.output
    assert f"stored {len(japan)} rows into product_flows" in result.output
    stored = [(y, rep, flow, code, v) for y, rep, flow, code, v in _stored_rows(Store(bilat_home))]
    assert stored == japan
    assert (bilat_home / "downloads" / "comtrade_JPN_ISR_2013-2016_27-44.json").exists()


def test_no_ingest_writes_the_file_and_leaves_the_store_alone(api: RecordedApi, tmp_path: Path, bilat_home: Path) -> None:
    result = fetch_comtrade_pair("ISR", "JPN", [2016], cmd_codes=["44"], dest=tmp_path, ingest=False)
    assert result.ingest is None
    expected = [r for r in ROWS if r["reporterCode"] == 376 and r["refYear"] == 2016 and r["cmdCode"] == "44"]
    assert result.records == len(expected) == 2
    assert json.loads(result.path.read_text())["count"] == 2
    assert "/public/v1/preview/" in api.urls[0]  # no COMTRADE_API_KEY: the public preview endpoint
    assert _stored_rows(Store(bilat_home)) == []


def test_empty_answer_is_reported_and_not_ingested(api: RecordedApi, bilat_home: Path) -> None:
    result = CliRunner().invoke(app, ["fetch", "comtrade", "ISR", "JPN", "--years", "2010", "--cmd", "27"])
    assert result.exit_code == 0, result.output
    assert "0 records" in result.output and "nothing to ingest" in result.output
    assert _stored_rows(Store(bilat_home)) == []


def test_bad_years_are_one_line_errors(api: RecordedApi) -> None:
    result = CliRunner().invoke(app, ["fetch", "comtrade", "ISR", "JPN", "--years", "twenty"])
    assert result.exit_code == 1
    assert "years must look like" in result.output
    assert api.queries == []
