"""Declared goals: "double the trade volume", "reach $10 billion by 2025", "raise exports 50% by 2020".

A sentence only yields a target when it also carries a goal word (goal, aim, target, seek, in a
bid to, pledge...): "trade has doubled since 2010" is a fact, not a goal. The same goal repeated
in one article ("in a bid to double the trade…", later "a common goal to double the trade…")
is kept once, at its first mention.
"""

from __future__ import annotations

import datetime as dt
import re

import bilat.news.cues as cues
from bilat.news.model import CountryRef, DeclaredTarget
from bilat.news.money import find_amounts
from bilat.news.target_amounts import read_amounts, second_levels
from bilat.news.target_compounds import compound_targets
from bilat.news.target_rises import percent_rises
from bilat.news.target_shapes import classify, extra_targets, looks_forward, merge_restatements
from bilat.news.text import Sentence, tagged

GOAL = re.compile(
    r"\b(?:targets?|targeted|targeting|goals?|aims?|aimed|aiming|seeks?|sought|hopes?|hoped|pledged?|pledges|vow(?:ed|s)?|"
    r"wants?|wanted|ambitions?|ambitious|objectives?|committed|commit|plans?\s+to|planned\s+to|bid\s+to|set\s+out\s+to|"
    r"intends?|intended|agreed\s+to|push(?:ing)?\s+to|strive|strives|eyes?|eyeing|envisages?|roadmap\s+to)\b",
    re.I,
)
_NOUN = (
    r"(?P<noun>trade(?:\s+volume)?|volume\s+of\s+trade|commerce|exports?|imports|investments?|trade\s+turnover)"
)
_WHAT = (
    # "Japan's investment in Peru": a flow named by its source's possessive and its destination
    r"(?P<what>(?:(?:the|their|its|our|bilateral|two-way|annual|total|[A-Z][\w.]+['’]s)\s+)*" + _NOUN
    + r"(?:\s+(?:between\s+the\s+(?:two\s+)?countries|between\s+(?:the\s+)?[A-Z][\w.]+(?:\s[A-Z]\w+)?\s+and\s+(?:the\s+)?"
    r"[A-Z][\w.]+(?:\s[A-Z]\w+)?|with\s+(?:the\s+)?[A-Z][\w.]+(?:\s[A-Z]\w+)?|in\s+(?:the\s+)?(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)[A-Z][\w.]+(?:\s[A-Z]\w+)?|to\s+(?:the\s+)?(?![A-Z]{1,3}\$|U\.S\.\$)[A-Z][\w.]+(?:\s[A-Z]\w+)?))?)"
)
_BY_YEAR = r"(?:\s+(?:by|before|within|in)\s+(?:the\s+end\s+of\s+)?(?P<year>(?:19|20)\d\d))?"
_MULT_WORDS = {"double": 2, "doubling": 2, "doubled": 2, "triple": 3, "tripling": 3, "tripled": 3, "treble": 3,
               "quadruple": 4, "quadrupling": 4}
_MULT = re.compile(r"\b(?P<verb>" + "|".join(_MULT_WORDS) + r")\s+" + _WHAT + _BY_YEAR)
_FOLD_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "ten": 10}


def _fold(word: str) -> float:
    """"ten" or "10" (of "tenfold", "by up to 10 times") as a multiplier."""
    return float(word) if word.isdigit() else float(_FOLD_WORDS[word.lower()])


#: "to increase trade tenfold", "raise exports five-fold by 2035", "boost investment by three times",
#: "raise bilateral trade by up to 12 times": the multiplier after the flow
_FOLD = re.compile(r"\b(?:raise|raising|increase|increasing|boost|boosting|grow|growing|lift|lifting|expand|expanding)\s+"
                   + _WHAT + r"\s+(?:(?P<fold>" + "|".join(_FOLD_WORDS) + r"|\d{1,2})-?fold|by\s+(?:up\s+to\s+|about\s+|around\s+)?(?P<times>"
                   + "|".join(_FOLD_WORDS) + r"|\d{1,2}"
                   + r")\s+times)\b" + _BY_YEAR)
