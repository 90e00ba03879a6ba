"""HS chapter 99 (BACI's "commodities not specified according to kind") belongs to no section.

One such row made the whole by-section composition fail with an error (seen on a synthetic BACI
release in the dashboard); it is now kept, under its own label, with its value.
"""

from __future__ import annotations

import pandas as pd

from bilat.analytics.profile import OTHER_SECTION as UNSECTIONED
from bilat.questions.products import _describe, section_or_unsectioned


def test_a_chapter_outside_every_section_is_labelled_not_an_error():
    assert section_or_unsectioned("99") == (UNSECTIONED, "Commodities not specified according to kind (HS 99)")
    assert section_or_unsectioned("84")[0] == "XVI"


def test_the_section_view_keeps_the_value_of_unsectioned_rows():
    frame = pd.DataFrame({"year": [2017] * 3, "exporter": ["AAA"] * 3, "importer": ["BBB"] * 3,
                          "hs_code": ["84", "85", "99"], "value_usd": [10.0, 5.0, 2.0]})
    out = _describe(frame, "section")
    assert out.value_usd.sum() == 17.0
    assert dict(zip(out.section, out.value_usd, strict=True)) == {"XVI": 15.0, UNSECTIONED: 2.0}
