"""Instruments listed by name after a count ("three other documents, namely the Agreement on …,
the Exchange of Notes on … and the Exchange of Notes on …, were also signed"), right after the
signing verb ("signed the Agreement on …, the Framework Agreement on … and the Exchange of Letters
on …"), or as the subject of a passive signing ("a memorandum on …, an agreement on … and other
documents were also signed").

Why a pass of its own: the sentence loop of :mod:`.agreements` reads "the Agreement on …" as a
definite mention of an instrument already reported (it is usually "the agreement" again) and
two "Exchange of Notes" as one; a list announced by *namely*, *including* or a colon names new
instruments, each one a record with the type its own head word says. So does a coordinated list of
two or more instruments that is the object of the signing verb or the subject of "were signed": the
coordination itself says they are several (round eleven; the same structure in every signing
ceremony report, whatever the instruments' names). They are slots of one
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
#: the signing verb right before a list of titled instruments ("signed the Agreement on …, the Protocol on …")
_VERB_START = re.compile(r"\b(?:signed|inked|concluded|exchanged)\s+(?=the\s+(?:[A-Z][\w-]*\s+){0,3}"
                         r"(?:Agreement|Exchange\s+of|Memorandum|Protocol|Joint\s+(?:Statement|Declaration)|Treaty|Convention)\b)")
#: a title's own capitalised modifiers before its head word ("the Framework Agreement", "the Loan Agreement")
_TITLED_ITEM = re.compile(r"(?:^|,\s*(?:and\s+)?|\s+and\s+)(?P<item>[Tt]he\s+(?:[A-Z][\w-]*\s+){0,3}?(?P<head>Agreement|"
                          r"Exchange\s+of\s+(?:Notes?|Letters?)|Memorandum|Protocol|Joint\s+(?:Statement|Declaration)|Treaty|"
                          r"Convention)\b[^,;]*?)(?=,|\s+and\s+[Tt]he\s+[A-Z]|\s+(?:were|was|have|had|has)\b|$)")
#: the subject of a passive signing: "a memorandum of understanding on …, an agreement on … and other documents were signed"
_PASSIVE_END = re.compile(r"\s+(?:and\s+other\s+(?:documents|agreements|instruments)\s+)?(?:were|have\s+been|had\s+been)\s+"
                          r"(?:also\s+)?(?:signed|inked|concluded|exchanged)\b")
#: only "a"/"an": "The agreement and a protocol ... were exchanged" points back to a deal already
#: told, it does not list a new one
_INDEFINITE_ITEM = re.compile(r"(?:^|,\s*(?:and\s+)?|\s+and\s+)(?P<item>[Aa]n?\s+(?:[\w-]+\s+){0,2}?(?P<head>"
                              r"memorand(?:um|a)|MoU|MOU|agreement|protocol|treaty|convention)\b[^,;]*?)"
                              r"(?=,|\s+and\s+(?:an?|the)\s|$)")
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
        found = _listed(sent.text)
        if found is None:
            continue
        offset, items = found
        signed = next((r for r in records if set(r.parties) == set(pair) and r.status is None and r.date is not None
                       and r.start < sent.start), None)
        day = sentence_date(sent, published) or (signed.date if signed is not None else None)
        for m in items:
            at = sent.start + offset + m.start("item")
            end = at + len(m.group("item").rstrip(" ."))
            inside = [r for r in records if at <= r.start < end]
            dropped += inside
            record = Agreement(text="", start=at, end=end, type=_type(m.group("head"), m.group("item")),
                               parties=list(pair), date=day)
            record._event = id(sent)
            record._listed = True  # named by its title: not an unnamed slot of a counted signing
            new.append(record)
    return new, dropped


def _listed(text: str) -> tuple[int, list[re.Match[str]]] | None:
    """(offset of the list in ``text``, its items) for the first list shape that names two or more
    instruments: after *namely* / *including* / a colon, right after the signing verb, or before
    "were (also) signed"."""
    start = _LIST_START.search(text)
    if start is not None:
        items = list(_ITEM.finditer(text[start.end():]))
        if len(items) >= 2:
            return start.end(), items
    verb = _VERB_START.search(text)
    if verb is not None:
        items = list(_TITLED_ITEM.finditer(text[verb.end():]))
        if len(items) >= 2 and items[0].start() == 0:
            return verb.end(), items
    end = _PASSIVE_END.search(text)
    if end is not None:
        head = text[: end.start()]
        lead = len(head) - len(head.lstrip(" \"'\u201c\u2018"))
        items = list(_INDEFINITE_ITEM.finditer(head[lead:]))
        if len(items) >= 2:
            return lead, items
    return None


def _type(head: str, item: str) -> str:
    key = re.sub(r"\s+", " ", head.lower())
    if key.startswith("exchange of"):
        return "exchange of notes"
    if key in ("mou", "memoranda"):
        return "MoU"
    if key == "agreement":
        if re.search(r"(?i)\bfree[- ]trade\b|\beconomic\s+partnership\b", item):
            return "FTA"
        return "cooperation agreement" if re.search(r"(?i)\bcooperat", item) else "agreement"
    return _HEADS.get(key, "agreement")
