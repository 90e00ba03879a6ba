"""Who a sum is for, when the words after it name the one it helps.

Money that is not a trade flow (a loan, a grant, seed money, an investment plan) was given to the
first country of its sentence, and the pair filled the other side. That first country is as often
the receiver: "Of the credit, $40 million will go toward upgrading Ghana's ports", "the two leaders
unveiled a $9 billion plan that can help Chile". English names the receiver of money after the sum
by its purpose ("help", "for ... in", "go toward"); the giver is then the other country of the pair.
A trade flow never reaches here: its own cue ("exports to", "imports from") sets its sides.
"""

from __future__ import annotations

import re

#: "will go toward the upgrade of @GHA's ports", "that can help @PAK", "for farm projects in @IND"
_FOR = re.compile(
    r"^[^.;§]{0,60}?\b(?:help|helps|helping|assist|assists|benefit|benefits|support|supports|"
    r"(?:go|goes|going|flow|flows)\s+(?:to|toward|towards|into)|projects?\s+in|push|boost|"
    r"development\s+of|upgrad(?:e|ing)(?:\s+of)?|rebuild(?:ing)?)\s+"
    r"(?:[\w'’-]+\s+){0,4}?(?:the\s+)?@([A-Z]{3,8})", re.I)


def receiver_after(right: str, pair: list[str]) -> tuple[str, str] | None:
    """``(giver, receiver)`` when the words after a sum name, by its purpose, which country of the
    pair the money is for; None when they do not (or the pair is not two countries)."""
    m = _FOR.match(right)
    if m is None or len(pair) != 2 or m.group(1) not in pair:
        return None
    return pair[1 - pair.index(m.group(1))], m.group(1)


#: "In order to modernise @KEN's farms, we will offer ...", "To help @GHA rebuild its ports, ...": a
#: purpose that opens the sentence names the receiver of the money told after it
_PURPOSE_FIRST = re.compile(
    r"^\W*(?:in\s+order\s+to|so\s+as\s+to|to)\s+(?:help|assist|support|modern[iy][sz]e|develop|boost|upgrade|"
    r"rebuild|improve|strengthen|finance|fund)\s+(?:(?:the|its|their)\s+)?@([A-Z]{3,8})", re.I)


def receiver_first(sentence_left: str, pair: list[str]) -> tuple[str, str] | None:
    """``(giver, receiver)`` when the sentence opens with the money's purpose naming one country of
    the pair ("In order to modernise Kenya's farms, we have chosen to offer ..."); else None."""
    m = _PURPOSE_FIRST.match(sentence_left)
    if m is None or len(pair) != 2 or m.group(1) not in pair:
        return None
    return pair[1 - pair.index(m.group(1))], m.group(1)
