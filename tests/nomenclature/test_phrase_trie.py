"""A factored phrase alternation finds exactly what the flat one finds (:mod:`bilat.nomenclature.phrase_trie`)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilat.nomenclature.mentions import _matcher
from bilat.nomenclature.phrase_trie import factored_alternation, flat_alternation

_TAILS = ("", "s?", "(?:['\u2019]s)?", "(?:['\u2019])?")
_phrases = st.lists(st.text(alphabet="AaBb. '-", min_size=1, max_size=5), min_size=1, max_size=12, unique=True)


def _spans(pattern: str, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(pattern, text)]


@settings(max_examples=400, deadline=None)
@given(phrases=_phrases, tails=st.lists(st.sampled_from(_TAILS), min_size=12, max_size=12),
       text=st.text(alphabet="AaBb. '\u2019sx-", max_size=40), longest_first=st.booleans(),
       apostrophes=st.booleans(), before=st.sampled_from([r"\w", r"\w-"]))
def test_same_matches_as_the_flat_alternation(phrases, tails, text, longest_first, apostrophes, before):
    if longest_first:  # the order the finders use; any other order must hold too
        phrases = sorted(phrases, key=lambda p: (-len(p), p))
    pairs = list(zip(phrases, tails))
    flat = rf"(?<![{before}])(?:" + flat_alternation(pairs, apostrophes) + r")(?![\w])"
    factored = r"(?:" + factored_alternation(pairs, rf"(?<![{before}][\s\S])", apostrophes) + r")(?![\w])"
    assert _spans(factored, text) == _spans(flat, text)
    assert _spans(factored_alternation(pairs, apostrophes=apostrophes), text) == _spans(
        flat_alternation(pairs, apostrophes), text)


def test_a_right_quote_in_a_phrase_is_refused():
    with pytest.raises(ValueError):
        factored_alternation([("Cote d\u2019Ivoire", "")])


def test_country_mentions_use_the_factored_pattern():
    pattern = _matcher().pattern.pattern
    assert not pattern.startswith(r"(?<![\w])")  # the flat fallback starts with its look-behind
    assert [m.group() for m in _matcher().pattern.finditer("Israel’s and the United States' trade, Israelis")] == [
        "Israel’s", "United States'", "Israelis"]
