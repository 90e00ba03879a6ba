"""Codes by level, sections, shares and ranks as plain SQL: the profile's composition and world exports on DuckDB.

Why a second spelling: the profile's composition (three levels, each with shares, ranks and the
change on last year) and each side's world exports by section were the two costliest Ibis
compiles of a report (a quarter of a second each on this machine), several times what DuckDB takes
to answer. These builders write the queries Ibis compiles from
:func:`bilat.analytics.composition.by_level`, :func:`bilat.analytics.profile.by_section`,
:func:`~bilat.analytics.profile.with_shares`, :func:`~bilat.analytics.profile.top_n` and
:func:`bilat.analytics.lens_views.world_exports_by_section`: the same filters, sums, windows and
arithmetic in the same order, over the same rows; ``tests/analytics/test_levels_sql.py`` holds that
both give the same frames. Values reach the SQL through :func:`bilat.sql.quote_literal` or ``int()``.
"""

from __future__ import annotations

from functools import cache

from bilat.schema import WORLD
from bilat.sql import quote_literal

#: Columns of :func:`with_shares_sql`, in order (those of ``profile.with_shares``).
SHARE_COLUMNS = ("year", "exporter", "importer", "code", "value_usd", "share", "rank", "prev_value_usd", "change_usd",
                 "change_pct", "share_change_pp")

_DIRECTION = "year, exporter, importer"


def by_level_sql(rows: str, digits: int) -> str:
    """``composition.by_level``: ``rows`` (year, exporter, importer, hs_code, hs_level, value_usd) summed to ``digits``.

    Per (year, direction, code) only the coarsest level the rows have (``min(hs_level)``, as there).
    """
    keys = f"{_DIRECTION}, code"
    coded = (f"SELECT {_DIRECTION}, SUBSTRING(hs_code, 1, {int(digits)}) AS code, hs_level, value_usd"
             f" FROM ({rows}) AS r WHERE hs_level >= {int(digits)}")
    finest = f"SELECT {keys}, hs_level, SUM(value_usd) AS value_usd FROM ({coded}) AS c GROUP BY {keys}, hs_level"
    return (f"SELECT f.year, f.exporter, f.importer, f.code, f.value_usd FROM ({finest}) AS f"
            f" INNER JOIN (SELECT {keys}, MIN(hs_level) AS level FROM ({finest}) AS g GROUP BY {keys}) AS best"
            " ON f.year = best.year AND f.exporter = best.exporter AND f.importer = best.importer AND f.code = best.code"
            " WHERE f.hs_level = best.level")


@cache
def _sections_values() -> str:
    """The chapter → section map of ``profile.by_section`` as a ``VALUES`` list (made once)."""
    from bilat.analytics.profile import _chapter_sections

    pairs = _chapter_sections()
    rows = ", ".join(f"({quote_literal(c)}, {quote_literal(s)})" for c, s in zip(pairs.chapter, pairs.section, strict=True))
    return f"(VALUES {rows}) AS sections(chapter, section)"


def by_section_sql(chapters: str) -> str:
    """``profile.by_section``: chapter rows (code = 2 digits) rolled up to HS sections."""
    return (f"SELECT {_DIRECTION}, section AS code, SUM(value_usd) AS value_usd FROM ("
            f"SELECT l.year, l.exporter, l.importer, l.value_usd, sections.section FROM ({chapters}) AS l"
            f" INNER JOIN {_sections_values()} ON l.code = sections.chapter) AS j GROUP BY {_DIRECTION}, section")


