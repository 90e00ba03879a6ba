"""Pair analysis commands: ``profile`` (flows, growth, shares, composition, lens) and ``reconcile``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import typer

from bilat.cli.app import FORMAT_OPTION, OutputFormat, app, console, dumps, emit
from bilat.cli.options import ENGINE_OPTION, YEARS_OPTION

if TYPE_CHECKING:  # annotations only: the CLI starts without pandas
    import pandas as pd



@app.command()
def profile(
    a: str = typer.Argument(..., metavar="A", help="First country: ISO3, name or demonym."),
    b: str = typer.Argument(..., metavar="B", help="Second country."),
    years: Optional[str] = YEARS_OPTION,
    lens: Optional[str] = typer.Option(None, "--lens", help="A sector lens (bilat lens list shows them), e.g. robotics."),
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
    cols = p.columns
    recent = p.flows.tail(10)[["year", cols["a_to_b"], cols["b_to_a"], "total_usd", cols["balance"]]]
    emit(recent, fmt, title=f"{p.names[p.a]} – {p.names[p.b]}: goods flows, current USD ({p.source}; last 10 years)")
    heads = p.headline[p.headline.label.str.contains("mirror|data end", regex=True)] if len(p.headline) else p.headline
    for row in heads.itertuples(index=False):
        console.print(f"latest: {row.label}", markup=False, highlight=False, soft_wrap=True)
    cagr = p.cagr.assign(measure=[_measure(m) for m in p.cagr.measure])
    emit(cagr[["measure", "first_year", "last_year", "cagr", "first_value", "last_value"]], fmt,
         title="Compound annual growth")
    if len(p.shares):
        last = p.shares[p.shares.year == p.shares.year.max()]
        # Honesty rule: the share of the country's own declared total sits beside the mirror share,
        # with the source it came from; blank where no national total covers the year.
        extra = [c for c in ("share_of_reported", "reported_source") if c in last.columns and last[c].notna().any()]
        if fmt == OutputFormat.table:  # the note below gives them, with their sources: the table stays 80 wide
            extra = []
        emit(last[["country", "side", "partner", "share", "rank", "partners", "value_usd", "year", *extra]], fmt,
             title=f"Share and rank among partners ({p.shares_source})")
        if fmt == OutputFormat.table and "reported_source" in p.shares.columns:
            console.print(_reported_latest(last), markup=False, highlight=False, soft_wrap=True)
            console.print(_reported_note(p.shares), markup=False, highlight=False, soft_wrap=True)
    if len(p.composition):
        _composition(p)
    if len(p.hhi):
        emit(p.hhi.tail(6), fmt, title="Concentration (HHI over HS headings)")
    if len(p.indices):
        from bilat.questions.pair_indices import MEANING

        ix = p.indices.assign(flow=[f"{c} → {q}" for c, q in zip(p.indices.country, p.indices.partner, strict=True)])
        wide = ix.pivot_table(index=["index", "flow"], columns="year", values="value", aggfunc="first").reset_index()
        wide.columns = [str(c) for c in wide.columns]
        for column in wide.columns[2:]:
            wide[column] = [f"{v:.2f}" if v == v else "" for v in wide[column]]
        emit(wide, fmt, title=f"Pair indices, over {p.indices.scope.iloc[0]} ({p.indices.source.iloc[0]})")
        console.print("\n".join(f"  {name}: {text}" for name, text in MEANING.items()), markup=False, highlight=False)
    if p.lens is not None and len(p.lens):
        emit(p.lens.head(20), fmt, title=f"Lens {p.lens_name} in the pair's trade")
    if p.lens_world is not None:
        w = p.lens_world
        key = [c for c in ("exporter", "lens_usd", "share_of_exports", "world_rank", "exporters", "share_of_world")
               if c in w.columns]
        year = f", {int(w.year.iloc[0])}" if "year" in w.columns and len(w) else ""
        emit(w[key], fmt, title=f"Lens {p.lens_name} in world exports (OTS{year})")
    if notes:
        console.print(notes, markup=False, highlight=False)


def _measure(column: str) -> str:
    from bilat.cli.tables import label

    return "Total" if column == "total_usd" else label(column)


def _composition(p) -> None:  # noqa: ANN001 - a PairProfile
    """Top chapters each way, titled as a slice (with its share of the flow) unless they cover it."""
    from bilat.questions.extent import slice_title

    latest = p.composition[(p.composition.year == p.composition.year.max()) & (p.composition.level == "chapter")]
    title = slice_title(p.coverage, f"Top HS chapters ({p.composition_source})")
    sliced = len(p.coverage) and bool(p.coverage.is_slice.any())
    shown = latest.assign(direction=[f"{e} → {i}" for e, i in zip(latest.exporter, latest.importer, strict=True)])
    shown = shown[["direction", "code", "description", "value_usd", "share_of_flow", "share"]]
    emit(readable(shown).rename(columns={"Share of the flow": "Of the flow", "Share": "Of slice" if sliced else "Share"}),
         OutputFormat.table, title=title + f" ({int(latest.year.max())})" if not sliced else title)
    if len(p.coverage) and bool(p.coverage.is_slice.any()):
        from bilat.questions.hints import BACI_HINT

        console.print(f"slice: the rows above are not the pair's composition; {BACI_HINT}",
                      markup=False, highlight=False, soft_wrap=True)


@app.command()
def reconcile(
    a: str = typer.Argument(..., metavar="A", help="First country."),
    b: str = typer.Argument(..., metavar="B", help="Second country."),
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
    figures = r.figures.assign(
        direction=[f"{e} → {i}" for e, i in zip(r.figures.exporter, r.figures.importer, strict=True)],
        declared=[f"{f} {v}" for f, v in zip(r.figures.flow, r.figures.valuation, strict=True)])
    emit(figures[["direction", "scope", "value_usd", "reporter", "declared", "source"]], fmt,
         title=f"Every figure for {r.a}–{r.b} flows, {r.year} (USD)")
    c = r.comparison
    comparison = c.assign(direction=[f"{e} → {i}" for e, i in zip(c.exporter, c.importer, strict=True)])
    key = ["direction", "scope", "exporter_usd", "importer_usd", "cif_fob_ratio", "gap_usd"]
    if comparison.reconciled_usd.notna().any():
        key.insert(4, "reconciled_usd")
    emit(comparison[key], fmt, title="Exporter's (FOB) vs importer's (CIF) declaration")
    for line in [*r.explanations, *r.notes]:
        console.print(f"- {line}", markup=False, highlight=False)


def readable(frame):  # noqa: ANN001, ANN201 - a DataFrame in, a DataFrame of text out
    """Human labels and one format per kind (see :mod:`bilat.cli.tables`); JSON/CSV keep raw numbers."""
    from bilat.cli.tables import readable as as_text

    return as_text(frame)


def _reported_note(shares: pd.DataFrame) -> str:
    """Which national total each share of reported divides by, and where there is none.

    Why: the national totals are partial (UN Comtrade 2010-2021, fewer reporters after 2019;
    Correlates of War to 2014), so a reader must see which years have one and from where.
    """
    have = shares[shares.reported_source.notna()]
    if not len(have):
        return "share of reported: no national total (UN Comtrade World totals, COW) covers these years; only the mirror share is given."
    from bilat.analytics.shares import declared_spans

    parts = [f"{country} {side} {first}-{last}: {source}" for country, side, source, first, last in declared_spans(have)]
    return "share of reported divides by the country's own total: " + "; ".join(parts) + " (other years: mirror share only)."


def _reported_latest(last: pd.DataFrame) -> str:
    """The latest year's shares of each country's own declared total, one clause a row of the table."""
    from bilat.cli.tables import share

    have = last[last.share_of_reported.notna()] if "share_of_reported" in last.columns else last.iloc[0:0]
    if not len(have):
        return "share of the country's own declared total: none for this year (only the mirror share above)."
    parts = [f"{r.partner} in {r.country}'s {r.side} {share(r.share_of_reported)} ({r.reported_source})"
             for r in have.itertuples(index=False)]
    return f"share of the country's own declared total, {int(have.year.max())}: " + "; ".join(parts) + "."

