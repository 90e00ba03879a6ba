"""Round eleven, agreements: the right parties, one record per listed instrument (issue 14).

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
                   "cooperation in insurance and other documents have been signed too, officials added.")
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


# -- a cooperation cue that belongs to another name does not retype a plain "agreement" --------

def test_a_joint_statement_in_the_sentence_does_not_make_a_later_mention_a_second_record() -> None:
    got = _records("Ghana and Peru aim to finish a Comprehensive Economic Partnership Agreement (CEPA) before "
                   "December. \"A new economic agreement is expected to double trade,\" the two trade ministers "
                   "stated in a joint statement on Tuesday.")
    pair = frozenset({"GHA", "PER"})
    assert got == sorted([(pair, "fta"), (pair, "joint_statement")])


def test_an_office_title_with_cooperation_does_not_retype_the_deal() -> None:
    got = _records("Kenya and Poland will sign a Preferential Trade Agreement next week. The trade cooperation "
                   "director general said the long-negotiated agreement was first initialled in March.")
    assert got == [(frozenset({"KEN", "POL"}), "fta")]


# -- a cabinet approving "the agreement" the text already named keeps both sides ---------------

def test_a_cabinet_approving_the_named_agreement_is_not_a_one_sided_plan() -> None:
    got = _records("The trade ministers of Kenya and Poland are expected to sign the Kenya Poland Transit Trade "
                   "Agreement (KPTTA) soon. Last week the Cabinet approved the agreement, which gives Polish "
                   "lorries free transit.")
    assert got == [(frozenset({"KEN", "POL"}), "other")]


def test_a_transit_trade_agreement_is_not_a_free_trade_deal() -> None:
    got = _records("Kenya and Poland signed a transit trade agreement on Monday in Nairobi.")
    assert got == [(frozenset({"KEN", "POL"}), "other")]


# -- a month and year is less precise than a resolved weekday ---------------------------------

def test_a_month_named_later_does_not_replace_the_signing_weekday() -> None:
    got = extract("Ghana and Peru signed a Preferential Trade Agreement (PTA) on Monday in Accra. The trade "
                  "agreement was the main subject of the president's visit to Peru in March 2031.",
                  published=PUB).agreements
    assert [a.date.label() for a in got] == ["2031-05-12"]


# -- an address with a day, a month's name and a year dates the page ---------------------------

def test_an_address_with_day_month_name_and_year_dates_the_page() -> None:
    from bilat.news.pubdate import publication_date

    found = publication_date("SOURCE: https://news.example.com/07-Mar-2031/ghana-peru-deal?amp\nGhana and Peru ...")
    assert found is not None and found.date == dt.date(2031, 3, 7) and found.precision == "day"
