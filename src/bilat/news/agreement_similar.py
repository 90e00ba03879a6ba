"""Free trade deals with a third side, named in passing beside the article's own deal.

Why a module of its own: "The pact follows the Union's similar deal with the bloc" or "it follows
an FTA the bloc signed with India last year" names a second free trade agreement with no signing
verb, or no kind word, of its own; the first reader (:mod:`.agreements`) records instruments by
their verbs and names, so these wordings need their own small step (the corpus records
third-country agreements named in passing): "similar" borrows the kind of the article's FTA, and a
recalled FTA next to a partner outside the pair is a real deal, not FTAs in general.
"""

from __future__ import annotations

import re

from bilat.news.model import Agreement, CountryRef
from bilat.news.schema import type_code
from bilat.news.text import Sentence, tagged

_SIMILAR = re.compile(r"(?:@(?P<owner>[A-Z]{3,8})['’]s\s+|\b(?:a|an|its|their)\s+)similar\s+(?P<name>deal|agreement|pact|accord)"
                      r"\s+with\s+(?:the\s+)?@(?P<partner>[A-Z]{3,8})")


def similar_deals(view: str, sents: list[Sentence], refs: list[CountryRef], pair: list[str],
                  records: list[Agreement]) -> list[Agreement]:
    """FTA records for "X's similar deal with Y" when the article already records an FTA.

    The possessor (or, for "its similar deal", the last pair member named before it in the sentence)
    and the country after "with" are the parties; a pair already recorded is not added again."""
    if not any(type_code(r.type) == "fta" for r in records):
        return []
    out: list[Agreement] = []
    for sent in sents:
        if sent.headline:
            continue
        text = tagged(view, sent.start, sent.end, refs)
        for m in _SIMILAR.finditer(text):
            owner = m.group("owner")
            if owner is None:
                before = [c for c in re.findall(r"@([A-Z]{3,8})", text[: m.start()]) if c in pair]
                owner = before[-1] if before else None
            partner = m.group("partner")
            if owner is None or owner == partner:
                continue
            parties = [owner, partner]
            if any(set(r.parties) == set(parties) for r in records + out):
                continue
            at = view.find("similar " + m.group("name"), sent.start, sent.end)
            start = at + len("similar ") if at >= 0 else sent.start
            out.append(Agreement(text="", start=start, end=start + len(m.group("name")), type="FTA", parties=parties))
    return out


def recalled_with_partner(sentence: str, outside: list[str], recalled: bool) -> bool:
    """Whether an untitled FTA mention is a deal in place with a third country, worth a record.

    "It follows an FTA the bloc signed with India last year": a sentence that recalls an FTA
    (no talks, plans or negation in it) and names, next to it, a partner outside the article's pair
    speaks of one real agreement, not of free trade agreements in general."""
    return recalled and bool(outside) and re.search(r"\bwith\s", sentence) is not None
