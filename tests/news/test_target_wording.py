"""Declared targets in the wordings trade news uses, and figures that are not targets.

Every sentence is written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from bilat.news import extract

PUB = dt.date(2021, 6, 15)


def _targets(text: str, published: dt.date | None = PUB) -> list[tuple]:
    return [(t.multiplier, t.target_value, t.by_year, t.horizon_years)
            for t in extract(text, published=published).targets]


@pytest.mark.parametrize("text, want", [
    ("Egypt and Italy aim to raise bilateral trade to $8 billion by 2025.", (None, 8e9, 2025, None)),
    ("The two countries seek to lift trade to $8 billion within five years.", (None, 8e9, None, 5)),
    ("Trade between Egypt and Italy is expected to reach $8 billion by 2024.", (None, 8e9, 2024, None)),
    ("Officials set a target of $10 billion in bilateral trade by 2026.", (None, 1e10, 2026, None)),
    ("The two sides plan to boost two-way trade to $9 billion by 2027.", (None, 9e9, 2027, None)),
    ("Bilateral trade could reach $12 billion in the next three years, the minister said.", (None, 1.2e10, None, 3)),
    ("Trade between the two countries is projected to hit $7 billion by 2023.", (None, 7e9, 2023, None)),
    ("Egypt targets exports of $3 billion to Italy by 2024.", (None, 3e9, 2024, None)),
    ("The two sides set a $10 billion trade target for 2025.", (None, 1e10, 2025, None)),
    ("Officials said trade should hit $10 billion by the end of 2025.", (None, 1e10, 2025, None)),
    ("Their stated goal is annual trade of $20 billion by 2030.", (None, 2e10, 2030, None)),
    ("The ambition is to take trade past $50 billion by 2030.", (None, 5e10, 2030, None)),
    ("Under the roadmap, trade will rise to $15 billion by 2027 from $9 billion in 2020.", (None, 1.5e10, 2027, None)),
    ("The agreement could lift two-way trade to $12 billion within a decade.", (None, 1.2e10, None, 10)),
])
def test_value_targets(text: str, want: tuple) -> None:
    assert _targets(text) == [want]


@pytest.mark.parametrize("text, want", [
    ("Egypt and Italy have a goal of doubling trade by 2030.", (2.0, None, 2030, None)),
    ("The leaders want trade to double within five years.", (2.0, None, None, 5)),
    ("Both sides agreed to work towards doubling two-way trade over the next decade.", (2.0, None, None, 10)),
    ("Bilateral trade is likely to double by 2030, the minister said.", (2.0, None, 2030, None)),
])
def test_multiplier_targets(text: str, want: tuple) -> None:
    assert _targets(text) == [want]


@pytest.mark.parametrize("text, published", [
    ("Two-way trade rose to $5 billion in 2020 and could grow further.", PUB),
    ("Exports had risen to $3 billion by 2019, and officials said they could double.", None),
    ("Trade reached $4 billion by 2015, the ministry said, and it will keep growing.", PUB),
    ("The two countries want closer ties and more flights by 2025.", PUB),
])
def test_facts_and_goals_without_a_figure_are_not_targets(text: str, published) -> None:
    assert [t for t in _targets(text, published) if t[1] is not None] == []


@pytest.mark.parametrize("text, want", [
    ("The leaders resolved to treble bilateral trade to $45 billion by 2027.", (3.0, 4.5e10, 2027, None)),
    ("Trade is set to triple to $12 billion by 2028, officials said.", (3.0, 1.2e10, 2028, None)),
    ("The two sides agreed to more than double trade to $80 billion by 2029.", (2.0, 8e10, 2029, None)),
    ("Trade between the two countries could double to $8 billion by 2024.", (2.0, 8e9, 2024, None)),
    ("The two governments target two-way trade of $25 billion by 2026.", (None, 2.5e10, 2026, None)),
    ("The aim is for exports to Japan to reach $2 billion by 2023.", (None, 2e9, 2023, None)),
    ("Officials expect trade of about $25 billion in the next four years.", (None, 2.5e10, None, 4)),
])
def test_more_target_shapes(text: str, want: tuple) -> None:
    assert _targets(text) == [want]


def test_double_it_with_a_horizon_is_a_target_of_the_figure_before() -> None:
    text = "Two-way trade between Chile and Peru reached $10 billion in 2020. Both hope to double it in the coming years."
    (target,) = extract(text, published=PUB).targets
    assert (target.multiplier, target.measure) == (2.0, "bilateral_trade_total")
    assert extract("Two-way trade between Chile and Peru reached $10 billion in 2020. We want to double it.",
                   published=PUB).targets == []


# --- what the number in a target means (written for this test) -------------------------------

def _one(text: str):
    found = extract(text, published=PUB)
    assert len(found.targets) == 1, found.targets
    return found.targets[0], found.claims


def test_a_rise_by_an_amount_is_an_increment_not_a_level() -> None:
    target, _ = _one("The two ministers aim to boost bilateral trade by $2 billion by 2025.")
    assert target.increase and target.target_value == 2e9 and target.by_year == 2025
    target, _ = _one("Egypt and Italy plan to raise trade to $9 billion by 2025.")
    assert not target.increase  # "to": the level reached


def test_adding_to_exports_within_a_horizon_is_an_export_increment() -> None:
    target, claims = _one("Egypt hopes to add $500 million to its exports to Italy within three years.")
    assert target.increase and target.measure == "exports" and target.horizon_years == 3
    assert not claims  # the figure is the target's


def test_a_percentage_rise_stated_with_its_level_is_one_target() -> None:
    target, claims = _one("Trade is expected to grow by 30 percent to reach $6.5 billion by 2024.")
    assert target.multiplier == pytest.approx(1.3) and target.target_value == 6.5e9 and target.by_year == 2024
    assert not claims  # the 30 percent belongs to the target


def test_a_goal_of_a_level_by_the_end_of_a_year() -> None:
    target, _ = _one("Egypt and Italy set a target of $8 billion in trade by the end of 2026.")
    assert (target.target_value, target.by_year) == (8e9, 2026)


def test_an_expected_level_for_the_current_year_is_a_forecast_claim() -> None:
    found = extract("Officials expect trade between Egypt and Italy to hit $4 billion this year.", published=PUB)
    assert not found.targets
    (claim,) = found.claims
    assert claim.modality == "forecast" and claim.year == 2021


def test_n_fold_rises_are_multipliers() -> None:
    target, claims = _one("The two sides aim for a threefold increase in bilateral trade by 2030.")
    assert (target.multiplier, target.by_year) == (3.0, 2030) and not claims
    target, _ = _one("Leaders agreed to increase trade fivefold to $50 billion by 2030.")
    assert (target.multiplier, target.target_value) == (5.0, 5e10)


def test_a_second_level_in_the_same_goal_is_its_own_target() -> None:
    found = extract("Egypt and Italy set a target of $30 billion in bilateral trade by 2025, and $50 billion "
                    "in investment.", published=PUB)
    assert sorted((t.measure, t.target_value, t.by_year) for t in found.targets) == [
        ("bilateral_trade_total", 3e10, 2025), ("investment", 5e10, 2025)]
    assert not found.claims


def test_a_base_at_present_stated_elsewhere_with_its_year_takes_that_year() -> None:
    found = extract("Trade between Egypt and Italy reached $13 billion in 2020. \"We will raise trade from "
                    "$13 billion at present to $20 billion by 2025,\" the minister said.", published=PUB)
    assert sorted((c.value, c.year) for c in found.claims) == [(1.3e10, 2020), (1.3e10, 2020)]


def test_a_level_with_no_currency_is_not_a_dollar_goal_nor_a_claim() -> None:
    found = extract("Pakistan and China aim to raise bilateral trade to 20 billion by 2025.", published=PUB)
    assert not found.targets and not found.claims
    found = extract("Trade was 2 trillion yen in 2020, and the two sides aim to double trade to 5 trillion by 2030.",
                    published=PUB)
    (target,) = found.targets
    assert (target.multiplier, target.target_value) == (2.0, None)
    assert [c.value for c in found.claims] == [2e12]


def test_a_base_at_present_with_no_year_written_gets_none() -> None:
    found = extract("We will raise trade from $13 billion at present to $20 billion by 2025, the minister said.",
                    published=PUB)
    assert [(c.value, c.year) for c in found.claims] == [(1.3e10, None)]
