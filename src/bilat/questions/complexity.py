"""Question 5: how complex is each country's export basket (ECI), and which of its exports are most complex (PCI).

The ranking follows the Atlas of Economic Complexity's filters for small exporters, so that an
island with a few large shipments (Bouvet Island ranked 4th without them) does not top the table:

* countries with total exports under ``min_exports`` (default $1 bn) that year are left out;
* products whose world trade (over the countries kept) is under ``min_product_trade`` (default
  $10 M) are left out;
* the Atlas also leaves out countries under 1 million people; the embedded indicators hold no
  population (World Bank GDP only), so that filter is *not* applied, and the answer says so.

ECI/PCI are then computed exactly as the ``ecomplexity`` package does
(:mod:`bilat.analytics.complexity`) on the filtered matrix. Method: docs/methods.md.

Example::

    from bilat.questions import economic_complexity
    answer = economic_complexity(["JPN", "ISR"], year=2017)
    answer.countries    # exporter, name, eci, eci_rank, ranked, diversity, exports_usd
    answer.products     # each country's most complex exports: exporter, hs_code, description, pci, rca, export_usd
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from bilat.analytics import complexity as cx
from bilat.errors import NoDataError
from bilat.nomenclature.countries import resolve_country
from bilat.questions import kept
from bilat.questions.answer import records
from bilat.questions.hints import LOAD_OTS
from bilat.session import Session, using

MIN_EXPORTS = 1e9
MIN_PRODUCT_TRADE = 1e7
#: The code and data the answer is computed with (a change to one is a new key for kept answers).
CODE = kept.code_files(*kept.ANSWER_CODE)


@dataclass
class ComplexityAnswer:
    """ECI ranks of the countries asked about, their most complex exports, and the filters applied."""

    year: int
    source: str
    level: int
    countries: pd.DataFrame
    products: pd.DataFrame
    filters: list[str]
    ranked: int
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "year": self.year, "level": self.level, "ranked": self.ranked,
                "filters": list(self.filters), "notes": list(self.notes),
                "data": [{"table": "eci", "rows": records(self.countries)},
                         {"table": "pci", "rows": records(self.products)}]}


def filtered_exports(frame: pd.DataFrame, min_exports: float = MIN_EXPORTS,
                     min_product_trade: float = MIN_PRODUCT_TRADE) -> pd.DataFrame:
    """The export matrix (exporter, hs_code, export_usd) without small exporters and thinly traded products."""
    frame = frame[pd.to_numeric(frame.export_usd, errors="coerce").fillna(0) > 0]
    totals = frame.groupby("exporter").export_usd.sum()
    kept = frame[frame.exporter.isin(totals[totals >= min_exports].index)]
    world = kept.groupby("hs_code").export_usd.sum()
    return kept[kept.hs_code.isin(world[world >= min_product_trade].index)].reset_index(drop=True)


def economic_complexity(countries: list[str] | None = None, year: int | None = None, *, top: int = 5,
                        source: str = "ots", level: int = 4, min_exports: float = MIN_EXPORTS,
                        min_product_trade: float = MIN_PRODUCT_TRADE, engine: Any = None,
                        session: Session | None = None) -> ComplexityAnswer:
    """ECI rank and value of ``countries`` (the top 10 when none) and each one's ``top`` most complex exports.

    The answer depends on the data alone (every country is ranked, whichever are asked about), so
    it is kept on disk by :mod:`bilat.questions.kept` and read back while the data are unchanged.
    """
    with using(session, engine) as s:
        parts = (tuple(countries or ()), year, top, source, level, float(min_exports), float(min_product_trade))
        return kept.answer(s, "complexity", parts, CODE, lambda: _compute(
            s, countries, year, top, source, level, min_exports, min_product_trade))


def _describe(code: str) -> str:
    from bilat.nomenclature import hs

    try:
        return hs.describe(code)
    except Exception:  # noqa: BLE001 - an unknown code keeps its row
        return ""


def _compute(s: Session, countries: list[str] | None, year: int | None, top: int, source: str, level: int,
             min_exports: float, min_product_trade: float) -> ComplexityAnswer:
    """:func:`economic_complexity` computed from the session's data."""
    if year is None:
        year = _latest_year(s, source)
        if year is None:
            raise NoDataError(f"complexity needs each country's exports to the world by product; {LOAD_OTS}")
    raw = _export_matrix(s, year, level, source)
    found = [resolve_country(c) for c in countries or []]
    codes = [c.iso3 for c in found]
    names = {c.iso3: c.name for c in found}
    if not len(raw):
        raise NoDataError(f"no {source} exports for {year} at HS{level} to compute complexity from; {LOAD_OTS}")
    data = filtered_exports(raw, min_exports, min_product_trade)
    matrix = cx.rca_matrix(data)
    result = cx.complexity_from_exports(data, matrix=matrix)
    eci = result.eci.dropna(subset=["eci"]).reset_index(drop=True)
    eci["eci_rank"] = np.arange(1, len(eci) + 1)
    eci["ranked"] = len(eci)
    exports = data.groupby("exporter").export_usd.sum()
    eci["exports_usd"] = eci.exporter.map(exports)
    filters = [
        f"countries with total exports under ${min_exports / 1e9:g} bn in {year} are not ranked "
        f"({raw.exporter.nunique() - data.exporter.nunique()} of {raw.exporter.nunique()} left out)",
        f"products with world trade under ${min_product_trade / 1e6:g} M are left out "
        f"({raw.hs_code.nunique() - data.hs_code.nunique()} of {raw.hs_code.nunique()} HS{level} codes)",
        "the Atlas's population filter (under 1 million people) is not applied: the embedded indicators hold no population",
    ]
    notes = []
    if codes:
        missing = [c for c in codes if c not in set(eci.exporter)]
        for c in missing:
            total = float(raw[raw.exporter == c].export_usd.sum())
            notes.append(f"{c} is not ranked: exports of ${total:,.0f} in {year} are under the ${min_exports / 1e9:g} bn filter"
                         if total < min_exports else f"{c} has no {source} exports in {year}")
        shown = eci[eci.exporter.isin(codes)].copy()
    else:
        shown = eci.head(10).copy()
    shown["name"] = [names.get(c, c) for c in shown.exporter]
    products = _top_products(data, result.pci, shown.exporter.tolist(), top, matrix)
    countries_frame = shown[["exporter", "name", "eci_rank", "ranked", "eci", "diversity", "exports_usd"]].reset_index(drop=True)
    return ComplexityAnswer(year=year, source=source, level=level, countries=countries_frame, products=products,
                            filters=filters, ranked=len(eci), notes=notes)


