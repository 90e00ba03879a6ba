"""Every figure of a pair's flows, as plain SQL: :func:`bilat.analytics.reconcile.source_figures` for DuckDB.

Why a second spelling: the reconciliation asked two Ibis queries of the same rows (the active
years over all years, then the figures of the year ± 1), and Ibis's build and compile of the
three-part union cost more than DuckDB's answer. This is the query Ibis compiles from
``source_figures`` (the same filters, ``CASE`` for direction and view, the sums per figure, the
coarsest product level per chapter, the same order), over all years at once: the active years
and the year's figures are both cut from it (every sum is per year, so a year's rows do not
depend on the others). ``tests/analytics/test_reconcile_sql.py`` holds that both give the same rows.
"""

from __future__ import annotations

from bilat.analytics.reconcile import COLUMNS, VIEW_EXPORTER, VIEW_IMPORTER, VIEW_RECONCILED
from bilat.sql import quote_literal


def _view(exporter: str) -> str:
    return (f"CASE WHEN reporter IS NULL THEN {quote_literal(VIEW_RECONCILED)} WHEN reporter = {exporter}"
            f" THEN {quote_literal(VIEW_EXPORTER)} ELSE {quote_literal(VIEW_IMPORTER)} END")


def _shape(rows: str, scope: str) -> str:
    """``reconcile._shape``: one row per figure, summed."""
    keys = "year, exporter, importer, scope, source, reporter, flow, view, valuation"
    return f"SELECT {keys}, SUM(value_usd) AS value_usd FROM (SELECT *, {scope} AS scope FROM ({rows}) AS r) AS s GROUP BY {keys}"


def source_figures_sql(a: str, b: str) -> str:
    """SQL giving ``source_figures(tables, a, b, year)``'s columns (:data:`reconcile.COLUMNS`) for every year."""
    qa, qb = quote_literal(a), quote_literal(b)
    exports = "flow IN ('X', 'RX')"
    exporter = f"CASE WHEN {exports} THEN reporter ELSE partner END"
    country = (f"SELECT year, {exporter} AS exporter, CASE WHEN {exports} THEN partner ELSE reporter END AS importer,"
               f" source, reporter, flow, valuation, value_usd, {_view(exporter)} AS view FROM country_flows"
               f" WHERE ((reporter = {qa} AND partner = {qb}) OR (reporter = {qb} AND partner = {qa})) AND value_usd IS NOT NULL")
    pair = (f"FROM product_flows WHERE ((exporter = {qa} AND importer = {qb}) OR (exporter = {qb} AND importer = {qa}))"
            " AND value_usd IS NOT NULL")
    totals = (f"SELECT year, exporter, importer, source, reporter, flow, valuation, CAST(value_usd AS DOUBLE) AS value_usd,"
              f" {_view('exporter')} AS view {pair} AND (hs_level = 0 OR source = 'baci')")
    keys = "year, exporter, importer, source, reporter, flow, valuation, chapter"
    per_level = (f"SELECT {keys}, hs_level, SUM(CAST(value_usd AS DOUBLE)) AS value_usd FROM (SELECT *,"
                 f" SUBSTRING(hs_code, 1, 2) AS chapter {pair} AND hs_level > 0) AS d GROUP BY {keys}, hs_level")
    coarsest = (f"SELECT {keys}, value_usd, {_view('exporter')} AS view FROM (SELECT *, MIN(hs_level) OVER"
                f" (PARTITION BY {keys}) AS coarsest FROM ({per_level}) AS l) AS c WHERE hs_level = coarsest")
    parts = [_shape(country, "'total'"), _shape(totals, "'total'"), _shape(coarsest, "'HS ' || chapter")]
    union = " UNION ALL ".join(f"SELECT {', '.join(COLUMNS)} FROM ({p}) AS p{i}" for i, p in enumerate(parts))
    # The order of source_figures, then its ties (figures of one view in two flows, X and RX) by flow:
    # DuckDB's sort leaves ties in any order, so the same data gave the same rows in another order.
    return f"SELECT * FROM ({union}) AS figures ORDER BY year, exporter, scope, source, view, reporter, flow, valuation"
