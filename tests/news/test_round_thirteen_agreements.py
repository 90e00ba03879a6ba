"""Round thirteen, agreements: page dates written with dots, who holds listed deals, papers listed
one a line, the members of a batch, and the date each coordinated paper carries.

Every sentence here is invented for the test (real country names, made-up events, dates and
figures); each test names the general rule it holds.
"""

from __future__ import annotations

import datetime as dt

from bilat.news.extract import extract
from bilat.news.ingest import load_article
from bilat.news.pubdate import publication_date
from bilat.news.schema import type_code

PUB = dt.date(2032, 3, 18)


def _key(record: tuple) -> tuple:
    return (sorted(record[0]),) + tuple(str(x) for x in record[1:])


def _sorted(records: list[tuple]) -> list[tuple]:
    """In an order that does not depend on how a run hashes strings."""
    return sorted(records, key=_key)


def _records(text: str, published: dt.date | None = PUB) -> list[tuple[frozenset[str], str]]:
    return _sorted([(frozenset(a.parties), type_code(a.type)) for a in extract(text, published=published).agreements])


def _dated(text: str, published: dt.date | None = PUB) -> list[tuple[frozenset[str], str, str | None]]:
    return _sorted([(frozenset(a.parties), type_code(a.type), a.date.value.isoformat()[: {"year": 4, "month": 7}.get(
        a.date.precision, 10)] if a.date and a.date.value else None)
                    for a in extract(text, published=published).agreements])


# -- the page's own date, written with dots (day first) -------------------------------------------

def test_a_dotted_date_line_is_the_page_date() -> None:
    assert publication_date("SOURCE: https://example.org/news/1\n14.03.2033 Economy\n\nText.").date == dt.date(2033, 3, 14)


def test_a_published_on_line_with_dots_is_the_page_date() -> None:
    text = "SOURCE: https://example.org/a\nAid for Malawi\n\nPublished on 07.11.2031 at 09h15 by A Wire\n\nText."
    assert publication_date(text).date == dt.date(2031, 11, 7)


def test_a_day_dot_and_a_short_month_name_is_the_page_date() -> None:
    assert publication_date("SOURCE: https://example.org/b\n3. okt 2030 11:20\n\nText.").date == dt.date(2030, 10, 3)


def test_a_weekday_is_resolved_against_a_dotted_page_date(tmp_path) -> None:  # noqa: ANN001
    page = tmp_path / "p.txt"
    page.write_text("SOURCE: https://example.org/c\n21.06.2034 Business\n\nLilongwe, June 21 - Malawi on Wednesday "
                    "signed a loan agreement with Denmark for a water project.\n", encoding="utf-8")
    got = extract(load_article(page)).agreements
    assert [(type_code(a.type), a.date.value) for a in got] == [("other", dt.date(2034, 6, 21))]


# -- instrument words: spellings and papers of cooperation ----------------------------------------

def test_a_co_operation_agreement_with_a_hyphen_is_a_cooperation_agreement() -> None:
    assert _records("Bolivia and Nepal signed a co-operation agreement on glaciers on Monday.") == [
        (frozenset({"BOL", "NPL"}), "cooperation_agreement")]


def test_a_signed_cooperation_programme_is_a_cooperation_agreement() -> None:
    got = _records("After the talks, the foreign ministers of Bolivia and Nepal signed the Cooperation Programme "
                   "between the Foreign Ministries for 2033-2034.")
    assert got == _sorted([(frozenset({"BOL", "NPL"}), "cooperation_agreement")])


def test_a_declaration_on_relations_is_a_cooperation_agreement() -> None:
    got = _records("Bolivia and Nepal signed a Declaration on Good-Neighbourly Relations in La Paz on Friday.")
    assert got == _sorted([(frozenset({"BOL", "NPL"}), "cooperation_agreement")])


def test_a_financing_agreement_is_a_loan() -> None:
    got = _records("Bolivia and Nepal signed a financing agreement under their joint cooperation fund on Monday.")
    assert got == [(frozenset({"BOL", "NPL"}), "other")]


def test_a_plain_agreement_for_concessional_loans_is_a_loan() -> None:
    got = _records("Bolivia and Nepal signed an agreement that will give Nepal access to $900 million in concessional "
                   "loans from a development cooperation fund.")
    assert got == _sorted([(frozenset({"BOL", "NPL"}), "other")])


