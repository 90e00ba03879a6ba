"""A scaled figure written without its currency ("of which 1.2 billion were copper") is read when a
trade word stands before it in the sentence, even across a decimal point ("$4.5 billion, of which
..."): the point inside a number had been taken for the sentence's end, so the figure was lost.
``bilat.news.money._TRADE_CONTEXT``. Sentences invented for the test.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bilat.news.extract import extract

PUBLISHED = dt.date(2030, 6, 3)


def _values(text: str) -> list[float | None]:
    return [c.value for c in extract(text, published=PUBLISHED).claims]


@pytest.mark.parametrize(("text", "values"), [
    ("Ghana's exports to Peru came to nearly 4.7 billion dollars, of which 1.3 billion were cocoa.", [4.7e9, 1.3e9]),
    ("Ghana's exports to Peru reached $4.5 billion, including 1.2 billion in cocoa.", [4.5e9, 1.2e9]),
    ("Ghana's exports to Peru were $4.5 billion in 2027 and 5.1 billion in 2028.", [4.5e9, 5.1e9]),
])
def test_a_bare_figure_after_a_decimal_figure_is_read(text: str, values: list[float]) -> None:
    assert _values(text) == values


def test_a_bare_count_is_still_no_money() -> None:
    assert _values("Ghana's exports to Peru reached $4.5 billion, and 3 million tonnes of cocoa.") == [4.5e9]
