"""What two countries trade, by product group: HS section, chapter, heading or subheading.

Product detail comes from BACI (reconciled HS6) when loaded, else from Comtrade rows reported by the
exporter at the finest level the file has. The edge says which, and what is missing.
"""

from __future__ import annotations

from collections.abc import Mapping

from bilat.analytics._ibis import ibis  # imported on first use (see the module)

from bilat.analytics import selection
from bilat.analytics.memo import kept

LEVELS = {"chapter": 2, "hs2": 2, "hs4": 4, "heading": 4, "hs6": 6, "section": 2}


def product_rows(
    tables: Mapping[str, ibis.Table],
    a: str,
    b: str,
    years: tuple[int, int] | None,
    source: str,
) -> ibis.Table:
    """The pair's product rows of one source, both directions (see :func:`bilat.analytics.selection.product_rows`).

    Columns: year, exporter, importer, hs_revision, hs_code, hs_level, value_usd.
    """
    return selection.product_rows(tables, a, b, years, source)


def harmonise(rows: ibis.Table, links: ibis.Table, target: int) -> ibis.Table:
    """Re-express six-digit rows in HS revision ``target`` so a series across revisions lines up.

    ``links`` has one row per (rev_from, code_from, code_to, weight) from the UN correlation
    tables (:func:`bilat.nomenclature.concordance.concordance`); a code's weights add up to 1, so
    values are split across 1:n links and totals are kept. Rows already in ``target``, coarser
    rows, and codes the tables lack keep their code and full value.
    """
    joined = rows.left_join(
        links,
        [
            rows.hs_level == 6,
            rows.hs_revision == links.rev_from,
            rows.hs_code == links.code_from,
        ],
    )
    converted = joined.mutate(
        hs_code=joined.code_to.coalesce(joined.hs_code),
        value_usd=joined.value_usd * joined.weight.coalesce(1.0),
        hs_revision=ibis.ifelse(joined.code_to.isnull(), joined.hs_revision, ibis.literal(target, "int16")),
    )
    return converted.select("year", "exporter", "importer", "hs_revision", "hs_code", "hs_level", "value_usd")


@kept
def by_level(rows: ibis.Table, digits: int) -> ibis.Table:
    """Aggregate product rows to ``digits``-digit codes (2 chapter, 4 heading, 6 subheading).

    Rows coarser than ``digits`` are left out (a chapter total cannot be split into headings);
    rows finer are summed up.
    """
    usable = rows.filter(rows.hs_level >= digits)
    coded = usable.mutate(code=usable.hs_code.substr(0, digits))
    finest = coded.group_by(["year", "exporter", "importer", "code", "hs_level"]).aggregate(value_usd=coded.value_usd.sum())
    # Keep only the finest level available per (year, direction, code) so that a file with both
    # chapter totals and headings is not counted twice.
    best = finest.group_by(["year", "exporter", "importer", "code"]).aggregate(level=finest.hs_level.min())
    joined = finest.join(best, ["year", "exporter", "importer", "code"]).filter(lambda t: t.hs_level == t.level)
    return joined.select("year", "exporter", "importer", "code", "value_usd").order_by(
        ["year", "exporter", ibis.desc("value_usd")]
    )
