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

from bilat.analytics.series_sql import pair as _pair
from bilat.analytics.series_sql import source_totals_sql, years_between
from bilat.sources.traits import SourceTraits, all_traits, flow_sources
from bilat.sql import quote_identifier, quote_literal

#: The columns of :func:`pair_totals_sql`'s rows, in order.
COLUMNS = ("source", "year", "exporter", "importer", "value_usd")


def _source_sql(traits: SourceTraits, a: str, b: str, years: tuple[int, int] | None) -> str:
    """One source's yearly exporter → importer totals of the pair (the rule of :mod:`bilat.analytics.series_sql`)."""
    totals = source_totals_sql(traits, None, years=years, pair_of=(a, b))
    return f"SELECT year, exporter, importer, value_usd, {quote_literal(traits.name)} AS source FROM ({totals}) AS t"


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
        where.append(years_between(years))
    return (f"SELECT year, exporter, importer, hs_revision, hs_code, hs_level, value_usd FROM {quote_identifier(relation)}"
            f" WHERE {' AND '.join(where)}")
