"""Round twelve, agreements: the kind of a counted batch, its members, and deals named in passing (issue 14).

Every sentence here is invented for the test (real country names, made-up events, dates and
figures); each test names the general rule it holds.
"""

from __future__ import annotations

import datetime as dt

from bilat.news.extract import extract
from bilat.news.schema import type_code

PUB = dt.date(2031, 5, 14)


def _records(text: str, published: dt.date | None = PUB) -> list[tuple[frozenset[str], str, int | None]]:
    return sorted(((frozenset(a.parties), type_code(a.type), a.count)
                   for a in extract(text, published=published).agreements), key=repr)


# -- a counted batch of several kinds: cooperation when the text says so --------------------------

def test_a_mixed_batch_for_cooperation_is_a_cooperation_agreement() -> None:
    got = _records("Ghana and Peru signed on Tuesday 14 agreements and memoranda of understanding "
                   "for cooperation in fishing, mining and schooling.")
    assert got == [(frozenset({"GHA", "PER"}), "cooperation_agreement", 14)]


def test_a_mixed_batch_named_as_cooperation_agreements_is_one() -> None:
    got = _records("Ghana and Peru signed 11 cooperation agreements and memoranda of understanding in Lima on Monday.")
    assert got == [(frozenset({"GHA", "PER"}), "cooperation_agreement", 11)]


def test_a_mixed_batch_without_a_purpose_stays_plain() -> None:
    got = _records("Ghana and Peru held their commission in Lima. At its close nine agreements, treaties and MoUs "
                   "were negotiated and signed by both delegations.")
    assert got == [(frozenset({"GHA", "PER"}), "other", 9)]


def test_a_purpose_told_in_an_earlier_mention_of_the_batch_types_it() -> None:
    got = _records("Ghana and Peru closed their commission in Lima, signing agreements, MoUs and protocols to deepen "
                   "bilateral cooperation.\nIn the end eleven agreements, treaties and MoUs were signed by the two sides.")
    assert got == [(frozenset({"GHA", "PER"}), "cooperation_agreement", 11)]


# -- a singular plain agreement told after a batch is one of its papers ----------------------------

def test_an_untitled_agreement_after_a_batch_is_one_of_its_members() -> None:
    got = _records("Ghana and Peru signed nine agreements on Tuesday in the presence of both presidents. "
                   "The nine agreements cover ports and farming.\nA state oil firm of Ghana and its Peruvian peer "
                   "also inked an agreement on two offshore blocks.")
    assert got == [(frozenset({"GHA", "PER"}), "cooperation_agreement", 9)]


def test_a_typed_instrument_after_a_batch_stays_its_own_record() -> None:
    got = _records("Ghana and Peru signed nine agreements on Tuesday. The two sides also signed a free trade "
                   "agreement on the same day.")
    assert (frozenset({"GHA", "PER"}), "fta", None) in got and len(got) == 2


def test_an_agreement_with_a_date_of_its_own_is_not_one_of_the_batch() -> None:
    got = _records("Ghana and Peru signed nine agreements on Tuesday, 6 May 2031. Back on 3 March 2029 the two "
                   "sides had signed an agreement on air links.")
    assert len(got) == 2


# -- an agreement in principle on a named deal is that deal --------------------------------------

def test_an_agreement_in_principle_to_update_a_trade_deal_is_the_fta() -> None:
    got = _records("Chile and Vietnam reached on Saturday an \"agreement in principle\" to update "
                   "the free-trade deal they sealed in 2004.")
    assert got == [(frozenset({"CHL", "VNM"}), "fta", None)]


# -- a deal in place with a third partner, recalled in passing ------------------------------------

def test_a_recalled_fta_with_a_third_partner_is_recorded() -> None:
    got = _records("Chile and Vietnam concluded talks on a free trade agreement on Wednesday. The deal comes after "
                   "a Chilean free-trade agreement with Ghana two years ago.")
    assert (frozenset({"CHL", "GHA"}), "fta", None) in got


def test_a_wished_fta_with_a_third_partner_is_not_recorded() -> None:
    got = _records("Chile and Vietnam concluded talks on a free trade agreement on Wednesday. Chile also hopes to "
                   "sign a free-trade agreement with Ghana.")
    assert not any(parties == frozenset({"CHL", "GHA"}) and kind != "fta" for parties, kind, _ in got)
    assert (frozenset({"CHL", "VNM"}), "fta", None) in got


def test_two_named_sides_that_clinched_a_trade_deal_are_its_parties() -> None:
    got = _records("Chile and Vietnam concluded talks on a free trade agreement on Wednesday. Ghana and Peru "
                   "at last clinched a trade deal, after years of talks.")
    assert (frozenset({"GHA", "PER"}), "fta", None) in got


