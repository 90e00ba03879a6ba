"""Round ten: the date an agreement carries (issue 14).

Every sentence here is invented for the test (real country names, made-up events, dates and
figures); each test names the general rule it holds.
"""

from __future__ import annotations

import datetime as dt

from bilat.news.dates import MonthOnly, find_dates
from bilat.news.extract import extract
from bilat.news.schema import type_code

PUB = dt.date(2031, 5, 14)  # a Wednesday


def _dates(text: str, published: dt.date | None = PUB) -> list[tuple[frozenset[str], str, str | None]]:
    return [(frozenset(a.parties), type_code(a.type), a.date.label() if a.date is not None else None)
            for a in extract(text, published=published).agreements]


# -- a publication known only to its month keeps weekdays to that month ------------------------

def test_a_weekday_under_a_month_folder_is_that_month_not_a_guessed_day() -> None:
    got = _dates("SOURCE: https://paper.example.com/2030/12/ghana-peru-trade-pact\n"
                 "Ghana and Peru signed a free trade deal on Wednesday in Lima, the two ministries said.",
                 published=None)
    assert got == [(frozenset({"GHA", "PER"}), "fta", "2030-12")]


def test_a_month_anchor_still_resolves_a_month_day_and_last_month() -> None:
    anchor = MonthOnly(2030, 12, 31)
    labels = [d.label() for d in find_dates("It met on December 3 and again last month, then on Friday.", anchor)]
    assert labels == ["2030-12-03", "2030-11", "2030-12"]


# -- a signing date stated after the instrument's name wins ------------------------------------

def test_the_stated_signing_day_beats_the_entry_into_force() -> None:
    got = _dates("Trade has grown since the Ghana-Peru Comprehensive Economic Partnership Agreement, signed "
                 "by both governments on March 4, 2029, came into force on July 1, 2029.")
    assert got == [(frozenset({"GHA", "PER"}), "fta", "2029-03-04")]


_UPGRADE = ("On May 12, the trade ministers of Ghana and Peru signed a memorandum of understanding "
            "and declared open the talks on a wider Ghana-Peru FTA.\n\n")


def test_a_later_sentence_saying_when_the_fta_was_signed_dates_it() -> None:
    got = _dates(_UPGRADE + "The Ghana-Peru FTA was signed in June 2024, and has been in force since May 2025.")
    assert (frozenset({"GHA", "PER"}), "fta", "2024-06") in got
    assert (frozenset({"GHA", "PER"}), "mou", "2031-05-12") in got


def test_a_signing_date_of_another_pairs_fta_is_not_taken() -> None:
    got = _dates(_UPGRADE + "The Chile-Peru FTA was signed in June 2006, and has been in force since May 2007.")
    assert (frozenset({"GHA", "PER"}), "fta", "2031-05-12") in got
    assert (frozenset({"CHL", "PER"}), "fta", "2006-06") in got


# -- talks that go on, and deals still to be signed, are not dated by the day's news ------------

def test_ongoing_negotiations_for_signing_a_deal_take_no_date_of_the_day() -> None:
    got = _dates("On 12 May 2031 the trade ministers of Ghana and Peru met in Accra.\n\n"
                 "They welcomed the steady progress of the ongoing negotiations for signing a Ghana-Peru "
                 "Comprehensive Economic Partnership Agreement.")
    assert got == [(frozenset({"GHA", "PER"}), "fta", None)]


def test_a_round_of_talks_approved_in_principle_is_not_a_signing() -> None:
    got = extract("The fourth round of negotiations between Ghana and Peru on a free trade agreement settled "
                  "the legal text and approved in principle the offers on services.", published=PUB).agreements
    assert [(type_code(a.type), a.status, a.date) for a in got] == [("fta", "negotiations_launched", None)]


def test_launched_talks_still_take_the_day() -> None:
    got = extract("Ghana and Peru launched negotiations on a free trade agreement in Accra on Monday.",
                  published=PUB).agreements
    assert [(type_code(a.type), a.status, a.date.label()) for a in got] == [("fta", "negotiations_launched", "2031-05-12")]


def test_a_deal_still_to_be_signed_takes_no_date_of_a_statement() -> None:
    got = extract("Ghana is poised to sign a free trade deal with Peru within weeks, its trade minister "
                  "said on Tuesday.", published=PUB).agreements
    assert [(type_code(a.type), a.status, a.date) for a in got] == [("fta", "pending", None)]
