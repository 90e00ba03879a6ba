"""Shares and ranks among all partners, and the concentration over products, as plain SQL (DuckDB).

Why a second spelling: see :mod:`bilat.analytics.series_sql`. This is the query Ibis compiles
from :func:`bilat.analytics.shares.partner_shares` over
:func:`bilat.analytics.shares.country_matrix` (with the declared national totals of
:func:`bilat.analytics.selection.best_indicators` beside it) and from
:func:`bilat.analytics.shares.hhi`: the same rows, windows, joins and arithmetic in the same
order; ``tests/analytics/test_series_sql.py`` holds both to the same frames.
"""

from __future__ import annotations

from bilat.analytics.series_sql import source_totals_sql, years_between
from bilat.schema import EXPORTS_TOTAL_USD, IMPORTS_TOTAL_USD, WORLD
from bilat.sources.traits import all_traits
from bilat.sql import quote_literal

#: Columns of :func:`partner_shares_sql`, in order (those of ``shares.partner_shares`` with indicators).
COLUMNS = ("year", "country", "partner", "side", "value_usd", "total_usd", "share", "rank", "partners", "total_basis",
           "reported_total_usd", "reported_source", "share_of_reported")


def country_matrix_sql(source: str, totals: str | None, touching_of: tuple[str, ...]) -> str:
    """``shares.country_matrix(tables, source, touching)``: year, exporter, importer, value_usd."""
    traits = all_traits().get(source)
    if traits is None or not traits.answers_flows:
        raise ValueError(f"source {source!r} declares no bilateral total")
    return source_totals_sql(traits, totals, touching_of=touching_of)


def _is_country(column: str) -> str:
    """``shares.is_country``: a real partner, not the world row nor an unallocated area."""
    return (f"{column} <> {quote_literal(WORLD)} AND {column} <> 'S19'"
            f" AND NOT (REGEXP_MATCHES({column}, '^X[0-9][0-9]$')) AND {column} IS NOT NULL")


def _side(matrix: str, side: str, a: str, b: str) -> str:
    """One side's rows of the pair, ranked among the country's partners (``partner_shares``'s loop)."""
    qa, qb = quote_literal(a), quote_literal(b)
    if side == "exports":
        rows = (f"SELECT year, exporter AS country, importer AS counterpart, value_usd FROM {matrix}"
                f" WHERE exporter IN ({qa}, {qb}) AND {_is_country('importer')}")
    else:
        rows = (f"SELECT year, importer AS country, exporter AS counterpart, value_usd FROM {matrix}"
                f" WHERE importer IN ({qa}, {qb}) AND {_is_country('exporter')}")
    window = "OVER (PARTITION BY year, country)"
    ranked = (f"SELECT year, country, counterpart, value_usd,"
              f" (RANK() OVER (PARTITION BY year, country ORDER BY value_usd DESC) - 1) + 1 AS rank,"
              f" SUM(value_usd) {window} AS partners_sum, COUNT(*) {window} AS partners FROM ({rows}) AS r")
    return (f"SELECT year, country, counterpart, value_usd, rank, partners_sum, partners, {quote_literal(side)} AS side"
            f" FROM ({ranked}) AS k WHERE ((country = {qa}) AND (counterpart = {qb}))"
            f" OR ((country = {qb}) AND (counterpart = {qa}))")


def best_indicators_sql(indicators: tuple[str, ...]) -> str:
    """``selection.best_indicators`` of ``indicators``: the best source's row per (country, year, indicator)."""
    order = list(all_traits())
    rank = ("CASE " + " ".join(f"WHEN source = {quote_literal(name)} THEN {i}" for i, name in enumerate(order))
            + f" ELSE {len(order)} END") if order else "0"
    listed = ", ".join(quote_literal(i) for i in indicators)
    ranked = (f"SELECT *, {rank} AS _source_rank FROM indicators"
              f" WHERE indicator IN ({listed}) AND value IS NOT NULL")
    picked = (f"SELECT *, ROW_NUMBER() OVER (PARTITION BY country, year, indicator ORDER BY _source_rank ASC, source ASC)"
              f" - 1 AS _pick FROM ({ranked}) AS r")
    return f"SELECT * EXCLUDE (_source_rank, _pick) FROM ({picked}) AS p WHERE _pick = 0"


