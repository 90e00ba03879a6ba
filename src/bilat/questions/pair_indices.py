"""Question 1c: the pair's trade indices: complementarity, intra-industry trade, market concentration.

Computed with :mod:`bilat.analytics.indices` on the pair's product source, for the latest year with
product rows in the profile's span (an earlier year: ``bilat profile A B --years 2010``). One year,
not a series: each index scans a whole year of the source's product rows (about 0.5 s a year on a
BACI-sized year), and the profile should answer at once. Each row says its ``scope``: over
a full basket (BACI), or over the chapters a slice holds (the embedded Comtrade HS 27 and 44), in
which case the index describes those chapters only. Formulas: docs/methods.md.

Example::

    from bilat.questions import profile
    profile("ISR", "JPN").indices   # year, index, country, partner, value, products, scope
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from bilat.analytics import indices as ix
from bilat.analytics.totals import pair_totals_matrix
from bilat.catalog.totals import TOTAL_SOURCES, WORLD_SOURCES
from bilat.questions.pair_rows import PairRows
from bilat.session import Session
from bilat.sources.traits import all_traits

if TYPE_CHECKING:
    import ibis.expr.types as ir

COLUMNS = ["year", "index", "country", "partner", "value", "products", "scope", "source"]

#: Index name -> what it measures, for faces that print a legend.
MEANING = {
    "complementarity": "trade complementarity (0-100): how well country's exports match partner's imports",
    "intra_industry": "Grubel–Lloyd intra-industry trade (0-1): two-way trade within the same products",
    "concentration": "market concentration (HHI over partners, 0-1, normalised) of country's exports",
}


def pair_indices(s: Session, a: str, b: str, source: str | None, complete: bool,
                 coverage: pd.DataFrame | None = None, held: PairRows | None = None) -> pd.DataFrame:
    """The three indices for the pair, in the latest year of the product source (``years`` given: the latest in it).

    ``held``: the pair's rows read once (:mod:`bilat.questions.pair_rows`). For a source whose
    rows are all of its finest level and whose pair totals are kept (BACI), the pair's own index
    (intra-industry) reads only those rows and the concentration over partners the kept totals:
    the same figures, without a scan of the year's rows.
    """
    if source is None:
        return pd.DataFrame(columns=COLUMNS)
    traits = all_traits().get(source)
    reconciled = traits is not None and traits.product_rule == "reconciled"
    found = _product_years(s, a, b, source, held)
    if not len(found):
        return pd.DataFrame(columns=COLUMNS)
    years = sorted(int(y) for y in found.year)
    latest = years[-1]
    wanted = [latest]
    level = 2 if not complete else 4
    # The world rows kept beside the totals (DuckDB's world_totals view), for the complementarity.
    kept_world = getattr(s.engine, "world_totals", None)
    world = kept_world() if kept_world is not None and reconciled and source in WORLD_SOURCES else None
    if complete:
        scope = f"full basket, HS{level}"
    else:
        chapters = sorted({c for text in (coverage.chapters if coverage is not None and len(coverage) else [])
                           for c in str(text).split(", ") if c})
        scope = f"HS {' and '.join(chapters)} only (a slice)" if chapters else "a slice"
    rows = []
    plain = world is None and not reconciled  # the indices read the rows: plain SQL on DuckDB
    for year in wanted:
        got = _plain_answers(s, a, b, year, level, source) if plain else None
        if got is None:
            flows = s.table("product_flows")
            pair_flows = held.table(source) if held is not None and reconciled else flows
            # The whole kept matrix, not the pair's held totals: the concentration sums every partner's
            # share, and a held table gives the rows in another order (the last digit of the sum moved).
            tables = s.tables()
            from_totals = reconciled and source in TOTAL_SOURCES and "pair_totals" in tables
            parts: dict[str, ir.Table] = {}  # one-row expressions, answered by one query (see _answers)
            for i, (exporter, importer) in enumerate(((a, b), (b, a))):
                if world is not None:  # the world rows of that year's files only (DuckDBEngine.world_totals)
                    parts[f"tc{i}"] = ix.complementarity_from_world(kept_world(year), exporter, importer, year=year,
                                                                    level=level, source=source)
                else:
                    parts[f"tc{i}"] = ix.trade_complementarity(flows, exporter, importer, year=year, level=level,
                                                               source=source)
                if from_totals:  # that year's kept files only, where the engine can pick them (DuckDB)
                    by_year = getattr(s.engine, "pair_totals_of_year", None)
                    year_tables = {"pair_totals": by_year(year)} if by_year is not None else tables
                    parts[f"hhi{i}"] = ix.partner_concentration(pair_totals_matrix(year_tables, source), exporter, year=year)
                else:
                    parts[f"hhi{i}"] = ix.market_concentration(flows, exporter, year=year, source=source, level=level)
            parts["gl"] = ix.intra_industry_total(pair_flows, a, b, year=year, level=level, source=source)
            got = _answers(s, parts)
        for i, (exporter, importer) in enumerate(((a, b), (b, a))):
            tc, hhi = got[f"tc{i}"], got[f"hhi{i}"]
            if len(tc) and tc.tc.notnull().iloc[0]:
                rows.append((year, "complementarity", exporter, importer, float(tc.tc.iloc[0]),
                             int(tc.products.iloc[0]), scope, source))
            if len(hhi) and hhi.hhi_normalised.notnull().iloc[0]:
                rows.append((year, "concentration", exporter, "partners", float(hhi.hhi_normalised.iloc[0]),
                             int(hhi.units.iloc[0]), scope, source))
        gl = got["gl"]
        if len(gl) and gl.gl.notnull().iloc[0] and int(gl.products.iloc[0]) > 0:
            rows.append((year, "intra_industry", a, b, float(gl.gl.iloc[0]), int(gl.products.iloc[0]), scope, source))
    return pd.DataFrame(rows, columns=COLUMNS)


def _product_years(s: Session, a: str, b: str, source: str, held: PairRows | None) -> pd.DataFrame:
    """The years with product rows of the pair in ``source``: plain SQL over the held rows on DuckDB."""
    name = held.held_name(source) if held is not None else None
    if name is not None:
        from bilat.analytics.series_sql import product_years_sql

        found = s.sql_frame(product_years_sql(name, a, b, source))
        if found is not None:
            return found
    mine = held.table(source) if held is not None else s.table("product_flows")
    mine = mine.filter(mine.source == source, mine.hs_level > 0,
                       ((mine.exporter == a) & (mine.importer == b)) | ((mine.exporter == b) & (mine.importer == a)))
    return s.execute(mine.group_by("year").aggregate(n=mine.count()))


def _plain_answers(s: Session, a: str, b: str, year: int, level: int, source: str) -> dict[str, pd.DataFrame] | None:
    """The five parts' frames from one plain SQL query (:mod:`bilat.analytics.indices_sql`), or None (no plain SQL)."""
    from bilat.analytics.indices_sql import COLUMNS as PLAIN, pair_indices_sql

    row = s.sql_frame(pair_indices_sql(a, b, year=year, level=level, source=source))
    if row is None or len(row) != 1:
        return None
    out: dict[str, pd.DataFrame] = {}
    for name in dict.fromkeys(c.split("__")[0] for c in PLAIN):
        columns = [c for c in PLAIN if c.startswith(name + "__")]
        out[name] = row[columns].set_axis([c.split("__")[1] for c in columns], axis=1).reset_index(drop=True)
    return out


def _answers(s: Session, parts: dict[str, ir.Table]) -> dict[str, pd.DataFrame]:
    """Each one-row expression's frame, from one query: the rows side by side (a cross join).

    Why: the five indices were five round trips to the engine, each paying its planning and its
    scan of the kept totals; side by side they are one query, and the kept matrix they share is
    one common table. Each index is an aggregate without groups (always one row); should a query
    give no row, each expression runs on its own instead.
    """
    joined = None
    for name, expr in parts.items():
        side = expr.select(**{f"{name}__{c}": expr[c] for c in expr.columns})
        joined = side if joined is None else joined.cross_join(side)
    row = s.execute(joined)
    if len(row) != 1:
        return {name: s.execute(expr) for name, expr in parts.items()}
    out = {}
    for name, expr in parts.items():
        frame = row[[f"{name}__{c}" for c in expr.columns]]
        out[name] = frame.set_axis(list(expr.columns), axis=1).reset_index(drop=True)
    return out
