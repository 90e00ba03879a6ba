"""Who the sides of an agreement are when a sentence names more than the pair (round nine).

* the *subject* of a signing verb is the actor of a list of partners ("Besides Chile, Japan has
  signed deals with Peru, Mexico and ASEAN": Japan's deals, not Chile's), unless the subject is
  coordinated ("A and B have signed"), which names no single actor;
* the country that *has* the deals ("Peru already has free-trade agreements with A, B and C") is
  their holder, whether or not it is one of the article's two sides; a pair member that is itself
  the object of "with" ("the pact with Chile is Korea's third such deal, after the ones
  with A, B and C") is a partner named before the list, not its holder (round thirteen);
* a counted signing with as many partners as papers ("signed two loan agreements with Finland
  and Portugal") is one paper with each partner, in the order named (round thirteen);
* "the three countries signed a Joint Declaration" in a story about two names a third: the
  parties are the pair and the other country the text names most (round thirteen);
* a group described member by member is its bloc (a deal "with a grouping of four states", then
  Norway, Iceland, Switzerland and Liechtenstein, is one with EFTA).
"""

from __future__ import annotations

import re
from collections.abc import Callable

#: "Besides Chile, Japan has signed ...": the pair member right before the verb is its subject
_SUBJECT_VERB = re.compile(r"@([A-Z]{3,8})(?:['’]s)?\s+(?:[a-z]+\s+){0,3}?(?:(?:has|have|had)\s+)?(?:also\s+|already\s+)?"
                           r"(?:signed|inked|concluded|clinched|sealed|struck)\b")


_COORDINATED = re.compile(r"@[A-Z]{3,8}\s+and\s+(?:the\s+)?$")
#: "Peru already has free-trade agreements": the country right before a verb of having, just before the name
_HOLDS = re.compile(r"@([A-Z]{3,8})\s+(?:already\s+|also\s+|now\s+)?(?:has|have|had|holds?|held)\s+(?:[\w-]+\s+){0,3}$")
#: "the deal with Georgia": a country named as the object of "with" is a partner, not the one holding the deals
_OBJECT_OF_WITH = re.compile(r"\b(?:with|between)\s+(?:the\s+)?$")


def holder_of(before: str, name: str) -> str | None:
    """The country that holds the listed deals, read from the words before them and their name:
    "Peru already has free-trade agreements with ..." -> PER (any country, not only a pair member)."""
    m = _HOLDS.search(before + name.strip() + " ")
    return m.group(1) if m else None


def not_partners(before: str, pair: list[str]) -> list[str]:
    """The pair members named in ``before`` that are not the object of "with"/"between"."""
    return [m.group(1) for m in re.finditer(r"@([A-Z]{3,8})", before)
            if m.group(1) in pair and _OBJECT_OF_WITH.search(before, 0, m.start()) is None]


def subject_of_verb(before: str, pair: list[str]) -> str | None:
    """The pair member that signs in the words before a list ("Besides Chile, Japan has signed deals
    with ..."): the sentence's first country may be a comparison or a setting, not the actor."""
    found = [m.group(1) for m in _SUBJECT_VERB.finditer(before) if m.group(1) in pair
             and not _COORDINATED.search(before, 0, m.start())]  # "A and B have signed": no one actor
    return found[-1] if found else None


_GROUP_WITH = re.compile(r"^\)?\s+with\s+(?:a|the)\s+(?:group|bloc|grouping|association)\s+of\s+[^@.;]{0,40}?"
                         r"(?P<list>(?:@[A-Z]{3,8}\s*,?\s*(?:and\s+)?){3,})")


def bloc_listed(after: str) -> str | None:
    """A deal "with a grouping of four states", then Norway, Iceland, Switzerland and Liechtenstein:
    a list that is exactly one bloc's membership is that bloc as the party (the text describes the
    bloc instead of naming it)."""
    from bilat.nomenclature.blocs import BLOCS

    m = _GROUP_WITH.match(after)
    if m is None:
        return None
    listed = set(re.findall(r"@([A-Z]{3,8})", m.group("list")))
    return next((code for code, bloc in BLOCS.items() if listed == set(bloc.members)), None)


#: "two loan agreements with Finland and Portugal": the partners right after the name
_WITH_PARTNERS = re.compile(r"^\s+with\s+(?P<list>(?:(?:the\s+)?@[A-Z]{3,8}(?:\s*,\s*|\s*,?\s+and\s+))+(?:the\s+)?@[A-Z]{3,8})")


def one_partner_each(records: list, tagged_after: Callable[[object], str]) -> None:
    """Slots of one counted signing that share a name span take one listed partner each when the
    count equals the number of partners (``tagged_after(record)`` is the tagged text after the name)."""
    groups: dict[tuple[int, int], list] = {}
    for r in records:
        if getattr(r, "_event", None) is not None:
            groups.setdefault((r.start, r.end), []).append(r)
    for slots in groups.values():
        if len(slots) < 2:
            continue
        m = _WITH_PARTNERS.match(tagged_after(slots[0]))
        partners = list(dict.fromkeys(re.findall(r"@([A-Z]{3,8})", m.group("list")))) if m else []
        actor = next((c for c in slots[0].parties if c not in partners), None)
        if len(partners) != len(slots) or actor is None:
            continue
        for slot, partner in zip(slots, partners):
            slot.parties = [actor, partner]


def own_signers(signers: list[str], found: list[str], pair: list[str], before: str = "") -> bool:
    """ "the Ugandan leader and the Korean president signed a loan deal": the two
    sides the signing sentence names as its coordinated subjects (one outside the pair) stay the
    parties when the name says nothing more than the pair. ``before`` is the tagged sentence up to the name."""
    if not (len(signers) == 2 and set(found) == set(pair) and any(c not in pair for c in signers)
            and any(c in pair for c in signers)):
        return False
    a, b = signers
    subjects = re.compile(r"@(?:%s|%s)\b[^.;@]{0,60}?\band\s+[^.;@]{0,30}?@(?:%s|%s)\b[^.;@]{0,80}?\b(?:signed|inked|sealed|concluded)\b"
                          % (a, b, a, b))
    return subjects.search(before) is not None


#: "the three countries have signed", "the three sides signed": a paper of three
_THE_THREE = re.compile(r"\b[Tt]he\s+three\s+(?:countries|nations|states|sides|governments|parties)\b(?P<gap>[^.;]{0,60})$")


def three_sides(records: list, view: str, refs: list, pair: list[str]) -> None:
    """A paper signed by "the three countries" has the pair and the third country named most often,
    unless a country is named between them: "after the three countries held talks, A and B signed"
    is a paper of A and B, the three being the subject of another clause."""
    if len(pair) != 2:
        return
    counts: dict[str, int] = {}
    for ref in refs:
        if ref.iso3 not in pair:
            counts[ref.iso3] = counts.get(ref.iso3, 0) + 1
    third = max(counts, key=lambda c: counts[c]) if counts else None
    for r in records:
        m = _THE_THREE.search(view, max(0, r.start - 80), r.start) if third is not None and set(r.parties) == set(pair) else None
        if m is not None and not any(m.start("gap") <= ref.start < r.start for ref in refs):
            r.parties = list(pair) + [third]
