"""One session, one question layer: the faces print the same answers, a plug-in source answers questions.

The plug-in is a real installed distribution as far as ``importlib.metadata`` can tell: a
``*.dist-info`` folder with an ``entry_points.txt`` on ``sys.path`` (and on ``PYTHONPATH`` for the
CLI run in a subprocess), naming a loader class written in ``tmp_path``. Its figures are invented
and differ from IMF DOTS, so an answer that comes from it cannot come from anywhere else.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import warnings
from pathlib import Path

import pytest

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

PLUGIN = textwrap.dedent('''
    """A test loader: yearly exports as "year,exporter,importer,usd"."""
    from bilat.sources._raw import load_raw_csv
    from bilat.sources.base import Staged
    from bilat.sources.traits import SourceTraits


    class PartnerTotals:
        name = "partner_totals"
        table = "country_flows"
        description = "year,exporter,importer,usd (a test plug-in)"
        traits = SourceTraits("partner_totals", "country_flows", "reported by the exporter (FOB)", 5,
                              total_rule="reported_exports", all_partners=False, label="test plug-in")

        def stage(self, con, ctx):
            cols = load_raw_csv(con, ctx, ["year", "exporter", "importer", "usd"])
            con.execute(
                f"CREATE TABLE staged AS SELECT _line, TRY_CAST({cols['year']} AS SMALLINT) AS year, "
                f"{cols['exporter']} AS reporter, {cols['importer']} AS partner, 'X' AS flow, "
                f"TRY_CAST({cols['usd']} AS DOUBLE) AS value_usd, 'FOB' AS valuation, "
                f"'partner_totals' AS source FROM raw"
            )
            return Staged("staged", {"year": "year", "reporter": "exporter", "partner": "importer", "value_usd": "usd"})
''')

#: Israel's exports to Iceland in 2019 as the plug-in's file has them (invented, not DOTS's figure).
ISR_ISL_2019 = 123_456_789.0


@pytest.fixture()
def plugin_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A store with the plug-in's file ingested, the plug-in importable in and out of process."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "bilat_test_plugin.py").write_text(PLUGIN, encoding="utf-8")
    info = site / "bilat_test_plugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: bilat-test-plugin\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[bilat.sources]\npartner_totals = bilat_test_plugin:PartnerTotals\n",
                                          encoding="utf-8")
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH")])))
    home = tmp_path / "home"
    monkeypatch.setenv("BILAT_HOME", str(home))
    data = tmp_path / "partner_totals.csv"
    data.write_text(f"year,exporter,importer,usd\n2019,ISR,ISL,{ISR_ISL_2019}\n2019,ISL,ISR,7654321\n", encoding="utf-8")
    from bilat.catalog import Store
    from bilat.ingest import ingest_file

    result = ingest_file(Store(home), "partner_totals", data)
    assert result.rows == 2
    return home


def _bilat(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bilat.cli", *args], capture_output=True, text=True,
                          env={**os.environ, "COLUMNS": "120"}, timeout=300)


def test_a_plugin_source_with_traits_answers_bilat_flows(plugin_home: Path) -> None:
    run = _bilat("flows", "ISR", "ISL", "--years", "2019", "--format", "json")
    assert run.returncode == 0, run.stderr
    rows = json.loads(run.stdout)
    assert {r["source"] for r in rows} == {"partner_totals"}
    ab = [r for r in rows if r["exporter"] == "ISR" and r["importer"] == "ISL"]
    assert ab[0]["value_usd"] == pytest.approx(ISR_ISL_2019)


def test_a_plugin_source_with_traits_answers_the_fact_check(plugin_home: Path) -> None:
    from bilat.news import TradeFacts, check_claims, extract
    from bilat.session import Session

    claims = extract("Israel's exports to Iceland came to $123.5 million in 2019, officials said.").claims
    assert claims, "the sentence should give one export claim"
    with Session(plugin_home) as s:
        verdicts = check_claims(claims, TradeFacts.from_engine(s.engine))
    assert verdicts[0].source == "partner_totals"
    assert verdicts[0].data_value == pytest.approx(ISR_ISL_2019)
    assert verdicts[0].verdict == "consistent"


def test_profile_json_is_the_same_from_the_cli_and_the_api(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bilat.catalog import Store
    from bilat.web import create_app

    monkeypatch.setenv("BILAT_HOME", str(tmp_path / "home"))
    run = _bilat("profile", "ISR", "JPN", "--years", "2010-2020", "--format", "json")
    assert run.returncode == 0, run.stderr
    cli = json.loads(run.stdout)
    with TestClient(create_app(Store(tmp_path / "home"), cache_entries=0)) as client:
        api = client.get("/api/profile/ISR/JPN", params={"years": "2010-2020"}).json()
    assert {t["table"] for t in cli["data"]} >= {"pair", "flows", "cagr", "shares", "composition"}
    assert cli == {k: api[k] for k in cli}


def test_targets_are_read_from_the_sessions_store_not_bilat_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bilat.questions import add_target, list_targets
    from bilat.session import Session

    monkeypatch.setenv("BILAT_HOME", str(tmp_path / "elsewhere"))
    with Session(tmp_path / "mine") as s:
        add_target("ISR", "JPN", multiplier=2, base_year=2016, by_year=2022, session=s)
        assert len(list_targets(session=s)) == 1
    assert len(list_targets()) == 0  # $BILAT_HOME's store was never touched