def _latest_year(s: Session, source: str) -> int | None:
    """The source's latest year in ``product_flows`` (None: it has no rows); plain SQL on DuckDB."""
    from bilat.analytics.product_sql import latest_year_sql

    found = s.sql_frame(latest_year_sql(source))
    if found is not None:
        value = found.iloc[0, 0]
        return None if pd.isna(value) else int(value)
    flows = s.table("product_flows")
    mine = flows.filter(flows.source == source)
    years = s.execute(mine.group_by("year").aggregate(n=mine.count()))
    return int(years.year.max()) if len(years) else None


def _export_matrix(s: Session, year: int, level: int, source: str) -> pd.DataFrame:
    """``exporter, hs_code, export_usd`` of the year: :func:`bilat.analytics.complexity.export_matrix`.

    On DuckDB the same query in plain SQL (:mod:`bilat.analytics.product_sql`): Ibis's build and
    compile of it cost more than DuckDB's answer.
    """
    from bilat.analytics.product_sql import exports_by_product_sql

    query = exports_by_product_sql(year=year, level=level, source=source)
    held = s.held("bilat_exports", query)  # the same rows the potential's RCA ranks read (Session.held)
    found = s.sql_frame(f"SELECT * FROM {held}" if held is not None else query)
    if found is not None:
        return found
    return s.execute(cx.export_matrix(s.table("product_flows"), year=year, level=level, source=source))


def _top_products(data: pd.DataFrame, pci: pd.DataFrame, exporters: list[str], top: int,
                  matrix: tuple[np.ndarray, pd.Index, pd.Index] | None = None) -> pd.DataFrame:
    """Each exporter's products with RCA ≥ 1, most complex first (``matrix``: ``rca_matrix(data)`` if made)."""
    rca, locs, prods = matrix if matrix is not None else cx.rca_matrix(data)
    pci_of = pci.set_index("hs_code").pci
    rows = []
    for exporter in exporters:
        if exporter not in locs:
            continue
        i = locs.get_loc(exporter)
        mine = pd.DataFrame({"hs_code": prods, "rca": rca[i]})
        mine = mine[mine.rca >= 1].assign(pci=lambda f: f.hs_code.map(pci_of)).dropna(subset=["pci"])
        mine = mine.sort_values("pci", ascending=False).head(top)
        values = data[data.exporter == exporter].groupby("hs_code").export_usd.sum()
        for row in mine.itertuples(index=False):
            rows.append((exporter, row.hs_code, _describe(row.hs_code), float(row.pci), float(row.rca), float(values.get(row.hs_code, 0.0))))
    return pd.DataFrame(rows, columns=["exporter", "hs_code", "description", "pci", "rca", "export_usd"])
