"""`bilat news` commands on a temporary store (BILAT_HOME is set per test by tests/conftest.py)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from bilat.cli import app

DEV_SET = Path(__file__).resolve().parents[1] / "data" / "news"

runner = CliRunner()


def test_news_add_list_show_roundtrip() -> None:
    path = DEV_SET / "korea_vietnam.txt"
    result = runner.invoke(app, ["news", "add", str(path), "--date", "2023-06-23", "--source", "dev", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [{"id": 1, "name": "korea_vietnam.txt", "added": True}]
    again = runner.invoke(app, ["news", "add", str(path), "-f", "json"])
    assert json.loads(again.stdout)[0]["added"] is False
    listed = json.loads(runner.invoke(app, ["news", "list", "-f", "json"]).stdout)
    assert listed[0]["countries"] == "KOR,VNM" and listed[0]["published"].startswith("2023-06-23")
    shown = json.loads(runner.invoke(app, ["news", "show", "1", "-f", "json"]).stdout)
    text = path.read_text(encoding="utf-8")
    records = shown["records"]
    assert records and all(text[r["start"] : r["end"]] == r["text"] for r in records)
    assert shown["published"] == "2023-06-23"
    codes = {t["code"] for t in shown["vocabulary"]["agreement_type"]}
    assert codes == {"mou", "joint_statement", "fta", "cooperation_agreement", "protocol", "investment_plan", "other"}
    assert shown["agreements"] and all(a["type"] in codes and a["type_label"] for a in shown["agreements"])
    assert all(c["measure"] in shown["vocabulary"]["claim_measure"] + shown["vocabulary"]["claim_measure_bilat"]
               for c in shown["claims"])
    assert all(t["kind"] in shown["vocabulary"]["target_kind"] for t in shown["targets"])


def test_news_show_unknown_id_is_a_one_line_error() -> None:
    result = runner.invoke(app, ["news", "show", "99"])
    assert result.exit_code != 0
    assert "no stored article with id 99" in result.stderr and "Traceback" not in result.output


def test_news_add_bad_date_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Israel and Japan.", encoding="utf-8")
    result = runner.invoke(app, ["news", "add", str(path), "--date", "May 4"])
    assert result.exit_code != 0 and "YYYY-MM-DD" in result.stderr


def test_news_add_without_date_takes_the_date_the_text_states(tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    path.write_text(
        "SOURCE: https://example.org/news/2019/03/14/ruritania-peru-trade\n"
        "LIMA, March 12 (Wire) -- Peru and Japan signed a memorandum of understanding on Tuesday to expand "
        "farm trade, officials said.\n",
        encoding="utf-8",
    )
    assert runner.invoke(app, ["news", "add", str(path)]).exit_code == 0
    shown = json.loads(runner.invoke(app, ["news", "show", "1", "-f", "json"]).stdout)
    assert shown["published"] == "2019-03-12" and shown["published_from"] == "dateline"
    assert [a["date"] for a in shown["agreements"]] == ["2019-03-12"]


def test_news_show_says_what_qualifies_each_figure() -> None:
    assert runner.invoke(app, ["news", "add", str(DEV_SET / "peru_korea_wire.txt")]).exit_code == 0
    shown = runner.invoke(app, ["news", "show", "1"], env={"COLUMNS": "80"})
    assert shown.exit_code == 0, shown.output
    flat = " ".join(shown.stdout.split())
    assert "2019 · (2019-Q1)" in flat  # a part-year figure says so
    assert "(currency assumed, none written)" in flat
    assert "(an increase, not a level)" in flat
    assert max(len(line) for line in shown.stdout.splitlines()) <= 80
