"""Agreement wordings of round four (real wire copy read as a second development set); every
sentence is written for this test, with other countries and words than the articles'."""

from __future__ import annotations

import datetime as dt

import pytest

from bilat.news import extract
from bilat.news.schema import type_code

PUB = dt.date(2021, 6, 15)


def _records(text: str, published: dt.date | None = PUB) -> list[tuple[str, frozenset[str], str | None]]:
    return [(type_code(a.type), frozenset(a.parties), a.status) for a in extract(text, published=published).agreements]


def test_a_joint_statement_quoted_as_the_source_is_recorded() -> None:
    text = ("Chile and Peru today agreed to remove tariffs on fruit. The new rules will help growers, "
            "the two foreign ministers said in a joint statement.")
    assert ("joint_statement", frozenset({"CHL", "PER"}), None) in _records(text)


def test_a_joint_communique_is_a_joint_statement() -> None:
    text = ("Ghana and Togo will open two more border posts, said a joint communique issued after talks "
            "between their presidents.")
    assert [r[0] for r in _records(text)] == ["joint_statement"]


def test_a_joint_statement_of_one_sides_officials_is_no_agreement() -> None:
    text = ("In a joint statement from the Canadian Prime Minister and the Canadian trade minister, the "
            "government said the treaty with Japan would create jobs. Canada and Japan trade a lot.")
    assert "joint_statement" not in [r[0] for r in _records(text)]


def test_formalised_memoranda_counted_in_words_are_one_record_each() -> None:
    text = "Ireland and Portugal on May 2 formalised three Memoranda of Understanding (MoUs) in Dublin."
    assert [r[0] for r in _records(text)] == ["mou", "mou", "mou"]


def test_a_count_written_as_a_large_number_word_is_a_batch() -> None:
    text = "Twenty documents were signed by Hungary and Vietnam after the talks, covering farming and health."
    (record,) = extract(text, published=PUB).agreements
    assert record.count == 20 and set(record.parties) == {"HUN", "VNM"}


def test_rok_in_mixed_case_is_korea() -> None:
    text = ("Thailand's exports to the RoK rose 20 percent in 2019. The RoK is Thailand's sixth "
            "trade partner, and Thai firms see the RoK as a growing market.")
    assert extract(text, published=PUB).countries == ["THA", "KOR"]


def test_nafta_has_its_three_members() -> None:
    text = ("Canadian exports to Mexico rose 5 percent. Canada and Mexico renegotiate the North American "
            "Free Trade Agreement (NAFTA) with the United States since 2017.")
    assert _records(text) == [("fta", frozenset({"CAN", "MEX", "USA"}), "negotiations_launched")]


def test_a_multilateral_area_is_not_the_pairs_fta() -> None:
    text = ("Nepal and Sri Lanka agreed to expand trade. Nepal and Sri Lanka signed an MoU on tourism and "
            "will cut tariffs under the framework of the South Asian Free Trade Area (SAFTA).")
    assert [r[0] for r in _records(text)] == ["mou"]


def test_the_china_asean_area_is_not_the_multilateral_asean_area() -> None:
    text = "Commerce expanded under the upgraded protocol of the China-ASEAN Free Trade Area, in force since 2019."
    assert ("fta", frozenset({"CHN", "ASEAN"}), "in_force") in _records(text)


def _dated(text: str, published: dt.date | None = PUB) -> list[tuple[str, str | None, str | None]]:
    out = []
    for a in extract(text, published=published).agreements:
        out.append((type_code(a.type), a.status, a.date.value.isoformat() if a.date and a.date.value else None))
    return out


def test_a_partnership_in_an_instruments_title_is_not_another_instrument() -> None:
    text = "Oman and Korea signed a Memorandum of Cooperation for an Enhanced Partnership in Muscat on Monday."
    assert [r[0] for r in _records(text)] == ["mou"]


def test_the_final_protocol_of_a_commission_is_a_cooperation_agreement() -> None:
    text = ("Georgia and Armenia held the ninth session of their intergovernmental commission on trade. "
            "A final protocol was signed at the end of the session.")
    assert [r[0] for r in _records(text)] == ["cooperation_agreement"]


def test_an_export_credit_protocol_stays_a_protocol() -> None:
    assert [r[0] for r in _records("Canada and Peru signed a protocol on export credit insurance.")] == ["protocol"]


def test_a_batch_announced_for_later_is_pending_and_undated() -> None:
    text = "Egypt and China will sign at least 15 agreements worth $8 billion during the visit, officials said."
    (record,) = extract(text, published=PUB).agreements
    assert (type_code(record.type), record.status, record.count, record.date) == (
        "cooperation_agreement", "pending", 15, None)


def test_a_series_of_documents_to_be_drawn_up_is_one_pending_record() -> None:
    text = ("Chile and Brazil signed a strategic association deal in March 2015. During the visit the two "
            "presidents are scheduled to draw up a series of documents on cooperation in energy and police work.")
    assert sorted(_dated(text), key=str) == [("cooperation_agreement", "pending", None),
                                             ("cooperation_agreement", None, "2015-03-01")]


