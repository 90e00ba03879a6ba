"""The one place that cuts a source's totals and product rows out of the canonical tables.

Every question that needs "how much did A sell to B" (a pair's flows, shares and ranks among all
partners, the fact-check) or "what did A sell to B" (composition, lenses) calls these functions;
each reads the source's :class:`~bilat.sources.traits.SourceTraits` and nothing else, so two
questions about one flow can only disagree if they ask for different sources. Pure Ibis: nothing
connects or executes here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from collections.abc import Mapping, Sequence

from bilat.analytics._ibis import ibis  # imported on first use (see the module)
import pandas as pd

from bilat.analytics.memo import kept, kept_by, traits_key
from bilat.sources.traits import SourceTraits, all_traits, flow_sources

if TYPE_CHECKING:  # annotations only: the module loads without Ibis
    import ibis.expr.types as ir


def _in_years(column: ir.Value, years: tuple[int, int] | None) -> ir.BooleanValue:
    return ibis.literal(True) if years is None else column.between(years[0], years[1])


@kept
def source_totals(
    tables: Mapping[str, ir.Table],
    traits: SourceTraits,
    years: tuple[int, int] | None = None,
    pair: tuple[str, str] | None = None,
    touching: tuple[str, ...] | None = None,
) -> ir.Table:
    """Yearly exporter → importer totals of one source: year, exporter, importer, value_usd.

    ``pair`` keeps only the flows between its two countries (both directions); ``touching`` only
    the flows with one of these countries on either side. The rule that
    forms the total is the source's ``total_rule``; a source without one has no totals (an
    error, since asking is a bug).
    """
    rule = traits.total_rule
    if rule in ("product_sum", "total_rows") and pair is not None and "pair_totals" in tables:
        from bilat.catalog.totals import TOTAL_SOURCES

        if traits.name in TOTAL_SOURCES:  # the same rule, kept at ingestion: a few rows, not the pair's lines
            from bilat.analytics.totals import pair_totals_matrix

            m = pair_totals_matrix(tables, traits.name)  # type: ignore[arg-type]
            a, b = pair
            return m.filter(_in_years(m.year, years),
                            ((m.exporter == a) & (m.importer == b)) | ((m.exporter == b) & (m.importer == a)))
    if rule in ("product_sum", "total_rows"):
        pf = tables["product_flows"]
        conditions = [pf.source == traits.name, _in_years(pf.year, years)]
        if rule == "product_sum":
            conditions.append(pf.hs_level == traits.finest_level)
        else:
            conditions += [pf.hs_level == 0, pf.flow == "X", pf.reporter == pf.exporter]
        if pair is not None:
            a, b = pair
            conditions.append(((pf.exporter == a) & (pf.importer == b)) | ((pf.exporter == b) & (pf.importer == a)))
        if touching is not None:
            conditions.append(pf.exporter.isin(list(touching)) | pf.importer.isin(list(touching)))
        rows = pf.filter(*conditions)
        return rows.group_by(["year", "exporter", "importer"]).aggregate(value_usd=rows.value_usd.cast("float64").sum())
    if rule == "reported_exports":
        cf = tables["country_flows"]
        conditions = [cf.source == traits.name, cf.flow == "X", _in_years(cf.year, years)]
        if pair is not None:
            a, b = pair
            conditions.append(((cf.reporter == a) & (cf.partner == b)) | ((cf.reporter == b) & (cf.partner == a)))
        if touching is not None:
            conditions.append(cf.reporter.isin(list(touching)) | cf.partner.isin(list(touching)))
        rows = cf.filter(*conditions)
        return rows.group_by(["year", rows.reporter.name("exporter"), rows.partner.name("importer")]).aggregate(
            value_usd=rows.value_usd.cast("float64").sum()
        )
    raise ValueError(f"source {traits.name!r} declares no bilateral total")


@kept_by(traits_key)
def pair_totals(
    tables: Mapping[str, ir.Table],
    a: str,
    b: str,
    years: tuple[int, int] | None = None,
    sources: Sequence[str] | None = None,
) -> ir.Table:
    """A→B and B→A yearly totals from every source that can form them, one row per (source, year, direction).

    Columns: source, year, exporter, importer, value_usd. ``sources`` limits the candidates.
    """
    parts = []
    for traits in flow_sources():
        if sources is not None and traits.name not in sources:
            continue
        if traits.table not in tables:  # a caller that passes only some tables asks only their sources
            continue
        part = source_totals(tables, traits, years, pair=(a, b))
        parts.append(part.mutate(source=ibis.literal(traits.name)))
    if not parts:
        raise ValueError(f"none of the sources {list(sources or [])} can form a bilateral total")
    combined = parts[0]
    for part in parts[1:]:
        combined = combined.union(part)
    return combined.select("source", "year", "exporter", "importer", "value_usd").order_by(["source", "year", "exporter"])


@kept_by(traits_key)
def country_matrix(tables: Mapping[str, ir.Table], source: str, touching: tuple[str, ...] | None = None) -> ir.Table:
    """Every exporter → importer yearly total of one source (the world row kept where it has one).

    For a product source whose totals ingestion keeps (``pair_totals``, :mod:`bilat.catalog.totals`:
    the same rule, materialised per file, with an on-the-fly fallback for older files), the matrix
    is read from those totals instead of every product line: shares and ranks among all partners
    then cost a few thousand rows a year, not a full scan. ``touching`` keeps only the pairs with
    one of these countries on either side (all that shares and ranks of a pair read), cut first.
    """
    from bilat.analytics.totals import pair_totals_matrix
    from bilat.catalog.totals import TOTAL_SOURCES

    traits = all_traits().get(source)
    if traits is None or not traits.answers_flows:
        raise ValueError(f"source {source!r} declares no bilateral total")
    if source in TOTAL_SOURCES and "pair_totals" in tables:
        return pair_totals_matrix(tables, source, touching)  # type: ignore[arg-type]
    return source_totals(tables, traits, touching=touching)


@kept_by(traits_key)
def product_rows(
    tables: Mapping[str, ir.Table],
    a: str,
    b: str,
    years: tuple[int, int] | None,
    source: str,
) -> ir.Table:
    """The pair's product rows of one source, both directions, as its ``product_rule`` reads them.

    Columns: year, exporter, importer, hs_revision, hs_code, hs_level, value_usd.
    """
    traits = all_traits().get(source)
    pf = tables["product_flows"]
    pair = ((pf.exporter == a) & (pf.importer == b)) | ((pf.exporter == b) & (pf.importer == a))
    conditions = [pair, pf.source == source, pf.hs_level > 0]
    if traits is None or traits.product_rule != "reconciled":
        conditions += [pf.flow == "X", pf.reporter == pf.exporter]
    if years is not None:
        conditions.append(pf.year.between(years[0], years[1]))
    rows = pf.filter(*conditions)
    return rows.select("year", "exporter", "importer", "hs_revision", "hs_code", "hs_level", "value_usd")


def exporter_side(flows: ir.Table, source: str) -> ir.BooleanValue:
    """Rows of ``source`` that state what the exporter sold: the matrix behind RCA, potential, complexity.

    A reconciled source's rows all count; a declaring source's count when the exporter declared
    them (flow X, reporter = exporter); a source without product traits (world exports such as
    Open Trade Statistics, or an undeclared plug-in) by its flow: empty (reconciled) or X.
    """
    traits = all_traits().get(source)
    if traits is not None and traits.product_rule == "reconciled":
        return ibis.literal(True)
    if traits is not None and traits.product_rule == "exporter_declared":
        return (flows.flow == "X") & (flows.reporter == flows.exporter)
    return flows.flow.isnull() | (flows.flow == "X")


def product_sources() -> list[str]:
    """Sources with bilateral product rows, best first (composition and lenses try them in turn)."""
    return [t.name for t in all_traits().values() if t.product_rule is not None]


def share_sources() -> list[str]:
    """Sources that hold every partner (shares and ranks), best first."""
    return [t.name for t in all_traits().values() if t.all_partners and t.answers_flows]


def choose_source(frame: pd.DataFrame, prefer: str | None = None) -> str | None:
    """The source to report from a frame with a ``source`` column: ``prefer`` if present, else the best."""
    present = set(frame["source"]) if len(frame) else set()
    if prefer is not None:
        return prefer if prefer in present else None
    for traits in flow_sources():
        if traits.name in present:
            return traits.name
    return None


def best_indicators(indicators: ir.Table) -> ir.Table:
    """One row per (country, year, indicator): the best source's, by the sources' declared priority.

    Why: national totals come from more than one source (UN Comtrade's reporter-declared totals
    from 2010, Correlates of War to 2014); taking a maximum of values and of source names apart
    could pair one source's figure with the other's name. Sources without traits rank last, then
    by name, so the choice never depends on row order.
    """
    order = {name: i for i, name in enumerate(all_traits())}
    rank = ibis.cases(*[(indicators.source == name, i) for name, i in order.items()], else_=len(order)) if order else ibis.literal(0)
    ranked = indicators.filter(indicators.value.notnull()).mutate(_source_rank=rank)
    window = ibis.window(group_by=["country", "year", "indicator"], order_by=[ranked._source_rank, ranked.source])
    ranked = ranked.mutate(_pick=ibis.row_number().over(window))
    return ranked.filter(ranked._pick == 0).drop("_source_rank", "_pick")


def basis_of(source: str) -> str:
    """What one figure of ``source`` measures, in words."""
    traits = all_traits().get(source)
    return traits.basis if traits is not None else source


@kept
def mirror_totals(tables: Mapping[str, ir.Table], a: str, b: str, source: str) -> ir.Table:
    """The pair's flows as each importer reported them (country_flows flow M, CIF) in one source.

    Columns: year, exporter (the partner), importer (the reporter), value_usd. The fallback for a
    direction whose exporter stopped reporting: the importer's own figure, labelled as a mirror.
    """
    cf = tables["country_flows"]
    pair = ((cf.reporter == a) & (cf.partner == b)) | ((cf.reporter == b) & (cf.partner == a))
    rows = cf.filter(cf.source == source, cf.flow == "M", pair)
    return rows.group_by(["year", rows.partner.name("exporter"), rows.reporter.name("importer")]).aggregate(
        value_usd=rows.value_usd.cast("float64").sum()
    )
