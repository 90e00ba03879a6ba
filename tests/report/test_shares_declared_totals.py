"""The report says in words which declared total the second share divides by, for which years."""

from __future__ import annotations

import pandas as pd

from bilat.report.sections.shares import _declared_totals


def test_the_sentence_names_sources_years_and_the_latest_shares() -> None:
    rows = pd.DataFrame({
        "country": ["AAA", "AAA", "AAA"], "side": ["imports", "imports", "imports"], "partner": ["BBB"] * 3,
        "year": [2013, 2014, 2015], "reported_source": ["cow", "comtrade_world", "comtrade_world"],
        "share_of_reported": [0.010, 0.012, 0.0125],
    })
    text = _declared_totals(rows)
    assert "AAA's imports 2014-2015 from UN Comtrade totals with the World" in text
    assert "AAA's imports 2013 from Correlates of War" in text
    assert "other years have the mirror share only" in text
    assert text.endswith("In 2015: BBB in AAA's imports 1.25 %.")
    assert "imports_total_usd" not in text and "share_of_reported" not in text