_PCT = re.compile(
    r"\b(?:raise|raising|increase|increasing|boost|boosting|grow|growing|lift|lifting|expand|expanding)\s+" + _WHAT
    + r"\s+(?:by\s+)?(?P<pct>\d+(?:\.\d+)?)\s?(?:%|percent|per\s+cent)" + _BY_YEAR
)
_VALUE_BEFORE = re.compile(
    r"\b(?:reach|reaching|hit|hitting|to|exceed|exceeding|surpass|target\s+of|goal\s+of|at)\s+(?:about\s+|around\s+|some\s+)?$",
    re.I,
)
#: a past movement: the figure after it is the level reached in the year named ("rose to $X in 2029")
_REPORTED_MOVE = re.compile(r"\b(?:rose|grew|climbed|jumped|increased|surged|soared|fell|dropped|declined|slipped|"
                            r"amounted|came|stood|edged\s+up)\s+(?:to|at)\s+(?:about\s+|around\s+|some\s+|nearly\s+)?$", re.I)
_VALUE_AFTER = re.compile(
    r"^\s*(?:a\s+year\s+|annually\s+|per\s+year\s+)?(?:by|before|within|in)\s+(?:the\s+end\s+of\s+)?((?:19|20)\d\d)\b"
)
_WHAT_SEARCH = re.compile(_WHAT)
#: "a target of $5 billion", "an ambitious goal of reaching $5 billion": the sum is the goal's, dated or not
_GOAL_OF = re.compile(r"\b(?:goal|target|aim|objective|ambition)\s+of\s+(?:(?:reaching|achieving|hitting|attaining)\s+)?"
                      r"(?:about\s+|around\s+|some\s+)?$", re.I)
_ANAPHOR = re.compile(
    r"\b(?P<verb>" + "|".join(_MULT_WORDS) + r")\s+(?:(?:that|this|the)\s+(?:figure|amount|number|level|volume|sum)|"
    r"(?P<it>it))\b" + _BY_YEAR
)
_BASE = re.compile(r"\bfrom\s+(?:about\s+|around\s+|some\s+)?§B(?:\s+in\s+((?:19|20)\d\d))?\s+$")


#: Measure placeholder for "double that figure": :func:`resolve_previous` fills it from the claim before it.
PREVIOUS = "<previous figure>"


def resolve_previous(targets: list[DeclaredTarget], claims: list) -> None:
    """Give "double that figure" the measure, countries and base year of the last money claim before it."""
    for target in targets:
        if target.measure != PREVIOUS:
            continue
        before = [c for c in claims if c.end <= target.start and c.currency]
        if not before:
            target.measure = "other"
            continue
        # "…reached $900 million in 2021, up from $190 million in 2020. … double that figure": the
        # figure is the latest level, so among the claims of the nearest sentence take the latest year.
        last = max(before, key=lambda c: c.end)
        nearby = [c for c in before if last.end - c.end < 200 and c.measure == last.measure]
        claim = max(nearby, key=lambda c: (c.year or 0, c.end))
        target.measure = claim.measure
        target.base_year = claim.year
        target.base_value = claim.value
        target.currency = claim.currency
        if claim.measure == "exports":
            target.from_, target.to = claim.from_, claim.to
            target.countries = [c for c in (claim.from_, claim.to) if c]
        elif claim.from_ and claim.to:
            target.countries = [claim.from_, claim.to]


