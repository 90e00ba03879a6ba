"""Claims about 2013 and 2016 Israel-Japan trade, checked against real IMF DOTS, World Bank and COW rows."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from bilat.news import check_claims, extract, load_article
from bilat.news.check import check_claim
from bilat.news.model import Claim


def _dots(frame: pd.DataFrame, reporter: str, partner: str, year: int) -> float:
    row = frame[(frame.reporter == reporter) & (frame.partner == partner) & (frame.year == year)]
    assert len(row) == 1
    return float(row.value_usd.iloc[0])


@pytest.fixture(scope="module")
def verdicts_2016(shared_examples: Path, real_facts):
    article = load_article(shared_examples / "news" / "israel_japan_agreements_2017.txt")
    return {v.claim.text: v for v in check_claims(extract(article).claims, real_facts)}


@pytest.fixture(scope="module")
def verdicts_2013(shared_examples: Path, real_facts):
    article = load_article(shared_examples / "news" / "israel_japan_cabinet_plan_2015.txt")
    return {v.claim.text: v for v in check_claims(extract(article).claims, real_facts)}


def test_2016_israeli_exports_to_japan_about_700m_is_consistent_with_dots(verdicts_2016, dots_isr_jpn) -> None:
    verdict = verdicts_2016["about $700 million"]
    data = _dots(dots_isr_jpn, "ISR", "JPN", 2016)
    assert verdict.data_value == pytest.approx(data)
    assert verdict.deviation == pytest.approx((700e6 - data) / data)
    assert verdict.verdict == "consistent"  # 757M vs ~700M: -7.5%, inside "about" (±15%)
    assert verdict.source == "imf_dots"


def test_2016_total_trade_about_3bn_sums_both_directions(verdicts_2016, dots_isr_jpn) -> None:
    verdict = verdicts_2016["about $3 billion"]
    data = _dots(dots_isr_jpn, "ISR", "JPN", 2016) + _dots(dots_isr_jpn, "JPN", "ISR", 2016)
    assert verdict.data_value == pytest.approx(data)
    assert verdict.verdict == "consistent"
    assert "FOB" in verdict.explanation


def test_2016_imports_from_japan_2_3bn_is_inconsistent_and_explained_as_cif_vs_fob(verdicts_2016, dots_isr_jpn) -> None:
    verdict = verdicts_2016["$2.3b."]
    data = _dots(dots_isr_jpn, "JPN", "ISR", 2016)
    assert verdict.data_value == pytest.approx(data)
    assert data < 2.3e9 * 0.9  # Japan reports ~2.0bn FOB: more than 5% below an exact figure
    assert verdict.verdict == "inconsistent"
    assert "CIF" in verdict.explanation


def test_claim_without_year_is_not_checkable(verdicts_2016) -> None:
    verdict = verdicts_2016["the third biggest economy after China and the United States"]
    assert verdict.verdict == "not_checkable" and "year" in verdict.reason


def test_2013_exports_720m_and_share_of_japans_imports_are_consistent(verdicts_2013, dots_isr_jpn, indicators_real) -> None:
    exports = verdicts_2013["some about $720 million"]
    data = _dots(dots_isr_jpn, "ISR", "JPN", 2013)
    assert exports.data_value == pytest.approx(data) and exports.verdict == "consistent"
    share = verdicts_2013["0.1 percent"]
    imports = indicators_real.query("country == 'JPN' and indicator == 'imports_total_usd' and year == 2013")
    expected = 100 * data / float(imports.value.iloc[0])
    assert share.data_value == pytest.approx(expected)
    assert 0.05 <= expected < 0.1  # stated as "0.1 percent": consistent by rounding (0.05-0.15)
    assert share.verdict == "consistent"


def test_2013_gdp_and_rank_of_japan_come_from_world_bank(verdicts_2013, indicators_real) -> None:
    gdp = verdicts_2013["some about $4.7 trillion"]
    row = indicators_real.query("country == 'JPN' and indicator == 'gdp_usd' and year == 2013")
    assert gdp.data_value == pytest.approx(float(row.value.iloc[0]))
    assert gdp.verdict == "consistent" and "vintage" in gdp.explanation
    rank = verdicts_2013["the world's third largest"]
    year = indicators_real.query("indicator == 'gdp_usd' and year == 2013")
    countries = year[year.country.isin(["USA", "CHN", "JPN", "DEU", "FRA", "GBR"])].sort_values("value", ascending=False)
    assert list(countries.country)[:3] == ["USA", "CHN", "JPN"]
    assert rank.data_value == 3 and rank.verdict == "consistent"  # aggregates such as WLD are not ranked


def test_other_measures_are_not_checkable_with_a_reason(verdicts_2013) -> None:
    verdict = verdicts_2013["approximately $7 billion"]
    assert verdict.verdict == "not_checkable" and "definition" in verdict.reason


def test_year_without_data_is_not_checkable(real_facts) -> None:
    claim = Claim(text="$1 billion", start=0, end=10, measure="exports", value=1e9, currency="USD",
                  from_="ISR", to="JPN", year=2023)
    verdict = check_claim(claim, real_facts)
    assert verdict.verdict == "not_checkable" and "2023" in verdict.reason


def test_shekel_claim_is_converted_with_the_years_rate(real_facts, dots_isr_jpn) -> None:
    data = _dots(dots_isr_jpn, "ISR", "JPN", 2016)
    claim = Claim(text="NIS 2.9 billion", start=0, end=15, measure="exports", value=2.9e9, currency="ILS",
                  from_="ISR", to="JPN", year=2016)
    verdict = check_claim(claim, real_facts)
    assert verdict.claimed_usd == pytest.approx(2.9e9 / 3.841)  # Bank of Israel 2016 average, fx_rates.csv
    assert verdict.data_value == pytest.approx(data)


def test_services_figures_are_not_checked_against_goods_data(real_facts) -> None:
    claim = Claim(text="$3 billion", start=0, end=10, measure="bilateral_trade_total", value=3e9, currency="USD",
                  from_="ISR", to="JPN", year=2016, scope="goods_and_services")
    assert check_claim(claim, real_facts).verdict == "not_checkable"
