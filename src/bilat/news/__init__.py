"""News intelligence: turn articles into checkable records, and say which numbers hold up.

``load_article`` reads a file, ``extract`` finds countries, claims, targets and agreements
(each with exact offsets into the original text), ``TradeFacts`` + ``check_claims`` compare
claims with the data, and ``NewsStore`` keeps articles and records in the store's catalog.
"""

from __future__ import annotations

from bilat.news.check import Verdict, check_claims
from bilat.news.errors import ArticleError, ArticleNotFoundError
from bilat.news.extract import extract
from bilat.news.facts import TradeFacts
from bilat.news.ingest import load_article, load_articles
from bilat.news.model import Agreement, Article, Claim, DeclaredTarget, Extraction, Target
from bilat.news.store import NewsStore

__all__ = [
    "Agreement",
    "Article",
    "ArticleError",
    "ArticleNotFoundError",
    "Claim",
    "Extraction",
    "NewsStore",
    "DeclaredTarget",
    "Target",
    "TradeFacts",
    "Verdict",
    "check_claims",
    "extract",
    "load_article",
    "load_articles",
]
