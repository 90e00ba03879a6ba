"""Question 1b: what the pair trades, by HS section, chapter, heading or subheading.

Example::

    from bilat.questions import pair_composition
    pair_composition("ISR", "JPN", by="chapter").frame
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from bilat.analytics import composition as comp
from bilat.analytics import selection
from bilat.errors import BilatError, NoDataError
from bilat.questions import extent
from bilat.questions.answer import Answer, records
from bilat.questions.probe import is_full_basket
from bilat.questions.yearly import span_of
from bilat.questions.hints import LOAD_HINT
from bilat.session import Session, resolve_pair, using


def pair_composition(a: str, b: str, by: str = "chapter", years: str | tuple[int, int] | None = None,
                     engine: Any = None, hs_revision: int | None = None, *, session: Session | None = None) -> Answer:
    """What the pair trades by section, chapter (hs2), heading (hs4) or subheading (hs6).

    With ``hs_revision`` (1992...2022), six-digit rows of other revisions are first converted to
    it through the UN correlation tables, so that a series crossing a revision lines up.
    """
    if hs_revision is not None:
        from bilat.nomenclature.concordance import REVISIONS

        if hs_revision not in REVISIONS:
            raise BilatError(f"--hs-revision must be one of {', '.join(map(str, REVISIONS))}; got {hs_revision}")
    if by not in comp.LEVELS:
        raise BilatError(f"--by must be one of year, {', '.join(comp.LEVELS)}; got {by!r}")
    a, b = resolve_pair(a, b)
    span = span_of(years)
    digits = comp.LEVELS[by]
    frame = pd.DataFrame()
    chosen = None
    cov = pd.DataFrame(columns=extent.COVERAGE_COLUMNS)
    with using(session, engine) as s:
        for source in selection.product_sources():
            rows, frame = _by_level(s, a, b, span, source, digits, hs_revision)
            if len(frame):
                chosen = source
                cov = extent.flow_coverage(s, a, b, rows, is_full_basket(s, source, span))
                break
    if chosen is None:
        raise NoDataError(f"no product-level flows between {a} and {b} in the loaded data; {LOAD_HINT}")
    frame = frame.rename(columns={"code": "hs_code"})
    notes = []
    if chosen != "baci":
        chapters = sorted(frame.hs_code.str[:2].unique())
        notes.append(
            f"product detail from {chosen} covers only HS chapter(s) {', '.join(chapters)} for this pair; "
            f"the composition is partial: {LOAD_HINT}"
        )
    notes += [label for label in cov.label]
    frame = _describe(frame, by)
    frame["source"] = chosen
    return CompositionAnswer(frame.reset_index(drop=True), notes, chosen, coverage=cov)


def _by_level(s: Session, a: str, b: str, span: tuple[int, int] | None, source: str, digits: int,
              hs_revision: int | None) -> tuple[Any, pd.DataFrame]:
    """The pair's product rows of ``source`` (plain SQL on DuckDB, else an Ibis expression) and their sums by code.

    Why plain SQL: ``bilat flows A B --by chapter`` then loads no Ibis (:mod:`bilat.analytics.levels_sql`,
    the query Ibis compiles from ``composition.by_level``). A harmonised revision joins the
    correlation tables, which only the Ibis expression does.
    """
    if hs_revision is None:
        from bilat.analytics.levels_sql import by_level_sql
        from bilat.analytics.pair_sql import product_rows_sql

        rows_sql = product_rows_sql("product_flows", a, b, span, source)
        found = s.sql_frame(by_level_sql(rows_sql, digits) + " ORDER BY year ASC, exporter ASC, value_usd DESC")
        if found is not None:
            return rows_sql, found
    rows = comp.product_rows(s.tables(("product_flows",)), a, b, span, source)
    if hs_revision is not None:
        rows = _harmonised(s, rows, hs_revision)
    return rows, s.execute(comp.by_level(rows, digits))


@dataclass
class CompositionAnswer(Answer):
    """The composition rows, plus what share of each direction's flow they cover (``coverage``)."""

    coverage: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=extent.COVERAGE_COLUMNS))

    def to_dict(self) -> dict[str, Any]:
        return {**super().to_dict(), "coverage": records(self.coverage)}


def _harmonised(s: Session, rows: Any, target: int) -> Any:
    """``rows`` converted to HS ``target`` (the correlation links are a small in-memory table)."""
    import ibis

    from bilat.nomenclature.concordance import concordance

    present = s.execute(rows.filter(rows.hs_level == 6).select("hs_revision").distinct())["hs_revision"]
    parts = []
    for revision in sorted(int(r) for r in present.dropna().unique()):
        if revision != target:
            links = concordance(revision, target)[["code_from", "code_to", "weight"]].assign(rev_from=revision)
            parts.append(links)
    if not parts:
        return rows
    links = pd.concat(parts, ignore_index=True).astype({"rev_from": "int16", "weight": "float64"})
    return comp.harmonise(rows, ibis.memtable(links), target)


def section_or_unsectioned(code: str) -> tuple[str, str]:
    """(section, name) of an HS code; chapters outside every section (99) get the profile's "other".

    Why not an error: one such row in a BACI year made the whole section view fail (issue #16).
    The label is :data:`bilat.analytics.profile.OTHER_SECTION`, as in the profile's composition.
    """
    from bilat.analytics.profile import OTHER_SECTION
    from bilat.errors import BilatError
    from bilat.nomenclature import hs

    try:
        return hs.section_of(code)
    except BilatError:
        chapter = str(code)[:2]
        if chapter == "99":
            return OTHER_SECTION, "Commodities not specified according to kind (HS 99)"
        return OTHER_SECTION, f"not in an HS section (chapter {chapter})"


def _describe(frame: pd.DataFrame, by: str) -> pd.DataFrame:
    """Add product descriptions (and roll chapters up to sections when asked)."""
    from bilat.nomenclature import hs

    if by == "section":
        sections = frame.hs_code.map(section_or_unsectioned)
        frame = frame.assign(section=[s[0] for s in sections], description=[s[1] for s in sections])
        frame = frame.groupby(["year", "exporter", "importer", "section", "description"], as_index=False)["value_usd"].sum()
        return frame.sort_values(["year", "exporter", "value_usd"], ascending=[True, True, False])

    def describe(code: str) -> str:
        try:
            return hs.describe(code)
        except Exception:  # noqa: BLE001 - an unknown code keeps its row, without a description
            return ""

    return frame.assign(description=frame.hs_code.map(describe))


def composition(a: str, b: str, by: str = "chapter", years: str | None = None, engine: Any = None,
                hs_revision: int | None = None, *, session: Session | None = None) -> pd.DataFrame:
    """What ``a`` and ``b`` trade by product group (see :func:`pair_composition` for notes)."""
    return pair_composition(a, b, by, years, engine, hs_revision=hs_revision, session=session).frame
