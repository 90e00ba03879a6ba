"""Goals told by a sum that names itself one (``bilat.news.target_compounds``): "a $15 billion trade
target for 2034", "the $3 billion goal", "targeting a $20-billion trade volume", and a second sum
joined to a goal's with a horizon of its own. Each was read as a claim of the year of writing.
Sentences invented for the test.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bilat.news.extract import extract

PUBLISHED = dt.date(2031, 5, 9)


def _goals(text: str) -> list[tuple[float | None, int | None, str]]:
    return [(t.target_value, t.by_year, t.measure) for t in extract(text, published=PUBLISHED).targets]


def _claimed(text: str) -> list[float]:
    return [c.value for c in extract(text, published=PUBLISHED).claims]


@pytest.mark.parametrize(("text", "value", "year"), [
    ("Chile and Ghana set a $15 billion trade target for 2034.", 15e9, 2034),
    ("Chile's president said the $3 billion target with Ghana was within reach.", 3e9, None),
    ("Chile and Ghana are targeting a $20-billion trade volume, the minister said.", 20e9, None),
    ("Chile and Ghana are targeting $20 billion in bilateral trade by 2036.", 20e9, 2036),
])
def test_a_sum_that_names_itself_a_goal_is_a_target_not_a_claim(text: str, value: float, year: int | None) -> None:
    assert _goals(text) == [(value, year, "bilateral_trade_total")]
    assert _claimed(text) == []


def test_a_second_sum_joined_to_a_goal_with_its_own_horizon_is_a_second_goal() -> None:
    text = "Chile and Ghana want trade to reach $4 billion by 2034 and $9 billion by 2040."
    assert sorted(v for v, _, _ in _goals(text)) == [4e9, 9e9]
    assert _claimed(text) == []


def test_a_sum_compared_with_a_goal_or_reached_in_the_past_is_no_goal() -> None:
    assert _goals("Trade between Chile and Ghana was $2 billion, short of the target.") == []
    assert _goals("Exports from Chile to Ghana rose to $2 billion in 2030.") == []
    assert _goals("The firm is targeting a $20 million market in Ghana.") == []
