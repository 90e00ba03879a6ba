"""Standard trade indices: RCA, trade intensity, complementarity, Grubel–Lloyd, concentration.

Each function takes the canonical ``product_flows`` Ibis table and returns an Ibis expression
(never executes), so the same query runs on DuckDB and Spark. Row selection (one source, one year,
exporter-side rows, codes cut to ``level``) is :mod:`bilat.analytics.product_trade`'s job; "world"
always means every country the source covers. Formulas, sources and caveats: ``docs/methods.md``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from bilat.analytics._ibis import ibis  # imported on first use (see the module)

from bilat.analytics.product_trade import (
    bilateral_rows,
    exports_by_product,
    imports_by_product,
    safe_div,
)
from bilat.analytics.memo import kept, kept_by, traits_key
from bilat.errors import BilatError
from bilat.schema import WORLD

if TYPE_CHECKING:  # annotations only: the module loads without Ibis
    import ibis.expr.types as ir

__all__ = [
    "rca",
    "trade_intensity",
    "trade_complementarity",
    "complementarity_from_world",
    "intra_industry",
    "intra_industry_total",
    "market_concentration",
    "partner_concentration",
]


def rca(
    flows: ir.Table,
    *,
    year: int,
    level: int,
    source: str,
    exporter: str | None = None,
    lens: Any = None,
) -> ir.Table:
    """Balassa's revealed comparative advantage of every exporter (or one) in every product.

    ``rca = (x_cp / x_c) / (x_p / x_w)``: the product's share in the country's exports over its share
    in world exports. Columns: ``exporter, hs_code, export_usd, exporter_total_usd,
    world_product_usd, world_total_usd, export_share, world_share, rca``. Products a country does not
    export have no row (their RCA is 0). ``lens`` restricts the product universe (and so the totals).
    """
    x = exports_by_product(flows, year=year, level=level, source=source, lens=lens)
    by_exporter = ibis.window(group_by=x.exporter)
    by_product = ibis.window(group_by=x.hs_code)
    everything = ibis.window()
    x = x.mutate(
        exporter_total_usd=x.export_usd.sum().over(by_exporter),
        world_product_usd=x.export_usd.sum().over(by_product),
        world_total_usd=x.export_usd.sum().over(everything),
    )
    x = x.mutate(
        export_share=safe_div(x.export_usd, x.exporter_total_usd),
        world_share=safe_div(x.world_product_usd, x.world_total_usd),
    )
    x = x.mutate(rca=safe_div(x.export_share, x.world_share))
    if exporter is not None:
        x = x.filter(x.exporter == exporter)
    return x


def _pair_totals(
    flows: ir.Table, exporter: str, importer: str, *, year: int, level: int, source: str, lens: Any
) -> ir.Table:
    """One row: x_ij, X_i (i's exports), M_j (j's imports), M_w (world trade), all from bilateral rows."""
    m = bilateral_rows(flows, year=year, level=level, source=source, lens=lens)
    agg = m.aggregate(
        pair_usd=m.value_usd.sum(where=(m.exporter == exporter) & (m.importer == importer)),
        exporter_total_usd=m.value_usd.sum(where=m.exporter == exporter),
        importer_total_usd=m.value_usd.sum(where=m.importer == importer),
        world_total_usd=m.value_usd.sum(),
    )
    return agg.mutate(pair_usd=agg.pair_usd.fill_null(0.0))


def trade_intensity(
    flows: ir.Table,
    exporter: str,
    importer: str,
    *,
    year: int,
    source: str,
    level: int = 2,
    lens: Any = None,
) -> ir.Table:
    """Trade intensity index of ``exporter`` towards ``importer`` (one row).

    ``tii = (x_ij / X_i) / (M_j / M_w)``: the share of j in i's exports over j's share in world
    imports. Above 1, i sells to j more than j's weight in world trade predicts. All four totals come
    from the same bilateral rows (so shares add up); it needs bilateral data (BACI, Comtrade).
    ``level`` only selects rows (totals do not depend on it); ``lens`` makes it sectoral.
    """
    t = _pair_totals(flows, exporter, importer, year=year, level=level, source=source, lens=lens)
    t = t.mutate(
        exporter=ibis.literal(exporter),
        importer=ibis.literal(importer),
        share_in_exports=safe_div(t.pair_usd, t.exporter_total_usd),
        share_in_world_imports=safe_div(t.importer_total_usd, t.world_total_usd),
    )
    t = t.mutate(tii=safe_div(t.share_in_exports, t.share_in_world_imports))
    return t.select(
        "exporter",
        "importer",
        "pair_usd",
        "exporter_total_usd",
        "importer_total_usd",
        "world_total_usd",
        "share_in_exports",
        "share_in_world_imports",
        "tii",
    )


def _stack_shares(
    left: ir.Table, left_value: str, right: ir.Table, right_value: str, names: tuple[str, str]
) -> ir.Table:
    """Full outer join on ``hs_code`` written as a union + group by (portable, one pass)."""
    a, b = names
    zero = ibis.literal(0.0, type="float64")
    stacked = left.select(hs_code=left.hs_code, **{a: left[left_value].cast("float64"), b: zero}).union(
        right.select(hs_code=right.hs_code, **{a: zero, b: right[right_value].cast("float64")})
    )
    return stacked.group_by("hs_code").aggregate(
        **{a: stacked[a].sum(), b: stacked[b].sum()}
    )


def trade_complementarity(
    flows: ir.Table,
    exporter: str,
    importer: str,
    *,
    year: int,
    level: int,
    source: str,
) -> ir.Table:
    """Trade complementarity index of ``exporter``'s export basket with ``importer``'s imports (one row).

    ``tc = 100 × (1 − Σ_k |m_jk − x_ik| / 2)`` with ``x_ik`` product k's share in i's exports (to the
    world) and ``m_jk`` its share in j's imports. 100 = the baskets match perfectly, 0 = nothing in
    common. Depends on ``level`` (finer codes, fewer overlaps).
    """
    x = exports_by_product(flows, year=year, level=level, source=source)
    x = x.filter(x.exporter == exporter)
    m = imports_by_product(flows, year=year, level=level, source=source)
    m = m.filter(m.importer == importer)
    return _complementarity(x, m, exporter, importer)


@kept
def complementarity_from_world(
    world: ir.Table,
    exporter: str,
    importer: str,
    *,
    year: int,
    level: int,
    source: str,
) -> ir.Table:
    """:func:`trade_complementarity` from the world rows kept at ingestion (``world_totals``, HS4).

    For a reconciled source (BACI) the same baskets as ``exports_by_product`` and
    ``imports_by_product`` form from a year's rows (the sum of the lines per country and heading,
    zero and empty left out), read from a few hundred kept rows instead. ``level`` 2 or 4.
    """
    if level not in (2, 4):
        raise BilatError(f"world rows are kept per heading: level must be 2 or 4 (got {level!r})")
    w = world.filter(world.source == source, world.year == year)
    xs = w.filter(w.exporter == exporter, w.importer == WORLD)
    xs = xs.group_by(hs_code=xs.hs_code.left(level)).aggregate(export_usd=xs.value_usd.cast("float64").sum())
    ms = w.filter(w.exporter == WORLD, w.importer == importer)
    ms = ms.group_by(hs_code=ms.hs_code.left(level)).aggregate(import_usd=ms.value_usd.cast("float64").sum())
    return _complementarity(xs.filter(xs.export_usd > 0), ms.filter(ms.import_usd > 0), exporter, importer)


def _complementarity(x: ir.Table, m: ir.Table, exporter: str, importer: str) -> ir.Table:
    """The index row from the exporter's basket ``x`` (hs_code, export_usd) and the importer's ``m``."""
    x = x.mutate(share=safe_div(x.export_usd, x.export_usd.sum().over(ibis.window())))
    m = m.mutate(share=safe_div(m.import_usd, m.import_usd.sum().over(ibis.window())))
    both = _stack_shares(x, "share", m, "share", ("export_share", "import_share"))
    agg = both.aggregate(
        abs_gap=(both.import_share - both.export_share).abs().sum(),
        exporter_share_sum=both.export_share.sum(),
        importer_share_sum=both.import_share.sum(),
        products=both.hs_code.count(),
    )
    # Without data on either side the index is undefined, not 100.
    defined = (agg.exporter_share_sum > 0) & (agg.importer_share_sum > 0)
    return agg.select(
        exporter=ibis.literal(exporter),
        importer=ibis.literal(importer),
        products=agg.products,
        tc=ibis.ifelse(defined, 100.0 * (1.0 - agg.abs_gap / 2.0), ibis.null("float64")),
    )


def intra_industry(
    flows: ir.Table,
    country: str,
    partner: str | None = None,
    *,
    year: int,
    level: int,
    source: str,
    lens: Any = None,
) -> ir.Table:
    """Grubel–Lloyd intra-industry trade index per product: ``hs_code, export_usd, import_usd, gl``.

    ``gl_k = 1 − |x_k − m_k| / (x_k + m_k)``: 1 when the country exports as much of k as it imports
    (two-way trade), 0 when trade in k goes one way. ``partner=None`` uses the country's trade with
    the world, else its trade with ``partner``. Products with no trade either way have no row.
    """
    if partner is None:
        x = exports_by_product(flows, year=year, level=level, source=source, lens=lens)
        x = x.filter(x.exporter == country)
        m = imports_by_product(flows, year=year, level=level, source=source, lens=lens)
        m = m.filter(m.importer == country)
        both = _stack_shares(x, "export_usd", m, "import_usd", ("export_usd", "import_usd"))
    else:
        bm = bilateral_rows(flows, year=year, level=level, source=source, lens=lens)
        out_ = bm.filter((bm.exporter == country) & (bm.importer == partner))
        in_ = bm.filter((bm.exporter == partner) & (bm.importer == country))
        both = _stack_shares(out_, "value_usd", in_, "value_usd", ("export_usd", "import_usd"))
    total = both.export_usd + both.import_usd
    both = both.filter(total > 0)
    return both.mutate(
        gl=1.0 - safe_div((both.export_usd - both.import_usd).abs(), both.export_usd + both.import_usd)
    ).order_by("hs_code")


@kept_by(traits_key)
def intra_industry_total(
    flows: ir.Table,
    country: str,
    partner: str | None = None,
    *,
    year: int,
    level: int,
    source: str,
    lens: Any = None,
) -> ir.Table:
    """Trade-weighted Grubel–Lloyd index over all products (one row).

    ``GL = 1 − Σ_k |x_k − m_k| / Σ_k (x_k + m_k)``, which is the average of the per-product ``gl_k``
    weighted by each product's share of the country's two-way trade ``(x_k + m_k) / Σ(x + m)``.
    Not corrected for the overall trade imbalance (Aquino's correction is not applied).
    """
    per = intra_industry(flows, country, partner, year=year, level=level, source=source, lens=lens)
    agg = per.aggregate(
        export_usd=per.export_usd.sum(),
        import_usd=per.import_usd.sum(),
        abs_gap=(per.export_usd - per.import_usd).abs().sum(),
        products=per.hs_code.count(),
    )
    return agg.select(
        country=ibis.literal(country),
        partner=ibis.literal(partner if partner is not None else "WLD"),
        products=agg.products,
        export_usd=agg.export_usd,
        import_usd=agg.import_usd,
        gl=1.0 - safe_div(agg.abs_gap, agg.export_usd + agg.import_usd),
    )


def market_concentration(
    flows: ir.Table,
    country: str,
    *,
    year: int,
    source: str,
    direction: Literal["export", "import"] = "export",
    over: Literal["partner", "product"] = "partner",
    level: int = 2,
    lens: Any = None,
) -> ir.Table:
    """Herfindahl–Hirschman concentration of a country's exports or imports (one row).

    ``hhi = Σ_j s_j²`` with ``s_j`` partner j's share (``over="partner"``, market concentration) or
    product j's share at ``level`` (``over="product"``). ``hhi_normalised = (hhi − 1/N) / (1 − 1/N)``
    for N > 1 units with trade, and 1 when there is a single one. Both lie in [0, 1].
    """
    if direction not in ("export", "import"):
        raise BilatError(f"direction must be 'export' or 'import' (got {direction!r})")
    if over not in ("partner", "product"):
        raise BilatError(f"over must be 'partner' or 'product' (got {over!r})")
    if over == "partner":
        bm = bilateral_rows(flows, year=year, level=level, source=source, lens=lens)
        own, other = ("exporter", "importer") if direction == "export" else ("importer", "exporter")
        bm = bm.filter(bm[own] == country)
        units = bm.group_by(unit=bm[other]).aggregate(value_usd=bm.value_usd.sum())
    elif direction == "export":
        x = exports_by_product(flows, year=year, level=level, source=source, lens=lens)
        x = x.filter(x.exporter == country)
        units = x.select(unit=x.hs_code, value_usd=x.export_usd)
    else:
        m = imports_by_product(flows, year=year, level=level, source=source, lens=lens)
        m = m.filter(m.importer == country)
        units = m.select(unit=m.hs_code, value_usd=m.import_usd)
    return _concentration(units, country, direction, over)


@kept
def partner_concentration(matrix: ir.Table, country: str, *, year: int) -> ir.Table:
    """:func:`market_concentration` of ``country``'s exports over partners, from a pair-totals matrix.

    ``matrix`` is year, exporter, importer, value_usd (:func:`bilat.analytics.totals.pair_totals_matrix`):
    for a source whose pair total is the sum of its product lines (BACI), the same units as
    ``market_concentration(flows, country, year=year, source=..., level=...)`` without reading a
    year of product rows.
    """
    m = matrix.filter(matrix.year == year, matrix.exporter == country, matrix.importer != WORLD,
                      matrix.value_usd.notnull())
    units = m.group_by(unit=m.importer).aggregate(value_usd=m.value_usd.sum())
    return _concentration(units, country, "export", "partner")


def _concentration(units: ir.Table, country: str, direction: str, over: str) -> ir.Table:
    """The HHI row of :func:`market_concentration` over ``units`` (unit, value_usd)."""
    units = units.filter(units.value_usd > 0)
    units = units.mutate(share=safe_div(units.value_usd, units.value_usd.sum().over(ibis.window())))
    agg = units.aggregate(
        units=units.unit.count(),
        total_usd=units.value_usd.sum(),
        hhi=(units.share * units.share).sum(),
    )
    n = agg.units.cast("float64")
    normalised = ibis.cases(
        (agg.units == 1, ibis.literal(1.0)),
        (agg.units > 1, (agg.hhi - 1.0 / n) / (1.0 - 1.0 / n)),
        else_=ibis.null("float64"),
    )
    return agg.select(
        country=ibis.literal(country),
        direction=ibis.literal(direction),
        over=ibis.literal(over),
        units=agg.units,
        total_usd=agg.total_usd,
        hhi=agg.hhi,
        hhi_normalised=normalised,
    )
