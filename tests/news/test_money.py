"""Amounts as the press writes them, normalised to base units in their own currency."""

from __future__ import annotations

import pytest

from bilat.news.money import find_amounts


@pytest.mark.parametrize(
    ("text", "value", "currency", "hedge"),
    [
        ("the $2.3b. worth of goods", 2.3e9, "USD", None),
        ("USD 4.7 trillion", 4.7e12, "USD", None),
        ("some $720 million", 7.2e8, "USD", "about"),
        ("some about $720 million", 7.2e8, "USD", "about"),
        ("NIS 1.2 billion", 1.2e9, "ILS", None),
        ("£15.2bn.", 15.2e9, "GBP", None),
        ("Rs 1.08 lakh crore", 1.08e12, "INR", None),
        ("Rs 12,500 crore", 1.25e11, "INR", None),
        ("nearly 50 billion yuan", 5e10, "CNY", "nearly"),
        ("3 trillion yen", 3e12, "JPY", None),
        ("more than €400 million", 4e8, "EUR", "over"),
        ("5 billion Turkish lira", 5e9, "TRY", None),
        ("about 5.2 billion USD", 5.2e9, "USD", "about"),
        ("30 billion roubles", 3e10, "RUB", None),
    ],
)
def test_money_is_normalised_to_base_units(text: str, value: float, currency: str, hedge: str | None) -> None:
    (amount,) = find_amounts(text)
    assert amount.value == pytest.approx(value)
    assert (amount.currency, amount.hedge, amount.unit) == (currency, hedge, "money")
    assert text[amount.start : amount.end] == amount.text


def test_percent_and_multiples_keep_their_units() -> None:
    percent, fold = find_amounts("just 0.1 percent, a three-fold rise")
    assert (percent.value, percent.unit, percent.hedge) == (0.1, "percent", None)
    assert (fold.value, fold.unit) == (3.0, "multiple")


def test_a_year_or_a_plain_number_is_not_an_amount() -> None:
    assert find_amounts("In 2016 the two ministers met 3 times in Tokyo.") == []


@pytest.mark.parametrize("text, value, high, currency", [
    ("a $2.5-billion deal", 2.5e9, None, "USD"),
    ("a US$1.2-bn loan", 1.2e9, None, "USD"),
    ("$US3 billion in trade", 3e9, None, "USD"),
    ("Tk 50 billion of garments", 5e10, None, "BDT"),
    ("30 billion baht of rice", 3e10, None, "THB"),
    ("KSh 20 billion of tea", 2e10, None, "KES"),
    ("$3-4 billion a year", 3e9, 4e9, "USD"),
    ("€ 2 – 3 billion", 2e9, 3e9, "EUR"),
])
def test_more_written_forms_of_money(text: str, value: float, high: float | None, currency: str) -> None:
    from bilat.news.money import find_amounts

    (amount,) = [a for a in find_amounts(text) if a.unit == "money"]
    assert (amount.value, amount.high, amount.currency) == (value, high, currency)


def test_a_scaled_number_without_currency_in_a_trade_sentence_is_money_with_an_assumed_currency() -> None:
    import datetime as dt

    from bilat.news import extract
    from bilat.news.check import check_claim

    found = extract("Peru's exports to Chile were €2 billion in 2019; imports from Chile came to 1.2 billion.",
                    published=dt.date(2021, 6, 15))
    bare = [c for c in found.claims if c.text == "1.2 billion"]
    assert len(bare) == 1 and bare[0].currency == "EUR" and bare[0].currency_assumed
    assert bare[0].to_dict()["currency_assumed"] is True
    assert check_claim(bare[0], facts=None).verdict == "not_checkable"  # never judged on a guessed currency
    assert find_amounts("Peru has 33 million people and trade grew.") == []
    assert find_amounts("Its trade with Chile drew 3 million visitors.") == []
