"""Literal prefilters for regexes: skip a scan that cannot match, with the same result.

Why: the news extractors run a few hundred patterns over every sentence, and most sentences hold
none of a pattern's words; the regex engine still tries the pattern at every position. Every match
of, say, ``\\b(?:signed|signs?|signing|inked)\\b`` contains "sign" or "inked", and a substring test
is far cheaper than the scan. :func:`required_literals` reads such needles off the pattern itself
(its parse tree), so they stay right when the pattern is edited; :func:`guard` wraps a compiled
pattern so that ``search``, ``finditer`` and ``findall`` return no match at once when no needle is
in the text, and ask the pattern otherwise. A pattern with no needles to read is left as it is.

Case-insensitive needles are looked for in :func:`fold` of the text: the text lower-cased, with the
four characters that ``re.IGNORECASE`` equates with an ASCII letter but ``str.lower`` does not
("İ", "ı", "ſ"; "K" lower-cases to "k" already) mapped to that letter. Needles are ASCII there.

A guarded pattern is not an ``re.Pattern``: call its own methods (``PATTERN.search(text)``), not
``re.search(PATTERN, text)``, which raises a TypeError (a test reads the news modules for it).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import lru_cache

import _sre
from re import _constants as c
from re import _parser

Char = tuple[str, bool]  # a literal character and whether it matches case-insensitively
Needle = tuple[str, bool]  # a substring every match contains, and whether it is looked for in fold(text)


@dataclass(frozen=True)
class _Info:
    exact: tuple[Char, ...] | None  # the node always consumes exactly these characters
    req: frozenset[Needle] | None  # one of these is inside every match of the node
    lead: frozenset[tuple[Char, ...]] | None  # every match of the node starts with one of these


_NONE = _Info(None, None, None)
_EMPTY = _Info((), None, None)
_REPEATS = (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT))


@lru_cache(maxsize=64)
def fold(text: str) -> str:
    """``text`` as case-insensitive needles are looked for in it: lower-cased, in ASCII (cached: one
    sentence is asked about by many patterns in a row)."""
    low = text.lower()
    if low.isascii():
        return low
    # "İ".lower() is "i" + U+0307; "ı" and "ſ" match "i" and "s" under re.IGNORECASE
    return _to_ascii(low.replace("\u0307", "").replace("\u0131", "i").replace("\u017f", "s"))


@lru_cache(maxsize=64)
def ascii_only(text: str) -> str:
    """``text`` with every non-ASCII character replaced by "?": an ASCII needle is in it wherever it
    is in ``text``. Why: ``needle in text`` is several times slower when the text holds a character
    the needle's string kind cannot (a curly quote in a sentence), and most needles are ASCII."""
    return _to_ascii(text)


def _to_ascii(text: str) -> str:
    return text if text.isascii() else text.encode("ascii", "replace").decode("ascii")


def required_literals(pattern: re.Pattern[str]) -> frozenset[Needle] | None:
    """Needles of which every match of ``pattern`` contains at least one; None when none are known."""
    if not isinstance(pattern.pattern, str):
        return None
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # pragma: no cover - a pattern that compiled parses again
        return None
    return _seq(list(parsed.data), bool(parsed.state.flags & re.IGNORECASE)).req


def _char(code: int, ci: bool) -> _Info:
    ch = chr(code)
    if not ci or (not ch.isascii() and not _sre.unicode_iscased(code)):
        return _Info(((ch, False),), None, None)
    if ch.isascii():
        return _Info(((ch.lower(), True),), None, None)
    return _NONE  # a cased non-ASCII letter under IGNORECASE: its variants are not folded here


