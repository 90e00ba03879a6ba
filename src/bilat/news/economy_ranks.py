"""Economy ranks stated in an article ("the world's third-largest economy") as claims.

Why apart from :mod:`.claims`: a rank is no amount, so it has its own patterns; it still takes
the year the sentence's figures take (the caller's year picker).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bilat.news.model import Claim, CountryRef
from bilat.news.text import Sentence, mentions_in

_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
        "ninth": 9, "tenth": 10}
_ORD_RE = r"(?P<ord>" + "|".join(_ORD) + r"|\d{1,2}(?:st|nd|rd|th))"
_RANK_AFTER_ECONOMY = re.compile(
    r"(?:the\s+)?world['’]s\s+(?:" + _ORD_RE + r"[- ])?(?:biggest|largest)(?:\s+economy)?"
)
_RANK_ECONOMY = re.compile(
    r"(?:the\s+)?(?:world['’]s\s+)?" + _ORD_RE + r"[- ](?:biggest|largest)\s+economy(?:\s+after\s+[^,.;”\"]+)?"
)
_REGION_BEFORE = re.compile(r"\b(?!world)[A-Z][a-z]+['’]s\s*$")


def economy_ranks(sent: Sentence, refs: list[CountryRef], year_of: Callable[..., int | None]) -> list[Claim]:
    """ "the world's third-largest economy": a rank claim for the country named before it
    (``year_of(None, position)`` dates it as the sentence's figures are dated)."""
    out: list[Claim] = []
    taken: list[tuple[int, int]] = []
    for pattern in (_RANK_ECONOMY, _RANK_AFTER_ECONOMY):
        for m in pattern.finditer(sent.text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            if pattern is _RANK_AFTER_ECONOMY and not re.search(
                r"\beconomy\s+(?:is|was|remains|ranks as|as)\s+(?:now\s+|still\s+)?$", sent.text[: m.start()]
            ):
                continue
            if _REGION_BEFORE.search(sent.text[: m.start()]):
                continue  # "Asia's third largest economy" is a regional rank
            raw = m.group("ord")
            rank = _ORD.get(raw.lower()) if raw else 1
            if rank is None:
                rank = int(re.sub(r"\D", "", raw))
            before = [r for r in mentions_in(refs, sent.start, sent.start + m.start())]
            country = before[-1].iso3 if before else None
            taken.append((m.start(), m.end()))
            out.append(
                Claim(
                    text="", start=sent.start + m.start(), end=sent.start + m.end(), measure="gdp_rank",
                    value=rank, unit="rank", country=country, year=year_of(None, m.start()),
                )
            )
    return out
