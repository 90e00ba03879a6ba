"""Round nine: who the parties of an agreement are, and what a later or generic mention is (issue 14).

Every sentence here is invented for the test (real country names, made-up events and figures);
each test names the general rule it holds.
"""

from __future__ import annotations

import datetime as dt

from bilat.news.extract import extract
from bilat.news.schema import type_code

from news_helpers import claim_of as _claim

PUB = dt.date(2031, 5, 14)


def _records(text: str, published: dt.date | None = PUB) -> set[tuple[frozenset[str], str]]:
    return {(frozenset(a.parties), type_code(a.type)) for a in extract(text, published=published).agreements}


# -- a list of third countries pairs with the subject of the verb, not the first country named --

def test_listed_partners_pair_with_the_signing_subject() -> None:
    got = _records("Ghana and Norway signed a free trade agreement on Monday.\n\n"
                   "Besides Ghana, Norway has signed free-trade agreements with Chile, Peru and Vietnam.")
    assert (frozenset({"NOR", "CHL"}), "fta") in got
    assert (frozenset({"NOR", "VNM"}), "fta") in got
    assert not any("GHA" in p and len(p & {"CHL", "PER", "VNM"}) for p, _ in got)


def test_agreements_recalled_beside_a_free_trade_deal_are_in_place() -> None:
    got = _records("Ghana and Norway signed a free trade agreement on Monday.\n\n"
                   "The pact is Norway's fifth free trade deal in Africa, following agreements with Egypt, Kenya and Morocco.")
    assert {(frozenset({"NOR", c}), "fta") for c in ("EGY", "KEN", "MAR")} <= got


def test_talks_on_agreements_with_a_list_are_not_agreements_in_place() -> None:
    got = extract("Ghana and Norway signed a free trade agreement on Monday.\n\n"
                  "Norway is negotiating free trade deals with Egypt, Kenya and Morocco.", published=PUB).agreements
    listed = [a for a in got if set(a.parties) & {"EGY", "KEN", "MAR"}]
    assert all(a.status == "negotiations_launched" for a in listed)  # talks, kept with their stage


# -- a bloc described by its members is the bloc ------------------------------------------------

def test_a_group_listed_member_by_member_is_the_bloc() -> None:
    got = _records("Peru and Ghana are close to a deal.\n\n"
                   "Last spring Peru signed an FTA with the grouping of four European states: Norway, Iceland, "
                   "Switzerland and Liechtenstein.")
    assert (frozenset({"PER", "EFTA"}), "fta") in got


def test_a_partial_member_list_is_no_bloc() -> None:
    got = _records("Peru and Ghana are close to a deal.\n\n"
                   "In March Peru signed an FTA with a group of European countries: Iceland, Norway and Switzerland.")
    assert not any("EFTA" in p for p, _ in got)


# -- a generic name repeats the kind named before it in the sentence ---------------------------

def test_another_deal_is_one_more_of_the_kind_just_named() -> None:
    got = _records("Ghana signed an FTA with Peru on June 2, 2029, followed by another deal with Chile in 2030.")
    assert (frozenset({"GHA", "CHL"}), "fta") in got


# -- an approval of an agreement between two countries is not unilateral -----------------------

def test_a_cabinet_approving_an_fta_between_two_countries_gives_both() -> None:
    got = extract("On Friday Ghana's cabinet approved the planned Free Trade Agreement (FTA) between "
                  "Ghana and Peru.\n\nPeru's parliament approved the pact with Ghana a day earlier. Talks on the "
                  "trade agreement, officially termed the CEPA, began in 2029.", published=PUB).agreements
    assert [(sorted(a.parties), type_code(a.type)) for a in got] == [(["GHA", "PER"], "fta")]


def test_the_kind_acronym_does_not_keep_two_named_agreements_together() -> None:
    # two instruments with names of their own stay two, as before
    got = extract("Ghana and Peru signed a trade agreement (ECTA) in 2029 and are negotiating a wider "
                  "Comprehensive Economic Cooperation Agreement (CECA).", published=PUB).agreements
    assert sorted(a.acronym or "" for a in got) == ["CECA", "ECTA"]


# -- instruments listed by name after a count are one record each, typed by their own head ----

def test_instruments_listed_after_namely_are_records_of_their_own() -> None:
    got = extract("Ghana and Peru signed their Free Trade Agreement (GPFTA) on Monday.\n\n"
                  "Besides the GPFTA, three other documents namely the Agreement on Technical Cooperation for "
                  "Grant Aid, the Exchange of Notes on a Port Study, and the Exchange of Notes on a Water Project "
                  "were also signed on the occasion.", published=PUB).agreements
    kinds = sorted(type_code(a.type) for a in got)
    assert kinds == ["cooperation_agreement", "fta", "other", "other"]
    assert all(a.status is None and a.date is not None and a.date.label() == "2031-05-12" for a in got)


def test_a_single_named_item_is_no_list() -> None:
    got = extract("Ghana and Peru signed a document, namely the Exchange of Notes on a Port Study, on Monday.",
                  published=PUB).agreements
    assert len(got) == 1


# -- a strategic partnership named without an instrument is the relation, not a deal -----------

def test_the_strategic_partnership_between_two_is_a_relation() -> None:
    got = _records("Ghana and Peru signed a free trade agreement on Monday. The deal, inked after long talks, "
                   "should give new life to the strategic partnership between the two nations.")
    assert got == {(frozenset({"GHA", "PER"}), "fta")}


