"""The other shapes of a forward-looking figure, beyond "double the trade" (see :mod:`.targets`).

Real articles state targets in a handful of shapes; each is one pattern here:

* a level by a year: "lift trade to $30 billion by 2010", "reach $40 billion in two-way trade by 2030";
* a level or multiple within a horizon: "within five years", "over the next 15 years", "in the next
  five years", "in times to come";
* a rise with or without its level: "increase trade from $13 billion at present to $20 billion by
  2008", "raise exports by 40 percent to $7 billion by 2027";
* an expectation: "trade will more than double in five years", "is expected to double by 2030",
  "is set to reach $50 billion by 2028";
* a commitment about something other than trade: "invest $100 billion over 15 years in India".

A sentence yields one of these only when it looks forward (a goal, expectation, projection or
commitment word, or a future verb) *and* names a horizon (a future year or a number of years):
"trade doubled since 2010" is a fact. :func:`classify` gives every target its ``kind``, its
``horizon_years`` and, when the publication date is known, ``horizon_end`` (publication year +
horizon; ``by_year`` stays the year the text states, as in the corpus). Horizons and deadlines are read
by :mod:`.target_horizons`.
"""

from __future__ import annotations

import datetime as dt
import re

from bilat.news.model import CountryRef, DeclaredTarget
from bilat.news.money import Amount, find_amounts
from bilat.news.target_horizons import HORIZON_HINT, IN_YEAR, BY_YEAR, HORIZON, NEXT_YEAR, future_year, horizon
from bilat.news.text import Sentence, tagged

_EXPECT = re.compile(r"\b(?:expected|expects?|expecting|set\s+to|likely|confident|confidence|hope[sd]?|hoping|"
                     r"poised|on\s+track|will|would|could|can|should|may|might|anticipated|anticipates?)\b", re.I)
_PROJECT = re.compile(r"\b(?:projections?|projected|forecasts?|forecasted|estimates?|estimated|predicts?|predicted)\b",
                      re.I)
_COMMIT = re.compile(r"\b(?:commit(?:s|ted|ment)?|pledged?|pledges|promised?|invest(?:s|ing)?\s+" + r"§)", re.I)
_GOAL_WORD = re.compile(
    r"\b(?:targets?|targeted|goals?|aims?|aimed|aiming|seeks?|objectives?|ambition|ambitious|resolved|plans?|"
    r"planned|intends?|agreed|vowed?|bid\s+to|mission|wants?|wanted|work(?:s|ing)?\s+(?:together\s+)?to|striv(?:e|es|ing)\s+to)\b",
    re.I,
)
_MULT = {"double": 2, "doubling": 2, "doubled": 2, "triple": 3, "tripling": 3, "treble": 3, "trebling": 3,
         "quadruple": 4, "quadrupling": 4,
         **{f"{word}{dash}fold": n for word, n in (("two", 2), ("three", 3), ("four", 4), ("five", 5), ("ten", 10))
            for dash in ("", "-")}}
_MULT_RE = re.compile(r"\b(?P<more>more\s+than\s+)?(?P<verb>" + "|".join(sorted(_MULT, key=len, reverse=True)) + r")\b",
                      re.I)
_RAISE = r"(?:increase|increasing|boost|boosting|raise|raising|lift|lifting|take|taking|push|pushing|grow|growing|" \
         r"expand|expanding|bring|bringing|enhance|enhancing|elevate|elevated|elevating)"
_REACH = r"(?:reach|reaching|climb|hit|hitting|touch|touching|achieve|achieving|cross|crossing|surpass|surpassing|exceed|" \
         r"exceeding|top|topping|attain|past|beyond|above)"
_TRADE_NOUN = re.compile(r"\b(?:trade|commerce|turnover|exports?|imports|investments?)\b", re.I)


#: an undated goal: an infinitive or gerund of a raising verb that takes trade *to* a sum ("set to increase
#: turnover up to $10 billion", "the goal is to bring trade to $15 billion"); the past "increased to" is a level.
#: ("take trade to the level of $5 billion": the level, the mark or the threshold of a sum is that sum)
_LEVEL_OF = r"(?:the\s+(?:level|mark|threshold|figure)\s+of\s+)?"
_UNDATED_GOAL = re.compile(r"\b(?:to|of)\s+" + _RAISE + r"\b[^.;]{0,80}?\b(?:up\s+)?to\s+" + _LEVEL_OF + r"(?:about\s+|around\s+|"
                           r"some\s+|nearly\s+|over\s+)?(?:US\$|\$|€|£|USD\b)", re.I)
