"""Round nineteen, after a review: the new rules kept to their own cases (docs/news.md, "Round nineteen").

Each test is a sentence made up for it. Most are guards (the code before round nineteen read them
right, and a first version of the round's rules read them wrong); the others hold inflections and
wordings the first version missed.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bilat.news.extract import extract
from news_helpers import claim_of, sides_of

DAY = dt.date(2034, 3, 13)
PAIR = "Korea and Chile signed a deal. "


def _sides(text: str, value: float) -> tuple[str | None, str | None]:
    return sides_of(text, value, DAY)


@pytest.mark.parametrize("text", [
    "Ghana will invest $200 million in Peru, in partnership with Peruvian companies.",
    "Ghana will lend Peru $200 million to settle its debts with Peruvian banks.",
])
def test_a_named_giver_wins_over_the_firms_of_the_other_side(text: str) -> None:
    assert _sides(text, 200e6) == ("GHA", "PER")


def test_a_tariff_in_its_own_clause_is_read_there() -> None:
    text = "Ghana will cut tariffs on Peruvian fish to 5 percent, while Peru keeps its 10 percent duty on Ghanaian cocoa."
    assert _sides(text, 10) == ("GHA", "PER")


@pytest.mark.parametrize("verb", ["is scrapping", "will levy", "will lower", "will phase out", "is applying", "imposed"])
def test_every_inflection_of_a_levying_verb(verb: str) -> None:
    text = PAIR + f"Chile {verb} duties on 4,200 items, which make up 71.5 percent of all lines."
    assert _sides(text, 71.5) == ("KOR", "CHL")


def test_a_tariff_rate_imposed_with_an_article() -> None:
    text = PAIR + "Chile imposed a 15 percent tariff on 300 items."
    assert _sides(text, 15) == ("KOR", "CHL")


@pytest.mark.parametrize("text", [
    "Peru exported 1.2 million bottles of wine to Ghana last year.",
    "Ghana imported 3 million chickens from Peru in 2033.",
    "Peru exported 2 million pairs of shoes to Ghana in 2033.",
])
def test_counted_things_after_a_flow_verb_are_no_money(text: str) -> None:
    assert extract(text, published=DAY).claims == []


def test_a_flow_told_after_a_stake_keeps_its_own_reading() -> None:
    text = "Peru bought a stake in a Ghanaian mine last year, and its exports to Ghana hit $2 billion."
    claim = claim_of(extract(text, published=DAY), 2e9)
    assert claim.measure == "exports" and (claim.from_, claim.to) == ("PER", "GHA")


def test_an_interest_taken_is_no_stake() -> None:
    text = "Ghana took a keen interest in Peruvian coffee and imported $30 million of it in 2033."
    claim = claim_of(extract(text, published=DAY), 30e6)
    assert (claim.from_, claim.to) == ("PER", "GHA")


def test_a_colon_that_opens_no_list_of_a_flow() -> None:
    text = "Peru's exports to Ghana face a new hurdle: Ghana's port fees cost Peruvian farmers $40 million a year."
    assert claim_of(extract(text, published=DAY), 40e6).measure != "exports"


def test_a_pace_with_two_adjectives() -> None:
    text = "Exports from Chile to Kenya grew at an average annual rate of 6 percent in 2032."
    assert claim_of(extract(text, published=DAY), 6).measure == "growth"
