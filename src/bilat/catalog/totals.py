"""Pair totals: how a product-level source forms its bilateral totals, as SQL both engines run.

Why kept at all: shares and ranks among all partners need every pair's total for every year. From
the rows that is a full scan of every product file at question time (about 4 s over 20 BACI-sized
years), though the totals only change when a file is ingested. So ingestion writes them beside
each product file (``data/pair_totals/<file_id>.parquet``, recorded in the catalog table
``pair_totals_files`` in the same transaction as the file), and the engines' ``pair_totals`` view
reads those, falling back to this same SQL over the rows of files ingested before totals existed.

One rule, written once (:func:`pair_totals_sql`), serves the ingestion, ``bilat rebuild-totals`` and
the engines' fallback, so a stored total and a recomputed one cannot disagree. It is the rule of
``analytics.shares.country_matrix`` and ``analytics.flows.bilateral_flows``:

* ``baci``: the sum of the HS6 lines (``hs_level = 6``);
* ``comtrade``: the exporter's own TOTAL rows (``hs_level = 0``, flow ``X``, reporter = exporter);
  its sections come from its chapter rows (``hs_level = 2``), when the file has them.

Rows of other sources give no totals. The SQL is plain enough for DuckDB and Spark SQL alike.

The same files also keep, for BACI, each country's world exports and imports per HS heading
(:func:`world_totals_sql`, ``hs_section`` :data:`bilat.schema.WORLD_BY_HEADING`): trade
complementarity compares a country's export basket with its partner's import basket, which from
the rows is two scans of a whole year; kept, it is a few hundred rows.
"""

from __future__ import annotations

from bilat.schema import (
    ALL_PRODUCTS, KEPT_TOTALS, LAST_SECTION_CHAPTER, PAIR_TOTALS, WORLD, WORLD_BY_HEADING, hs_section_of_chapter,
)

#: Rows that make a pair's total over all products, per source.
TOTAL_ROWS = (
    "(source = 'baci' AND hs_level = 6)"
    " OR (source = 'comtrade' AND hs_level = 0 AND flow = 'X' AND reporter = exporter)"
)
#: Rows that make a pair's total per HS section, per source.
SECTION_ROWS = (
    "(source = 'baci' AND hs_level = 6)"
    " OR (source = 'comtrade' AND hs_level = 2 AND flow = 'X' AND reporter = exporter)"
)
#: Rows per row group of a kept-totals file. Small: a pair's question (its series, a country's
#: world rows) then reads the few row groups whose exporter statistics can hold it, not a
#: year's 120,000 rows per file (a few dozen row groups a file, a few kilobytes of footer).
TOTALS_ROW_GROUP = 16_384
#: The sources whose rows give totals.
TOTAL_SOURCES = ("baci", "comtrade")

_KEYS = "source, year, exporter, importer"


def chapter_sections() -> str:
    """SQL for a small table (chapter, hs_section): each chapter '01'-'97' with its HS section number.

    A join with it, rather than a CASE over each row: when a query asks only for section 0 (the
    all-products totals), the engines find this side empty and skip the rows altogether.
    """
    values = ", ".join(
        f"('{chapter:02d}', {hs_section_of_chapter(chapter)})" for chapter in range(1, LAST_SECTION_CHAPTER + 1)
    )
    return f"(VALUES {values}) AS chapter_sections(chapter, hs_section)"


def pair_totals_sql(relation: str) -> str:
    """SQL over ``relation`` (product_flows rows) giving its pair totals with :data:`PAIR_TOTALS` columns.

    ``relation`` is a table or view name, or a parenthesised subquery.
    """
    value = "CAST(sum(CAST(value_usd AS DOUBLE)) AS DOUBLE) AS value_usd"
    return (
        f"SELECT {_KEYS}, CAST({ALL_PRODUCTS} AS SMALLINT) AS hs_section, {value}, file_id"
        f" FROM {relation} WHERE {TOTAL_ROWS} GROUP BY {_KEYS}, file_id"
        " UNION ALL"
        f" SELECT {_KEYS}, CAST(chapter_sections.hs_section AS SMALLINT) AS hs_section, {value}, file_id FROM"
        f" (SELECT {_KEYS}, value_usd, file_id, substr(hs_code, 1, 2) AS chapter FROM {relation} WHERE {SECTION_ROWS}) s"
        f" JOIN {chapter_sections()} ON s.chapter = chapter_sections.chapter"
        f" GROUP BY {_KEYS}, chapter_sections.hs_section, file_id"
    )


#: Rows that make a country's world exports and imports per heading (the world rows), per source:
#: only a reconciled source's, whose lines are every pair's trade once (BACI). A declaring
#: source's world rows would mix declarations; its indices read its rows as before.
WORLD_ROWS = "(source = 'baci' AND hs_level = 6 AND exporter <> 'WLD' AND importer <> 'WLD')"
#: The sources whose files keep world rows.
WORLD_SOURCES = ("baci",)


def world_totals_sql(relation: str) -> str:
    """SQL over ``relation`` (product_flows rows) giving its world rows with :data:`WORLD_TOTALS` columns.

    Exports: exporter, importer ``WLD``; imports: exporter ``WLD``, importer. Both per 4-digit
    heading, the sum of the source's lines (as ``analytics.product_trade.exports_by_product`` and
    ``imports_by_product`` form them at HS4 for BACI, before their ``> 0`` cut).
    """
    value = "CAST(sum(CAST(value_usd AS DOUBLE)) AS DOUBLE) AS value_usd"
    lines = f"(SELECT source, year, exporter, importer, substr(hs_code, 1, 4) AS hs_code, value_usd, file_id FROM {relation} WHERE {WORLD_ROWS})"
    return (
        f"SELECT source, year, exporter, '{WORLD}' AS importer, hs_code, {value}, file_id FROM {lines} w"
        " GROUP BY source, year, exporter, hs_code, file_id"
        " UNION ALL"
        f" SELECT source, year, '{WORLD}' AS exporter, importer, hs_code, {value}, file_id FROM {lines} w"
        " GROUP BY source, year, importer, hs_code, file_id"
    )


def kept_totals_sql(relation: str) -> str:
    """SQL for a whole kept-totals file (:data:`KEPT_TOTALS` columns): the pair totals, then the world rows."""
    pairs = ", ".join(PAIR_TOTALS)
    world = ", ".join(
        f"CAST({WORLD_BY_HEADING} AS SMALLINT) AS hs_section" if c == "hs_section" else c for c in KEPT_TOTALS
    )
    return (
        f"SELECT {pairs}, CAST(NULL AS VARCHAR) AS hs_code FROM ({pair_totals_sql(relation)}) p"
        f" UNION ALL SELECT {world} FROM ({world_totals_sql(relation)}) w"
    )


COLUMNS = tuple(PAIR_TOTALS)

__all__ = ["COLUMNS", "SECTION_ROWS", "TOTALS_ROW_GROUP", "TOTAL_ROWS", "TOTAL_SOURCES", "WORLD_ROWS", "WORLD_SOURCES", "chapter_sections",
           "kept_totals_sql", "pair_totals_sql", "world_totals_sql"]
