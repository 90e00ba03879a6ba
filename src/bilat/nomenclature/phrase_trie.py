"""One regex for a long list of literal phrases, factored by common beginnings, same matches.

Why: a flat alternation of ~900 country phrases ("Saudi Arabia|South Africa|Sudan|...") makes the
regex engine try every phrase at every position of the text. Factored by first character (then
second, ...), "S(?:audi Arabia|outh Africa|udan)", it tries one branch per character read.

The factoring keeps the flat alternation's choice: at one position only the phrases that begin
with the character there can match, in their original order, so grouping them by that character
changes nothing; a phrase that ends at a node (followed only by its tail, such as an optional
possessive) is a barrier, so phrases listed after it stay after it. Characters other than ``'``
are literal and ``'`` stands for both apostrophes, which is why no phrase may hold "’" (the caller
keeps the flat alternation then); with ``apostrophes=False`` every character is literal. ``after_first`` is put after each phrase's first character: a
look-behind there (instead of before the whole alternation) lets the engine skip at once to
positions where some phrase can begin.
"""

from __future__ import annotations

import re

APOSTROPHE = "['\u2019]"


def token(ch: str, apostrophes: bool = True) -> str:
    """The regex for one phrase character (both apostrophes for ``'`` unless ``apostrophes`` is False)."""
    return APOSTROPHE if ch == "'" and apostrophes else re.escape(ch)


def factored_alternation(alternatives: list[tuple[str, str]], after_first: str = "", apostrophes: bool = True) -> str:
    """``(phrase, tail)`` pairs, in the order a flat alternation would try ``token(phrase) + tail``,
    as one factored alternation (without the enclosing group)."""
    if any(not phrase or apostrophes and "\u2019" in phrase for phrase, _ in alternatives):
        raise ValueError("a phrase is empty or holds a right single quote: keep the flat alternation")
    return _node([(phrase, tail) for phrase, tail in alternatives], after_first, apostrophes)


def flat_alternation(alternatives: list[tuple[str, str]], apostrophes: bool = True) -> str:
    """The same phrases as a plain alternation: what :func:`factored_alternation` must equal."""
    return "|".join("".join(token(ch, apostrophes) for ch in phrase) + tail for phrase, tail in alternatives)


def _node(items: list[tuple[str, str]], after_first: str, apostrophes: bool) -> str:
    out: list[str] = []
    groups: dict[str, list[tuple[str, str]]] = {}
    for rest, tail in items:
        if rest:
            groups.setdefault(rest[0], []).append((rest[1:], tail))
            continue
        out += _flush(groups, after_first, apostrophes)  # a phrase ends here: those before it stay before it
        groups = {}
        out.append(tail)
    out += _flush(groups, after_first, apostrophes)
    return "|".join(out)


def _flush(groups: dict[str, list[tuple[str, str]]], after_first: str, apostrophes: bool) -> list[str]:
    out = []
    for ch, sub in groups.items():
        inner = _node(sub, "", apostrophes)
        out.append(token(ch, apostrophes) + after_first + (f"(?:{inner})" if "|" in inner else inner))
    return out
