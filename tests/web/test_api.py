"""The JSON API answers what the library answers, refuses bad parameters clearly, and caches safely.

Expected values are computed here from the source files (pandas on the BACI CSV, the IMF DOTS
long file, the HS nomenclature CSV), never taken from bilat.
"""

from __future__ import annotations

import math
import warnings
from pathlib import Path

import pandas as pd
import pytest

from bilat.store import Store
from bilat.web import create_app

with warnings.catch_warnings():  # starlette asks for httpx2; the httpx-based client still works
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

ZAF, JPN = 710, 392


def test_health_counts_the_rows_of_the_ingested_file(client: TestClient, baci_rows: pd.DataFrame) -> None:
    body = client.get("/api/health").json()
    assert body["data"][0]["status"] == "ok"
    assert body["data"][0]["rows_product_flows"] == len(baci_rows)
    assert body["data"][0]["embedded_tables"] == []


def test_flows_json_matches_the_baci_rows(client: TestClient, baci_rows: pd.DataFrame) -> None:
    expected = baci_rows[(baci_rows.i == ZAF) & (baci_rows.j == JPN)].usd.sum()
    body = client.get("/api/flows/ZAF/JPN").json()
    assert body["source"] == "baci"
    rows = {(r["exporter"], r["importer"], r["year"]): r["value_usd"] for r in body["data"]}
    assert rows.keys() == {("ZAF", "JPN", 2020)}  # the file holds ZAF's exports only, not JPN's
    assert rows[("ZAF", "JPN", 2020)] == pytest.approx(expected, rel=1e-9)


def test_flows_accept_names_and_demonyms_for_the_pair(client: TestClient) -> None:
    by_code = client.get("/api/flows/ZAF/JPN").json()
    by_name = client.get("/api/flows/South Africa/Japanese").json()
    assert by_name["data"] == by_code["data"]


def test_flows_of_isr_jpn_match_imf_dots(full_client: TestClient, shared_data: Path) -> None:
    dots = pd.read_csv(shared_data / "imf_dots_SamLeBlanc/imf_dots_exports_fob_by_partner_1960_2020_long.csv.gz")
    pick = dots[(dots.year == 2016) & (((dots.reporter == "Israel") & (dots.partner == "Japan")) | ((dots.reporter == "Japan") & (dots.partner == "Israel")))]
    expected = {("ISR" if r.reporter == "Israel" else "JPN"): r.exports_fob_usd_millions * 1e6 for r in pick.itertuples()}
    body = full_client.get("/api/flows/ISR/JPN?years=2016&source=imf_dots").json()
    got = {r["exporter"]: r["value_usd"] for r in body["data"]}
    assert got == pytest.approx(expected, rel=1e-9)
    assert all(r["basis"] == "reported by the exporter (FOB)" for r in body["data"])


def test_composition_by_section_adds_up_to_the_flow(client: TestClient, baci_rows: pd.DataFrame) -> None:
    body = client.get("/api/composition/ZAF/JPN?by=section").json()
    total = sum(r["value_usd"] for r in body["data"] if r["exporter"] == "ZAF")
    assert total == pytest.approx(baci_rows[(baci_rows.i == ZAF) & (baci_rows.j == JPN)].usd.sum(), rel=1e-9)
    assert {r["section"] for r in body["data"]} >= {"XIV", "V"}  # precious metals, minerals


def test_composition_by_chapter_matches_the_file(client: TestClient, baci_rows: pd.DataFrame) -> None:
    body = client.get("/api/composition/ZAF/JPN?by=chapter").json()
    pair = baci_rows[(baci_rows.i == ZAF) & (baci_rows.j == JPN)]
    expected = pair.groupby(pair.k.str.zfill(6).str[:2]).usd.sum()
    got = {r["hs_code"]: r["value_usd"] for r in body["data"]}
    assert got.keys() == set(expected.index)
    assert got["71"] == pytest.approx(expected["71"], rel=1e-9)


def test_potential_ranks_products_by_untapped_value(client: TestClient) -> None:
    body = client.get("/api/potential/ZAF/JPN?top=10&level=6").json()
    rows = body["data"]
    assert rows, body["notes"]
    assert [r["rank"] for r in rows] == list(range(1, len(rows) + 1))
    untapped = [r["untapped_usd"] for r in rows]
    assert untapped == sorted(untapped, reverse=True)
    for r in rows:
        assert r["untapped_usd"] == pytest.approx(max(r["potential_usd"] - r["actual_usd"], 0.0), rel=1e-9, abs=1e-6)
        assert r["potential_usd"] == pytest.approx(r["supply"] * r["demand"] * r["ease"], rel=1e-9)


