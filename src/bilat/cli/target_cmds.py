"""Declared goals: ``bilat target add|list|status|remove``, stored in the store's catalog."""

from __future__ import annotations

from typing import Optional

import typer

from bilat.cli.app import FORMAT_OPTION, OutputFormat, app, console, dumps, emit
from bilat.cli.options import ENGINE_OPTION

target_app = typer.Typer(help="Declared trade goals (double the trade by 2022...) checked against the data.\n\n"
                              "Example: bilat target status", no_args_is_help=True)
app.add_typer(target_app, name="target")


@target_app.command("add")
def add(
    first: str = typer.Argument(..., help="First country (ISO3 or name), or a whole goal in quotes."),
    second: Optional[str] = typer.Argument(None, help="Second country."),
    measure: str = typer.Option("total", "--measure", "-m", help="total (both ways), exports (A→B) or imports (B→A)."),
    base_year: Optional[int] = typer.Option(None, "--base-year", help="The year the goal starts from."),
    by_year: Optional[int] = typer.Option(None, "--by-year", help="The goal year (default: base year + 6)."),
    multiplier: Optional[float] = typer.Option(None, "--multiplier", help="2 = double."),
    target_value: Optional[float] = typer.Option(None, "--target-value", help="The level to reach, in USD (10e9)."),
    growth: Optional[str] = typer.Option(None, "--growth", help="Growth over the base, e.g. 50%."),
    quote: Optional[str] = typer.Option(None, "--quote", help="Where the goal was declared (kept with it)."),
) -> None:
    """Store a goal for a pair: a multiplier, a value or a growth, from a base year to a goal year.

    Example: bilat target add ISR JPN --measure total --base-year 2016 --by-year 2022 --multiplier 2
    """
    from bilat.questions import add_target, parse_goal

    if second is None:
        fields = parse_goal(first)
        for key, value in (("base_year", base_year), ("by_year", by_year)):
            if value is not None:
                fields[key] = value
        target = add_target(**fields)
    else:
        target = add_target(first, second, measure=measure, base_year=base_year, by_year=by_year,
                                     multiplier=multiplier, target_value=target_value, growth=growth, quote=quote)
    console.print(f"target #{target.id} stored: {target.describe()}", markup=False, highlight=False)


@target_app.command("list")
def list_(fmt: OutputFormat = FORMAT_OPTION) -> None:
    """List the stored goals.

    Example: bilat target list --format json
    """
    from bilat.questions import list_targets

    frame = list_targets()
    note = None if len(frame) else "no target stored: bilat target add ISR JPN --base-year 2016 --multiplier 2"
    columns = ["id", "goal", "origin"]
    emit(frame[columns] if fmt == OutputFormat.table else frame, fmt, title="Stored targets", note=note)


@target_app.command("status")
def status(
    target_id: Optional[int] = typer.Argument(None, help="One target's id (default: all)."),
    engine: str = ENGINE_OPTION,
    fmt: OutputFormat = FORMAT_OPTION,
) -> None:
    """Check goals against the data: progress, actual vs required growth, projection and verdict.

    Example: bilat target status 1
    """
    from bilat.questions import target_status
    from bilat.session import Session

    with Session(engine=engine) as session:
        statuses = target_status(target_id, session=session)
    if not statuses:
        console.print("no target stored: bilat target add ISR JPN --base-year 2016 --multiplier 2 "
                      "(`bilat report ISR JPN` also checks the founding articles' goal)", markup=False)
        return
    if fmt == OutputFormat.json:
        payload = [{"id": s.target.id, "goal": s.target.describe(), "target": s.target.to_dict(), "source": s.source,
                    "base_value": s.base_value, "goal_value": s.goal, "required_cagr": s.required_cagr,
                    "verdict": s.verdict, "summary": s.summary, "arithmetic": s.arithmetic,
                    "years": s.years.astype(object).where(s.years.notnull(), None).to_dict(orient="records")}
                   for s in statuses]
        typer.echo(dumps(payload))
        return
    for s in statuses:
        if fmt == OutputFormat.csv:
            frame = s.years.copy()
            frame.insert(0, "target_id", s.target.id)
            emit(frame, fmt)
            continue
        console.print(f"\n[bold]#{s.target.id}[/bold] ", end="")
        data_end = int(s.years.year.max()) if len(s.years) else None
        judged = (f" (judged on data that end in {data_end}, before {s.target.by_year})"
                  if data_end is not None and data_end < s.target.by_year else "")
        console.print(f"{s.target.describe()}: {s.verdict.upper()}{judged}", markup=False, highlight=False)
        for origin in s.target.origins or [{"origin": s.target.origin, "quote": s.target.quote}]:
            quote = f": “{origin['quote']}”" if origin.get("quote") else ""
            console.print(f"  declared in {origin['origin']}{quote}", markup=False, highlight=False, emoji=False)
        from bilat.cli.profile_cmds import readable

        key = [c for c in ("year", "value_usd", "progress", "actual_cagr", "needed_cagr_from_here", "projection_usd",
                           "verdict") if c in s.years.columns]
        shown = readable(s.years[key]).rename(columns={"Actual CAGR": "Actual", "Needed CAGR from here": "Needed"})
        emit(shown, fmt, title=f"year by year ({s.source}); growth a year: actual since {s.target.base_year}, "
                               f"needed from that year to the goal")
        for line in s.arithmetic:
            console.print(f"  {line}", markup=False, highlight=False)


@target_app.command("remove")
def remove(target_id: int = typer.Argument(..., help="The target's id (bilat target list).")) -> None:
    """Delete a stored goal.

    Example: bilat target remove 1
    """
    from bilat.questions import remove_target

    remove_target(target_id)
    console.print(f"target #{target_id} removed")