def partner_shares_sql(source: str, totals: str | None, a: str, b: str, years: tuple[int, int] | None) -> str:
    """``partner_shares(country_matrix(tables, source, (a, b)), a, b, years, tables["indicators"])``: :data:`COLUMNS`."""
    cut = years_between(years)
    # The matrix is read three times (exports, imports, the world row): made once (a materialized
    # CTE), not summed from the rows three times as the inlined subqueries Ibis writes would be.
    matrix = (f"SELECT * FROM ({country_matrix_sql(source, totals, (a, b))}) AS m0"
              f" WHERE {cut} AND value_usd IS NOT NULL")
    qa, qb = quote_literal(a), quote_literal(b)
    world = (f"SELECT year, exporter AS country, SUM(value_usd) AS world_usd FROM pair_matrix AS m1"
             f" WHERE exporter IN ({qa}, {qb}) AND importer = {quote_literal(WORLD)} GROUP BY 1, 2")
    both = f"{_side('pair_matrix AS mx', 'exports', a, b)} UNION ALL {_side('pair_matrix AS mi', 'imports', a, b)}"
    joined = (f"SELECT p.year, p.country, p.counterpart, p.side, p.value_usd, p.rank, p.partners, p.partners_sum,"
              f" w.world_usd FROM ({both}) AS p LEFT OUTER JOIN ({world}) AS w"
              f" ON p.year = w.year AND p.country = w.country AND p.side = 'exports'")
    total = "COALESCE(world_usd, partners_sum)"
    shares = (f"SELECT year, country, counterpart AS partner, side, value_usd, {total} AS total_usd,"
              f" value_usd / NULLIF({total}, 0) AS share, rank, partners,"
              f" CASE WHEN world_usd IS NOT NULL THEN 'world row' ELSE 'sum of partners' END AS total_basis"
              f" FROM ({joined}) AS j")
    best = best_indicators_sql((IMPORTS_TOTAL_USD, EXPORTS_TOTAL_USD))
    declared = (f"SELECT country, year, side, MAX(value) AS reported_total_usd, MAX(source) AS reported_source FROM ("
                f"SELECT *, CASE WHEN indicator = {quote_literal(IMPORTS_TOTAL_USD)} THEN 'imports' ELSE 'exports' END"
                f" AS side FROM ({best}) AS b) AS d GROUP BY 1, 2, 3")
    out = (f"SELECT s.*, d.reported_total_usd, d.reported_source FROM ({shares}) AS s LEFT OUTER JOIN ({declared}) AS d"
           " ON s.country = d.country AND s.year = d.year AND s.side = d.side")
    return (f"WITH pair_matrix AS MATERIALIZED ({matrix})"
            f" SELECT *, value_usd / NULLIF(reported_total_usd, 0) AS share_of_reported FROM ({out}) AS o"
            " ORDER BY year ASC, country ASC, side ASC")


def hhi_sql(levels: str) -> str:
    """``shares.hhi`` of ``levels`` (year, exporter, importer, code, value_usd): Σ share² per year and direction."""
    direction = "year, exporter, importer"
    positive = f"SELECT * FROM ({levels}) AS l WHERE CAST(value_usd AS DOUBLE) > 0"
    shares = (f"SELECT *, CAST(value_usd AS DOUBLE) / SUM(CAST(value_usd AS DOUBLE)) OVER (PARTITION BY {direction}) AS s"
              f" FROM ({positive}) AS p")
    out = f"SELECT {direction}, SUM(s * s) AS hhi, COUNT(*) AS products FROM ({shares}) AS q GROUP BY 1, 2, 3"
    return (f"SELECT *, 1.0 / NULLIF(hhi, 0) AS equivalent_products FROM ({out}) AS h"
            " ORDER BY year ASC, exporter ASC")