#: a sum told as the goal itself: "$2 billion is an ambitious but achievable goal", "$5 billion remains the target"
#: (never a sum measured against the goal: "$2 billion is well short of the goal", "less than half the target")
_GOAL_AFTER = re.compile(r"\s+(?:is|remains|would\s+be|will\s+be)\s+(?:an?\s+|the\s+|our\s+|their\s+)?"
                         r"(?:(?!(?:short|below|under|less|more|half|behind|far|from|away|than|above|beyond|of|off|"
                         r"third|quarter|fraction|percent|part)\b)[\w-]+\s+){0,4}?"
                         r"(?:goal|target|objective|aim)\b", re.I)
_PAST_MARK = re.compile(r"\blast\s+year\b|\ba\s+year\s+ago\b|\bhad\b|\bhelped\b", re.I)


def kind_of(sentence: str) -> str:
    """goal / expectation / projection / commitment, from the words of the sentence."""
    text = sentence.lower()
    if _PROJECT.search(text):
        return "projection"
    if re.search(r"\binvest\w*\s+(?:about\s+|around\s+|some\s+)?[$€£¥₹]|\bcommit|\bpledge", text):
        return "commitment"
    if _GOAL_WORD.search(text):
        return "goal"
    if _EXPECT.search(text):
        return "expectation"
    return "goal"


def looks_forward(sentence: str, published: dt.date | None) -> bool:
    """A goal/expectation/projection/commitment word and a horizon (a future year or a span of years)."""
    if _UNDATED_GOAL.search(sentence) and not (_PAST_MARK.search(sentence) or _PROJECT.search(sentence)
                                               or re.match(r"\s*(?:if|should)\b", sentence, re.I)):
        # an undated projection ("if the deal is ratified, trade is projected to increase to $X") is a
        # deal's estimated effect, a claim, not a goal
        return True
    if not HORIZON_HINT.search(sentence):
        return False  # fast path: no year, no "years", no "times to come"
    if not (_GOAL_WORD.search(sentence) or _EXPECT.search(sentence) or _PROJECT.search(sentence)
            or _COMMIT.search(sentence) or re.search(r"\binvest\w*\b|\bto\s+" + _RAISE + r"\b", sentence, re.I)):
        return False
    years, vague = horizon(sentence)
    if years is not None or vague:
        return True
    for m in BY_YEAR.finditer(sentence):
        if published is None or int(m.group("year")) >= published.year:
            return True
    return future_year(sentence, published) is not None


def extra_targets(
    view: str, sents: list[Sentence], refs: list[CountryRef], pair: list[str], published: dt.date | None,
    taken: list[tuple[int, int]],
) -> list[DeclaredTarget]:
    """Targets of the shapes above in sentences :mod:`.targets` found nothing in (view offsets)."""
    out: list[DeclaredTarget] = []
    for sent in sents:
        if sent.headline or not looks_forward(sent.text, published):
            continue
        busy = [(s, e) for s, e in taken if sent.start <= s < sent.end]
        mult_done = any(True for _ in busy)
        for found in _in_sentence(view, sent, refs, pair, skip_multiplier=mult_done, published=published):
            if not any(found.start < e and s < found.end for s, e in busy):
                out.append(found)
                busy.append((found.start, found.end))
    return out


def _in_sentence(view: str, sent: Sentence, refs, pair: list[str], skip_multiplier: bool = False,
                 published: dt.date | None = None) -> list[DeclaredTarget]:
    text = sent.text
    amounts = [a for a in find_amounts(text) if a.unit in ("money", "percent")]
    mult = None if skip_multiplier else _MULT_RE.search(text)
    found = []
    if mult is not None and _TRADE_NOUN.search(text):
        end = mult.end()
        level = _level_after(text, mult.end(), amounts)
        target = DeclaredTarget(text="", start=sent.start + mult.start(), end=sent.start + end, measure="bilateral_trade_total",
                        countries=list(pair), multiplier=float(_MULT[mult.group("verb").lower()]))
        if level is not None:
            target.target_value, target.currency, target.hedge = level.value, level.currency, level.hedge
            target.end = sent.start + level.end
        # "trade will more than double" / "double the trade": the trade noun is nearby
        noun = _nearest_noun(text, mult.start(), mult.end())
        if noun is not None:
            target.start = sent.start + min(noun.start(), mult.start())
            target.end = max(target.end, sent.start + noun.end())
        found.append(target)
    else:
        found += _value_shapes(text, sent, amounts, pair, published)
    for target in found:
        _finish_shape(view, sent, refs, target)
    return found


