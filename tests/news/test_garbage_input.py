"""Garbage in: a clear BilatError or an empty result, never a crash, never a change to the store."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from bilat.errors import BilatError
from bilat.news import NewsStore, extract, load_article, load_articles
from bilat.news.ingest import article_from_bytes


@pytest.fixture()
def store() -> NewsStore:
    s = NewsStore(duckdb.connect())
    s.ensure_schema()
    s.add(article_from_bytes(b"Israel and Japan signed an agreement in Tokyo on Monday.", name="ok.txt"))
    return s


def _snapshot(store: NewsStore) -> tuple:
    return (
        store.con.execute("SELECT * FROM news_articles ORDER BY id").fetchall(),
        store.con.execute("SELECT * FROM news_records ORDER BY article_id, kind, seq").fetchall(),
    )


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("binary.txt", bytes(range(256)) * 40, "binary"),
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\t\n ", "empty"),
        ("huge.txt", b"a" * 5_000_000, "too large"),
        ("long.txt", b"trade " * 30_000, "single line"),
        ("page.pdf", b"%PDF-1.4", "unsupported"),
    ],
)
def test_garbage_file_is_refused_with_a_clear_error_and_store_unchanged(
    tmp_path: Path, store: NewsStore, name: str, data: bytes, message: str
) -> None:
    before = _snapshot(store)
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(BilatError, match=message):
        for article in load_articles([path]):
            store.add(article)
    assert _snapshot(store) == before


def test_a_garbage_file_among_good_ones_stores_nothing(tmp_path: Path, store: NewsStore) -> None:
    (tmp_path / "a.txt").write_text("Israeli exports to Japan were $1 billion in 2016.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02" * 100)
    before = _snapshot(store)
    with pytest.raises(BilatError):
        for article in load_articles([tmp_path]):
            store.add(article)
    assert _snapshot(store) == before


def test_mixed_encodings_decode_line_by_line(tmp_path: Path) -> None:
    utf8 = "Israel’s exports to Japan were $720 million in 2013.\n".encode("utf-8")
    cp1252 = "Japan’s exports to Israel were $1.1 billion in 2013.\n".encode("cp1252")
    path = tmp_path / "mixed.txt"
    path.write_bytes(utf8 + cp1252)
    article = load_article(path)
    assert "Israel’s exports" in article.text and "Japan’s exports" in article.text
    claims = extract(article).claims
    assert [(c.from_, c.to, c.value) for c in claims] == [("ISR", "JPN", 720e6), ("JPN", "ISR", 1.1e9)]


def test_text_without_any_sentence_gives_an_empty_result() -> None:
    result = extract("%%%% ---- 1234 #### ////")
    assert (result.claims, result.targets, result.agreements, result.countries) == ([], [], [], [])


def test_html_without_article_text_is_refused() -> None:
    with pytest.raises(BilatError, match="no article text"):
        article_from_bytes(b"<html><script>var x = '$5 billion';</script></html>", name="x.html", html=True)
