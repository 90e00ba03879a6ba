"""One consistent exporter × importer × product matrix, cut out of ``product_flows``.

Why this module exists: ``product_flows`` mixes sources that see trade differently. BACI has one
reconciled row per (exporter, importer, HS6) and no reporter; Comtrade has the same flow twice (the
exporter's declaration ``X`` and the importer's ``M``) plus ``WLD`` totals; Open Trade Statistics
has only world totals (importer ``WLD``). Every index in :mod:`bilat.analytics.indices`,
:mod:`bilat.analytics.potential` and :mod:`bilat.analytics.complexity` needs the *same* answer to
"how much of product p did c export (to d)?", so the choice is made once, here:

* one ``source`` and one ``year`` at a time (sources never add up);
* exporter-side rows only: ``flow`` NULL (BACI's reconciled value) or ``X`` (the exporter's own
  declaration). Imports of a country are therefore *mirror* flows (its partners' exports, FOB);
* only the finest ``hs_level`` the source has for that year (never sum rows of different levels),
  and ``hs_code`` is cut to the first ``level`` digits;
* a country's exports of a product are its ``WLD`` row where the source publishes one, else the sum
  of its bilateral rows; "the world" is every exporter in the data (the world *as covered by the
  source*), never an outside total.

All functions are pure: they take an Ibis table with the canonical ``product_flows`` columns and
return an Ibis expression; nothing connects or executes here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from bilat.analytics._ibis import ibis  # imported on first use (see the module)

from bilat.analytics import selection
from bilat.errors import BilatError, UnknownProductError
from bilat.schema import WORLD

if TYPE_CHECKING:  # annotations only: the module loads without Ibis
    import ibis.expr.types as ir

LEVELS = (2, 4, 6)


def check_level(level: int) -> int:
    """Refuse an HS level other than 2, 4 or 6 with a one-line message."""
    if level not in LEVELS:
        raise BilatError(f"HS level must be 2, 4 or 6 (got {level!r})")
    return level


def resolve_lens(lens: Any) -> tuple[str, ...] | None:
    """HS prefixes of a sector lens given by name, by ``Lens`` object or as a list of prefixes.

    Uses :mod:`bilat.nomenclature.lenses` when it is installed; a plain sequence of prefixes works
    without it (tests and callers that define their own sector).
    """
    if lens is None:
        return None
    if isinstance(lens, str):
        try:
            from bilat.nomenclature.lenses import get_lens
        except ImportError as exc:  # pragma: no cover - depends on another module being present
            raise UnknownProductError(f"sector lens {lens!r}: bilat.nomenclature.lenses is not available") from exc
        lens = get_lens(lens)
    prefixes = getattr(lens, "hs_prefixes", lens)
    if isinstance(prefixes, str) or not isinstance(prefixes, Sequence | set | frozenset):
        raise UnknownProductError(f"not a sector lens or list of HS prefixes: {lens!r}")
    out = tuple(str(p) for p in prefixes)
    if not out:
        raise UnknownProductError("sector lens has no HS prefixes")
    return out


def lens_filter(column: ir.StringValue, lens: Any) -> ir.BooleanValue:
    """``column`` starts with one of the lens's HS prefixes.

    A named lens (or ``Lens``) goes through :func:`bilat.nomenclature.lenses.lens_predicate`, so the
    lens semantics live in one place; a plain list of prefixes is matched here the same way.
    """
    prefixes = resolve_lens(lens)
    assert prefixes is not None
    if isinstance(lens, str) or hasattr(lens, "hs_prefixes"):
        try:
            from bilat.nomenclature.lenses import lens_predicate
        except ImportError:  # pragma: no cover - depends on another module being present
            pass
        else:
            return lens_predicate(column, lens)
    pred = column.startswith(prefixes[0])
    for prefix in prefixes[1:]:
        pred = pred | column.startswith(prefix)
    return pred


def select_flows(
    flows: ir.Table,
    *,
    year: int,
    level: int,
    source: str,
    lens: Any = None,
) -> ir.Table:
    """Exporter-side rows of one source and year: ``exporter, importer, hs_code, value_usd``.

    ``lens`` (a lens name, ``Lens`` or HS prefixes) filters on the source's own codes *before* they
    are cut to ``level`` digits, so a 6-digit lens keeps only its 6-digit lines even at HS4.
    """
    check_level(level)
    t = flows.filter(
        flows.year == year,
        flows.source == source,
        flows.hs_level >= level,
        selection.exporter_side(flows, source),
        flows.exporter != WORLD,
        flows.value_usd.notnull(),
    )
    t = t.filter(t.hs_level == t.hs_level.max())
    if lens is not None:
        t = t.filter(lens_filter(t.hs_code, lens))
    return t.select(
        exporter=t.exporter,
        importer=t.importer,
        hs_code=t.hs_code.left(level),
        value_usd=t.value_usd.cast("float64"),
    )


def trade_matrix(
    flows: ir.Table, *, year: int, level: int, source: str, lens: Any = None
) -> ir.Table:
    """``exporter, importer, hs_code, value_usd`` summed to ``level``; importer ``WLD`` = world row."""
    t = select_flows(flows, year=year, level=level, source=source, lens=lens)
    return t.group_by(["exporter", "importer", "hs_code"]).aggregate(value_usd=t.value_usd.sum())


def bilateral_matrix(
    flows: ir.Table, *, year: int, level: int, source: str, lens: Any = None
) -> ir.Table:
    """The trade matrix without ``WLD`` rows: only flows whose partner is a country."""
    m = trade_matrix(flows, year=year, level=level, source=source, lens=lens)
    return m.filter(m.importer != WORLD)


def bilateral_rows(
    flows: ir.Table, *, year: int, level: int, source: str, lens: Any = None
) -> ir.Table:
    """The rows behind :func:`bilateral_matrix`, not yet summed per (exporter, importer, product).

    Every index re-aggregates anyway (sums are associative), so they start from these rows: on a
    BACI year this skips a 10-million-group aggregation.
    """
    t = select_flows(flows, year=year, level=level, source=source, lens=lens)
    return t.filter(t.importer != WORLD)


def exports_by_product(
    flows: ir.Table, *, year: int, level: int, source: str, lens: Any = None
) -> ir.Table:
    """``exporter, hs_code, export_usd``: each country's exports of each product to the world.

    The ``WLD`` row is used where the source publishes one for that exporter and product (Open
    Trade Statistics), else the sum over importers (BACI). Zero and empty values are dropped, so a
    missing row means "no exports" (RCA 0).
    """
    t = select_flows(flows, year=year, level=level, source=source, lens=lens)
    is_world = t.importer == WORLD
    agg = t.group_by(["exporter", "hs_code"]).aggregate(
        world_row=t.value_usd.sum(where=is_world),
        partners=t.value_usd.sum(where=~is_world),
    )
    out = agg.select(
        exporter=agg.exporter,
        hs_code=agg.hs_code,
        export_usd=ibis.coalesce(agg.world_row, agg.partners),
    )
    return out.filter(out.export_usd > 0)


def imports_by_product(
    flows: ir.Table, *, year: int, level: int, source: str, lens: Any = None
) -> ir.Table:
    """``importer, hs_code, import_usd``: each country's imports of each product (mirror flows)."""
    m = bilateral_rows(flows, year=year, level=level, source=source, lens=lens)
    agg = m.group_by(["importer", "hs_code"]).aggregate(import_usd=m.value_usd.sum())
    return agg.filter(agg.import_usd > 0)


def safe_div(numerator: ir.NumericValue, denominator: ir.NumericValue) -> ir.FloatingValue:
    """``numerator / denominator`` that is NULL (not an error, not inf) when the denominator is 0.

    Spark 4 runs in ANSI mode, where a division by zero raises; DuckDB returns NULL or inf. NULLIF
    gives one answer on both.
    """
    return numerator / denominator.nullif(0)
