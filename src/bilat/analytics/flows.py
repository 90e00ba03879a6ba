"""Bilateral goods flows between two countries, from whichever sources are loaded.

Sources measure the same flow differently, so they are never added together. Each candidate
source gives its own series, labelled with what it measures; :func:`choose_source` then picks one
series for the whole span (mixing sources year by year would make growth rates meaningless):

========== ============================================ ===========================================
priority   source                                       what a row is
========== ============================================ ===========================================
1          ``baci`` (product_flows)                      CEPII's reconciled flow, sum of HS6 lines
2          ``comtrade`` TOTAL rows (product_flows)       the exporter's declared exports (FOB)
3          ``imf_dots`` (country_flows)                  the exporter's declared exports (FOB)
========== ============================================ ===========================================

Both directions come from the *exporter's* declaration in sources 2 and 3, so "A's imports from B"
is B's reported exports to A: a mirror figure, FOB, not A's own CIF import statistic. The
``basis`` column says so on every row.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bilat.analytics._ibis import ibis  # imported on first use (see the module)
import pandas as pd

from bilat.analytics import selection
from bilat.analytics.years import parse_years  # noqa: F401 - its home before; callers import it from here
from bilat.sources.traits import BUILTIN_TRAITS

#: The built-in order (baci, comtrade, imf_dots); the rule itself is each source's declared priority.
SOURCE_PRIORITY = tuple(t.name for t in sorted(BUILTIN_TRAITS.values(), key=lambda t: t.priority) if t.answers_flows)

#: What one figure of each built-in source measures (``basis`` column); from the sources' traits.
BASIS = {name: t.basis for name, t in BUILTIN_TRAITS.items() if t.answers_flows}


def bilateral_flows(
    tables: Mapping[str, ibis.Table],
    a: str,
    b: str,
    years: tuple[int, int] | None = None,
    sources: Sequence[str] | None = None,
) -> ibis.Table:
    """Yearly A→B and B→A totals from every candidate source, one row per (source, year, direction).

    Columns: source, year, exporter, importer, value_usd. Each source's total is formed as its
    traits declare (:func:`bilat.analytics.selection.pair_totals`).
    """
    return selection.pair_totals(tables, a, b, years, sources)


def choose_source(frame: pd.DataFrame, prefer: str | None = None) -> str | None:
    """The source to report: ``prefer`` if it has rows, else the best by declared priority."""
    return selection.choose_source(frame, prefer)


def label(frame: pd.DataFrame) -> pd.DataFrame:
    """Add the ``basis`` column that says what each value measures."""
    out = frame.copy()
    out["basis"] = out["source"].map(selection.basis_of)
    return out


def wide(frame: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
    """One row per year: A→B, B→A, total and A's balance (for tables and charts)."""
    ab = frame[(frame.exporter == a) & (frame.importer == b)].set_index("year")["value_usd"]
    ba = frame[(frame.exporter == b) & (frame.importer == a)].set_index("year")["value_usd"]
    years = sorted(set(ab.index) | set(ba.index))
    out = pd.DataFrame({"year": years})
    out[f"{a}_to_{b}_usd"] = [ab.get(y) for y in years]
    out[f"{b}_to_{a}_usd"] = [ba.get(y) for y in years]
    out["total_usd"] = out[f"{a}_to_{b}_usd"].astype(float) + out[f"{b}_to_{a}_usd"].astype(float)
    out[f"balance_{a}_usd"] = out[f"{a}_to_{b}_usd"].astype(float) - out[f"{b}_to_{a}_usd"].astype(float)
    return out
