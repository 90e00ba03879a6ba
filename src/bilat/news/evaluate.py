"""Score extraction against hand-annotated articles (precision, recall, F1 per record kind).

An annotation is the JSON layout of ``examples/news/*.json``. A record matches when:

* claim: same measure, value within 0.5% (or both absent), same direction (``from``/``to``; an
  unordered pair for ``bilateral_trade_total``; ``country`` for gdp, gdp_rank, imports_total),
  same year, and for ``top_products`` the same HS chapters;
* target: same measure, countries, multiplier, target value and years;
* agreement: same type (singular/plural ignored) and the same set of parties.

Each expected record is matched at most once (greedy, in order).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bilat.news.extract import extract
from bilat.news.ingest import load_article

COUNTRY_MEASURES = ("gdp", "gdp_rank", "rank", "partner_rank", "imports_total", "exports_total")


def _close(a: Any, b: Any, rel: float = 0.005) -> bool:
    if a is None or b is None:
        return a is None and b is None
    a, b = float(a), float(b)
    return abs(a - b) <= rel * max(abs(a), abs(b), 1e-12)


def claim_matches(expected: dict[str, Any], got: dict[str, Any]) -> bool:
    measure = expected.get("measure")
    if measure != got.get("measure") or expected.get("year") != got.get("year"):
        return False
    if measure == "top_products":
        if set(expected.get("hs_chapters", [])) != set(got.get("hs_chapters", [])):
            return False
    elif not _close(expected.get("value"), got.get("value")):
        return False
    if measure in COUNTRY_MEASURES:
        return expected.get("country") == got.get("country")
    if measure == "bilateral_trade_total":
        return {expected.get("from"), expected.get("to")} == {got.get("from"), got.get("to")}
    return expected.get("from") == got.get("from") and expected.get("to") == got.get("to")


def target_matches(expected: dict[str, Any], got: dict[str, Any]) -> bool:
    return (
        expected.get("measure") == got.get("measure")
        and sorted(expected.get("countries") or []) == sorted(got.get("countries") or [])
        and _close(expected.get("multiplier"), got.get("multiplier"), 0.01)
        and _close(expected.get("target_value"), got.get("target_value"))
        and expected.get("by_year") == got.get("by_year")
        and expected.get("base_year") == got.get("base_year")
    )


def _type(value: str | None) -> str:
    """The type code of a label or code ("MoU", "mou", "protocols", "government investment plan")."""
    from bilat.news.schema import type_code

    return type_code(value)


def agreement_matches(expected: dict[str, Any], got: dict[str, Any]) -> bool:
    return _type(expected.get("type")) == _type(got.get("type")) and set(expected.get("parties") or []) == set(
        got.get("parties") or []
    )


MATCHERS: dict[str, Callable[[dict[str, Any], dict[str, Any]], bool]] = {
    "claims": claim_matches,
    "targets": target_matches,
    "agreements": agreement_matches,
}


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def compare(kind: str, expected: list[dict[str, Any]], got: list[dict[str, Any]], label: str = "") -> Score:
    """Greedy one-to-one matching of ``expected`` against ``got``."""
    match = MATCHERS[kind]
    score = Score()
    free = list(range(len(got)))
    for item in expected:
        hit = next((i for i in free if match(item, got[i])), None)
        if hit is None:
            score.fn += 1
            score.misses.append(f"{label} missed {kind[:-1]}: {item.get('text') or item.get('type')!r}")
        else:
            score.tp += 1
            free.remove(hit)
    score.fp += len(free)
    score.misses += [f"{label} extra {kind[:-1]}: {got[i].get('text')!r}" for i in free]
    return score


def annotated_articles(folder: Path) -> list[tuple[Path, dict[str, Any]]]:
    """``(article path, annotation)`` for every ``*.json`` in ``folder`` naming an existing article."""
    out = []
    for ann_path in sorted(folder.glob("*.json")):
        annotation = json.loads(ann_path.read_text(encoding="utf-8"))
        article = folder / annotation["article"]
        if article.exists():
            out.append((article, annotation))
    return out


def evaluate(items: list[tuple[Path, dict[str, Any]]]) -> dict[str, Score]:
    """Scores per kind summed over ``items``."""
    totals = {kind: Score() for kind in MATCHERS}
    for path, annotation in items:
        published = annotation.get("published")
        article = load_article(path, published=dt.date.fromisoformat(published) if published else None)
        got = extract(article).to_dict()
        for kind in MATCHERS:
            s = compare(kind, annotation.get(kind, []), got[kind], label=path.name)
            total = totals[kind]
            total.tp, total.fp, total.fn = total.tp + s.tp, total.fp + s.fp, total.fn + s.fn
            total.misses += s.misses
    return totals
