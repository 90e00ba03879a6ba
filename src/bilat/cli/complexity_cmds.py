"""``bilat complexity``: ECI rank and value of countries, and their most complex exports (PCI)."""

from __future__ import annotations

from typing import Optional

import typer

from bilat.cli.app import FORMAT_OPTION, OutputFormat, app, console, dumps, emit
from bilat.cli.options import ENGINE_OPTION


@app.command()
def complexity(
    countries: Optional[list[str]] = typer.Argument(None, metavar="COUNTRY", help="Countries: ISO3, names or demonyms (default: the top 10)."),
    year: Optional[int] = typer.Option(None, "--year", "-y", help="Year of the world export data (default: the latest)."),
    top: int = typer.Option(5, "--top", min=1, help="How many of each country's most complex exports."),
    min_exports: float = typer.Option(1e9, "--min-exports", help="Leave out countries exporting less (USD; the Atlas's $1 bn)."),
    engine: str = ENGINE_OPTION,
    fmt: OutputFormat = FORMAT_OPTION,
) -> None:
    """Economic complexity: each country's ECI rank and value, and its most complex exports (PCI).

    Example: bilat complexity JPN ISR --year 2017
    """
    from bilat.questions import economic_complexity
    from bilat.session import Session

    with Session(engine=engine) as session:
        answer = economic_complexity(countries or None, year, top=top, min_exports=min_exports, session=session)
    if fmt == OutputFormat.json:
        typer.echo(dumps(answer.to_dict()))
        return
    if fmt == OutputFormat.csv:
        emit(answer.countries, fmt, note="\n".join(answer.filters))
        return
    shown = answer.countries.assign(eci=[f"{v:+.3f}" for v in answer.countries.eci])
    emit(shown[["exporter", "name", "eci_rank", "ranked", "eci", "diversity", "exports_usd"]], fmt,
         title=f"Economic complexity index, {answer.year} ({answer.source}, HS{answer.level}; rank of {answer.ranked})")
    if len(answer.products):
        products = answer.products.assign(pci=[f"{v:+.3f}" for v in answer.products.pci],
                                          rca=[f"{v:.2f}" for v in answer.products.rca])
        emit(products[["exporter", "hs_code", "description", "pci", "rca", "export_usd"]], fmt,
             title="Most complex exports (PCI, products exported with RCA ≥ 1)")
    for line in [*answer.filters, *answer.notes]:
        console.print(f"filter: {line}" if line in answer.filters else f"note: {line}", markup=False, highlight=False, soft_wrap=True)
