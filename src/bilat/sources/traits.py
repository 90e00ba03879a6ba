"""What a source's figures mean, declared once beside its loader: the rules every question follows.

Why here: "which rows make a source's bilateral total", "is it FOB or CIF", "which source wins when
several answer the same flow" used to be written in six places (flows, shares, composition, the
product matrix, the fact-check...), each a little differently, so the profile and the fact-check
could answer the same flow from different data, and a plug-in loader could be ingested but never
answer. Now :mod:`bilat.analytics.selection` reads these traits and nothing else.

A plug-in loader declares ``traits = SourceTraits(...)`` on its class (entry-point group
``bilat.sources``); a loader without traits is stored but answers no question, and
``bilat sources`` says so.
"""

from __future__ import annotations

import functools
import sys
from dataclasses import dataclass
from importlib.metadata import entry_points

#: How a source's bilateral total (exporter → importer, one year) is formed from its rows.
TOTAL_RULES = {
    "product_sum": "the sum of its product rows at its finest HS level (one reconciled row per flow)",
    "total_rows": "the exporter's declared all-products rows (hs_level 0, flow X, reporter = exporter)",
    "reported_exports": "the exporter's declared exports in country_flows (flow X, reporter = exporter)",
}

#: How a source's product rows are read for a pair's composition.
PRODUCT_RULES = {
    "reconciled": "every row (one value per flow, no reporter)",
    "exporter_declared": "the exporter's own declarations only (flow X, reporter = exporter)",
}


@dataclass(frozen=True)
class SourceTraits:
    """The meaning of one source's rows.

    ``priority``: lower answers first when several sources hold the same flow (sources are never
    summed). ``total_rule`` (a key of :data:`TOTAL_RULES`, or None: no bilateral totals) and
    ``product_rule`` (a key of :data:`PRODUCT_RULES`, or None: no bilateral product rows).
    ``full_basket``: True when its product rows always cover every product (BACI), None when only
    a look at the loaded rows can tell (Comtrade extracts may hold a few chapters), False when it
    never does. ``all_partners``: it holds every partner of a country, so shares of a country's
    trade and ranks among its partners can be computed. ``world_exports``: it has each country's
    exports to the world by product (importer ``WLD``). ``finest_level``: the HS digits of its
    finest product rows (6 for BACI), 0 when it has none.
    """

    name: str
    table: str
    basis: str
    priority: int
    total_rule: str | None = None
    product_rule: str | None = None
    full_basket: bool | None = False
    all_partners: bool = False
    world_exports: bool = False
    finest_level: int = 0
    label: str = ""

    def __post_init__(self) -> None:
        if self.total_rule is not None and self.total_rule not in TOTAL_RULES:
            raise ValueError(f"source {self.name!r}: total_rule must be one of {', '.join(TOTAL_RULES)}")
        if self.product_rule is not None and self.product_rule not in PRODUCT_RULES:
            raise ValueError(f"source {self.name!r}: product_rule must be one of {', '.join(PRODUCT_RULES)}")

    @property
    def answers_flows(self) -> bool:
        """True when the source can say how much A sold to B in a year."""
        return self.total_rule is not None


#: The built-in sources' traits. The order of ``priority`` is the one bilat always used for a
#: pair's flows (BACI, then Comtrade totals, then IMF DOTS).
BUILTIN_TRAITS: dict[str, SourceTraits] = {
    t.name: t
    for t in (
        SourceTraits("baci", "product_flows", "reconciled (CEPII BACI, FOB-like)", 10, total_rule="product_sum",
                     product_rule="reconciled", full_basket=True, all_partners=True, finest_level=6, label="CEPII BACI"),
        SourceTraits("comtrade", "product_flows", "reported by the exporter (FOB)", 20, total_rule="total_rows",
                     product_rule="exporter_declared", full_basket=None, finest_level=6, label="UN Comtrade"),
        SourceTraits("imf_dots", "country_flows", "reported by the exporter (FOB)", 30, total_rule="reported_exports",
                     all_partners=True, label="IMF Direction of Trade Statistics"),
        SourceTraits("ots", "product_flows", "reported by the exporter (FOB), to the world", 40, full_basket=True,
                     world_exports=True, finest_level=4, label="Open Trade Statistics"),
        SourceTraits("worldbank", "indicators", "World Bank WDI indicator", 50, label="World Bank WDI"),
        # National totals: Comtrade's reporter-declared figures (2010-2021) answer before COW's
        # (to 2014) where both have a country-year; COW fills the years and countries Comtrade lacks.
        SourceTraits("comtrade_world", "indicators", "declared by the country to UN Comtrade (partner World)", 55,
                     label="UN Comtrade totals with the World"),
        SourceTraits("cow", "indicators", "Correlates of War national totals", 60, label="Correlates of War"),
    )
}


def plugin_traits() -> dict[str, SourceTraits]:
    """Traits declared by installed plug-in loaders (``traits`` on the class of an entry point).

    Read once per ``sys.path`` (scanning the installed distributions costs a few ms, and every
    question asks several times); a path added later (a plug-in installed into it) is seen.
    """
    return dict(_plugin_traits(tuple(sys.path)))


@functools.lru_cache(maxsize=8)
def _plugin_traits(_path: tuple[str, ...]) -> dict[str, SourceTraits]:
    from bilat.sources import BUILTIN_SOURCES

    out: dict[str, SourceTraits] = {}
    for ep in entry_points(group="bilat.sources"):
        if ep.name in BUILTIN_SOURCES:
            continue
        try:
            traits = getattr(ep.load(), "traits", None)
        except Exception:  # noqa: BLE001 - a broken plug-in must not stop bilat's own questions
            continue
        if isinstance(traits, SourceTraits):
            out[ep.name] = traits if traits.name == ep.name else SourceTraits(**{**traits.__dict__, "name": ep.name})
    return out


def all_traits() -> dict[str, SourceTraits]:
    """Every known source's traits, built-in and plug-in, best priority first."""
    merged = {**plugin_traits(), **BUILTIN_TRAITS}
    return dict(sorted(merged.items(), key=lambda item: (item[1].priority, item[0])))


def traits_of(name: str) -> SourceTraits | None:
    """One source's traits, or None for a source that declared none."""
    return BUILTIN_TRAITS.get(name) or plugin_traits().get(name)


def by_priority(names: set[str] | list[str], prefer: str | None = None) -> list[str]:
    """``names`` ordered as questions try them: ``prefer`` first, then by declared priority."""
    known = all_traits()
    order = {name: i for i, name in enumerate(known)}
    ranked = sorted((n for n in names if n in known), key=lambda n: order[n])
    if prefer is not None and prefer in ranked:
        ranked.remove(prefer)
        ranked.insert(0, prefer)
    return ranked


def flow_sources() -> list[SourceTraits]:
    """Sources that can answer a pair's yearly flow, best first."""
    return [t for t in all_traits().values() if t.answers_flows]
