"""`bilat report`, `bilat profile`, `bilat reconcile`, `bilat target` on real data slices.

The pair data are the fixture of conftest.py (real IMF DOTS, Comtrade HS27/44, OTS 2017 rows).
Expected numbers are recomputed here with plain SQL over the same Parquet files.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

import bilat.cli
from bilat.cli.app import app

runner = CliRunner()

COUNTRY_PARTNER = "reporter <> 'WLD' AND reporter <> 'S19' AND NOT regexp_matches(reporter, '^X[0-9][0-9]$')"


def run_bilat(args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> tuple[int, str, str]:
    """Run the real entry point (the one that turns errors into one-line messages)."""
    monkeypatch.setattr(sys, "argv", ["bilat", *args])
    with pytest.raises(SystemExit) as exit_info:
        bilat.cli.main()
    captured = capsys.readouterr()
    return exit_info.value.code or 0, captured.out, captured.err


def sql(query: str, folder: Path) -> list[tuple]:
    con = duckdb.connect()
    con.execute(f"CREATE VIEW cf AS SELECT * FROM read_parquet('{folder / 'country_flows.parquet'}')")
    con.execute(f"CREATE VIEW pf AS SELECT * FROM read_parquet('{folder / 'product_flows.parquet'}')")
    con.execute(f"CREATE VIEW ind AS SELECT * FROM read_parquet('{folder / 'indicators.parquet'}')")
    try:
        return con.execute(query).fetchall()
    finally:
        con.close()


def test_report_on_a_fresh_store_writes_html_and_says_where(pair_data, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["report", "ISR", "JPN"])
    assert result.exit_code == 0, result.output
    path = tmp_path / "bilat-report-ISR-JPN.html"
    assert path.exists()
    assert f"report written to {path}" in result.output.replace("\n", "")
    assert "total trade" in result.output
    html = path.read_text(encoding="utf-8")
    # plotly.js loaded once from a file written beside the report (offline, nothing from elsewhere),
    # charts drawn from inline data, and the pair's report under 1.5 MB.
    from bilat.report.render.html import plotly_file_name

    assert html.count("Plotly.newPlot") >= 6
    assert html.count("<script src") == 1 and f'<script src="{plotly_file_name()}">' in html and "<link" not in html
    assert "plotly.js v" in (tmp_path / plotly_file_name()).read_text(encoding="utf-8")[:2000]
    assert path.stat().st_size < 1.5e6
    assert "current USD, nominal" in html
    # On DOTS-only totals, the report says what is missing and how to load it.
    assert "bilat ingest baci" in html
    assert "double ISR–JPN total trade from 2016 by 2022" in html


def test_report_json_flows_and_shares_match_plain_sql(pair_data, tmp_path):
    out = tmp_path / "r.json"
    result = runner.invoke(app, ["report", "ISR", "JPN", "--format", "json", "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    flows = {r["year"]: r for r in data["sections"]["flows"]["tables"]["flows"]}
    expected = sql(
        "SELECT year, sum(value_usd) FILTER (WHERE reporter = 'ISR' AND partner = 'JPN'),"
        " sum(value_usd) FILTER (WHERE reporter = 'JPN' AND partner = 'ISR')"
        " FROM cf WHERE source = 'imf_dots' AND flow = 'X' AND ((reporter = 'ISR' AND partner = 'JPN')"
        " OR (reporter = 'JPN' AND partner = 'ISR')) GROUP BY year ORDER BY year",
        pair_data,
    )
    assert sorted(flows) == [y for y, _, _ in expected]
    for year, ab, ba in expected:
        assert flows[year]["ISR_to_JPN_usd"] == pytest.approx(ab)
        assert flows[year]["JPN_to_ISR_usd"] == pytest.approx(ba)
        if ab is not None and ba is not None:
            assert flows[year]["total_usd"] == pytest.approx(ab + ba)
    # Israel's share of Japan's imports in 2013 (mirror) and its rank among suppliers.
    shares = data["sections"]["shares"]["tables"]["shares_all"]
    row = next(r for r in shares if r["year"] == 2013 and r["country"] == "JPN" and r["side"] == "imports")
    (value, total, rank), = sql(
        f"WITH m AS (SELECT reporter, sum(value_usd) v FROM cf WHERE partner = 'JPN' AND year = 2013 AND flow = 'X'"
        f" AND source = 'imf_dots' AND {COUNTRY_PARTNER} GROUP BY reporter),"
        f" r AS (SELECT reporter, v, rank() OVER (ORDER BY v DESC) rk, sum(v) OVER () tot FROM m)"
        f" SELECT v, tot, rk FROM r WHERE reporter = 'ISR'",
        pair_data,
    )
    assert row["share"] == pytest.approx(value / total)
    assert row["rank"] == rank
    (cow,), = sql("SELECT value FROM ind WHERE country = 'JPN' AND year = 2013 AND indicator = 'imports_total_usd'", pair_data)
    # 726.8 M / 832,342.5 M = 0.087 %: the "0.1 % of Japan's imports" of the seed article.
    assert row["share_of_reported"] == pytest.approx(value / cow)
    assert round(row["share_of_reported"] * 100, 2) == 0.09


def test_report_reconciliation_shows_reporter_vs_mirror_hs27(pair_data, tmp_path):
    out = tmp_path / "r.json"
    result = runner.invoke(app, ["report", "ISR", "JPN", "--format", "json", "--out", str(out), "--reconcile-year", "2016"])
    assert result.exit_code == 0, result.output
    comparison = json.loads(out.read_text(encoding="utf-8"))["sections"]["reconcile"]["tables"]["comparison"]
    row = next(r for r in comparison if r["exporter"] == "JPN" and r["scope"] == "HS 27")
    (exported,), = sql("SELECT value_usd FROM pf WHERE source = 'comtrade' AND year = 2016 AND reporter = 'JPN'"
                       " AND flow = 'X' AND importer = 'ISR' AND hs_code = '27'", pair_data)
    (imported,), = sql("SELECT value_usd FROM pf WHERE source = 'comtrade' AND year = 2016 AND reporter = 'ISR'"
                       " AND flow = 'M' AND exporter = 'JPN' AND hs_code = '27'", pair_data)
    assert row["exporter_usd"] == exported and row["importer_usd"] == imported
    assert row["cif_fob_ratio"] == pytest.approx(imported / exported)


def test_reconcile_command_lists_sources_side_by_side(pair_data):
    result = runner.invoke(app, ["reconcile", "ISR", "JPN", "--year", "2016", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {f["source"] for f in data["figures"]} == {"imf_dots", "comtrade"}
    assert any("CIF/FOB" in n for n in data["notes"])


@pytest.mark.parametrize("fmt, marker", [("md", "## Flows both ways"), ("csv", "section,table,row,column,value")])
def test_report_other_formats(pair_data, tmp_path, fmt, marker):
    out = tmp_path / f"r.{fmt}"
    result = runner.invoke(app, ["report", "ISR", "JPN", "--format", fmt, "--out", str(out), "--years", "2010-2020"])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert marker in text
    assert "Plotly" not in text


def test_report_escapes_text_from_users(pair_data, tmp_path):
    runner.invoke(app, ["target", "add", "ISR", "JPN", "--base-year", "2016", "--multiplier", "3",
                        "--quote", "<script>alert(1)</script>"])
    out = tmp_path / "r.html"
    result = runner.invoke(app, ["report", "ISR", "JPN", "--out", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_profile_with_a_lens_says_what_product_data_is_missing(pair_data):
    result = runner.invoke(app, ["profile", "ISR", "JPN", "--lens", "robotics", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert any("lens 'robotics'" in n and "bilat ingest baci" in n for n in data["notes"])
    tables = {t["table"]: t["rows"] for t in data["data"]}
    lens_world = {r["exporter"]: r for r in tables["lens_world"]}
    # Japan's 2017 world exports in the robotics headings (8428, 8479; OTS is HS4), by plain SQL.
    (value,), = sql("SELECT sum(value_usd) FROM pf WHERE source = 'ots' AND exporter = 'JPN'"
                    " AND (hs_code LIKE '8428%' OR hs_code LIKE '8479%')", pair_data)
    assert lens_world["JPN"]["lens_usd"] == pytest.approx(value)


def test_target_commands_round_trip(pair_data):
    added = runner.invoke(app, ["target", "add", "double ISR-JPN total trade from 2016 by 2022"])
    assert added.exit_code == 0 and "target #1 stored" in added.output
    status = runner.invoke(app, ["target", "status", "1", "--format", "json"])
    assert status.exit_code == 0, status.output
    (data,) = json.loads(status.output)
    (base,), = sql("SELECT sum(value_usd) FROM cf WHERE source = 'imf_dots' AND flow = 'X' AND year = 2016 AND"
                   " ((reporter = 'ISR' AND partner = 'JPN') OR (reporter = 'JPN' AND partner = 'ISR'))", pair_data)
    assert data["base_value"] == pytest.approx(base)
    assert data["goal_value"] == pytest.approx(2 * base)
    assert data["required_cagr"] == pytest.approx(2 ** (1 / 6) - 1)
    assert data["verdict"] in ("behind", "on track", "achieved", "missed")


@pytest.mark.parametrize(
    "args, message",
    [
        (["report", "ISR", "Atlantis"], "unknown country"),
        (["report", "ISR", "JPN", "--years", "2031-2033"], "no goods flows between ISR and JPN in 2031-2033"),
        (["profile", "ISR", "TUV"], "no goods flows between ISR and TUV"),
        (["reconcile", "ISR", "JPN", "--year", "1950"], "no figures for ISR–JPN flows in 1950"),
        (["target", "status", "7"], "no target with id 7"),
    ],
)
def test_bad_requests_end_with_one_clear_line(pair_data, monkeypatch, capsys, tmp_path, args, message):
    monkeypatch.chdir(tmp_path)
    code, out, err = run_bilat(args, monkeypatch, capsys)
    assert code != 0
    assert message in " ".join(err.split())
    assert "Traceback" not in err + out
    assert not list(tmp_path.glob("bilat-report-*"))


def test_self_contained_report_inlines_plotly_once(pair_data, tmp_path):
    out = tmp_path / "one.html"
    result = runner.invoke(app, ["report", "ISR", "JPN", "--self-contained", "--out", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "<script src" not in html and html.count("plotly.js v") == 1