def extract_targets(
    view: str, sents: list[Sentence], refs: list[CountryRef], pair: list[str], published: dt.date | None = None,
) -> tuple[list[DeclaredTarget], list[tuple[int, int]]]:
    """Targets in the view (view offsets), and the spans of every mention of them (restatements too)."""
    out: list[DeclaredTarget] = []
    seen: set[tuple] = set()
    for sent in sents:
        if sent.headline or not GOAL.search(sent.text):
            continue
        found: list[DeclaredTarget] = []
        taken: list[tuple[int, int]] = []
        for m in _MULT.finditer(sent.text):
            found.append(_make(view, sent, m, refs, pair, multiplier=float(_MULT_WORDS[m.group("verb").lower()])))
            taken.append((m.start(), m.end()))
        for m in _FOLD.finditer(sent.text):
            found.append(_make(view, sent, m, refs, pair, multiplier=_fold(m.group("fold") or m.group("times"))))
            taken.append((m.start(), m.end()))
        for m in _PCT.finditer(sent.text):
            if not any(m.start() < e and s < m.end() for s, e in taken):
                found.append(_make(view, sent, m, refs, pair, multiplier=1 + float(m.group("pct")) / 100))
                taken.append((m.start(), m.end()))
        for m in _ANAPHOR.finditer(sent.text):
            if m.group("it") and not looks_forward(sent.text, published):
                continue  # "double it" is a target only with a horizon ("in the coming years", "by 2030")
            if not any(m.start() < e and s < m.end() for s, e in taken):
                found.append(DeclaredTarget(text="", start=sent.start + m.start(), end=sent.start + m.end(), measure=PREVIOUS,
                                    countries=list(pair), multiplier=float(_MULT_WORDS[m.group("verb").lower()]),
                                    by_year=int(m.group("year")) if m.group("year") else None))
                taken.append((m.start(), m.end()))
        found += _value_targets(view, sent, refs, pair, found, taken)
        for target in found:
            key = (target.measure, tuple(target.countries), target.multiplier, target.target_value, target.by_year)
            if key not in seen:
                seen.add(key)
                out.append(target)
    out += extra_targets(view, sents, refs, pair, published, [(t.start, t.end) for t in out])
    out += percent_rises(sents, pair, published, [(t.start, t.end) for t in out])
    out += compound_targets(sents, pair, out)  # "a $15 billion trade target", "targeting a $20-billion trade volume"
    out = [t for t in out if not _THIS_YEAR_AFTER.match(view[t.end : t.end + 40])]  # a forecast figure: a claim
    bare = [(t.start, t.end) for t in out]  # a level with no currency is dropped below, but its figure stays the target's
    out = [t for t in (_without_bare_level(t) for t in out) if t is not None]
    classify(out, sents, published)
    read_amounts(view, sents, out)
    out += [t for t in second_levels(view, sents, out) if t.currency is not None]
    kept, spans = merge_restatements(out)
    return kept, sorted(set(spans) | set(bare))


#: "increase trade to $2 billion this year": a level expected for the year of writing is a forecast
#: figure, a claim with its year, not a goal with a horizon (the corpus's rule for the two lists)
_THIS_YEAR_AFTER = re.compile(r"\s*(?:this\s+year|in\s+the\s+current\s+year|by\s+the\s+end\s+of\s+(?:this|the)\s+year)\b",
                              re.I)


def _without_bare_level(target: DeclaredTarget) -> DeclaredTarget | None:
    """A level with no currency written ("raise trade to 20 billion by 2025") is not a goal bilat can
    track: it keeps the multiplier if it has one, else it is not recorded (a goal in an assumed
    currency would be stored, and judged, as dollars)."""
    if target.target_value is None or target.currency is not None or target.unit == "percent":
        return target  # a rise in percent ("by 20% within five years") has no currency to write
    if target.multiplier is None:
        return None
    target.target_value = None
    return target


def _make(view: str, sent: Sentence, m: re.Match[str], refs, pair, multiplier: float) -> DeclaredTarget:
    start, end = sent.start + m.start(), sent.start + m.end()
    measure, countries, origin, destination = _measure(view, sent, m, refs, pair)
    by_year = int(m.group("year")) if m.group("year") else None
    target = DeclaredTarget(text="", start=start, end=end, measure=measure, countries=countries, multiplier=multiplier,
                    by_year=by_year, from_=origin, to=destination)
    tail = sent.text[m.end() : m.end() + 60]
    value = re.match(r"^\s*to\s+", tail)
    if value:
        amounts = [a for a in find_amounts(tail) if a.start <= value.end() + 12 and a.unit == "money"]
        if amounts:
            target.target_value, target.currency = amounts[0].value, amounts[0].currency
            after = _VALUE_AFTER.match(tail[amounts[0].end :])
            target.end = sent.start + m.end() + amounts[0].end
            if after:
                target.by_year = int(after.group(1))
                target.end += after.end()
    if target.by_year is None:
        later = re.match(r"^[^.;]{0,40}?\b(?:by|before|within)\s+(?:the\s+end\s+of\s+)?((?:19|20)\d\d)\b", tail)
        if later:
            target.by_year = int(later.group(1))
    return target


def _measure(view: str, sent: Sentence, m: re.Match[str], refs, pair) -> tuple[str, list[str], str | None, str | None]:
    noun = m.group("noun").lower()
    what = tagged(view, sent.start + m.start("what"), sent.start + m.end("what"), refs)
    before = tagged(view, sent.start, sent.start + m.start("what"), refs)
    named = re.findall(r"@([A-Z]{3,8})", what)
    if noun.startswith("export") or noun.startswith("import"):
        kind = "exports" if noun.startswith("export") else "imports"
        clause = before[-60:] + " " + what
        cue = list((cues.EXPORT if kind == "exports" else cues.IMPORT).finditer(clause))[-1]
        flow = cues.flow_of(clause, kind, cue, pair)
        origin, destination = flow.origin, flow.destination
        if kind == "imports":
            kind = "exports"  # imports of B from A are exports of A to B
        countries = [c for c in (origin, destination) if c]
        return kind, countries, origin, destination
    if noun.startswith("invest"):
        return "investment", (named if len(named) == 2 else list(pair)), None, None
    countries = named if len(named) == 2 else list(pair)
    return "bilateral_trade_total", countries, None, None


