"""A country named by its region ("the African nation", "the Gulf state") is that side of the pair
(``bilat.news.epithets``), and a short parenthesis after a finance noun ("Line of Credit (LoC) of")
keeps the sum a credit. Together they give a credit line told this way its lender and receiver;
before, the first country of the sentence (the receiver's demonym) was read as the lender.
Sentences invented for the test.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bilat.news.extract import extract

PUBLISHED = dt.date(2029, 3, 14)
OPENING = "Peru and Kenya signed four agreements on Monday. "


def _epithets(text: str) -> list[tuple[str, str]]:
    return [(m.iso3, m.text) for m in extract(text, published=PUBLISHED).mentions if m.kind == "epithet"]


def test_a_credit_line_to_the_african_nation_runs_from_the_other_side() -> None:
    text = OPENING + ("After talks with the Kenyan president, Peru's leader announced a Line of Credit (LoC) of "
                      "$50 million to the African nation for its textile mills.")
    claims = extract(text, published=PUBLISHED).claims
    assert [(c.value, c.measure, c.from_, c.to) for c in claims] == [(50e6, "other", "PER", "KEN")]


@pytest.mark.parametrize(("text", "expected"), [
    (OPENING + "Officials said the East African country wants more Peruvian grain.", [("KEN", "the East African country")]),
    (OPENING + "The South American nation sells fishmeal to Nairobi.", [("PER", "The South American nation")]),
    ("Qatar and Rwanda held talks. The tiny Gulf state pledged new flights.", [("QAT", "The tiny Gulf state")]),
])
def test_an_epithet_that_fits_one_side_names_it(text: str, expected: list[tuple[str, str]]) -> None:
    assert _epithets(text) == expected


@pytest.mark.parametrize("text", [
    "India and Japan signed a pact. The Asian nation will build a port.",  # fits both sides: nobody
    "Peru and Kenya met. The country will build a port.",  # no region word
    "Peru and Kenya met. Both have ties with the Central African Republic.",  # a name, not an epithet
    "Peru and Kenya met. The European country was not invited.",  # fits neither side
])
def test_an_epithet_that_does_not_fit_exactly_one_side_names_nobody(text: str) -> None:
    assert _epithets(text) == []
