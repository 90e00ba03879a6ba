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


#: "a deficit of $300 million against a small surplus of $90 million": the second balance of a
#: comparison, with the kind of the first one before it
_COMPARED = re.compile(r"\b(?P<first>surplus|deficit|gap)\b(?:(?!\b(?:surplus|deficit|gap)\b).)*?\b(?:compared\s+(?:to|with)|"
                       r"against|versus|from|after)\s+(?:an?\s+)?(?:[a-z]+\s+){0,2}?(?P<second>surplus|deficit)\s+(?:of\s+)?"
                       r"(?:about\s+|some\s+|nearly\s+)?$", re.I)


def compared_balance(left: str, previous_sides: tuple[str | None, str | None] | None) -> tuple[str | None, str | None] | None:
    """The sides of a balance compared with the one told just before it in the sentence: the same
    holder's, so the same way for the same kind and the other way for a surplus against a deficit
    (``previous_sides`` are that balance's ``(from, to)``)."""
    m = _COMPARED.search(left)
    if m is None or previous_sides is None or None in previous_sides:
        return None
    same = (m.group("first").lower() == "surplus") == (m.group("second").lower() == "surplus")
    return previous_sides if same else (previous_sides[1], previous_sides[0])


def balance_change_sides(left: str, right: str, pair: list[str]) -> tuple[str | None, str | None] | None:
    """The sides of a change of a balance ("X's trade deficit with Y ballooned by 25 per cent"): the
    balance's own, when the clause names its holder and its partner, and no flow is named between the
    balance and the figure ("Worried by Peru's deficit with Chile, Peruvian exporters raised their
    sales to Chile by 6 percent" is the change of those sales)."""
    words = list(_WORD.finditer(left[-80:]))
    if not words or _FLOW_NAMED.search(left[-80:][words[-1].end() :]):
        return None
    return balance_sides(left, right, pair)


_FLOW_NAMED = re.compile(r"\b(?:exports?|imports?|sales|shipments|purchases|deliveries|exporters|importers|trade)\b", re.I)


#: "a positive balance of trade with Peru", "a negative balance of $N for Chile": a
#: surplus or a deficit told by the sign of the balance
_SIGNED = re.compile(r"\b(?P<sign>positive|negative|favou?rable|unfavou?rable|adverse)\s+(?:(?:mutual|bilateral)\s+)?"
                     r"(?:trade\s+)?balance(?:\s+of\s+trade)?(?P<rest>[^.;$\d]{0,50})$", re.I)
_FOR = re.compile(r"\bfor\s+(?:the\s+)?@(?P<iso>[A-Z]{3,8})\b")
_WITH = re.compile(r"\b(?:with|against)\s+(?:the\s+)?@(?P<iso>[A-Z]{3,8})\b")


def signed_balance(left: str, right: str, pair: list[str]) -> tuple[str, str] | None:
    """``(from, to)`` of a balance told as positive (a surplus of its holder) or negative (a deficit):
    the holder is the country "for" which it is told, else the pair's side other than the partner
    "with" which it is told."""
    m = _SIGNED.search(left[-90:])
    if m is None or len(pair) != 2:
        return None
    holder = _FOR.search(m.group("rest")) or _FOR.search(right[:40])
    partner = _WITH.search(m.group("rest")) or _WITH.search(right[:50])  # "a positive balance of $N in its trade with Y"
    if holder is not None and holder.group("iso") in pair:
        h = holder.group("iso")
        p = partner.group("iso") if partner is not None and partner.group("iso") != h else pair[1 - pair.index(h)]
    elif partner is not None and partner.group("iso") in pair:
        p = partner.group("iso")
        h = pair[1 - pair.index(p)]
    else:
        return None
    return (h, p) if m.group("sign").lower() in ("positive", "favourable", "favorable") else (p, h)
