"""The Comtrade API client, run against recorded responses served through comtradeapicall's own HTTP layer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bilat.engines import open_engine
from bilat.sources.comtrade_api import ComtradeApiError, comtrade_code, fetch_comtrade
from bilat.store import Store
from sources_helpers import RECORDED

RECORDS = json.loads((RECORDED / "comtrade_plus_isr_jpn_hs27_hs44.json").read_text(encoding="utf-8"))["data"]


class FakeResponse:
    def __init__(self, status: int, body: bytes) -> None:
        self.status = status
        self.data = body


class RecordedComtrade:
    """Stands in for urllib3.PoolManager inside comtradeapicall: answers from the recorded rows.

    ``failures`` are (status, recorded body file) answered first, in order.
    """

    def __init__(self, failures: list[tuple[int, str]] | None = None) -> None:
        self.failures = list(failures or [])
        self.calls: list[tuple[str, dict[str, str]]] = []

    def __call__(self, *args: object, **kwargs: object) -> RecordedComtrade:  # urllib3.PoolManager()
        return self

    def request(self, method: str, url: str, fields: dict[str, object], timeout: float) -> FakeResponse:
        fields = {k: str(v) for k, v in fields.items()}
        self.calls.append((url, fields))
        if self.failures:
            status, name = self.failures.pop(0)
            return FakeResponse(status, (RECORDED / name).read_bytes())
        wanted = {
            "refYear": set(fields["period"].split(",")),
            "reporterCode": set(fields["reportercode"].split(",")),
            "partnerCode": set(fields["partnerCode"].split(",")),
            "cmdCode": set(fields["cmdCode"].split(",")),
            "flowCode": set(fields["flowCode"].split(",")),
        }
        data = [r for r in RECORDS if all(str(r[k]) in v for k, v in wanted.items())]
        return FakeResponse(200, json.dumps({"count": len(data), "data": data, "error": ""}).encode())


@pytest.fixture
def api(monkeypatch: pytest.MonkeyPatch) -> RecordedComtrade:
    import comtradeapicall.PreviewGet as preview

    fake = RecordedComtrade()
    monkeypatch.setattr(preview.urllib3, "PoolManager", fake)
    monkeypatch.delenv("COMTRADE_API_KEY", raising=False)
    return fake


def test_fetch_writes_a_file_the_loader_ingests(api: RecordedComtrade, tmp_path: Path, store: Store) -> None:
    out = fetch_comtrade("JPN", "ISR", [2013, 2016], tmp_path / "jpn_isr.json", cmd_codes=["27", "44"], api_key="k")
    url, fields = api.calls[0]
    assert url.endswith("/data/v1/get/C/A/HS")
    assert (fields["reportercode"], fields["partnerCode"], fields["period"], fields["subscription-key"]) == ("392", "376", "2013,2016", "k")
    store.ingest("comtrade", out)
    with open_engine(store=store, include_embedded=False) as engine:
        got = engine.sql("SELECT year, flow, hs_code, value_usd FROM product_flows ORDER BY ALL")
    expected = sorted(
        (r["refYear"], r["flowCode"], r["cmdCode"], r["primaryValue"]) for r in RECORDS if r["reporterCode"] == 392
    )
    assert [tuple(r) for r in got.itertuples(index=False)] == expected
    assert len(expected) == 8


def test_rate_limit_is_retried_with_exponential_backoff(api: RecordedComtrade, tmp_path: Path) -> None:
    api.failures = [(429, "rate_limit_429.json"), (429, "rate_limit_429.json")]
    waits: list[float] = []
    out = fetch_comtrade("ISR", "JPN", [2016], tmp_path / "isr.json", cmd_codes=["27"], backoff=1.5, sleep=waits.append)
    assert waits == [1.5, 3.0]
    assert len(api.calls) == 3
    assert json.loads(out.read_text())["count"] == 1  # Israel's 2016 HS27 import from Japan


def test_rate_limit_gives_up_after_the_retries(api: RecordedComtrade, tmp_path: Path) -> None:
    api.failures = [(429, "rate_limit_429.json")] * 3
    with pytest.raises(ComtradeApiError, match="kept failing after 3 attempts.*Rate limit"):
        fetch_comtrade("ISR", "JPN", [2016], tmp_path / "x.json", retries=2, sleep=lambda s: None)
    assert not (tmp_path / "x.json").exists()


def test_refused_key_stops_at_once(api: RecordedComtrade, tmp_path: Path) -> None:
    api.failures = [(401, "invalid_key_401.json")]
    with pytest.raises(ComtradeApiError, match="HTTP 401.*invalid subscription key"):
        fetch_comtrade("ISR", "JPN", [2016], tmp_path / "x.json", api_key="bad", sleep=lambda s: None)
    assert len(api.calls) == 1


def test_years_are_split_under_the_per_call_cap(api: RecordedComtrade, tmp_path: Path) -> None:
    fetch_comtrade("JPN", "ISR", range(2013, 2017), tmp_path / "x.json", max_years_per_call=3)
    assert [f["period"] for _, f in api.calls] == ["2013,2014,2015", "2016"]
    assert "/public/v1/preview/" in api.calls[0][0]  # no key: the public preview endpoint


def test_answers_at_the_record_cap_are_split_by_year(api: RecordedComtrade, tmp_path: Path) -> None:
    # Each year holds 4 of Japan's records; a cap of 5 truncates the two-year call, not the one-year ones.
    out = fetch_comtrade("JPN", "ISR", [2013, 2016], tmp_path / "x.json", cmd_codes=["27", "44"], max_records=5)
    assert [f["period"] for _, f in api.calls] == ["2013,2016", "2013", "2016"]
    assert json.loads(out.read_text())["count"] == 8


def test_comtrade_codes_follow_the_api_lists() -> None:
    assert (comtrade_code("USA"), comtrade_code("Israel"), comtrade_code("WLD"), comtrade_code("JPN")) == (842, 376, 0, 392)
