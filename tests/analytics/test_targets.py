"""Goal tracking: the arithmetic on hand-worked cases, the verdicts, and storage in the catalog."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from bilat import pair_api
from bilat.analytics.growth import cagr, project, required_rate
from bilat.analytics.targets import ACHIEVED, BEHIND, MISSED, ON_TRACK, Target, evaluate
from bilat.errors import BilatError


def series(values: dict[int, float]) -> pd.DataFrame:
    """A pair series with the total column the 'total' measure reads (A=AAA... are not needed)."""
    return pd.DataFrame({"year": list(values), "total_usd": list(values.values())})


def doubling(by_year: int = 2022) -> Target:
    return Target(a="ISR", b="JPN", measure="total", base_year=2016, by_year=by_year, multiplier=2.0)


def test_doubling_in_six_years_needs_12_25_percent_a_year():
    # 2 ** (1/6) = 1.122462...; so 12.2462 % a year.
    assert required_rate(2.0, 6) == pytest.approx(0.122462, abs=1e-6)
    assert cagr(100.0, 200.0, 6) == pytest.approx(2 ** (1 / 6) - 1)
    assert project(100.0, 2 ** (1 / 6) - 1, 6) == pytest.approx(200.0)


def test_cagr_is_undefined_from_zero_or_negative_values():
    assert cagr(0.0, 10.0, 3) is None
    assert cagr(-5.0, 10.0, 3) is None
    assert cagr(10.0, 20.0, 0) is None


def test_target_behind_when_projection_falls_short():
    # base 100 in 2016, goal 200 in 2022. 2019: 110 -> CAGR (1.1)^(1/3)-1 = 3.228 %;
    # projection 110 * 1.1^(3/3) = 121 < 200 -> behind; progress (110-100)/(200-100) = 10 %.
    status = evaluate(doubling(), series({2016: 100.0, 2019: 110.0}))
    row = status.years.iloc[-1]
    assert status.goal == 200.0
    assert status.required_cagr == pytest.approx(2 ** (1 / 6) - 1)
    assert row.actual_cagr == pytest.approx(1.1 ** (1 / 3) - 1)
    assert row.projection_usd == pytest.approx(110.0 * 1.1)
    assert row.progress == pytest.approx(0.10)
    assert status.verdict == BEHIND
    # The remaining years need (200/110)^(1/3) - 1 = 22.07 % a year.
    assert row.needed_cagr_from_here == pytest.approx((200 / 110) ** (1 / 3) - 1)


def test_target_on_track_when_growth_exceeds_the_required_rate():
    # 2018: 130 -> CAGR sqrt(1.3)-1 = 14.02 % > 12.25 %; projection 130 * 1.3^(4/2) = 219.7 >= 200.
    status = evaluate(doubling(), series({2016: 100.0, 2017: 115.0, 2018: 130.0}))
    assert status.years.iloc[-1].projection_usd == pytest.approx(130.0 * 1.3 ** 2)
    assert status.verdict == ON_TRACK


def test_target_achieved_and_missed():
    assert evaluate(doubling(), series({2016: 100.0, 2020: 205.0})).verdict == ACHIEVED
    missed = evaluate(doubling(), series({2016: 100.0, 2022: 150.0, 2023: 260.0}))
    # The goal year decides: 150 < 200 in 2022 is a miss even if 2023 passes the level.
    assert missed.verdict == MISSED


def test_target_value_goal_and_missing_base_year():
    target = Target(a="ISR", b="JPN", measure="total", base_year=2016, by_year=2020, target_value=300.0)
    status = evaluate(target, series({2016: 100.0, 2018: 200.0}))
    # 300 = 100 * 3 over 4 years -> 3^(1/4)-1 = 31.6 % a year; 2018 is (200-100)/(300-100) = 50 % of the way.
    assert status.required_cagr == pytest.approx(3 ** 0.25 - 1)
    assert status.years.iloc[-1].progress == pytest.approx(0.5)
    assert evaluate(target, series({2017: 100.0})).verdict == "no base value"


def test_exports_measure_reads_the_a_to_b_column():
    target = Target(a="ISR", b="JPN", measure="exports", base_year=2016, by_year=2018, multiplier=2.0)
    frame = pd.DataFrame({"year": [2016, 2018], "ISR_to_JPN_usd": [10.0, 25.0], "JPN_to_ISR_usd": [1.0, 1.0],
                          "total_usd": [11.0, 26.0]})
    assert evaluate(target, frame).verdict == ACHIEVED


def test_news_target_record_is_accepted_with_documented_defaults():
    # The shape of Target.to_target_dict() from the news extractor: no base year, no goal year.
    record = {"measure": "bilateral_trade_total", "countries": ["ISR", "JPN"], "from": None, "to": None,
              "multiplier": 2, "target_value": None, "currency": None, "unit": None, "base_value": None,
              "base_year": None, "by_year": None, "quote": "double the trade"}
    target = pair_api.make_target(**record, published="2017-05-03")
    assert (target.a, target.b, target.measure) == ("ISR", "JPN", "total")
    assert target.base_year == 2016 and target.by_year == 2016 + 6 and target.by_year_assumed


def test_imports_goal_from_news_direction_is_the_importers():
    # "imports from JPN to ISR" = ISR's imports from JPN: a=ISR, b=JPN, measure imports.
    target = pair_api.make_target(measure="imports", **{"from": "JPN", "to": "ISR"}, multiplier=1.5, base_year=2015)
    assert (target.a, target.b, target.measure) == ("ISR", "JPN", "imports")


def test_growth_percent_becomes_a_multiplier():
    target = pair_api.make_target("ISR", "JPN", growth="50%", base_year=2016, by_year=2020)
    assert target.multiplier == pytest.approx(1.5)


@pytest.mark.parametrize(
    "fields, message",
    [
        (dict(multiplier=2.0, target_value=1e9, base_year=2016), "exactly one"),
        (dict(base_year=2016), "exactly one"),
        (dict(multiplier=2.0, base_year=2016, by_year=2015), "must come after"),
        (dict(multiplier=2.0, base_year=2016, measure="gdp"), "measure must be"),
    ],
)
def test_bad_target_is_refused_with_a_clear_message(fields, message):
    with pytest.raises(BilatError, match=message):
        pair_api.make_target("ISR", "JPN", **fields)


def test_goal_sentence_is_parsed():
    fields = pair_api.parse_goal("double ISR-JPN total trade from 2016 by 2022")
    assert fields | {"quote": None} == {"a": "ISR", "b": "JPN", "measure": "total", "multiplier": 2.0,
                                        "base_year": 2016, "by_year": 2022, "quote": None}
    assert pair_api.parse_goal("reach $10 bn ISR-JPN trade from 2016 by 2025")["target_value"] == 10e9
    with pytest.raises(BilatError, match="cannot read the goal"):
        pair_api.parse_goal("make trade great")


def test_targets_are_stored_listed_and_removed_in_the_catalog():
    first = pair_api.add_target("Israel", "Japan", multiplier=2, base_year=2016, by_year=2022, quote="<b>q</b>")
    second = pair_api.add_target("ISR", "KOR", target_value=5e9, base_year=2015)
    listed = pair_api.list_targets()
    assert list(listed.id) == [first.id, second.id]
    assert listed.goal.iloc[0] == "double ISR–JPN total trade from 2016 by 2022"
    assert listed.quote.iloc[0] == "<b>q</b>"
    assert listed.by_year.iloc[1] == 2021 and bool(listed.by_year_assumed.iloc[1])
    pair_api.remove_target(first.id)
    assert list(pair_api.list_targets().id) == [second.id]
    with pytest.raises(BilatError, match="no target with id"):
        pair_api.remove_target(first.id)


def test_list_targets_on_a_fresh_store_is_empty():
    frame = pair_api.list_targets()
    assert len(frame) == 0 and "goal" in frame.columns
    assert not math.isnan(required_rate(3.0, 2))
