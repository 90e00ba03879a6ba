"""Two more shapes of a declared goal, so that its sum or multiplier is never read as a fact.

Why: "an ambitious goal of reaching $5 billion" and "vowed to increase trade tenfold" state goals
with no year; bilat read the first as a trade figure of the year of writing and the second as a
tenfold growth that had happened, both of which the fact-check would then have judged. A sum
inside a goal sentence is the goal's. Every sentence is invented for the test.
"""

from __future__ import annotations

import datetime as dt

from bilat.news.extract import extract

PUBLISHED = dt.date(2031, 5, 14)


def test_a_goal_of_reaching_a_sum_is_a_target_not_a_claim() -> None:
    got = extract("Chile and Peru set an ambitious goal of reaching $5 billion in trade turnover.", PUBLISHED)
    (goal,) = got.targets
    assert goal.target_value == 5e9 and goal.kind == "goal"
    assert got.claims == []


def test_a_multiplier_after_the_flow_is_a_target() -> None:
    got = extract("The two presidents vowed to increase trade tenfold.", PUBLISHED)
    (goal,) = got.targets
    assert goal.multiplier == 10.0 and got.claims == []
    (dated,) = extract("Chile plans to raise exports to Peru five-fold by 2035.", PUBLISHED).targets
    assert (dated.multiplier, dated.by_year) == (5.0, 2035)


def test_a_tenfold_rise_that_happened_stays_a_claim() -> None:
    got = extract("Trade between Chile and Peru increased tenfold between 2010 and 2030.", PUBLISHED)
    assert got.targets == [] and [c.value for c in got.claims] == [10.0]
