"""Percentages that are a share of a flow: "of Japan's total imports", "Japan takes 12
percent of Chile's exports", "Peru's share of Japan's copper imports".

Why a module of its own: a share's direction is read differently from a flow's. The supplier is
the origin and the buyer the destination, whichever of them the sentence makes its subject.
"""

from __future__ import annotations

import re

import bilat.news.cues as cues
from bilat.news.model import Claim

_SHARE = re.compile(
    r"^\s*(?:\w+\s+){0,2}?of\s+(?:the\s+|its\s+|their\s+)?(?:@([A-Z]{3,8})(?:'s)?\s+)?(?:total\s+|overall\s+|global\s+|entire\s+)?"
    r"(?:imports|import bill|purchases from abroad)",
)
_SHARE_BEFORE = re.compile(r"@([A-Z]{3,8})(?:'s)?\s+share\s+(?:in|of)\s+@([A-Z]{3,8})(?:'s)?\s+(?:[a-z-]+\s+){0,3}?"
                           r"(?:imports|purchases)\b[^§]{0,40}$")
#: "Japan takes 12 percent of Chile's exports", "Korea absorbed a fifth share, 20 percent, of its shipments"
_ACCOUNTS_FOR = re.compile(r"@([A-Z]{3,8})(?:['’]s)?\s+(?:[a-z]+\s+)?(?:accounts?|accounted|accounting|takes|took|buys|bought|"
                           r"absorbs|absorbed|receives|received|supplies|supplied|provides|provided)\s+(?:for\s+)?"
                           r"(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+)?$")
_OF_FLOW = re.compile(r"^\s*of\s+(?:the\s+(?:country|nation)['’]s\s+|its\s+|their\s+|(?:the\s+)?@([A-Z]{3,8})(?:['’]s)?\s+)?"
                      r"(?:total\s+|overall\s+|global\s+)?(?:[a-z-]+\s+)?(?P<kind>exports|sales\s+abroad|overseas\s+sales|"
                      r"shipments|outbound\s+shipments|imports|purchases)\b")


#: "..., which accounted for 9.4% of the total": a share of the flow just told
_WHICH_OF_TOTAL = re.compile(r"\b(?:which|that|this)\s+(?:represented|represents|accounted\s+for|accounts\s+for|made\s+up|"
                             r"makes\s+up|was|is|amounted\s+to|equalled|equaled)\s+(?:about\s+|some\s+|nearly\s+|almost\s+|"
                             r"over\s+|around\s+|more\s+than\s+)?$", re.I)
_OF_TOTAL = re.compile(r"^\s*of\s+(?:the\s+|its\s+|their\s+)?(?:country's\s+)?(?:total|whole|overall|all)\b", re.I)
#: "a 94-percent share in import from Egypt": the subject's share of what it buys from there
_SHARE_IN_IMPORT = re.compile(r"^\s*share\s+(?:in|of)\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}?imports?\s+from\s+(?:the\s+)?@([A-Z]{3,8})")


def share_of_told_flow(claim: Claim, left: str, right: str, told: Claim | None) -> bool:
    """ "Peru's purchases from China came to $6.9 billion, which accounted for 9.4% of the total": the share
    has the sides of the flow told just before it in the sentence (``told``); False otherwise."""
    if told is None or told.unit is not None or told.measure not in ("exports", "imports") or told.from_ is None \
            or not _WHICH_OF_TOTAL.search(left) or not _OF_TOTAL.match(right):
        return False
    claim.measure, claim.from_, claim.to = "share_of_imports" if told.measure == "imports" else "other", told.from_, told.to
    return True


def share_claim(claim: Claim, left: str, right: str, sentence_left: str, pair: list[str]) -> bool:
    """Read a percentage as a share of a flow when the wording says so (measure and direction set
    on ``claim``); False when it is not a share. ``left``/``right`` are the tagged clause around it."""
    bought = _SHARE_IN_IMPORT.match(right)
    if bought is not None:  # "Russia has a 94-percent share in import from Egypt"
        buyer = cues.country_before(sentence_left)
        claim.measure = "share_of_imports"
        claim.from_, claim.to = cues.fill_from_pair(bought.group(1), buyer if buyer != bought.group(1) else None, pair)
        return True
    share_left = _SHARE_BEFORE.search(left)  # "Peru's share of Japan's copper imports reached 38 percent"
    if share_left:
        claim.measure = "share_of_imports"
        claim.from_, claim.to = cues.fill_from_pair(share_left.group(1), share_left.group(2), pair)
        return True
    share = _SHARE.match(right)
    if share:
        claim.measure = "share_of_imports"
        origin = _exporter_in(sentence_left)
        source = re.search(r"\bimports\s+from\s+(?:the\s+)?@([A-Z]{3,8})", right)
        importer = share.group(1)
        into = re.match(r"\s*(?:into|entering)\s+(?:the\s+)?@([A-Z]{3,8})\b", right[share.end():])
        if source:  # "China sources 70 percent of its imports from Brazil"
            origin = source.group(1)
            importer = importer or cues.first_country(sentence_left)
        elif into and share.group(1) and into.group(1) != share.group(1):
            # "97 percent of Australian imports into Japan": goods from the named side, into the other
            origin, importer = share.group(1), into.group(1)
        claim.from_, claim.to = cues.fill_from_pair(origin, importer, pair)
        return True
    taker = _ACCOUNTS_FOR.search(left)
    flow_of = _OF_FLOW.match(right) if taker else None
    if taker and flow_of:  # "Japan takes 12 percent of Chilean exports": a buyer's share
        owner = flow_of.group(1) or next((c for c in pair if c != taker.group(1)), None)
        if flow_of.group("kind").lower().startswith(("import", "purchase")):
            claim.from_, claim.to = cues.fill_from_pair(taker.group(1), owner, pair)
        else:
            claim.from_, claim.to = cues.fill_from_pair(owner, taker.group(1), pair)
        return True
    return False


def _exporter_in(text: str) -> str | None:
    """Origin of the last export cue in ``text`` ("Israeli exports to Japan" → ISR)."""
    last = None
    for m in cues.EXPORT.finditer(text):
        last = m
    if last is None:
        return None
    flow = cues.flow_of(text, "exports", last, [])
    return flow.origin
