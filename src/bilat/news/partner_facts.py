"""Growth, shares and ranks for the fact-check, from the same source rule as the profile.

Why a module beside :mod:`.facts`: these need a pair's flows in two years from one source (a
growth rate across two sources would measure the change of source), or a country's trade with
*every* partner (a share, a rank), which only an all-partners source holds. The source is chosen
as the profile chooses it (:mod:`bilat.analytics.selection`), so "exports grew 12 %" and the
profile's growth column answer from the same series.
"""

from __future__ import annotations

from typing import Any

from bilat.analytics import selection
from bilat.analytics.shares import is_country
from bilat.news.facts import Fact

SERIES = ("exports", "imports", "bilateral_trade_total")


def _value(frame: Any, source: str, exporter: str, importer: str, year: int) -> float | None:
    rows = frame[(frame["source"] == source) & (frame["exporter"] == exporter) & (frame["importer"] == importer)
                 & (frame["year"] == year)]
    rows = rows.dropna(subset=["value_usd"])
    return float(rows["value_usd"].sum()) if len(rows) else None


def _series_value(frame: Any, source: str, series: str, a: str, b: str, year: int) -> float | None:
    if series == "bilateral_trade_total":
        ab, ba = _value(frame, source, a, b, year), _value(frame, source, b, a, year)
        return None if ab is None or ba is None else ab + ba
    if series == "imports":  # a's imports from b: b's exports to a
        return _value(frame, source, b, a, year)
    return _value(frame, source, a, b, year)


def growth(facts: Any, series: str, a: str, b: str, year: int, base_year: int) -> Fact | None:
    """Percent change of ``series`` (exports a→b, imports of a from b, or a–b total) from ``base_year`` to ``year``.

    One source for both years: the best-priority source that has both.
    """
    span = (min(year, base_year), max(year, base_year))
    frame = facts.execute(selection.pair_totals(facts.tables, a, b, span))
    if frame is None or not len(frame):
        return None
    for traits in selection.flow_sources():
        v1 = _series_value(frame, traits.name, series, a, b, year)
        v0 = _series_value(frame, traits.name, series, a, b, base_year)
        if v1 is not None and v0 is not None and v0 > 0:
            what = {"exports": f"{a} exports to {b}", "imports": f"{a} imports from {b} (as {b} reports its exports)",
                    "bilateral_trade_total": f"{a}-{b} goods trade"}[series]
            return Fact(100.0 * (v1 / v0 - 1.0), traits.name,
                        f"change of {what} from {base_year} ({v0:,.0f} USD) to {year} ({v1:,.0f} USD), "
                        f"{traits.basis}", parts=(Fact(v0, traits.name, str(base_year)), Fact(v1, traits.name, str(year))))
    return None


def _matrix_year(facts: Any, year: int, prefer: str | None) -> tuple[Any, str] | None:
    """Every exporter → importer total of one all-partners source in ``year`` (``prefer`` first)."""
    candidates = selection.share_sources()
    if prefer in candidates:
        candidates = [prefer] + [c for c in candidates if c != prefer]
    for source in candidates:
        traits = selection.all_traits()[source]
        if traits.table not in facts.tables:
            continue
        m = selection.country_matrix(facts.tables, source)
        m = m.filter(m.year == year, is_country(m.exporter), is_country(m.importer), m.value_usd.notnull())
        frame = facts.execute(m)
        if frame is not None and len(frame):
            return frame, source
    return None


def partner_share(facts: Any, exporter: str, importer: str, year: int, side: str = "imports") -> Fact | None:
    """``exporter``'s share (percent) of ``importer``'s imports from all partners (``side="imports"``),
    or ``importer``'s share of ``exporter``'s exports (``side="exports"``), from one all-partners source.
    """
    flow = facts.exports(exporter, importer, year)
    found = _matrix_year(facts, year, flow.source if flow is not None else None)
    if found is None:
        return None
    frame, source = found
    if side == "imports":
        whole = frame[frame["importer"] == importer]
        what = f"{exporter}'s share of {importer}'s goods imports from all partners (mirror: partners' reported exports)"
    else:
        whole = frame[frame["exporter"] == exporter]
        what = f"{importer}'s share of {exporter}'s goods exports to all partners"
    part = frame[(frame["exporter"] == exporter) & (frame["importer"] == importer)]
    total = float(whole["value_usd"].sum())
    if not len(part) or total <= 0:
        return None
    value = float(part["value_usd"].sum())
    return Fact(100.0 * value / total, source, f"{what}, {year}", parts=(Fact(value, source, "part"), Fact(total, source, "all partners")))


def partner_rank(facts: Any, country: str, partner: str, year: int, side: str = "total") -> Fact | None:
    """Rank of ``partner`` among ``country``'s partners by ``side`` (total trade, exports or imports)."""
    found = _matrix_year(facts, year, None)
    if found is None:
        return None
    frame, source = found
    exports = frame[frame["exporter"] == country].groupby("importer")["value_usd"].sum()
    imports = frame[frame["importer"] == country].groupby("exporter")["value_usd"].sum()
    if side == "exports":
        by_partner = exports
    elif side == "imports":
        by_partner = imports
    else:
        by_partner = exports.add(imports, fill_value=0.0)
    by_partner = by_partner[by_partner > 0].sort_values(ascending=False)
    if partner not in by_partner.index:
        return None
    rank = list(by_partner.index).index(partner) + 1
    word = {"total": "total goods trade", "exports": "exports", "imports": "imports"}[side]
    return Fact(float(rank), source, f"rank of {partner} among {len(by_partner)} partners of {country} by {word}, {year}")
