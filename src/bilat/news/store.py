"""Keep articles and their extracted records in the store's catalog (a DuckDB connection).

An article's identity is the sha256 of its text: adding the same text again returns the
existing id and changes nothing. An article and its records are written in one transaction,
after extraction has succeeded, so a failure never leaves half an article behind. Every SQL
value is a bound parameter.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

import duckdb

from bilat.news.errors import ArticleNotFoundError
from bilat.news.extract import extract
from bilat.news.model import Agreement, Article, Claim, Extraction, DeclaredTarget

_SCHEMA = [
    "CREATE SEQUENCE IF NOT EXISTS news_article_id START 1",
    """CREATE TABLE IF NOT EXISTS news_articles (
        id BIGINT PRIMARY KEY DEFAULT nextval('news_article_id'),
        sha256 VARCHAR NOT NULL UNIQUE,
        name VARCHAR NOT NULL,
        title VARCHAR,
        source VARCHAR,
        published DATE,
        added_at TIMESTAMP NOT NULL,
        text VARCHAR NOT NULL,
        countries VARCHAR
    )""",
    """CREATE TABLE IF NOT EXISTS news_records (
        article_id BIGINT NOT NULL,
        kind VARCHAR NOT NULL,
        seq INTEGER NOT NULL,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        span VARCHAR NOT NULL,
        measure VARCHAR,
        payload VARCHAR NOT NULL,
        PRIMARY KEY (article_id, kind, seq)
    )""",
]


@dataclass(frozen=True)
class StoredArticle:
    id: int
    article: Article
    added_at: dt.datetime
    extraction: Extraction


class NewsStore:
    """Articles and records in ``con`` (the lead passes the store's catalog connection)."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con

    def ensure_schema(self) -> None:
        """Create the news tables if this catalog has none yet (writers only)."""
        if not self.has_schema():
            for statement in _SCHEMA:
                self.con.execute(statement)

    def has_schema(self) -> bool:
        """Whether an article was ever added; readers check this instead of creating tables, so
        they work on a read-only catalog."""
        found = self.con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE table_name IN ('news_articles', 'news_records')"
        ).fetchone()[0]
        return found == 2

    def add(self, article: Article, extraction: Extraction | None = None) -> tuple[int, bool]:
        """Store ``article`` and its records; ``(id, added)``, ``added`` False if the text was already stored."""
        self.ensure_schema()
        existing = self.con.execute("SELECT id FROM news_articles WHERE sha256 = ?", [article.sha256]).fetchone()
        if existing:
            return int(existing[0]), False
        extraction = extraction or extract(article)
        self.con.execute("BEGIN TRANSACTION")
        try:
            row = self.con.execute(
                "INSERT INTO news_articles (sha256, name, title, source, published, added_at, text, countries) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                [
                    article.sha256, article.name, article.title, article.source,
                    article.published or extraction.published,  # the date the text states, when none was given
                    dt.datetime.now().replace(microsecond=0), article.text, ",".join(extraction.countries),
                ],
            ).fetchone()
            article_id = int(row[0])
            rows = []
            for kind, records in (("claim", extraction.claims), ("target", extraction.targets),
                                  ("agreement", extraction.agreements)):
                for seq, record in enumerate(records):
                    payload = record.to_dict()
                    rows.append([article_id, kind, seq, record.start, record.end, record.text,
                                 payload.get("measure") or payload.get("type"), json.dumps(payload, default=str)])
            if rows:
                self.con.executemany("INSERT INTO news_records VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return article_id, True

    def list(self) -> list[dict[str, Any]]:
        """One summary row per article, oldest first."""
        if not self.has_schema():
            return []
        cursor = self.con.execute(
            "SELECT a.id, a.name, a.title, a.source, a.published, a.added_at, a.countries, "
            "count(r.kind) FILTER (WHERE r.kind = 'claim') AS claims, "
            "count(r.kind) FILTER (WHERE r.kind = 'target') AS targets, "
            "count(r.kind) FILTER (WHERE r.kind = 'agreement') AS agreements "
            "FROM news_articles a LEFT JOIN news_records r ON r.article_id = a.id "
            "GROUP BY ALL ORDER BY a.id"
        )
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def ids(self) -> list[int]:
        if not self.has_schema():
            return []
        return [int(r[0]) for r in self.con.execute("SELECT id FROM news_articles ORDER BY id").fetchall()]

    def get(self, article_id: int) -> StoredArticle:
        """The article and its stored records; :class:`ArticleNotFoundError` if there is none."""
        if not self.has_schema():
            raise ArticleNotFoundError(f"no stored article with id {article_id} (see `bilat news list`)")
        row = self.con.execute(
            "SELECT id, sha256, name, title, source, published, added_at, text, countries FROM news_articles WHERE id = ?",
            [int(article_id)],
        ).fetchone()
        if row is None:
            raise ArticleNotFoundError(f"no stored article with id {article_id} (see `bilat news list`)")
        article = Article(text=row[7], sha256=row[1], name=row[2], title=row[3], source=row[4], published=row[5])
        records = self.con.execute(
            "SELECT kind, payload FROM news_records WHERE article_id = ? ORDER BY kind, seq", [int(article_id)]
        ).fetchall()
        claims = [Claim.from_dict(json.loads(p)) for k, p in records if k == "claim"]
        targets = [DeclaredTarget.from_dict(json.loads(p)) for k, p in records if k == "target"]
        agreements = [Agreement.from_dict(json.loads(p)) for k, p in records if k == "agreement"]
        extraction = Extraction(
            countries=[c for c in (row[8] or "").split(",") if c], mentions=[], claims=claims, targets=targets,
            agreements=agreements, published=row[5],
            published_from=publication_source(row[7], row[5]),
        )
        return StoredArticle(int(row[0]), article, row[6], extraction)


def publication_source(text: str, published: dt.date | None) -> str | None:
    """Where a stored publication date came from: the text (prefix, dateline, source) or the user."""
    if published is None:
        return None
    from bilat.news.pubdate import publication_date

    stated = publication_date(text)
    return stated.how if stated is not None and stated.date == published else "given"
