"""Every column a reader sees has a label in words, not its code name.

Why: the report's yearly table showed ``ISR to JPN usd yoy`` (the growth columns' code names with
the underscores replaced) because the label rules knew ``ISR_to_JPN_yoy`` but the series names
growth ``<measure>_yoy``.
"""

from __future__ import annotations

import re

import pytest

from bilat.questions.labels import LABELS, label


def _spaced(column: str) -> str:
    spaced = column.replace("_", " ")
    return spaced[:1].upper() + spaced[1:]


@pytest.mark.parametrize(
    ("column", "expected"),
    [
        ("ISR_to_JPN_usd", "ISR → JPN"),
        ("ISR_to_JPN_usd_yoy", "ISR → JPN growth"),
        ("JPN_to_ISR_usd_yoy", "JPN → ISR growth"),
        ("total_usd_yoy", "Total growth"),
        ("balance_ISR_usd", "ISR's balance"),
    ],
)
def test_pair_series_columns_read_as_words(column: str, expected: str) -> None:
    assert label(column) == expected


def test_the_profile_series_has_no_code_names_left() -> None:
    from bilat.questions import profile

    flows = profile("ISR", "JPN").flows  # the embedded data
    shown = {c: label(c) for c in flows.columns}
    # a column no rule and no entry of LABELS knows falls back to its code name, spaced: "Foo yoy"
    unknown = {c: t for c, t in shown.items() if c != "year" and c not in LABELS and t == _spaced(c)}
    assert unknown == {}
    assert all(not re.search(r"\b(?:usd|yoy)\b", text, re.I) for text in shown.values()), shown


def test_no_heading_of_the_report_is_a_code_name() -> None:
    from bilat.report import build_report, render

    page = render(build_report("ISR", "JPN"), "html", self_contained=False)  # the embedded data
    headings = [h for h in re.findall(r"<th>(.*?)</th>", page) if h]
    assert headings
    assert [h for h in headings if "_" in h or re.search(r"\b(?:usd|yoy)\b", h, re.I)] == []
