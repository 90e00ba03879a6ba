"""Paragraphs and sentences of the cleaned view, and a "tagged" form for cue patterns.

The tagged form replaces each country mention by ``@ISO3`` ("Israeli exports to Japan's ..." →
"@ISR exports to @JPN's ..."), so one small pattern covers names, demonyms and possessives.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from bilat.news.model import CountryRef

_ABBREVIATIONS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr st no gov sen rep prof inc ltd co "
    "corp vs e.g i.e u.s u.k u.n e.u approx est".split()
)
#: a full stop and the next sentence; scraped copy sometimes loses the space ("cyber security.The MoU"),
#: taken as a boundary only between a lower-case word and a capitalised one
_BOUNDARY = re.compile(r"[.!?](?:[\"”’')]*\s+(?=[\"“‘'(]*[A-Z0-9$£€¥₹])|(?<=[a-z]{2}[.!?])(?=[\"“]?[A-Z][a-z]))")
#: a sentence cut off by the end of the text: starts like a sentence, has at least six words
_CUT_SENTENCE = re.compile(r"^\s*[\"“‘(]*[A-Z0-9$£€][^\n]*?(?:\S+\s+){5,}\S*$")
_TERMINAL = re.compile(r"[.!?:][\"”’')]*\s*$")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int
    headline: bool
    text: str


def sentences(view: str) -> list[Sentence]:
    """Split the view into sentences; lines without closing punctuation count as headlines."""
    out: list[Sentence] = []
    paragraph = 0
    lines = [m for m in re.finditer(r"[^\n]+", view) if m.group().strip()]
    for line in lines:
        body = line.group()
        paragraph += 1
        headline = len(body) < 150 and not _TERMINAL.search(body)
        if headline and line is lines[-1] and paragraph > 1 and _CUT_SENTENCE.match(body):
            headline = False  # the text was cut mid-sentence: its last line is still body text
        start = line.start()
        for cut in _BOUNDARY.finditer(body):
            word = re.search(r"([\w.]+)[.!?][\"”’')]*\s+$", body[: cut.end()])
            if word and cut.group()[0] == "." and (
                word.group(1).lower() in _ABBREVIATIONS or re.fullmatch(r"[A-Z]", word.group(1))
            ):
                continue
            end = line.start() + cut.start() + 1
            _append(out, view, start, end, paragraph, headline)
            start = line.start() + cut.end()
        _append(out, view, start, line.end(), paragraph, headline)
    return out


def _append(out: list[Sentence], view: str, start: int, end: int, paragraph: int, headline: bool) -> None:
    while start < end and view[start].isspace():
        start += 1
    while end > start and view[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, paragraph, headline, view[start:end]))


def sentence_at(sents: list[Sentence], starts: list[int], offset: int) -> Sentence | None:
    """The sentence of ``sents`` (``starts``: their start offsets, in order) that holds ``offset``."""
    i = bisect.bisect_right(starts, offset) - 1
    return sents[i] if i >= 0 and sents[i].start <= offset < sents[i].end else None


def mentions_in(refs: Iterable[CountryRef], start: int, end: int) -> list[CountryRef]:
    return [r for r in refs if r.start >= start and r.end <= end]


def tagged(view: str, start: int, end: int, refs: Iterable[CountryRef]) -> str:
    """``view[start:end]`` with every country mention replaced by ``@ISO3`` (keeping "'s")."""
    pieces: list[str] = []
    pos = start
    for ref in sorted(mentions_in(refs, start, end), key=lambda r: r.start):
        pieces.append(view[pos : ref.start])
        token = "@" + ref.iso3
        if ref.kind == "possessive":
            token += "'s"
        pieces.append(token)
        pos = ref.end
    pieces.append(view[pos:end])
    return "".join(pieces)


#: where a clause ends inside a sentence: what one figure's words are read from
_CLAUSE_BREAK = re.compile(
    r";|:\s|,\s+(?:while|whereas|with|but|compared|against|up from|down from|and)\b|\s(?:while|whereas|versus|vs\.?)\s"
)


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Start and end of the clause around ``text[start:end]``."""
    left = 0
    for m in _CLAUSE_BREAK.finditer(text, 0, start):
        left = m.end()
    right_match = _CLAUSE_BREAK.search(text, end)
    right = right_match.start() if right_match else len(text)
    return left, right
