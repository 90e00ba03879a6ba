"""Finding countries in running text, with exact character offsets."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from bilat.nomenclature import find_country_mentions, is_iso3


def _found(text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.iso3, m.kind) for m in find_country_mentions(text)]


def test_mentions_names_demonyms_possessives_and_codes() -> None:
    text = "Israel's exports to Japan grew; Japanese firms met Israeli start-ups, as the United States and the UAE did."
    assert _found(text) == [
        ("Israel's", "ISR", "possessive"),
        ("Japan", "JPN", "name"),
        ("Japanese", "JPN", "demonym"),
        ("Israeli", "ISR", "demonym"),
        ("United States", "USA", "name"),
        ("UAE", "ARE", "code"),
    ]


def test_mentions_offsets_slice_back_to_the_text() -> None:
    text = "Talks between Japan\u2019s minister and Israelis in the U.S. and S. Korea."
    mentions = find_country_mentions(text)
    assert [m.text for m in mentions] == ["Japan\u2019s", "Israelis", "U.S.", "S. Korea"]
    for m in mentions:
        assert text[m.start : m.end] == m.text


def test_mentions_us_only_in_upper_case() -> None:
    assert _found("let us talk about US trade") == [("US", "USA", "code")]


def test_mentions_are_whole_words_and_case_sensitive() -> None:
    assert _found("Nigeria and Niger; israel; Omaha; Japanned; CHINA") == [("Nigeria", "NGA", "name"), ("Niger", "NER", "name")]


def test_mentions_skip_regions_that_contain_country_words() -> None:
    assert _found("Latin America and New Jersey, then America") == [("America", "USA", "name")]


def test_mentions_prefer_the_longest_phrase() -> None:
    assert _found("South Africa and Papua New Guinea") == [("South Africa", "ZAF", "name"), ("Papua New Guinea", "PNG", "name")]


def test_mentions_in_seed_article_make_israel_and_japan_the_main_countries(shared_examples: Path) -> None:
    for path in sorted((shared_examples / "news").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        counts = Counter(m.iso3 for m in find_country_mentions(text))
        top_two = {iso3 for iso3, _ in counts.most_common(2)}
        assert top_two == {"ISR", "JPN"}, (path.name, counts)


PHRASES = ["Israel", "Japan's", "Japanese", "the United States", "UAE", "Chinese", "U.S.", "S. Korea", "Israelis", "Jordan"]
FILLER = ["and", "the", "trade", "US-based", "in", "Latin America", ",", ".", "(", ")", "\n", "\u2019", "'", "-", "Omaha", "CEO"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PHRASES + FILLER) | st.text(max_size=4), max_size=25), st.sampled_from([" ", "", "  "]))
def test_mentions_offsets_hold_for_any_text(parts: list[str], joiner: str) -> None:
    text = joiner.join(parts)
    mentions = find_country_mentions(text)
    previous_end = 0
    for m in mentions:
        assert text[m.start : m.end] == m.text
        assert m.start >= previous_end  # ordered, never overlapping
        assert is_iso3(m.iso3)
        assert m.kind in {"name", "demonym", "possessive", "code"}
        previous_end = m.end


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["Israel", "Japan", "Japanese", "Israeli", "Chinese"]), min_size=1, max_size=10))
def test_mentions_find_every_inserted_name_at_its_offset(names: list[str]) -> None:
    text, expected = "", []
    for name in names:
        text += "Officials from "
        expected.append((len(text), name))
        text += name + " met. "
    assert [(m.start, m.text) for m in find_country_mentions(text)] == expected