def _value_targets(view, sent: Sentence, refs, pair, found: list[DeclaredTarget], taken) -> list[DeclaredTarget]:
    out: list[DeclaredTarget] = []
    amounts = find_amounts(sent.text)
    for i, amount in enumerate(amounts):
        if amount.unit != "money":
            continue
        if any(s <= amount.start < e for s, e in taken) or any(
            t.start <= sent.start + amount.start < t.end for t in found
        ):
            continue
        left = sent.text[: amount.hedge_start]
        if _GOAL_OF.search(left[-60:]):
            target = _goal_of(view, sent, amount, refs, pair)
            out.append(target)
            taken.append((target.start - sent.start, target.end - sent.start))
            continue
        after = _VALUE_AFTER.match(sent.text[amount.end :])
        if not after or not _VALUE_BEFORE.search(left[-40:]):
            continue
        if _REPORTED_MOVE.search(left[-40:]) and re.match(r"^\s*in\b", sent.text[amount.end :]):
            continue  # "trade rose to $9.4 billion in 2029, not far from their target": a level reached, not a goal
        what = None
        for w in _WHAT_SEARCH.finditer(left):
            what = w
        if what is None or amount.hedge_start - what.end() > 40 or any(
            what.end() <= b.start < amount.start for b in amounts if b.unit == "money"
        ):
            continue  # the goal's noun must be next to its figure ("trade to $30 billion")
        start = sent.start + what.start()
        end = sent.start + amount.end + after.end()
        measure, countries, origin, destination = _measure(view, sent, what, refs, pair)
        target = DeclaredTarget(text="", start=start, end=end, measure=measure, countries=countries,
                        target_value=amount.value, currency=amount.currency, by_year=int(after.group(1)),
                        from_=origin, to=destination)
        if i > 0 and amounts[i - 1].unit == "money":
            base = amounts[i - 1]
            between = sent.text[base.end : amount.hedge_start]
            bm = re.match(r"^(?:\s+in\s+((?:19|20)\d\d))?\s+to\s+$", between)
            if bm and re.search(r"\bfrom\s+(?:about\s+|around\s+|some\s+)?$", sent.text[: base.hedge_start]):
                target.base_value = base.value
                target.base_year = int(bm.group(1)) if bm.group(1) else None
        out.append(target)
        taken.append((what.start(), amount.end + after.end()))
    return out


_GOAL_TAIL = re.compile(
    r"^(?:\s+(?:in|of|for)\s+(?P<what>(?:[\w-]+\s+){0,4}?(?P<noun>investments?|trade|exports|imports|aid|financing|loans)\b)"
    r"(?:\s+(?:in|to|into)\s+[A-Z][\w.]+(?:\s[A-Z]\w+)?)?)?(?:\s+(?:over|within)\s+the\s+next\s+\w+\s+years)?"
    r"(?:\s+(?:by|before|set\s+for|for)\s+(?:the\s+end\s+of\s+)?(?P<year>(?:19|20)\d\d))?"
)


def _goal_of(view: str, sent: Sentence, amount, refs, pair) -> DeclaredTarget:
    """ "a goal of 5 trillion yen in investment in India over the next five years" """
    goal = _GOAL_OF.search(sent.text[max(0, amount.hedge_start - 60) : amount.hedge_start])
    tail = _GOAL_TAIL.match(sent.text[amount.end :])
    noun = (tail.group("noun") or "trade").lower() if tail else "trade"
    measure = "investment" if noun.startswith("invest") or noun in ("aid", "financing", "loans") else (
        "exports" if noun == "exports" else "bilateral_trade_total")
    start = sent.start + max(0, amount.hedge_start - 60) + goal.start()
    end = sent.start + amount.end + (tail.end() if tail else 0)
    return DeclaredTarget(text="", start=start, end=end, measure=measure, countries=list(pair), target_value=amount.value,
                  currency=amount.currency, by_year=int(tail.group("year")) if tail and tail.group("year") else None)
