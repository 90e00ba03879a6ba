"""``bilat fetch``: download full data sets from their publishers, verify them, and ingest them."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from bilat.cli.app import app, byte_progress, console

sub = typer.Typer(
    help="Download full data sets (CEPII BACI, UN Comtrade+), verify them and load them into the store.\n\n"
    "Example: bilat fetch baci --release V202401 --hs HS17",
    no_args_is_help=True,
)
app.add_typer(sub, name="fetch")

DEST_OPTION = typer.Option(None, "--dest", help="Folder for the downloaded file (default: $BILAT_HOME/downloads).")
NO_INGEST_OPTION = typer.Option(False, "--no-ingest", help="Only download and verify; load later with `bilat ingest`.")


@sub.command("baci")
def fetch_baci_command(
    release: str = typer.Option("V202401", "--release", "-r", help="BACI release tag, e.g. V202401."),
    hs: str = typer.Option("HS17", "--hs", help="HS revision of the release: HS92 ... HS22."),
    dest: Optional[Path] = DEST_OPTION,
    base_url: Optional[str] = typer.Option(
        None, "--base-url", help="Where releases are served (default: $BILAT_BACI_URL or CEPII's download folder)."
    ),
    sha256: Optional[str] = typer.Option(None, "--sha256", help="Expected SHA-256 of the zip (checked before use)."),
    no_ingest: bool = NO_INGEST_OPTION,
    force: bool = typer.Option(False, "--force", help="Download again even if the zip is already there."),
) -> None:
    """Download a CEPII BACI release zip (resumable), verify it and ingest it without unpacking.

    Example: bilat fetch baci --release V202401 --hs HS17
    """
    from bilat.fetch.baci import fetch_baci, release_url

    url = release_url(release, hs, base_url)
    console.print(f"fetching {url}", highlight=False, soft_wrap=True)
    with byte_progress(f"BACI {hs.upper()} {release}") as bar:
        task = bar.add_task("download", total=None)

        def on_bytes(done: int, total: int | None) -> None:
            bar.update(task, completed=done, total=total)

        def on_ingest(done: int, total: int | None) -> None:
            bar.update(task, description="ingest", completed=done, total=total)

        result = fetch_baci(release, hs, dest=dest, base_url=base_url, sha256=sha256, ingest=not no_ingest,
                            progress=on_bytes, ingest_progress=on_ingest, force=force)
    got = result.download
    if got.already_present:
        line = f"{got.path}: already downloaded ({got.bytes:,} bytes)"
    else:
        how = " (resumed)" if got.resumed_from and not got.restarted else " (server ignored resume: fetched again)" if got.restarted else ""
        line = f"{got.path}: {got.bytes:,} bytes, verified{how}"
    console.print(line, highlight=False, soft_wrap=True)
    _print_ingest(result.ingest, got.path.name, no_ingest, "baci", got.path)


@sub.command("comtrade")
def fetch_comtrade_command(
    reporter: str = typer.Argument(..., help="Declaring country: ISO3, name or demonym."),
    partner: str = typer.Argument(..., help="Partner country (WLD: the world total)."),
    years: str = typer.Option(..., "--years", "-y", help="2016, 2012-2017 or 2013,2016."),
    cmd: list[str] = typer.Option(["TOTAL"], "--cmd", help="HS codes or TOTAL/AG2 (repeat the option for several)."),
    dest: Optional[Path] = DEST_OPTION,
    no_ingest: bool = NO_INGEST_OPTION,
) -> None:
    """Download a pair's UN Comtrade+ flows (key from $COMTRADE_API_KEY) and ingest them.

    Example: bilat fetch comtrade JPN ISR --years 2012-2017 --cmd TOTAL
    """
    from bilat.cli.synth_cmds import parse_year_list
    from bilat.fetch.comtrade import fetch_comtrade_pair

    codes = [c.strip() for item in cmd for c in item.split(",") if c.strip()]
    result = fetch_comtrade_pair(reporter, partner, parse_year_list(years), cmd_codes=codes, dest=dest, ingest=not no_ingest)
    console.print(f"{result.path}: {result.records:,} records", highlight=False, soft_wrap=True)
    if result.records == 0:
        console.print("  nothing to ingest: the API had no rows for this query")
        return
    _print_ingest(result.ingest, result.path.name, no_ingest, "comtrade", result.path)


def _print_ingest(ingested, name: str, skipped: bool, source: str, path: Path) -> None:  # noqa: ANN001 - IngestResult | None
    if skipped or ingested is None:
        console.print(f"  not ingested; load it with: bilat ingest {source} {path}", highlight=False, soft_wrap=True)
    elif ingested.already_present:
        console.print(f"{name}: already in the store (same SHA-256), nothing changed", highlight=False)
    else:
        console.print(
            f"{name}: stored {ingested.rows:,} rows into {ingested.table} in {ingested.seconds:.1f}s (file id {ingested.file_id})",
            highlight=False,
        )
