"""The evaluation harness on the development set: claim F1 must stay at or above 0.9."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bilat.news.evaluate import annotated_articles, evaluate

DEV_SET = Path(__file__).resolve().parents[1] / "data" / "news"

REPO = Path(__file__).resolve().parents[2]


def test_dev_set_has_at_least_eight_annotated_articles_including_html() -> None:
    items = annotated_articles(DEV_SET)
    assert len(items) >= 8
    assert any(path.suffix == ".html" for path, _ in items)


def test_claim_f1_on_dev_set_is_at_least_0_9() -> None:
    scores = evaluate(annotated_articles(DEV_SET))
    assert scores["claims"].f1 >= 0.9, "\n".join(scores["claims"].misses)


def test_comment_piece_without_figures_yields_nothing() -> None:
    items = [(p, a) for p, a in annotated_articles(DEV_SET) if p.name == "opinion_no_figures.txt"]
    scores = evaluate(items)
    assert all(s.fp == 0 for s in scores.values())


def test_bench_script_prints_a_score_table() -> None:
    out = subprocess.run([sys.executable, str(REPO / "bench" / "news_eval.py")], capture_output=True, text=True,
                         timeout=300, check=True).stdout
    assert "claims" in out and "F1" in out and "dev" in out
