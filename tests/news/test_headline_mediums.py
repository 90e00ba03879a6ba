"""A country word in a title-case headline is a country, even before a word that can name a paper.

Why: "China Post", "Korea Times" or "India Today" are the names of papers, and bilat drops such a
mention as the medium's name. In a headline written in title case, though, every word is
capitalised, and "Post", "Times", "Express" and "Today" are as often the verb or adverb of the line
("Exports To China Post Gains"). There only a word that is nothing but a medium's makes the name one.
Every sentence is invented for the test.
"""

from __future__ import annotations

from bilat.news.mentions import country_refs


def _codes(text: str) -> list[str]:
    return [r.iso3 for r in country_refs(text)]


def test_a_title_case_headline_keeps_the_country_before_post() -> None:
    assert "CHN" in _codes("Chilean Copper Shipments To China Post Their Best Month In Years\n\nThe body follows.")


def test_prose_keeps_reading_a_papers_name_as_the_medium() -> None:
    codes = _codes("Chile and Peru signed the deal, the Korea Times reported on Monday.")
    assert "KOR" not in codes and {"CHL", "PER"} <= set(codes)


def test_a_headline_with_a_word_that_is_only_a_mediums_keeps_the_medium() -> None:
    assert "PAK" not in _codes("Chile And Peru Sign Deal, Pakistan Daily Reports\n\nThe body follows.")
