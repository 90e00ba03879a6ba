"""Target shapes seen in real articles, each on a short sentence written for this test."""

from __future__ import annotations

import datetime as dt

from bilat.news import extract

PUB = dt.date(2021, 6, 15)


def _targets(text: str, published: dt.date | None = PUB):
    result = extract(text, published=published)
    return result.targets, result.claims


def test_level_by_a_year_is_a_goal_and_its_amount_is_not_a_claim() -> None:
    targets, claims = _targets("Peru and Japan met. The ministers aim to lift bilateral trade to $10 billion by 2026.")
    assert [(t.target_value, t.by_year, t.kind, t.measure) for t in targets] == [
        (10e9, 2026, "goal", "bilateral_trade_total")]
    assert claims == []


def test_level_within_a_horizon_keeps_horizon_years_and_resolves_its_end() -> None:
    targets, claims = _targets("Peru and Japan met. The pact is projected to increase bilateral trade to about "
                               "$7 billion in the next four years.")
    (t,) = targets
    assert (t.target_value, t.by_year, t.horizon_years, t.horizon_end, t.kind) == (7e9, None, 4, 2025, "projection")
    assert claims == []


def test_rise_from_a_base_to_a_level() -> None:
    (t,), claims = _targets("Peru and Japan met. \"We will increase trade from $3 billion at present to $5 billion "
                            "by 2024,\" the minister said.")
    assert (t.target_value, t.base_value, t.by_year) == (5e9, 3e9, 2024)
    # the target's own figure is never a claim; its base "at present" is a level the text reports
    (base,) = claims
    assert (base.value, base.measure, base.modality, base.year) == (3e9, "bilateral_trade_total", None, None)


def test_expectation_to_double_within_years() -> None:
    (t,), _ = _targets("Peru and Japan met. Their trade will more than double in five years, the envoy said.")
    assert (t.multiplier, t.horizon_years, t.kind) == (2.0, 5, "expectation")


def test_set_to_reach_a_level_by_a_year_is_an_expectation() -> None:
    (t,), _ = _targets("Peru and Japan met. Two-way trade is set to reach $12 billion by 2027.")
    assert (t.target_value, t.by_year, t.kind) == (12e9, 2027, "expectation")


def test_investment_commitment_over_years() -> None:
    (t,), claims = _targets("Peru and Japan met. Under the deal Japan will invest $20 billion over 10 years in Peru.")
    assert (t.measure, t.target_value, t.horizon_years, t.kind) == ("investment", 20e9, 10, "commitment")
    assert claims == []


def test_a_goal_restated_later_is_one_target_and_its_figure_no_claim() -> None:
    targets, claims = _targets("Peru and Japan met. They agreed to double trade by 2030. The goal is to reach "
                               "$8 billion in two-way trade by 2030, up from $4 billion in 2020.")
    assert len(targets) == 1
    assert (targets[0].multiplier, targets[0].target_value, targets[0].by_year) == (2.0, 8e9, 2030)
    assert [(c.value, c.year) for c in claims] == [(4e9, 2020)]


def test_a_past_doubling_is_not_a_target() -> None:
    targets, _ = _targets("Peru and Japan met. Trade doubled between 2010 and 2020.")
    assert targets == []


def test_a_base_after_the_deadline_is_read_into_the_target_and_stays_a_claim() -> None:
    (t,), claims = _targets("Peru and Japan agreed to raise bilateral trade to $5 billion by 2025 from $2.4 billion now.")
    assert (t.target_value, t.by_year, t.base_value, t.base_year) == (5e9, 2025, 2.4e9, 2021)
    assert [c.value for c in claims] == [2.4e9]


def test_investment_of_one_country_in_another_points_from_the_investor() -> None:
    _, claims = _targets("Peru and Japan met. The president said Japanese investment in Peru, already over "
                         "$4 billion, keeps growing.")
    assert [(c.from_, c.to) for c in claims] == [("JPN", "PER")]
