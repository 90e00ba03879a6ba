"""Question 1a for the terminal: the pair's yearly flows as a wide table, without Ibis or pandas.

Why beside :mod:`bilat.questions.yearly`: ``bilat flows A B`` prints a hundred-odd numbers, and the
DataFrame path made every such call import pandas, numpy and Ibis (most of its second). This one
asks DuckDB the same query in plain SQL (:mod:`bilat.analytics.pair_sql`) and shapes the same
wide table as :func:`bilat.analytics.flows.wide` (year, A→B, B→A, total, A's balance) from
Python tuples, with the same notes and the same choice of source as
:func:`bilat.questions.yearly.pair_flows`. Engines without plain SQL rows (Spark) answer None:
the caller then takes the DataFrame path.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bilat.analytics.pair_sql import pair_totals_sql
from bilat.errors import NoDataError
from bilat.session import Session
from bilat.sources.traits import flow_sources


@dataclass(frozen=True)
class YearlyTable:
    """The wide yearly table: column names, rows of plain values, the notes and the source."""

    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    notes: list[str] = field(default_factory=list)
    source: str | None = None


def _parse(years: str | tuple[int, int] | None) -> tuple[int, int] | None:
    if years is None or isinstance(years, str):
        from bilat.analytics.years import parse_years

        return parse_years(years)
    return int(years[0]), int(years[1])


def pair_flows_table(s: Session, a: str, b: str, years: str | tuple[int, int] | None = None,
                     source: str | None = None) -> YearlyTable | None:
    """``wide(pair_flows(a, b, years, source).frame, a, b)`` as plain rows (None: no plain SQL engine).

    ``a`` and ``b`` are ISO3 codes (:meth:`Session.pair` resolves them).
    """
    rows_of = getattr(s.engine, "rows", None)
    if rows_of is None:
        return None
    span = _parse(years)
    found = rows_of(pair_totals_sql(a, b, span))
    present = {r[0] for r in found}
    if source is not None:
        chosen = source if source in present else None
    else:
        chosen = next((t.name for t in flow_sources() if t.name in present), None)
    if chosen is None:
        where = f" in {span[0]}-{span[1]}" if span else ""
        wanted = f" from source {source!r}" if source else ""
        raise NoDataError(f"no goods flows between {a} and {b}{where}{wanted} in the loaded data")
    ab: dict[int, float] = {}
    ba: dict[int, float] = {}
    for src, year, exporter, importer, value in found:
        if src != chosen:
            continue
        if exporter == a and importer == b:
            ab[year] = None if value is None else float(value)
        elif exporter == b and importer == a:
            ba[year] = None if value is None else float(value)
    table = []
    for year in sorted(set(ab) | set(ba)):
        there, back = ab.get(year), ba.get(year)
        both = there is not None and back is not None
        table.append((year, there, back, there + back if both else None, there - back if both else None))
    notes = source_notes(a, b, chosen, sorted(present - {chosen}))
    columns = ("year", f"{a}_to_{b}_usd", f"{b}_to_{a}_usd", "total_usd", f"balance_{a}_usd")
    return YearlyTable(columns, tuple(table), notes, chosen)


def source_notes(a: str, b: str, chosen: str, others: list[str]) -> list[str]:
    """What a yearly table says of its source: the others loaded, and that imports are mirrored."""
    notes = []
    if others:
        notes.append(f"also available from: {', '.join(others)} (use --source to switch; sources are never summed)")
    if chosen != "baci":
        notes.append(
            f"{a}'s imports from {b} are {b}'s reported exports (mirror, FOB), not {a}'s own CIF import figure; "
            f"importers' own figures, where loaded, are compared in `bilat reconcile {a} {b}`"
        )
    return notes
