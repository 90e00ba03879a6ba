"""Amounts that are not trade figures are no claims; trade figures next to them still are.

Every sentence here is written for this test (no article text)."""

from __future__ import annotations

import datetime as dt

import pytest

from bilat.news import extract

PUB = dt.date(2021, 6, 15)


def _values(text: str) -> list[float]:
    return [c.value for c in extract(text, published=PUB).claims if c.value is not None]


@pytest.mark.parametrize("text", [
    "The Chilean miner posted sales of $17 billion in 2020, its best year.",
    "A Peruvian bank reported annual revenue of $3 billion last year.",
    "The Korean carmaker booked a net profit of $6 billion in 2020.",
    "Vietnam's online retail market is worth $16 billion.",
    "Chile and Peru see a $40 billion market for electric buses.",
    "In Kenya, inflation reached 7 percent while unemployment stood at 9 percent.",
    "Interest rates in Turkey rose 2 percent in May.",
    "The Norwegian firm's shares fell 4 percent after the visit to Chile.",
    "Oil prices climbed to $80 before the Saudi and Chinese ministers met.",
])
def test_non_trade_amounts_are_not_claims(text: str) -> None:
    assert _values(text) == []


@pytest.mark.parametrize("text, value", [
    ("Chilean copper sales to Japan reached $7 billion in 2020.", 7e9),
    ("Peru's exports to Korea rose 12 percent in 2020.", 12),
    ("Kenya's GDP grew 5 percent in 2019.", 5),
    ("The Korean carmaker has invested $2 billion in Vietnam.", 2e9),
    ("Vietnam's market for Chilean wine imports is worth $90 million.", 9e7),
    ("Turkey cut tariffs on Kenyan tea to 10 percent.", 10),
])
def test_trade_amounts_near_those_words_stay_claims(text: str, value: float) -> None:
    assert _values(text) == [value]
