"""Which way a trade balance runs: the holder of a deficit buys more than it sells.

Why: a balance figure used to take its origin from the last country named before it, which is
right for "X's surplus" and for "a deficit with Y of $N" but backwards for "X's deficit with Y was
$N" and "X experienced a deficit of $N in trade with Y": in a deficit the goods flow *into* the
holder, from the partner named after "with" (or "against"); in a surplus they flow *from* the
holder to that partner. "Gap" is read as a deficit (the usual "trade gap with India").
"""

from __future__ import annotations

import re

_WORD = re.compile(r"\b(?P<kind>surplus|deficit|gap)\b", re.I)
#: the holder: a country right before the balance word, with at most a few words between and no other country
_HOLDER = re.compile(r"(?<!with )(?<!against )(?<!from )(?<!to )@(?P<iso>[A-Z]{3,8})(?:'s|’s)?\s+(?:(?!@)[\w$.,-]+\s+){0,6}?$")
_PARTNER = re.compile(r"^(?:(?!@)[^.;])*?\b(?:with|against|vis-[aà]-vis)\s+(?:the\s+)?@(?P<iso>[A-Z]{3,8})\b")


def balance_sides(left: str, right: str, pair: list[str]) -> tuple[str | None, str | None] | None:
    """``(from, to)`` of a balance figure from the tagged clause around it (``left`` ends at the
    amount, ``right`` starts after it), or None when no holder-and-partner reading applies."""
    words = list(_WORD.finditer(left[-80:]))
    if words:
        w = words[-1]
        head, tail = left[-80:][: w.start()], left[-80:][w.end():] + " " + right[:80]
    else:
        w = _WORD.match(right.lstrip()[:40]) or re.match(r"^\s*(?:trade\s+)?(?P<kind>surplus|deficit)\b", right, re.I)
        if w is None:
            return None
        head, tail = left, right[w.end():]
    holder_m = _HOLDER.search(head)
    partner_m = _PARTNER.match(tail)
    holder = holder_m.group("iso") if holder_m else None
    partner = partner_m.group("iso") if partner_m else None
    if holder is None or partner is None or holder == partner:
        return None  # one side only: the older reading (and the pair) decide
    if w.group("kind").lower() == "surplus":
        return holder, partner
    return partner, holder