# -- who the parties are -----------------------------------------------------------------------

def test_the_country_that_has_the_listed_deals_holds_them() -> None:
    got = _records("European Union trade ministers backed on Monday the signing of a trade pact with Ecuador."
                   " Uruguay already has free-trade agreements with Japan, Canada and Mexico.")
    assert {frozenset({"URY", "JPN"}), frozenset({"URY", "CAN"}), frozenset({"URY", "MEX"})} <= {p for p, _ in got}
    assert not any("EUU" in p and len(p & {"JPN", "CAN", "MEX"}) for p, _ in got)


def test_a_partner_after_with_does_not_hold_the_listed_deals() -> None:
    got = _records("Once signed, the pact with Moldova becomes Qatar's fourth CEPA, following landmark agreements "
                   "with Chile, Peru and Kenya.")
    pairs = {p for p, _ in got}
    assert {frozenset({"QAT", "CHL"}), frozenset({"QAT", "PER"}), frozenset({"QAT", "KEN"})} <= pairs
    assert not any("MDA" in p and len(p) == 2 and p != frozenset({"QAT", "MDA"}) for p in pairs)


def test_one_trade_agreement_with_two_partners_has_three_parties() -> None:
    got = _records("The European Union signed a Trade Agreement with Paraguay and Bolivia on 9 May in Brussels.")
    assert got == _sorted([(frozenset({"EUU", "PRY", "BOL"}), "fta")])


def test_a_counted_signing_with_as_many_partners_gives_one_to_each() -> None:
    got = _records("Zambia on Thursday signed two separate loan agreements with Finland and Portugal for rural roads.")
    assert got == _sorted([(frozenset({"ZMB", "FIN"}), "other"), (frozenset({"ZMB", "PRT"}), "other")])


def test_the_coordinated_subjects_of_a_signing_are_its_parties() -> None:
    got = _records("Zambia and Korea agreed to start talks on a trade pact. Separately, the Ugandan leader and the "
                   "South Korean president signed a $2 billion financing agreement on Sunday.")
    assert (frozenset({"UGA", "KOR"}), "other") in got


# -- one record per paper ----------------------------------------------------------------------

def test_papers_listed_one_a_line_under_an_announcing_line() -> None:
    text = ("A number of documents were signed after the talks of the presidents of Mongolia and Armenia in Yerevan.\n"
            "The following documents were signed:\n"
            "- Agreement between the Governments of Mongolia and Armenia on cooperation against smuggling;\n"
            "- Agreement between the Cabinet of Armenia and the State of Mongolia on military cooperation;\n"
            "- Protocol on consultations between the foreign ministries;\n"
            "- Memorandum of Understanding between the chambers of commerce;\n"
            "- Road map for the development of tourism;\n"
            "- Decision of the joint council on its working groups.\n")
    got = _records(text)
    assert got == _sorted([(frozenset({"MNG", "ARM"}), "cooperation_agreement"), (frozenset({"MNG", "ARM"}), "cooperation_agreement"),
                           (frozenset({"MNG", "ARM"}), "mou"), (frozenset({"MNG", "ARM"}), "protocol"),
                           (frozenset({"MNG", "ARM"}), "other")])  # the road map, signed with the rest


def test_the_papers_an_uncounted_batch_included_are_its_records() -> None:
    text = ("Kuwait and Jordan signed deals on transport, energy and customs in Amman on Monday.\n"
            "The deals included an agreement on avoiding double taxation and an investment co-operation "
            "agreement between their sovereign funds, officials said.")
    assert _records(text) == _sorted([(frozenset({"KWT", "JOR"}), "cooperation_agreement"), (frozenset({"KWT", "JOR"}), "other")])


def test_ordinal_mentions_name_the_papers_of_a_counted_signing() -> None:
    text = ("Tunisia and Canada signed, on Tuesday in Tunis, two cooperation agreements on investment.\n"
            "The agreements were signed during a visit by a Canadian delegation.\n"
            "The first memorandum of understanding provides $400 million for small firms.\n"
            "The second agreement, signed by the two trade ministers, is a Letter of Intent on export credit.")
    assert _records(text) == _sorted([(frozenset({"TUN", "CAN"}), "mou"), (frozenset({"TUN", "CAN"}), "other")])


