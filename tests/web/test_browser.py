"""The dashboard in a real browser: Playwright driving Debian's headless Chromium.

Each test loads the page from a live uvicorn server (``live_server``), waits until the page marks
itself loaded (``body[data-pair]``), and compares what is shown with the JSON API's answer fetched
separately. Only locators are used (no string evaluation), so the page's strict Content Security
Policy stays on, as users get it.

Set BILAT_UPDATE_SCREENSHOT=1 to rewrite the committed docs/img/dashboard.png.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.browser

DOC_SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "img" / "dashboard.png"
LOADED_MS = 60_000


@pytest.fixture(scope="session")
def browser(chromium_browser) -> object:  # noqa: ANN001
    return chromium_browser


@pytest.fixture()
def page(browser) -> Iterator[object]:  # noqa: ANN001
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" and "status of 404" not in msg.text else None)
    tab.errors = errors
    yield tab
    context.close()


def wait_loaded(page, pair: str) -> None:  # noqa: ANN001
    page.wait_for_selector(f'body[data-pair="{pair}"]', state="attached", timeout=LOADED_MS)


def api(server, path: str) -> dict:  # noqa: ANN001
    return httpx.get(server.url + path, timeout=60).json()


def test_dashboard_draws_isr_jpn_flows_matching_the_api(page, live_server, tmp_path: Path) -> None:  # noqa: ANN001
    page.goto(live_server.url + "/")
    wait_loaded(page, "ISR-JPN")
    assert page.locator("#flows-chart .plotly .main-svg").count() >= 1
    flows = api(live_server, "/api/flows/ISR/JPN")
    expected = {(r["exporter"], r["year"]): r["value_usd"] for r in flows["data"]}
    rows = page.locator("#flows-table tbody tr")
    assert rows.count() == len({year for _, year in expected})
    for i in (0, 3, rows.count() - 1):  # latest, a middle year, the first year
        row = rows.nth(i)
        year = int(row.get_attribute("data-year"))
        shown_ab = row.locator("td.ab").get_attribute("data-value")
        shown_ba = row.locator("td.ba").get_attribute("data-value")
        assert float(shown_ab) == expected[("ISR", year)]
        assert float(shown_ba) == expected[("JPN", year)]
    latest = rows.nth(0)
    value = expected[("ISR", int(latest.get_attribute("data-year")))]
    assert latest.locator("td.ab").inner_text() == f"${value / 1e6:.1f} M"

    status = api(live_server, "/api/targets/status?pair=ISR-JPN")["data"][0]
    assert page.locator("#target-chart .plotly .main-svg").count() >= 1
    assert float(page.locator("#target-facts dd.required").get_attribute("data-value")) == status["required_cagr"]
    assert float(page.locator("#target-facts dd.actual").get_attribute("data-value")) == status["actual_cagr"]

    claims = api(live_server, "/api/claims?pair=ISR-JPN")["data"]
    assert page.locator("#claims-table tbody tr").count() == len(claims)
    assert page.locator("#claims-table .verdict").first.inner_text() == claims[0]["verdict"].replace("_", " ")
    assert page.locator("#agreements-list li").count() == len(api(live_server, "/api/agreements?pair=ISR-JPN")["data"])
    assert page.errors == []
    page.screenshot(path=str(tmp_path / "dashboard_isr_jpn.png"), full_page=True)
    if os.environ.get("BILAT_UPDATE_SCREENSHOT") == "1":
        DOC_SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        page.set_viewport_size({"width": 1366, "height": 1600})
        page.wait_for_timeout(500)  # Plotly re-lays out responsive charts on resize
        page.screenshot(path=str(DOC_SCREENSHOT), full_page=False)


def test_absent_product_data_is_explained_in_one_line(page, live_server) -> None:  # noqa: ANN001
    page.goto(live_server.url + "/")
    wait_loaded(page, "ISR-JPN")
    explain = page.locator("#potential .explain")
    assert explain.is_visible()
    assert "bilat ingest baci" in explain.inner_text()
    assert page.locator("#potential-table").is_hidden()


def test_keyboard_alone_switches_the_pair(page, live_server, tmp_path: Path) -> None:  # noqa: ANN001
    page.goto(live_server.url + "/")
    wait_loaded(page, "ISR-JPN")
    first = page.locator("#country-a")
    for _ in range(4):  # skip link, then the first country
        page.keyboard.press("Tab")
        if first.evaluate("e => e === document.activeElement"):
            break
    assert first.evaluate("e => e === document.activeElement"), "Tab never reached the first country input"
    assert first.evaluate("e => getComputedStyle(e).outlineStyle") != "none", "focus must be visible"
    page.keyboard.press("Control+A")
    page.keyboard.type("South Africa")
    page.keyboard.press("Tab")
    assert page.locator("#country-b").evaluate("e => e === document.activeElement")
    page.keyboard.press("Control+A")
    page.keyboard.type("Japan")
    page.keyboard.press("Enter")
    wait_loaded(page, "ZAF-JPN")
    assert page.locator("#country-a").input_value() == "ZAF"
    assert page.locator("#composition-chart .plotly .main-svg").count() >= 1

    flows = api(live_server, "/api/flows/ZAF/JPN")["data"]
    cell = page.locator('#flows-table tbody tr[data-year="2020"] td.ab')
    assert float(cell.get_attribute("data-value")) == next(r["value_usd"] for r in flows if r["exporter"] == "ZAF")

    potential = api(live_server, "/api/potential/ZAF/JPN?top=10")["data"]
    rows = page.locator("#potential-table tbody tr")
    assert rows.count() == len(potential) > 0
    assert rows.first.get_attribute("data-hs") == potential[0]["hs_code"]
    assert float(rows.first.locator("td.untapped").get_attribute("data-value")) == potential[0]["untapped_usd"]
    page.screenshot(path=str(tmp_path / "dashboard_zaf_jpn.png"), full_page=True)


def test_unknown_country_is_reported_without_reloading(page, live_server) -> None:  # noqa: ANN001
    page.goto(live_server.url + "/")
    wait_loaded(page, "ISR-JPN")
    page.fill("#country-a", "Atlantis")
    page.click("#show-pair")
    page.wait_for_selector("#status.error", timeout=LOADED_MS)
    assert "Atlantis" in page.locator("#status").inner_text()


def test_claim_link_opens_its_sentence_in_the_article_view(page, live_server) -> None:  # noqa: ANN001
    page.goto(live_server.url + "/")
    wait_loaded(page, "ISR-JPN")
    link = page.locator("#claims-table a.claim").nth(1)
    claim_text = link.inner_text()
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("body[data-loaded]", state="attached", timeout=LOADED_MS)
    assert "/article.html?id=" in page.url and "#at-" in page.url
    current = page.locator("article mark.current")
    assert "".join(current.all_inner_texts()) == claim_text
    assert current.first.evaluate("e => e === document.activeElement")


def _hostile_app(tmp_path: Path):  # noqa: ANN202
    from bilat.news import NewsStore, load_article
    from bilat.store import Store
    from bilat.web import create_app

    text = (
        "Israel and Japan trade\n\n"
        "Israeli exports to Japan reached $757 million in 2016 <script>document.title='pwned'</script>, "
        "officials said. <img src=x onerror=\"document.title='pwned'\"> Israel and Japan signed a memorandum "
        "of understanding on cyber security.\n"
    )
    article = tmp_path / "hostile.txt"
    article.write_text(text, encoding="utf-8")
    store = Store(tmp_path / "home")
    with store.catalog() as con:
        NewsStore(con).add(load_article(article))
    return create_app(store=store), text


def test_markup_in_an_article_is_shown_as_text_never_run(page, tmp_path: Path, serve) -> None:  # noqa: ANN001
    app, _ = _hostile_app(tmp_path)
    with serve(app) as server:
        page.goto(server.url + "/article.html?id=1")
        page.wait_for_selector("body[data-loaded]", state="attached", timeout=LOADED_MS)
        shown = page.locator("#article-text").inner_text()
        assert "<script>document.title='pwned'</script>" in shown
        assert "<img src=x" in shown
        assert page.locator("#article-text script, #article-text img").count() == 0
        assert "pwned" not in page.title()

        page.goto(server.url + "/")
        wait_loaded(page, "ISR-JPN")
        assert page.locator("#claims-table script, #claims-table img, #agreements-list img").count() == 0
        assert "pwned" not in page.title()
        assert page.errors == []
