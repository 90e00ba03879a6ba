"""Ranks among trading partners: "Japan is Israel's third-largest trading partner".

Read as a claim with ``measure = "partner_rank"``: ``country`` is the one whose partners are
ranked (Israel), ``about`` the partner (Japan), ``value`` the rank, ``basis`` what is ranked
(``trade``, ``exports`` for an export market, ``imports`` for a supplier). The fact-check ranks
the partner among all of the country's partners in an all-partners source
(:func:`bilat.news.partner_facts.partner_rank`). The year is the one the sentence states, else the
last full year before publication (a rank stated in the present tense describes the latest data).

Ranks are not in the news-dev gold set's scope (its convention leaves rankings out), so the
corpus scorer drops them before matching (``bench/news_eval.py``).
"""

from __future__ import annotations

import datetime as dt
import re

from bilat.news.model import Claim, CountryRef

ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
            "ninth": 9, "tenth": 10}
_WHAT = {"trading partner": "trade", "trade partner": "trade", "partner": "trade", "export market": "exports",
         "export destination": "exports", "market": "exports", "source of imports": "imports",
         "import source": "imports", "supplier": "imports"}
_RANK = re.compile(
    r"['’]s\s+(?:(?P<ord>" + "|".join(ORDINALS) + r"|\d{1,2}(?:st|nd|rd|th))[- ])?(?:largest|biggest)\s+"
    r"(?:(?:bilateral|two-way|goods)\s+)?(?P<what>" + "|".join(sorted(_WHAT, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
_VERB = re.compile(r"\b(?:is|was|became|remains|remained|has\s+become|ranks\s+as|ranked\s+as)\s+(?:now\s+|still\s+|again\s+)?$",
                   re.IGNORECASE)
#: "third-largest trading partner in Asia" ranks within a region, not among all partners: skipped.
_REGIONAL = re.compile(r"^\s*(?:in|among|within|outside|after)\s+(?:the\s+)?(?:Asia|Europe|Africa|Latin\s+America|"
                       r"Middle\s+East|region|Gulf|EU|European\s+Union|Arab|Americas|Pacific|ASEAN|non-|developing)",
                       re.IGNORECASE)
_YEAR = re.compile(r"\b(?:in|during|for)\s+((?:19|20)\d\d)\b")


def partner_ranks(view: str, sentences: list, refs: list[CountryRef], published: dt.date | None) -> list[Claim]:
    """Every "X is Y's Nth-largest trading partner" in ``view`` (offsets into ``view``)."""
    out: list[Claim] = []
    for sent in sentences:
        for m in _RANK.finditer(sent.text):
            if _REGIONAL.match(sent.text[m.end():]):
                continue
            start = sent.start + m.start()
            # The possessive country: a ref ending at the "'s" (names) or just after it (possessives).
            owner = [r for r in refs if r.start < start and start - 1 <= r.end <= start + 2]
            if not owner:
                continue
            country = owner[-1]
            before = sent.text[: country.start - sent.start]
            verb = _VERB.search(before)
            if verb is None:
                continue
            partners = [r for r in refs if sent.start <= r.start and r.end <= sent.start + verb.start() + 1
                        and r.iso3 != country.iso3]
            if not partners:
                continue
            raw = (m.group("ord") or "first").lower()
            rank = ORDINALS.get(raw) or int(re.sub(r"\D", "", raw))
            stated = _YEAR.search(sent.text)
            year = int(stated.group(1)) if stated else (published.year - 1 if published else None)
            first = m.start("ord") if m.group("ord") else m.start() + 2 + (len(m.group()) - 2 - len(m.group()[2:].lstrip()))
            out.append(Claim(
                text="", start=sent.start + first, end=sent.start + m.end(), measure="partner_rank",
                value=float(rank), unit="rank", country=country.iso3, about=partners[-1].iso3, year=year,
                basis=_WHAT[m.group("what").lower()],
            ))
    return out
