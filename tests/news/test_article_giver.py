"""One giver per article: the terms of a loan or an investment take the side of the one who gives it.

Sentences written for bilat (no published text); each tells its own made-up figures.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bilat.news.extract import extract

DAY = dt.date(2031, 5, 6)


def _sides(text: str) -> dict[str, tuple[str | None, str | None]]:
    out = extract(text, published=DAY)
    return {text[c.start:c.end]: (c.from_, c.to) for c in out.claims}


def _giver(text: str, pair: list[str]) -> str | None:
    from bilat.news.article_giver import article_giver
    from bilat.news.cleaning import clean
    from bilat.news.mentions import country_refs
    from bilat.news.text import sentences

    view = clean(text).text
    return article_giver(view, sentences(view), country_refs(view), pair)


def test_the_terms_of_a_loan_follow_the_lender_the_article_names() -> None:
    text = ("Japan will provide a new development loan to Ghana for rural roads. "
            "The loan amount for the second tranche is 2,150 million Japanese Yen, for Ghana and Japan's joint port project.")
    assert _sides(text)["2,150 million Japanese Yen"] == ("JPN", "GHA")


def test_an_investment_named_by_its_makers_settles_the_later_figures() -> None:
    text = ("Korean investment in Chile has grown quickly this decade. "
            "Chile and Korea said the new funds would reach $640 million for battery plants.")
    assert _sides(text)["$640 million"] == ("KOR", "CHL")


def test_a_country_that_needs_investors_is_not_the_giver() -> None:
    text = ("Kenya needs foreign investors for its power grid. "
            "Kenya and China signed a financing deal worth $900 million on Monday.")
    assert _giver(text, ["KEN", "CHN"]) is None


def test_two_givers_leave_every_figure_as_its_own_sentence_read_it() -> None:
    text = ("Japan will provide a loan to Peru for water works. "
            "Peru will invest its own funds in the same plants. "
            "Peru and Japan put the project's cost at $310 million.")
    assert _giver(text, ["JPN", "PER"]) is None
    assert _giver("Japan will provide a loan to Peru for water works.", ["JPN", "PER"]) == "JPN"


def test_goods_figures_keep_the_direction_of_their_flow() -> None:
    text = ("Germany will fund a vocational school in Tunisia. "
            "Tunisia exported goods worth €1.1 billion to Germany last year.")
    assert _sides(text)["€1.1 billion"] == ("TUN", "DEU")


def test_a_figure_whose_sentence_names_no_money_given_is_left_alone() -> None:
    text = ("China is the largest lender to Zambia. "
            "Zambia and China count 1,200 workers on the site, and the site covers 45 percent of Zambia's copper output.")
    assert _giver(text, ["ZMB", "CHN"]) == "CHN"
    assert _sides(text)["45 percent"] != ("CHN", "ZMB")  # copper output is no money China gave


def test_a_country_named_as_the_recipient_is_not_the_giver() -> None:
    assert _giver("Laos is the largest recipient of loans from the bank, and Laos became a big investor destination.",
                  ["LAO", "CHN"]) is None


# Found by a review of the first version on invented sentences: money paid back, a refusing side,
# an investor's other verbs, a borrower who "will fund", and giver wordings first missed.
@pytest.mark.parametrize("text, span, sides", [
    ("China lent Uganda $1 billion for the railway in 2029. Uganda repaid $200 million of the loan to China last year.",
     "$200 million", ("UGA", "CHN")),
    ("Japan will provide a loan to Kenya for the port. Kenya's repayments to Japan on earlier loans came to $80 million in 2030.",
     "$80 million", ("KEN", "JPN")),
    ("Laos received a loan from China for its railway. Laos will pay $40 million in interest to China each year.",
     "$40 million", ("LAO", "CHN")),
    ("Japanese investment in Kenya has doubled. Kenya paid $30 million in dividends on those investments to Japan last year.",
     "$30 million", ("KEN", "JPN")),
    ("Japanese investment in Kenya has doubled. Kenyan firms put $5 million of capital into Japanese start-ups last year.",
     "$5 million", ("KEN", "JPN")),
    ("Japan declined to finance the port. Kenya will use $300 million of its own funds to pay Japanese contractors.",
     "$300 million", ("KEN", "JPN")),
    ("Kenya will fund the dam with cheap credit worth $300 million from Japanese banks.", "$300 million", ("JPN", "KEN")),
    ("China is Argentina's biggest lender. Argentina and China signed a $2 billion loan for two dams.",
     "$2 billion", ("CHN", "ARG")),
    ("Funding from Japan covers most of the port. Kenya and Japan put the second tranche at $300 million.",
     "$300 million", ("JPN", "KEN")),
    ("The loan, extended by Japan on soft terms, will build a port in Kenya. Kenya and Japan put the first tranche at $300 million.",
     "$300 million", ("JPN", "KEN")),
    ("Japan will provide a loan to Kenya for the port, Kenya's investment minister said. Kenya and Japan put the loan at $300 million.",
     "$300 million", ("JPN", "KEN")),
    ("China is the largest lender to Zambia. Zambia owes China $6 billion, officials said.", "$6 billion", ("CHN", "ZMB")),
])
def test_the_review_cases(text: str, span: str, sides: tuple[str, str]) -> None:
    assert _sides(text)[span] == sides


def test_a_loan_rate_runs_with_the_loan_even_when_the_borrower_pays_it() -> None:
    text = ("Japan will provide a development loan to Ghana. "
            "Ghana and Japan agreed that Ghana will pay only 0.2 percent interest a year on the loan, with a 30-year repayment period.")
    assert _sides(text)["0.2 percent"] == ("JPN", "GHA")