# -- an instrument between two bodies, approved by one cabinet ------------------------------------

def test_a_cabinet_approval_of_an_agreement_between_two_ministries_keeps_both_sides() -> None:
    got = _records("On Wednesday the Peruvian Cabinet accorded its late approval to an agreement between the "
                   "Farm Office and the Fisheries Board, Ghana. The Memorandum of Understanding covers seeds.")
    assert got == [(frozenset({"GHA", "PER"}), "mou", None)]


# -- an FTA's upgrade protocol is the FTA record; "the protocol" later is that paper -------------

def test_the_protocol_after_an_fta_upgrade_protocol_is_the_same_record() -> None:
    got = _records("Chile and Vietnam signed on Tuesday the Chile-Vietnam Free Trade Agreement (CVFTA) 2.0 Upgrade "
                   "Protocol in Hanoi.\nThe signed protocol adds chapters on digital trade.")
    assert got == [(frozenset({"CHL", "VNM"}), "fta", None)]


def test_an_export_finance_protocol_beside_an_fta_stays_apart() -> None:
    got = _records("Chile and Vietnam signed a free trade agreement in Hanoi on Tuesday. The export credit agencies "
                   "of both sides also signed a protocol on buyer credits.")
    assert sorted(kind for _, kind, _ in got) == ["fta", "protocol"]


# -- a roadmap launched by two leaders is a record; one described is not --------------------------

def test_a_launched_trade_and_investment_roadmap_is_recorded() -> None:
    got = _records("Ghana and Peru agreed on Thursday to raise trade. Both premiers launched a 'trade and "
                   "investment roadmap' setting out steps for both governments.")
    assert (frozenset({"GHA", "PER"}), "other", None) in got


def test_a_plan_that_constitutes_a_roadmap_adds_no_record() -> None:
    got = _records("The Peruvian Cabinet approved a plan to promote trade with Ghana. It \"constitutes a roadmap\" for "
                   "future cooperation.")
    assert len(got) == 1


# -- "X's similar deal with Y" beside the article's FTA -------------------------------------------

def test_a_similar_deal_of_a_third_side_is_an_fta_of_its_own() -> None:
    got = _records("Chile and Vietnam have finalised a free trade agreement. The pact follows Ghana's similar deal "
                   "with Peru, which still awaits ratification.")
    assert (frozenset({"GHA", "PER"}), "fta", None) in got and (frozenset({"CHL", "VNM"}), "fta", None) in got


def test_a_similar_deal_without_an_fta_in_the_article_adds_nothing() -> None:
    got = _records("Chile and Vietnam signed an MoU on ports on Monday. It mirrors Ghana's similar deal with Peru.")
    assert not any(parties == frozenset({"GHA", "PER"}) for parties, _, _ in got)


# -- one deal named two ways: a free trade agreement and a partnership with the same root --------

def test_a_partnership_with_the_fta_s_name_root_is_the_same_deal() -> None:
    got = _records("The first round of talks for the Trans-Andean free trade agreement (FTA) between Chile and Peru "
                   "began in Lima on Monday. Ministers opened the plenary of the Transandean Trade and Investment "
                   "Partnership.")
    assert got == [(frozenset({"CHL", "PER"}), "fta", None)]


def test_a_partnership_named_first_takes_the_fta_kind() -> None:
    got = _records("Chile and Peru began talks on the Transandean Trade and Investment Partnership on Monday. It is "
                   "the first round of negotiations on the Trans-Andean free trade agreement (FTA).")
    assert [kind for _, kind, _ in got] == ["fta"]


def test_a_partnership_with_another_root_stays_apart() -> None:
    got = _records("Chile and Peru launched the Andean Trade and Investment Partnership on Monday, after the "
                   "Pacific free trade agreement talks between them stalled in 2029.")
    assert len(got) == 2


# -- a year after "since its launch in" dates another thing, not the instrument ------------------

def test_a_since_year_in_a_quoted_statement_does_not_date_it() -> None:
    got = extract("Ghana and Peru agreed on Thursday to double their trade.\nIn a joint statement released after the "
                  "talks they said: \"Since its launch in 2028 the dialogue between Ghana and Peru has deepened.\"",
                  published=dt.date(2031, 5, 16)).agreements
    statement = next(a for a in got if type_code(a.type) == "joint_statement")
    assert statement.date is not None and statement.date.value == dt.date(2031, 5, 15)


def test_a_year_of_signing_still_dates_a_recalled_pact() -> None:
    got = extract("Ghana and Peru met in Lima on Thursday. The two sides recalled the free trade agreement they "
                  "signed in 2024.", published=dt.date(2031, 5, 16)).agreements
    fta = next(a for a in got if type_code(a.type) == "fta")
    assert fta.date is not None and fta.date.value.year == 2024
