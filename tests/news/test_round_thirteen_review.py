"""A review of round thirteen's agreement rules: readings of invented sentences that the new rules
got plainly wrong (a list of papers nobody signed, a count lost to a tally word, a party added or
lost), each with the general rule that now holds.

Every sentence here is invented for the test (real country names, made-up people, events, dates
and figures).
"""

from __future__ import annotations

import datetime as dt

from bilat.news.extract import extract
from bilat.news.schema import type_code

PUB = dt.date(2031, 5, 1)  # a Thursday: "on Monday" is 28 April 2031


def _key(record: tuple) -> tuple:
    return (sorted(record[0]),) + tuple(str(x) for x in record[1:])


def _records(text: str) -> list[tuple[frozenset[str], str]]:
    """(parties, type) of each record, in an order that does not depend on how a run hashes strings."""
    return sorted([(frozenset(a.parties), type_code(a.type)) for a in extract(text, published=PUB).agreements], key=_key)


def _dated(text: str) -> list[tuple[frozenset[str], str, str | None]]:
    return sorted([(frozenset(a.parties), type_code(a.type), a.date.value.isoformat() if a.date and a.date.value else None)
                   for a in extract(text, published=PUB).agreements], key=_key)


KD = frozenset({"KEN", "DEU"})
MEETING = "President Ada Lemi of Kenya met Chancellor Otto Brand of Germany in Nairobi on Monday."


# -- papers listed one a line: only under a line that tells a signing -----------------------------

def test_a_list_of_papers_under_negotiation_is_not_signed() -> None:
    text = (MEETING + "\n\nThe following agreements are under negotiation:\n- Agreement on air services;\n"
            "- Protocol on customs cooperation.\n")
    assert _records(text) == []


def test_a_list_of_papers_reviewed_is_not_signed() -> None:
    text = (MEETING + " The ministers reviewed the following agreements: - Agreement on air services; "
            "- Protocol on customs cooperation.")
    assert _records(text) == []


def test_a_list_of_papers_still_to_be_signed_is_not_signed() -> None:
    text = (MEETING + "\n\nThe following documents are expected to be signed:\n- Agreement on air services;\n"
            "- Memorandum of Understanding on health.\n")
    assert _records(text) == []


def test_signed_the_following_agreements_is_the_list_not_one_more_paper() -> None:
    text = MEETING + " The two signed the following agreements: 1. Agreement on air services 2. Memorandum on health."
    assert _records(text) == sorted([(KD, "other"), (KD, "mou")], key=_key)


def test_a_later_list_of_papers_discussed_is_not_part_of_the_signed_list() -> None:
    text = (MEETING + " The two signed the following agreements: 1. Agreement on air services 2. Memorandum on "
            "health. The ministers also discussed the following papers: 1. Protocol on customs 2. Convention on rail.")
    assert _records(text) == sorted([(KD, "other"), (KD, "mou")], key=_key)


# -- the members of a batch stay apart -----------------------------------------------------------

def test_two_members_of_a_batch_of_one_type_are_two_records() -> None:
    text = ("Kenya signed agreements with Germany on Friday. The agreements include a tax treaty and a loan "
            "agreement for rural roads.")
    assert _records(text) == [(KD, "other"), (KD, "other")]


# -- a tally word only cancels the count it governs ----------------------------------------------

def test_a_tally_after_the_count_does_not_cancel_the_signing() -> None:
    text = "Kenya and Germany on Monday signed three agreements, bringing the number of documents signed so far to 40."
    assert _records(text) == [(KD, "other")] * 3


# -- a recalled deal: "after" or "following" must govern the name ---------------------------------

def test_a_paper_signed_after_a_meal_keeps_the_day_of_the_news() -> None:
    got = _dated(MEETING + " After lunch a loan agreement was signed by the ministers.")
    assert got == [(KD, "other", "2031-04-28")]


# -- a list of partners ends where another paper's "with" begins -----------------------------------

def test_partners_of_a_later_paper_are_not_partners_of_the_counted_loans() -> None:
    got = _records("Kenya signed two loan agreements with Germany on Monday and a tax treaty with France and Uganda.")
    assert [r for r in got if r[0] != frozenset({"KEN", "FRA", "UGA"})] == [(KD, "other"), (KD, "other")]


# -- "the three countries" must be the signing's subject ------------------------------------------

def test_the_three_countries_in_another_clause_add_no_party() -> None:
    got = _records("Ministers of Kenya, Germany and France met in Paris. After the three countries held talks, "
                   "Kenya and Germany signed a tax treaty on Monday.")
    assert got == [(KD, "other")]


def test_a_paper_the_three_countries_signed_still_has_three_parties() -> None:
    got = _records("Leaders of Kenya, Germany and France met in Paris on Monday. The three countries signed a joint "
                   "declaration on energy.")
    assert got == [(frozenset({"KEN", "DEU", "FRA"}), "joint_statement")]


# -- a declaration on relations with a third country is no cooperation paper of the two ------------

def test_a_declaration_on_relations_with_a_third_country_is_not_a_cooperation_agreement() -> None:
    got = _records("Kenya and Germany on Monday issued a declaration on relations with China.")
    assert all(t != "cooperation_agreement" for _, t in got)


# -- the slots of a counted signing are no uncounted batch ------------------------------------------

def test_members_named_after_a_counted_signing_do_not_add_to_the_count() -> None:
    text = "Kenya and Germany signed two agreements on Monday. The documents signed include a plan and an accord on rail."
    assert _records(text) == [(KD, "other"), (KD, "other")]


# -- loans told in a contrasting clause belong to another --------------------------------------------

def test_soft_loans_in_a_while_clause_do_not_make_the_agreement_a_loan() -> None:
    got = _records("Kenya and Germany on Monday signed an agreement on joint research in health, while Uganda "
                   "received soft loans from France.")
    assert got == [(KD, "cooperation_agreement")]
