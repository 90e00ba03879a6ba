"""Instruments each introduced by "a"/"an" in a list that reports what a signing produced.

Ceremony reports often count or announce the papers and then list them, each with an indefinite
article: "officials signed three instruments: a trade memorandum (...), a farm cooperation
memorandum (...) and a declaration on fuels", "Among the main accords were a treaty on ..., an
agreement on ... and a cooperation programme ...", "There was also an agreement on ..., along with a
cooperation programme ...". The sentence loop of :mod:`.agreements` misses them: the list's
sentence may carry no signing verb (the verb was in the sentence before), and an item's head word
may not be an instrument word there ("a declaration on fuels", a "memorandum" followed by a
bracket). A list of :mod:`.agreement_lists` starts with titled items ("the Agreement on ...").

Why one record per item: an indefinite article introduces a paper the text has not named yet, so
each item is a new instrument (never a later mention of one already recorded, which the merge is
told with ``_fresh``), typed by its own head word. The items are slots of one signing (``_event``),
dated by their sentence or else by the signing the article reported before them.
"""

from __future__ import annotations

import datetime as dt
import re

from bilat.news.agreement_dates import sentence_date
from bilat.news.agreement_words import SIGN, _TYPE_RE, TYPES
from bilat.news.model import Agreement
from bilat.news.text import Sentence

_W = r"[\w\u2010\u2011-]+"
#: where such a list starts: a colon in a signing sentence, "Among the (main) accords (signed) were",
#: "There was also" / "There were also"
_COLON = re.compile(r":\s+(?=an?\s)")
_AMONG = re.compile(r"\b[Aa]mong\s+(?:them|these|the\s+(?:" + _W + r"\s+){0,2}?(?:accords|agreements|documents|"
                    r"instruments|deals|pacts|papers))(?:\s+(?:signed|inked|reached))?\s+(?:were|are)\s+(?=an?\s)")
_THERE_ALSO = re.compile(r"\b[Tt]here\s+(?:was|were)\s+also\s+(?=an?\s)")
#: one item: "a"/"an", up to three modifiers, the head word, then its own words up to the next item
_SEPARATOR = r"(?:^|,\s*(?:and\s+|along\s+with\s+|as\s+well\s+as\s+)?|\s+and\s+|\s+along\s+with\s+|\s+as\s+well\s+as\s+)"
_HEAD = (r"memorand(?:um|a|ums)|MoUs?|MOUs?|agreements?|accords?|protocols?|treaty|treaties|conventions?|declarations?|"
         r"program(?:me)?s?|statements?|road\s?maps?|plans?")
_ITEM = re.compile(_SEPARATOR + r"(?P<item>[Aa]n?\s+(?:" + _W + r"\s+){0,3}?(?P<head>(?i:" + _HEAD + r"))\b[^,;]*?)"
                   r"(?=,|\s+and\s+an?\s|\s+along\s+with\s|\s+as\s+well\s+as\s|[.;]?\s*$)")
_BRACKETS = re.compile(r"\([^()]*\)")
#: heads that name a paper only as the name of one ("a joint statement", "an action plan", "a
#: cooperation programme"): bare, or followed by "to"/"from"/"by"/"that"/"of events", they are plain
#: nouns ("There was also a plan to build a port", "a statement from the opposition")
_WEAK_HEAD = re.compile(r"(?i)program(?:me)?s?|statements?|road\s?maps?|plans?")
_WEAK_BARE = re.compile(r"(?i)an?\s+(?:new\s+|broad\s+|wider\s+|big\s+|bold\s+)?$")
_WEAK_AFTER = re.compile(r"(?i)\s+(?:to|from|by|that|which|of\s+(?!co-?operation\b|action\b))\b")


