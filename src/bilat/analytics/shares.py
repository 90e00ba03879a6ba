"""How much each partner matters to the other: shares, ranks among partners, and concentration.

"Israel supplied 0.1 % of Japan's imports, rank 47" needs two things the pair alone cannot give:
the country's trade with *every* partner (the denominator) and the partners' ordering (the rank).
Both come from a source that covers all pairs (IMF DOTS, or BACI when a full year is loaded).

Imports are mirror figures: DOTS holds only exports as each reporter declares them (FOB), so
"Japan's imports from all partners" is the sum of every partner's reported exports to Japan. The
``basis`` column says so. Where an outside total of the country's imports exists (indicator
``imports_total_usd``: UN Comtrade's reporter-declared totals 2010-2021, Correlates of War to 2014),
the share of that total is given beside it, with the source it came from (``reported_source``;
where both have a year, the better-priority source's figure, :func:`selection.best_indicators`).

Ranks count countries only: ``WLD``, the bilat stand-ins ``Xnn`` and ``S19`` (areas not
specified) are neither partners nor competitors.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bilat.analytics._ibis import ibis  # imported on first use (see the module)

from bilat.analytics import selection
from bilat.analytics.memo import kept, kept_by, traits_key
from bilat.schema import EXPORTS_TOTAL_USD, IMPORTS_TOTAL_USD, WORLD

if TYPE_CHECKING:  # annotations only: the module loads without Ibis
    import ibis.expr.types as ir

BASIS = {
    "exports": "reported by the exporter (FOB)",
    "imports": "mirror: partners' reported exports (FOB), not the importer's own CIF figure",
}


def is_country(code: ir.StringValue) -> ir.BooleanValue:
    """True for a real partner (not the world row nor an unallocated area)."""
    return (code != WORLD) & (code != "S19") & ~code.re_search("^X[0-9][0-9]$") & code.notnull()


def country_matrix(tables: dict[str, ir.Table], source: str, touching: tuple[str, ...] | None = None) -> ir.Table:
    """Yearly exporter → importer totals of one all-pairs source: year, exporter, importer, value_usd.

    Formed as the source's traits declare (:func:`bilat.analytics.selection.country_matrix`): for
    IMF DOTS the exporter's declared exports, for BACI the sum of the reconciled HS6 lines, for
    Comtrade the exporter's TOTAL rows. The world row (importer ``WLD``) is kept when the source
    has one. ``touching``: only the pairs with one of these countries on either side (all that
    :func:`partner_shares` of a pair reads), cut before the sum.
    """
    return selection.country_matrix(tables, source, touching)


@kept_by(traits_key)
def partner_shares(
    matrix: ir.Table,
    a: str,
    b: str,
    years: tuple[int, int] | None = None,
    indicators: ir.Table | None = None,
) -> ir.Table:
    """Each side's share of the other's exports and imports, and its rank among all partners.

    One row per (year, country, side): ``country`` is the one whose trade is the denominator,
    ``partner`` the other one of the pair; ``side`` is ``exports`` (country's exports, partner as
    destination) or ``imports`` (country's imports, partner as origin, mirror). Columns: value_usd,
    total_usd, share, rank, partners (how many countries are ranked), total_basis (``world row`` or
    ``sum of partners``), reported_total_usd and share_of_reported (from ``indicators`` if given).
    """
    m = matrix
    if years is not None:
        m = m.filter(m.year.between(years[0], years[1]))
    m = m.filter(m.value_usd.notnull())

    # Exports: the country's own declarations to each partner.
    ex = m.filter(m.exporter.isin([a, b]))
    world = ex.filter(ex.importer == WORLD).group_by(["year", ex.exporter.name("country")]).aggregate(
        world_usd=ex.value_usd.sum()
    )
    ex = ex.filter(is_country(ex.importer)).select("year", country=ex.exporter, counterpart=ex.importer, value_usd=ex.value_usd)
    # Imports: every partner's declared exports to the country (mirror).
    im = m.filter(m.importer.isin([a, b]), is_country(m.exporter))
    im = im.select("year", country=im.importer, counterpart=im.exporter, value_usd=im.value_usd)

    parts = []
    for side, rows in (("exports", ex), ("imports", im)):
        group = ["year", "country"]
        window = ibis.window(group_by=group)
        ranked = rows.mutate(
            rank=(ibis.rank().over(ibis.window(group_by=group, order_by=ibis.desc(rows.value_usd))) + 1).cast("int64"),
            partners_sum=rows.value_usd.sum().over(window),
            partners=rows.count().over(window).cast("int64"),
        )
        pair_row = ranked.filter(
            ((ranked.country == a) & (ranked.counterpart == b)) | ((ranked.country == b) & (ranked.counterpart == a))
        )
        parts.append(pair_row.mutate(side=ibis.literal(side)))
    both = parts[0].union(parts[1])
    joined = both.left_join(world, [both.year == world.year, both.country == world.country, both.side == "exports"])
    joined = joined.select(
        both.year, both.country, both.counterpart, both.side, both.value_usd, both["rank"], both.partners,
        both.partners_sum, world.world_usd,
    )
    total = ibis.coalesce(joined.world_usd, joined.partners_sum)
    out = joined.mutate(
        partner=joined.counterpart,
        total_usd=total,
        total_basis=ibis.cases((joined.world_usd.notnull(), "world row"), else_="sum of partners"),
        share=joined.value_usd / total.nullif(0),
    )
    columns = ["year", "country", "partner", "side", "value_usd", "total_usd", "share", "rank", "partners", "total_basis"]
    out = out.select(*columns)
    if indicators is not None:
        ind = selection.best_indicators(indicators.filter(indicators.indicator.isin([IMPORTS_TOTAL_USD, EXPORTS_TOTAL_USD])))
        ind = ind.mutate(
            side=ibis.cases((ind.indicator == IMPORTS_TOTAL_USD, "imports"), else_="exports"),
        )
        ind = ind.group_by(["country", "year", "side"]).aggregate(
            reported_total_usd=ind.value.cast("float64").max(), reported_source=ind.source.max()
        )
        j = out.left_join(ind, [out.country == ind.country, out.year == ind.year, out.side == ind.side])
        out = j.select(*[out[c] for c in columns], j.reported_total_usd, j.reported_source)
        out = out.mutate(share_of_reported=out.value_usd / out.reported_total_usd.nullif(0))
    return out.order_by(["year", "country", "side"])


@kept
def hhi(levels: ir.Table) -> ir.Table:
    """Herfindahl-Hirschman index of each (year, direction) over its product codes.

    HHI = Σ sᵢ² with sᵢ the code's share (0..1): 1 when one product is everything, 1/n for n equal
    products. Columns: year, exporter, importer, hhi, products, equivalent_products (1/HHI).
    """
    direction = ["year", "exporter", "importer"]
    value = levels.value_usd.cast("float64")
    positive = levels.filter(value > 0)
    shares = positive.mutate(
        s=positive.value_usd.cast("float64") / positive.value_usd.cast("float64").sum().over(ibis.window(group_by=direction))
    )
    out = shares.group_by(direction).aggregate(hhi=(shares.s * shares.s).sum(), products=shares.count().cast("int64"))
    return out.mutate(equivalent_products=1.0 / out.hhi.nullif(0)).order_by(["year", "exporter"])


def declared_spans(reported: Any) -> list[tuple[str, str, str, int, int]]:
    """``(country, side, reported_source, first year, last year)`` of the shares rows that have a
    declared total: what the terminal and the report say beside the second share (the totals are
    partial, so each source's years are named)."""
    spans = reported.groupby(["country", "side", "reported_source"]).year.agg(["min", "max"]).reset_index()
    return [(str(r.country), str(r.side), str(r.reported_source), int(r["min"]), int(r["max"])) for _, r in spans.iterrows()]
