"""Round seventeen, claims: rules kept only when they also moved a development set other than the
one whose miss suggested them (docs/news.md, "Round seventeen"), checked here on sentences made up
for the test (real country names, invented sums and projects).

* money with no trade cue goes to the country its purpose names after the sum ("will go toward
  Ghana's ports", "a plan that can help Chile"); the other country of the pair gives it.
"""

from __future__ import annotations

import datetime as dt

from bilat.news.extract import extract
from news_helpers import claim_of

DAY = dt.date(2033, 5, 12)


def test_a_part_of_a_credit_goes_to_the_country_its_purpose_names() -> None:
    text = ("Japan will lend $90 million to Ghana for roads. Of the credit, $50 million will go toward "
            "upgrading Ghana's coastal highway between two harbour towns.")
    claim = claim_of(extract(text, published=DAY), 50e6)
    assert (claim.from_, claim.to) == ("JPN", "GHA")


def test_a_plan_that_can_help_a_country_comes_from_the_other_one() -> None:
    text = ("Ghana and Japan signed six accords, with the Japanese premier due to unveil a $3-billion "
            "investment plan that can help Ghana modernise its railways.")
    claim = claim_of(extract(text, published=DAY), 3e9)
    assert (claim.from_, claim.to) == ("JPN", "GHA")


def test_a_trade_flow_keeps_its_own_sides() -> None:
    text = "Ghana sold $70 million of cocoa to Japan last year, enough to help Ghana pay its debts."
    claim = claim_of(extract(text, published=DAY), 70e6)
    assert (claim.from_, claim.to) == ("GHA", "JPN")