def indefinite_items(sents: list[Sentence], pair: list[str], published: dt.date | None,
                     records: list[Agreement]) -> tuple[list[Agreement], list[Agreement]]:
    """(new records, records they replace): one record per "a"/"an" instrument of a list that
    follows a colon in a signing sentence (two items or more), "Among the accords were ..." (two or
    more) or "There was also ..." (one or more), the last two only after a signing of the pair."""
    new: list[Agreement] = []
    dropped: list[Agreement] = []
    if len(pair) != 2:
        return new, dropped
    for sent in sents:
        if sent.headline:
            continue
        text = _BRACKETS.sub(lambda m: " " * len(m.group()), sent.text)  # "(two ministers, named)": no items
        signed = next((r for r in records if set(r.parties) == set(pair) and r.status is None and r.start < sent.start), None)
        found = _items(text, SIGN.search(text) is not None, signed is not None)
        if not found:
            continue
        day = sentence_date(sent, published) or (signed.date if signed is not None else None)
        for m in found:
            at = sent.start + m.start("item")
            end = at + len(m.group("item").rstrip(" ."))
            dropped += [r for r in records if at <= r.start < end]
            record = Agreement(text="", start=at, end=end, type=item_type(m.group("head"), m.group("item")),
                               parties=list(pair), date=day)
            record._event = id(sent)
            record._listed = True
            record._fresh = True  # "a"/"an": a paper not named before, never a mention of another record
            new.append(record)
    return new, dropped


def _items(text: str, signing: bool, signed_before: bool) -> list[re.Match[str]]:
    """The items of the first list shape ``text`` holds, or none."""
    shapes = []
    colon = _COLON.search(text)
    if colon is not None and signing and SIGN.search(text, 0, colon.start()):
        shapes.append((colon.end(), 2))
    if signed_before:
        shapes += [(m.end(), 2) for m in _AMONG.finditer(text)] + [(m.end(), 1) for m in _THERE_ALSO.finditer(text)]
    for start, least in shapes:
        rest = text[start:]
        items = [m for m in _ITEM.finditer(rest)]
        items = [m for i, m in enumerate(items) if i == 0 and m.start() == 0 or i and m.start() == items[i - 1].end()]
        items = [m for m in items if _paper(m)]
        if len(items) >= least:
            return [_Shifted(m, start) for m in items]
    return []


def _paper(m: re.Match[str]) -> bool:
    """Whether an item names a paper: a weak head ("plan", "statement", "programme") needs a word
    of its own before it and no infinitive, source or content clause after it."""
    if not _WEAK_HEAD.fullmatch(m.group("head")):
        return True
    item = m.group("item")
    at = m.start("head") - m.start("item")
    return _WEAK_BARE.fullmatch(item[:at]) is None and _WEAK_AFTER.match(item, m.end("head") - m.start("item")) is None


class _Shifted:
    """An item match with its offsets moved to the sentence's (the list was matched from its start)."""

    def __init__(self, m: re.Match[str], offset: int):
        self._m, self._offset = m, offset

    def start(self, group: str = "item") -> int:
        return self._m.start(group) + self._offset

    def group(self, group: str) -> str:
        return self._m.group(group)


def item_type(head: str, item: str) -> str:
    """The type an item's own words give: its head word, made precise by an instrument name in it
    ("a cooperation programme", "an investment cooperation agreement"); a declaration that is not
    joint and not about a partnership is a plain paper, as the corpus types it."""
    head = head.lower()
    if head.startswith(("memorand", "mou")):
        return "MoU"
    if head.startswith("protocol"):
        return "protocol"
    named = _TYPE_RE.search(item)
    kind = next((TYPES[i][1] for i in range(len(TYPES)) if named and named.group(f"t{i}")), None)
    if head.startswith("program"):
        return "cooperation agreement" if re.search(r"(?i)co-?operat", item) else "agreement"
    if head.startswith(("declaration", "statement")):
        return kind if kind in ("joint statement", "cooperation agreement") else "agreement"
    if kind in ("FTA", "cooperation agreement", "investment treaty", "tax treaty", "loan agreement", "framework agreement"):
        return kind
    return "cooperation agreement" if re.search(r"(?i)\bon\s+co-?operation\b", item) else "agreement"
