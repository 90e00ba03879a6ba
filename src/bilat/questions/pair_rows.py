"""The pair's product rows, read once per profile and held in the engine for all its parts.

Why: the profile asks many things of the same few rows: which chapters a source holds, the
composition at three levels, the concentration, the coverage, the lens, the intra-industry index.
Each was its own query over every year's Parquet file (pruned to the pair's row groups, but each
paying the files' footers, Bloom filters and the scan); held, they are one read, and the parts run
on a few thousand rows in memory. The held table has the ``product_flows`` columns the parts read
(:data:`HELD_COLUMNS`), all years, so each part applies its own filters (span, levels, the
source's rule) exactly as before.

The pair's kept totals are held the same way (:meth:`PairRows.totals_tables`): the section-0 rows
of ``pair_totals`` with one of the two on either side, all that the series and the shares and ranks
read of it (each read them from every year's totals file).

Held in plain SQL on DuckDB (the parts there ask in plain SQL too, :mod:`bilat.analytics.series_sql`);
an engine without ``hold_sql`` (Spark) gets the plain expressions: the same answers, one read per part.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import re


from bilat.session import Session

if TYPE_CHECKING:  # annotations only: the module loads without Ibis
    import ibis.expr.types as ir


#: The columns the parts read (not quantities, valuation, provenance: a third less to read).
HELD_COLUMNS = ("year", "exporter", "importer", "reporter", "flow", "hs_revision", "hs_code", "hs_level", "value_usd",
                "source")


class PairRows:
    """Per source, the pair's rows of ``product_flows`` (both directions), held on first use."""

    def __init__(self, s: Session, a: str, b: str) -> None:
        self.s, self.a, self.b = s, a, b
        self._held: dict[str, ir.Table] = {}
        self._names: dict[str, str] = {}  # source -> the engine's table holding its rows
        self._totals: ir.Table | None = None
        self._totals_name: str | None = None

    def table(self, source: str) -> ir.Table:
        """``product_flows`` restricted to the pair's rows of ``source`` (held when the engine can)."""
        if source not in self._held:
            name = self.held_name(source)
            if name is not None:
                self._held[source] = self.s.engine.held(name)
            else:
                pf = self.s.table("product_flows")
                a, b = self.a, self.b
                rows = pf.filter(pf.source == source,
                                 ((pf.exporter == a) & (pf.importer == b)) | ((pf.exporter == b) & (pf.importer == a)))
                self._held[source] = rows.select(*HELD_COLUMNS)
        return self._held[source]

    def held_name(self, source: str) -> str | None:
        """The name of the engine's table holding :meth:`table`'s rows (None: not held, e.g. on Spark).

        Held in plain SQL (:meth:`~bilat.engines.duckdb.DuckDBEngine.hold_sql`): the parts that
        ask in plain SQL read it without Ibis (:mod:`bilat.analytics.series_sql`).
        """
        hold = getattr(self.s.engine, "hold_sql", None)
        if hold is None:
            return None
        if source not in self._names:
            from bilat.analytics.series_sql import held_rows_sql

            self._names[source] = hold(_name("bilat_pair_rows", source, self.a, self.b),
                                       held_rows_sql(self.a, self.b, source))
        return self._names[source]

    def totals_name(self) -> str | None:
        """The engine's table holding the pair's all-products totals (:meth:`totals_tables`), or None (Spark)."""
        hold = getattr(self.s.engine, "hold_sql", None)
        if hold is None:
            return None
        if self._totals_name is None:
            from bilat.analytics.series_sql import held_totals_sql

            self._totals_name = hold(_name("bilat_pair_totals", self.a, self.b), held_totals_sql(self.a, self.b))
        return self._totals_name

    def totals_tables(self) -> dict[str, ir.Table]:
        """The session's tables with ``pair_totals`` cut to its all-products rows touching the pair, held.

        For readers of the all-products totals (``hs_section`` 0) of pairs with ``a`` or ``b`` on
        one side only: the series (:func:`bilat.analytics.selection.pair_totals`) and shares and
        ranks (``country_matrix(..., touching=(a, b))``), whose sums are per pair and per partner.
        Not for a sum over many pairs' shares (the concentration over partners): the held rows
        come in another order, and such a sum can move in its last digit. Section totals are not
        held. Without a held table, the session's tables.
        """
        tables = self.s.tables()
        name = self.totals_name()
        if name is None or "pair_totals" not in tables:
            return tables
        if self._totals is None:
            self._totals = self.s.engine.held(name)
        return {**tables, "pair_totals": self._totals}

    def tables(self, source: str) -> dict[str, ir.Table]:
        """The session's tables with ``product_flows`` replaced by :meth:`table` (for ``selection`` helpers)."""
        return {**self.s.tables(), "product_flows": self.table(source)}


def _name(prefix: str, *parts: str) -> str:
    """A held table's name: the same for the same pair (its expressions then compile once)."""
    return prefix + "_" + re.sub(r"[^A-Za-z0-9]", "_", "_".join(parts))


def tables_for(s: Session, source: str, held: PairRows | None) -> dict[str, ir.Table]:
    """:meth:`PairRows.tables`, or the session's own tables when nothing is held."""
    return held.tables(source) if held is not None else s.tables()
