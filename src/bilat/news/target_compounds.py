"""Goals told by a sum that names itself one: "a $15 billion trade target for 2034", "our $5 billion
goal", "are targeting a $20-billion trade volume", "... $4 billion by 2034 and $9 billion
by 2040".

Why a module of its own: :mod:`bilat.news.targets` finds a goal from its flow ("raise trade to $X
by 2030", "a target of $X"); these shapes put the sum first, as an adjective of the goal word, or
after a verb of aiming with no flow verb at all, and news copy uses them constantly. Each was read
as a claim of the year of writing. A second sum joined by "and" to a goal's sum, with a horizon of
its own ("in the medium term", "by 2035"), is a second goal of the same flow.
"""

from __future__ import annotations

import re

from bilat.news.model import DeclaredTarget
from bilat.news.money import find_amounts
from bilat.news.text import Sentence

#: after the sum: "[trade|bilateral trade|export|investment ...] target|goal|objective"
_GOAL_AFTER = re.compile(r"^[-\s]*(?:(?P<what>(?:annual\s+|bilateral\s+|two-way\s+|trade\s+|export\s+|investment\s+|"
                         r"turnover\s+)+))?(?:target|goal|objective)s?\b", re.I)
#: before the sum: a verb of aiming with nothing between it and the sum but an article ("targeting a $20-billion ...")
_AIMING_BEFORE = re.compile(r"\b(?:targeting|targets|aiming\s+(?:for|at)|aims?\s+(?:for|at)|eyeing|eyes)\s+(?:an?\s+|the\s+)?$",
                            re.I)
#: what an aimed-at sum measures, right after it: "a $20-billion trade volume", "$20 billion in bilateral trade"
_AIMED_WHAT = re.compile(r"^[-\s]*(?:(?:in|of)\s+)?(?:annual\s+|bilateral\s+|two-way\s+|total\s+)*(?P<noun>trade(?:\s+volume|\s+turnover)?|"
                         r"turnover|exports|investments?)\b", re.I)
#: a sum joined to the goal's sum, with a horizon of its own: "and $10 billion in the medium term"
_AND_NEXT = re.compile(r"^\s+and\s+(?:to\s+)?$", re.I)
_HORIZON = re.compile(r"^\s*(?:in\s+the\s+(?:short|medium|long)(?:er)?[-\s]term|over\s+the\s+(?:medium|long)[-\s]term|"
                      r"(?:by|before)\s+(?:the\s+end\s+of\s+)?(?P<year>(?:19|20)\d\d))", re.I)
_YEAR_AFTER = re.compile(r"^[^.;]{0,30}?\b(?:for|by|before|in)\s+(?:the\s+end\s+of\s+)?(?P<year>(?:19|20)\d\d)\b")
#: a sum compared with a goal is not the goal: "$2 billion short of the target", "half the target"
_COMPARED = re.compile(r"^[-\s]*(?:short|less|below|above|more|of|shy|half|a\s+third|over)\b", re.I)


def compound_targets(sents: list[Sentence], pair: list[str], found: list[DeclaredTarget]) -> list[DeclaredTarget]:
    """Goals of the shapes above (view offsets), outside the spans of the goals ``found`` already."""
    out: list[DeclaredTarget] = []
    busy = [(t.start, t.end) for t in found]
    for sent in sents:
        if sent.headline:
            continue
        text = sent.text
        money = [a for a in find_amounts(text) if a.unit == "money"]
        for i, amount in enumerate(money):
            start, end = sent.start + amount.hedge_start, sent.start + amount.end
            if any(s < end and start < e for s, e in busy):
                continue
            target = _named_goal(text, sent, amount, pair) or _aimed_at(text, sent, amount, pair)
            if target is None and i > 0:
                target = _joined_goal(text, sent, amount, money[i - 1], [*found, *out], pair)
            if target is not None:
                out.append(target)
                busy.append((target.start, target.end))
    return out


def _new(sent: Sentence, amount, start: int, end: int, pair: list[str], noun: str | None, year: str | None) -> DeclaredTarget:
    noun = (noun or "trade").lower()
    measure = ("investment" if noun.startswith("invest") else "exports" if noun.startswith("export")
               else "bilateral_trade_total")
    return DeclaredTarget(text="", start=sent.start + start, end=sent.start + end, measure=measure, countries=list(pair),
                          target_value=amount.value, currency=amount.currency, hedge=amount.hedge,
                          by_year=int(year) if year else None)


def _named_goal(text: str, sent: Sentence, amount, pair: list[str]) -> DeclaredTarget | None:
    """ "a $15 billion trade target for 2034", "the $3 billion goal" """
    after = _GOAL_AFTER.match(text[amount.end :])
    if after is None or _COMPARED.match(text[amount.end :]):
        return None
    end = amount.end + after.end()
    year = _YEAR_AFTER.match(text[end:])
    what = after.group("what") or ""
    noun = "investment" if "investment" in what.lower() else "exports" if "export" in what.lower() else None
    return _new(sent, amount, amount.hedge_start, end + (year.end() if year else 0), pair, noun,
                year.group("year") if year else None)


def _aimed_at(text: str, sent: Sentence, amount, pair: list[str]) -> DeclaredTarget | None:
    """ "are targeting a $20-billion trade volume", "aiming for $20 billion in bilateral trade by 2030" """
    before = _AIMING_BEFORE.search(text[max(0, amount.hedge_start - 30) : amount.hedge_start])
    what = _AIMED_WHAT.match(text[amount.end :])
    if before is None or what is None:
        return None
    end = amount.end + what.end()
    year = _YEAR_AFTER.match(text[end:])
    start = max(0, amount.hedge_start - 30) + before.start()
    return _new(sent, amount, start, end + (year.end() if year else 0), pair, what.group("noun"),
                year.group("year") if year else None)


def _joined_goal(text: str, sent: Sentence, amount, previous, found: list[DeclaredTarget],
                 pair: list[str]) -> DeclaredTarget | None:
    """ "lift trade to $4 billion by 2034 and $9 billion by 2040" """
    goal = next((t for t in found if t.start <= sent.start + previous.start < t.end), None)
    if goal is None:
        return None
    horizon_before = _HORIZON.match(text[previous.end :])
    gap_start = previous.end + (horizon_before.end() if horizon_before else 0)
    if not _AND_NEXT.match(text[gap_start : amount.hedge_start]):
        return None
    horizon = _HORIZON.match(text[amount.end :])
    if horizon is None:
        return None
    target = _new(sent, amount, amount.hedge_start, amount.end + horizon.end(), pair, None, horizon.group("year"))
    target.measure, target.countries = goal.measure, list(goal.countries)
    return target
