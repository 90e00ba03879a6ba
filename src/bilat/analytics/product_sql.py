"""The exporter-side product matrix, RCA and the coverage probe as plain SQL (the DuckDB engine's path).

Why a second spelling of these rules: a report asks the coverage probe, each side's top products
by RCA and the complexity matrix once each, and building them with Ibis cost the process more
than DuckDB took to answer (Ibis's compile of the RCA matrix alone was about 0.1 s a call, and
it ran the whole world matrix once per country). These builders write the same queries as Ibis
compiles them from :func:`bilat.analytics.product_trade.select_flows`,
:func:`~bilat.analytics.product_trade.exports_by_product`, :func:`bilat.analytics.indices.rca`
and :func:`bilat.questions.probe.coverage` (same filters, the same sums and windows, the same
divisions in the same order), from the same :class:`~bilat.sources.traits.SourceTraits`;
``tests/analytics/test_product_sql.py`` holds that both give the same rows. Lenses stay on the
Ibis path. Every value reaches the SQL through :func:`bilat.sql.quote_literal` or ``int()``.
"""

from __future__ import annotations

from collections.abc import Sequence

from bilat.schema import WORLD
from bilat.sources.traits import all_traits
from bilat.sql import quote_literal

#: Columns of :func:`rca_top_sql`'s rows, in order (those of ``indices.rca``).
RCA_COLUMNS = ("exporter", "hs_code", "export_usd", "exporter_total_usd", "world_product_usd", "world_total_usd",
               "export_share", "world_share", "rca")

#: Columns of :func:`coverage_sql`'s rows, in order (the fields of ``probe.Coverage``).
COVERAGE_COLUMNS = ("source", "year", "finest_level", "rows", "bilateral_rows", "chapters")


def exporter_side_sql(source: str) -> str:
    """``selection.exporter_side`` as a SQL condition on ``product_flows``."""
    traits = all_traits().get(source)
    if traits is not None and traits.product_rule == "reconciled":
        return "TRUE"
    if traits is not None and traits.product_rule == "exporter_declared":
        return "(flow = 'X' AND reporter = exporter)"
    return "(flow IS NULL OR flow = 'X')"


def select_flows_sql(*, year: int, level: int, source: str) -> str:
    """``select_flows`` (no lens): exporter-side rows of one source and year, codes cut to ``level``."""
    from bilat.analytics.product_trade import check_level

    check_level(level)
    where = (f"year = {int(year)} AND source = {quote_literal(source)} AND hs_level >= {int(level)}"
             f" AND {exporter_side_sql(source)} AND exporter <> {quote_literal(WORLD)} AND value_usd IS NOT NULL")
    return (f"SELECT exporter, importer, SUBSTRING(hs_code, 1, {int(level)}) AS hs_code, CAST(value_usd AS DOUBLE) AS value_usd"
            f" FROM product_flows WHERE {where}"
            f" AND hs_level = (SELECT MAX(hs_level) FROM product_flows WHERE {where})")


def exports_by_product_sql(*, year: int, level: int, source: str) -> str:
    """``exporter, hs_code, export_usd``: ``exports_by_product`` (the WLD row, else the partners' sum; > 0 only)."""
    world = quote_literal(WORLD)
    return (f"SELECT exporter, hs_code, COALESCE(world_row, partners) AS export_usd FROM ("
            f"SELECT exporter, hs_code, SUM(value_usd) FILTER (WHERE importer = {world}) AS world_row,"
            f" SUM(value_usd) FILTER (WHERE NOT (importer = {world})) AS partners"
            f" FROM ({select_flows_sql(year=year, level=level, source=source)}) AS t GROUP BY 1, 2) AS agg"
            f" WHERE COALESCE(world_row, partners) > 0")


def rca_top_sql(exporters: Sequence[str], *, year: int, level: int, source: str, top: int,
                matrix: str | None = None) -> str:
    """:data:`RCA_COLUMNS` of each exporter's ``top`` products by RCA (ties by HS code), exporter by exporter.

    RCA is against the whole matrix, as ``indices.rca``: every exporter's and every product's
    total is summed before the rows of those asked about are kept. The totals are grouped sums
    joined back (the matrix made once), not windows over the whole matrix as Ibis writes them:
    the same sums, a third less time; ``tests/analytics/test_product_sql.py`` holds the rows equal.
    ``matrix``: a table already holding :func:`exports_by_product_sql`'s rows (:meth:`bilat.session.Session.held`).
    """
    wanted = ", ".join(quote_literal(e) for e in exporters)
    order = " ".join(f"WHEN {quote_literal(e)} THEN {i}" for i, e in enumerate(exporters))
    if matrix is not None and not matrix.replace("_", "").isalnum():
        raise ValueError(f"not a plain table name: {matrix!r}")
    made = f"SELECT * FROM {matrix}" if matrix is not None else exports_by_product_sql(year=year, level=level, source=source)
    totals = (f"WITH x AS MATERIALIZED ({made}),"
              " e AS (SELECT exporter, SUM(export_usd) AS exporter_total_usd FROM x GROUP BY 1),"
              " p AS (SELECT hs_code, SUM(export_usd) AS world_product_usd FROM x GROUP BY 1),"
              " t AS (SELECT SUM(export_usd) AS world_total_usd FROM x)")
    mine = ("SELECT x.exporter, x.hs_code, x.export_usd, e.exporter_total_usd, p.world_product_usd, t.world_total_usd"
            f" FROM x JOIN e USING (exporter) JOIN p USING (hs_code) CROSS JOIN t WHERE x.exporter IN ({wanted})")
    shares = ("SELECT *, export_usd / NULLIF(exporter_total_usd, 0) AS export_share,"
              " world_product_usd / NULLIF(world_total_usd, 0) AS world_share,"
              " (export_usd / NULLIF(exporter_total_usd, 0)) / NULLIF(world_product_usd / NULLIF(world_total_usd, 0), 0) AS rca"
              f" FROM ({mine}) AS w")
    return (f"{totals} SELECT {', '.join(RCA_COLUMNS)} FROM ({shares}) AS r"
            f" QUALIFY ROW_NUMBER() OVER (PARTITION BY exporter ORDER BY rca DESC, hs_code ASC) <= {int(top)}"
            f" ORDER BY CASE exporter {order} END, rca DESC, hs_code ASC")


def coverage_sql() -> str:
    """:data:`COVERAGE_COLUMNS` per source and year of ``product_flows``' exporter-side rows (``probe.coverage``)."""
    return ("SELECT source, year, MAX(hs_level) AS finest_level, COUNT(*) AS rows,"
            f" SUM(CAST(importer <> {quote_literal(WORLD)} AS INT)) AS bilateral_rows,"
            " COUNT(DISTINCT SUBSTRING(hs_code, 1, 2)) AS chapters"
            " FROM product_flows WHERE flow IS NULL OR flow = 'X' GROUP BY 1, 2")


def latest_year_sql(source: str) -> str:
    """The latest year of ``source`` in ``product_flows`` (NULL when it has none)."""
    return f"SELECT MAX(year) FROM product_flows WHERE source = {quote_literal(source)}"
