"""Pair analysis commands: ``profile`` (flows, growth, shares, composition, lens) and ``reconcile``."""

from __future__ import annotations

from typing import Optional

import typer

from bilat.cli.app import FORMAT_OPTION, OutputFormat, app, console, dumps, emit

YEARS_OPTION = typer.Option(None, "--years", "-y", help="A year (2016) or a span (2012-2017).")
ENGINE_OPTION = typer.Option("duckdb", "--engine", "-e", help="Query engine: duckdb (default) or spark.")


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
    from bilat import pair_api
    from bilat.analytics.flows import parse_years

    spans = [parse_years(cagr)] if cagr else None
    p = pair_api.profile(a, b, years, top=top, lens=lens, cagr_spans=spans, engine=engine)
    notes = "\n".join(f"note: {n}" for n in p.notes) or None
    if fmt == OutputFormat.json:
        payload = {"pair": [p.a, p.b], "source": p.source, "basis": p.basis, "years": list(p.years), "notes": p.notes,
                   "tables": {k: v.to_dict(orient="records") for k, v in p.tables().items()}}
        typer.echo(dumps(_nan_to_none(payload)))
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
    from bilat import pair_api

    r = pair_api.reconcile(a, b, year, engine=engine)
    if fmt == OutputFormat.json:
        payload = {"pair": [r.a, r.b], "year": r.year, "figures": r.figures.to_dict(orient="records"),
                   "comparison": r.comparison.to_dict(orient="records"), "explanations": r.explanations, "notes": r.notes}
        typer.echo(dumps(_nan_to_none(payload)))
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


def _nan_to_none(obj):  # noqa: ANN001, ANN202 - JSON cleaning of nested records
    import math

    if isinstance(obj, dict):
        return {k: _nan_to_none(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_nan_to_none(v) for v in obj]
    if isinstance(obj, float) and (math.isnan(obj) or math.isinf(obj)):
        return None
    return obj
