"""The pair indices from a year's product rows as plain SQL: :mod:`bilat.analytics.indices` for DuckDB.

Why a second spelling: the profile's three indices (complementarity both ways, concentration over
partners both ways, intra-industry trade) are one query of five parts, and Ibis's build and
compile of it (12 KB of SQL) cost more than DuckDB's answer. This writes the query Ibis compiles
from :func:`~bilat.analytics.indices.trade_complementarity`,
:func:`~bilat.analytics.indices.market_concentration` and
:func:`~bilat.analytics.indices.intra_industry_total` over the source's rows (the same filters,
shares, sums and arithmetic), one row of ``<part>__<column>`` as
:func:`bilat.questions.pair_indices._answers` reads it. Only for sources whose indices read the
rows (not BACI's kept totals and world rows, which stay on the Ibis path);
``tests/analytics/test_indices_sql.py`` holds that both give the same row.
"""

from __future__ import annotations

from bilat.analytics.product_sql import exports_by_product_sql, select_flows_sql
from bilat.schema import WORLD
from bilat.sql import quote_literal

#: The columns of :func:`pair_indices_sql`'s row.
COLUMNS = ("tc0__products", "tc0__tc", "hhi0__units", "hhi0__hhi_normalised", "tc1__products", "tc1__tc",
           "hhi1__units", "hhi1__hhi_normalised", "gl__products", "gl__gl")


def _complementarity(exporter: str, importer: str) -> str:
    """``indices._complementarity`` of the exporter's basket (``exports``) and the importer's (``imports``)."""
    x = (f"SELECT hs_code, export_usd / NULLIF(SUM(export_usd) OVER (), 0) AS share FROM exports"
         f" WHERE exporter = {quote_literal(exporter)}")
    m = (f"SELECT hs_code, import_usd / NULLIF(SUM(import_usd) OVER (), 0) AS share FROM imports"
         f" WHERE importer = {quote_literal(importer)}")
    stacked = (f"SELECT hs_code, CAST(share AS DOUBLE) AS export_share, CAST(0.0 AS DOUBLE) AS import_share FROM ({x}) AS x"
               f" UNION ALL SELECT hs_code, CAST(0.0 AS DOUBLE), CAST(share AS DOUBLE) FROM ({m}) AS m")
    both = (f"SELECT hs_code, SUM(export_share) AS export_share, SUM(import_share) AS import_share"
            f" FROM ({stacked}) AS s GROUP BY hs_code")
    agg = (f"SELECT SUM(ABS(import_share - export_share)) AS abs_gap, SUM(export_share) AS exporter_share_sum,"
           f" SUM(import_share) AS importer_share_sum, COUNT(hs_code) AS products FROM ({both}) AS b")
    return (f"SELECT products, CASE WHEN (exporter_share_sum > 0) AND (importer_share_sum > 0)"
            f" THEN (1.0 - (abs_gap / 2.0)) * 100.0 ELSE CAST(NULL AS DOUBLE) END AS tc FROM ({agg}) AS a")


def _concentration(country: str) -> str:
    """``market_concentration(..., direction="export", over="partner")`` of ``country`` over ``bilateral``."""
    units = (f"SELECT importer AS unit, SUM(value_usd) AS value_usd FROM bilateral WHERE exporter = {quote_literal(country)}"
             " GROUP BY 1")
    shared = (f"SELECT unit, value_usd, value_usd / NULLIF(SUM(value_usd) OVER (), 0) AS share"
              f" FROM ({units}) AS u WHERE value_usd > 0")
    agg = f"SELECT COUNT(unit) AS units, SUM(value_usd) AS total_usd, SUM(share * share) AS hhi FROM ({shared}) AS s"
    return (f"SELECT units, CASE WHEN units = 1 THEN 1.0 WHEN units > 1 THEN"
            f" (hhi - (1.0 / CAST(units AS DOUBLE))) / (1.0 - (1.0 / CAST(units AS DOUBLE))) ELSE CAST(NULL AS DOUBLE) END"
            f" AS hhi_normalised FROM ({agg}) AS a")


def _intra_industry(country: str, partner: str) -> str:
    """``intra_industry_total(..., country, partner)`` over ``bilateral``."""
    qc, qp = quote_literal(country), quote_literal(partner)
    stacked = (f"SELECT hs_code, CAST(value_usd AS DOUBLE) AS export_usd, CAST(0.0 AS DOUBLE) AS import_usd FROM bilateral"
               f" WHERE (exporter = {qc}) AND (importer = {qp}) UNION ALL SELECT hs_code, CAST(0.0 AS DOUBLE),"
               f" CAST(value_usd AS DOUBLE) FROM bilateral WHERE (exporter = {qp}) AND (importer = {qc})")
    both = (f"SELECT hs_code, SUM(export_usd) AS export_usd, SUM(import_usd) AS import_usd FROM ({stacked}) AS s"
            " GROUP BY hs_code")
    per = f"SELECT * FROM ({both}) AS b WHERE (export_usd + import_usd) > 0"
    agg = (f"SELECT SUM(export_usd) AS export_usd, SUM(import_usd) AS import_usd,"
           f" SUM(ABS(export_usd - import_usd)) AS abs_gap, COUNT(hs_code) AS products FROM ({per}) AS p")
    return f"SELECT products, 1.0 - (abs_gap / NULLIF(export_usd + import_usd, 0)) AS gl FROM ({agg}) AS a"


def pair_indices_sql(a: str, b: str, *, year: int, level: int, source: str) -> str:
    """One row of :data:`COLUMNS`: the pair's indices in ``year`` at HS ``level`` from ``source``'s rows."""
    bilateral = f"SELECT * FROM ({select_flows_sql(year=year, level=level, source=source)}) AS f WHERE importer <> {quote_literal(WORLD)}"
    imports = (f"SELECT * FROM (SELECT importer, hs_code, SUM(value_usd) AS import_usd FROM bilateral GROUP BY 1, 2) AS i"
               " WHERE import_usd > 0")
    parts = {"tc0": _complementarity(a, b), "hhi0": _concentration(a), "tc1": _complementarity(b, a),
             "hhi1": _concentration(b), "gl": _intra_industry(a, b)}
    select = ", ".join(f"{c.split('__')[0]}.{c.split('__')[1]} AS {c}" for c in COLUMNS)
    joined = " CROSS JOIN ".join(f"({sql}) AS {name}" for name, sql in parts.items())
    return (f"WITH bilateral AS ({bilateral}), exports AS ({exports_by_product_sql(year=year, level=level, source=source)}),"
            f" imports AS ({imports}) SELECT {select} FROM {joined}")
