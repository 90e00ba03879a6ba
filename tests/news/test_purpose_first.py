"""A purpose that opens the sentence names the receiver of the money told after it: "To help Ghana
rebuild its ports, the bank will provide a loan of $90 million" runs to Ghana, from the other side of
the pair (``bilat.news.receivers.receiver_first``). Before, the country of the purpose, the first in
the sentence, was read as the lender. Sentences invented for the test.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bilat.news.extract import extract

PUBLISHED = dt.date(2030, 6, 3)
OPENING = "Chile and Ghana held talks on Monday. "


@pytest.mark.parametrize("sentence", [
    "To help Ghana rebuild its ports, the bank will provide a loan of $90 million.",
    '"In order to modernise Ghana\'s farms, we have chosen to offer a credit line (CL) of $250 million," the minister said.',
])
def test_an_opening_purpose_names_the_receiver(sentence: str) -> None:
    claims = extract(OPENING + sentence, published=PUBLISHED).claims
    assert [(c.from_, c.to) for c in claims] == [("CHL", "GHA")]


def test_a_purpose_naming_a_third_country_names_no_receiver() -> None:
    from bilat.news.receivers import receiver_first

    assert receiver_first("To help @TGO rebuild its ports, @CHL will provide a loan of ", ["CHL", "GHA"]) is None
    assert receiver_first("To help @GHA rebuild its ports, @CHL will provide a loan of ", ["CHL", "GHA"]) == ("CHL", "GHA")
