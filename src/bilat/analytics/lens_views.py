"""A sector lens (robotics, cyber, ...) inside a pair's trade and in each side's world exports.

Pure Ibis, like the rest of :mod:`bilat.analytics`: the question layer executes the expressions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bilat.analytics._ibis import ibis  # imported on first use (see the module)

from bilat.analytics import profile as prof
from bilat.analytics import shares as sh
from bilat.analytics.memo import kept
from bilat.schema import WORLD

if TYPE_CHECKING:  # annotations only: the module loads without Ibis
    import ibis.expr.types as ir


def lens_codes_at(prefixes: tuple[str, ...], digits: int) -> tuple[tuple[str, ...], bool]:
    """Lens prefixes usable on ``digits``-digit codes, and whether that widened the lens.

    A 6-digit prefix (847950) on 4-digit data can only be matched by its heading (8479), which
    holds more than the lens: the flag says the figure is an upper bound.
    """
    out, widened = [], False
    for p in prefixes:
        if len(p) > digits:
            out.append(p[:digits])
            widened = True
        else:
            out.append(p)
    return tuple(dict.fromkeys(out)), widened


def prefix_pred(column: ir.StringValue, prefixes: tuple[str, ...]) -> ir.BooleanValue:
    """``column`` starts with one of ``prefixes``."""
    pred = column.startswith(prefixes[0])
    for p in prefixes[1:]:
        pred = pred | column.startswith(p)
    return pred


@kept
def lens_in_pair(rows: ir.Table, prefixes: tuple[str, ...]) -> ir.Table:
    """The pair's product rows in the lens, per (year, direction, code), largest first."""
    rows = rows.filter(prefix_pred(rows.hs_code, prefixes))
    return (rows.group_by(["year", "exporter", "importer", "hs_code"]).aggregate(value_usd=rows.value_usd.sum())
            .order_by(["year", "exporter", ibis.desc("value_usd")]))


@kept
def world_rows(product_flows: ir.Table, source: str = "ots") -> ir.Table:
    """Countries' exports to the world by product of one world-exports source."""
    pf = product_flows
    return pf.filter(pf.source == source, pf.importer == WORLD, pf.value_usd.notnull(), sh.is_country(pf.exporter))


@kept
def lens_in_world(world: ir.Table, digits: int, codes: tuple[str, ...], a: str, b: str) -> ir.Table:
    """Each side's world exports in the lens, their share of its exports and of the world, and its rank."""
    world = world.filter(world.hs_level == digits)
    totals = world.group_by(["year", "exporter"]).aggregate(total_usd=world.value_usd.sum())
    in_lens = world.filter(prefix_pred(world.hs_code, codes))
    lens_tot = in_lens.group_by(["year", "exporter"]).aggregate(lens_usd=in_lens.value_usd.sum())
    ranked = lens_tot.mutate(
        world_rank=(ibis.rank().over(ibis.window(group_by="year", order_by=ibis.desc(lens_tot.lens_usd))) + 1).cast("int64"),
        world_lens_usd=lens_tot.lens_usd.sum().over(ibis.window(group_by="year")),
        exporters=lens_tot.count().over(ibis.window(group_by="year")).cast("int64"),
    )
    joined = ranked.join(totals, ["year", "exporter"])
    joined = joined.filter(joined.exporter.isin([a, b]))
    out = joined.mutate(share_of_exports=joined.lens_usd / joined.total_usd.nullif(0),
                        share_of_world=joined.lens_usd / joined.world_lens_usd.nullif(0))
    return out.order_by(["year", "exporter"])


@kept
def world_export_rows(product_flows: ir.Table, a: str, b: str) -> ir.Table:
    """Both sides' exports to the world by product (any source with ``WLD`` rows), exporter-side only."""
    pf = product_flows
    return pf.filter(pf.importer == WORLD, pf.exporter.isin([a, b]), pf.hs_level > 0, pf.value_usd.notnull(),
                     pf.flow.isnull() | (pf.flow == "X"))


@kept
def world_exports_by_section(rows: ir.Table, source: str, year: int, top: int) -> ir.Table:
    """The top ``top`` HS sections of each side's world exports in one source and year, with shares."""
    chosen = rows.filter(rows.source == source, rows.year == year)
    finest = chosen.filter(chosen.hs_level == chosen.hs_level.max())
    chapters = finest.mutate(code=finest.hs_code.left(2), importer=finest.importer).group_by(
        ["year", "exporter", "importer", "code"]).aggregate(value_usd=finest.value_usd.cast("float64").sum())
    return prof.top_n(prof.with_shares(prof.by_section(chapters)), top)
