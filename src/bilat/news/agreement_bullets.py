"""Instruments listed one per line under a line that announces a signing ("The following
documents were signed:", "List of signed documents:"), each line opened by a dash, a bullet or a
number ("- Agreement between the Governments on cooperation in ...;").

Why a pass of its own: ministries and presidential press services publish the outcome of a visit
as such a list, and the sentence reader sees no signing verb in any line of it (the verb is in the
line above), so the papers were lost or read as one. The layout itself says what they are: every
listed line whose head is an instrument word is one signed paper, typed by that word, between the
article's two sides (round thirteen). A line whose head is not an instrument ("Decision of the
Council on ...", "Road maps for ...") is not one.
"""

from __future__ import annotations

import re

from bilat.news.agreement_words import _TYPE_RE, TYPES
from bilat.news.model import Agreement

#: the announcing line: "The following documents were signed:", "signed the following agreements:",
#: "List of signed documents:", "Documents signed:"
_ANNOUNCE = re.compile(
    r"(?im)^[^\n]*\b(?:(?:the\s+)?following\s+(?:[\w-]+\s+){0,3}?(?:documents|agreements|instruments|papers)\b[^\n:]*"
    r"|(?:list\s+of\s+)?(?:signed\s+documents|documents\s+signed|agreements\s+signed))\s*:[ \t]*$"
)
#: one listed line: a dash, bullet or number, then the instrument's words up to the end of the line
_ITEM = re.compile(r"[ \t]*(?:[-–—•*·]|\d{1,2}[.)])[ \t]+(?P<item>[^\n]+)(?:\n|$)")
#: the instrument word must open the line (after at most two capitalised modifiers: "Joint Declaration")
_HEAD = re.compile(r"^(?:(?:the|an?)\s+)?(?:[A-Z][\w-]*\s+){0,2}?(?=[A-Z])")


def bulleted_instruments(view: str, pair: list[str]) -> list[Agreement]:
    """One record per listed instrument under an announcing line (see the module docstring)."""
    out: list[Agreement] = []
    if len(pair) != 2:
        return out
    for announce in _ANNOUNCE.finditer(view):
        at, event = announce.end() + 1, announce.start()
        while at < len(view):
            m = _ITEM.match(view, at)
            if m is None:
                break
            item = m.group("item")
            head = _HEAD.match(item)
            tm = _TYPE_RE.match(item, head.end()) if head else None
            if tm is not None:
                kind = next(TYPES[i][1] for i in range(len(TYPES)) if tm.group(f"t{i}"))
                if kind == "agreement" and re.search(r"(?i)\bco-?operat", item):
                    kind = "cooperation agreement"  # "Agreement ... on cooperation in the military field"
                start = m.start("item") + tm.start()
                record = Agreement(text="", start=start, end=m.start("item") + tm.end(),
                                   type=kind, parties=list(pair))
                record._listed = True  # one paper of the list: not a mention of another record
                record._event = event  # the papers of one list stay apart in the merge
                out.append(record)
            at = m.end()
    return out


def with_bullets(view: str, pair: list[str], records: list[Agreement]) -> list[Agreement]:
    """``records`` with the listed papers in place of whatever the sentence reader made of the list."""
    bullets = bulleted_instruments(view, pair)
    if not bullets:
        return records
    first, last = min(b.start for b in bullets), view.find("\n", max(b.end for b in bullets))
    return [r for r in records if not first <= r.start <= (last if last >= 0 else len(view))] + bullets
