"""The papers of an uncounted batch, named in a later sentence: "signed deals on ports, fisheries
and customs ... The deals included a tax treaty and a fund agreement between the two central banks."

Why a pass of its own: the first pass records the plural "deals" as one untyped record (the
sentence that signs them names no paper), and the sentence that does name them has no signing
verb, so its papers were not recorded. English says what they are: "the deals included A and B"
(also "among the deals were", "the agreements signed include") lists members of the batch just
reported, each indefinite instrument one paper. The papers replace the plural record; a batch with
a count keeps its own record (round thirteen).
"""

from __future__ import annotations

import re

from bilat.news.agreement_words import _TYPE_RE, TYPES
from bilat.news.model import Agreement
from bilat.news.text import Sentence

#: "The deals included", "The agreements signed include", "Among the accords were"
_MEMBERS = re.compile(r"\b(?:[Tt]he|[Tt]hese|[Tt]hose)\s+(?:[\w-]+\s+)?(?:deals|agreements|accords|pacts|documents)\s+"
                      r"(?:signed\s+|inked\s+)?includ(?:ed|e|es)\s+|\b[Aa]mong\s+the\s+(?:deals|agreements|accords|documents)"
                      r"\s+(?:signed\s+)?(?:were|was|are|is)\s+")
#: an indefinite paper in the list: "an agreement on double taxation", "an investment co-operation agreement"
_ITEM = re.compile(r"\b(?:an?|one)\s+(?:[\w-]+\s+){0,3}?(?=(?:[\w-]+\s+)?(?:agreement|accord|pact|memorandum|MoU|MOU|treaty|"
                   r"protocol|convention|deal)\b)")
#: how far after the batch the naming sentence may come
_GAP = 1500


def batch_papers(view: str, sents: list[Sentence], records: list[Agreement]) -> list[Agreement]:
    """``records`` with an uncounted plural record replaced by the papers a later sentence names."""
    out = list(records)
    for sent in sents:
        m = _MEMBERS.search(sent.text)
        if m is None:
            continue
        # (a slot of a counted signing, "two agreements", has no count of its own but its event's: not uncounted)
        batch = next((r for r in reversed(out) if r.count is None and getattr(r, "_event", None) is None
                      and r.end <= sent.start + m.start()
                      and sent.start - r.end < _GAP and re.search(r"s$", view[r.start : r.end])
                      and re.fullmatch(r"(?i)(?:[\w-]+\s+)?(?:deals|agreements|accords|pacts|documents)", view[r.start : r.end])), None)
        if batch is None:
            continue
        papers = []
        rest = sent.text[m.end() :]
        for item in _ITEM.finditer(rest):
            tm = _TYPE_RE.search(rest, item.end())
            if tm is None or tm.start() - item.end() > 30:
                continue
            kind = next(TYPES[i][1] for i in range(len(TYPES)) if tm.group(f"t{i}"))
            at = sent.start + m.end()
            paper = Agreement(text="", start=at + tm.start(), end=at + tm.end(), type=kind, parties=list(batch.parties),
                              date=batch.date, place=batch.place, signatories=list(batch.signatories))
            paper._listed = True
            paper._event = sent.start  # the papers of one batch stay apart in the merge (two of type other too)
            papers.append(paper)
        if len(papers) >= 2:
            out = [r for r in out if r is not batch] + papers
    return out
