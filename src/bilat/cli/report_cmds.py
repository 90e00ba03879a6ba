"""``bilat report``: the pair's report as one self-contained HTML file (or md, json, csv)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from bilat.cli.app import app, console
from bilat.cli.options import ENGINE_OPTION, YEARS_OPTION


class ReportFormat(str, Enum):
    html = "html"
    md = "md"
    json = "json"
    csv = "csv"


@app.command()
def report(
    a: str = typer.Argument(..., metavar="A", help="First country: ISO3, name or demonym."),
    b: str = typer.Argument(..., metavar="B", help="Second country."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="File to write (default: ./bilat-report-A-B.html)."),
    years: Optional[str] = YEARS_OPTION,
    fmt: ReportFormat = typer.Option(ReportFormat.html, "--format", "-f", help="html, md, json or csv."),
    lens: Optional[str] = typer.Option(None, "--lens", help="Add a sector lens section, e.g. robotics."),
    reconcile_year: Optional[int] = typer.Option(None, "--reconcile-year", help="Year of the source comparison."),
    self_contained: bool = typer.Option(False, "--self-contained", help="Inline plotly.js (one 5 MB file) instead of a file beside the report."),
    engine: str = ENGINE_OPTION,
) -> None:
    """Write the pair's report (charts, shares, goals, source reconciliation) and print its key figures.

    Example: bilat report ISR JPN --out israel-japan.html
    """
    from bilat.cli.tables import render
    from bilat.session import resolve_pair
    from bilat.report import build_report, default_path, write_report

    a3, b3 = resolve_pair(a, b)
    path = out or default_path(a3, b3, fmt.value)
    with console.status("computing the report...", spinner="dots") if console.is_terminal else _nothing():
        result = build_report(a3, b3, years, lens=lens, reconcile_year=reconcile_year, engine=engine)
        written = write_report(result, path, fmt.value, self_contained=self_contained)
    render(result.summary, console, title=f"{result.title} ({result.years[0]}-{result.years[1]})")
    for note in result.section("summary").notes:
        console.print(f"note: {note}", markup=False, highlight=False)
    console.print(f"report written to {written}", markup=False, highlight=False, soft_wrap=True)


class _nothing:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None
