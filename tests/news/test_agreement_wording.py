"""Agreements in the wordings real trade news uses; every sentence is written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from bilat.news import extract
from bilat.news.schema import type_code

PUB = dt.date(2021, 6, 15)


def _records(text: str) -> list[tuple[str, frozenset[str], str | None]]:
    return [(type_code(a.type), frozenset(a.parties), a.status) for a in extract(text, published=PUB).agreements]


@pytest.mark.parametrize("text, code", [
    ("Ghana and Morocco signed a memorandum of understanding on fisheries on Tuesday.", "mou"),
    ("Kenya and Ethiopia inked an MoU on road building.", "mou"),
    ("Spain and Morocco adopted a joint declaration on migration.", "joint_statement"),
    ("Ghana and Morocco issued a joint statement on trade after the talks.", "joint_statement"),
    ("Japan and Mexico signed an economic partnership agreement in 2004.", "fta"),
    ("Chile and Thailand signed a free trade agreement in Bangkok.", "fta"),
    ("India and the UAE signed a Comprehensive Economic Partnership Agreement (CEPA).", "fta"),
    ("Norway and Chile signed a cooperation agreement on renewable energy.", "cooperation_agreement"),
    ("Canada and Peru signed a protocol on export credit.", "protocol"),
    ("Nigeria and China renewed their currency swap agreement on Friday.", "other"),
    ("Peru and Korea ratified a cooperation agreement on mining.", "cooperation_agreement"),
    ("Germany and Israel signed a declaration of intent on cyber security.", "joint_statement"),
    ("Japan and Egypt exchanged notes on a yen loan for a new railway.", "other"),
    ("Indonesia and Korea concluded a currency swap arrangement worth $10 billion.", "other"),
    ("Russia and India signed a military-technical cooperation pact.", "cooperation_agreement"),
])
def test_instrument_families(text: str, code: str) -> None:
    assert [r[0] for r in _records(text)] == [code]


@pytest.mark.parametrize("text", [
    "Chile and Thailand signed a free trade agreement on Monday. The pact cuts tariffs. The deal takes effect "
    "next year, and officials said the agreement would help farmers.",
    "Indonesia and Korea signed a Comprehensive Economic Partnership Agreement (IK-CEPA) on Friday. The IK-CEPA "
    "removes duties. Officials hope the agreement will lift trade.",
    "Ghana and Morocco signed a memorandum of understanding on fisheries. Under the MoU, the two share data. "
    "The memorandum runs for five years.",
])
def test_later_mentions_are_one_record(text: str) -> None:
    assert len(_records(text)) == 1


@pytest.mark.parametrize("text, status", [
    ("Mercosur and EFTA concluded talks on a free trade deal in August 2019.", "agreed_in_principle"),
    ("Chile and Korea wrapped up negotiations on an upgraded free trade agreement.", "agreed_in_principle"),
    ("Canada and the GCC launched negotiations on a free trade agreement in May 2024.", "negotiations_launched"),
    ("Peru and Thailand are expected to sign a free trade agreement next month.", "pending"),
    ("Kenya and Rwanda will sign a cooperation agreement on tourism during the visit.", "pending"),
])
def test_events_that_are_not_signings(text: str, status: str) -> None:
    assert [r[2] for r in _records(text)] == [status]


def test_blocs_are_parties() -> None:
    assert _records("ASEAN and China signed a protocol on customs in 2015.") == [
        ("protocol", frozenset({"ASEAN", "CHN"}), None)]
    assert [r[1] for r in _records("The EU and Vietnam signed a free trade agreement in June 2019.")] == [
        frozenset({"EUU", "VNM"})]


def test_several_trade_agreements_are_a_batch_not_an_fta() -> None:
    assert [r[0] for r in _records("Brazil and China inked several trade agreements during the state visit.")] == [
        "other"]


def test_a_passive_signing_and_a_formed_council() -> None:
    # a count that opens the sentence counts as one inside it ("signed three agreements": three records)
    assert [r[0] for r in _records("Three agreements on ports were signed as the Omani minister toured "
                                   "Korea.")] == ["other"] * 3
    assert [r[0] for r in _records("In 2019 Oman and Korea formed a strategic partnership to deepen their "
                                   "ties.")] == ["cooperation_agreement"]


def test_a_joint_fund_approved_by_one_cabinet_has_both_parties() -> None:
    records = _records("Greece's government approved a bilateral fund for start-ups with Cyprus.")
    assert records and records[0][1] == frozenset({"GRC", "CYP"})


@pytest.mark.parametrize("text", [
    "Peru and Korea signed 12 agreements on Thursday. Among the 12 pacts signed were deals on energy and mining.",
    "Peru and Korea signed 12 agreements on Thursday. The 12 agreements signed cover energy. A total of 12 pacts "
    "were inked.",
    "Peru and Korea signed 12 agreements on Thursday.\nThe agreements were signed after talks in Lima, where 12 "
    "agreements were signed.",
])
def test_a_batch_restated_is_one_record(text: str) -> None:
    records = extract(text, published=PUB).agreements
    assert [(a.count, frozenset(a.parties)) for a in records] == [(12, frozenset({"PER", "KOR"}))]


def test_a_typed_instrument_beside_a_count_is_not_one_of_the_counted() -> None:
    text = "Peru and Korea on Tuesday signed a free trade agreement and two memorandums of understanding on mining."
    codes = sorted(type_code(a.type) for a in extract(text, published=PUB).agreements)
    assert codes == ["fta", "mou", "mou"]


# --- names and objects of instruments (written for this test) ---------------------------------

def test_a_memorandum_of_cooperation_is_an_mou() -> None:
    from bilat.news.schema import gold_layout

    for text in ("Japan and Peru signed a memorandum of cooperation on artificial intelligence on Monday.",
                 "Japan and Peru signed a memorandum on robotics research on Monday."):
        found = extract(text, published=dt.date(2021, 6, 15))
        assert [a["type"] for a in gold_layout(found)["agreements"]] == ["mou"], text


def test_the_agreement_a_protocol_upgrades_is_not_signed_again() -> None:
    from bilat.news.schema import gold_layout

    found = extract("Chile and Peru signed a protocol to upgrade their free trade agreement on Monday.",
                    published=dt.date(2021, 6, 15))
    assert [a["type"] for a in gold_layout(found)["agreements"]] == ["protocol"]


def test_talks_on_a_weekday_are_a_meeting_not_negotiations() -> None:
    found = extract("The leaders of Chile and Peru issued a joint statement after their talks on Monday.",
                    published=dt.date(2021, 6, 15))
    (a,) = found.agreements
    assert a.status is None


def test_a_sentence_that_signs_one_thing_and_opens_talks_on_another_keeps_both() -> None:
    found = extract("Chile and Peru on Monday signed an agreement to avoid double taxation, and agreed to "
                    "start talks on a free trade pact.", published=dt.date(2021, 6, 15))
    by_type = {type_code(a.type): a.status for a in found.agreements}
    assert set(by_type) == {"other", "fta"}
    assert by_type["other"] is None  # signed
    assert by_type["fta"] is not None  # only talks
