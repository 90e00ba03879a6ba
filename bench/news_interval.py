"""How far an F1 over a few articles could move by the luck of which articles were picked.

Why: the test third of ``../shared/news-dev`` is 14 articles, each held-out half of a pool about
15. A level's F1 over so few pages swings with one page: a "no change" or a "+0.05" between two
rounds means little unless it is set beside the spread the page sample alone would give. The
usual answer is the percentile bootstrap over documents (articles drawn with replacement, the
micro-averaged F1 recomputed for each draw): articles, not mentions, are the unit drawn, because
mentions of one article share its wording and its misses.

Example: ``interval([{"claims": (3, 4, 5)}, {"claims": (1, 1, 2)}], "claims")`` gives the 5th and
95th percentiles of the F1 over 2,000 draws, with a fixed seed so that a figure can be re-read.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

Tally = tuple[int, int, int]  # true positives, predictions, gold items


def f1(tp: int, npred: int, ngold: int) -> float:
    """Micro F1 as the corpus scorer computes it (nothing predicted and nothing to find is 1.0)."""
    p = tp / npred if npred else (1.0 if ngold == 0 else 0.0)
    r = tp / ngold if ngold else (1.0 if npred == 0 else 0.0)
    return 2 * p * r / (p + r) if p + r else 0.0


def interval(per_article: Sequence[dict[str, Tally]], level: str, *, draws: int = 2000,
             coverage: float = 0.90, seed: int = 0) -> tuple[float, float]:
    """(low, high): the central ``coverage`` share of the F1 of ``level`` over ``draws`` samples
    of the articles drawn with replacement. An article without the level counts as (0, 0, 0)."""
    if not per_article:
        raise ValueError("interval: no articles to draw from")
    if not 0 < coverage < 1:
        raise ValueError(f"interval: coverage must be between 0 and 1, got {coverage}")
    tallies = [a.get(level, (0, 0, 0)) for a in per_article]
    rng = random.Random(seed)
    n = len(tallies)
    scores = []
    for _ in range(draws):
        tp = npred = ngold = 0
        for _ in range(n):
            t = tallies[rng.randrange(n)]
            tp, npred, ngold = tp + t[0], npred + t[1], ngold + t[2]
        scores.append(f1(tp, npred, ngold))
    scores.sort()
    tail = (1 - coverage) / 2
    low = scores[int(tail * (draws - 1))]
    high = scores[int(round((1 - tail) * (draws - 1)))]
    return low, high
