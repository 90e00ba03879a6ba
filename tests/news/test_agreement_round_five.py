"""Agreement wordings of round five (two more sets of real articles read as development text);
every sentence is written for this test, with other countries, names and figures than the articles'."""

from __future__ import annotations

import datetime as dt

from bilat.news import extract
from bilat.news.pubdate import publication_date
from bilat.news.schema import type_code

PUB = dt.date(2019, 4, 10)


def _records(text: str, published: dt.date | None = PUB) -> list[tuple[str, frozenset[str], str | None]]:
    return [(type_code(a.type), frozenset(a.parties), a.status) for a in extract(text, published=published).agreements]


def test_bare_memoranda_counted_in_words_are_memoranda() -> None:
    text = "The Czech and Slovak governments signed seven memoranda, from rail links to water policy, on Monday."
    found = extract(text, published=PUB).agreements
    assert [(type_code(a.type), a.count) for a in found] == [("mou", 7)]


def test_a_year_first_credit_line_gives_a_yearless_dateline_its_year() -> None:
    text = ("Latvia, Chile hold trade talks\n\nBaltic Wire 2011/03/14\n\nBy A. Writer\n\n"
            "LIMA, March 14 (Baltic Wire) -- Latvia and Chile on Monday agreed to study a trade pact, "
            "officials said in 2013 remarks.")
    found = publication_date(text)
    assert found is not None and found.date == dt.date(2011, 3, 14)


def test_a_credit_line_of_another_month_does_not_set_the_year() -> None:
    text = ("Baltic Wire 2011/05/02\n\nLIMA, March 14 (Baltic Wire) -- Latvia and Chile agreed to talk. "
            "A study is due in 2012.")
    found = publication_date(text)
    assert found is None or found.date != dt.date(2011, 3, 14)


def test_an_mou_that_concludes_fta_talks_is_the_ftas_record() -> None:
    text = ("Norway and Vietnam on 3 April 2019 wrapped up work as they concluded their free trade agreement "
            "negotiations, with a memorandum of understanding signed in Hanoi. The FTA will cut tariffs on fish.")
    found = extract(text, published=PUB).agreements
    assert [type_code(a.type) for a in found] == ["fta"]
    assert found[0].date is not None and found[0].date.value == dt.date(2019, 4, 3)


def test_an_mou_beside_an_fta_without_concluding_it_stays_its_own_record() -> None:
    text = ("Norway and Vietnam signed a memorandum of understanding on fisheries in Hanoi. They also "
            "signed a free trade agreement.")
    assert sorted(type_code(a.type) for a in extract(text, published=PUB).agreements) == ["fta", "mou"]


def test_a_start_date_after_a_yearless_dateline_is_in_the_next_year() -> None:
    text = ("QUITO, Nov 28 (Andes Wire): Ecuador and Panama on Tuesday signed a tariff pact. "
            "Both sides will apply the pact from March 1, 2031.")
    found = publication_date(text)
    assert found is not None and found.date == dt.date(2030, 11, 28)


def test_a_start_date_later_in_the_year_keeps_the_year() -> None:
    text = ("QUITO, Mar 2 (Andes Wire): Ecuador and Panama on Tuesday signed a tariff pact. "
            "Both sides will apply the pact from June 1, 2031.")
    found = publication_date(text)
    assert found is not None and found.date == dt.date(2031, 3, 2)


def test_a_signed_declaration_of_partnership_is_a_cooperation_agreement() -> None:
    text = "Canada and Japan have signed a declaration affirming their partnership in quantum research, officials said."
    assert [r[0] for r in _records(text)] == ["cooperation_agreement"]


def test_a_joint_declaration_on_cooperation_is_a_cooperation_agreement() -> None:
    text = "Chile and Norway signed a Joint Declaration on Cooperation in March 2004 in Oslo."
    assert [r[0] for r in _records(text)] == ["cooperation_agreement"]


