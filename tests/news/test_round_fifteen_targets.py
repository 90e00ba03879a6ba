"""Round fifteen, targets: a flow named by its source's possessive and its destination ("Chile's
investment in Ghana"), and a multiplier written "by N times". Sentences invented for the test."""

from __future__ import annotations

import datetime as dt

from bilat.news.extract import extract

PUB = dt.date(2033, 5, 12)


def _targets(text: str) -> list[tuple[str, float | None, int | None]]:
    return [(t.measure, t.multiplier, t.by_year) for t in extract(text, published=PUB).targets]


def test_a_possessive_flow_raised_by_n_times_is_a_multiplier_target() -> None:
    text = ("Chile and Ghana met in Accra. Both sides agreed to work on big mining projects, aiming to "
            "increase Chile's investment in Ghana by three times from today's level.")
    assert _targets(text) == [("investment", 3.0, None)]


def test_a_possessive_flow_doubled_by_a_year_is_a_target() -> None:
    text = "Chile and Ghana met in Accra. The two leaders pledged to double Ghana's exports to Chile by 2036."
    (target,) = extract(text, published=PUB).targets
    assert (target.measure, target.multiplier, target.by_year, target.from_, target.to) == ("exports", 2.0, 2036, "GHA", "CHL")


def test_a_flow_that_rose_n_times_is_no_target() -> None:
    assert _targets("Chile and Ghana met in Accra. Chile's investment in Ghana rose three times in 2031.") == []
