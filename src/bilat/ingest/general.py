"""The general path of ingestion: stage a file with its loader, check every row, write the good ones.

Slower than a loader's fast lane, and thorough: every bad row is named (up to
``MAX_PROBLEMS_SHOWN`` in the message, all of them in a rejects file with ``--skip-bad-rows``).
"""

from __future__ import annotations

import functools
import gzip
import os
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from bilat.errors import Problem, ValidationError
from bilat.ingest import validate
from bilat.limits import limit
from bilat.schema import TABLES
from bilat.settings import bilat_home
from bilat.sql import quote_literal
from bilat.sources.base import StageContext

if TYPE_CHECKING:  # pyarrow loads on first use
    import pyarrow as pa

SORT_KEYS = {
    "product_flows": "year, exporter, importer, hs_code",
    "country_flows": "year, reporter, partner",
    "indicators": "country, year",
}

MAX_PROBLEMS_SHOWN = 10
#: What Python's gzip, zlib and zipfile raise on a damaged or truncated compressed file.
DAMAGED_COMPRESSION = (EOFError, zlib.error, gzip.BadGzipFile, zipfile.BadZipFile)


def work_connection(work: Path, threads: int | None = None, memory: int | None = None) -> duckdb.DuckDBPyConnection:
    """An in-memory work database with bounded memory: DuckDB spills to ``work/tmp`` beyond it.

    ``memory`` (bytes, default the ``ingest_memory`` limit) and ``threads`` (default all cores)
    let a batch that works on several files at once share the machine out.
    """
    con = duckdb.connect(":memory:")
    con.execute(f"SET temp_directory = {quote_literal(work / 'tmp')}")
    con.execute("SET preserve_insertion_order = false")
    con.execute("SET enable_progress_bar = false")  # DuckDB would print "100%" into bilat's stdout
    con.execute(f"SET memory_limit = '{int(memory or limit('ingest_memory'))}B'")
    if threads:
        con.execute(f"SET threads = {int(threads)}")
    return con


def general_path(
    loader,  # noqa: ANN001 - a Source
    ctx: StageContext,
    out: Path,
    work: Path,
    skip_bad_rows: bool,
    rejects_dir: Path | str | None,
    on_phase: Callable[[str], None],
    threads: int | None = None,
    memory: int | None = None,
    *,
    home: Path | None = None,
) -> tuple[int, int, Path | None, str, tuple[int, int], str]:
    """Stage, check every row, refuse or set bad rows aside, sort and write ``out``.

    Returns (good rows, bad rows, rejects file, loader's note, (first year, last year), sources).
    """
    table = loader.table
    display_name = ctx.display_name
    con = work_connection(work, threads, memory)
    try:
        on_phase("reading")
        try:
            staged = loader.stage(con, ctx)
        except DAMAGED_COMPRESSION as exc:
            # Loaders that only peek at a file's head (layout detection) meet a damaged gzip or
            # zip there first; the streaming readers report their own with a line number.
            raise ValidationError(
                [Problem(display_name, None, None, f"the compressed file is damaged or truncated ({exc})")]
            ) from None
        on_phase("validating")
        con.register("known_countries", known_countries())
        validate.mark_problems(
            con, table, staged.table, staged.raw_columns, key_columns=getattr(loader, "key_columns", None)
        )
        problems, bad_count = validate.collect_problems(con, display_name, MAX_PROBLEMS_SHOWN)
        total = con.execute("SELECT count(*) FROM checked").fetchone()[0]
        rejects_path = None
        if bad_count and not skip_bad_rows:
            raise ValidationError(problems, MAX_PROBLEMS_SHOWN, total=bad_count)
        if bad_count:
            rejects_path = write_rejects(con, ctx.path, rejects_dir, home)
        good = total - bad_count
        if good == 0:
            raise ValidationError([Problem(display_name, None, None, "no rows to store (the file has no data rows)")])
        columns = [c for c in TABLES[table] if c != "file_id"]
        select = ", ".join(f"CAST({c} AS {TABLES[table][c]}) AS {c}" for c in columns)
        on_phase("writing")
        con.execute(
            f"COPY (SELECT {select}, {quote_literal(ctx.file_id)} AS file_id FROM checked WHERE _check IS NULL"
            f" ORDER BY {SORT_KEYS[table]}) TO {quote_literal(out)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)"
        )
        summary = con.execute(
            "SELECT min(year), max(year), string_agg(DISTINCT source, ',' ORDER BY source)"
            " FROM checked WHERE _check IS NULL"
        ).fetchone()
    finally:
        con.close()
    return good, bad_count, rejects_path, staged.note, (summary[0], summary[1]), summary[2] or loader.name


def write_rejects(con: duckdb.DuckDBPyConnection, path: Path, rejects_dir: Path | None, home: Path | None = None) -> Path:
    """Write the bad rows with their reasons beside the input (or in ``rejects_dir``).

    Where that folder is not writable: in the store's own ``rejects/`` folder (``home``).
    """
    target_dir = Path(rejects_dir) if rejects_dir is not None else path.parent
    target = target_dir / f"{path.name}.rejects.csv"
    if not os.access(target_dir, os.W_OK):
        target = (Path(home) if home is not None else bilat_home()) / "rejects" / f"{path.name}.rejects.csv"
        target.parent.mkdir(parents=True, exist_ok=True)
    con.execute(
        "COPY (SELECT _line AS line, _problem_column AS column_name, _problem_message AS problem,"
        " _problem_value AS value FROM problems ORDER BY _line)"
        f" TO {quote_literal(target)} (HEADER, DELIMITER ',')"
    )
    return target


@functools.cache
def known_country_codes() -> frozenset[str]:
    """The codes a stored row may carry: bilat's ISO3 codes, WLD, and BACI's stand-ins for areas."""
    from bilat.country_codes import known_iso3_codes

    return known_iso3_codes() | {"WLD", "S19"} | {f"X{n:02d}" for n in range(100)}


def known_countries() -> pa.Table:
    """:func:`known_country_codes` as a one-column table (``code``) for the general path's SQL checks."""
    import pyarrow as pa

    return pa.table({"code": sorted(known_country_codes())})
