"""The one coverage probe: which source holds what, and whether a source is a full product basket.

Why one probe: "does this source cover every product?" was answered with 40 chapters in the
profile and 80 in the potential, so the same Comtrade file could be a composition in one view and
a slice in another. Now a source is a full basket when its traits say so (BACI), or, for sources
whose files vary (Comtrade extracts), when its rows in the year (or span) asked about reach
:data:`FULL_BASKET_CHAPTERS` HS chapters.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bilat.sources.traits import all_traits, by_priority

#: HS chapters (of 96 in use) a source's rows must reach to count as every product: the embedded
#: Comtrade extract (chapters 27 and 44 only) must not pass for a full basket.
FULL_BASKET_CHAPTERS = 80


@dataclass(frozen=True)
class Coverage:
    """What one source holds for one year in ``product_flows``."""

    source: str
    year: int
    finest_level: int
    rows: int
    bilateral_rows: int
    chapters: int

    @property
    def full_basket(self) -> bool:
        traits = all_traits().get(self.source)
        if traits is not None and traits.full_basket is not None:
            return bool(traits.full_basket) or self.chapters >= FULL_BASKET_CHAPTERS
        return self.chapters >= FULL_BASKET_CHAPTERS


#: HS chapters in use (01-97, 77 reserved): the denominator of "N of 96 chapters".
HS_CHAPTERS_IN_USE = 96


def partial_basket_note(cover: Coverage) -> str:
    """A sentence for answers resting on a source whose loaded rows miss part of the basket, or ''.

    Why: BACI is a full basket by its traits, but a user may load a file cut to a few chapters;
    RCA and potential computed on it are relative to those chapters only, and must say so
    (issue #16: such a file once made the potential say there were no rows at all).
    """
    if cover.chapters >= FULL_BASKET_CHAPTERS:
        return ""
    return (
        f"the loaded {cover.source} {cover.year} rows cover only {cover.chapters} of {HS_CHAPTERS_IN_USE} HS chapters, "
        f"so RCA and potential are relative to those chapters, not to all trade; load the whole year for the full basket"
    )


def coverage(engine: Any, flows: Any, *, summary: Any = None) -> list[Coverage]:
    """Sources and years in ``product_flows`` (exporter side), best first (priority, then latest year).

    ``summary``: the per source and year rows already read (the plain SQL of
    :func:`bilat.analytics.product_sql.coverage_sql`); else they are asked of ``flows`` with Ibis.
    """
    if summary is None:
        t = flows.filter(flows.flow.isnull() | (flows.flow == "X"))
        summary = engine.execute(
            t.group_by(["source", "year"]).aggregate(
                finest_level=t.hs_level.max(),
                rows=t.count(),
                bilateral_rows=(t.importer != "WLD").sum(),
                chapters=t.hs_code.left(2).nunique(),
            )
        )
    out = [
        Coverage(str(r.source), int(r.year), int(r.finest_level), int(r.rows), int(r.bilateral_rows), int(r.chapters))
        for r in summary.itertuples(index=False)
    ]
    ranked = by_priority({c.source for c in out})
    order = {name: i for i, name in enumerate(ranked)}
    return sorted(out, key=lambda c: (order.get(c.source, len(order)), -c.year, -c.rows))


def pick(covers: list[Coverage], *, year: int | None, level: int, source: str | None,
         bilateral: bool) -> Coverage | None:
    """The best source/year that can answer at ``level`` (full basket; bilateral rows if asked)."""
    for c in covers:
        if year is not None and c.year != year:
            continue
        if source is not None and c.source != source:
            continue
        if c.finest_level < level or not c.full_basket or (bilateral and c.bilateral_rows == 0):
            continue
        return c
    return None


def is_full_basket(session: Any, source: str, span: tuple[int, int] | None) -> bool:
    """True when ``source`` covers every product over ``span``: by its traits, or by its chapters."""
    traits = all_traits().get(source)
    if traits is not None and traits.full_basket is True:
        return True
    if traits is not None and traits.full_basket is False:
        return False
    from bilat.analytics.series_sql import chapters_by_year_sql

    found = session.sql_frame(chapters_by_year_sql(source, span))  # plain SQL on DuckDB, else None
    if found is None:
        pf = session.table("product_flows")
        rows = pf.filter(pf.source == source, pf.hs_level > 0)
        if span is not None:
            rows = rows.filter(rows.year.between(span[0], span[1]))
        found = session.execute(rows.group_by("year").aggregate(chapters=rows.hs_code.left(2).nunique()))
    return bool(len(found)) and int(found.chapters.max()) >= FULL_BASKET_CHAPTERS
