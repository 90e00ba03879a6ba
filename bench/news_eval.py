"""Score bilat's news extraction: real articles (dev and test thirds) beside the self-written set.

Run: ``PYTHONPATH=src .venv/bin/python bench/news_eval.py [-v] [--only dev|test|self|seed]``.

* ``news-dev dev`` / ``news-dev test``: the 40 real articles of ``../shared/news-dev`` split by
  number (01-26 development, 27-40 test). Each article is extracted with no publication date
  given (the extractor must find it in the text, as a user's would), written in the corpus
  layout (:func:`bilat.news.schema.gold_layout`) and scored with the corpus's own ``score.py``
  (imported from ``../shared`` at run time, not copied): claims value / +year / +direction,
  targets, agreements parties / +type. Two columns are bilat's own: agreements ``+date`` (parties,
  type and the same date; a null gold date matches only a null) and ``dup`` (predicted agreements
  beyond the gold count for the same parties and type, i.e. one agreement recorded twice).
* ``self`` / ``seed``: the self-written set (``tests/data/news``, which the rules were first
  tuned on) and the two founding articles, scored with :mod:`bilat.news.evaluate`.

``-v`` lists the misses of the DEVELOPMENT third only (and of the self-written set): the test
third is for reporting a figure, never for finding the next rule.

``--interval`` adds each F1's 90% bootstrap interval over the articles (:mod:`news_interval`):
how far the figure could move with the luck of which articles were drawn, to read a change between
two rounds against.

``--corpus DIR`` scores another folder laid out like news-dev (``NN_slug.txt`` with its
``NN_slug.json`` gold) as one more development set, every article of it, misses listed with
``-v``: real text annotated after the rules were written, kept outside the repository.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from bilat.news.evaluate import annotated_articles, evaluate  # noqa: E402
from bilat.news.extract import extract  # noqa: E402
from bilat.news.ingest import load_article  # noqa: E402
from bilat.news.schema import gold_layout  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from news_interval import interval  # noqa: E402

SHARED = REPO.parent / "shared"
NEWS_DEV = SHARED / "news-dev"
SETS = {"seed": SHARED / "examples" / "news", "self": REPO / "tests" / "data" / "news"}
DEV_LAST = 26  # articles 01-26 are development, 27-40 the test third


def load_scorer(folder: Path = NEWS_DEV):
    """The corpus's ``score.py`` as a module (None when ../shared is absent)."""
    path = folder / "score.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location("news_dev_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def corpus_articles(part: str, folder: Path = NEWS_DEV,
                    numbers: tuple[int, int] | None = None) -> list[tuple[Path, dict]]:
    """``(text path, gold)`` of the ``dev`` or ``test`` third (``all``: every article, or those numbered
    within ``numbers``; a file is ``NN_slug.json`` with any count of digits)."""
    out = []
    for gold_path in sorted(folder.glob("[0-9]*_*.json")):
        head = gold_path.name.split("_", 1)[0]
        if not head.isdigit():
            continue
        number = int(head)
        if numbers is not None and not numbers[0] <= number <= numbers[1]:
            continue
        if part == "all" or (number <= DEV_LAST) == (part == "dev"):
            out.append((gold_path.with_suffix(".txt"), json.loads(gold_path.read_text(encoding="utf-8"))))
    return out


def predict(path: Path) -> dict:
    return gold_layout(extract(load_article(path)))


def _date_ok(p: dict, g: dict) -> bool:
    return (frozenset(p["parties"]) == frozenset(g["parties"]) and p["type"] == g["type"]
            and p.get("date") == g.get("date"))


def score_corpus(scorer, items: list[tuple[Path, dict]],
                 per_article: list[dict] | None = None) -> tuple[dict, list[str]]:
    """Micro-averaged ``{level: (tp, n_pred, n_gold)}`` and the list of misses; each article's own
    tallies are appended to ``per_article`` when it is given (for the bootstrap interval)."""
    totals: dict[str, list[int]] = {}
    misses: list[str] = []
    for path, gold in items:
        pred = predict(path)
        own = scorer.score_pair(gold, pred)
        for level, (tp, npred, ngold) in own.items():
            t = totals.setdefault(level, [0, 0, 0])
            t[0], t[1], t[2] = t[0] + tp, t[1] + npred, t[2] + ngold
        g_agr = [{"parties": [p for p in a.get("parties") or [] if p], "type": a.get("type"), "date": a.get("date")}
                 for a in gold.get("agreements", [])]
        tp = scorer.max_matching(len(pred["agreements"]), len(g_agr),
                                 lambda i, j: _date_ok(pred["agreements"][i], g_agr[j]))
        t = totals.setdefault("agreements C +date", [0, 0, 0])
        t[0], t[1], t[2] = t[0] + tp, t[1] + len(pred["agreements"]), t[2] + len(g_agr)
        if per_article is not None:
            per_article.append({**own, "agreements C +date": (tp, len(pred["agreements"]), len(g_agr))})
        key = lambda a: (frozenset(a["parties"]), a["type"])  # noqa: E731
        have, want = Counter(map(key, pred["agreements"])), Counter(map(key, g_agr))
        dup = sum(max(0, n - max(want[k], 1)) for k, n in have.items())
        t = totals.setdefault("agreements dup", [0, 0, 0])
        t[0] += dup
        misses += _misses(scorer, path.stem, gold, pred)
    return totals, misses


