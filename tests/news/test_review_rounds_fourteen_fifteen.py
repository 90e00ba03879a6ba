"""Review of rounds fourteen and fifteen: readings of the new rules that ordinary prose broke, each
checked on sentences made up for the test (real country names, invented events, sums and dates)."""

from __future__ import annotations

import datetime as dt

from bilat.news.extract import extract
from bilat.news.schema import type_code

PUB = dt.date(2033, 5, 12)
_SIGNED = "Chile and Ghana signed a visa agreement in Accra on 3 March 2033. "


def _records(text: str) -> list[tuple[tuple[str, ...], str, str | None, int | None]]:
    got = extract(text, published=PUB).agreements
    return sorted((tuple(sorted(a.parties)), type_code(a.type), a.status, a.count) for a in got)


def test_the_importance_of_a_visit_before_a_comma_leaves_the_signing_standing() -> None:
    text = ("Chile and Ghana met in Accra on Monday. Underlining the importance of the visit, the two "
            "presidents oversaw the signing of five agreements.")
    assert [r[3] for r in _records(text)] == [5]


def test_a_plan_to_build_or_a_statement_from_critics_is_no_listed_paper() -> None:
    for tail in ("There was also a plan to build a new port in Tema.",
                 "There was also a statement from the opposition criticising the talks.",
                 "There was also a programme of events for visitors at the fair."):
        assert len(_records(_SIGNED + tail)) == 1, tail


def test_an_action_plan_listed_after_a_signing_is_still_a_paper() -> None:
    assert len(_records(_SIGNED + "There was also an action plan on fisheries.")) == 2


def test_an_earlier_agreement_in_force_before_the_signing_is_another_paper() -> None:
    for tail in ("The old agreement came into force in 2012, officials recalled.",
                 "The previous agreement had entered into force on 1 May 2012."):
        assert _records(_SIGNED + tail) == [(("CHL", "GHA"), "other", None, None)], tail


def test_the_agreement_just_signed_still_takes_its_later_entry_into_force() -> None:
    (record,) = extract(_SIGNED + "The agreement entered into force on 1 April 2033.", published=PUB).agreements
    assert record.status == "in_force" and record.date.value == dt.date(2033, 4, 1)


def test_a_sum_short_of_the_goal_is_no_goal() -> None:
    got = extract("Chile and Ghana traded $2 billion of goods last year; $2 billion is less than half the "
                  "target for 2035.", published=PUB)
    assert [t.target_value for t in got.targets] == []


def test_a_fiscal_ten_year_plan_is_no_fiscal_year() -> None:
    got = extract("Ghana's exports to Chile rose to $2 billion under the fiscal 10-year plan.", published=PUB)
    assert [(c.value, c.year) for c in got.claims] == [(2e9, 2033)]


def test_the_signing_as_an_item_of_a_wished_for_list_is_still_no_signing() -> None:
    text = ("Chile and Ghana met in Accra on Monday. The minister stressed the importance of new flights "
            "between the capitals, the signing of a road agreement between Chile, Ghana and Togo, and wider visa rules.")
    assert _records(text) == []


def test_their_free_trade_agreement_network_or_talks_is_no_deal_of_the_pair() -> None:
    assert _records("Chile and Ghana both want to widen their free trade agreement network in Asia.") == []
    assert _records("Chile and Ghana said their free trade agreement talks would resume in June.") == []


def test_their_bilateral_trade_agreement_is_still_the_pairs_own_deal() -> None:
    assert [r[1] for r in _records("Chile and Ghana want to revisit their bilateral trade agreement this year.")] == ["fta"]
