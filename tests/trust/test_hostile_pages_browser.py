"""Hostile articles shown in a real browser run nothing: the dashboard, the article page and the
HTML report are opened in headless Chromium after adding articles full of markup, and a script
that would set ``window.__pwned`` or change ``document.title`` to "pwned" must never have run.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

import bilat.cli  # noqa: F401 - registers every command group on the app
from bilat.cli.app import app
from bilat.store import Store
from trust_corpus import BAD

pytestmark = pytest.mark.browser

# A .txt article keeps markup as literal text: its title and claim sentences carry it everywhere.
HOSTILE_TXT = (
    '<img src=x onerror="window.__pwned=1"> Israel and Japan <script>document.title="pwned"</script> trade talks\n'
    "Israel's exports to Japan reached $1.2 billion in 2016 <b onmouseover=\"window.__pwned=1\">up 10%</b>,"
    " the ministry said.\n"
    "The two countries signed a free trade agreement <script>window.__pwned=1</script> on Tuesday.\n"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def browser(chromium_browser):  # noqa: ANN001, ANN201
    return chromium_browser


@pytest.fixture
def hostile_home(bilat_home: Path, tmp_path: Path) -> Path:
    """A store holding the corpus's <script> HTML article and a .txt article full of markup."""
    txt = tmp_path / "hostile.txt"
    txt.write_text(HOSTILE_TXT, encoding="utf-8")
    html = tmp_path / "script_article.html"
    shutil.copyfile(BAD / "script_article.html", html)
    result = CliRunner().invoke(app, ["news", "add", str(txt), str(html), "--date", "2017-01-10"])
    assert result.exit_code == 0, result.output
    return bilat_home


@pytest.fixture
def server(hostile_home: Path) -> Iterator[str]:
    import uvicorn

    from bilat.web import create_app

    port = _free_port()
    config = uvicorn.Config(create_app(Store(hostile_home)), host="127.0.0.1", port=port, log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not instance.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=10)


def _visit(browser, url: str, wait_for: str | None = None) -> tuple[object, str, str]:  # noqa: ANN001
    """Open ``url``; return (window.__pwned, document.title, visible text) once ``wait_for`` shows."""
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        page.goto(url, wait_until="networkidle")
        # Polled from Python: the pages' Content-Security-Policy forbids evaluating strings in them.
        deadline = time.monotonic() + 15
        while wait_for and wait_for not in page.inner_text("body"):
            if time.monotonic() > deadline:
                raise AssertionError(f"{url}: {wait_for!r} never appeared; page text: {page.inner_text('body')[:500]!r}")
            page.wait_for_timeout(100)
        # Give event handlers a chance: hover every element that carries an attribute named on*.
        page.mouse.move(5, 5)
        page.wait_for_timeout(300)
        return page.evaluate("window.__pwned"), page.title(), page.inner_text("body")
    finally:
        page.close()


def test_article_page_shows_markup_as_text_and_runs_none(browser, server: str) -> None:  # noqa: ANN001
    for article_id in (1, 2):
        pwned, title, text = _visit(
            browser, f"{server}/article.html?id={article_id}", wait_for="ministry said" if article_id == 1 else "customs pact"
        )
        assert pwned is None
        assert title != "pwned"
    pwned, title, text = _visit(
        browser, f"{server}/article.html?id=1", wait_for="ministry said"
    )
    # The markup is on the page as characters a reader can see, not as elements.
    assert '<script>window.__pwned=1</script>' in text
    assert title.startswith("bilat: ")


def test_dashboard_shows_hostile_claims_and_parameters_as_text(browser, server: str) -> None:  # noqa: ANN001
    pwned, title, text = _visit(
        browser, f"{server}/?a=ISR&b=JPN", wait_for="$1.2 billion"
    )
    assert pwned is None and title != "pwned"
    assert 'onmouseover="window.__pwned=1"' in text  # the claim's sentence, shown as text
    hostile_param = "%3Cimg%20src%3Dx%20onerror%3D%22window.__pwned%3D1%22%3E"
    pwned, title, _ = _visit(browser, f"{server}/?a={hostile_param}&b=JPN")
    assert pwned is None and title != "pwned"


def test_html_report_with_hostile_claims_runs_no_script(browser, hostile_home: Path, tmp_path: Path) -> None:  # noqa: ANN001
    out = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["report", "ISR", "JPN", "--out", str(out)])
    assert result.exit_code == 0, result.output
    pwned, title, text = _visit(browser, out.as_uri())
    assert pwned is None and title != "pwned"
    assert "Israel" in text


def test_report_renderer_with_markup_in_every_slot_runs_no_script(browser, tmp_path: Path) -> None:  # noqa: ANN001
    import datetime as dt

    import pandas as pd
    import plotly.graph_objects as go

    from bilat.report.model import Report, Section, Table
    from bilat.report.render import html as render_html

    bad = '<script>window.__pwned=1;document.title="pwned"</script><img src=x onerror="window.__pwned=1">'
    section = Section(
        name="s", title=bad, paragraphs=[bad], notes=[bad], preformatted=bad,
        tables=[Table("t", bad, pd.DataFrame({bad: [bad]}))],
        figures=[go.Figure(go.Bar(x=[bad, "</script><script>window.__pwned=1</script>"], y=[1, 2], name=bad))],
    )
    report = Report(a="ISR", b="JPN", names={"ISR": bad, "JPN": "Japan"}, years=(2015, 2016), sections=[section],
                    summary=pd.DataFrame(), generated_at=dt.datetime(2024, 1, 1))
    out = tmp_path / "hostile_report.html"
    out.write_text(render_html.render(report), encoding="utf-8")
    pwned, title, text = _visit(browser, out.as_uri())
    assert pwned is None and title != "pwned"
    assert "<img src=x" in text  # shown, not run


def test_the_probe_catches_markup_that_runs(browser, tmp_path: Path) -> None:  # noqa: ANN001
    """Control: the same probe on a page that does NOT escape sees the script run."""
    out = tmp_path / "unescaped.html"
    out.write_text('<html><body><p>x</p><img src=x onerror="window.__pwned=1"></body></html>', encoding="utf-8")
    pwned, _, _ = _visit(browser, out.as_uri())
    assert pwned == 1
