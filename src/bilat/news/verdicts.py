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

#: The fact-check's columns (documented in docs/news.md, "Fact-check output"). ``deviation`` is a
#: fraction for amounts and shares (claimed / data − 1), percentage points for growth, places for
#: ranks (``deviation_unit`` says which); ``deviation_pct`` is the fraction in % (amounts, shares).
COLUMNS = [
    "article", "verdict", "claim", "measure", "from", "to", "year", "claimed", "currency", "claimed_usd",
    "data_usd", "deviation", "deviation_pct", "deviation_unit", "band_low", "band_high", "source", "definition",
    "why", "modality", "period", "start", "end",
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
            published = item.article.published or getattr(item.extraction, "published", None)
            for verdict in check_claims(item.extraction.claims, facts, published):
                claim = verdict.claim
                fraction = verdict.deviation_unit == "fraction" and verdict.deviation is not None
                low, high = verdict.tolerance or (None, None)
                rows.append({
                    "article": item.id, "verdict": verdict.verdict, "claim": claim.text,
                    "measure": claim.measure, "from": claim.from_ or claim.country,
                    "to": claim.about if claim.measure == "partner_rank" else claim.to,
                    "year": claim.year, "claimed": claim.value, "currency": claim.currency,
                    "claimed_usd": verdict.claimed_usd, "data_usd": verdict.data_value,
                    "deviation": verdict.deviation,
                    "deviation_pct": verdict.deviation * 100 if fraction else None,
                    "deviation_unit": verdict.deviation_unit if verdict.deviation is not None else None,
                    "band_low": low, "band_high": high, "source": verdict.source, "definition": verdict.definition,
                    "why": verdict.why, "modality": getattr(claim, "modality", None),
                    "period": getattr(claim, "period", None), "start": claim.start, "end": claim.end,
                })
    finally:
        if owned:
            engine.close()
    frame = pd.DataFrame(rows, columns=COLUMNS)
    for column in ("article", "year", "start", "end"):
        frame[column] = frame[column].astype("Int64")
    return frame


def pair_claims(a: str, b: str, engine: Engine | None = None, store: Store | None = None) -> pd.DataFrame:
    """Verdicts for the claims of every stored article that names both ``a`` and ``b``."""
    articles = [item for item in stored_articles(store) if {a, b} <= set(item.extraction.countries)]
    return claim_verdicts(articles, engine)