def _node(op, av, ci: bool) -> _Info:
    if op is c.LITERAL:
        return _char(av, ci)
    if op is c.IN:
        return _set(av, ci)
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return _EMPTY  # zero width: the characters around it are consumed one after the other
    if op is c.SUBPATTERN:
        _, add, drop, sub = av
        inner = (ci or bool(add & re.IGNORECASE)) and not drop & re.IGNORECASE
        return _seq(list(sub.data), inner)
    if op is getattr(c, "ATOMIC_GROUP", None):
        return _seq(list(av.data), ci)
    if op is c.BRANCH:
        return _branch([_seq(list(alt.data), ci) for alt in av[1]])
    if op in _REPEATS:
        low, _, sub = av
        if low == 0:
            return _NONE
        info = _seq(list(sub.data), ci)
        if av[1] == 1 and low == 1:
            return info
        return _Info(None, info.req, info.lead if info.exact is None else frozenset({info.exact}))
    return _NONE


def _set(items: list, ci: bool) -> _Info:
    """A character class of a few literal characters ("[Tt]", "[12]", "[1-4]"): one character, or
    a choice between a few, like a branch; any other class is not read."""
    codes: set[int] = set()
    for op, av in items:
        if op is c.LITERAL:
            codes.add(av)
        elif op is c.RANGE and av[1] - av[0] < 10:
            codes.update(range(av[0], av[1] + 1))
        else:
            return _NONE
    if not codes or len(codes) > 10:
        return _NONE
    chars = {chr(x) for x in codes}
    if all(ch.isascii() for ch in chars) and len({ch.lower() for ch in chars}) == 1:  # [Tt]
        return _Info(((chars.pop().lower(), True),), None, None)
    if len(codes) == 1:
        return _char(codes.pop(), ci)
    return _branch([_char(x, ci) for x in sorted(codes)])


def _branch(alts: list[_Info]) -> _Info:
    req: frozenset[Needle] | None = None
    if all(a.req for a in alts):
        req = _minimal(frozenset().union(*(a.req for a in alts)))
    lead = None
    if all(a.exact is not None or a.lead for a in alts):
        lead = frozenset().union(*({a.exact} if a.exact is not None else a.lead for a in alts))
    return _Info(None, req, lead)


def _seq(items: list, ci: bool) -> _Info:
    candidates: list[frozenset[Needle]] = []
    run: list[Char] = []
    exact: list[Char] | None = []
    lead: frozenset[tuple[Char, ...]] | None = None
    for op, av in items:
        info = _node(op, av, ci)
        if info.exact is not None:
            run += info.exact
            if exact is not None:
                exact += info.exact
            continue
        if exact is not None:
            lead = frozenset(tuple(exact) + more for more in info.lead) if info.lead else frozenset({tuple(exact)})
        exact = None
        if info.lead:
            joined = [_needles(tuple(run) + more) for more in info.lead]
            if all(joined):  # the run and each way the node begins: "s" + "igned" / "et"
                candidates.append(frozenset(found[0] for found in joined))
        candidates += [frozenset(_needles(tuple(run))[:1])] if run else []
        candidates += [info.req] if info.req else []
        run = []
    if run:
        candidates.append(frozenset(_needles(tuple(run))[:1]))
    if exact is not None:
        return _Info(tuple(exact), _best(candidates), None)
    return _Info(None, _best(candidates), lead)


def _needles(chars: tuple[Char, ...]) -> list[Needle]:
    """Needles read from one run of consecutive literal characters, longest first (a run that
    mixes folded ASCII with case-sensitive non-ASCII characters gives its pieces)."""
    pieces: list[Needle] = []
    for kind in ("ascii", "raw"):
        part: list[Char] = []
        for ch, folded in (*chars, ("", None)):
            ok = folded is not None and (ch.isascii() if kind == "ascii" else not folded)
            if ok:
                part.append((ch, folded))
                continue
            if part:
                anyfold = any(f for _, f in part)
                text = "".join(x.lower() if anyfold else x for x, _ in part)
                pieces.append((text, anyfold))
            part = []
    return sorted(set(pieces), key=lambda n: -len(n[0]))


def _best(candidates: list[frozenset[Needle]]) -> frozenset[Needle] | None:
    usable = [s for s in candidates if s and all(n for n, _ in s)]
    if not usable:
        return None
    return max(usable, key=lambda s: (min(len(n) for n, _ in s), -len(s)))


