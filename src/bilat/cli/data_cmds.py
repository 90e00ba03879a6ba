"""Commands that load data and show flows: ``ingest``, ``sources``, ``flows``, ``export``."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from bilat.cli.app import FORMAT_OPTION, OutputFormat, app, byte_progress, console, emit
from bilat.cli.options import ENGINE_OPTION, YEARS_OPTION



@app.command()
def ingest(
    source: str = typer.Argument(..., help="Loader name: baci, comtrade, imf_dots, ots, worldbank, cow ..."),
    paths: list[Path] = typer.Argument(..., help="Files to load (CSV, CSV.GZ, ZIP, XLSX or JSON, as the loader reads)."),
    skip_bad_rows: bool = typer.Option(
        False, "--skip-bad-rows", help="Store the good rows and write the bad ones, with reasons, to FILE.rejects.csv."
    ),
    hs_revision: Optional[int] = typer.Option(None, "--hs-revision", help="HS revision (1992...2022) when the file name does not say."),
    option: list[str] = typer.Option(
        [], "--option", "-o", help="Loader option KEY=VALUE, repeatable (e.g. flows=X,M for IMF DOTS workbooks; see docs/sources.md)."
    ),
    workers: Optional[int] = typer.Option(
        None, "--workers", "-j", min=1, help="With several files: how many are read at once (default: one per core)."
    ),
) -> None:
    """Load official trade files into the store: validated, atomic, idempotent.

    Several files are read, checked and written in parallel, and committed one by one.

    Example: bilat ingest baci BACI_HS17_Y2016_V202401.csv
    """
    from bilat.errors import BilatError
    from bilat.catalog import open_store
    from bilat.ingest import ingest_file, ingest_files
    from bilat.sources import get_source, source_names

    if source not in source_names():
        get_source(source)  # unknown loader: fail before touching anything, listing the known ones
    store = open_store()
    options: dict[str, object] = {"hs_revision": hs_revision} if hs_revision else {}
    for pair in option:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise BilatError(f"--option must look like KEY=VALUE, got {pair!r}")
        options[key.strip()] = value.strip()
    if len(paths) > 1:
        ingest_files(
            store, source, paths, workers=workers, skip_bad_rows=skip_bad_rows, options=options, on_result=_print_result
        )
        return
    for path in paths:
        with byte_progress() as progress:
            task = progress.add_task(f"{source} {path.name}", total=None)

            def report(done: int, total: int | None) -> None:
                progress.update(task, completed=done, total=total)

            def phase(name: str) -> None:
                progress.update(task, description=f"{source} {path.name}: {name}")

            result = ingest_file(
                store, source, path, skip_bad_rows=skip_bad_rows, options=options, progress=report, on_phase=phase
            )
        _print_result(result)


def _print_result(result) -> None:  # noqa: ANN001 - an IngestResult
    if result.already_present:
        console.print(f"{result.name}: already in the store (same SHA-256), nothing changed")
        return
    line = f"{result.name}: stored {result.rows:,} rows into {result.table} in {result.seconds:.1f}s (file id {result.file_id})"
    if result.rejected:
        line += f"; {result.rejected:,} bad rows written to {result.rejects_path}"
    console.print(line)
    if result.note:
        console.print(f"  note: {result.note}")
    if result.declined:
        # Says why this file took minutes where a clean BACI year takes seconds.
        console.print(f"  general path: the fast lane declined the file ({result.declined})")


@app.command()
def sources(fmt: OutputFormat = FORMAT_OPTION) -> None:
    """List the files in the store with their provenance (checksum, source, rows, time, version).

    Example: bilat sources --format json
    """
    from bilat.settings import EMBEDDED_DIR
    from bilat.catalog import open_store

    store = open_store()
    frame = store.files()
    columns = ["file_id", "name", "source", "table_name", "rows", "rejected", "first_year", "last_year", "ingested_at", "tool_version", "sha256"]
    frame = frame[columns] if len(frame) else frame.reindex(columns=columns)
    note = None
    if not len(frame):
        note = f"Nothing ingested yet in {store.home}: bilat answers from its embedded dataset ({EMBEDDED_DIR / 'PROVENANCE.md'})."
    else:
        from bilat.sources.traits import traits_of

        mute = sorted({s for s in frame.source if traits_of(str(s)) is None})
        if mute:
            note = (f"note: {', '.join(mute)} declared no traits (how its totals are formed, its priority), so its rows "
                    "are stored but answer no question; see docs/architecture.md, 'add a source'")
    emit(frame, fmt, title=f"Files in {store.home}", note=note)


@app.command()
def flows(
    a: str = typer.Argument(..., metavar="A", help="First country: ISO3, name or demonym."),
    b: str = typer.Argument(..., metavar="B", help="Second country."),
    years: Optional[str] = YEARS_OPTION,
    by: str = typer.Option("year", "--by", help="year, section, chapter, hs4 or hs6."),
    source: Optional[str] = typer.Option(None, "--source", help="baci, comtrade or imf_dots (default: the best loaded)."),
    hs_revision: Optional[int] = typer.Option(
        None, "--hs-revision", help="With --by: convert product codes to this HS revision (2007, 2012, 2017, 2022...) first."
    ),
    engine: str = ENGINE_OPTION,
    fmt: OutputFormat = FORMAT_OPTION,
) -> None:
    """Goods flows between two countries, both ways, by year or by product group.

    Example: bilat flows ISR JPN --years 2013-2016 --format json
    """
    from bilat.session import Session

    with Session(engine=engine) as session:
        pair = session.pair(a, b)
        if by == "year" and fmt == OutputFormat.table:  # plain SQL and tuples: no pandas, no Ibis
            from bilat.questions.yearly_table import pair_flows_table

            table = pair_flows_table(session, pair.a, pair.b, years, source)
            if table is not None:
                from bilat.cli.rows import Rows

                emit(Rows(table.columns, table.rows), fmt, title=f"Goods flows, current USD ({table.source})",
                     note="\n".join(f"note: {n}" for n in table.notes) or None)
                return
        if by == "year":  # the yearly question only: the product questions' modules stay unloaded
            from bilat.questions.yearly import pair_flows

            answer = pair_flows(pair.a, pair.b, years, source, session=session)
        else:
            from bilat.questions.products import pair_composition

            answer = pair_composition(pair.a, pair.b, by, years, hs_revision=hs_revision, session=session)
    if by == "year":
        frame = answer.frame
        if fmt == OutputFormat.table:
            from bilat.analytics.flows import wide

            frame = wide(frame, pair.a, pair.b)
        title = f"Goods flows, current USD ({answer.source})"
    else:
        frame = answer.frame
        cov = getattr(answer, "coverage", None)
        if fmt == OutputFormat.table:
            key = [c for c in ("exporter", "importer", "hs_code", "section", "description", "value_usd", "year") if c in frame.columns]
            frame = frame[key]
        from bilat.questions.extent import slice_title

        title = slice_title(cov, f"Goods flows by {by}, current USD ({answer.source})") if cov is not None else \
            f"Goods flows by {by}, current USD ({answer.source})"
    emit(frame, fmt, title=title, note="\n".join(f"note: {n}" for n in answer.notes) or None)


@app.command()
def export(
    table: str = typer.Argument(..., help="product_flows, country_flows or indicators."),
    out: Path = typer.Argument(..., help="Parquet file to write."),
) -> None:
    """Export a stored table (ingested rows) to one Parquet file.

    Example: bilat export product_flows flows.parquet
    """
    from bilat.errors import BilatError
    from bilat.catalog import open_store
    from bilat.export import export_parquet
    from bilat.schema import TABLES

    if table not in TABLES:
        raise BilatError(f"unknown table {table!r}; tables: {', '.join(TABLES)}")
    path = export_parquet(open_store(), table, out)
    console.print(f"wrote {path}")
