""""sourced" and "procured" are import verbs: "Peru sourced $2 billion of copper from Chile" is a
flow from Chile to Peru (it was an unnamed sum from Peru). Found by probing invented sentences of
common flow wordings; sentences invented for the test.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bilat.news.extract import extract


@pytest.mark.parametrize("verb", ["sourced", "procured"])
def test_a_sum_sourced_from_a_country_flows_from_it(verb: str) -> None:
    text = f"Peru {verb} $2 billion of copper from Chile in 2029."
    claims = extract(text, published=dt.date(2030, 6, 3)).claims
    assert [(c.from_, c.to, c.year) for c in claims] == [("CHL", "PER", 2029)]
    assert claims[0].measure in ("exports", "imports")
