"""The interface every source loader meets, and the helpers they share.

A loader reads one input file into a DuckDB table named ``staged`` that has the canonical columns of
its target table (see :mod:`bilat.schema`, minus ``file_id``) plus two bookkeeping columns:

* ``_line``: the 1-based line of the input file the row came from (for error messages);
* ``_problem``: NULL for a good row, else a short description of what is wrong with it.

The store then applies the checks every table shares (known countries, HS code shape, non-negative
values, plausible years), refuses the file or sets bad rows aside, and writes the good rows. A new
source is therefore one new file with one class: it only has to know its own layout.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Iterator
from typing import Callable, Protocol, runtime_checkable

import duckdb

from bilat.errors import Problem, ValidationError
from bilat.sql import quote_literal

ProgressCallback = Callable[[int, int | None], None]
"""Called as ``progress(done, total)`` with units the loader chooses (bytes or rows)."""


@dataclass
class StageContext:
    """What a loader gets to know about the ingestion it takes part in."""

    path: Path
    display_name: str
    file_id: str
    options: dict[str, object] = field(default_factory=dict)
    progress: ProgressCallback | None = None
    #: Set while the file is still being hashed (``file_id`` is then ""): a fast lane starts at
    #: once, and takes the id from :meth:`final_file_id` when it first needs it.
    pending_file_id: concurrent.futures.Future[str] | None = None
    #: True once the work is moot (the hash showed the file is stored already): a fast lane
    #: checks it between batches and raises :class:`Cancelled`.
    cancelled: Callable[[], bool] | None = None

    def final_file_id(self) -> str:
        """The file's id, waiting for its hash if that is still being computed."""
        return self.pending_file_id.result() if self.pending_file_id is not None else self.file_id


@dataclass
class Staged:
    """What a loader hands back: the staged table and how its columns map to the input's.

    ``raw_columns`` maps a canonical column to the input column it came from, so that an error
    about ``value_usd`` can name the file's own column ``v``.
    """

    table: str
    raw_columns: dict[str, str]
    note: str = ""


class Declined(Exception):
    """A loader's fast lane cannot take this file; the store's general path must (reason in args)."""


class Cancelled(Exception):
    """A loader's fast lane stopped because :attr:`StageContext.cancelled` said so."""


@dataclass(frozen=True)
class FastWrite:
    """What a loader's fast lane wrote: rows, the years they cover, and a note for the catalog."""

    rows: int
    first_year: int
    last_year: int
    note: str = ""
    #: Rows of the pair totals the lane wrote beside ``out`` (``<out stem>.totals.parquet``, columns
    #: :data:`bilat.schema.PAIR_TOTALS`); None: the lane wrote none, the store computes them.
    totals_rows: int | None = None


#: Set to 0 to send every file through the general path (to compare the lanes, or to debug).
FAST_LANE_SWITCH = "BILAT_FAST_INGEST"


def fast_lane_enabled() -> bool:
    """False when ``BILAT_FAST_INGEST=0`` asks for the general path only."""
    return os.environ.get(FAST_LANE_SWITCH, "1").strip().lower() not in {"0", "false", "no", "off"}


@runtime_checkable
class Source(Protocol):
    """A loader for one input format."""

    name: str
    table: str
    description: str

    def stage(self, con: duckdb.DuckDBPyConnection, ctx: StageContext) -> Staged:
        """Read ``ctx.path`` into a ``staged`` table in ``con`` (see module docstring)."""
        ...

    # Optional: ``write_fast(con, ctx, out, known_countries) -> FastWrite`` writes a clean file
    # straight to the store's Parquet file ``out`` in one pass, or raises :class:`Declined`
    # (see bilat.sources.baci_fast). Only a loader whose format allows it needs one. It starts
    # before the file is hashed: ``ctx.file_id`` is "" then, ``ctx.final_file_id()`` waits for
    # the id, and ``ctx.cancelled()`` turns true if the file proves to be stored already.


@contextlib.contextmanager
def duckdb_progress(
    con: duckdb.DuckDBPyConnection, progress: ProgressCallback | None, total: int, every: float = 0.2
) -> Iterator[None]:
    """Report a long DuckDB statement's progress (0-100 %, scaled to ``total``) from a thread."""
    if progress is None:
        yield
        return
    con.execute("SET enable_progress_bar = true")
    con.execute("SET enable_progress_bar_print = false")
    done = threading.Event()

    def poll() -> None:
        while not done.wait(every):
            percent = con.query_progress()
            if percent >= 0:
                progress(int(total * percent / 100), total)

    thread = threading.Thread(target=poll, daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join()
        progress(total, total)


def require_columns(display_name: str, present: list[str], required: list[str], hint: str = "") -> None:
    """Refuse a file that lacks columns the loader needs, naming all of them at once."""
    present_set = {c.strip().lstrip("\ufeff") for c in present}
    missing = [c for c in required if c not in present_set]
    if missing:
        message = f"missing column(s) {', '.join(repr(c) for c in missing)}; found {', '.join(sorted(present_set))}"
        if len(present_set) == 1 and any(sep in next(iter(present_set)) for sep in (";", "\t", "|")):
            message += " (wrong delimiter? bilat expects commas)"
        if hint:
            message += f". {hint}"
        raise ValidationError([Problem(display_name, 1, None, message)])


#: Quote a string literal for DuckDB SQL: :func:`bilat.sql.quote_literal`, the one quoting helper.
sql_quote = quote_literal