def _misses(scorer, name: str, gold: dict, pred: dict) -> list[str]:
    out = []
    views = [scorer.claim_view(c) for c in pred["claims"]]
    l3 = scorer.claim_levels()[2][1]
    used: set[int] = set()
    for g in gold.get("claims", []):
        gv = scorer.claim_view(g)
        hit = next((i for i, p in enumerate(views) if i not in used and l3(p, gv)), None)
        if hit is not None:
            used.add(hit)
            continue
        near = [pred["claims"][i] for i, p in enumerate(views) if scorer.close(p["value"], gv["value"])]
        seen = "; got " + ", ".join(f"year={c['year']} {c['from']}->{c['to']}" for c in near) if near else "; not found"
        out.append(f"{name} claim missed: {g['text']!r} {g.get('measure')} year={g.get('year')} "
                   f"{g.get('from')}->{g.get('to')}{seen}")
    for i, c in enumerate(pred["claims"]):
        if i not in used:
            out.append(f"{name} claim extra: {c['text']!r} {c['measure']} value={c['value']} year={c['year']} "
                       f"{c['from']}->{c['to']}")
    pt = [scorer.target_view(t) for t in pred["targets"]]
    for g in gold.get("targets", []):
        gv = scorer.target_view(g)
        if not any(scorer.target_ok(p, gv) for p in pt):
            out.append(f"{name} target missed: {g['text']!r}")
    gt = [scorer.target_view(t) for t in gold.get("targets", [])]
    for t, p in zip(pred["targets"], pt):
        if not any(scorer.target_ok(p, g) for g in gt):
            out.append(f"{name} target extra: {t['text']!r} {t['multiplier_or_value']}")
    ga = [scorer.agreement_view(a) for a in gold.get("agreements", [])]
    pa = [scorer.agreement_view(a) for a in pred["agreements"]]
    for g, graw in zip(ga, gold.get("agreements", [])):
        if not any(p == g for p in pa):
            out.append(f"{name} agreement missed: {sorted(g['parties'])} {g['type']} date={graw.get('date')}")
    for p, praw in zip(pa, pred["agreements"]):
        if not any(p == g for g in ga):
            out.append(f"{name} agreement extra: {sorted(p['parties'])} {p['type']} {praw['text']!r}")
        else:
            g_dates = [a.get("date") for a, gv in zip(gold.get("agreements", []), ga) if gv == p]
            if praw.get("date") not in g_dates:
                out.append(f"{name} agreement date: got {praw.get('date')} want one of {g_dates} ({praw['text']!r})")
    return out


def _prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = tp / npred if npred else (1.0 if ngold == 0 else 0.0)
    r = tp / ngold if ngold else (1.0 if npred == 0 else 0.0)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


HEADER = f"{'set':<13} {'level':<22} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'pred':>5} {'gold':>5}"
INTERVAL_HEADER = f"  {'F1 90% interval':>15}"


def _numbers(text: str | None) -> tuple[int, int] | None:
    if not text:
        return None
    lo, _, hi = text.partition("-")
    if not (lo.isdigit() and (hi or lo).isdigit()):
        raise SystemExit(f"news_eval: --numbers must be LO-HI (e.g. 101-120); got {text!r}")
    return int(lo), int(hi or lo)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="list development misses")
    ap.add_argument("--only", choices=["dev", "test", "self", "seed", "corpus"], action="append")
    ap.add_argument("--corpus", type=Path, metavar="DIR",
                    help="also score every article of DIR (laid out like news-dev) as development text")
    ap.add_argument("--interval", action="store_true",
                    help="beside each corpus F1, its 90%% bootstrap interval over the articles (2,000 draws, seed 0)")
    ap.add_argument("--numbers", metavar="LO-HI",
                    help="with --corpus: only the articles numbered LO to HI (e.g. 101-120)")
    args = ap.parse_args(argv)
    only = set(args.only or ["dev", "test", "self", "seed", "corpus"])
    print(HEADER + (INTERVAL_HEADER if args.interval else ""))
    misses: list[str] = []
    scorer = load_scorer()
    parts = [("dev", NEWS_DEV), ("test", NEWS_DEV)]
    if args.corpus is not None:
        parts.append(("all", args.corpus))
    for part, folder in parts:
        if part not in only and not (part == "all" and "corpus" in only):
            continue
        if scorer is None:
            print(f"news-dev {part:<4} (no {NEWS_DEV}/score.py: skipped)")
            continue
        items = corpus_articles(part, folder, _numbers(args.numbers) if part == "all" else None)
        if not items:
            print(f"{folder} holds no annotated articles")
            continue
        per_article: list[dict] = []
        totals, found = score_corpus(scorer, items, per_article)
        if part != "test":
            misses += found
        label = f"news-dev {part}" if part != "all" else f"{folder.name[:13]}"
        for level, (tp, npred, ngold) in totals.items():
            if level == "agreements dup":
                print(f"{label:<13} {level:<22} {tp:>6d}  (agreements recorded twice)")
                continue
            p, r, f = _prf(tp, npred, ngold)
            spread = ""
            if args.interval:
                low, high = interval(per_article, level)
                spread = f"  {low:7.3f}-{high:.3f}"
            print(f"{label:<13} {level:<22} {p:6.3f} {r:6.3f} {f:6.3f} {tp:5d} {npred:5d} {ngold:5d}{spread}")
    for name, folder in SETS.items():
        if name not in only:
            continue
        items = annotated_articles(folder) if folder.is_dir() else []
        if not items:
            print(f"{name:<13} (no annotated articles in {folder})")
            continue
        for kind, s in evaluate(items).items():
            print(f"{name:<13} {kind:<22} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:5d} "
                  f"{s.tp + s.fp:5d} {s.tp + s.fn:5d}")
            if name == "self":
                misses += [f"[self] {m}" for m in s.misses]
    if args.verbose:
        print("\n".join(misses) or "no misses")
    else:
        print(f"{len(misses)} development miss(es); -v lists them")
    return 0


if __name__ == "__main__":
    sys.exit(main())
