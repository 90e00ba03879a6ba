"""Commands about where the potential is: ``potential`` (untapped exports A→B) and ``rca``.

The analytics are Ibis expressions in :mod:`bilat.analytics.potential` and
:mod:`bilat.analytics.indices`; this module picks a source that can answer (product detail for all
countries, bilateral where needed), executes, adds HS descriptions and says what is missing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import typer

from bilat.cli.app import FORMAT_OPTION, OutputFormat, app, emit
from bilat.cli.options import ENGINE_OPTION
from bilat.errors import BilatError

if TYPE_CHECKING:  # pandas loads when a command runs, not with every ``bilat`` start
    import pandas as pd

def for_format(frame: pd.DataFrame, fmt: OutputFormat, drop: tuple[str, ...] = ()) -> pd.DataFrame:
    """For the terminal table: key columns first and fewer of them; csv/json keep everything."""
    if fmt != OutputFormat.table:
        return frame
    out = frame.drop(columns=[c for c in drop if c in frame.columns])
    # Key columns first (the values a reader comes for), the product's name last: it wraps, values never do.
    first = [c for c in KEY_FIRST if c in out.columns]
    return out[first + [c for c in out.columns if c not in first and c != "description"]
               + (["description"] if "description" in out.columns else [])]


KEY_FIRST = ("rank", "exporter", "hs_code", "untapped_usd", "rca", "export_usd", "potential_usd", "actual_usd")


def _open(engine: str):  # noqa: ANN202 - a Session
    from bilat.session import Session

    return Session(engine=engine)


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
        from bilat.questions import rca_table

        frame, chosen = rca_table(eng, iso3, year=year, level=level, top=top, source=source, lens=lens)
    finally:
        eng.close()
    note = (
        f"note: {chosen.source} {chosen.year}, HS{level}; RCA = product's share in {iso3}'s exports / its share in "
        f"world exports, world = all exporters in {chosen.source} (see docs/methods.md)"
    )
    from bilat.questions.probe import partial_basket_note

    if partial := partial_basket_note(chosen):
        note += f"; {partial}"
    frame = for_format(frame, fmt, drop=("export_share", "world_share"))
    emit(frame, fmt, title=f"{iso3}: revealed comparative advantage, {chosen.year}", note=note)


@app.command("potential")
def potential_command(
    a: str = typer.Argument(..., metavar="A", help="Exporting country: ISO3, name or demonym."),
    b: str = typer.Argument(..., metavar="B", help="Importing country."),
    year: Optional[int] = typer.Option(None, "--year", "-y", help="Year (default: the latest with bilateral data)."),
    top: int = typer.Option(25, "--top", "-n", help="Number of products to show."),
    lens: Optional[str] = typer.Option(None, "--lens", help="Sector lens (bilat lens list), e.g. medical_devices."),
    level: int = typer.Option(6, "--level", "-l", help="HS level: 2, 4 or 6."),
    min_rca: float = typer.Option(1.0, "--min-rca", help="List only products where A's RCA is at least this."),
    source: Optional[str] = typer.Option(None, "--source", help="Source with bilateral product flows (default: baci)."),
    engine: str = ENGINE_OPTION,
    fmt: OutputFormat = FORMAT_OPTION,
) -> None:
    """Untapped export potential of A in B, product by product (supply × demand × ease − actual).

    Example: bilat potential ISR JPN --year 2016 --top 25 --level 6
    """
    from bilat.analytics.product_trade import check_level, resolve_lens

    check_level(level)
    a3, b3 = _country(a), _country(b)
    if a3 == b3:
        raise BilatError(f"potential needs two different countries, got {a!r} and {b!r}")
    if lens is not None:
        resolve_lens(lens)  # unknown lens: fail before querying
    eng = _open(engine)
    try:
        from bilat.questions import untapped_potential

        answer = untapped_potential(eng, a3, b3, year=year, level=level, top=top, lens=lens, min_rca=min_rca,
                                    source=source)
    finally:
        eng.close()
    if answer.kind == "potential":
        frame = for_format(answer.frame, fmt, drop=("supply", "demand", "ease"))
        emit(frame, fmt, title=f"Untapped export potential {a3} → {b3}, {answer.year}", note=f"note: {answer.note}")
    else:
        frame = for_format(answer.frame, fmt, drop=("export_share", "world_share"))
        emit(frame, fmt, title=f"Revealed comparative advantage of {a3} and {b3}, {answer.year}", note=f"note: {answer.note}")