def test_a_strategic_partnership_signed_is_still_recorded() -> None:
    got = _records("Ghana and Peru signed a comprehensive strategic partnership on Monday.")
    assert (frozenset({"GHA", "PER"}), "cooperation_agreement") in got


# -- figures: spelled decimals, a split currency, the measure of a second figure ----------------

def test_a_decimal_spelled_out_is_a_figure() -> None:
    got = extract("Ghana's exports to Peru came to nine billion dollars in 2029, up from "
                  "six-point-two billion dollars in 2027.", published=PUB)
    assert _claim(got, 6.2e9).year == 2027


def test_a_currency_between_the_number_and_its_scale() -> None:
    got = extract("Trade between Ghana and Peru reached 4.25 US$ billion in 2029.", published=PUB)
    assert _claim(got, 4.25e9).currency == "USD"


def test_a_second_figure_of_a_coordinated_clause_keeps_the_measure() -> None:
    got = extract("Trade between Ghana and Peru in 2028 reached US$ 3.1 billion, and for 2029 reached "
                  "US$ 3.6 billion, the ministry said.", published=PUB)
    assert _claim(got, 3.6e9).measure == "bilateral_trade_total"
    assert _claim(got, 3.6e9).year == 2029


def test_plural_investments_before_a_figure_are_not_trade() -> None:
    got = extract("In 2029 Ghana ranked 4th among Peru's partners in total trade valued at US$2.2 billion and "
                  "6th in approved investments valued at US$70.5 million.", published=PUB)
    assert _claim(got, 2.2e9).measure == "bilateral_trade_total"
    assert _claim(got, 70.5e6).measure == "other"


def test_a_level_reached_beside_a_target_is_a_claim() -> None:
    got = extract("The envoy said Ghana-Peru trade rose to 4.4 billion USD in 2029, not far from their "
                  "target of 5 billion USD set for 2032.", published=PUB)
    assert _claim(got, 4.4e9).year == 2029
    assert [(t.target_value, t.by_year) for t in got.targets] == [(5e9, 2032)]


def test_a_rise_expected_to_a_level_in_a_year_stays_a_target() -> None:
    got = extract("Ghana-Peru trade is expected to rise to 6 billion USD by 2033, the envoy said.", published=PUB)
    assert [t.target_value for t in got.targets] == [6e9]


# -- a month's folder in the address dates the text to that month ------------------------------

def test_a_month_folder_in_the_address_dates_a_day_of_that_month() -> None:
    got = extract("SOURCE: http://ministry.example.org/en/release/203011/4411_1.html\n"
                  "On November 17, the trade ministers of Ghana and Peru signed a memorandum of understanding.",
                  published=None)
    assert [a.date.label() for a in got.agreements] == ["2030-11-17"]


def test_a_day_later_in_the_year_than_the_month_folder_is_the_year_before() -> None:
    got = extract("SOURCE: http://ministry.example.org/en/release/203003/4411_1.html\n"
                  "On November 17, the trade ministers of Ghana and Peru signed a memorandum of understanding.",
                  published=None)
    assert [a.date.label() for a in got.agreements] == ["2029-11-17"]


# -- a date still to come does not date the event; agreeing to pursue a deal is a stage ----------

def test_a_scheduled_signing_date_is_not_the_talks_date() -> None:
    got = extract("The fifth round of negotiations on the proposed Ghana-Peru Free Trade Agreement (FTA) began "
                  "in Accra, with the signing scheduled for March 2032.", published=None).agreements
    assert [(type_code(a.type), a.date) for a in got] == [("fta", None)]


def test_agreeing_to_pursue_an_fta_records_it_with_its_stage() -> None:
    got = extract("Ghana and Peru agreed to push for a free trade agreement of their own, both ministers said "
                  "on Wednesday.", published=PUB).agreements
    assert [(type_code(a.type), a.status) for a in got] == [("fta", "talks_launched")]


# -- a slot of a counted signing is typed by the titled instrument said of it later -------------

def test_a_later_titled_mention_types_the_slot_it_describes() -> None:
    got = extract("Nigeria and Morocco have moved closer by signing two bilateral agreements in Rabat.\n\n"
                  "The first agreement covers a regional gas pipeline.\n\n"
                  "That Memorandum of Understanding sets out a study of the pipeline.\n\n"
                  "The second bilateral agreement covers a fertiliser scheme.", published=PUB).agreements
    assert sorted(type_code(a.type) for a in got) == ["mou", "other"]


# -- a percentage rise bound to a horizon is a target; without one it stays a claim -------------

def test_a_percentage_rise_within_a_horizon_is_a_target() -> None:
    got = extract("The pact with Peru is expected to boost Ghana's trade by 20% within five years.\n\n"
                  "Officials said the deal would lift Ghana's GDP by around 0.5% over 10 years.", published=PUB)
    rises = sorted((t.target_value, t.unit, t.increase, t.measure) for t in got.targets)
    assert rises == [(0.5, "percent", True, "gdp"), (20.0, "percent", True, "bilateral_trade_total")]
    assert not [c for c in got.claims if c.value in (0.5, 20.0)]


def test_a_percentage_rise_without_a_horizon_stays_a_claim() -> None:
    got = extract("The pact with Peru is expected to boost Ghana's trade by 20%, the ministry said.", published=PUB)
    assert not got.targets
    assert [c.value for c in got.claims] == [20.0]


def test_a_coordinated_subject_names_no_single_actor() -> None:
    got = _records("Ghana and Peru have signed a free trade agreement in Lima, hours before talks on a deal "
                   "with the European Union resume.")
    assert not any("PER" in p and "EUU" in p for p, _ in got)
