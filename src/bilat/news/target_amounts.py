"""What a target's number means: a level reached, an increment, or a rise stated twice.

Why a separate pass: the shapes in :mod:`.targets` and :mod:`.target_shapes` find a target by its
level ("reach $6.5 billion by 2024"); the words just before that number decide how to read it:

* an increment: "boost trade by $2 billion by 2025", "add $500 million to its exports within three
  years" (``increase`` is set: the value is added to today's level, not the level reached);
* a rise stated with its level: "grow by 30 percent to reach $6.5 billion by 2024" is one target
  (level and multiplier 1.3), and the percentage is the target's, never a claim of its own;
  "increase trade fivefold to $50 billion" is the level with multiplier 5;
* a second level in the same goal: "a target of $30 billion in trade by 2025, and $50 billion in
  investment" is two targets with one deadline (:func:`second_levels`).
"""

from __future__ import annotations

import re

from bilat.news.model import DeclaredTarget
from bilat.news.money import find_amounts
from bilat.news.text import Sentence

_RAISE_BY = re.compile(
    r"\b(?:increas|boost|rais|lift|expand|grow|push|enhanc|augment)\w*\b[^;§]{0,80}?\bby\s+"
    r"(?:about\s+|around\s+|some\s+|nearly\s+|more\s+than\s+|an?\s+(?:additional|extra|further)\s+)?$", re.I)
_ADD = re.compile(r"\badd(?:s|ed|ing)?\s+(?:about\s+|around\s+|some\s+|nearly\s+|more\s+than\s+|"
                  r"an?\s+(?:additional|extra|further)\s+)?$|\ban?\s+(?:additional|extra|further)\s+$", re.I)
_PCT_BEFORE = re.compile(r"\b(?:by\s+)?(?P<pct>\d+(?:\.\d+)?)\s?(?:%|percent|per\s+cent)\s+(?:to\s+(?:reach\s+)?|,?\s*reaching\s+)?$",
                         re.I)
_FOLDS = {"two": 2, "three": 3, "four": 4, "five": 5, "ten": 10}
_FOLD_BEFORE = re.compile(r"\b(?P<n>two|three|four|five|ten)-?fold\s+(?:to\s+(?:reach\s+)?)?(?:about\s+|around\s+|some\s+)?$", re.I)
_RISE_WORD = re.compile(r"\b(?:increas|boost|rais|lift|expand|grow|push|rise|climb|jump)\w*\b", re.I)


def read_amounts(view: str, sents: list[Sentence], targets: list[DeclaredTarget]) -> None:
    """Mark increments and fold a stated rise into its target (in place)."""
    for target in targets:
        if target.target_value is None:
            continue
        sent = next((s for s in sents if s.start <= target.start < s.end + 1), None)
        if sent is None:
            continue
        at = _value_start(view, sent, target)
        if at is None:
            continue
        left = view[sent.start : at]
        if _RAISE_BY.search(left) or _ADD.search(left):
            target.increase = True
            continue
        fold = _FOLD_BEFORE.search(left)
        if fold is not None and target.multiplier is None:  # "increase trade fivefold to $50 billion"
            target.multiplier = float(_FOLDS[fold.group("n").lower()])
            continue
        pct = _PCT_BEFORE.search(view[sent.start : target.start] if target.start > sent.start else "")
        if pct is not None and target.multiplier is None and _RISE_WORD.search(view[sent.start : sent.start + pct.start()]):
            target.multiplier = 1 + float(pct.group("pct")) / 100
            target.start = sent.start + pct.start()


def _value_start(view: str, sent: Sentence, target: DeclaredTarget) -> int | None:
    """Where the target's money figure starts in the view (its hedge word included)."""
    span = view[target.start : target.end]
    for amount in find_amounts(span):
        if amount.unit == "money" and amount.value is not None and target.currency == amount.currency and abs(
                amount.value - target.target_value) <= 0.005 * abs(target.target_value):
            return target.start + amount.hedge_start
    return None


_AND_ALSO = re.compile(r"^,?\s+(?:and|as\s+well\s+as|plus)\s+$", re.I)
_NOUN_AFTER = re.compile(r"^\s+(?:in|of)\s+(?:[\w-]+\s+){0,2}?(?P<noun>investments?|FDI|exports|imports|trade)\b", re.I)


def second_levels(view: str, sents: list[Sentence], targets: list[DeclaredTarget]) -> list[DeclaredTarget]:
    """Targets stated beside another in the same goal ("…by 2025, and $50 billion in investment")."""
    out: list[DeclaredTarget] = []
    for target in targets:
        sent = next((s for s in sents if s.start <= target.start < s.end + 1), None)
        if sent is None or target.target_value is None:
            continue
        for amount in find_amounts(view[target.end : sent.end]):
            at = target.end + amount.hedge_start
            if amount.unit != "money" or not _AND_ALSO.match(view[target.end : at]):
                continue
            noun = _NOUN_AFTER.match(view[target.end + amount.end : sent.end])
            if noun is None:
                break
            word = noun.group("noun").lower()
            measure = "investment" if word.startswith("invest") or word == "fdi" else (
                "exports" if word == "exports" else "imports" if word == "imports" else "bilateral_trade_total")
            out.append(DeclaredTarget(text="", start=at, end=target.end + amount.end + noun.end(), measure=measure,
                                      countries=list(target.countries), target_value=amount.value,
                                      currency=amount.currency, by_year=target.by_year,
                                      horizon_years=target.horizon_years, kind=target.kind))
            break
    return out
