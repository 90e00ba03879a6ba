"""One giver per article: the terms of a loan or an investment take the side of the one who gives it.

Sentences written for bilat (no published text); each tells its own made-up figures.
"""

from __future__ import annotations

import datetime as dt

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
