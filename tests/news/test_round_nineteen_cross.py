"""Round nineteen, second part: rules read off two more fresh pools (docs/news.md, "Round nineteen"),
checked here on sentences made up for the test (real country and agency names, invented sums).

* the items of a list opened by a flow and a colon ("The top export categories were: tea ($120
  million), ...") are that flow's;
* capitalised and spaced currency words ("Japanese Yen", "U. S. dollars") and ISO codes written
  before the number ("PLN 41.3 bln") are read;
* a national agency stands for its country ("JICA lent ...");
* "free trade accord" names an FTA, and one told as "existing" is not dated by the day's news;
* "which accounted for 9.4% of the total" is a share of the flow just told; "a 94-percent share in
  import from Egypt" is the subject's share of what it buys from Egypt;
* a deal or an investment with the other side's firms ("defence contracts with French shipbuilders
  for €300 million") runs from the firms' country to the host.
"""

from __future__ import annotations

import datetime as dt

from bilat.news.extract import extract
from news_helpers import claim_of, sides_of

DAY = dt.date(2034, 3, 13)


def test_the_items_of_a_listed_flow_are_that_flow() -> None:
    text = ("Peru and Kenya trade little. Kenyan goods exports to Peru in 2031 were $410 million. The top "
            "export categories in 2031 were: tea ($120 million), cut flowers ($80 million), and coffee ($45 million).")
    extraction = extract(text, published=DAY)
    for value in (120e6, 80e6, 45e6):
        claim = claim_of(extraction, value)
        assert (claim.from_, claim.to) == ("KEN", "PER")


def test_capitalised_and_spaced_currency_words() -> None:
    extraction = extract("Tokyo is to lend Bangladesh 90,250 million Japanese Yen for a bridge, the embassy said.", published=DAY)
    assert claim_of(extraction, 90_250e6).currency == "JPY"
    extraction = extract("Beijing is to lend Ethiopia 250 million U. S. dollars for its rail line.", published=DAY)
    assert claim_of(extraction, 250e6).currency == "USD"


def test_an_iso_code_before_the_number() -> None:
    extraction = extract("In 2031 Polish buyers imported goods worth PLN 41.3 bln from China.", published=DAY)
    claim = claim_of(extraction, 41.3e9)
    assert claim.currency == "PLN" and (claim.from_, claim.to) == ("CHN", "POL")


def test_an_agency_stands_for_its_country() -> None:
    text = ("Bangladesh and Japan signed three loan deals on Monday. Over the past decade JICA lent 7,310 million JPY "
            "to Bangladesh for its power grid.")
    assert sides_of(text, 7_310e6, DAY) == ("JPN", "BGD")


def test_an_existing_accord_named_by_two_countries_is_theirs_and_undated() -> None:
    text = ("Britain and Japan put their names to a trade pact on Friday. It mostly follows the existing "
            "Japan-Korea free trade accord.")
    records = extract(text, published=DAY).agreements
    told = [a for a in records if set(a.parties) == {"JPN", "KOR"}]
    assert told and told[0].type == "FTA" and told[0].date is None


def test_a_share_of_the_flow_just_told() -> None:
    text = "Peru's purchases from China came to $6.9 billion in 2031, which accounted for 9.4% of the total."
    assert sides_of(text, 9.4, DAY) == ("CHN", "PER")


def test_a_share_in_imports_from_a_country() -> None:
    text = "Russia has a 97-percent share in the bloc's sales to Egypt and a 94-percent share in import from Egypt."
    assert sides_of(text, 94, DAY) == ("EGY", "RUS")


def test_a_deal_with_the_other_side_s_firms_runs_from_their_country() -> None:
    text = "Last week Kenya closed two defence contracts with French shipbuilders for a combined €300 million."
    assert sides_of(text, 300e6, DAY) == ("FRA", "KEN")
    text = "Deals on two billion dollars of investment were agreed between Zambia and Chinese firms at the fair."
    assert sides_of(text, 2e9, DAY) == ("CHN", "ZMB")


def test_agencies_are_read_by_their_exact_spelling() -> None:
    from bilat.nomenclature.agencies import find_agency_mentions

    found = find_agency_mentions("USAID and KfW will fund it; the AfD party objected; jica is no name.")
    assert [(m.text, m.iso3) for m in found] == [("USAID", "USA"), ("KfW", "DEU")]
