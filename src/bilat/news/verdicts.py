"""Claims of stored articles with their fact-check verdicts, as one table.

One function serves ``bilat news check``, the report's claims section and the web API, so the
three always show the same verdicts.
"""

from __future__ import annotations

import pandas as pd

from bilat.engines import Engine, open_engine
from bilat.news.check import check_claims
from bilat.news.facts import TradeFacts
from bilat.news.store import NewsStore, StoredArticle
from bilat.catalog.store import Store, open_store

COLUMNS = [
    "article", "claim", "start", "end", "measure", "from", "to", "year", "claimed", "currency",
    "claimed_usd", "data_usd", "deviation", "verdict", "why", "source",
]


def stored_articles(store: Store | None = None, article_id: int | None = None) -> list[StoredArticle]:
    """The articles in the store's catalog (one, when ``article_id`` is given)."""
    store = store or open_store()
    with store.catalog(read_only=True) as con:
        news = NewsStore(con)
        ids = [article_id] if article_id is not None else news.ids()
        return [news.get(i) for i in ids]


def claim_verdicts(articles: list[StoredArticle], engine: Engine | None = None) -> pd.DataFrame:
    """Every claim of ``articles`` with its verdict against the data (see docs/news.md)."""
    owned = engine is None
    engine = engine or open_engine()
    try:
        facts = TradeFacts.from_engine(engine)
        rows = []
        for item in articles:
            for verdict in check_claims(item.extraction.claims, facts):
                claim = verdict.claim
                rows.append({
                    "article": item.id, "claim": claim.text, "start": claim.start, "end": claim.end,
                    "measure": claim.measure, "from": claim.from_ or claim.country, "to": claim.to,
                    "year": claim.year, "claimed": claim.value, "currency": claim.currency,
                    "claimed_usd": verdict.claimed_usd, "data_usd": verdict.data_value,
                    "deviation": verdict.deviation, "verdict": verdict.verdict,
                    "why": verdict.reason or verdict.explanation, "source": verdict.source,
                })
    finally:
        if owned:
            engine.close()
    frame = pd.DataFrame(rows, columns=COLUMNS)
    if len(frame):
        frame["year"] = frame["year"].astype("Int64")
    return frame


def pair_claims(a: str, b: str, engine: Engine | None = None, store: Store | None = None) -> pd.DataFrame:
    """Verdicts for the claims of every stored article that names both ``a`` and ``b``."""
    articles = [item for item in stored_articles(store) if {a, b} <= set(item.extraction.countries)]
    return claim_verdicts(articles, engine)