def test_an_abbreviation_in_brackets_is_the_same_batch() -> None:
    got = _records("Oman and Ghana signed 9 memorandums of understanding (MOUs) on Monday. The MOUs cover mining and fishing.")
    assert got == _sorted([(frozenset({"OMN", "GHA"}), "mou")])


def test_a_running_tally_of_documents_is_not_a_signing() -> None:
    got = _records("Bolivia and Nepal signed a Declaration on Strategic Partnership in 2029. To date the two countries "
                   "have signed 41 documents in various fields.")
    assert got == _sorted([(frozenset({"BOL", "NPL"}), "cooperation_agreement")])


def test_the_implementation_of_all_agreements_reached_is_no_paper() -> None:
    got = _records("The ministers of Bolivia and Nepal stressed implementing all the agreements reached so "
                   "far. They then signed a Memorandum of Cooperation on tourism.")
    assert got == _sorted([(frozenset({"BOL", "NPL"}), "mou")])


def test_a_working_plan_still_to_be_adopted_is_no_record() -> None:
    got = _records("Chile and Bolivia signed a Trade Agreement in 2031. Each ministry will identify its projects "
                   "and adopt a concrete working plan at a meeting in August.")
    assert [t for _, t in got] == ["fta"]


# -- dates -------------------------------------------------------------------------------------

def test_each_coordinated_paper_takes_its_own_signing_year() -> None:
    got = _dated("He recalled the Declaration on Strategic Partnership signed between Bolivia and Nepal in 2029 and "
                 "the Joint Action Plan for Partnership signed in 2031.")
    assert got == _sorted([(frozenset({"BOL", "NPL"}), "cooperation_agreement", "2029"), (frozenset({"BOL", "NPL"}), "other", "2031")])


def test_a_date_after_since_does_not_date_a_signing() -> None:
    got = _dated("The European Union signed a Trade Agreement with Ecuador on 9 May, following eleven rounds of "
                 "negotiation since March 2030.", published=None)
    assert got == _sorted([(frozenset({"EUU", "ECU"}), "fta", None)])


def test_the_formation_date_of_a_taskforce_does_not_date_the_signing() -> None:
    got = _dated("Kenya and Japan signed a provisional EPA on Friday.\n"
                 "\u201cWe agree to negotiate binding provisions on labour,\u201d the presidents stated in a joint statement.\n"
                 "After the signing, the presidents asked the working group formed in June 2030 to hurry.", published=dt.date(2032, 3, 20))
    assert (frozenset({"KEN", "JPN"}), "joint_statement", "2032-03-19") in got


def test_deals_recalled_as_earlier_take_no_default_date() -> None:
    got = _dated("Qatar began talks on a CEPA with Moldova on Monday. Once struck, the pact with Moldova becomes "
                 "Qatar's fourth CEPA, following landmark agreements with Chile, Peru and Kenya.")
    assert (frozenset({"QAT", "CHL"}), "fta", None) in got


def test_a_parliaments_approval_does_not_date_the_agreement() -> None:
    got = _dated("Accra, May 5 - Parliament on Tuesday ratified a credit agreement between Ghana and Norway for "
                 "rural clinics.", published=dt.date(2032, 5, 5))
    assert got == [(frozenset({"GHA", "NOR"}), "other", None)]


def test_a_signing_told_with_the_approval_keeps_its_date() -> None:
    got = _dated("Parliament approved the loan agreement Ghana and Norway signed on 2 March 2032.",
                 published=dt.date(2032, 5, 5))
    assert [d for _, _, d in got] == ["2032-03-02"]  # (who the parties are is another rule's question)


def test_a_paper_of_the_three_countries_has_three_parties() -> None:
    got = _records("Tunisia and Canada signed two agreements in Tunis on Tuesday during a visit by a Canadian and "
                   "Japanese delegation. A Japanese envoy joined them, and Japan welcomed the talks.\n"
                   "At the meeting the three countries signed a Joint Declaration on a new era of ties.")
    assert (frozenset({"TUN", "CAN", "JPN"}), "joint_statement") in got
