"""The literal prefilters never turn a match into a miss (:mod:`bilat.news.prefilter`).

The property: whenever a pattern finds a match in a text, its guard lets the text through. Texts
are drawn from the patterns themselves (``from_regex``: a string holding a match), then spelled with
the characters that ``re.IGNORECASE`` equates with ASCII letters ("ı", "İ", "ſ", "K").
"""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import bilat.news.extract  # noqa: F401  (loads the extractors and guards their patterns)
from bilat.news.prefilter import Guarded, fold, guard, required_literals


def _guarded_patterns() -> list[tuple[str, Guarded]]:
    seen: dict[int, tuple[str, Guarded]] = {}
    for name, module in sorted(sys.modules.items()):
        if name.startswith("bilat.news.") and module is not None:
            for attr, value in vars(module).items():
                if isinstance(value, Guarded):
                    seen.setdefault(id(value), (f"{name}.{attr}", value))
    return list(seen.values())


GUARDED = _guarded_patterns()
_TWINS = ({ord("i"): "\u0131", ord("s"): "\u017f", ord("k"): "\u212a"}, {ord("I"): "\u0130", ord("i"): "\u0130"})


def test_the_extractors_patterns_are_guarded():
    assert len(GUARDED) > 100
    from bilat.news import agreement_words, agreements

    assert isinstance(agreement_words.SIGN, Guarded) and agreements.SIGN is agreement_words.SIGN
    assert ("sign", True) in required_literals(agreement_words.SIGN._re)


@pytest.mark.parametrize("name,guarded", GUARDED, ids=[n for n, _ in GUARDED])
@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_a_text_with_a_match_passes_the_guard(name, guarded, data):
    text = data.draw(st.from_regex(guarded._re))
    for variant in (text, *(text.translate(t) for t in _TWINS), text.upper(), text.swapcase()):
        if guarded._re.search(variant):
            assert guarded.may_match(variant), (name, variant)
            assert guarded.search(variant) is not None


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="signedSIGNED inkq1Q2hMayJan\u0131\u0130\u017f\u212a\u2019\u2013\u20ac'-$%"))
def test_random_text_never_loses_a_match(text):
    for _, guarded in GUARDED[:60]:
        assert bool(guarded._re.search(text)) <= guarded.may_match(text)
        assert list(m.span() for m in guarded.finditer(text)) == list(m.span() for m in guarded._re.finditer(text))


def test_fold_agrees_with_ignorecase_on_every_character():
    """Every non-ASCII character that IGNORECASE matches with an ASCII one folds to it (so a
    case-insensitive needle is found in the folded text); the guard relies on this."""
    letters = re.compile("[\x20-\x7e]", re.I)
    for code in range(0x80, 0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        ch = chr(code)
        if letters.fullmatch(ch):
            twin = next(a for a in map(chr, range(0x20, 0x7F)) if re.fullmatch(re.escape(a), ch, re.I))
            assert twin.lower() in fold("x" + ch + "x"), hex(code)


@pytest.mark.parametrize("pattern,flags,needles", [
    (r"\b(?:signed|signs?|signing)\b", re.I, {("sign", True)}),
    (r"(?-i:MoUs?)|memorand(?:um|a)", re.I, {("MoU", False), ("memorandum", True), ("memoranda", True)}),
    (r"\bH[12]\b", re.I, {("h1", True), ("h2", True)}),
    (r"[Tt]he\s+plan", 0, {("plan", False)}),
    (r"[Tt]he\s+pl", 0, {("the", True)}),
])
def test_needles_read_off_a_pattern(pattern, flags, needles):
    assert required_literals(re.compile(pattern, flags)) == needles


@pytest.mark.parametrize("pattern", [r"\d+", r"(?:abc)?\d", r"[a-z]+", r"(?:a|\d)", r"x*"])
def test_a_pattern_with_nothing_to_read_is_left_alone(pattern):
    compiled = re.compile(pattern)
    assert guard(compiled) is compiled


@settings(max_examples=400, deadline=None)
@given(text=st.text(alphabet=" \t\n,.ab", max_size=30))
def test_a_dangling_comma_always_has_its_tail(text):
    from bilat.news.cleaning import _DANGLING, _DANGLING_TAIL

    assert bool(_DANGLING.search(text)) <= bool(_DANGLING_TAIL.search(text))


@settings(max_examples=400, deadline=None)
@given(text=st.text(alphabet=" \t\nab,A\u00a0\u2028\x1c?", max_size=30))
def test_cleaning_shortcuts_agree_with_the_patterns(text):
    from bilat.news.cleaning import _BREAK_BEFORE_LOWER, _MID_SENTENCE_BREAK, _normalise_line

    assert bool(_MID_SENTENCE_BREAK.search(text)) <= bool(_BREAK_BEFORE_LOWER.search(text))
    assert _normalise_line(text) == re.sub(r"\s+", " ", text.replace("??", " ")).strip().lower()


def test_no_module_passes_a_guarded_pattern_to_the_re_functions():
    """``re.search(PATTERN, text)`` with a guarded module-level pattern would raise a TypeError
    (``re`` takes a string or a compiled pattern): patterns are called by their own methods."""
    import ast
    import inspect

    calls = {"search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "compile"}
    for name, module in sorted(sys.modules.items()):
        if not name.startswith("bilat.news.") or module is None:
            continue
        tree = ast.parse(inspect.getsource(module))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in calls
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "re" and node.args
                    and isinstance(node.args[0], ast.Name)):
                assert not isinstance(getattr(module, node.args[0].id, None), Guarded), (name, node.args[0].id)
