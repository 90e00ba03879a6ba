"""NewsStore: idempotent adds, records that round-trip, bound parameters."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

from bilat.news import ArticleNotFoundError, NewsStore, load_article
from bilat.news.ingest import article_from_bytes


def test_adding_the_same_text_twice_returns_the_same_id_and_changes_nothing() -> None:
    store = NewsStore(duckdb.connect())
    article = article_from_bytes(b"Israeli exports to Japan were about $700 million in 2016.", name="a.txt")
    first = store.add(article)
    rows = store.con.execute("SELECT count(*) FROM news_records").fetchone()
    again = store.add(article_from_bytes(article.text.encode(), name="copy.txt", source="other"))
    assert first == (1, True) and again == (1, False)
    assert store.con.execute("SELECT count(*) FROM news_records").fetchone() == rows
    assert [r["id"] for r in store.list()] == [1]


def test_stored_records_round_trip_with_offsets_into_the_stored_text(shared_examples: Path) -> None:
    store = NewsStore(duckdb.connect())
    article = load_article(shared_examples / "news" / "israel_japan_cabinet_plan_2015.txt",
                           published=dt.date(2015, 1, 5), source="Defense News")
    article_id, added = store.add(article)
    stored = store.get(article_id)
    assert added and stored.article.text == article.text and stored.article.published == dt.date(2015, 1, 5)
    assert len(stored.extraction.claims) == 5 and len(stored.extraction.agreements) == 2
    for record in [*stored.extraction.claims, *stored.extraction.agreements]:
        assert stored.article.text[record.start : record.end] == record.text
    plan = stored.extraction.agreements[0]
    assert plan.date is not None and plan.date.value == dt.date(2015, 1, 4)
    summary = store.list()[0]
    assert (summary["claims"], summary["targets"], summary["agreements"]) == (5, 0, 2)


def test_quotes_in_text_and_source_are_stored_verbatim() -> None:
    store = NewsStore(duckdb.connect())
    text = "Robert'); DROP TABLE news_articles;-- said Israel's exports to Japan rose."
    article_id, _ = store.add(article_from_bytes(text.encode(), name="x'.txt", source="O'Brien"))
    stored = store.get(article_id)
    assert stored.article.text == text and stored.article.source == "O'Brien"


def test_unknown_id_is_a_clear_error() -> None:
    with pytest.raises(ArticleNotFoundError, match="no stored article with id 42"):
        NewsStore(duckdb.connect()).get(42)