def test_profile_holds_the_series_both_ways(client: TestClient, baci_rows: pd.DataFrame) -> None:
    body = client.get("/api/profile/ZAF/JPN").json()
    tables = {t["table"]: t for t in body["data"]}
    assert {"pair", "flows", "cagr", "shares", "composition"} <= tables.keys()
    flows = tables["flows"]["rows"]
    assert flows[0]["year"] == 2020
    assert flows[0]["ZAF_to_JPN_usd"] == pytest.approx(baci_rows[(baci_rows.i == ZAF) & (baci_rows.j == JPN)].usd.sum())


def test_country_resolution_and_its_404(client: TestClient) -> None:
    assert client.get("/api/countries/Israeli").json()["data"][0]["iso3"] == "ISR"
    assert client.get("/api/countries/376").json()["data"][0]["iso3"] == "ISR"
    missing = client.get("/api/countries/Atlantis")
    assert missing.status_code == 404
    assert "Atlantis" in missing.json()["detail"]


def test_country_list_filters_by_text(client: TestClient) -> None:
    rows = client.get("/api/countries?q=japan").json()["data"]
    assert [r["iso3"] for r in rows] == ["JPN"]
    assert len(client.get("/api/countries").json()["data"]) > 200


def test_hs_code_description_matches_the_nomenclature_file(client: TestClient, shared_data: Path) -> None:
    table = pd.read_csv(shared_data / "hs_nomenclature_datahub/harmonized-system.csv", dtype=str)
    expected = table.set_index("hscode").loc["847950", "description"]
    record = client.get("/api/hs/847950").json()["data"][0]
    assert record["description"] == expected
    assert record["chapter"] == "84" and record["section"] == "XVI"
    assert "robotics" in record["lenses"]


@pytest.mark.parametrize("code", ["8", "12345", "abc", "84.79", "8479500"])
def test_hs_code_of_the_wrong_form_is_422(client: TestClient, code: str) -> None:
    answer = client.get(f"/api/hs/{code}")
    assert answer.status_code == 422
    assert "2, 4 or 6 digits" in answer.json()["detail"]


def test_unknown_hs_code_is_404(client: TestClient) -> None:
    answer = client.get("/api/hs/980000")
    assert answer.status_code == 404
    assert "980000" in answer.json()["detail"]


def test_hs_search_finds_robots(client: TestClient) -> None:
    codes = [r["code"] for r in client.get("/api/hs/search?q=industrial robots").json()["data"]]
    assert "847950" in codes


def test_lenses_list_their_prefixes(client: TestClient) -> None:
    rows = {r["name"]: r for r in client.get("/api/lenses").json()["data"]}
    assert "847950" in rows["robotics"]["hs_prefixes"].split()


# --- bad parameters ------------------------------------------------------------------------------


def test_unknown_country_in_a_pair_is_422_naming_it(client: TestClient) -> None:
    answer = client.get("/api/flows/XXX/JPN")
    assert answer.status_code == 422
    assert "'XXX'" in answer.json()["detail"]


def test_sql_fragment_is_refused_as_an_unknown_country(client: TestClient) -> None:
    answer = client.get("/api/flows/ISR' OR 1=1--/JPN")
    assert answer.status_code == 422
    assert "unknown country" in answer.json()["detail"]
    assert client.get("/api/flows/ZAF/JPN").status_code == 200  # nothing was harmed


def test_ten_kilobyte_parameter_is_refused_without_echoing_it(client: TestClient) -> None:
    answer = client.get("/api/flows/" + "A" * 10_000 + "/JPN")
    assert answer.status_code == 422
    assert answer.json()["detail"] == "a: String should have at most 100 characters"
    assert len(answer.content) < 500
    long_query = client.get("/api/hs/search", params={"q": "x" * 10_000})
    assert long_query.status_code == 422


def test_unicode_digit_is_an_unknown_country_not_a_crash(client: TestClient) -> None:
    assert client.get("/api/flows/\u00b2/JPN").status_code == 422  # "²".isdigit() is True; int("²") fails
    assert client.get("/api/countries/\u00b2").status_code == 404


def test_same_country_twice_is_422(client: TestClient) -> None:
    answer = client.get("/api/flows/Japan/JPN")
    assert answer.status_code == 422
    assert "two different countries" in answer.json()["detail"]


