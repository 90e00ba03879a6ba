"""Capitals standing for their countries, and capitals that are only places (written for this test)."""

from __future__ import annotations

import datetime as dt

import pytest

from bilat.news import extract
from bilat.nomenclature.capitals import find_capital_mentions

PUB = dt.date(2021, 6, 15)


def test_a_flow_between_capitals_has_both_countries() -> None:
    found = extract("Lima's exports to Ottawa rose to $900 million in 2020.", published=PUB)
    (claim,) = found.claims
    assert (claim.from_, claim.to, claim.year) == ("PER", "CAN", 2020)


def test_two_capitals_that_sign_are_the_parties() -> None:
    (a,) = extract("Lima and Ottawa signed a memorandum of understanding on mining on Monday.", published=PUB).agreements
    assert set(a.parties) == {"PER", "CAN"}


@pytest.mark.parametrize("text", [
    "The ministers met in Ottawa on Monday.",
    "He flew to Ottawa for the talks.",
    "The Ottawa Citizen reported the figures.",
    "A Lima-based exporter said so.",
    "OTTAWA, June 14 (Reuters) - Canada said on Monday ...",
    "President Yoon visited Hanoi last week.",
    "Washington state's apple exports rose.",
    "The talks were held in central Seoul.",
    "They cited the Treaty of Rome.",
    "A London-listed miner said so.",
])
def test_a_capital_as_a_place_or_inside_a_name_is_not_a_country(text: str) -> None:
    assert find_capital_mentions(text) == []


def test_a_possessive_capital_is_its_country() -> None:
    (m,) = find_capital_mentions("Ottawa's position did not change.")
    assert (m.iso3, m.kind) == ("CAN", "possessive")


def test_capitals_listed_after_a_place_are_places_too() -> None:
    assert [m.iso3 for m in find_capital_mentions("Offices in Hanoi, Seoul and Tokyo; Lima and Ottawa signed.")] == [
        "PER", "CAN"]
