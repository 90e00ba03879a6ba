"""When product data cover the flow, the dashboard draws each direction as a treemap and its movers.

A synthetic BACI release (two years, every pair, full basket by BACI's traits) is served without
the embedded data; the busiest pair's composition card must be a treemap by HS section and
chapter, not a bar chart of a slice, with a table of the chapters that moved most between the
two years.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def baci_server(tmp_path_factory, serve):  # noqa: ANN001, ANN201
    import duckdb

    from bilat.store import Store
    from bilat.synth import generate_baci
    from bilat.web import create_app

    folder = tmp_path_factory.mktemp("synth_baci")
    paths = [p for p in generate_baci(folder, [2016, 2017], rows_per_year=60_000, seed=3, pairs=400)
             if p.name.startswith("BACI_") and p.suffix == ".csv"]
    store = Store(tmp_path_factory.mktemp("treemap_store"))
    for path in paths:
        store.ingest("baci", path)
    busiest = duckdb.sql(
        f"SELECT i, j FROM read_csv('{paths[-1]}') GROUP BY i, j ORDER BY count(*) DESC, i, j LIMIT 1").fetchall()[0]
    with serve(create_app(store=store, include_embedded=False)) as server:
        yield server, busiest


def test_composition_is_a_treemap_with_movers_when_product_data_cover_the_flow(chromium_browser, baci_server):  # noqa: ANN001
    from bilat.nomenclature import iso3_from_numeric

    server, (i, j) = baci_server
    a, b = iso3_from_numeric(int(i)), iso3_from_numeric(int(j))
    context = chromium_browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{server.url}/?a={a}&b={b}")
        page.wait_for_selector('#composition[data-state="ready"]', state="attached", timeout=90_000)
        composition = page.locator("#composition")
        assert composition.get_attribute("data-slice") == "no"
        chart = page.locator("#composition-chart")
        assert chart.get_attribute("data-kind") == "treemap"
        assert page.locator("#composition-chart .treemap").count() >= 1  # plotly drew a treemap layer
        movers = page.locator("#composition-movers")
        assert movers.is_visible()
        assert movers.locator("caption").inner_text() == "Top movers by HS chapter, 2016 → 2017"
        assert movers.locator("tbody tr").count() >= 2
        first = movers.locator("tbody tr").first.inner_text()
        assert first.startswith(f"{a} → {b}") or first.startswith(f"{b} → {a}")
    finally:
        context.close()
