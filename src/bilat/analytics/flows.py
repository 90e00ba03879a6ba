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

import ibis
import pandas as pd

SOURCE_PRIORITY = ("baci", "comtrade", "imf_dots")

BASIS = {
    "baci": "reconciled (CEPII BACI, FOB-like)",
    "comtrade": "reported by the exporter (FOB)",
    "imf_dots": "reported by the exporter (FOB)",
}


def parse_years(text: str | None) -> tuple[int, int] | None:
    """``"2012-2017"`` -> (2012, 2017); ``"2016"`` -> (2016, 2016); None -> None."""
    if text is None or str(text).strip() == "":
        return None
    text = str(text).strip()
    try:
        if "-" in text:
            first, last = (int(part) for part in text.split("-", 1))
        else:
            first = last = int(text)
    except ValueError:
        from bilat.errors import BilatError

        raise BilatError(f"years must look like 2016 or 2012-2017, got {text!r}") from None
    if first > last:
        first, last = last, first
    return first, last


def _in_years(column: ibis.Value, years: tuple[int, int] | None) -> ibis.BooleanValue:
    if years is None:
        return ibis.literal(True)
    return column.between(years[0], years[1])


def bilateral_flows(
    tables: Mapping[str, ibis.Table],
    a: str,
    b: str,
    years: tuple[int, int] | None = None,
    sources: Sequence[str] = SOURCE_PRIORITY,
) -> ibis.Table:
    """Yearly A→B and B→A totals from every candidate source, one row per (source, year, direction).

    Columns: source, year, exporter, importer, value_usd.
    """
    parts: list[ibis.Table] = []
    pf = tables["product_flows"]
    pair_pf = ((pf.exporter == a) & (pf.importer == b)) | ((pf.exporter == b) & (pf.importer == a))
    if "baci" in sources:
        baci = pf.filter(pair_pf, pf.source == "baci", pf.hs_level == 6, _in_years(pf.year, years))
        parts.append(
            baci.group_by(["year", "exporter", "importer"])
            .aggregate(value_usd=baci.value_usd.sum())
            .mutate(source=ibis.literal("baci"))
        )
    if "comtrade" in sources:
        ct = pf.filter(
            pair_pf, pf.source == "comtrade", pf.hs_level == 0, pf.flow == "X", pf.reporter == pf.exporter,
            _in_years(pf.year, years),
        )
        parts.append(
            ct.group_by(["year", "exporter", "importer"])
            .aggregate(value_usd=ct.value_usd.sum())
            .mutate(source=ibis.literal("comtrade"))
        )
    if "imf_dots" in sources:
        cf = tables["country_flows"]
        dots = cf.filter(
            ((cf.reporter == a) & (cf.partner == b)) | ((cf.reporter == b) & (cf.partner == a)),
            cf.source == "imf_dots",
            cf.flow == "X",
            _in_years(cf.year, years),
        )
        parts.append(
            dots.group_by(["year", dots.reporter.name("exporter"), dots.partner.name("importer")])
            .aggregate(value_usd=dots.value_usd.sum())
            .mutate(source=ibis.literal("imf_dots"))
        )
    combined = parts[0]
    for part in parts[1:]:
        combined = combined.union(part)
    return combined.select("source", "year", "exporter", "importer", "value_usd").order_by(
        ["source", "year", "exporter"]
    )


def choose_source(frame: pd.DataFrame, prefer: str | None = None) -> str | None:
    """The source to report: ``prefer`` if it has rows, else the first of SOURCE_PRIORITY that has."""
    present = set(frame["source"]) if len(frame) else set()
    if prefer is not None:
        return prefer if prefer in present else None
    for source in SOURCE_PRIORITY:
        if source in present:
            return source
    return None


def label(frame: pd.DataFrame) -> pd.DataFrame:
    """Add the ``basis`` column that says what each value measures."""
    out = frame.copy()
    out["basis"] = out["source"].map(BASIS)
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
