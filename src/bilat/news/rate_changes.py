"""Percentages that are a change because of how they are written, not because of a change word.

Why a module of its own: the growth rules of :mod:`.claims` look for a verb or noun of change
("rose 12 percent", "a 12 percent fall"). Real pages also write a change with its sign alone
("(-8.4% between 2030 and 2031)"), or let a second rate share the change word of the first ("a
fall of 6.5% in exports and 9.5% in imports"), and name the flow right after the rate ("in
exports"), where the nearest flow word before it is about something else ("a drop in trade ...").
"""

from __future__ import annotations

import re

from bilat.news.model import Claim

#: a sign written on a percentage: "(-13.5%", "a change of +4.2%" (not the hyphen of "2022-13%")
_SIGNED_RATE = re.compile(r"(?:^|[\s(\[])([-−+])$")
#: the flow a change is of, named right after the rate: "6.5% in exports", "9.5% in Peruvian imports"
_IN_FLOW = re.compile(r"^\s*in\s+(?:(?:its|their|the)\s+)?(?:@[A-Z]{3,8}(?:'s)?\s+)?(?:exports|imports|shipments|purchases)\b")
#: between two rates of one change: "6.5% in exports and ", "4% in imports, while "
_AND_RATE = re.compile(r"\s*in\s+(?:(?:its|their|the)\s+)?(?:[\w'-]+\s+)?(?:exports|imports|shipments|purchases),?\s+"
                       r"(?:and|while)\s+(?:of\s+|by\s+)?")


def names_flow(right: str) -> bool:
    """Whether the words right after a rate name the flow it is a change of ("6.5% in exports")."""
    return _IN_FLOW.match(right) is not None


def change_sign(sentence: str, start: int, at: int, right: str, previous: Claim | None) -> int | None:
    """+1 or -1 when a percentage is a change by its writing, else None.

    ``sentence`` is its sentence's text (starting at offset ``start`` of the article), ``at`` the
    rate's place in it, ``right`` the rate's clause after it, ``previous`` the claim before it.
    """
    if previous is not None and previous.end >= start and previous.measure == "growth" and previous.unit == "percent" \
            and names_flow(right) and _AND_RATE.fullmatch(sentence[previous.end - start : at]):
        return -1 if (previous.value or 0) < 0 else 1  # the second rate of "a fall of 6.5% in X and 9.5% in Y"
    signed = _SIGNED_RATE.search(sentence[:at])
    if signed is not None:
        return 1 if signed.group(1) == "+" else -1
    return None