def _minimal(needles: frozenset[Needle]) -> frozenset[Needle]:
    """Drop a needle that holds another (if the longer is in the text, so is the shorter)."""
    def covers(short: Needle, long: Needle) -> bool:
        if short[1]:  # a folded needle is in fold(text) whenever the longer one is there, either way
            return short[0] in (long[0].lower() if long[0].isascii() else "\0")
        return not long[1] and short[0] in long[0]
    return frozenset(n for n in needles if not any(o != n and covers(o, n) for o in needles))


class Guarded:
    """A compiled pattern that answers "no match" without scanning when none of its needles is in
    the text; every other attribute is the pattern's own."""

    __slots__ = ("_re", "_raw", "_raw_ascii", "_folded")

    def __init__(self, pattern: re.Pattern[str], needles: frozenset[Needle]) -> None:
        self._re = pattern
        self._raw = tuple(sorted(n for n, f in needles if not f and not n.isascii()))
        self._raw_ascii = tuple(sorted(n for n, f in needles if not f and n.isascii()))
        self._folded = tuple(sorted(n for n, f in needles if f))

    def may_match(self, text: str) -> bool:
        """False only when no match is possible in ``text``. (Plain loops: this runs some forty
        thousand times per hundred articles, and ``any(map(...))`` costs more for a few needles.)"""
        for needle in self._raw:
            if needle in text:
                return True
        if self._raw_ascii:
            haystack = ascii_only(text)
            for needle in self._raw_ascii:
                if needle in haystack:
                    return True
        if self._folded:
            haystack = fold(text)
            for needle in self._folded:
                if needle in haystack:
                    return True
        return False

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self._re.search(string, pos, endpos) if self.may_match(string) else None

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize):
        return self._re.finditer(string, pos, endpos) if self.may_match(string) else iter(())

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list:
        return self._re.findall(string, pos, endpos) if self.may_match(string) else []

    def __getattr__(self, name: str):
        return getattr(self._re, name)

    def __repr__(self) -> str:
        return f"guard({self._re!r})"


def guard(pattern: re.Pattern[str]) -> re.Pattern[str] | Guarded:
    """``pattern`` behind its literal prefilter, or ``pattern`` itself when it has no needles."""
    needles = required_literals(pattern)
    return pattern if not needles else Guarded(pattern, needles)


def guard_modules(prefix: str) -> int:
    """Put every module-level compiled pattern of the loaded modules named ``prefix``… behind its
    prefilter, in place (also those held in a module-level list, alone or in tuples such as
    ``(kind, pattern)``); returns how many places now hold a guarded pattern.

    Why in place and from one call: the rule modules keep plain ``re.compile`` (they are edited
    often, and a wrapper on each line would be one more thing to get right there), and a pattern
    imported by name into another module (``from .agreement_words import SIGN``) gets the same
    guarded object, since the same pattern object is replaced everywhere it is bound.
    """
    modules = [m for name, m in sorted(sys.modules.items()) if name.startswith(prefix) and m is not None]
    cache: dict[int, re.Pattern[str] | Guarded] = {}
    count = 0
    for module in modules:
        for name, value in list(vars(module).items()):
            if isinstance(value, re.Pattern):
                new = _guarded(value, cache)
                if new is not value:
                    setattr(module, name, new)
                    count += 1
            elif isinstance(value, list):
                for i, item in enumerate(value):
                    new = _guarded(item, cache)
                    if new is not item:
                        value[i] = new
                        count += 1
    return count


def _guarded(item, cache: dict[int, re.Pattern[str] | Guarded]):
    """``item`` with its pattern(s) guarded: a pattern, or a tuple holding patterns; else itself."""
    if isinstance(item, re.Pattern):
        if id(item) not in cache:
            cache[id(item)] = guard(item)
        return cache[id(item)]
    if isinstance(item, tuple) and any(isinstance(x, re.Pattern) for x in item):
        new = tuple(_guarded(x, cache) for x in item)
        return item if all(a is b for a, b in zip(new, item)) else new
    return item
