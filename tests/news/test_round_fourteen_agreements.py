"""Round fourteen, agreements: papers listed each with "a"/"an" after a signing, a count of papers
told anew, a plural that heads a list, web addresses, "further" papers, a bloc named with a
modifier, and a dateline that dates the page, not the signing.

Every sentence here is invented for the test (real country names, made-up events, dates and
figures); each test names the general rule it holds.
"""

from __future__ import annotations

import datetime as dt

from bilat.news.extract import extract
from bilat.news.schema import type_code

PUB = dt.date(2033, 5, 12)


def _records(text: str, published: dt.date | None = PUB) -> list[tuple[tuple[str, ...], str]]:
    """(sorted parties, type code) of each record, in a fixed order."""
    return sorted((tuple(sorted(a.parties)), type_code(a.type)) for a in extract(text, published=published).agreements)


# -- papers listed each with an indefinite article ----------------------------------------------

def test_a_colon_list_of_indefinite_papers_after_a_signing_is_one_record_each() -> None:
    text = ("Chile and Ghana signed three papers in Accra on Monday: a mining memorandum (the two mines boards), "
            "a fisheries cooperation memorandum (both farm ministers), and a declaration on clean fuels.")
    assert _records(text) == [(("CHL", "GHA"), "mou"), (("CHL", "GHA"), "mou"), (("CHL", "GHA"), "other")]


def test_among_the_accords_were_lists_papers_of_the_signing_told_before() -> None:
    text = ("Peru and Vietnam signed a joint declaration on a strategic partnership in Hanoi on Monday. "
            "Among the main accords were a Mutual Legal Aid Treaty, an agreement on the recognition of "
            "pilot licences, and a cooperation programme between the two trade ministries for 2034-2035.")
    assert _records(text) == [(("PER", "VNM"), "cooperation_agreement"), (("PER", "VNM"), "cooperation_agreement"),
                              (("PER", "VNM"), "other"), (("PER", "VNM"), "other")]


def test_there_was_also_names_one_more_paper_of_the_signing() -> None:
    text = ("Kenya and Norway signed a protocol on fisheries in Nairobi on Monday. There was also an agreement "
            "on cooperation between their health ministries, along with a cooperation programme between the "
            "two culture ministries.")
    assert _records(text) == [(("KEN", "NOR"), "cooperation_agreement"), (("KEN", "NOR"), "cooperation_agreement"),
                              (("KEN", "NOR"), "protocol")]
    no_signing = "Kenya and Norway discussed trade in Nairobi on Monday. There was also an agreement on visas, it seems."
    assert _records(no_signing) == []  # a list of papers needs a signing told before it


# -- a count of papers told anew ------------------------------------------------------------------

def test_a_count_told_anew_does_not_fold_into_an_earlier_paper() -> None:
    text = ("Laos and Poland signed a memorandum of understanding on farm research in Warsaw on Monday. "
            "Separately, the Polish forest office entered into two memoranda of understanding with Lao bodies, "
            "one on timber and one on parks.")
    assert _records(text) == [(("LAO", "POL"), "mou")] * 3
    told_again = ("Laos and Poland signed two memoranda of understanding on farm research in Warsaw on Monday. "
                  "The two memoranda of understanding were signed by the farm ministers.")
    assert _records(told_again) == [(("LAO", "POL"), "mou")] * 2  # "the two": the same papers again


# -- a plural that heads a list -------------------------------------------------------------------

def test_these_agreements_include_is_the_head_of_a_list_not_a_paper() -> None:
    text = ("A set of documents was signed in Hanoi by the leaders of Peru and Vietnam, "
            "these agreements include a memorandum of understanding on rice seeds.")
    assert _records(text) == [(("PER", "VNM"), "mou")]


# -- web addresses -------------------------------------------------------------------------------

def test_the_words_of_a_web_address_report_no_signing() -> None:
    text = ("SOURCE: https://example.org/news/Peru-And-Vietnam-Ink-Deals-On-Rice date 2033-05-12 HANOI, May 12.\n"
            "Peru and Vietnam signed a memorandum of understanding on rice seeds in Hanoi on Monday.")
    assert _records(text) == [(("PER", "VNM"), "mou")]