@pytest.mark.parametrize("years", ["abc", "2016-", "16", "2016;DROP TABLE files"])
def test_years_of_the_wrong_form_are_422(client: TestClient, years: str) -> None:
    answer = client.get("/api/flows/ZAF/JPN", params={"years": years})
    assert answer.status_code == 422
    assert "2012-2017" in answer.json()["detail"]


def test_no_data_for_the_pair_is_404_saying_so(client: TestClient) -> None:
    answer = client.get("/api/flows/FRA/DEU")
    assert answer.status_code == 404
    assert "no goods flows between FRA and DEU" in answer.json()["detail"]


def test_markup_in_a_country_parameter_is_422(client: TestClient) -> None:
    answer = client.get("/api/flows/<script>/JPN")
    assert answer.status_code == 422
    assert "without control characters or markup" in answer.json()["detail"]


def test_paths_in_requests_never_reach_the_file_system(client: TestClient) -> None:
    assert client.get("/api/countries/..%2F..%2Fpyproject.toml").status_code in (404, 422)
    assert client.get("/static/../../pyproject.toml").status_code == 404
    assert client.get("/static/%2e%2e/%2e%2e/pyproject.toml").status_code == 404


def test_sources_list_provenance_without_server_paths(client: TestClient, baci_file: Path) -> None:
    rows = client.get("/api/sources").json()["data"]
    assert [r["name"] for r in rows] == [baci_file.name]
    assert all("path" not in r for r in rows)
    import hashlib

    assert rows[0]["sha256"] == hashlib.sha256(baci_file.read_bytes()).hexdigest()


# --- caching ---------------------------------------------------------------------------------------


