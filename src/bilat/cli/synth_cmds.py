"""``bilat synth``: write synthetic data shaped like real releases, to test and benchmark at scale."""

from __future__ import annotations

from pathlib import Path

import typer

from bilat.cli.app import app, console, err_console
from bilat.errors import BilatError

sub = typer.Typer(
    help="Write synthetic data shaped like real releases (for scale tests and benchmarks).\n\n"
    "Example: bilat synth baci /tmp/baci --years 2019-2020 --rows 100000",
    no_args_is_help=True,
)
app.add_typer(sub, name="synth")


def parse_year_list(text: str) -> list[int]:
    """``"2001-2020"`` -> every year of the span; ``"2017,2019"`` -> those years; ``"2020"`` -> one."""
    years: list[int] = []
    try:
        for part in text.split(","):
            part = part.strip()
            if not part:
                continue
            if "-" in part:
                first, last = (int(p) for p in part.split("-", 1))
                years.extend(range(min(first, last), max(first, last) + 1))
            else:
                years.append(int(part))
    except ValueError:
        raise BilatError(f"years must look like 2020, 2001-2020 or 2017,2019 (got {text!r})") from None
    if not years:
        raise BilatError(f"no years in {text!r}")
    return sorted(set(years))


@sub.command("baci")
def synth_baci(
    out_dir: Path = typer.Argument(..., help="Folder to write the release into (created if needed)."),
    years: str = typer.Option("2020", "--years", "-y", help="2020, 2001-2020 or 2017,2019."),
    rows: int = typer.Option(10_000_000, "--rows", "-n", help="Rows per year (a real BACI year has 10-11 million)."),
    seed: int = typer.Option(0, "--seed", help="Same seed, same bytes."),
    as_zip: bool = typer.Option(False, "--zip", help="Write one release zip instead of unpacked files."),
    pairs: int = typer.Option(None, "--pairs", help="Active country pairs a year (default 30,000, fewer for small --rows)."),
    release: str = typer.Option("V202401", "--release", help="Release tag used in the file names."),
) -> None:
    """Write a synthetic CEPII BACI release (HS17): year CSVs, code lists and a readme.

    Example: bilat synth baci /tmp/baci --years 2019-2020 --rows 100000 --seed 0
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from bilat.synth import generate_baci

    year_list = parse_year_list(years)
    with Progress(
        TextColumn("[bold]synth baci[/]"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("rows"),
        TimeRemainingColumn(),
        console=err_console,
        transient=True,
    ) as bar:
        task = bar.add_task("rows", total=rows * len(year_list))

        def progress(done: int, total: int | None) -> None:
            bar.update(task, completed=done, total=total)

        paths = generate_baci(
            out_dir,
            year_list,
            rows_per_year=rows,
            seed=seed,
            release=release,
            as_zip=as_zip,
            progress=progress,
            pairs=pairs,
        )
    for path in paths:
        console.print(f"{path}  ({path.stat().st_size:,} bytes)", highlight=False, soft_wrap=True)
    console.print(
        f"[dim]{len(year_list)} year(s) x {rows:,} rows, seed {seed}. The flows are invented: "
        "use them for tests and benchmarks only.[/]"
    )
