"""The canonical tables every source is converted into.

Why three tables: sources differ in what they know. BACI and Comtrade know products; IMF DOTS
and TRADHIST know only country totals; World Bank series know one number per country and year.
Forcing them into one shape would invent detail or lose it, so each lands in the table that fits,
and every row keeps the ``source`` and ``file_id`` it came from (provenance down to the row).

Conventions (the same in every table):

* countries are ISO 3166 alpha-3 codes; ``WLD`` stands for "all partners" (the world);
* values are current US dollars (BACI's thousands are multiplied out at ingestion);
* ``valuation`` says how the value was measured: ``FOB`` (exports), ``CIF`` (imports) or
  ``reconciled`` (BACI's harmonised FOB-like value);
* ``flow`` is the reporter's view: ``X`` export, ``M`` import, ``RX``/``RM`` re-export/re-import,
  or NULL where the source has no reporter (BACI reconciles both declarations into one flow).
"""

from __future__ import annotations

from collections import OrderedDict

#: Product-level flows. ``hs_code`` is a string that keeps leading zeros: six digits for BACI
#: (``010121``), two or four digits where a source only publishes chapters or headings
#: (``hs_level`` says which, 0 for a total). Never sum rows of different ``hs_level``.
PRODUCT_FLOWS: OrderedDict[str, str] = OrderedDict(
    year="SMALLINT",
    exporter="VARCHAR",
    importer="VARCHAR",
    reporter="VARCHAR",
    flow="VARCHAR",
    hs_revision="SMALLINT",
    hs_code="VARCHAR",
    hs_level="TINYINT",
    value_usd="DOUBLE",
    quantity_t="DOUBLE",
    valuation="VARCHAR",
    source="VARCHAR",
    file_id="VARCHAR",
)

#: Country-level flows as reported by ``reporter`` about ``partner``.
COUNTRY_FLOWS: OrderedDict[str, str] = OrderedDict(
    year="SMALLINT",
    reporter="VARCHAR",
    partner="VARCHAR",
    flow="VARCHAR",
    value_usd="DOUBLE",
    valuation="VARCHAR",
    source="VARCHAR",
    file_id="VARCHAR",
)

#: One number per country and year (GDP, population, total imports...).
INDICATORS: OrderedDict[str, str] = OrderedDict(
    country="VARCHAR",
    year="SMALLINT",
    indicator="VARCHAR",
    value="DOUBLE",
    unit="VARCHAR",
    source="VARCHAR",
    file_id="VARCHAR",
)

TABLES: dict[str, OrderedDict[str, str]] = {
    "product_flows": PRODUCT_FLOWS,
    "country_flows": COUNTRY_FLOWS,
    "indicators": INDICATORS,
}

#: Pair totals kept beside each product-level file at ingestion (``data/pair_totals/<file_id>.parquet``):
#: the bilateral total of every (year, exporter, importer) formed as the source forms it
#: (BACI: the sum of its HS6 lines; Comtrade: the exporter's TOTAL rows, flow X), under
#: ``hs_section`` 0, and the same rows summed per HS section (1 = I ... 21 = XXI). Never sum
#: section 0 with the sections. Not a canonical table: a derived one, rebuilt from the rows at
#: will (``bilat rebuild-totals``), so it is not in :data:`TABLES`.
PAIR_TOTALS: OrderedDict[str, str] = OrderedDict(
    source="VARCHAR",
    year="SMALLINT",
    exporter="VARCHAR",
    importer="VARCHAR",
    hs_section="SMALLINT",
    value_usd="DOUBLE",
    file_id="VARCHAR",
)

#: Tables the engines offer beside the canonical ones, derived from them.
DERIVED_TABLES: dict[str, OrderedDict[str, str]] = {"pair_totals": PAIR_TOTALS}

#: ``hs_section`` of a pair's total over all products.
ALL_PRODUCTS = 0

#: ``hs_section`` of the world rows a kept-totals file also holds: each country's exports to the
#: world (importer ``WLD``) and imports from it (exporter ``WLD``) per HS heading (``hs_code``, 4
#: digits), what trade complementarity needs, summed from the same lines. The ``pair_totals`` view
#: leaves them out; the ``world_totals`` view gives them.
WORLD_BY_HEADING = -1

#: The columns of a kept-totals file: :data:`PAIR_TOTALS` and the heading of a world row (NULL in
#: a pair's row). Files written before world rows were kept lack ``hs_code``.
KEPT_TOTALS: OrderedDict[str, str] = OrderedDict([*PAIR_TOTALS.items(), ("hs_code", "VARCHAR")])

#: The ``world_totals`` view: per (source, year, file), each country's exports of each HS heading
#: to the world (``importer`` = ``WLD``) and imports of it from the world (``exporter`` = ``WLD``).
WORLD_TOTALS: OrderedDict[str, str] = OrderedDict(
    source="VARCHAR",
    year="SMALLINT",
    exporter="VARCHAR",
    importer="VARCHAR",
    hs_code="VARCHAR",
    value_usd="DOUBLE",
    file_id="VARCHAR",
)

#: The first chapter of each HS section (I = chapters 1-5 ... XXI = chapter 97), the same in every
#: revision since 1988; chapters 98 and 99 (national use) belong to no section.
HS_SECTION_FIRST_CHAPTERS = (1, 6, 15, 16, 25, 28, 39, 41, 44, 47, 50, 64, 68, 71, 72, 84, 86, 90, 93, 94, 97)
LAST_SECTION_CHAPTER = 97


def hs_section_of_chapter(chapter: int) -> int | None:
    """The HS section number (1-21) of a chapter (1-97), None for chapters outside every section."""
    import bisect

    if not 1 <= chapter <= LAST_SECTION_CHAPTER:
        return None
    return bisect.bisect_right(HS_SECTION_FIRST_CHAPTERS, chapter)


#: Indicator names used across bilat (sources may add others).
GDP_USD = "gdp_usd"
POPULATION = "population"
IMPORTS_TOTAL_USD = "imports_total_usd"
EXPORTS_TOTAL_USD = "exports_total_usd"

HS_REVISIONS = (1992, 1996, 2002, 2007, 2012, 2017, 2022)
WORLD = "WLD"

#: The oldest year a flow may carry (the oldest historical series, Correlates of War, starts here).
FIRST_YEAR = 1870


def year_bounds() -> tuple[int, int]:
    """The plausible years of a flow: 1870 (the oldest historical series) to next year."""
    import datetime as dt

    return FIRST_YEAR, dt.date.today().year + 1


def empty_select_sql(table: str) -> str:
    """SQL for an empty relation with the canonical columns and types of ``table``."""
    cols = ", ".join(f"CAST(NULL AS {typ}) AS {name}" for name, typ in TABLES[table].items())
    return f"SELECT {cols} WHERE FALSE"
