"""The bootstrap interval bench/news_eval.py prints beside a corpus F1 (bench/news_interval.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench"))

from news_interval import f1, interval  # noqa: E402


def test_every_article_scoring_the_same_gives_a_point_interval() -> None:
    articles = [{"claims": (2, 4, 4)} for _ in range(9)]
    low, high = interval(articles, "claims")
    assert low == high == pytest.approx(0.5)


def test_the_interval_holds_the_pooled_f1_and_widens_with_uneven_articles() -> None:
    even = [{"claims": (3, 4, 4)}, {"claims": (3, 4, 4)}, {"claims": (3, 4, 4)}, {"claims": (3, 4, 4)}]
    uneven = [{"claims": (4, 4, 4)}, {"claims": (0, 4, 4)}, {"claims": (4, 4, 4)}, {"claims": (4, 4, 4)}]
    pooled = f1(12, 16, 16)
    low, high = interval(uneven, "claims")
    assert low < pooled < high
    assert high - low > 0.2  # one page in four with nothing right moves the F1 a lot
    e_low, e_high = interval(even, "claims")
    assert e_high - e_low < high - low


def test_more_articles_of_the_same_mix_narrow_the_interval() -> None:
    mix = [{"claims": (4, 4, 4)}, {"claims": (1, 4, 4)}, {"claims": (2, 3, 4)}]
    few = interval(mix * 2, "claims")
    many = interval(mix * 20, "claims")
    assert many[1] - many[0] < few[1] - few[0]


def test_an_article_without_the_level_counts_as_nothing_to_find() -> None:
    assert interval([{"targets": (1, 1, 1)}, {}], "targets") == (1.0, 1.0)


def test_the_same_seed_gives_the_same_interval() -> None:
    mix = [{"claims": (4, 5, 4)}, {"claims": (1, 4, 4)}, {"claims": (2, 2, 6)}]
    assert interval(mix, "claims", seed=3) == interval(mix, "claims", seed=3)


def test_bad_input_is_refused_in_one_line() -> None:
    with pytest.raises(ValueError, match="no articles"):
        interval([], "claims")
    with pytest.raises(ValueError, match="coverage"):
        interval([{"claims": (1, 1, 1)}], "claims", coverage=1.5)


def test_news_eval_prints_the_interval_column() -> None:
    if not (REPO.parent / "shared" / "news-dev" / "score.py").exists():
        pytest.skip("../shared/news-dev is absent (the corpus is not in the repository)")
    out = subprocess.run([sys.executable, str(REPO / "bench" / "news_eval.py"), "--only", "dev", "--interval"],
                         capture_output=True, text=True, timeout=300, check=True).stdout
    assert "F1 90% interval" in out
    rows = [line for line in out.splitlines() if line.startswith("news-dev dev") and "claims L1" in line]
    assert rows, out
    low, high = (float(x) for x in rows[0].split()[-1].split("-"))
    f1_value = float(rows[0].split()[6])
    assert 0.0 <= low <= f1_value <= high <= 1.0
