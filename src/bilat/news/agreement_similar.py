"""Deals named only as "similar" to the article's own free trade agreement.

Why a module of its own: "The pact follows the Union's similar deal with the bloc" names a second
free trade agreement with no kind word and no signing verb of its own; the first reader
(:mod:`.agreements`) records instruments by their verbs and names, so this wording needs its own
small step: "similar" borrows the kind of the article's FTA, and the possessor and the country
after "with" are its parties (the corpus records third-country agreements named in passing).
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
