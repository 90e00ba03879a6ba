"""Agreements, blocs, publication dates and tables, on short texts written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from bilat.news import extract
from bilat.news.pubdate import publication_date
from bilat.news.schema import AGREEMENT_TYPES, type_code
from bilat.nomenclature.blocs import bloc_of, find_bloc_mentions, members_of

PUB = dt.date(2021, 6, 15)


def _agreements(text: str, published: dt.date | None = PUB):
    return [a.to_dict() for a in extract(text, published=published).agreements]


# --- blocs ---------------------------------------------------------------------------------------

def test_blocs_are_recognised_with_their_members() -> None:
    found = find_bloc_mentions("The EU, ASEAN, Mercosur, the GCC and EFTA met; the European Union's envoy spoke.")
    assert [m.iso3 for m in found] == ["EUU", "ASEAN", "MERCOSUR", "GCC", "EFTA", "EUU"]
    assert found[-1].kind == "possessive"
    assert "BRA" in members_of("MERCOSUR") and "CHE" in members_of("EFTA") and members_of("JPN") == ()
    assert set(bloc_of("VNM")) == {"ASEAN"}


def test_a_deal_between_a_bloc_and_a_country_is_not_read_as_one_with_a_member() -> None:
    text = ("The EU and Peru signed a free trade agreement on Monday in Lima. France and Spain welcomed "
            "the pact, and the EU said the agreement removes most duties.")
    (a,) = _agreements(text)
    assert set(a["parties"]) == {"EUU", "PER"} and a["type_code"] == "fta"


# --- agreements ----------------------------------------------------------------------------------

def test_one_agreement_named_by_its_acronym_later_is_one_record() -> None:
    text = ("Peru and Japan signed a Comprehensive Economic Partnership Agreement (CEPA) on Monday. "
            "The CEPA cuts tariffs on fish. Officials said the deal would take effect next year.")
    (a,) = _agreements(text)
    assert (a["type_code"], a["acronym"], a["date"]) == ("fta", "CEPA", "2021-06-14")


def test_two_agreements_with_different_acronyms_stay_two() -> None:
    text = ("Peru and Japan have signed an Economic Cooperation and Trade Agreement (ECTA). "
            "They are now working on a Comprehensive Economic Cooperation Agreement (CECA).")
    got = [(a["acronym"], a["status"]) for a in _agreements(text)]
    assert got == [("ECTA", "signed"), ("CECA", "negotiations_launched")]


def test_pending_events_are_kept_with_a_status() -> None:
    cases = {
        "Peru and Japan launched negotiations on a free trade agreement on Monday.": "negotiations_launched",
        "Peru and Japan reached an agreement in principle on a trade agreement.": "agreed_in_principle",
        "The Peru-Japan free trade agreement came into force in March.": "in_force",
        "Peru and Japan committed to a free trade agreement in a new roadmap.": "talks_launched",
    }
    for text, status in cases.items():
        got = _agreements(text)
        assert [a["status"] for a in got] == [status], (text, got)
        assert got[0]["type_code"] == "fta"


def test_a_generic_mention_of_free_trade_is_not_an_agreement() -> None:
    assert _agreements("Peru and Japan both say that with every free trade agreement, farmers gain.") == []


def test_expected_to_sign_is_not_a_signing() -> None:
    assert _agreements("Japan is expected to sign deals worth $3 billion with Peru.") == []


def test_a_third_country_is_a_party_only_next_to_the_agreement_name() -> None:
    text = ("Peru and Japan concluded their talks on a trade pact on Monday. The news follows a free trade "
            "agreement with Chile that was formally signed today in Lima.")
    parties = sorted(sorted(a["parties"]) for a in _agreements(text))
    assert ["CHL", "PER"] in parties


def test_type_codes_and_labels_are_stable() -> None:
    assert list(AGREEMENT_TYPES) == ["mou", "joint_statement", "fta", "cooperation_agreement", "protocol",
                                     "investment_plan", "other"]
    assert [type_code(x) for x in ("MoU", "joint statement", "protocols", "government investment plan",
                                   "FTA", "letter of intent")] == [
        "mou", "joint_statement", "protocol", "investment_plan", "fta", "other"]


# --- publication dates ---------------------------------------------------------------------------

def test_publication_date_from_a_date_line_a_dateline_and_a_source_address() -> None:
    assert publication_date(" date 2022-03-04 Peru and Japan met.").date == dt.date(2022, 3, 4)
    wire = "SOURCE: https://example.org/story/20190316/x\nLIMA, March 12 (Wire) -- Peru and Japan met."
    assert (publication_date(wire).date, publication_date(wire).how) == (dt.date(2019, 3, 12), "dateline")
    january = "SOURCE: https://example.org/2019/01/03/x\nLIMA, Dec. 30 (Wire) -- Peru and Japan met."
    assert publication_date(january).date == dt.date(2018, 12, 30)  # a December dateline in a January address
    assert publication_date("SOURCE: https://example.org/2017/04/11/story\nPeru met Japan.").date == dt.date(2017, 4, 11)
    assert publication_date("Peru and Japan met on Monday.") is None


def test_relative_dates_resolve_against_the_stated_date_unless_one_is_given() -> None:
    text = "SOURCE: https://example.org/2017/04/11/story\nPeru and Japan signed a memorandum of understanding on Monday."
    assert [a["date"] for a in _agreements(text, published=None)] == ["2017-04-10"]
    assert [a["date"] for a in _agreements(text, published=dt.date(2017, 5, 3))] == ["2017-05-01"]


def test_an_unresolvable_date_is_said_once() -> None:
    result = extract("Peru and Japan signed a memorandum of understanding on Monday. The memorandum of understanding "
                     "was signed on Monday.")
    assert len(result.notes) == 1 and "Monday" in result.notes[0]
    assert all(a.date is None or a.date.value is None for a in result.agreements)


# --- tables --------------------------------------------------------------------------------------

def test_a_flattened_table_of_figures_is_read_as_claims() -> None:
    text = ("Peru and Japan: trade brief\nPeru-Japan trade (in US$ million)\n"
            "Year | Peru's exports | Peru's imports | Total trade\n"
            "2018 | 310.5 | 220 | 530.5\n2019 | 305 | - | 540\nSource: statistics office.\n")
    got = [(c.year, c.basis, c.from_, c.to, c.value) for c in extract(text, published=PUB).claims]
    assert got == [
        (2018, "exports", "PER", "JPN", 310.5e6), (2018, "imports", "JPN", "PER", 220e6),
        (2018, "trade", "PER", "JPN", 530.5e6), (2019, "exports", "PER", "JPN", 305e6),
        (2019, "trade", "PER", "JPN", 540e6),
    ]


def test_similar_deals_with_third_countries_get_their_own_records() -> None:
    text = ("Peru and Japan signed a currency swap deal on Monday. Japan has clinched similar swap deals with "
            "Chile and Mexico, the central bank said.")
    parties = sorted(sorted(a["parties"]) for a in _agreements(text))
    assert parties == [["CHL", "JPN"], ["JPN", "MEX"], ["JPN", "PER"]]
    assert {a["type_code"] for a in _agreements(text)} == {"other"}


def test_a_named_partnership_signed_is_an_agreement() -> None:
    (a,) = _agreements("Peru and Japan signed an Enhanced Trade Partnership on Monday.")
    assert (a["type_code"], a["type"]) == ("other", "partnership")


def test_a_line_break_inside_a_sentence_does_not_cut_it() -> None:
    text = ("Peru and Japan signed a currency swap deal on Monday, the bank said in a long statement.\n"
            "Japan has clinched similar swap deals with Chile\nand Mexico in recent years, it added.")
    parties = sorted(sorted(a["parties"]) for a in _agreements(text))
    assert ["JPN", "MEX"] in parties and ["CHL", "JPN"] in parties


def test_an_instrument_marked_as_another_is_a_second_record() -> None:
    text = ("Peru and Japan signed a loan agreement for a port on Monday. They also signed another loan "
            "agreement for a railway. The loan agreement for the port runs for ten years.")
    assert [a["type_code"] for a in _agreements(text)] == ["other", "other"]


def test_an_agreement_signed_in_a_past_year_is_dated_by_that_year() -> None:
    (a,) = _agreements("Peru and Chile signed a free trade agreement in 2006, officials recalled.")
    assert a["date"] == "2006"


# --- a year the text implies, a list of signers, another event's date -----------------------

def test_this_year_against_the_same_period_of_a_year_gives_the_year_but_no_day() -> None:
    text = ("Peru and Vietnam signed a memorandum of understanding on fisheries on Tuesday.\n"
            "Two-way trade reached 1.2 billion U.S. dollars last year. In the first half of this year it "
            "came to 700.5 million U.S. dollars, up 12.5 percent over the same period of2011.")
    found = extract(text)
    assert found.published is None  # the day is not known, so none is stored
    assert any("2012" in note for note in found.notes)
    by_value = {c.value: c.year for c in found.claims}
    assert by_value[1.2e9] == 2011 and by_value[700.5e6] == 2012 and by_value[12.5] == 2012
    (a,) = found.agreements
    assert a.date is not None and a.date.label() == "2012"  # "on Tuesday": the year only


def test_no_year_is_invented_without_the_comparison() -> None:
    found = extract("Peru and Vietnam signed a memorandum of understanding on Tuesday. Trade rose this year.")
    assert found.notes and not any("follows from" in n for n in found.notes)
    assert found.agreements[0].date.value is None


def test_countries_listed_before_the_verb_each_get_a_record() -> None:
    text = ("Peru and Vietnam signed an accord on rice trade on Monday in Hanoi. "
            "Laos, Cambodia and the Philippines signed similar MOUs with Vietnam on Sunday.")
    pairs = {frozenset(a["parties"]) for a in _agreements(text)}
    assert pairs == {frozenset({"PER", "VNM"}), frozenset({"LAO", "VNM"}), frozenset({"KHM", "VNM"}),
                     frozenset({"PHL", "VNM"})}


def test_a_later_sentence_about_another_event_does_not_date_the_agreement() -> None:
    text = ("Chile and Thailand signed a trade memorandum on Monday, 14 June 2021. The two ministers also "
            "agreed a second MOU on tourism. Chile opened its embassy in Bangkok on March 3, 1962.")
    dates = sorted(a["date"] for a in _agreements(text))
    assert "1962-03-03" not in dates


def test_table_columns_that_name_the_partner_and_a_title_that_ends_in_its_unit() -> None:
    text = ("Trade between Peru and Japan (USD million)\nYear\nExports to Japan\nImports from Japan\nTotal\n"
            "2019\n1,100\n700\n1,800\n2020\n1,000\n650\n1,650\n")
    rows = [(c.year, c.from_, c.to, c.value) for c in extract(text, published=PUB).claims]
    assert (2019, "PER", "JPN", 1.1e9) in rows and (2019, "JPN", "PER", 7e8) in rows and (2020, "JPN", "PER", 6.5e8) in rows
    text = "Peru and Japan: bilateral trade, US$ million\nYear Exports Imports Total\n2019 1,100 700 1,800\n2020 1,000 650 1,650\n"
    assert sorted(c.value for c in extract(text, published=PUB).claims) == [6.5e8, 7e8, 1e9, 1.1e9, 1.65e9, 1.8e9]


@pytest.mark.parametrize("head, want, how", [
    ("SOURCE: http://example.org/a/1\nLIMA, 12 March 2019 - Peru and Japan signed", dt.date(2019, 3, 12), "dateline"),
    ("SOURCE: http://example.org/a/1\n2019-03-12 10:30\nPeru and Japan signed", dt.date(2019, 3, 12), "byline"),
    ("SOURCE: http://example.org/2019-03-12/peru-japan\nPeru and Japan signed", dt.date(2019, 3, 12), "source"),
])
def test_more_places_a_page_states_its_date(head: str, want: dt.date, how: str) -> None:
    found = publication_date(head)
    assert found is not None and (found.date, found.how) == (want, how)


def test_a_dateline_year_taken_from_the_text_says_it_was_assumed() -> None:
    found = publication_date("SOURCE: http://example.org/a/1\nLIMA, March 3 (Wire) -- Peru and Japan, "
                             "partners since a 2012 deal, aim to double trade by 2030; 2015 figures show $5 billion.")
    assert found is not None and found.date == dt.date(2015, 3, 3) and "assumed" in found.how
    # a year after "in" may be a deadline ("raise trade to $100 billion in 2030"): never the article's
    found = publication_date("SOURCE: http://example.org/a/1\nSEOUL, Oct. 12 (Wire) -- Korea and Vietnam aim to "
                             "raise trade to $100 billion in 2030, officials said.")
    assert found is None


def test_two_other_countries_that_sign_are_that_agreement_s_parties() -> None:
    text = ("Chile and Thailand signed a free trade agreement on Monday. Chile's trade with Thailand grew. "
            "Separately, Vietnam and Laos signed a border agreement on Tuesday.")
    assert {frozenset(a["parties"]) for a in _agreements(text)} == {frozenset({"CHL", "THA"}), frozenset({"VNM", "LAO"})}


def test_last_week_is_kept_to_its_month() -> None:
    (a,) = _agreements("Peru and Vietnam signed a memorandum of understanding on rice last week.")
    assert a["date"] == "2021-06"


def test_an_agreement_in_force_is_dated_by_its_entry_into_force() -> None:
    text = ("Exports of fruit grew under the upgraded protocol of the Peru-Vietnam free trade agreement, which came "
            "into effect in October 2019, officials said.")
    (a,) = _agreements(text)
    assert a["status"] == "in_force" and a["date"] == "2019-10"
