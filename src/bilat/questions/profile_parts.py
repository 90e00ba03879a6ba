"""The profile's parts beyond the pair's own series: shares and ranks, composition, lenses, world exports.

Each function executes a few expressions of :mod:`bilat.analytics` on the session's engine and
adds to ``notes`` what is missing and how to load it.
"""

from __future__ import annotations

import functools
import math
from functools import cache
from typing import TYPE_CHECKING, Any

import pandas as pd

from bilat.analytics import composition as comp
from bilat.analytics import lens_views as lv
from bilat.analytics import profile as prof
from bilat.analytics import selection
from bilat.analytics import shares as sh
from bilat.errors import BilatError
from bilat.questions import extent
from bilat.questions.probe import is_full_basket
from bilat.questions.hints import BACI_HINT
from bilat.questions.pair_rows import PairRows, tables_for
from bilat.session import Session

if TYPE_CHECKING:
    import ibis.expr.types as ir

#: The composition levels of a profile: name -> HS digits (sections are rolled up from chapters).
LEVELS = {"section": 2, "chapter": 2, "heading": 4}

SHARE_COLUMNS = ["year", "country", "partner", "side", "value_usd", "total_usd", "share", "rank", "partners",
                 "total_basis", "basis", "source"]
COMPOSITION_COLUMNS = ["level", "year", "exporter", "importer", "code", "description", "value_usd", "share", "rank",
                       "prev_value_usd", "change_usd", "change_pct", "share_change_pp", "share_of_flow", "source"]
HHI_COLUMNS = ["year", "exporter", "importer", "hhi", "products", "equivalent_products", "level", "source"]
WORLD_COLUMNS = ["year", "exporter", "code", "description", "value_usd", "share", "rank", "source"]


def shares(s: Session, a: str, b: str, span: tuple[int, int], flows_source: str,
           notes: list[str], held: PairRows | None = None) -> tuple[pd.DataFrame, str | None]:
    """Shares and ranks among all partners, from the flows' own source when it holds every partner.

    Otherwise from the best other all-partners source with rows in the span. One rule for the
    profile and the fact-check: the source that answered the pair's flows answers its shares.
    ``held``: the pair's kept totals read once (:meth:`PairRows.totals_tables`).
    """
    totals = held.totals_name() if held is not None else None
    plain = getattr(s.engine, "hold_sql", None) is not None  # DuckDB: plain SQL (analytics.shares_sql), no Ibis
    tables = None
    candidates = selection.share_sources()
    if flows_source in candidates:
        candidates = [flows_source] + [c for c in candidates if c != flows_source]
    for source in candidates:
        if plain:
            from bilat.analytics.shares_sql import partner_shares_sql

            frame = s.sql_frame(partner_shares_sql(source, totals or "pair_totals", a, b, span))
        else:
            tables = tables or (held.totals_tables() if held is not None else s.tables())
            frame = s.execute(sh.partner_shares(sh.country_matrix(tables, source, (a, b)), a, b, span,
                                                tables["indicators"]))
        if len(frame):
            frame["year"] = frame["year"].astype(int)
            frame["basis"] = frame["side"].map(sh.BASIS)
            frame["source"] = source
            if source == "baci":
                notes.append("shares and ranks from BACI count only the exporters loaded: complete only for a full BACI year")
            return frame.reset_index(drop=True), source
    notes.append("shares and ranks need a source with every partner (IMF DOTS or a full BACI year); none is loaded")
    return pd.DataFrame(columns=SHARE_COLUMNS), None


def composition(s: Session, a: str, b: str, span: tuple[int, int], top: int, series: pd.DataFrame,
                notes: list[str], head: pd.DataFrame | None = None, held: PairRows | None = None,
                ) -> tuple[pd.DataFrame, str | None, bool, pd.DataFrame, pd.DataFrame]:
    """Top products each way at section, chapter and heading level, from the best product source.

    The last item is each direction's coverage (:func:`bilat.questions.extent.coverage`). ``held``:
    the pair's rows read once for every part (:mod:`bilat.questions.pair_rows`).
    """
    empty_hhi = pd.DataFrame(columns=HHI_COLUMNS)
    for source in selection.product_sources():
        rows = _PairProducts(s, held, a, b, span, source)
        chapters_found = rows.chapters()
        if not len(chapters_found):
            continue
        complete = is_full_basket(s, source, span)
        frame = rows.top_by_level(top)
        if not len(frame):
            frame = pd.DataFrame(columns=COMPOSITION_COLUMNS)
        frame["year"] = frame["year"].astype(int)
        frame["description"] = [describe(level, code) for level, code in zip(frame.level, frame.code, strict=True)]
        frame["share_of_flow"] = _share_of_flow(frame, series, a, b)
        frame["source"] = source
        hhi = empty_hhi
        cov = extent.coverage(s, rows.relation(), a, b, series,
                              head if head is not None else pd.DataFrame(columns=extent.HEADLINE_COLUMNS), complete)
        if complete:
            hhi = rows.hhi()
            hhi["level"] = "heading"
            hhi["source"] = source
        else:
            listed = ", ".join(sorted(chapters_found.chapter))
            notes.append(
                f"full bilateral composition needs product data: {source} has only HS chapter(s) {listed} for this pair, "
                f"shown as a slice ({'; '.join(cov.label)}); {BACI_HINT}"
            )
        return frame[COMPOSITION_COLUMNS], source, complete, hhi, cov
    notes.append(f"no product-level flows for this pair: composition, concentration (HHI) and lenses need product data; {BACI_HINT}")
    return pd.DataFrame(columns=COMPOSITION_COLUMNS), None, False, empty_hhi, pd.DataFrame(columns=extent.COVERAGE_COLUMNS)


