"""Round five, claims and targets: shapes seen in real published articles, in sentences written for this test.

Undated goals ("plan to raise trade to $X" with no year) are targets, and their amount is not a claim."""

from __future__ import annotations

import datetime as dt

import pytest

from bilat.news import extract

PUB = dt.date(2022, 3, 10)


@pytest.mark.parametrize("text, value", [
    ("Chile and Norway are set to increase mutual trade turnover up to US$7 billion.", 7e9),
    ("Chile and Norway are planning to increase the volume of mutual trade to $3 billion.", 3e9),
    ("Our main goal is to bring the trade turnover with Norway to $12 billion, the minister said.", 1.2e10),
    ("The two ministers agreed to expand investment and increase bilateral trade to $2 billion.", 2e9),
    ("The leaders set a target for themselves to climb $9 billion in the medium term.", 9e9),
    ("He hoped to see ties deepen, including raising trade volume to $4 billion in the future.", 4e9),
])
def test_undated_goal_is_a_target_not_a_claim(text: str, value: float) -> None:
    got = extract("Chile and Norway. " + text, published=PUB)
    assert [t.target_value for t in got.targets] == [value]
    assert all(c.value != value for c in got.claims)


@pytest.mark.parametrize("text", [
    "Bilateral trade increased to $3 billion last year.",
    "The new route had helped to raise trade to $3 billion.",
])
def test_past_levels_stay_claims(text: str) -> None:
    got = extract("Chile and Norway. " + text, published=PUB)
    assert got.targets == []


@pytest.mark.parametrize("text, value", [
    ("Trade between Chile and Norway fell 31,4% in the first half.", -31.4),
    ("Chile's exports to Norway rose 8,25 percent.", 8.25),
])
def test_decimal_comma_percent(text: str, value: float) -> None:
    got = extract(text, published=PUB)
    assert [c.value for c in got.claims if c.unit == "percent"] == [value]


def test_undated_projection_of_a_deal_stays_a_claim() -> None:
    text = "Should the pact be ratified, trade between Chile and Norway is projected to increase to $6 billion."
    got = extract(text, published=PUB)
    assert got.targets == [] and [c.value for c in got.claims] == [6e9]


@pytest.mark.parametrize("text, value", [
    ("Trade between Chile and Norway reached US$4.6bil in 2021.", 4.6e9),
    ("Chile's exports to Norway were worth US$310mil in 2021.", 3.1e8),
])
def test_bil_and_mil_scale_words(text: str, value: float) -> None:
    assert [c.value for c in extract(text, published=PUB).claims] == [value]


def test_a_year_ago_dates_the_figure() -> None:
    text = "Chile had pledged a year ago some $2 billion in loans for Norway's ports."
    assert [c.year for c in extract(text, published=PUB).claims] == [2021]


def test_a_year_ago_as_a_base_is_not_the_year() -> None:
    text = "In January 2022 exports from Chile to Norway rose 12% from the same month a year ago."
    assert [c.year for c in extract(text, published=PUB).claims] == [2022]



@pytest.mark.parametrize("text, value, currency", [
    ("Chile granted Norway 15 million RMB Yuan in aid in 2021.", 1.5e7, "CNY"),
    ("Trade between Chile and Norway reached 41.5 billion tenge in 2021.", 4.15e10, "KZT"),
    ("Chile lent Norway 2.4 bn Bangladeshi taka in 2021.", 2.4e9, "BDT"),
])
def test_currency_words_after_the_number(text: str, value: float, currency: str) -> None:
    assert [(c.value, c.currency) for c in extract(text, published=PUB).claims] == [(value, currency)]


def test_conversion_after_a_local_currency_is_its_alternative() -> None:
    text = "Trade between Chile and Norway reached 41.5 billion tenge ($90 million) in 2021."
    got = extract(text, published=PUB).claims
    assert [(c.value, c.currency) for c in got] == [(4.15e10, "KZT")]


def test_decline_with_an_adjective_before_its_noun_is_negative() -> None:
    text = "Chile's exports to Norway were $300 million in 2021, showing a 12.6% annual decrease."
    got = extract(text, published=PUB).claims
    assert [(c.value, c.measure) for c in got if c.unit == "percent"] == [(-12.6, "growth")]


def test_credit_extended_to_a_receiver_runs_from_the_other_side() -> None:
    text = 'Chile and Norway met. "We have extended two lines of credit worth $3 billion to Norway so far," he said.'
    got = extract(text, published=PUB).claims
    assert [(c.from_, c.to) for c in got] == [("CHL", "NOR")]


def test_shipments_from_one_side_entering_the_other() -> None:
    text = "Chile and Norway. Shipments worth $2.1 billion from Norway entered Chile in 2021."
    got = extract(text, published=PUB).claims
    assert [(c.from_, c.to) for c in got] == [("NOR", "CHL")]


@pytest.mark.parametrize("text, sides", [
    ("Chile and Norway. Norway has offered Chile duty-free access on 95 per cent of its tariff lines.", ("CHL", "NOR")),
    ("Chile and Norway. Chile has offered tariff liberalisation on 80 per cent of its tariff lines.", ("NOR", "CHL")),
])
def test_tariff_access_runs_from_the_exporter_to_the_side_that_offers_it(text: str, sides: tuple) -> None:
    got = extract(text, published=PUB).claims
    assert [(c.from_, c.to) for c in got] == [sides]