def test_a_proposed_agreement_is_not_dated_by_the_publication() -> None:
    text = ("Nepal's exports to India rose. The ambassador said the proposed Comprehensive Economic "
            "Partnership Agreement between Nepal and India would lift trade.")
    assert _dated(text) == [("fta", None, None)]


def test_the_agreement_that_stands_for_agreed_is_no_instrument() -> None:
    text = ("Brazil and Angola on Tuesday agreed to lift trade to $5 billion. The agreement was announced "
            "in a joint statement issued during the visit.")
    assert [r[0] for r in _records(text)] == ["joint_statement"]


def test_a_blog_date_line_fixes_the_day_of_an_address_month() -> None:
    from bilat.news.pubdate import publication_date

    text = ("SOURCE: http://example.blogspot.com/2016/03/loan.html\nTuesday, March 15, 2016\n\n"
            "Ecuador said on Tuesday it signed a loan agreement with Japan.")
    assert publication_date(text).date == dt.date(2016, 3, 15)


def test_an_agency_byline_dates_the_article() -> None:
    from bilat.news.pubdate import publication_date

    text = "SOURCE: https://example.org/?chile-peru\nChile, Peru sign deal\n\nAFP | May 03, 2012\n\nLima - Chile and Peru signed a deal."
    assert publication_date(text).date == dt.date(2012, 5, 3)


def test_a_dateline_closed_by_a_colon_and_no_year_in_the_address() -> None:
    from bilat.news.pubdate import publication_date

    text = ("SOURCE: https://example.in/news/trade-to-reach-50-billion-by-2020-123.html\n"
            "Mumbai, Mar 3: Trade between the two grew 10 percent over 2014, officials said today.")
    found = publication_date(text)
    assert found.date == dt.date(2014, 3, 3) and "assumed" in found.how


def test_an_earlier_instrument_in_the_pluperfect_is_its_own_record() -> None:
    text = ("Spain and Mexico have signed an MoU on cyber security. Previously, the two countries had signed "
            "an MoU on March 3, 2014 on sharing threat data. Both have now renewed the MoU.")
    assert sorted(_dated(text), key=str) == [("mou", None, "2014-03-03"), ("mou", None, "2021-06-01")]


def test_a_full_stop_without_its_space_still_ends_a_sentence() -> None:
    from bilat.news.text import sentences

    view = 'Chile and Peru signed a memorandum on energy.The memorandum was signed by the ministers."It matters," he said.'
    assert [s.text[:12] for s in sentences(view)] == ["Chile and Pe", "The memorand", '"It matters,']


def test_loans_to_be_signed_off_are_a_pending_finance_record() -> None:
    text = "Japan will also sign off on about $3 billion worth of loans to Kenya during the visit, officials said."
    assert _records(text) == [("other", frozenset({"JPN", "KEN"}), "pending")]


def test_two_contracts_with_different_values_are_two_records() -> None:
    text = ("Chinese companies have been busy in Nepal: a $200 million deal signed this week by a Chinese "
            "builder to repair roads, and a $1.4 billion deal by a Chinese power firm to build a dam.")
    assert [r[0] for r in _records(text)] == ["other", "other"]


def test_an_fta_being_implemented_is_in_force_and_not_dated_by_the_article() -> None:
    text = ("Chile's exports to Thailand rose 30 percent on Monday, customs said. The implementation of a free "
            "trade agreement between the two countries helped, officials said.")
    assert _dated(text) == [("fta", "in_force", None)]


def test_commitments_in_a_bloc_fta_are_an_fta_in_force() -> None:
    text = "Experts credited commitments in the ASEAN-Japan Free Trade Agreement for Vietnam's export growth to Japan."
    assert ("fta", frozenset({"ASEAN", "JPN"}), "in_force") in _records(text)


def test_a_free_trade_zone_in_negotiation_is_an_fta() -> None:
    text = ("The second round of negotiations on a free trade zone between the Gulf Cooperation Council (GCC) "
            "and Japan ended in Tokyo, officials said.")
    assert _records(text) == [("fta", frozenset({"GCC", "JPN"}), "negotiations_launched")]


def test_ties_raised_to_a_named_partnership_are_a_record() -> None:
    text = ("Leaders met in Vientiane on trade. The EU elevated its ties with Vietnam to a "
            "\u201ccomprehensive strategic partnership\u201d at the summit.")
    assert ("other", frozenset({"EUU", "VNM"}), None) in _records(text)


def test_ties_upgraded_without_a_name_are_no_record() -> None:
    text = "Egypt and Turkey upgraded the status of their diplomatic relations after the visit."
    assert _records(text) == []


def test_the_original_of_an_fta_under_upgrade_is_its_own_record() -> None:
    text = ("Chile and Korea said they hope to conclude talks to upgrade their free trade pact next year. "
            "Since the two sides signed the pact in 2003, trade has tripled.")
    assert sorted(_dated(text, dt.date(2021, 6, 15)), key=str) == [
        ("fta", "negotiations_launched", "2021-06-01"), ("fta", None, "2003-01-01")]