class _PairProducts:
    """The pair's product rows of one source in the span, asked in plain SQL over the held rows on DuckDB.

    Why: the composition's questions (chapters held, top codes at each level, coverage,
    concentration) were Ibis expressions; on DuckDB they are the plain SQL of
    :mod:`bilat.analytics.levels_sql` and :mod:`bilat.analytics.series_sql` (the same frames,
    ``tests/analytics``), so a profile loads no Ibis. Spark gets the expressions.
    """

    def __init__(self, s: Session, held: PairRows | None, a: str, b: str, span: tuple[int, int], source: str) -> None:
        from bilat.analytics.pair_sql import product_rows_sql

        self.s, self.held, self.a, self.b, self.span, self.source = s, held, a, b, span, source
        name = held.held_name(source) if held is not None else None
        self.sql = product_rows_sql(name, a, b, span, source) if name is not None else None
        self._rows: ir.Table | None = None

    def expr(self) -> ir.Table:
        """The rows as an Ibis expression (``comp.product_rows``), made on first use."""
        if self._rows is None:
            self._rows = comp.product_rows(tables_for(self.s, self.source, self.held), self.a, self.b, self.span,
                                           self.source)
        return self._rows

    def relation(self) -> object:
        """The plain SQL of the rows where there is one, else the expression (for ``extent.coverage``)."""
        return self.sql if self.sql is not None else self.expr()

    def chapters(self) -> pd.DataFrame:
        if self.sql is not None:
            from bilat.analytics.series_sql import chapters_sql

            return self.s.sql_frame(chapters_sql(self.sql))
        rows = self.expr()
        return self.s.execute(rows.group_by([rows.hs_code.left(2).name("chapter")]).aggregate(n=rows.count()))

    def top_by_level(self, top: int) -> pd.DataFrame:
        """:func:`_top_by_level`'s rows."""
        if self.sql is not None:
            from bilat.analytics.levels_sql import top_by_level_sql

            return self.s.sql_frame(top_by_level_sql(self.sql, LEVELS, top))
        return self.s.execute(_top_by_level(self.expr(), top))

    def hhi(self) -> pd.DataFrame:
        """The concentration over headings (``shares.hhi`` of ``by_level(rows, 4)``)."""
        if self.sql is not None:
            from bilat.analytics.levels_sql import by_level_sql
            from bilat.analytics.shares_sql import hhi_sql

            levels = by_level_sql(self.sql, 4) + " ORDER BY year ASC, exporter ASC, value_usd DESC"  # as by_level
            return self.s.sql_frame(hhi_sql(levels))
        return self.s.execute(sh.hhi(comp.by_level(self.expr(), 4)))


def _top_by_level(rows: ir.Table, top: int) -> ir.Table:
    """The top ``top`` codes of each year and direction at every level of :data:`LEVELS`, in one query.

    Why one: the three levels were three round trips over the same held rows. The rows come
    level by level (section, chapter, heading), each ordered as :func:`bilat.analytics.profile.top_n`
    orders it (year, exporter, rank: one row each), so the frame is the one the three queries made.
    """
    import ibis

    parts = []
    for order, (level, digits) in enumerate(LEVELS.items()):
        levels = comp.by_level(rows, digits)
        if level == "section":
            levels = prof.by_section(levels)
        top_rows = prof.top_n(prof.with_shares(levels), top)
        parts.append(top_rows.mutate(level=ibis.literal(level), level_order=ibis.literal(order)))
    both = parts[0]
    for part in parts[1:]:
        both = both.union(part, distinct=False)
    return both.order_by(["level_order", "year", "exporter", "rank"]).drop("level_order")


