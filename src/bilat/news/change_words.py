"""The words of a change: what makes a percentage a rise or a fall of a flow, and which way it went.

Why a module: the claim reader asked three patterns (a change verb or noun before the figure, a
change noun after it, a falling word near it) and each round added wording to them inside the
claim reader. English news prose states a change in a few fixed frames, and these are all of them:

* an intransitive verb right before the figure: "rose 5 percent", "fell by 3%";
* a transitive verb whose object, the flow, stands between it and "by": "Chile increased its imports
  from Ghana of cocoa by 45%", "Peru cut down its import bill from Chile by over 12 per cent"
  (the object may run to twelve words; a tariff, duty or tax cut is a rate, not a flow's change);
* a noun before "of" or "in ... by": "a dip of 20 percent", "a decrease in imports by 3 percent";
* a noun after the figure: "a 12.5 per cent decline".

A signed percentage in brackets right after a figure ("totaled $20 bln (+5%)") is that figure's
change: the sign is the only change word it has.

A fall is negative: the verb or noun of the frame decides it ("lost 2%", "slashing ... by 30
per cent"), else a falling word just around the figure, as before.
"""

from __future__ import annotations

import re

_RISE_VERBS = (
    r"rose|grew|increased|jumped|climbed|surged|soared|expanded|gained|(?<!make\s)(?<!made\s)(?<!makes\s)(?<!making\s)up|rises|grows|increases|jumps|climbs|surges|"
    r"soars|expands|gains|raise|raising|raised|boost|boosting|boosted|lift|lifting|lifted|increase|increasing|grow|"
    r"expand|rebounded|rebounds|rising|growing|jumping|climbing|soaring|surging|ballooned|balloons|widened|widens|"
    r"swelled|swells|deepened|deepens|grown|risen"  # the participles: "have grown 14 percent", "had risen by 3%"
)
_FALL_VERBS = (
    r"fell|declined|dropped|falls|declines|drops|slips|shrinks|plunges|decreased|slipped|shrank|contracted|down|"
    r"plunged|slumped|declining|decreasing|falling|dropping|shrinking|dipped|dips|tumbled|tumbles|slid|slides|sank|"
    r"sinks|plummeted|plummets|lost|loses|losing|cut|cuts|cutting|slashed|slashes|slashing|reduced|reduces|reducing|"
    r"lowered|trimmed|contracting|narrowed|narrows|fallen|shrunk|sunk"
)
#: a word of the object a change verb governs: never a rate (a tariff, a duty, a tax, a fee), never
#: "by" (the object ends at the first one) nor another change verb (the nearest verb is the frame)
_RATE = r"tariffs?|dut(?:y|ies)|tax(?:es)?|levies|levy|fees?|charges?|rates?|prices?|excise|VAT|quotas?"
_OBJECT_WORD = r"(?!(?:" + _RATE + "|by|" + _RISE_VERBS + "|" + _FALL_VERBS + r")\b)[\w@'-]+\s+"
#: the flow a transitive verb changes, before "by": a few words, or up to twelve when they name the flow
_FLOW_WORD = r"(?:export|import)\w*|trade|commerce|turnover|shipments|sales|purchases|deliveries|supplies|surplus|deficit"
_OBJECT = (r"(?:(?:" + _OBJECT_WORD + r"){0,3}?by\s+|(?=(?:" + _OBJECT_WORD + r"){0,11}?(?:" + _FLOW_WORD + r")\b)(?:"
           + _OBJECT_WORD + r"){4,12}?by\s+)?")
_HEDGE = r"(?:(?:about|some|nearly|almost|over|around|a\s+sharp|a\s+steep|a\s+whopping|a\s+mere)\s+)*"
#: "growing at 19.1 percent per year", "rising at a rate of 4%": the pace of a change
_AT_RATE = r"(?:at\s+(?:an?\s+(?:(?:annual|yearly|average|compound)\s+){0,2}rate\s+of\s+)?" + _HEDGE + r")?"
GROWTH_BEFORE = re.compile(
    r"\b(?P<verb>" + _RISE_VERBS + "|" + _FALL_VERBS + r")\s+" + _OBJECT + _HEDGE + _AT_RATE + r"$"
    r"|\b(?:an?\s+)?(?P<noun>increase|rise|growth|jump|gain|decrease|decline|drop|fall|reduction|dip|slump|plunge|loss)"
    r"\s+(?:of|in\s+(?:[\w@'-]+\s+){1,4}?by)\s+" + _HEDGE + r"$",
    re.I,
)
GROWTH_AFTER = re.compile(
    r"^\s*(?:an?\s+)?(?:(?:annual|yearly|interannual|year-on-year|monthly|month-on-month|quarterly)\s+)?"  # "a 4% annual decrease"
    r"(?P<noun>increase|rise|growth|jump|gain|surge|expansion|decline|drop|fall|decrease|contraction|dip|"
    r"(?:more|higher|less|lower|fewer)\s+than|up\b|down\b|year[- ]on[- ]year|y-o-y)",
    re.I,
)
FALL = re.compile(r"\b(?:negative\s+growth|dipped|dips|tumbled|tumbles|slid|slides|sank|sinks|plummeted|plummets|less\s+than|"
                  r"lower\s+than|fewer\s+than|fell|declined|dropped|decreased|slipped|shrank|contracted|down|plunged|slumped|"
                  r"decline|drop|falls|declines|drops|slips|shrinks|plunges|slumps|decreases|declining|decreasing|falling|"
                  r"dropping|shrinking|fall|decrease|contraction|dip|lost|loses|fallen|shrunk|sunk)\b", re.I)
_FALLING = re.compile(r"(?:" + _FALL_VERBS + r"|decrease|decline|drop|fall|reduction|dip|slump|plunge|loss)", re.I)


#: the nouns after a figure that tell a rise ("a 12 percent rise"), against those that tell a fall
_RISING_AFTER = re.compile(r"increase|rise|growth|jump|gain|surge|expansion|up|more\s+than|higher\s+than", re.I)


def is_fall(left: str, right: str) -> bool:
    """Whether the change told around a percentage (``left`` and ``right`` of it in its clause) is a fall.

    Why the frame first: the verb or noun that tells the change ("rose 12 percent", "a 12 percent
    rise") decides its sign; a falling word elsewhere in the clause ("though Peru lost ground",
    "which had lost momentum") is about something else. Only a frame with no sign of its own
    ("12 percent year on year") leaves it to a falling word just around the figure.
    """
    frame = GROWTH_BEFORE.search(left)
    if frame is not None:  # ("a negative growth of 12%": the sign written before the noun)
        return bool(_FALLING.fullmatch(frame.group("verb") or frame.group("noun"))
                    or re.search(r"\bnegative\s+$", left[: frame.start("noun")] if frame.group("noun") else ""))
    after = GROWTH_AFTER.match(right)
    if after is not None and _RISING_AFTER.fullmatch(after.group("noun")):
        return False
    return bool(FALL.search(left[-40:] + " " + right[:30]))


_SIGNED_AFTER = re.compile(r"\s*\(\s*(?P<sign>[+\-−–])\s*")


def bracketed_change(between: str) -> int | None:
    """+1 or -1 when the text between a figure and a percentage (``between``) opens a bracket with a
    sign ("$20 bln (+5%)"), else None."""
    m = _SIGNED_AFTER.fullmatch(between)
    return None if m is None else (1 if m.group("sign") == "+" else -1)
