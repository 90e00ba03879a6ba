"""Who pays whom in a loan, a credit line or an investment; sentences written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from bilat.news import extract
from bilat.news.mentions import country_refs

PUB = dt.date(2013, 9, 23)


@pytest.mark.parametrize("text, want", [
    ("Japan will lend Egypt $300 million for a metro line.", ("JPN", "EGY")),
    ("China gave Kenya $2 billion in loans.", ("CHN", "KEN")),
    ("Bolivia receives $5 billion credit line from China.", ("CHN", "BOL")),
    ("The minister said Peru grows fast and that Mexican firms have invested $3.7 billion in Peru.", ("MEX", "PER")),
    ("Peru and Mexico met. Speaking in Lima, he said Mexican firms have invested $3.7 billion in the Andean nation.",
     ("MEX", "PER")),
])
def test_from_the_lender_or_investor_to_the_receiver(text: str, want: tuple) -> None:
    [claim] = extract(text, published=PUB).claims
    assert (claim.measure, claim.from_, claim.to) == ("other", *want)


def test_a_credit_line_is_named() -> None:
    [claim] = extract("Bolivia receives $5 billion credit line from China.", published=PUB).claims
    assert claim.about == "credit line"


@pytest.mark.parametrize("text, iso3", [
    ("Japan will lend Egypt $300 million", ["JPN", "EGY"]),
    ("a loan of Singapore $5 billion", []),
    ("Australian $20 billion", []),
])
def test_a_dollar_sign_after_a_name_is_a_currency_only_for_dollar_countries(text: str, iso3: list) -> None:
    assert [r.iso3 for r in country_refs(text)] == iso3
