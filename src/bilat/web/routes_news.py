"""Articles, the claims they make (checked against the data) and the agreements they report.

The service opens the catalog read-only, so it never creates the news tables: on a store where no
article was ever added, these routes answer an empty list with a note saying how to add one.
Every record keeps the ``start``/``end`` offsets into its article's text, so the dashboard can
link each claim to the sentence it came from (``/article.html?id=1#at-START-END``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Path
from fastapi.responses import JSONResponse

from bilat.news.errors import ArticleNotFoundError
from bilat.news.store import NewsStore, StoredArticle
from bilat.catalog.store import Store
from bilat.web.deps import ETag, Pool
from bilat.web.params import PairQuery, pair_query
from bilat.web.responses import ERROR_RESPONSES, Envelope, HTTPProblem, clean, envelope

router = APIRouter(prefix="/api", tags=["news"], responses=ERROR_RESPONSES)

ADD_HINT = "no article stored yet: add one with `bilat news add ARTICLE.txt`"
ArticleId = Annotated[int, Path(ge=1, le=2**62, description="Article id (see /api/articles).")]


@contextlib.contextmanager
def _news(store: Store) -> Iterator[NewsStore | None]:
    """The news tables of ``store`` read-only, or None when no article was ever added."""
    with store.catalog(read_only=True) as con:
        news = NewsStore(con)
        yield news if news.has_schema() else None


def _stored(store: Store, wanted: tuple[str, str] | None = None) -> list[StoredArticle]:
    """Every stored article with its records (only those naming both countries of ``wanted``)."""
    with _news(store) as news:
        if news is None:
            return []
        items = [news.get(i) for i in news.ids()]
    if wanted is not None:
        items = [s for s in items if set(wanted) <= set(s.extraction.countries)]
    return items


def _summary(item: StoredArticle) -> dict[str, Any]:
    a = item.article
    x = item.extraction
    return {
        "id": item.id, "name": a.name, "title": a.title, "source": a.source, "published": a.published,
        "added_at": item.added_at, "countries": list(x.countries), "claims": len(x.claims), "targets": len(x.targets),
        "agreements": len(x.agreements), "sha256": a.sha256,
    }


def _records(item: StoredArticle) -> list[dict[str, Any]]:
    rows = []
    for kind, found in (("claim", item.extraction.claims), ("target", item.extraction.targets),
                        ("agreement", item.extraction.agreements)):
        for record in found:
            rows.append({"kind": kind, **record.to_dict()})
    return sorted(rows, key=lambda r: (r["start"], r["end"]))


@router.get("/articles", response_model=Envelope, summary="Stored news articles")
def articles(pool: Pool, etag: ETag, pair: PairQuery = None) -> JSONResponse:
    """One record per article: title, source, date, countries and how many claims, targets and agreements it holds."""
    items = _stored(pool.store, pair_query(pair))
    return envelope([_summary(i) for i in items], [] if items else [ADD_HINT], None, etag)


@router.get("/articles/{article_id}", response_model=Envelope, summary="One article: its exact text and its records")
def article(article_id: ArticleId, pool: Pool, etag: ETag) -> JSONResponse:
    """The text every offset points into, and each record (claim, target, agreement) with ``start``/``end``."""
    with _news(pool.store) as news:
        if news is None:
            raise HTTPProblem(404, f"no stored article with id {article_id}; {ADD_HINT}")
        try:
            item = news.get(article_id)
        except ArticleNotFoundError as exc:
            raise HTTPProblem(404, str(exc)) from None
    record = {**_summary(item), "text": item.article.text, "records": _records(item)}
    return envelope([record], [], None, etag)


@router.get("/claims", response_model=Envelope, summary="Claims from the news, with verdicts")
def claims(pool: Pool, etag: ETag, pair: PairQuery = None) -> JSONResponse:
    """Each number an article states, checked against the data: verdict, the data's value, deviation, tolerance and why."""
    from bilat.news import TradeFacts, check_claims

    wanted = pair_query(pair)
    items = _stored(pool.store, wanted)
    rows = []
    with pool.engine() as engine:
        facts = TradeFacts.from_engine(engine)
        for item in items:
            found = [c for c in item.extraction.claims if wanted is None or _about(c, wanted)]
            published = item.article.published or getattr(item.extraction, "published", None)
            for verdict in check_claims(found, facts, published):
                c = verdict.claim
                sentence = _sentence(item.article.text, c.start, c.end)
                rows.append({
                    "article_id": item.id, "article": item.article.title or item.article.name,
                    "text": c.text, "start": c.start, "end": c.end, "sentence": sentence[2],
                    "sentence_start": sentence[0], "sentence_end": sentence[1], "measure": c.measure,
                    "from": c.from_ or c.country, "to": c.to, "year": c.year, "claimed": c.value,
                    "currency": c.currency, "hedge": c.hedge, "claimed_usd": verdict.claimed_usd,
                    "data_usd": verdict.data_value, "deviation": verdict.deviation,
                    "tolerance": list(verdict.tolerance) if verdict.tolerance else None, "verdict": verdict.verdict,
                    "why": verdict.why, "reason": verdict.reason, "source": verdict.source, "definition": verdict.definition,
                    "deviation_unit": verdict.deviation_unit if verdict.deviation is not None else None,
                    "deviation_pct": (verdict.deviation * 100 if verdict.deviation is not None
                                      and verdict.deviation_unit == "fraction" else None),
                    "modality": getattr(c, "modality", None), "period": getattr(c, "period", None),
                })
    notes = [] if items else [ADD_HINT]
    if rows:
        notes.append("tolerance: exact ±5 %, about/some ±15 %, nearly −1 %..+15 % (claimed vs data), never tighter than the figure's own rounding")
    return envelope([clean(r) for r in rows], notes, None, etag)


@router.get("/agreements", response_model=Envelope, summary="Agreements reported in the news, oldest first")
def agreements(pool: Pool, etag: ETag, pair: PairQuery = None) -> JSONResponse:
    """MoUs, joint statements and plans: type, parties, date, place and sectors, each located in its article."""
    wanted = pair_query(pair)
    items = _stored(pool.store, wanted)
    rows = []
    for item in items:
        for found in item.extraction.agreements:
            data = found.to_dict()
            value = found.date.value if found.date is not None and found.date.value is not None else None
            rows.append({
                "article_id": item.id, "article": item.article.title or item.article.name,
                "date": value.isoformat() if value else None, "date_text": data.get("date"),
                **{k: v for k, v in data.items() if k not in ("date", "date_ref")},
            })
    rows.sort(key=lambda r: (r["date"] is None, r["date"] or "", r["article_id"], r["start"]))
    return envelope([clean(r) for r in rows], [] if items else [ADD_HINT], None, etag)


def _about(claim: Any, wanted: tuple[str, str]) -> bool:
    """A claim about the pair: every country it names is one of the two (GDP of either side counts)."""
    named = {c for c in (claim.from_, claim.to, claim.country) if c}
    return bool(named) and named <= set(wanted)


def _sentence(text: str, start: int, end: int) -> tuple[int, int, str]:
    """The sentence around ``text[start:end]``, as (start, end, words), for showing a claim in context."""
    from bilat.news.text import sentences

    for found in sentences(text):
        if found.start <= start < found.end:
            last = max(found.end, end)
            return found.start, last, text[found.start:last]
    return start, end, text[start:end]