def _finish_shape(view: str, sent: Sentence, refs, target: DeclaredTarget) -> None:
    text = sent.text
    _extend_to_horizon(target, sent)
    target.measure = _measure(text[target.start - sent.start : target.end - sent.start], target.measure)
    if target.measure == "exports":
        flow = tagged(view, sent.start, sent.end, refs)
        names = re.findall(r"@([A-Z]{3,8})", flow)
        if names:
            target.from_ = names[0]


def _level_after(text: str, pos: int, amounts: list[Amount]) -> Amount | None:
    """ "... to US$150 billion": the money amount that follows within a few words after "to"."""
    for a in amounts:
        if a.unit == "money" and a.hedge_start >= pos and re.fullmatch(
            r"(?:\s+(?:the\s+|their\s+|its\s+|total\s+|bilateral\s+|two-way\s+|annual\s+)*"
            r"(?:trade|commerce|turnover|exports?|imports)(?:\s+volume)?(?:\s+relationship)?)?\s+(?:to|at)\s+",
            text[pos : a.hedge_start], flags=re.I,
        ):
            return a
    return None


def _nearest_noun(text: str, start: int, end: int) -> re.Match[str] | None:
    after = _TRADE_NOUN.search(text, end, min(len(text), end + 40))
    before = None
    for m in _TRADE_NOUN.finditer(text, max(0, start - 40), start):
        before = m
    return after or before


def _value_shapes(text: str, sent: Sentence, amounts: list[Amount], pair: list[str],
                  published: dt.date | None = None) -> list[DeclaredTarget]:
    out = []
    for i, a in enumerate(amounts):
        if a.unit != "money":
            continue
        left = text[: a.hedge_start]
        invest = re.search(r"\binvest(?:s|ing|ed)?\s+$", left, re.I)
        raise_to = re.search(r"\b" + _RAISE + r"\b[^;§]{0,100}?\bto\s+" + _LEVEL_OF + "$", left, re.I) or (  # "increase it up to $X"
            re.match(r"up\s+to\b", text[a.hedge_start :], re.I) and re.search(r"\b" + _RAISE + r"\b[^;§]{0,100}?\s$", left, re.I))
        reach = re.search(r"\b" + _REACH + r"\s+" + _LEVEL_OF + "$", left, re.I) or re.search(  # "add $500 million to exports"
            r"\badd(?:s|ing)?\s+(?:about\s+|around\s+|some\s+|an?\s+(?:additional|extra|further)\s+)?$", left, re.I)
        goal_after = None if (invest or raise_to or reach) else _GOAL_AFTER.match(text[a.end :])
        if goal_after is not None:  # "$2 billion is an ambitious goal": the sum and the words that make it one
            out.append(DeclaredTarget(text="", start=sent.start + a.hedge_start, end=sent.start + a.end + goal_after.end(),
                                      measure="bilateral_trade_total", countries=list(pair), target_value=a.value,
                                      currency=a.currency, hedge=a.hedge))
            continue
        if not (invest or raise_to or reach):
            dated = dated_level(text, a, amounts, published)
            if dated is not None:
                out.append(DeclaredTarget(text="", start=sent.start + dated[0], end=sent.start + dated[1],
                                          measure="bilateral_trade_total", countries=list(pair), target_value=a.value,
                                          currency=a.currency, hedge=a.hedge, by_year=dated[2]))
            continue
        start_m = invest or raise_to or reach
        target = DeclaredTarget(text="", start=sent.start + start_m.start(), end=sent.start + a.end,
                        measure="investment" if invest else "bilateral_trade_total", countries=list(pair),
                        target_value=a.value, currency=a.currency, hedge=a.hedge)
        if raise_to:
            base = re.search(r"\bfrom\s+(?:about\s+|around\s+|some\s+)?$", text[: amounts[i - 1].hedge_start]) \
                if i > 0 and amounts[i - 1].unit == "money" and amounts[i - 1].start > start_m.start() else None
            if base:
                target.base_value = amounts[i - 1].value
        if invest and len(pair) == 2:
            target.kind = "commitment"
        out.append(target)
    return out


#: the deadline right after a level: "$3 billion to Italy by 2024", "$10 billion trade target for 2025"
_DEADLINE_AFTER = re.compile(
    r"^(?:\s+(?!from\b)[\w@'-]+){0,6}?\s+(?:(?:by|before|until)\s+(?:the\s+end\s+of\s+)?(?:the\s+year\s+)?"
    r"|(?:target|goal)\s+(?:for|by)\s+)(?P<year>(?:19|20)\d\d)\b", re.I)
