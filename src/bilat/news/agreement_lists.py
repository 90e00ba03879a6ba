"""Instruments listed by name after a count ("three other documents, namely the Agreement on …,
the Exchange of Notes on … and the Exchange of Notes on …, were also signed").

Why a pass of its own: the sentence loop of :mod:`.agreements` reads "the Agreement on …" as a
definite mention of an instrument already reported (it is usually "the agreement" again) and
two "Exchange of Notes" as one; a list announced by *namely*, *including* or a colon names new
instruments, each one a record with the type its own head word says. They are slots of one
signing, so the merge keeps them apart (``_event``), and they take the date of the signing the
article reports for the same parties when their sentence gives none ("on the occasion").
"""

from __future__ import annotations

import datetime as dt
import re

from bilat.news.agreement_dates import sentence_date
from bilat.news.agreement_words import SIGN
from bilat.news.model import Agreement
from bilat.news.text import Sentence

_LIST_START = re.compile(r"\b(?:namely|including|viz\.?)\s*:?\s+|:\s+(?=the\s+[A-Z])", re.I)
_ITEM = re.compile(r"(?:^|,\s*(?:and\s+)?|\s+and\s+)(?P<item>[Tt]he\s+(?P<head>Agreement|Exchange\s+of\s+Notes?|Memorandum|"
                   r"Protocol|Joint\s+(?:Statement|Declaration)|Treaty|Convention|Contract)\b[^,;]*?)(?=,|\s+and\s+[Tt]he\s+[A-Z]|"
                   r"\s+(?:were|was|have|had|has)\b|$)")
_HEADS = {"memorandum": "MoU", "protocol": "protocol", "joint statement": "joint statement",
          "joint declaration": "joint statement"}


def listed_instruments(sents: list[Sentence], pair: list[str], published: dt.date | None,
                       records: list[Agreement]) -> tuple[list[Agreement], list[Agreement]]:
    """(new records, records they replace): one record per instrument a signing sentence lists
    by name after *namely* / *including* / a colon, when it lists at least two."""
    new: list[Agreement] = []
    dropped: list[Agreement] = []
    if len(pair) != 2:
        return new, dropped
    for sent in sents:
        if sent.headline or not SIGN.search(sent.text):
            continue
        start = _LIST_START.search(sent.text)
        if start is None:
            continue
        tail = sent.text[start.end():]
        items = [m for m in _ITEM.finditer(tail)]
        if len(items) < 2:
            continue
        signed = next((r for r in records if set(r.parties) == set(pair) and r.status is None and r.date is not None
                       and r.start < sent.start), None)
        day = sentence_date(sent, published) or (signed.date if signed is not None else None)
        for m in items:
            at = sent.start + start.end() + m.start("item")
            end = at + len(m.group("item").rstrip())
            inside = [r for r in records if at <= r.start < end]
            dropped += inside
            record = Agreement(text="", start=at, end=end, type=_type(m.group("head"), m.group("item")),
                               parties=list(pair), date=day)
            record._event = id(sent)
            new.append(record)
    return new, dropped


def _type(head: str, item: str) -> str:
    key = re.sub(r"\s+", " ", head.lower())
    if key.startswith("exchange of note"):
        return "exchange of notes"
    if key == "agreement":
        return "cooperation agreement" if re.search(r"(?i)\bcooperat", item) else "agreement"
    return _HEADS.get(key, "agreement")
