"""Commands that look after the store itself: ``rebuild-totals``."""

from __future__ import annotations

import typer

from bilat.cli.app import app, console


@app.command("rebuild-totals")
def rebuild_totals(
    every: bool = typer.Option(
        False, "--all", help="Rewrite the totals of every product file, not only of those that have none."
    ),
) -> None:
    """Write the pair totals of product files ingested before bilat kept them.

    Without them the engines sum those files' totals from the rows at each question: slower, same figures.

    Example: bilat rebuild-totals
    """
    from bilat.catalog import open_store
    from bilat.ingest.totals import rebuild_totals as rebuild

    store = open_store()
    done = rebuild(store, every=every)
    if not done:
        console.print(f"every product file in {store.home} has its pair totals; nothing to do")
        return
    for item in done:
        console.print(f"{item.name}: {item.rows:,} pair totals written (file id {item.file_id})")