#: "next year" or "in 2033" a few words after a level (the year checked against the page's: :func:`future_year`)
_FUTURE_AFTER = re.compile(r"^(?:\s+(?!from\b)[\w@'-]+){0,3}?\s+(?:" + NEXT_YEAR.pattern[2:] + "|" + IN_YEAR.pattern[2:] + ")",
                           re.I)
_DEADLINE_BEFORE = re.compile(r"\b(?:by|before)\s+(?:the\s+end\s+of\s+)?(?P<year>(?:19|20)\d\d)\b,?\s+(?:[\w-]+\s+){1,8}$",
                              re.I)


_PAST_LEVEL = re.compile(r"(?<!to )(?<!will )(?<!would )(?<!could )(?<!should )(?<!may )\b(?:rose|risen|grew|grown|"
                         r"reached|stood|was|were|totall?ed|amounted|climbed|jumped|increased|surged|fell|declined)\s+"
                         r"(?:[\w-]+\s+){0,3}$", re.I)


def dated_level(text: str, a: Amount, amounts: list[Amount], published: dt.date | None
                ) -> tuple[int, int, int | None] | None:
    """``(start, end, by_year)`` of a money level with a future deadline in a forward-looking sentence, when
    no verb pattern above caught it ("targets exports of $3 billion to Italy by 2024", "By 2030,
    trade should reach ..."); the level must sit next to a trade word and must not be a base ("from $9 billion")."""
    if re.search(r"\bfrom\s+(?:about\s+|around\s+|some\s+)?$", text[: a.hedge_start], re.I):
        return None
    left, right = text[max(0, a.hedge_start - 80) : a.hedge_start], text[a.end : a.end + 60]
    if _PAST_LEVEL.search(left):
        return None  # "exports had risen to $3 billion by 2019": a level reached, not a goal
    nouns = list(_TRADE_NOUN.finditer(left[-60:] + " " + right[:30]))
    if not nouns:
        return None
    nxt = next((b.hedge_start for b in amounts if b.hedge_start > a.end), len(text))
    after = _DEADLINE_AFTER.match(text[a.end : nxt])
    before = _DEADLINE_BEFORE.search(text[max(0, a.hedge_start - 90) : a.hedge_start]) if after is None else None
    hz = HORIZON.match(text[a.end : nxt].lstrip()) if after is None and before is None else None
    coming = _FUTURE_AFTER.match(text[a.end : nxt]) if after is None and before is None and hz is None else None
    year = future_year(coming.group(), published) if coming is not None else None
    if after is None and before is None and hz is None and year is None:
        return None
    found = after or before
    if found is not None and published is not None and int(found.group("year")) < published.year:
        return None  # "by 2015" in a 2021 article is history
    start = a.hedge_start
    if nouns[0].start() < len(left[-60:]):  # "targets exports of $3 billion": the span starts at the noun
        start = a.hedge_start - len(left[-60:]) + nouns[-1 if nouns[-1].start() < len(left[-60:]) else 0].start()
    if year is not None:  # "to hit $3 billion next year", "to climb to $4 billion in 2033"
        return start, a.end + coming.end(), year
    return start, a.end + (after.end() if after else 0), int(found.group("year")) if found else None


def _extend_to_horizon(target: DeclaredTarget, sent: Sentence) -> None:
    """Stretch the span over the horizon or deadline that follows, and read it."""
    rest = sent.text[target.end - sent.start :]
    by = BY_YEAR.match(rest.lstrip()) if rest else None
    m = re.match(r"^(?:\s*\([^)]{0,40}\))?(?:\s+(?:in|of|to)\s+(?:[\w-]+\s+){0,3}?(?:trade|commerce|investment|exports?|imports?))?"
                 r"(?:\s+in\s+[A-Z][\w]+)?", rest)
    cursor = m.end() if m else 0
    tail = rest[cursor:]
    by = BY_YEAR.match(tail.lstrip())
    hz = HORIZON.match(tail.lstrip())
    if by:
        target.by_year = int(by.group("year"))
        target.end += cursor + (len(tail) - len(tail.lstrip())) + by.end()
    elif hz:
        years, _ = horizon(hz.group())
        target.horizon_years = years
        target.end += cursor + (len(tail) - len(tail.lstrip())) + hz.end()
        after = sent.text[target.end - sent.start :]
        place = re.match(r"^\s+in\s+[A-Z][\w]+", after)
        if place and target.measure == "investment":
            target.end += place.end()
    else:  # a horizon elsewhere in the sentence still dates the target
        target.end += cursor  # "add $500 million to its exports": the noun says what rises
        years, _ = horizon(sent.text)
        target.horizon_years = years
        later = BY_YEAR.search(sent.text, target.end - sent.start)
        if later:
            target.by_year = int(later.group("year"))


