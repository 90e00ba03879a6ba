"""Direction of a flow (from the exporter to the importer) in the wordings trade news uses.

Every sentence is written for this test; each is read in a story about Chile and Japan."""

from __future__ import annotations

import datetime as dt

import pytest

from bilat.news import extract

PUB = dt.date(2021, 6, 15)
LEAD = "Chile and Japan held talks. "


def _flows(text: str) -> list[tuple[float, str | None, str | None]]:
    return [(c.value, c.from_, c.to) for c in extract(LEAD + text, published=PUB).claims]


@pytest.mark.parametrize("text, want", [
    ("Japan's imports from Chile totalled $8 billion in 2019.", [(8e9, "CHL", "JPN")]),
    ("Chilean purchases from Japan reached $2 billion in 2019.", [(2e9, "JPN", "CHL")]),
    ("Imports of Japanese cars into Chile rose to $900 million in 2019.", [(9e8, "JPN", "CHL")]),
    ("Japan bought $8 billion of Chilean copper in 2019.", [(8e9, "CHL", "JPN")]),
    ("Japan sold machinery worth $2 billion to Chile in 2019.", [(2e9, "JPN", "CHL")]),
    ("Exports from Chile to Japan reached $8 billion in 2019.", [(8e9, "CHL", "JPN")]),
    ("Chile shipped $8 billion of goods to Japan in 2019, while Japanese shipments to Chile were worth $2 billion.",
     [(8e9, "CHL", "JPN"), (2e9, "JPN", "CHL")]),
    ("Chile's exports to Japan stood at $8 billion in 2019, while its imports from Japan were $2 billion.",
     [(8e9, "CHL", "JPN"), (2e9, "JPN", "CHL")]),
])
def test_named_flows(text: str, want: list) -> None:
    assert _flows(text) == want


@pytest.mark.parametrize("text, want", [
    ("Chile exported $8bn to Japan and imported $2bn in 2019.", [(8e9, "CHL", "JPN"), (2e9, "JPN", "CHL")]),
    ("In 2019 Japan imported $8 billion worth of Chilean goods and exported $2 billion.",
     [(8e9, "CHL", "JPN"), (2e9, "JPN", "CHL")]),
    ("In 2019, Chile exported $8 billion of goods to Japan and imported $2 billion from it.",
     [(8e9, "CHL", "JPN"), (2e9, "JPN", "CHL")]),
    ("Japan exported $2 billion of goods to Chile in 2019, and imported $8 billion from it.",
     [(2e9, "JPN", "CHL"), (8e9, "CHL", "JPN")]),
])
def test_two_verbs_of_one_subject(text: str, want: list) -> None:
    assert _flows(text) == want


@pytest.mark.parametrize("text, want", [
    ("Japan buys 12 percent of its shipments, Chilean officials said.", [(12, "CHL", "JPN")]),
    ("Japan takes 12 percent of Chile's exports.", [(12, "CHL", "JPN")]),
    ("Japan accounted for about 12 percent of Chilean shipments in 2019.", [(12, "CHL", "JPN")]),
])
def test_a_buyers_share_of_a_sellers_exports(text: str, want: list) -> None:
    assert _flows(text) == want


@pytest.mark.parametrize("text, want", [
    ("The agency drew some $900 million of Japanese investment to Chile in 2019.", [(9e8, "JPN", "CHL")]),
    ("Japan has invested $3 billion in Chile.", [(3e9, "JPN", "CHL")]),
    ("Japanese investment in Chile stands at $3 billion.", [(3e9, "JPN", "CHL")]),
    ("Chile received $3 billion of Japanese FDI in 2019.", [(3e9, "JPN", "CHL")]),
    ("FDI from Japan into Chile reached $3 billion in 2019.", [(3e9, "JPN", "CHL")]),
    ("Japan will provide $500 million in aid to Chile.", [(5e8, "JPN", "CHL")]),
])
def test_investment_goes_from_the_investor(text: str, want: list) -> None:
    assert _flows(text) == want


@pytest.mark.parametrize("text, want", [
    ("Oman imported Korean cars worth $800 million in 2019.", [(8e8, "KOR", "OMN")]),
    ("Korean goods worth $1.5 billion were sold in Oman in 2019.", [(1.5e9, "KOR", "OMN")]),
    ("Japan bought Chilean copper worth $2 billion in 2019.", [(2e9, "CHL", "JPN")]),
])
def test_the_origin_as_an_adjective_after_the_verb(text: str, want: list) -> None:
    assert [(v, f, t) for v, f, t in
            [(c.value, c.from_, c.to) for c in extract(text, published=PUB).claims]] == want


@pytest.mark.parametrize("text, want", [
    ("Japan will cut its tariff on Chilean salmon to 2 percent.", [(2, "CHL", "JPN")]),
    ("Chilean wine currently faces a 15 percent tariff in Japan.", [(15, "CHL", "JPN")]),
    ("Chile will scrap duties of up to 6 percent on Japanese cars.", [(6, "JPN", "CHL")]),
    ("Japan will eliminate tariffs on 95 percent of Chilean goods.", [(95, "CHL", "JPN")]),
])
def test_a_tariff_runs_from_the_goods_side_to_the_levying_side(text: str, want: list) -> None:
    assert _flows(text) == want


def test_services_supplied_and_delivered_by_firms_of_each_side() -> None:
    text = ("Services trade ran both ways in 2019. Japanese buyers took $3 billion of services sold by "
            "Chilean companies; in turn $1 billion in services was delivered by firms from Japan.")
    claims = extract(LEAD + text, published=PUB).claims
    assert [(c.value, c.from_, c.to) for c in claims] == [(3e9, "CHL", "JPN"), (1e9, "JPN", "CHL")]


@pytest.mark.parametrize("text, measure, flow", [
    ("Japan is Chile's second-largest export market, with exports of $8 billion in 2019.", "exports", ("CHL", "JPN")),
    ("Commercial exchanges between Chile and Japan totalled US$ 13 billion in 2019.", "bilateral_trade_total", None),
    ("Chile's export turnover to Japan reached $8 billion in 2019.", "exports", ("CHL", "JPN")),
])
def test_other_names_for_trade_and_for_exports(text: str, measure: str, flow) -> None:
    (claim,) = [c for c in extract(LEAD + text, published=PUB).claims if c.measure not in ("partner_rank", "rank")]
    assert claim.measure == measure
    if flow:
        assert (claim.from_, claim.to) == flow


def test_the_one_period_of_a_one_figure_sentence_dates_it() -> None:
    (claim,) = extract(LEAD + "Goods worth $5 billion were shipped from Chile to Japan in the first half of 2019.",
                       published=PUB).claims
    assert (claim.year, claim.period) == (2019, "2019-H1")