# -- more papers: "further", "other" ----------------------------------------------------------------

def test_further_pacts_signed_later_are_papers_of_their_own() -> None:
    text = ("Chile and Ghana signed a strategic agreement worth $200 million in Accra on Friday. "
            "The two sides also signed further cooperation pacts on mining and on schools.")
    assert _records(text) == [(("CHL", "GHA"), "cooperation_agreement")] * 2


def test_other_accords_take_no_type_from_the_papers_named_before_them() -> None:
    text = "On Monday, the leaders of Chile and Ghana signed investment agreements and other accords to boost flights."
    assert _records(text) == [(("CHL", "GHA"), "cooperation_agreement"), (("CHL", "GHA"), "other")]


# -- who: a bloc named with its size ------------------------------------------------------------

def test_a_bloc_named_with_its_size_is_the_party_of_the_deal() -> None:
    text = ("Chile and Ghana concluded talks on a trade deal on Monday, long after talks began in 2011 on a "
            "broader free trade agreement (FTA) with the 27-nation European Union.")
    assert ((("CHL", "EUU"), "fta")) in _records(text)


# -- the pair's own deal ----------------------------------------------------------------------------

def test_their_bilateral_trade_agreement_is_the_pairs_own_deal() -> None:
    text = ("Chile and Ghana met in Accra on Monday. Both leaders promised to revisit their bilateral "
            "tariff trade agreement so that more goods pay less.")
    assert _records(text) == [(("CHL", "GHA"), "fta")]


# -- a dateline dates the page, not the signing -------------------------------------------------------

def _dated(text: str) -> list[tuple[str, str | None]]:
    got = extract(text).agreements
    return sorted((type_code(a.type), a.date.value.isoformat()[: {"year": 4, "month": 7}.get(a.date.precision, 10)]
                   if a.date and a.date.value else None) for a in got)


def test_a_capital_city_dateline_with_a_full_stop_is_the_page_date() -> None:
    from bilat.news.pubdate import publication_date
    text = "Papers of 2033\n\nTASHKENT, Uzbekistan, March 9. Uzbekistan and Peru met on farm trade.\n"
    assert publication_date(text).date == dt.date(2033, 3, 9)


def test_a_signing_with_no_time_word_after_a_dateline_is_dated_to_the_month() -> None:
    text = ("SOURCE: https://example.org/a\ndate 2033-03-09\n\nTASHKENT, Uzbekistan, March 9.\n"
            "A memorandum of understanding on seed trade has been signed between Uzbekistan and Peru.\n")
    assert _dated(text) == [("mou", "2033-03")]
    today = text.replace("has been signed", "was signed today")
    assert _dated(today) == [("mou", "2033-03-09")]  # a time word still gives the day


# -- a wish to sign is no signing ------------------------------------------------------------------

def test_the_importance_of_signing_a_deal_is_no_signing() -> None:
    text = ("Chile and Ghana met in Accra on Monday. The minister stressed the importance of trade and the "
            "signing of a transit agreement between Chile, Ghana and Togo.")
    assert _records(text) == []


# -- a plain signed agreement that later enters into force ---------------------------------------

def test_the_agreement_entered_into_force_gives_a_plain_signed_record_its_status_and_date() -> None:
    text = ("Chile and Ghana signed a visa agreement in Accra on 3 March 2033. "
            "The agreement entered into force on 1 June 2033, the ministry said.")
    got = extract(text, published=dt.date(2033, 7, 1)).agreements
    assert [(a.status, a.date.value) for a in got] == [("in_force", dt.date(2033, 6, 1))]
    other = text.replace("The agreement entered", "A tax treaty with Peru entered")
    got = extract(other, published=dt.date(2033, 7, 1)).agreements
    assert ("other", None, dt.date(2033, 3, 3)) in [(type_code(a.type), a.status, a.date.value) for a in got]
