"""The Typer application and the pieces every command shares (output format, error handling)."""

from __future__ import annotations

import csv
import io
import json
import sys
from enum import Enum
from typing import Any

import typer
from typer.core import TyperArgument, TyperGroup

from bilat.cli.fast_params import defer_markdown, install as _install_fast_params
from bilat.cli.output import safe_console, safe_text, terminal_safe
from bilat.errors import BilatError

_install_fast_params()  # plain values without pydantic (see bilat.cli.fast_params)
defer_markdown()  # typer's help without rich's Markdown renderer

def _usage_name(self) -> str:  # noqa: ANN001 - a typer.core.TyperArgument
    """``A B`` and ``[TARGET_ID]`` on usage lines (typer 0.29 writes required arguments as ``{a}``)."""
    name = (self.metavar or self.name or "").upper()
    name = name if self.required else f"[{name}]"
    return name + ("..." if self.nargs != 1 else "")


TyperArgument._usage_display_name = _usage_name  # one line of typer's help, the rest is untouched

# No emoji codes (":x:" in a file's header stays ":x:"); markup only in bilat's own strings.
console = safe_console(emoji=False)
err_console = safe_console(stderr=True, emoji=False)


class _BilatGroup(TyperGroup):
    """Turns a :class:`BilatError` from any command into one red line and its exit code."""

    def invoke(self, ctx):  # noqa: ANN001, ANN201 - click's signature
        try:
            return super().invoke(ctx)
        except BilatError as exc:
            err_console.print("error: " + terminal_safe(exc), style="bold red", highlight=False, markup=False, soft_wrap=True)
            ctx.exit(exc.exit_code)


app = typer.Typer(
    name="bilat",
    cls=_BilatGroup,
    help="Monitor trade and cooperation between two countries, from official statistics.\n\n"
    "Example: bilat report ISR JPN",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)



class OutputFormat(str, Enum):
    """Output formats shared by every command that prints a table."""

    table = "table"
    csv = "csv"
    json = "json"


FORMAT_OPTION = typer.Option(OutputFormat.table, "--format", "-f", help="table, csv or json.")


def byte_progress(label: str = "{task.description}"):  # noqa: ANN201 - a rich Progress
    """The progress bar of long byte-counted work (ingestion, download), on stderr, only on a terminal."""
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn, TransferSpeedColumn

    return Progress(
        TextColumn(f"[bold]{label}[/]"),
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        TimeRemainingColumn(),
        console=err_console,
        transient=True,
        disable=not err_console.is_terminal,
    )


def neutralise_formula(value: Any) -> Any:
    """Prefix a text cell that a spreadsheet would run as a formula with a quote."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r") and not _is_number(value):
        return "'" + value
    return value


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def emit(frame: Any, fmt: OutputFormat, title: str | None = None, note: str | None = None) -> None:
    """Print a pandas DataFrame (or :class:`bilat.cli.rows.Rows`) as a rich table, CSV or JSON records.

    ``note`` is printed under a table (to stderr for csv/json so that stdout stays parseable).
    A terminal table of :class:`~bilat.cli.rows.Rows` needs no pandas; CSV and JSON go through
    the DataFrame, so that every command writes them the same way.
    """
    from bilat.cli.rows import Rows

    if isinstance(frame, Rows) and fmt != OutputFormat.table:
        frame = frame.to_frame()
    if not isinstance(frame, Rows):
        import pandas as pd

        assert isinstance(frame, pd.DataFrame)
    if fmt == OutputFormat.json:
        sys.stdout.write(frame.to_json(orient="records", indent=2, date_format="iso", force_ascii=False))
        sys.stdout.write("\n")
        if note:
            err_console.print(terminal_safe(note), soft_wrap=True, markup=False, highlight=False)
        return
    if fmt == OutputFormat.csv:
        buffer = io.StringIO()
        safe = frame.map(neutralise_formula) if len(frame) else frame
        if len(frame) and sys.stdout.isatty():  # a terminal view: control characters shown, not run
            safe = safe.map(lambda v: terminal_safe(v) if isinstance(v, str) else v)
        safe.to_csv(buffer, index=False, quoting=csv.QUOTE_MINIMAL)
        sys.stdout.write(buffer.getvalue())
        if note:
            err_console.print(terminal_safe(note), soft_wrap=True, markup=False, highlight=False)
        return
    from bilat.cli.tables import render

    if len(frame):
        render(frame, console, title)
    elif title and not note:
        console.print(f"{title}: none", markup=False, highlight=False, soft_wrap=True)
    if note:
        console.print(terminal_safe(note), soft_wrap=True, markup=False, highlight=False)


def dumps(obj: Any) -> str:
    """JSON with the conventions every command uses."""
    return json.dumps(obj, indent=2, default=str, ensure_ascii=False)


def run() -> None:
    """Run the app; a :class:`BilatError` becomes a one-line message and its exit code."""
    try:
        app()
    except BilatError as exc:
        err_console.print("error: " + terminal_safe(exc), style="bold red", highlight=False, markup=False, soft_wrap=True)
        sys.exit(exc.exit_code)
