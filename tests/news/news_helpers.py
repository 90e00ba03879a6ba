"""What the news rule tests share: the claim of a value in an extraction.

Why a module: the round tests each looked up "the claim of $X" the same way; one lookup keeps the
tolerance and the failure message (every claim read, so a miss says what was found) alike.
"""

from __future__ import annotations


def claim_of(got, value: float):  # noqa: ANN001, ANN201 - an Extraction in, one of its claims out
    """The first claim of ``got`` whose value is ``value`` (relative tolerance 1e-6); fails with the
    claims that were read when there is none."""
    found = [c for c in got.claims if c.value is not None and abs(c.value - value) < 1e-6 * max(1, abs(value))]
    assert found, f"no claim of {value}: {[(c.text, c.value) for c in got.claims]}"
    return found[0]


def sides_of(text: str, value: float, published):  # noqa: ANN001, ANN201 - a date in, (from, to) out
    """``(from_, to)`` of the claim of ``value`` read from ``text`` published on ``published``."""
    from bilat.news.extract import extract

    claim = claim_of(extract(text, published=published), value)
    return claim.from_, claim.to
