"""Score bilat's news extraction against hand-annotated articles.

Run: ``.venv/bin/python bench/news_eval.py [-v]``. Prints precision, recall and F1 for claims,
targets and agreements on the two founding articles (``../shared/examples/news``, when present)
and on the development set (``tests/data/news``), then lists every miss with ``-v``.
The development articles were written for bilat and the extractor was tuned on them: their score
shows the rules cover the phrasing we know, not how well they generalise.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from bilat.news.evaluate import annotated_articles, evaluate  # noqa: E402

SETS = {
    "seed": REPO.parent / "shared" / "examples" / "news",
    "dev": REPO / "tests" / "data" / "news",
}


def main(verbose: bool = False) -> int:
    print(f"{'set':<6} {'kind':<11} {'n':>3} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>10} {'recall':>7} {'F1':>6}")
    misses: list[str] = []
    for name, folder in SETS.items():
        items = annotated_articles(folder) if folder.is_dir() else []
        if not items:
            print(f"{name:<6} (no annotated articles in {folder})")
            continue
        for kind, s in evaluate(items).items():
            print(f"{name:<6} {kind:<11} {len(items):>3} {s.tp:>4} {s.fp:>4} {s.fn:>4} "
                  f"{s.precision:>10.3f} {s.recall:>7.3f} {s.f1:>6.3f}")
            misses += [f"[{name}] {m}" for m in s.misses]
    if verbose:
        print("\n".join(misses) or "no misses")
    else:
        print(f"{len(misses)} miss(es); -v lists them")
    return 0


if __name__ == "__main__":
    sys.exit(main("-v" in sys.argv[1:]))
