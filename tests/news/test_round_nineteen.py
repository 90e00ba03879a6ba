"""Round nineteen: rules read off the development half of a fresh pool of real pages (docs/news.md,
"Round nineteen"), checked here on sentences made up for the test (real country names, invented
sums, products and years).

* a tariff runs to the side that levies, lifts or cuts it ("Chile will scrap duties on ...",
  "Norway's average import tariff"), whatever its place in the sentence;
* "Australian imports into Japan" are goods from Australia;
* an investment named by both its sides ("Turkish investment in the economy of Peru") sets the
  sides of its change;
* "grew at a rate of 6.5 percent", "growing at 4.5 percent" are changes;
* "make up 61.5 percent" is a share, not a rise ("up 61.5 percent");
* a percentage with its sign written ("(-8.4% between 2030 and 2031)") is a change; a second rate
  joined to the first ("a fall of 6% in exports and 9% in imports") is the same change, of the flow
  named right after it;
* a bare scaled figure next to a flow's verb, a balance, or a flow named after it is read;
* a day date that opens a sentence ("On March 2, 2031, ...") dates its figures; a stake bought is
  an investment from the buyer's side into the other, not a purchase of goods;
* "a number of documents" that are signed is one record; "entered into" an agreement, with the two
  countries as its subject, gives the agreement those two; "the Andean nation of Chile" names Chile.
"""

from __future__ import annotations

import datetime as dt

from bilat.news.extract import extract
from news_helpers import claim_of, sides_of

DAY = dt.date(2034, 3, 13)


def _sides(text: str, value: float) -> tuple[str | None, str | None]:
    return sides_of(text, value, DAY)


def test_the_side_that_scraps_duties_is_the_importing_side() -> None:
    text = ("Under the accord, Chile will at once scrap duties on 4,200 items such as wool, tea and lamps, "
            "which make up 71.5 percent of all lines. Kenya will scrap duties on 2,100 Chilean goods, "
            "or 44.2 percent of its lines.")
    assert _sides(text, 71.5) == ("KEN", "CHL")
    assert _sides(text, 44.2) == ("CHL", "KEN")


def test_a_country_s_own_tariff_runs_into_that_country() -> None:
    text = ("Norway's average import tariff is only 1.9 per cent, against Vietnam's 12.4 per cent, "
            "and 61.5 per cent of Norway's tariff lines carry no duty.")
    assert _sides(text, 1.9)[1] == "NOR"
    assert _sides(text, 12.4)[1] == "VNM"
    assert _sides(text, 61.5)[1] == "NOR"


def test_a_tariff_on_goods_entering_a_third_country_is_that_country_s() -> None:
    text = ("Vietnam and Norway want to sell more to each other. Vietnam already sells fish to Norway, and "
            "Norway buys rice from Vietnam, since Canberra imposed a 35% tariff on Vietnamese goods entering Australia.")
    assert _sides(text, 35) == ("VNM", "AUS")


def test_imports_into_a_country_come_from_the_side_named_before_them() -> None:
    text = ("The pact lifts every duty on Japanese imports into Australia, and 97 per cent of "
            "Australian imports into Japan will enter free of duty.")
    assert _sides(text, 97) == ("AUS", "JPN")


def test_a_change_of_an_investment_named_by_both_sides() -> None:
    text = ("In 2032, the stock of Turkish investment in the economy of Peru rose by 14% and reached "
            "$2.2 billion.")
    assert _sides(text, 14) == ("TUR", "PER")
    assert _sides(text, 2.2e9) == ("TUR", "PER")


def test_make_up_is_no_rise() -> None:
    text = "Peru's copper and zinc make up 61.5 percent of its sales to Korea."
    assert claim_of(extract(text, published=DAY), 61.5).measure != "growth"


def test_a_pace_told_with_at_is_a_change() -> None:
    text = "Exports from Chile to Kenya grew at a rate of 6.5 percent in 2032, and imports were growing at 4.5 percent."
    extraction = extract(text, published=DAY)
    assert claim_of(extraction, 6.5).measure == "growth"
    assert claim_of(extraction, 4.5).measure == "growth"


def test_a_written_minus_sign_makes_a_fall() -> None:
    text = "Trade between Italy and Peru shrank in value (-8.4% between 2030 and 2031)."
    claim = claim_of(extract(text, published=DAY), -8.4)
    assert claim.measure == "growth" and claim.year == 2031


def test_a_second_rate_shares_the_change_and_names_its_own_flow() -> None:
    text = ("Italy sold less to Peru: trade fell in 2031, with a drop of 6.5% in exports and 9.5% in "
            "imports.")
    exports = claim_of(extract(text, published=DAY), -6.5)
    imports = claim_of(extract(text, published=DAY), -9.5)
    assert (exports.from_, exports.to) == ("ITA", "PER")
    assert (imports.from_, imports.to) == ("PER", "ITA")


def test_bare_figures_beside_a_flow_verb_or_a_balance_are_read() -> None:
    text = ("Italy ran a surplus of 410 million euros with Peru in 2031: it exported 2.71 billion and "
            "imported 2.3 billion.")
    extraction = extract(text, published=DAY)
    assert claim_of(extraction, 2.71e9) is not None
    assert claim_of(extraction, 2.3e9) is not None
    text = ("Trade between Italy and Peru came to 4.9 billion euros in 2031, with a positive balance of "
            "520 million between 2.71 billion in Italian exports and 2.19 billion in imports.")
    extraction = extract(text, published=DAY)
    assert claim_of(extraction, 520e6) is not None
    assert claim_of(extraction, 2.71e9) is not None


def test_a_number_of_signed_documents_is_one_record() -> None:
    text = ("Peru and Kenya held talks in Lima on Monday. The Kenyan leader said the two sides \"inked a "
            "number of ministerial and regional documents on farming and energy.\"")
    records = extract(text, published=DAY).agreements
    assert len(records) == 1 and set(records[0].parties) == {"PER", "KEN"}


def test_entered_into_with_two_subjects_gives_them_the_agreement() -> None:
    text = ("Peru and Korea agreed on Monday to open talks on a trade pact. The Andean nation of Chile "
            "and Korea had entered into their own free trade deal back in 2009.")
    records = extract(text, published=DAY).agreements
    assert any(set(a.parties) == {"CHL", "KOR"} for a in records)
    assert not any(set(a.parties) == {"PER", "KOR"} and a.date is not None and a.date.value.year == 2009 for a in records)


def test_a_day_date_that_opens_the_sentence_dates_its_figure() -> None:
    text = "On March 2, 2031, the Chinese group Hanwu invested 1.1 billion euros in a glass maker in Hungary."
    assert claim_of(extract(text, published=DAY), 1.1e9).year == 2031


def test_a_founding_day_in_mid_sentence_still_dates_nothing() -> None:
    text = "Hungary and China, which set up ties on October 3, 1949, saw their trade reach $9 billion last year."
    assert claim_of(extract(text, published=DAY), 9e9).year == 2033


def test_a_stake_bought_is_an_investment_into_the_other_side() -> None:
    text = ("On March 2, 2031, the Chinese chemical group Hanwu bought a 90-percent stake in a glass maker in "
            "Pecs, southern Hungary, for 1.1 billion euros.")
    claim = claim_of(extract(text, published=DAY), 1.1e9)
    assert (claim.from_, claim.to) == ("CHN", "HUN") and claim.measure not in ("exports", "imports")

