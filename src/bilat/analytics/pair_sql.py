"""The pair's yearly totals as plain SQL: the rule of :func:`bilat.analytics.selection.pair_totals`.

Why a second spelling of one rule: ``bilat flows A B`` asks one small question (a hundred-odd
rows), and building it with Ibis costs the process the import of Ibis, pandas and numpy (about
half a second) plus Ibis's compile, several times what DuckDB takes to answer. This module writes
the same query as Ibis compiles it (same filters, same ``SUM`` per year and direction, the same
order), from the same :class:`~bilat.sources.traits.SourceTraits`; ``tests/questions`` checks
that both give the same rows. Only for a pair's own flows from the canonical tables (not the
kept ``pair_totals``, which :func:`~bilat.analytics.selection.pair_totals` does not read either
when it is given only ``product_flows`` and ``country_flows``).
"""

from __future__ import annotations

from collections.abc import Sequence

from bilat.sources.traits import SourceTraits, all_traits, flow_sources
from bilat.sql import quote_identifier, quote_literal

#: The columns of :func:`pair_totals_sql`'s rows, in order.
COLUMNS = ("source", "year", "exporter", "importer", "value_usd")


def _pair(first: str, second: str, a: str, b: str) -> str:
    qa, qb = quote_literal(a), quote_literal(b)
    return f"(({first} = {qa} AND {second} = {qb}) OR ({first} = {qb} AND {second} = {qa}))"


def _years(years: tuple[int, int] | None) -> str:
    return "TRUE" if years is None else f"year BETWEEN {int(years[0])} AND {int(years[1])}"


def _source_sql(traits: SourceTraits, a: str, b: str, years: tuple[int, int] | None) -> str:
    """One source's yearly exporter → importer totals of the pair (see ``selection.source_totals``)."""
    source = quote_literal(traits.name)
    rule = traits.total_rule
    if rule in ("product_sum", "total_rows"):
        where = [f"source = {source}", _years(years)]
        if rule == "product_sum":
            where.append(f"hs_level = {int(traits.finest_level)}")
        else:
            where += ["hs_level = 0", "flow = 'X'", "reporter = exporter"]
        where.append(_pair("exporter", "importer", a, b))
        return (f"SELECT year, exporter, importer, SUM(value_usd) AS value_usd, {source} AS source"
                f" FROM product_flows WHERE {' AND '.join(where)} GROUP BY 1, 2, 3")
    if rule == "reported_exports":
        where = [f"source = {source}", "flow = 'X'", _years(years), _pair("reporter", "partner", a, b)]
        return (f"SELECT year, reporter AS exporter, partner AS importer, SUM(value_usd) AS value_usd, {source} AS source"
                f" FROM country_flows WHERE {' AND '.join(where)} GROUP BY 1, 2, 3")
    raise ValueError(f"source {traits.name!r} declares no bilateral total")


def pair_totals_sql(a: str, b: str, years: tuple[int, int] | None = None, sources: Sequence[str] | None = None) -> str:
    """SQL giving :data:`COLUMNS`: A→B and B→A yearly totals from every source that can form them.

    The same rows as ``selection.pair_totals({"product_flows": ..., "country_flows": ...}, a, b,
    years, sources)``, ordered by source, year and exporter.
    """
    parts = [_source_sql(t, a, b, years) for t in flow_sources()
             if (sources is None or t.name in sources) and t.table in ("product_flows", "country_flows")]
    if not parts:
        raise ValueError(f"none of the sources {list(sources or [])} can form a bilateral total")
    union = " UNION ALL ".join(parts)
    return f"SELECT {', '.join(COLUMNS)} FROM ({union}) AS flows ORDER BY source, year, exporter"


def product_rows_sql(relation: str, a: str, b: str, years: tuple[int, int] | None, source: str) -> str:
    """``selection.product_rows`` over the table named ``relation`` (the pair's held rows, or ``product_flows``).

    Columns: year, exporter, importer, hs_revision, hs_code, hs_level, value_usd.
    """
    traits = all_traits().get(source)
    where = [_pair("exporter", "importer", a, b), f"source = {quote_literal(source)}", "hs_level > 0"]
    if traits is None or traits.product_rule != "reconciled":
        where += ["flow = 'X'", "reporter = exporter"]
    if years is not None:
        where.append(_years(years))
    return (f"SELECT year, exporter, importer, hs_revision, hs_code, hs_level, value_usd FROM {quote_identifier(relation)}"
            f" WHERE {' AND '.join(where)}")