def _measure(span: str, default: str) -> str:
    if default in ("investment", "gdp"):
        return default
    if re.search(r"\bexports?\b", span, re.I):
        return "exports"
    if re.search(r"\binvestments?\b", span, re.I) and not re.search(r"\btrade\b", span, re.I):
        return "investment"
    return "bilateral_trade_total"


_BASE_AFTER = re.compile(r"^,?\s+(?:up\s+)?from\s+(?:about\s+|around\s+|some\s+|nearly\s+)?$", re.I)
_BASE_WHEN = re.compile(r"^\s+(?:(?P<now>now|at\s+present|currently|today|at\s+the\s+moment)|in\s+(?P<year>(?:19|20)\d\d)|"
                        r"(?P<last>last\s+year))\b", re.I)


def _base_after(target: DeclaredTarget, sent: Sentence, published: dt.date | None) -> None:
    """ "... to $5 billion by 2025 from $2.4 billion now": the base value and year of the target."""
    end = target.end - sent.start
    for a in find_amounts(sent.text):
        if a.unit != "money" or a.hedge_start < end:
            continue
        if not _BASE_AFTER.match(sent.text[end : a.hedge_start]) or (target.currency and a.currency != target.currency):
            return
        target.base_value = a.value  # the base stays a claim too: it is a reported level (as in the corpus)
        when = _BASE_WHEN.match(sent.text[a.end :])
        if when and when.group("year"):
            target.base_year = int(when.group("year"))
        elif when and published is not None:
            target.base_year = published.year - (1 if when.group("last") else 0)
        return


def classify(targets: list[DeclaredTarget], sents: list[Sentence], published: dt.date | None) -> None:
    """Set ``kind``, ``horizon_years`` and a derived ``by_year`` on every target."""
    for target in targets:
        sent = next((s for s in sents if s.start <= target.start < s.end + 1), None)
        text = sent.text if sent else ""
        if target.kind is None:
            target.kind = kind_of(text)
        if sent is not None and target.base_value is None:
            _base_after(target, sent, published)
        if target.horizon_years is None and target.by_year is None:
            years, _ = horizon(text)
            target.horizon_years = years
        if target.by_year is None and target.horizon_years is None:
            target.by_year = future_year(text[target.start - sent.start :] if sent else "", published)
        if target.by_year is None and target.horizon_years is not None and published is not None:
            target.horizon_end = published.year + int(target.horizon_years)


def _same_goal(a: DeclaredTarget, b: DeclaredTarget) -> bool:
    complementary = (a.multiplier is None) != (b.multiplier is None) and (a.target_value is None) != (
        b.target_value is None)
    if complementary and a.by_year is not None and a.by_year == b.by_year and a.measure == b.measure:
        return True  # "double trade by 2030" then "reach $8 billion by 2030": one goal, two wordings
    if a.multiplier is not None and b.multiplier is not None and a.multiplier == b.multiplier:
        return a.by_year is None or b.by_year is None or a.by_year == b.by_year
    if a.target_value is not None and b.target_value is not None and a.currency == b.currency:
        return abs(a.target_value - b.target_value) <= 0.005 * abs(a.target_value)
    return False


def merge_restatements(targets: list[DeclaredTarget]) -> tuple[list[DeclaredTarget], list[tuple[int, int]]]:
    """One target per declared goal: a restatement ("double trade by 2030", later "doubling trade
    to $150 billion by 2030") adds what it says to the first mention. Returns the targets kept and
    the spans of all mentions (amounts inside them are the target's, never claims)."""
    kept: list[DeclaredTarget] = []
    spans = [(t.start, t.end) for t in targets]
    for target in sorted(targets, key=lambda t: t.start):
        first = next((k for k in kept if _same_goal(k, target)), None)
        if first is None:
            kept.append(target)
            continue
        for key in ("target_value", "currency", "multiplier", "by_year", "horizon_years", "base_value", "base_year"):
            if getattr(first, key) is None and getattr(target, key) is not None:
                setattr(first, key, getattr(target, key))
    return kept, spans