def test_data_answers_carry_cache_headers_and_honour_if_none_match(client: TestClient) -> None:
    first = client.get("/api/flows/ZAF/JPN")
    assert first.headers["cache-control"] == "public, max-age=300"
    etag = first.headers["etag"]
    again = client.get("/api/flows/ZAF/JPN", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert client.get("/api/health").headers.get("etag") is None  # status is never cached


def test_etag_and_answers_change_when_a_file_is_ingested(tmp_path: Path, baci_file: Path, shared_data: Path) -> None:
    store = Store(tmp_path / "home")
    store.ingest("baci", baci_file)
    with TestClient(create_app(store=store, include_embedded=False)) as c:
        before = c.get("/api/flows/ISR/JPN?years=2016")
        assert before.status_code == 404
        etag = c.get("/api/sources").headers["etag"]
        store.ingest("comtrade", shared_data / "comtrade_hs27_hs44_pmacg/comtrade_oil_HS27_2016.csv.gz")
        after = c.get("/api/sources", headers={"If-None-Match": etag})
        assert after.status_code == 200 and after.headers["etag"] != etag
        assert len(after.json()["data"]) == 2
        composition = c.get("/api/composition/ISR/JPN?years=2016").json()
        assert composition["source"] == "comtrade"


# --- targets, reconciliation, news ------------------------------------------------------------------


def test_target_status_shows_required_growth_of_doubling(full_client: TestClient, shared_data: Path) -> None:
    body = full_client.get("/api/targets/status?pair=ISR-JPN").json()
    seed = next(r for r in body["data"] if r["multiplier"] == 2.0)
    span = seed["by_year"] - seed["base_year"]
    assert seed["required_cagr"] == pytest.approx(2 ** (1 / span) - 1, rel=1e-12)
    dots = pd.read_csv(shared_data / "imf_dots_SamLeBlanc/imf_dots_exports_fob_by_partner_1960_2020_long.csv.gz")
    both = dots[(dots.year == seed["base_year"]) & (((dots.reporter == "Israel") & (dots.partner == "Japan")) | ((dots.reporter == "Japan") & (dots.partner == "Israel")))]
    assert seed["base_value_usd"] == pytest.approx(both.exports_fob_usd_millions.sum() * 1e6, rel=1e-9)
    latest = seed["years"][-1]
    assert seed["actual_cagr"] == pytest.approx((latest["value_usd"] / seed["base_value_usd"]) ** (1 / (latest["year"] - seed["base_year"])) - 1)


def test_targets_pair_parameter_must_be_two_codes(client: TestClient) -> None:
    answer = client.get("/api/targets?pair=Israel-Japan")
    assert answer.status_code == 422
    assert "ISR-JPN" in answer.json()["detail"]


def test_reconcile_lines_up_both_declarations(full_client: TestClient) -> None:
    body = full_client.get("/api/reconcile/ISR/JPN?year=2016&view=figures").json()
    views = {(r["exporter"], r["reporter"], r["flow"]) for r in body["data"] if r["scope"] == "total"}
    assert ("ISR", "ISR", "X") in views and ("ISR", "JPN", "M") in views
    assert any("CIF" in note for note in body["notes"])


def test_articles_keep_their_exact_text(client: TestClient, shared_examples: Path) -> None:
    listed = client.get("/api/articles").json()["data"]
    assert len(listed) == 2
    first = client.get(f"/api/articles/{listed[0]['id']}").json()["data"][0]
    original = (shared_examples / "news" / first["name"]).read_text(encoding="utf-8")
    assert first["text"] == original
    for record in first["records"]:
        assert first["text"][record["start"]:record["end"]] == record["text"]


def test_unknown_article_is_404(client: TestClient) -> None:
    answer = client.get("/api/articles/999")
    assert answer.status_code == 404
    assert "999" in answer.json()["detail"]


def test_claims_point_into_their_article_and_carry_verdicts(client: TestClient) -> None:
    claims = client.get("/api/claims?pair=ISR-JPN").json()["data"]
    assert claims
    texts = {}
    for claim in claims:
        if claim["article_id"] not in texts:
            texts[claim["article_id"]] = client.get(f"/api/articles/{claim['article_id']}").json()["data"][0]["text"]
        text = texts[claim["article_id"]]
        assert text[claim["start"]:claim["end"]] == claim["text"]
        assert claim["text"] in claim["sentence"]
        assert claim["verdict"] in ("consistent", "inconsistent", "not_checkable")
        assert {claim["from"], claim["to"]} - {None} <= {"ISR", "JPN"}


def test_claims_check_trade_figures_when_the_data_has_them(full_client: TestClient) -> None:
    claims = full_client.get("/api/claims?pair=ISR-JPN").json()["data"]
    checked = [c for c in claims if c["verdict"] != "not_checkable" and c["measure"] != "gdp_rank"]
    assert checked
    for c in checked:
        assert c["deviation"] == pytest.approx((c["claimed_usd"] - c["data_usd"]) / c["data_usd"])
        low, high = c["tolerance"]
        assert (c["verdict"] == "consistent") == (low - 1e-12 <= c["deviation"] <= high + 1e-12)


def test_agreements_are_located_in_their_article(client: TestClient) -> None:
    rows = client.get("/api/agreements?pair=ISR-JPN").json()["data"]
    assert {r["type"] for r in rows} >= {"joint statement"}
    for r in rows:
        text = client.get(f"/api/articles/{r['article_id']}").json()["data"][0]["text"]
        assert text[r["start"]:r["end"]] == r["text"]


def test_news_routes_answer_empty_on_a_store_without_articles(tmp_path: Path) -> None:
    with TestClient(create_app(store=Store(tmp_path / "empty"), include_embedded=False)) as c:
        body = c.get("/api/claims").json()
        assert body["data"] == [] and "bilat news add" in body["notes"][0]
        assert c.get("/api/articles/1").status_code == 404


# --- the schema and the page ---------------------------------------------------------------------


def test_openapi_lists_every_endpoint(client: TestClient) -> None:
    paths = set(client.get("/openapi.json").json()["paths"])
    assert paths == {
        "/api/health", "/api/sources", "/api/countries", "/api/countries/{name}", "/api/hs/search", "/api/hs/{code}",
        "/api/lenses", "/api/flows/{a}/{b}", "/api/composition/{a}/{b}", "/api/potential/{a}/{b}",
        "/api/profile/{a}/{b}", "/api/targets", "/api/targets/status", "/api/reconcile/{a}/{b}", "/api/articles",
        "/api/articles/{article_id}", "/api/claims", "/api/agreements", "/api/complexity/{a}/{b}", "/api/coverage/{a}/{b}",
    }


def test_dashboard_page_loads_only_local_scripts(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert '<script src="/static/plotly.min.js"' in page.text
    assert "http://" not in page.text.replace("http://127.0.0.1", "") and "https://" not in page.text


def test_bundled_plotly_is_the_installed_one(client: TestClient) -> None:
    import plotly

    installed = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    served = client.get("/static/plotly.min.js")
    assert served.status_code == 200
    assert served.content == installed.read_bytes()


def test_numbers_in_json_are_finite_or_null(client: TestClient) -> None:
    body = client.get("/api/profile/ZAF/JPN").json()

    def walk(value: object) -> None:
        if isinstance(value, float):
            assert math.isfinite(value)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(body)
