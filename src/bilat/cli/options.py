"""Options several commands share, defined once (as sqlite-utils does), so their help reads the same."""

from __future__ import annotations

import typer

ENGINE_OPTION = typer.Option("duckdb", "--engine", "-e", help="Query engine: duckdb (default) or spark.")
YEARS_OPTION = typer.Option(None, "--years", "-y", help="A year (2016) or a span (2012-2017).")