def _share_of_flow(frame: pd.DataFrame, series: pd.DataFrame, a: str, b: str) -> list[float | None]:
    """Each row's value as a share of the whole directional flow of the series' source."""
    cols = prof.series_columns(a, b)
    lookup = {}
    for row in series.itertuples(index=False):
        d = row._asdict()
        lookup[(int(d["year"]), a)] = d[cols["a_to_b"]]
        lookup[(int(d["year"]), b)] = d[cols["b_to_a"]]
    out = []
    for year, exporter, value in zip(frame.year, frame.exporter, frame.value_usd, strict=True):
        whole = lookup.get((int(year), exporter))
        out.append(float(value) / whole if whole and not math.isnan(whole) else None)
    return out


def describe(level: str, code: str) -> str:
    """A product group's name: an HS section's, or the nomenclature's for a code ("" if unknown)."""
    from bilat.nomenclature import hs

    try:
        if level == "section":
            if code == prof.OTHER_SECTION:
                return "Commodities not specified according to kind (HS 99)"
            return _section_names().get(code, "")
        return hs.describe(code)
    except BilatError:
        return ""


@cache
def _section_names() -> dict[str, str]:
    """Section code -> name, built once (``describe`` asks for it for every row of a table)."""
    from bilat.nomenclature.hs import hs_table

    table = hs_table(level=2)
    return dict(zip(table.section, table.section_name, strict=True))


def lens_views(s: Session, a: str, b: str, span: tuple[int, int], lens: Any, source: str | None,
               complete: bool, notes: list[str], held: PairRows | None = None,
               ) -> tuple[pd.DataFrame | None, pd.DataFrame | None]:
    """The lens within the pair's trade (product data) and in each side's world exports (OTS)."""
    pair_frame = None
    if source is not None and complete:
        rows = comp.product_rows(tables_for(s, source, held), a, b, span, source)
        pair_frame = s.execute(lv.lens_in_pair(rows, tuple(lens.hs_prefixes)))
        pair_frame["description"] = [describe("heading", c) for c in pair_frame.hs_code]
        pair_frame["lens"] = lens.name
        pair_frame["source"] = source
    else:
        notes.append(
            f"lens {lens.name!r} ({lens.title}) inside the pair's trade needs product data (loaded: "
            f"{'HS chapter slices only' if source else 'none'}); {BACI_HINT}"
        )
    world = _lens_world(s, a, b, lens)
    if world is not None and len(world):
        if bool(world.widened.any()):
            notes.append(f"lens {lens.name!r} in world exports uses OTS 4-digit headings: its 6-digit codes are matched "
                         f"by their heading, an upper bound")
    else:
        world = None
    return pair_frame, world


def _lens_world(s: Session, a: str, b: str, lens: Any) -> pd.DataFrame:
    """Each side's world exports in the lens (OTS), its share of the country's exports and world rank."""
    world = lv.world_rows(s.table("product_flows"))
    levels = s.execute(world.group_by("hs_level").aggregate(n=world.count()))
    if not len(levels):
        return pd.DataFrame()
    digits = int(levels.hs_level.max())
    codes, widened = lv.lens_codes_at(tuple(lens.hs_prefixes), digits)
    frame = s.execute(lv.lens_in_world(world, digits, codes, a, b))
    frame["lens"] = lens.name
    frame["widened"] = widened
    frame["source"] = "ots"
    return frame


#: More ranks than HS sections (21 and "other"): :func:`world_exports` asks for all of them.
EVERY_SECTION = 99


def world_exports(s: Session, a: str, b: str, top: int = 10) -> pd.DataFrame:
    """Each side's exports to the world by HS section (OTS or another source with ``WLD`` rows).

    Columns: year, exporter, code (section), description, value_usd, share, rank, source.
    """
    from bilat.analytics import levels_sql

    found = s.sql_frame(levels_sql.world_sources_sql(a, b))  # plain SQL on DuckDB, else None
    rows = lv.world_export_rows(s.table("product_flows"), a, b) if found is None else None
    if found is None:
        found = s.execute(rows.group_by(["source", "year"]).aggregate(n=rows.count()))
    if not len(found):
        return pd.DataFrame(columns=WORLD_COLUMNS)
    latest = found.sort_values(["year", "n"]).iloc[-1]
    source, year = str(latest.source), int(latest.year)
    # Every section, then the top ones: the profile (top 10) and the reconciliation (top 50) ask
    # the same query, which the session then runs once (a section's share and rank do not depend on top).
    if rows is None:
        frame = s.sql_frame(levels_sql.world_exports_by_section_sql(a, b, source, year, EVERY_SECTION))
    else:
        frame = s.execute(lv.world_exports_by_section(rows, source, year, EVERY_SECTION))
    frame = frame[frame["rank"] <= top].reset_index(drop=True)
    frame["description"] = [describe("section", c) for c in frame.code]
    frame["source"] = source
    frame["year"] = frame["year"].astype(int)
    return frame[WORLD_COLUMNS]
