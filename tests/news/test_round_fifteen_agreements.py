"""Round fifteen, agreements: classes of wording that real pages use and the rules missed, each
checked on sentences made up for the test (real country names, invented events and dates).

* a counted batch whose modifiers are joined by "and" ("nine farm and energy agreements");
* an "arrangement" of cooperation between two administrations, the same paper as an agreement;
* a paper set for later in the passive ("will be inked in June"), or one the two sides are still
  drafting ("working together towards a memorandum"): pending, never a signing.
"""

from __future__ import annotations

import datetime as dt

from bilat.news.extract import extract
from bilat.news.schema import type_code

PUB = dt.date(2033, 5, 12)


def _records(text: str) -> list[tuple[tuple[str, ...], str, str | None, int | None]]:
    """(sorted parties, type code, status, count) of each record, in a fixed order."""
    got = extract(text, published=PUB).agreements
    return sorted((tuple(sorted(a.parties)), type_code(a.type), a.status, a.count) for a in got)


def test_a_count_with_modifiers_joined_by_and_is_one_batch() -> None:
    text = "During the state visit Chile and Ghana signed 18 mining and energy agreements altogether."
    assert _records(text) == [(("CHL", "GHA"), "cooperation_agreement", None, 18)]


def test_a_cooperation_arrangement_signed_by_two_offices_is_a_cooperation_agreement() -> None:
    text = ("Chile and Ghana met in Accra. The two port authorities signed a maritime cooperation "
            "arrangement there on 4 March 2031.")
    (record,) = extract(text, published=PUB).agreements
    assert set(record.parties) == {"CHL", "GHA"} and type_code(record.type) == "cooperation_agreement"
    assert record.date is not None and record.date.value == dt.date(2031, 3, 4)


def test_a_paper_to_be_inked_later_is_not_a_signing() -> None:
    text = "Chile and Ghana met in Accra. The ministers agreed that accords on the new air route will be inked in June."
    assert _records(text) == []  # not signed in June of any year; a generic pending paper is no record


def test_a_memorandum_still_being_drafted_is_a_pending_record() -> None:
    text = ("Chile and Ghana will also deepen farm ties by working together towards a memorandum of "
            "understanding on cocoa research.")
    assert _records(text) == [(("CHL", "GHA"), "mou", "pending", None)]
