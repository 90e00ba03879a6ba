"""Untapped export potential of one country in another, product by product.

In the spirit of ITC's Export Potential Indicator (Decreux & Spies 2016): what A *could* sell to B
in a product is A's supply capacity × B's demand × how easily the two trade, and the untapped part
is what A does not sell yet. ITC projects supply and demand with GDP forecasts, adjusts for tariffs
and distance and estimates ease from a gravity model; bilat uses only the observed trade of one year
and source, so every term is a plain ratio of flows that can be traced back to rows:

* ``supply = (x_Ap − x_ABp) / (X_wp − M_Bp)``: A's share of world exports of p to markets other
  than B (A's sales to B are left out so they do not inflate A's supply in B);
* ``demand = M_Bp``: B's imports of p from every exporter (mirror flows), USD;
* ``ease = clamp((x_AB / M_B) / (X_A / M_w), ease_floor, ease_cap)``: the trade intensity of A
  towards B over all products (1 = "as much as B's weight in world imports predicts");
* ``potential_usd = supply × demand × ease``; ``actual_usd = x_ABp``;
  ``untapped_usd = max(potential_usd − actual_usd, 0)``.

Only products where A has a revealed comparative advantage (``rca ≥ min_rca``, default 1) are
listed, as ITC does for existing export products. Calibration: if A held the same share
``X_A / M_w`` of every product's world market and ``ease`` were the uncapped intensity, the
potentials would add up to exactly the observed A→B total (Σ_p s·M_Bp·TII = x_AB); the indicator
redistributes observed bilateral trade over products by A's strengths and B's needs, it does not
invent new volume. (Leaving B out of the supply share moves this only slightly.)
Details and caveats: ``docs/methods.md``.
"""

from __future__ import annotations

from typing import Any

import ibis
import ibis.expr.types as ir

from bilat.analytics.indices import rca as rca_expr
from bilat.analytics.indices import trade_intensity
from bilat.analytics.product_trade import bilateral_rows, safe_div

__all__ = ["export_potential", "DEFAULT_EASE_CAP"]

#: Upper bound of the ease term. Trade intensities above ~3 come from small or special pairs
#: (neighbours, entrepôts); uncapped they would multiply every product's potential by that factor.
DEFAULT_EASE_CAP = 3.0


def export_potential(
    flows: ir.Table,
    exporter: str,
    importer: str,
    *,
    year: int,
    level: int,
    source: str,
    lens: Any = None,
    min_rca: float = 1.0,
    ease_floor: float = 0.0,
    ease_cap: float = DEFAULT_EASE_CAP,
) -> ir.Table:
    """Per product: ``hs_code, rca, supply, demand, ease, potential_usd, actual_usd, untapped_usd, rank``.

    ``rank`` 1 is the largest untapped value (ties by HS code). ``lens`` restricts the products
    (the ease term always uses all products: it describes the pair, not the sector). Needs
    bilateral product data (BACI); on world-only data (Open Trade Statistics) the result is empty.
    The description column is joined by the edge (``bilat.nomenclature.hs``).
    """
    m = bilateral_rows(flows, year=year, level=level, source=source, lens=lens)
    a_is_exporter = m.exporter == exporter
    b_is_importer = m.importer == importer
    per_product = m.group_by("hs_code").aggregate(
        world_usd=m.value_usd.sum(),
        exporter_usd=m.value_usd.sum(where=a_is_exporter),
        importer_usd=m.value_usd.sum(where=b_is_importer),
        actual_usd=m.value_usd.sum(where=a_is_exporter & b_is_importer),
    )
    p = per_product.mutate(
        exporter_usd=per_product.exporter_usd.fill_null(0.0),
        demand=per_product.importer_usd.fill_null(0.0),
        actual_usd=per_product.actual_usd.fill_null(0.0),
    )
    p = p.mutate(supply=safe_div(p.exporter_usd - p.actual_usd, p.world_usd - p.demand).fill_null(0.0))

    # RCA against A's whole export basket, not within the lens: advantage is relative to all A sells.
    advantage = rca_expr(flows, year=year, level=level, source=source, exporter=exporter)
    p = p.inner_join(advantage.select("hs_code", "rca"), "hs_code")
    p = p.filter(p.rca >= min_rca)

    intensity = trade_intensity(flows, exporter, importer, year=year, level=level, source=source)
    ease = intensity.select(
        ease=ibis.greatest(ibis.least(intensity.tii.fill_null(0.0), ease_cap), ease_floor),
        tii=intensity.tii,
    )
    p = p.cross_join(ease)
    p = p.mutate(potential_usd=p.supply * p.demand * p.ease)
    p = p.mutate(untapped_usd=ibis.greatest(p.potential_usd - p.actual_usd, 0.0))
    p = p.mutate(rank=ibis.row_number().over(order_by=[ibis.desc(p.untapped_usd), p.hs_code]) + 1)
    return p.select(
        exporter=ibis.literal(exporter),
        importer=ibis.literal(importer),
        hs_code=p.hs_code,
        rca=p.rca,
        supply=p.supply,
        demand=p.demand,
        ease=p.ease,
        potential_usd=p.potential_usd,
        actual_usd=p.actual_usd,
        untapped_usd=p.untapped_usd,
        rank=p["rank"],
    ).order_by("rank")