def test_a_fiscal_span_names_its_end_year_for_a_dateline_without_one() -> None:
    from bilat.news.pubdate import publication_date

    text = ("SOURCE: https://example.in/news/story-1.html\n"
            "Chennai, Nov 4: The deficit with Japan was $9 billion during 2013-14, and trade should reach "
            "$40 billion in 2020, the minister said today.")
    assert publication_date(text).date == dt.date(2014, 11, 4)


def test_a_signing_reported_as_earlier_keeps_only_the_month() -> None:
    text = ("Lagos, June 15 - Nigeria and Ghana today agreed to cut tariffs. Earlier, the two central "
            "bank governors signed a memorandum of understanding on payments.")
    assert ("mou", None, "2021-06-01") in _dated(text)


def test_the_protocol_of_a_commission_is_dated_by_the_session() -> None:
    text = ("Georgia and Armenia want more trade. This was said at the ninth session of their intergovernmental "
            "commission held on May 11. A final protocol was signed based on the work of the commission.")
    assert _dated(text) == [("cooperation_agreement", None, "2021-05-11")]


def test_two_titled_instruments_joined_by_and_are_two() -> None:
    text = "Peru and Korea signed the Free Trade Agreement and the Investment Agreement in Lima on Monday."
    assert len(_records(text)) == 2


def test_several_titled_plurals_joined_by_and_are_one_batch() -> None:
    text = "We have signed several Agreements and Memorandums of Understanding with Brazil, Chile's president said."
    assert len(_records(text)) == 1


def test_each_third_country_deal_takes_the_date_after_its_name() -> None:
    text = ("Japan and India signed a currency swap deal on Monday. Japan clinched similar swap deals with "
            "Thailand and Vietnam in the first half of last year, and with Brazil last month.")
    dates = {frozenset(a.parties): a.date.value.isoformat()[:7] if a.date.precision == "month" else a.date.value.year
             for a in extract(text, published=PUB).agreements}
    assert dates[frozenset({"JPN", "THA"})] == 2020 and dates[frozenset({"JPN", "VNM"})] == 2020
    assert dates[frozenset({"JPN", "BRA"})] == "2021-05"


def test_a_signing_day_outranks_the_month_the_deal_was_agreed() -> None:
    text = ("Canada has signed a free trade agreement with Chile. The minister signed the deal in a virtual "
            "ceremony on Friday morning. The agreement was thrashed out over a dinner in March.")
    assert _dated(text, dt.date(2021, 6, 15)) == [("fta", None, "2021-06-11")]


def test_talks_launched_without_a_name_are_on_the_pairs_only_fta() -> None:
    text = ("Peru and Japan want to deepen the free trade agreement (FTA) they have shared for years. Both countries "
            "launched negotiations in Tokyo on Monday to widen market access.")
    assert _dated(text) == [("fta", "negotiations_launched", "2021-06-14")]


def test_talks_launched_do_not_turn_a_signed_fta_into_talks() -> None:
    text = ("Peru and Japan signed a free trade agreement (FTA) on Tuesday. The two countries launched "
            "negotiations in 2009.")
    assert [r[1] for r in _dated(text)] == [None]


def test_a_renewed_deal_is_not_dated_by_its_original_signing() -> None:
    text = ("Turkey's central bank has renewed its currency swap agreement with Qatar. Originally signed in "
            "May 2019 for three years, the agreement supports trade in lira.")
    assert [r[2] for r in _dated(text, None)] == [None]


@pytest.mark.parametrize("text", [
    "The two sides will boost farm trade, according to a joint communiqué released after talks between Kenya and Ethiopia.",
    "Kenya and Ethiopia will boost farm trade, the joint declaration said.",
])
def test_more_ways_of_quoting_a_joint_statement(text: str) -> None:
    assert _records(text) == [("joint_statement", frozenset({"KEN", "ETH"}), None)]


def test_a_regional_agreement_named_by_its_acronym_alone() -> None:
    assert _records("Mexico and Canada are renegotiating the USMCA with the United States.") == [
        ("fta", frozenset({"MEX", "CAN", "USA"}), "negotiations_launched")]


def test_a_multilateral_acronym_beside_a_bilateral_signing_adds_nothing() -> None:
    text = "Chile and Peru are both members of the CPTPP and signed an MoU on mining on Monday."
    assert [r[0] for r in _records(text)] == ["mou"]


def test_third_countries_said_to_enjoy_free_trade_with_one_side() -> None:
    text = ("Canada and Panama signed a free trade agreement on Monday. It follows similar moves by "
            "Panama's neighbours, Costa Rica and Colombia, who also enjoy free trade access to the Canadian market.")
    records = _records(text)
    assert ("fta", frozenset({"CAN", "CRI"}), "in_force") in records
    assert ("fta", frozenset({"CAN", "COL"}), "in_force") in records
    assert len(records) == 3


def test_an_fta_that_entered_into_force_is_in_force_though_signed_years_ago() -> None:
    text = ("The Canada-Peru Free Trade Agreement (CPFTA) entered into force yesterday, six years after "
            "the treaty was first signed, officials said.")
    assert _records(text) == [("fta", frozenset({"CAN", "PER"}), "in_force")]
