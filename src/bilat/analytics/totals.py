"""Pair totals kept at ingestion, as the all-pairs matrix that shares and ranks need.

:func:`pair_totals_matrix` gives what :func:`bilat.analytics.shares.country_matrix` gives for a
product-level source (``baci``, ``comtrade``), with the same columns and the same rule (see
:mod:`bilat.catalog.totals`), from ``tables["pair_totals"]``: a few tens of thousands of rows a year
instead of every HS6 line, so shares and ranks among all partners no longer scan the rows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING


from bilat.analytics.memo import kept
from bilat.schema import ALL_PRODUCTS

if TYPE_CHECKING:  # annotations only: the module loads without Ibis
    import ibis.expr.types as ir


@kept
def pair_totals_matrix(tables: dict[str, ir.Table], source: str, touching: tuple[str, ...] | None = None) -> ir.Table:
    """Yearly exporter → importer totals of ``source``: year, exporter, importer, value_usd.

    Equal (up to the order of a floating-point sum) to ``country_matrix(tables, source)`` for
    ``baci`` and ``comtrade``; empty for a source whose rows give no pair totals. ``touching``:
    only the pairs with one of these countries on either side, cut before the sum (a query that
    uses the matrix several times gets it as one common table, which no later filter reaches).
    """
    pt = tables["pair_totals"]
    rows = pt.filter(pt.source == source, pt.hs_section == ALL_PRODUCTS)
    if touching is not None:
        rows = rows.filter(rows.exporter.isin(list(touching)) | rows.importer.isin(list(touching)))
    return rows.group_by(["year", "exporter", "importer"]).aggregate(value_usd=rows.value_usd.cast("float64").sum())


@kept
def pair_section_totals(tables: dict[str, ir.Table], source: str) -> ir.Table:
    """Yearly exporter → importer totals per HS section (1-21): year, exporter, importer, hs_section, value_usd."""
    pt = tables["pair_totals"]
    rows = pt.filter(pt.source == source, pt.hs_section != ALL_PRODUCTS)
    return rows.group_by(["year", "exporter", "importer", "hs_section"]).aggregate(
        value_usd=rows.value_usd.cast("float64").sum()
    )
