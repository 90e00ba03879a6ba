"""Noise is removed from the view, never from the text that offsets point into."""

from __future__ import annotations

from bilat.news.cleaning import clean
from bilat.news import extract


def test_merged_editing_marks_are_removed_in_the_view() -> None:
    text = "According to a Jan. 4 note, t The plan, S since May, grew. Aaccording to it, exports rose.\n"
    view = clean(text)
    assert "t The" not in view.text and "The plan" in view.text
    assert "S since" not in view.text and "since May" in view.text
    assert "according to it" in view.text


def test_view_offsets_map_back_to_the_original_characters() -> None:
    text = "Israeli exports, t The figure was $720 million in 2013.\nNewspapers in English\n"
    view = clean(text)
    start = view.text.index("$720 million")
    o_start, o_end = view.span(start, start + len("$720 million"))
    assert text[o_start:o_end] == "$720 million"


def test_byline_caption_and_footer_are_reported_as_noise() -> None:
    text = (
        "Title line\n\n- • By JANE DOE\n\nBody text about Israel and Japan.\n\n"
        " ?? (Jane Roe) ?? TWO MINISTERS SIGN AN AGREEMENT IN JERUSALEM YESTERDAY AFTER TALKS.\n"
        "(Jane Roe) TWO MINISTERS SIGN AN AGREEMENT IN JERUSALEM YESTERDAY AFTER TALKS.\n\nNewspapers in English\n"
    )
    reasons = {reason for _, _, reason in clean(text).noise}
    assert {"byline", "caption", "repeated caption", "footer"} <= reasons
    assert "SIGN AN AGREEMENT" not in clean(text).text


def test_hard_wrapped_wire_text_is_joined_and_spans_keep_the_newline() -> None:
    text = (
        "JERUSALEM (Wire) - Israel's exports to Japan climbed to $1.2 billion\n"
        "in 2019, the statistics bureau said on Monday, as demand for\n"
        "Israeli chips kept growing in the Japanese market this year.\n"
        "Imports from Japan came to about $2 billion in the same year as\n"
        "cars and machinery sold well across the country, officials said.\n"
    )
    view = clean(text)
    assert "billion in 2019" in view.text
    claims = extract(text).claims
    assert [(c.measure, c.from_, c.to, c.year) for c in claims] == [
        ("exports", "ISR", "JPN", 2019), ("exports", "JPN", "ISR", 2019)
    ]
    assert all(text[c.start : c.end] == c.text for c in claims)


def test_links_to_other_stories_are_noise_not_claims() -> None:
    import datetime as dt

    from bilat.news import extract

    text = ("Peru and Chile signed a trade deal on Monday. Trade reached $5 billion in 2020.\n"
            "RELATED STORIES\nJapan, Korea sign $3 billion swap deal\nBrazil and Chile agree on beef\n"
            "Also read: Chile exports to China rise to $30 billion\nTrending: Brazil soy exports hit $40 billion\n"
            "Recommended measures include a 90 percent cut in duties on fruit.\n")
    found = extract(text, published=dt.date(2021, 6, 15))
    assert [c.text for c in found.claims] == ["$5 billion", "90 percent"]  # prose that starts "Recommended" stays
    assert {frozenset(a.parties) for a in found.agreements} == {frozenset({"PER", "CHL"})}


def test_an_article_title_is_not_its_source_line_nor_an_archive_date() -> None:
    from bilat.news.ingest import article_from_bytes

    text = b"SOURCE: https://example.org/a/1\n date 2021-06-15 Peru and Chile sign a fruit deal\nBody text here.\n"
    assert article_from_bytes(text, "a.txt").title == "Peru and Chile sign a fruit deal"
