"""A count that tells again, in more detail, the papers of a known first mention is no new paper.

"signed the loan agreement ... attended the signing of two low-interest loan agreements": the
first mention is told as known, the count repeats its kind ("loan") and nothing in its sentence adds
papers. Round fourteen kept every count told without "the two" apart from earlier records (right
for "signed an MoU on X ... separately entered into two memoranda"); on fresh pages that made three
records of two loans. Sentences invented for the test.
"""

from __future__ import annotations

import datetime as dt

from bilat.news.extract import extract
from bilat.news.schema import type_code


def _records(text: str) -> list[tuple[tuple[str, ...], str]]:
    return [(tuple(sorted(a.parties)), type_code(a.type)) for a in extract(text, published=dt.date(2031, 5, 9)).agreements]


TOLD_AGAIN = ("Peru's finance minister and the head of Chile's development fund signed the loan agreement in Lima "
              "on Thursday. The president attended the signing of two low-interest loan agreements with the "
              "fund, worth $90 million in all.")


def test_a_count_of_the_same_kind_after_a_known_paper_is_that_paper_told_again() -> None:
    assert _records(TOLD_AGAIN) == [(("CHL", "PER"), "other")]


def test_a_count_with_a_word_that_adds_papers_is_still_new_papers() -> None:
    added = TOLD_AGAIN.replace("The president attended the signing of", "The two sides also signed")
    assert len(_records(added)) == 3
    seen_again = TOLD_AGAIN.replace("The president attended", "The president also attended")
    assert len(_records(seen_again)) == 1  # the president "also" attended: the same ceremony, not more papers
    separately = ("Laos and Poland signed a memorandum of understanding on farm research in Warsaw on Monday. "
                  "The Polish forest office entered into two memoranda of understanding with Lao bodies, one on "
                  "timber and one on parks.")
    assert _records(separately) == [(("LAO", "POL"), "mou")] * 3  # the first told as new ("a"): no told-again reading


def test_a_count_of_another_kind_is_not_the_known_paper() -> None:
    other_kind = TOLD_AGAIN.replace("two low-interest loan agreements", "two grant agreements")
    assert len(_records(other_kind)) == 3
