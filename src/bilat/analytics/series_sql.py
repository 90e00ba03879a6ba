"""The pair's series, its importer-reported mirrors and its product chapters as plain SQL (DuckDB).

Why a second spelling: the first profile of new data (and every report of a pair asked for the
first time) built these questions with Ibis, and paid for it before DuckDB read a row: Ibis's
import (a quarter of a second), the graph rewrites of its compile (another quarter), and a
schema round trip per table. The SQL below is what Ibis compiles from
:func:`bilat.analytics.selection.pair_totals`, :func:`bilat.analytics.profile.pair_series`,
:func:`bilat.analytics.selection.mirror_totals` and the chapter counts of the profile's parts:
the same filters, the same sums over the same rows, the same windows and arithmetic, so
``tests/analytics/test_series_sql.py`` holds both to the same frames, bit for bit. Spark (no
plain SQL) keeps the Ibis expressions. Values reach the SQL through
:func:`bilat.sql.quote_literal`, :func:`bilat.sql.quote_identifier` or ``int()``.
"""

from __future__ import annotations

from bilat.schema import ALL_PRODUCTS
from bilat.sources.traits import SourceTraits, flow_sources
from bilat.sql import quote_identifier, quote_literal

#: The columns the pair's held product rows keep (:data:`bilat.questions.pair_rows.HELD_COLUMNS`).
HELD_COLUMNS = ("year", "exporter", "importer", "reporter", "flow", "hs_revision", "hs_code", "hs_level", "value_usd",
                "source")


def pair(first: str, second: str, a: str, b: str) -> str:
    """``first``/``second`` is (a, b) or (b, a): the pair's rows, both directions."""
    qa, qb = quote_literal(a), quote_literal(b)
    return f"(({first} = {qa} AND {second} = {qb}) OR ({first} = {qb} AND {second} = {qa}))"


def touching(first: str, second: str, codes: tuple[str, ...]) -> str:
    """Rows with one of ``codes`` on either side."""
    listed = ", ".join(quote_literal(c) for c in codes)
    return f"({first} IN ({listed}) OR {second} IN ({listed}))"


def years_between(years: tuple[int, int] | None) -> str:
    return "TRUE" if years is None else f"year BETWEEN {int(years[0])} AND {int(years[1])}"


def held_totals_sql(a: str, b: str) -> str:
    """``PairRows.totals_tables``'s held rows: the all-products pair totals with ``a`` or ``b`` on a side."""
    return f"SELECT * FROM pair_totals WHERE hs_section = {ALL_PRODUCTS} AND {touching('exporter', 'importer', (a, b))}"


def held_rows_sql(a: str, b: str, source: str) -> str:
    """``PairRows.table``'s held rows: the pair's ``product_flows`` rows of ``source``, the columns the parts read."""
    return (f"SELECT {', '.join(HELD_COLUMNS)} FROM product_flows"
            f" WHERE source = {quote_literal(source)} AND {pair('exporter', 'importer', a, b)}")


def source_totals_sql(traits: SourceTraits, totals: str | None, *, years: tuple[int, int] | None = None,
                      pair_of: tuple[str, str] | None = None, touching_of: tuple[str, ...] | None = None) -> str:
    """``selection.source_totals`` (``pair_of``) or ``selection.country_matrix`` (``touching_of``) of one source.

    Columns: year, exporter, importer, value_usd. ``totals``: the relation holding the kept pair
    totals (a held table or the ``pair_totals`` view), read for the sources whose totals are kept
    at ingestion, as there; None reads the rows.
    """
    from bilat.catalog.totals import TOTAL_SOURCES

    source = quote_literal(traits.name)
    rule = traits.total_rule
    if rule in ("product_sum", "total_rows") and totals is not None and traits.name in TOTAL_SOURCES:
        where = [f"source = {source}", f"hs_section = {ALL_PRODUCTS}"]
        if touching_of is not None:
            where.append(touching("exporter", "importer", touching_of))
        matrix = (f"SELECT year, exporter, importer, SUM(value_usd) AS value_usd FROM {totals}"
                  f" WHERE {' AND '.join(where)} GROUP BY 1, 2, 3")
        if pair_of is None:
            return matrix
        return (f"SELECT * FROM ({matrix}) AS m WHERE {years_between(years)}"
                f" AND {pair('exporter', 'importer', *pair_of)}")
    if rule in ("product_sum", "total_rows"):
        where = [f"source = {source}", years_between(years)]
        if rule == "product_sum":
            where.append(f"hs_level = {int(traits.finest_level)}")
        else:
            where += ["hs_level = 0", "flow = 'X'", "reporter = exporter"]
        if pair_of is not None:
            where.append(pair("exporter", "importer", *pair_of))
        if touching_of is not None:
            where.append(touching("exporter", "importer", touching_of))
        return (f"SELECT year, exporter, importer, SUM(CAST(value_usd AS DOUBLE)) AS value_usd FROM product_flows"
                f" WHERE {' AND '.join(where)} GROUP BY 1, 2, 3")
    if rule == "reported_exports":
        where = [f"source = {source}", "flow = 'X'", years_between(years)]
        if pair_of is not None:
            where.append(pair("reporter", "partner", *pair_of))
        if touching_of is not None:
            where.append(touching("reporter", "partner", touching_of))
        return (f"SELECT year, reporter AS exporter, partner AS importer, SUM(CAST(value_usd AS DOUBLE)) AS value_usd"
                f" FROM country_flows WHERE {' AND '.join(where)} GROUP BY 1, 2, 3")
    raise ValueError(f"source {traits.name!r} declares no bilateral total")


