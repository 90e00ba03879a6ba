"""Who the sides of an agreement are when a sentence names more than the pair (round nine).

* the *subject* of a signing verb is the actor of a list of partners ("Besides Chile, Japan has
  signed deals with Peru, Mexico and ASEAN": Japan's deals, not Chile's), unless the subject is
  coordinated ("A and B have signed"), which names no single actor;
* a group described member by member is its bloc (a deal "with a grouping of four states", then
  Norway, Iceland, Switzerland and Liechtenstein, is one with EFTA).
"""

from __future__ import annotations

import re

#: "Besides Chile, Japan has signed ...": the pair member right before the verb is its subject
_SUBJECT_VERB = re.compile(r"@([A-Z]{3,8})(?:['’]s)?\s+(?:[a-z]+\s+){0,3}?(?:(?:has|have|had)\s+)?(?:also\s+|already\s+)?"
                           r"(?:signed|inked|concluded|clinched|sealed|struck)\b")


_COORDINATED = re.compile(r"@[A-Z]{3,8}\s+and\s+(?:the\s+)?$")


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
