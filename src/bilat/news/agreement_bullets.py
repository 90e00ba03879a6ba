"""Instruments listed one per line under a line that announces a signing ("The following
documents were signed:", "List of signed documents:"), each line opened by a dash, a bullet or a
number ("- Agreement between the Governments on cooperation in ...;").

Why a pass of its own: ministries and presidential press services publish the outcome of a visit
as such a list, and the sentence reader sees no signing verb in any line of it (the verb is in the
line above), so the papers were lost or read as one. The layout itself says what they are: every
listed line whose head is an instrument word is one signed paper, typed by that word, between the
article's two sides (round thirteen); a road map in such a list is a signed paper too. A line
whose head is not an instrument word ("Decision of the Council on ...") is not one.
"""

from __future__ import annotations

import re

from bilat.news.agreement_words import _NOT_SIGNED, _TYPE_RE, PENDING, TYPES
from bilat.news.model import Agreement

#: the announcing words and their colon, a bullet right after: "The following documents were signed: -",
#: "signed the following agreements:", "List of signed documents:" (the lines may have been joined)
_ANNOUNCE = re.compile(
    r"(?i)\b(?:(?:the\s+)?following\s+(?:[\w-]+\s+){0,3}?(?:documents|agreements|instruments|papers)\b[^\n:.]{0,40}"
    r"|(?:list\s+of\s+)?(?:signed\s+documents|documents\s+signed|agreements\s+signed))\s*:\s*(?=(?:[-–—•*·]|\d{1,2}[.)])\s)"
)
#: the announcing sentence must tell a signing done: "were signed", "signed the following", "signed documents"
#: ("The ministers reviewed the following agreements:", "... are expected to be signed:" list no signed paper)
_SIGNED = re.compile(r"(?i)\b(?:signed|inked|concluded|initial(?:l)?ed|exchanged)\b")
#: a bullet that opens an item: a dash, a bullet sign or a number, after a line break or a space
_BULLET = re.compile(r"(?:^|(?<=\s))(?:[-–—•*·]|\d{1,2}[.)])\s+")
#: the instrument word must open the item (after at most two capitalised modifiers: "Joint Declaration")
_HEAD = re.compile(r"(?:(?:the|an?)\s+)?(?:[A-Z][\w-]*\s+){0,2}?(?=[A-Z])")


def bulleted_instruments(view: str, pair: list[str]) -> list[Agreement]:
    """One record per listed instrument under an announcing line (see the module docstring)."""
    out: list[Agreement] = []
    if len(pair) != 2:
        return out
    announces = list(_ANNOUNCE.finditer(view))
    for n, announce in enumerate(announces):
        if not _announces_signing(view, announce.start(), announce.end()):
            continue
        stop = view.find("\n\n", announce.end())
        stop = len(view) if stop < 0 else stop
        if n + 1 < len(announces):  # "... The ministers also discussed the following papers: 1. ...": another list
            stop = min(stop, announces[n + 1].start())
        bullets = list(_BULLET.finditer(view, announce.end(), stop))
        for k, bullet in enumerate(bullets):
            end = bullets[k + 1].start() if k + 1 < len(bullets) else stop
            item = view[bullet.end() : end]
            head = _HEAD.match(item)
            tm = _TYPE_RE.match(item, head.end()) if head else None
            if tm is None:
                continue
            kind = next(TYPES[i][1] for i in range(len(TYPES)) if tm.group(f"t{i}"))
            if kind == "agreement" and re.search(r"(?i)\bco-?operat", item):
                kind = "cooperation agreement"  # "Agreement ... on cooperation in the military field"
            start = bullet.end() + tm.start()
            record = Agreement(text="", start=start, end=bullet.end() + tm.end(), type=kind, parties=list(pair))
            record._listed = True  # one paper of the list: not a mention of another record
            record._event = announce.start()  # the papers of one list stay apart in the merge
            out.append(record)
    return out


def _announces_signing(view: str, start: int, end: int) -> bool:
    """Whether the sentence of the announcing words (from its start up to the colon) tells that the
    papers were signed: a list of papers reviewed, negotiated or still to be signed is none of them."""
    lead = view[max(view.rfind("\n", 0, start), view.rfind(". ", 0, start)) + 1 : end]
    return _SIGNED.search(lead) is not None and PENDING.search(lead) is None and _NOT_SIGNED.search(lead) is None


def with_bullets(view: str, pair: list[str], records: list[Agreement]) -> list[Agreement]:
    """``records`` with the listed papers in place of whatever the sentence reader made of the list."""
    bullets = bulleted_instruments(view, pair)
    if not bullets:
        return records
    # from the announcing words on: "signed the following agreements:" is the list, not one more paper
    first, last = min(b._event for b in bullets), max(b.end for b in bullets)
    ends = [x for x in (view.find(";", last), view.find("\n", last), view.find(". ", last)) if x >= 0]
    end = min(ends) if ends else len(view)  # the end of the last listed item
    return [r for r in records if not first <= r.start <= end] + bullets
