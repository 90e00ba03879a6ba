"""The HTML report renders its charts in a real browser (headless Chromium, no network)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from bilat.cli.app import app


@pytest.mark.browser
def test_report_renders_plotly_charts_in_chromium(pair_data, tmp_path, chromium_browser):
    out = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["report", "ISR", "JPN", "--out", str(out), "--lens", "robotics"])
    assert result.exit_code == 0, result.output
    errors: list[str] = []
    requests: list[str] = []
    page = chromium_browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("request", lambda req: requests.append(req.url))
        page.goto(out.as_uri())
        page.wait_for_selector(".plotly .main-svg", timeout=30_000)
        charts = page.locator(".chart").count()
        drawn = page.locator(".chart .plotly .main-svg").count()
        title = page.title()
        page.screenshot(path=str(tmp_path / "report.png"), full_page=False)
    finally:
        page.close()
    assert errors == []
    assert charts >= 6 and drawn >= charts  # each chart draws at least one svg layer
    assert "Israel" in title and "Japan" in title
    assert (tmp_path / "report.png").stat().st_size > 10_000
    assert [u for u in requests if not u.startswith("file:")] == []