def test_a_named_declaration_signed_at_a_ceremony_is_a_joint_statement() -> None:
    text = "Trade will grow, Ghana's president said after the ceremony of signing the Volta Declaration with Togo."
    assert [r[0] for r in _records(text)] == ["joint_statement"]


def test_a_titled_agreement_after_a_declaration_does_not_date_the_declaration() -> None:
    text = ("Ghana's president spoke after the ceremony of signing the Volta Declaration with Togo.\n\n"
            "\"We met for long hours. We spoke of roads.\"\n\n"
            "\"On 2 February 2019, the Preferential Trade Agreement entered into force,\" he said.")
    found = {type_code(a.type): a for a in extract(text, published=PUB).agreements}
    assert found["joint_statement"].date is None or found["joint_statement"].date.value != dt.date(2019, 2, 2)


def test_a_goal_year_after_publication_does_not_date_a_signing() -> None:
    text = "We aim at $4 billion of trade in 2024, Peru's president said after the ceremony of signing the Inca Declaration with Chile."
    found = extract(text, published=PUB).agreements
    assert found and all(a.date is None or a.date.value is None or a.date.value.year <= 2019 for a in found)


def test_last_year_beside_a_bare_month_moves_the_month_back_a_year() -> None:
    from bilat.news.dates import find_dates

    for text in ("Kenya and Rwanda opened the second phase of the pact last year in March, he said.",
                 "Kenya and Rwanda opened the second phase of the pact in March last year."):
        assert [d.value for d in find_dates(text, dt.date(2030, 9, 1))] == [dt.date(2029, 3, 1)]
    assert [d.value for d in find_dates("They opened it in March.", dt.date(2030, 9, 1))] == [dt.date(2030, 3, 1)]


def test_an_instrument_named_after_a_counted_signing_is_one_of_the_count() -> None:
    text = ("Peru and Bolivia on Monday in La Paz signed three agreements on a rail corridor.\n\n"
            "The rail board of Peru, headed by Mr. Quispe, also signed a Memorandum of Understanding on a depot.")
    kinds = sorted(type_code(a.type) for a in extract(text, published=PUB).agreements)
    assert kinds == ["mou", "other", "other"]


def test_a_second_signing_with_its_own_count_keeps_both_counts() -> None:
    text = ("Peru and Bolivia on Monday signed three agreements on rail.\n\n"
            "On Tuesday Peru and Bolivia signed two MoUs on water.")
    kinds = sorted(type_code(a.type) for a in extract(text, published=PUB).agreements)
    assert kinds == ["mou", "mou", "other", "other", "other"]


def test_a_new_agreement_on_its_own_subject_beside_an_fta_is_its_own_record() -> None:
    text = ("Ghana and Kenya signed a free trade agreement on Friday. The two countries also signed a new "
            "bilateral fisheries agreement, opening each other's waters.")
    assert sorted(type_code(a.type) for a in extract(text, published=PUB).agreements) == ["fta", "other"]


def test_a_new_trade_agreement_beside_an_fta_is_the_fta_again() -> None:
    text = "Ghana and Kenya signed a free trade agreement on Friday. The new trade agreement cuts duties on tea."
    assert [type_code(a.type) for a in extract(text, published=PUB).agreements] == ["fta"]


def test_a_day_first_update_stamp_is_the_page_date() -> None:
    text = ("Ghana, Kenya sign pact\n\nWire | Updated: 07-03-2031 10:05 IST | Created: 07-03-2031 10:05 IST\n"
            "Ghana and Kenya signed a pact on Friday.")
    found = publication_date(text)
    assert found is not None and found.date == dt.date(2031, 3, 7)


def test_an_agreement_to_be_implemented_is_not_dated_by_the_day() -> None:
    text = ("Ghana and Togo on Monday signed four MoUs on roads.\n\n"
            "According to the envoy, both sides have decided to implement the Preferential Trade Agreement from 1 March 2031.")
    found = {type_code(a.type): a for a in extract(text, published=PUB).agreements}
    assert "fta" in found and (found["fta"].date is None or found["fta"].date.value is None)