def pair_flows_sql(a: str, b: str, totals: str) -> str:
    """``selection.pair_totals(tables, a, b)``: every source's A→B and B→A yearly totals, all years.

    Columns: source, year, exporter, importer, value_usd, ordered by source, year, exporter.
    """
    parts = [f"SELECT year, exporter, importer, value_usd, {quote_literal(t.name)} AS source"
             f" FROM ({source_totals_sql(t, totals, pair_of=(a, b))}) AS t{i}"
             for i, t in enumerate(flow_sources())]
    if not parts:
        raise ValueError("no source can form a bilateral total")
    return (f"SELECT source, year, exporter, importer, value_usd FROM ({' UNION ALL '.join(parts)}) AS flows"
            " ORDER BY source ASC, year ASC, exporter ASC")


def sources_years_sql(flows: str) -> str:
    """Which sources have which years among the pair's flows (``_pair_series``'s first question)."""
    return f"SELECT source, year, COUNT(*) AS n FROM {flows} GROUP BY 1, 2"


def series_columns(a: str, b: str) -> dict[str, str]:
    """:func:`bilat.analytics.profile.series_columns`, repeated so this module loads without Ibis."""
    return {"a_to_b": f"{a}_to_{b}_usd", "b_to_a": f"{b}_to_{a}_usd", "total": "total_usd", "balance": f"balance_{a}_usd"}


def _yoy(column: str) -> str:
    """``growth.with_yoy``: growth on the previous year, NULL across a gap, from a non-positive base or a NULL."""
    c = quote_identifier(column)
    window = "OVER (ORDER BY year ASC)"
    return (f"CASE WHEN (LAG(year) {window} = (year - 1)) AND (LAG({c}) {window} > 0) AND ({c} IS NOT NULL)"
            f" THEN ({c} / LAG({c}) {window}) - 1.0 ELSE CAST(NULL AS DOUBLE) END AS {quote_identifier(column + '_yoy')}")


def pair_series_sql(flows: str, a: str, b: str, source: str, span: tuple[int, int] | None) -> str:
    """``profile.pair_series`` of the ``source`` rows of ``flows`` (in ``span``): the yearly series both ways."""
    cols = series_columns(a, b)
    ab, ba, total, balance = (quote_identifier(cols[k]) for k in ("a_to_b", "b_to_a", "total", "balance"))
    qa, qb = quote_literal(a), quote_literal(b)
    rows = f"SELECT * FROM {flows} WHERE source = {quote_literal(source)}"
    if span is not None:
        rows += f" AND {years_between(span)}"
    yearly = (f"SELECT year, SUM(value_usd) FILTER (WHERE (exporter = {qa}) AND (importer = {qb})) AS {ab},"
              f" SUM(value_usd) FILTER (WHERE (exporter = {qb}) AND (importer = {qa})) AS {ba}"
              f" FROM ({rows}) AS f GROUP BY 1")
    both = f"SELECT year, {ab}, {ba}, {ab} + {ba} AS {total}, {ab} - {ba} AS {balance} FROM ({yearly}) AS y"
    growth = ", ".join(_yoy(cols[k]) for k in ("a_to_b", "b_to_a", "total"))
    return f"SELECT year, {ab}, {ba}, {total}, {balance}, {growth} FROM ({both}) AS s ORDER BY year ASC"


def mirror_totals_sql(a: str, b: str, source: str) -> str:
    """``selection.mirror_totals``: the pair's flows as each importer reported them (flow M, CIF)."""
    return (f"SELECT year, partner AS exporter, reporter AS importer, SUM(CAST(value_usd AS DOUBLE)) AS value_usd"
            f" FROM country_flows WHERE source = {quote_literal(source)} AND flow = 'M'"
            f" AND {pair('reporter', 'partner', a, b)} GROUP BY 1, 2, 3")


def chapters_sql(rows: str) -> str:
    """The HS chapters ``rows`` (the pair's product rows) hold: chapter, n."""
    return f"SELECT SUBSTRING(hs_code, 1, 2) AS chapter, COUNT(*) AS n FROM ({rows}) AS r GROUP BY 1"


def chapters_by_year_sql(source: str, span: tuple[int, int] | None) -> str:
    """``probe.is_full_basket``'s count: the HS chapters of each year of ``source`` in ``product_flows``."""
    where = f"source = {quote_literal(source)} AND hs_level > 0"
    if span is not None:
        where += f" AND {years_between(span)}"
    return (f"SELECT year, COUNT(DISTINCT SUBSTRING(hs_code, 1, 2)) AS chapters FROM product_flows"
            f" WHERE {where} GROUP BY 1")


def product_years_sql(held: str, a: str, b: str, source: str) -> str:
    """``pair_indices``'s first question: the years with product rows of the pair in ``source``."""
    return (f"SELECT year, COUNT(*) AS n FROM {held} WHERE source = {quote_literal(source)} AND hs_level > 0"
            f" AND {pair('exporter', 'importer', a, b)} GROUP BY 1")