def with_shares_sql(levels: str) -> str:
    """``profile.with_shares``: :data:`SHARE_COLUMNS` (share of the year and direction, rank, change on last year)."""
    history = "OVER (PARTITION BY exporter, importer, code ORDER BY year ASC)"
    shared = (f"SELECT {_DIRECTION}, code, value_usd,"
              f" value_usd / NULLIF(SUM(value_usd) OVER (PARTITION BY {_DIRECTION}), 0) AS share,"
              f" (ROW_NUMBER() OVER (PARTITION BY {_DIRECTION} ORDER BY value_usd DESC, code ASC) - 1) + 1 AS rank"
              f" FROM (SELECT {_DIRECTION}, code, CAST(value_usd AS DOUBLE) AS value_usd FROM ({levels}) AS l) AS v")
    prev = (f"SELECT *, CASE WHEN LAG(year) {history} = (year - 1) THEN LAG(value_usd) {history}"
            f" ELSE CAST(NULL AS DOUBLE) END AS prev_value_usd,"
            f" CASE WHEN LAG(year) {history} = (year - 1) THEN LAG(share) {history}"
            f" ELSE CAST(NULL AS DOUBLE) END AS prev_share FROM ({shared}) AS s")
    return (f"SELECT {_DIRECTION}, code, value_usd, share, rank, prev_value_usd, value_usd - prev_value_usd AS change_usd,"
            " (value_usd / NULLIF(prev_value_usd, 0)) - 1.0 AS change_pct, (share - prev_share) * 100.0 AS share_change_pp"
            f" FROM ({prev}) AS p")


def top_n_sql(shared: str, n: int, *, order: bool = True) -> str:
    """``profile.top_n``: the ``n`` largest codes of each year and direction."""
    return (f"SELECT * FROM ({shared}) AS t WHERE rank <= {int(n)}"
            + (" ORDER BY year ASC, exporter ASC, rank ASC" if order else ""))


def top_by_level_sql(rows: str, levels: dict[str, int], top: int) -> str:
    """The profile's composition (``profile_parts._top_by_level``): the top codes at each level, level by level.

    ``levels``: name -> digits, in order; ``"section"`` is rolled up from chapters.
    """
    parts = []
    for order, (level, digits) in enumerate(levels.items()):
        codes = by_level_sql(rows, digits)
        if level == "section":
            codes = by_section_sql(codes)
        parts.append(f"SELECT *, {quote_literal(level)} AS level, {order} AS level_order"
                     f" FROM ({top_n_sql(with_shares_sql(codes), top, order=False)}) AS p{order}")
    union = " UNION ALL ".join(parts)
    return (f"SELECT {', '.join(SHARE_COLUMNS)}, level FROM ({union}) AS levels"
            " ORDER BY level_order ASC, year ASC, exporter ASC, rank ASC")


def world_export_rows_sql(a: str, b: str) -> str:
    """``lens_views.world_export_rows``: both sides' exporter-side rows to the world (``WLD``) by product."""
    return (f"SELECT * FROM product_flows WHERE importer = {quote_literal(WORLD)}"
            f" AND exporter IN ({quote_literal(a)}, {quote_literal(b)}) AND hs_level > 0 AND value_usd IS NOT NULL"
            " AND (flow IS NULL OR flow = 'X')")


def world_sources_sql(a: str, b: str) -> str:
    """Per source and year, how many such rows: ``source, year, n``."""
    return f"SELECT source, year, COUNT(*) AS n FROM ({world_export_rows_sql(a, b)}) AS w GROUP BY 1, 2"


def world_exports_by_section_sql(a: str, b: str, source: str, year: int, top: int) -> str:
    """``lens_views.world_exports_by_section`` of :func:`world_export_rows_sql`'s rows."""
    chosen = f"{world_export_rows_sql(a, b)} AND source = {quote_literal(source)} AND year = {int(year)}"
    finest = f"{chosen} AND hs_level = (SELECT MAX(hs_level) FROM ({chosen}) AS m)"
    chapters = (f"SELECT {_DIRECTION}, code, SUM(CAST(value_usd AS DOUBLE)) AS value_usd FROM ("
                f"SELECT *, SUBSTRING(hs_code, 1, 2) AS code FROM ({finest}) AS f) AS c GROUP BY {_DIRECTION}, code")
    return top_n_sql(with_shares_sql(by_section_sql(chapters)), top)
