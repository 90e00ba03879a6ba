"""Every article of ../shared/news-dev goes through the extractor without an error.

This reads the real texts only to check robustness (no crash, every span maps back to the text,
codes from the vocabulary); their scores are bench/news_eval.py's job, not a test's. Skips when
../shared/news-dev is not beside the clone.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bilat.news import extract, load_article
from bilat.news.schema import AGREEMENT_TYPES, CLAIM_MEASURES, EXTRA_MEASURES, STATUSES, TARGET_KINDS, gold_layout

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "news-dev"


@pytest.fixture(scope="module")
def corpus() -> list[Path]:
    files = sorted(CORPUS.glob("[0-9][0-9]_*.txt"))
    if not files:
        pytest.skip(f"../shared/news-dev not found beside the clone ({CORPUS}): corpus robustness test skipped")
    return files


def test_every_corpus_article_extracts_with_spans_and_codes(corpus: list[Path]) -> None:
    for path in corpus:
        article = load_article(path)
        result = extract(article)
        for record in [*result.claims, *result.targets, *result.agreements]:
            assert article.text[record.start : record.end] == record.text, (path.name, record)
        for a in result.agreements:
            data = a.to_dict()
            assert data["type_code"] in AGREEMENT_TYPES and data["status"] in STATUSES, (path.name, data)
        assert all(c.measure in CLAIM_MEASURES + EXTRA_MEASURES for c in result.claims), path.name
        assert all(t.kind in TARGET_KINDS for t in result.targets), path.name
        layout = gold_layout(result)
        assert set(layout) == {"claims", "targets", "agreements"}
