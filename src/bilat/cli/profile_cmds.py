"""Pair analysis commands: ``profile`` (flows, growth, shares, composition, lens) and ``reconcile``."""

from __future__ import annotations

from typing import Optional

import typer

from bilat.cli.app import FORMAT_OPTION, OutputFormat, app, console, dumps, emit
from bilat.cli.options import ENGINE_OPTION, YEARS_OPTION



@app.command()
def profile(
    a: str = typer.Argument(..., help="First country: ISO3, name or demonym."),
    b: str = typer.Argument(..., help="Second country."),
    years: Optional[str] = YEARS_OPTION,
    lens: Optional[str] = typer.Option(None, "--lens", help="A sector lens (bilat lenses lists them), e.g. robotics."),
    top: int = typer.Option(10, "--top", min=1, help="How many products per level and direction."),
    cagr: Optional[str] = typer.Option(None, "--cagr", help="A span for the growth rate, e.g. 2016-2020 (default: several)."),
    engine: str = ENGINE_OPTION,
    fmt: OutputFormat = FORMAT_OPTION,
) -> None:
    """Profile a pair: flows both ways, growth, shares and ranks, composition, concentration, a lens.

    Example: bilat profile ISR JPN --years 2010-2020 --lens robotics
    """
    from bilat.analytics.flows import parse_years
    from bilat.questions import profile as pair_profile
    from bilat.session import Session

    spans = [parse_years(cagr)] if cagr else None
    with Session(engine=engine) as session:
        p = pair_profile(a, b, years, top=top, lens=lens, cagr_spans=spans, session=session)
    notes = "\n".join(f"note: {n}" for n in p.notes) or None
    if fmt == OutputFormat.json:
        typer.echo(dumps(p.to_dict()))
        return
    if fmt == OutputFormat.csv:
        emit(p.flows, fmt, note=notes)
        return
    recent = readable(p.flows.tail(10))
    emit(recent, fmt, title=f"{p.names[p.a]} – {p.names[p.b]}: goods flows, current USD ({p.source}; last 10 years)")
    emit(readable(p.cagr), fmt, title="Compound annual growth")
    if len(p.shares):
        last = p.shares[p.shares.year == p.shares.year.max()]
        emit(readable(last[["year", "country", "partner", "side", "value_usd", "share", "rank", "partners"]]), fmt,
             title=f"Share and rank among partners ({p.shares_source})")
    if len(p.composition):
        latest = p.composition[(p.composition.year == p.composition.year.max()) & (p.composition.level == "chapter")]
        emit(readable(latest[["year", "exporter", "importer", "code", "description", "value_usd", "share", "share_of_flow"]]), fmt,
             title=f"Top HS chapters ({p.composition_source})")
    if len(p.hhi):
        emit(p.hhi.tail(6), fmt, title="Concentration (HHI over HS headings)")
    if p.lens is not None and len(p.lens):
        emit(p.lens.head(20), fmt, title=f"Lens {p.lens_name} in the pair's trade")
    if p.lens_world is not None:
        emit(readable(p.lens_world), fmt, title=f"Lens {p.lens_name} in world exports (OTS)")
    if notes:
        console.print(notes, markup=False, highlight=False)


@app.command()
def reconcile(
    a: str = typer.Argument(..., help="First country."),
    b: str = typer.Argument(..., help="Second country."),
    year: Optional[int] = typer.Option(None, "--year", "-y", help="The year to compare (default: the best covered)."),
    engine: str = ENGINE_OPTION,
    fmt: OutputFormat = FORMAT_OPTION,
) -> None:
    """Put every loaded source's figure for the same flows side by side and explain the gaps.

    Example: bilat reconcile ISR JPN --year 2016
    """
    from bilat.questions import reconcile as reconcile_pair
    from bilat.session import Session

    with Session(engine=engine) as session:
        r = reconcile_pair(a, b, year, session=session)
    if fmt == OutputFormat.json:
        typer.echo(dumps(r.to_dict()))
        return
    if fmt == OutputFormat.csv:
        emit(r.figures, fmt, note="\n".join(r.explanations))
        return
    emit(readable(r.figures.drop(columns=["year", "view"])), fmt, title=f"Every figure for {r.a}–{r.b} flows, {r.year} (USD)")
    emit(readable(r.comparison.drop(columns=["exporter_source", "importer_source", "reconciled_source"])), fmt, title="Exporter's (FOB) vs importer's (CIF) declaration")
    for line in [*r.explanations, *r.notes]:
        console.print(f"- {line}", markup=False, highlight=False)


def readable(frame):  # noqa: ANN001, ANN201 - a DataFrame in, a DataFrame of text out
    """Money as $2.76 bn and rates as +12.25 % for the terminal (JSON/CSV keep raw numbers)."""
    from bilat.analytics.targets import pct, usd

    out = frame.copy()
    for column in out.columns:
        if column.endswith("_usd") or column in ("first_value", "last_value"):
            out[column] = [usd(v) if v == v and v is not None else "" for v in out[column]]
        elif column.endswith("_yoy") or column in ("cagr", "share", "share_of_flow", "share_of_reported", "progress",
                                                    "actual_cagr", "required_cagr", "needed_cagr_from_here", "change_pct"):
            out[column] = [pct(v) if v == v and v is not None else "" for v in out[column]]
    return out

