"""A rise by a percentage told with a horizon: "could raise Chile's output by about 0.1% over ten
years", "to lift trade by 20% within five years" (a target shape of its own, beside
:mod:`.target_shapes`).

Why a target: the corpus rule is that a future value bound to a horizon (a number of years or a
deadline) is a target, whatever its unit; the same rise without a horizon ("set to boost trade by
16%") is an undated deal effect and stays a claim with ``modality: projected_effect``. The value is
an increment in percent (``unit`` percent, ``increase``), so it has no currency.
"""

from __future__ import annotations

import datetime as dt
import re

from bilat.news.model import DeclaredTarget
from bilat.news.money import Amount, find_amounts
from bilat.news.target_horizons import BY_YEAR, HORIZON, horizon
from bilat.news.target_shapes import _RAISE, looks_forward
from bilat.news.text import Sentence

#: "could raise Chile's output by about 0.1% over ten years": a rise by a percentage, told with a horizon
_RISE_BY = re.compile(r"\b" + _RAISE + r"\b(?P<what>[^;§%]{0,60}?)\s+by\s+(?:about\s+|around\s+|some\s+|nearly\s+|"
                      r"at\s+least\s+|up\s+to\s+|over\s+|more\s+than\s+)?$", re.I)


def percent_rise(text: str, a: Amount, sent: Sentence, pair: list[str]) -> DeclaredTarget | None:
    """A forward percentage rise with a horizon right after it ("boost trade by 20% within five years",
    "raise GDP by 0.5% by 2035") is a target (an increment in percent), not a growth claim: the rule
    of the corpus is that a future value bound to a horizon is a target. Without a horizon it stays
    a claim (an undated deal effect, ``projected_effect``)."""
    rise = _RISE_BY.search(text[: a.hedge_start])
    if rise is None:
        return None
    after = text[a.end : a.end + 50]
    years, _ = horizon(after)
    by_year = BY_YEAR.match(after.lstrip()) if after.lstrip().lower().startswith(("by", "before")) else None
    if years is None and by_year is None or HORIZON.search(after) and HORIZON.search(after).start() > 20:
        return None
    measure = "gdp" if re.search(r"\bGDP\b|\beconomy\b", rise.group("what")) else "bilateral_trade_total"
    target = DeclaredTarget(text="", start=sent.start + rise.start(), end=sent.start + a.end, measure=measure,
                            countries=list(pair), target_value=a.value, currency=None, hedge=a.hedge,
                            by_year=int(by_year.group("year")) if by_year else None)
    target.increase, target.unit = True, "percent"
    return target



def percent_rises(sents: list[Sentence], pair: list[str], published: dt.date | None,
                  taken: list[tuple[int, int]]) -> list[DeclaredTarget]:
    """Every percentage rise with a horizon in a sentence that looks forward, outside the spans of
    targets already found (view offsets)."""
    out: list[DeclaredTarget] = []
    for sent in sents:
        if sent.headline or "%" not in sent.text and "per" not in sent.text or not looks_forward(sent.text, published):
            continue
        for a in find_amounts(sent.text):
            if a.unit != "percent" or any(s <= sent.start + a.start < e for s, e in taken):
                continue
            rise = percent_rise(sent.text, a, sent, pair)
            if rise is not None:
                out.append(rise)
    return out
