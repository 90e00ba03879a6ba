"""A currency swap's size has no origin or destination (sentences written for bilat)."""

from __future__ import annotations

import datetime as dt

import pytest

from bilat.news.extract import extract

DAY = dt.date(2031, 5, 6)


def _sides(text: str) -> dict[str, tuple[str | None, str | None]]:
    out = extract(text, published=DAY)
    return {text[c.start:c.end]: (c.from_, c.to) for c in out.claims}


@pytest.mark.parametrize("text, span", [
    ("Chile and China renewed a currency swap worth 50 billion yuan on Monday.", "50 billion yuan"),
    ("China has agreed to expand a USD 7 billion currency swap with Chile.", "USD 7 billion"),
    ("The Chilean central bank said the swap with the People's Bank of China, worth USD 7 billion, "
     "would help its reserves.", "USD 7 billion"),
])
def test_the_size_of_a_swap_runs_both_ways(text: str, span: str) -> None:
    assert _sides(text)[span] == (None, None)


def test_a_flow_beside_a_swap_keeps_its_direction() -> None:
    text = ("Chile signed a currency swap with China worth 50 billion yuan; "
            "Chile's exports to China reached $9 billion last year.")
    sides = _sides(text)
    assert sides["50 billion yuan"] == (None, None)
    assert sides["$9 billion"] == ("CHL", "CHN")


def test_a_loan_is_not_a_swap() -> None:
    assert _sides("China will lend Chile $2 billion for a new port.")["$2 billion"] == ("CHN", "CHL")


def test_a_debt_swap_is_no_currency_swap() -> None:
    text = "Morocco and Germany agreed a debt-for-climate swap cancelling $100 million that Morocco owed Germany."
    assert _sides(text)["$100 million"] != (None, None)
