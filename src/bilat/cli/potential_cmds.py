"""Commands about where the potential is: ``potential`` (untapped exports A→B) and ``rca``.

The analytics are Ibis expressions in :mod:`bilat.analytics.potential` and
:mod:`bilat.analytics.indices`; this module picks a source that can answer (product detail for all
countries, bilateral where needed), executes, adds HS descriptions and says what is missing.
"""

from __future__ import annotations

from typing import Optional

import pandas as pd
import typer

from bilat.cli.app import FORMAT_OPTION, OutputFormat, app, emit
from bilat.errors import BilatError, NoDataError
from bilat.product_sources import LOAD_BACI, coverage, describe_codes, pick, rca_table

ENGINE_OPTION = typer.Option("duckdb", "--engine", "-e", help="Query engine: duckdb (default) or spark.")
def for_format(frame: pd.DataFrame, fmt: OutputFormat, drop: tuple[str, ...] = ()) -> pd.DataFrame:
    """For the terminal table: shorter descriptions and fewer columns; csv/json keep everything."""
    if fmt != OutputFormat.table:
        return frame
    out = frame.drop(columns=[c for c in drop if c in frame.columns])
    if "description" in out.columns:
        out = out.assign(description=out.description.map(lambda d: d if len(d) <= 48 else d[:47].rstrip() + "…"))
    return out


def _open(engine: str):  # noqa: ANN202
    from bilat.engines import open_engine

    return open_engine(engine)


def _country(text: str) -> str:
    from bilat.nomenclature.countries import resolve_country

    return resolve_country(text).iso3


@app.command("rca")
def rca_command(
    country: str = typer.Argument(..., help="Country: ISO3, name or demonym."),
    year: Optional[int] = typer.Option(None, "--year", "-y", help="Year (default: the latest with data)."),
    level: int = typer.Option(4, "--level", "-l", help="HS level: 2, 4 or 6."),
    top: int = typer.Option(20, "--top", "-n", help="Number of products to show."),
    lens: Optional[str] = typer.Option(None, "--lens", help="Only products of a sector lens, e.g. medical_devices."),
    source: Optional[str] = typer.Option(None, "--source", help="baci, ots ... (default: the best loaded)."),
    engine: str = ENGINE_OPTION,
    fmt: OutputFormat = FORMAT_OPTION,
) -> None:
    """A country's products with the highest revealed comparative advantage (Balassa RCA).

    Example: bilat rca ISR --year 2017 --level 4 --top 20
    """
    iso3 = _country(country)
    eng = _open(engine)
    try:
        frame, chosen = rca_table(eng, iso3, year=year, level=level, top=top, source=source, lens=lens)
    finally:
        eng.close()
    note = (
        f"note: {chosen.source} {chosen.year}, HS{level}; RCA = product's share in {iso3}'s exports / its share in "
        f"world exports, world = all exporters in {chosen.source} (see docs/methods.md)"
    )
    frame = for_format(frame, fmt, drop=("export_share", "world_share"))
    emit(frame, fmt, title=f"{iso3}: revealed comparative advantage, {chosen.year}", note=note)


@app.command("potential")
def potential_command(
    a: str = typer.Argument(..., help="Exporting country: ISO3, name or demonym."),
    b: str = typer.Argument(..., help="Importing country."),
    year: Optional[int] = typer.Option(None, "--year", "-y", help="Year (default: the latest with bilateral data)."),
    top: int = typer.Option(25, "--top", "-n", help="Number of products to show."),
    lens: Optional[str] = typer.Option(None, "--lens", help="Sector lens (bilat lenses), e.g. medical_devices."),
    level: int = typer.Option(6, "--level", "-l", help="HS level: 2, 4 or 6."),
    min_rca: float = typer.Option(1.0, "--min-rca", help="List only products where A's RCA is at least this."),
    source: Optional[str] = typer.Option(None, "--source", help="Source with bilateral product flows (default: baci)."),
    engine: str = ENGINE_OPTION,
    fmt: OutputFormat = FORMAT_OPTION,
) -> None:
    """Untapped export potential of A in B, product by product (supply × demand × ease − actual).

    Example: bilat potential ISR JPN --year 2016 --top 25 --level 6
    """
    from bilat.analytics.potential import export_potential
    from bilat.analytics.product_trade import check_level, resolve_lens

    check_level(level)
    a3, b3 = _country(a), _country(b)
    if a3 == b3:
        raise BilatError(f"potential needs two different countries, got {a!r} and {b!r}")
    if lens is not None:
        resolve_lens(lens)  # unknown lens: fail before querying
    eng = _open(engine)
    try:
        flows = eng.table("product_flows")
        covers = coverage(eng, flows)
        chosen = pick(covers, year=year, level=level, source=source, bilateral=True)
        if chosen is None:
            _advantages_instead(eng, covers, a3, b3, year=year, level=level, top=top, fmt=fmt, lens=lens)
            return
        expr = export_potential(
            flows, a3, b3, year=chosen.year, level=level, source=chosen.source, lens=lens, min_rca=min_rca
        )
        frame = eng.execute(expr.limit(top))
    finally:
        eng.close()
    frame.insert(3, "description", describe_codes(frame))
    columns = ["rank", "hs_code", "description", "rca", "supply", "demand", "ease", "potential_usd", "actual_usd", "untapped_usd"]
    frame = frame[columns]
    note = (
        f"note: {chosen.source} {chosen.year}, HS{level}{f', lens {lens}' if lens else ''}; potential = supply "
        f"(A's share of world exports to others) × demand (B's imports) × ease (A→B trade intensity, capped); "
        f"untapped = max(potential − actual, 0). Method and caveats: docs/methods.md"
    )
    if frame.empty:
        note = f"no product where {a3} has RCA ≥ {min_rca} and {b3} imports, in {chosen.source} {chosen.year}. " + note
    frame = for_format(frame, fmt, drop=("supply", "demand", "ease"))
    emit(frame, fmt, title=f"Untapped export potential {a3} → {b3}, {chosen.year}", note=note)


def _advantages_instead(eng, covers, a3: str, b3: str, *, year, level: int, top: int, fmt: OutputFormat,  # noqa: ANN001
                        lens: str | None = None) -> None:
    """No bilateral product data: show both countries' revealed advantages, and say what is missing."""
    world = [c for c in covers if c.full_basket]
    if not world:
        raise NoDataError(f"no exports by product in the loaded data; {LOAD_BACI}")
    fallback = next((c for c in world if c.year == year), world[0]) if year is not None else world[0]
    fallback_level = min(level, fallback.finest_level)
    frames = []
    for iso3 in (a3, b3):
        frame, _ = rca_table(eng, iso3, year=fallback.year, level=fallback_level, top=top, source=fallback.source,
                             lens=lens)
        frames.append(frame)
    when = f"for {year}" if year is not None else "for any year"
    note = (
        f"note: no bilateral product flows {when} in the loaded data, so the untapped potential of {a3} in {b3} "
        f"cannot be ranked; showing both countries' revealed comparative advantage instead "
        f"({fallback.source} {fallback.year}, HS{fallback_level}{f', lens {lens}' if lens else ''}). "
        f"To rank the potential, {LOAD_BACI}."
    )
    emit(
        for_format(pd.concat(frames, ignore_index=True), fmt, drop=("export_share", "world_share")),
        fmt,
        title=f"Revealed comparative advantage of {a3} and {b3}, {fallback.year}",
        note=note,
    )
