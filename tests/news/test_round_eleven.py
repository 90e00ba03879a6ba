"""Round eleven: the right parties, one record per listed instrument (issue 14).

Every sentence here is invented for the test (real country names, made-up events, dates and
figures); each test names the general rule it holds.
"""

from __future__ import annotations

import datetime as dt

from bilat.news.extract import extract
from bilat.news.mentions import country_refs, main_pair
from bilat.news.schema import type_code

PUB = dt.date(2031, 5, 14)


def _records(text: str, published: dt.date | None = PUB) -> list[tuple[frozenset[str], str]]:
    return sorted((frozenset(a.parties), type_code(a.type)) for a in extract(text, published=published).agreements)


# -- a coordinated list of titled instruments after the signing verb: one record each ----------

def test_titled_instruments_listed_after_the_signing_verb_are_one_record_each() -> None:
    got = _records("Ghana and Peru held talks in Lima on Tuesday. The two sides signed the Agreement on Technical "
                   "Cooperation, the Framework Agreement on a Concessional Credit, the Protocol on Deferred Repayment "
                   "and the Exchange of Letters on the New Port Road.")
    pair = frozenset({"GHA", "PER"})
    assert got == sorted([(pair, "cooperation_agreement"), (pair, "other"), (pair, "protocol"), (pair, "other")])


def test_a_titled_free_trade_agreement_in_such_a_list_keeps_its_kind() -> None:
    got = _records("Chile and Vietnam signed the Free Trade Agreement and the Agreement on Customs Cooperation "
                   "in Hanoi on Monday.")
    pair = frozenset({"CHL", "VNM"})
    assert got == sorted([(pair, "fta"), (pair, "cooperation_agreement")])


def test_one_titled_instrument_after_the_verb_is_still_one_record() -> None:
    got = _records("Chile and Vietnam signed the Agreement on Customs Cooperation in Hanoi on Monday. "
                   "The agreement will speed up clearance at ports.")
    assert len(got) == 1 and got[0][0] == frozenset({"CHL", "VNM"})


# -- the subject of a passive signing: "a memorandum …, an agreement … were also signed" ------

def test_instruments_listed_as_the_subject_of_were_signed_are_one_record_each() -> None:
    got = _records("Kenya and Poland signed 12 documents during the visit. Several memorandums were adopted in "
                   "farming and health. A memorandum of understanding on water management, an agreement on "
                   "cooperation in insurance and other documents were also signed, the statement said.")
    pair = frozenset({"KEN", "POL"})
    # the counted batch, and the two instruments the list names (not folded into the plural "memorandums")
    assert got == sorted([(pair, "cooperation_agreement"), (pair, "mou"), (pair, "cooperation_agreement")])


# -- a newspaper's or agency's name is not a party ------------------------------------------

def test_a_country_word_in_a_media_name_is_not_a_mention() -> None:
    refs = country_refs("(Ghana Point News / Peru Daily) Kenya and Poland signed an MoU, the Saudi Press Agency "
                        "and the Times of India reported.")
    assert sorted({r.iso3 for r in refs}) == ["KEN", "POL"]


# -- a wire dateline's capital is the side agency copy leaves unnamed ------------------------

def test_the_dateline_capital_is_the_other_side_when_only_one_country_is_named() -> None:
    text = ("NAIROBI, (News Wire - 3rd May, 2031) The Cabinet Secretary for Trade today signed a memorandum of "
            "understanding on fisheries with the visiting trade minister of the Republic of Peru.")
    assert sorted(main_pair(country_refs(text))) == ["KEN", "PER"]
    assert _records(text) == [(frozenset({"KEN", "PER"}), "mou")]


def test_the_dateline_is_only_a_place_when_two_countries_are_named() -> None:
    text = "NAIROBI, May 3 (News Wire) Ghana and Peru signed a memorandum of understanding on fisheries."
    assert sorted(main_pair(country_refs(text))) == ["GHA", "PER"]
