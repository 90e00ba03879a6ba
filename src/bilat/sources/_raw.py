"""Shared plumbing for the CSV loaders: stream a file into a DuckDB ``raw`` table of strings.

Why a ``raw`` table of strings first: each loader then converts with one SQL statement that keeps
the original text beside the converted value (``_raw_<col>``), so an error can quote what the
file said. Rows with the wrong number of fields (a truncated file) become ``raw`` rows carrying a
``_problem``, which the store either reports or sets aside with ``--skip-bad-rows``.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from bilat.errors import Problem, ValidationError
from bilat.sources.base import StageContext, require_columns
from bilat.sources.csvstream import open_csv_stream, open_path


def raw_name(column: str) -> str:
    """A SQL-safe column name for an input header (``Trade Value (US$)`` -> ``trade_value_us``)."""
    out = "".join(ch.lower() if ch.isalnum() else "_" for ch in column.strip().lstrip("\ufeff"))
    out = "_".join(part for part in out.split("_") if part)
    return out or "col"


def load_raw_csv(
    con: duckdb.DuckDBPyConnection,
    ctx: StageContext,
    required: list[str],
    *,
    hint: str = "",
    delimiter: str = ",",
    skip_lines: int = 0,
) -> dict[str, str]:
    """Stream ``ctx.path`` (plain or gzip) into table ``raw``; return {input header: raw column}.

    ``raw`` has ``_line`` (1-based line in the file, header included), one VARCHAR column per
    input column (named by :func:`raw_name`) and ``_problem``. ``skip_lines`` lines before the
    header are skipped (the World Bank's download has four lines of preamble).
    """
    handle, size, position = open_path(ctx.path)
    with handle:
        for _ in range(skip_lines):
            handle.readline()
        stream = open_csv_stream(
            handle, ctx.display_name, progress=ctx.progress, total_bytes=size, position=position, delimiter=delimiter
        )
        require_columns(ctx.display_name, stream.columns, required, hint=hint)
        names = _unique_names(stream.columns)
        con.execute(
            "CREATE TABLE raw (_line BIGINT, "
            + ", ".join(f'"{n}" VARCHAR' for n in names.values())
            + ", _problem VARCHAR)"
        )
        for lines, batch in stream.batches():
            if skip_lines:
                lines = pc.add(lines, skip_lines)
            chunk = pa.table(
                {
                    "_line": lines,
                    **{names[c]: batch.column(i) for i, c in enumerate(stream.columns)},
                }
            )
            con.register("raw_chunk", chunk)
            con.execute(f"INSERT INTO raw SELECT _line, {', '.join(chr(34) + n + chr(34) for n in names.values())}, NULL FROM raw_chunk")
            con.unregister("raw_chunk")
        bad = stream.bad_rows
    if bad:
        table = pa.table(
            {
                "_line": pa.array([(p.line or 0) + skip_lines for p in bad], pa.int64()),
                "_problem": pa.array([p.message for p in bad], pa.string()),
            }
        )
        con.register("bad_rows_arrow", table)  # one insert: executemany cost 0.1 ms a row
        con.execute("INSERT INTO raw (_line, _problem) SELECT _line, _problem FROM bad_rows_arrow")
        con.unregister("bad_rows_arrow")
    return names


def load_raw_records(
    con: duckdb.DuckDBPyConnection, ctx: StageContext, records: list[dict[str, Any]], required: list[str], hint: str = ""
) -> dict[str, str]:
    """Like :func:`load_raw_csv` for JSON records; ``_line`` is the 1-based record number."""
    columns: list[str] = []
    seen: set[str] = set()
    for record in records:
        for key in record:
            if key not in seen:
                seen.add(key)
                columns.append(key)
    require_columns(ctx.display_name, columns, required, hint=hint)
    names = _unique_names(columns)
    table = pa.table(
        {
            "_line": pa.array(range(1, len(records) + 1), pa.int64()),
            **{names[c]: pa.array([_text(r.get(c)) for r in records], pa.string()) for c in columns},
        }
    )
    con.register("raw_records", table)
    con.execute(
        "CREATE TABLE raw AS SELECT _line, "
        + ", ".join(f'"{n}"' for n in names.values())
        + ", CAST(NULL AS VARCHAR) AS _problem FROM raw_records"
    )
    con.unregister("raw_records")
    return names


#: How deep a JSON document is said to nest when Python's parser gives up (RecursionError, past
#: about a thousand levels): real API responses nest three or four.
MAX_JSON_DEPTH = 64


def read_bounded(ctx: StageContext) -> bytes:
    """The (decompressed) bytes of ``ctx.path``, read 1 MiB at a time under the caps of
    :mod:`bilat.limits`: ``BILAT_MAX_FILE_BYTES`` on the decompressed size and, for gzip,
    ``BILAT_MAX_ZIP_RATIO`` on the expansion (a 2 MB gzip once expanded to 4.2 GB here)."""
    from bilat import limits

    handle, _size, position = open_path(ctx.path)
    compressed = isinstance(handle, gzip.GzipFile)
    budget = limits.Budget(ctx.display_name)  # decompressed bytes and wall time, as the CSV reader's
    ratio = limits.limit("zip_ratio")
    pieces: list[bytes] = []
    total = 0
    with handle:
        while True:
            try:
                piece = handle.read(1 << 20)
            except (EOFError, OSError) as exc:
                raise ValidationError(
                    [Problem(ctx.display_name, None, None, f"the compressed file is damaged or truncated ({exc})")]
                ) from None
            if not piece:
                break
            total += len(piece)
            budget.add_bytes(len(piece))
            if compressed and total > limits.RATIO_EXEMPT_BYTES and total / max(position(), 1) > ratio:
                raise limits.LimitError(
                    ctx.display_name,
                    f"expands more than {limits.describe('zip_ratio', ratio)} when decompressed: refusing a possible gzip bomb",
                )
            pieces.append(piece)
    return b"".join(pieces)


def _json_depth_over(text: str, cap: int) -> int | None:
    """The line where nesting first goes deeper than ``cap`` (brackets outside strings), or None.

    Linear; run only after the parser gave up, to name the line.
    """
    depth, in_string, escaped, line = 0, False, False, 1
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > cap:
                return line
        elif char in "]}":
            depth -= 1
        if char == "\n":
            line += 1
    return None


def read_json_document(ctx: StageContext) -> Any:
    """Parse a (possibly gzip) JSON file, refusing bad JSON with a one-line located error.

    Bounded: the bytes as :func:`read_bounded` reads them, nesting to :data:`MAX_JSON_DEPTH`, and
    Python's limit on the digits of an integer (4,300) reported as a line, not a traceback.
    """
    data = read_bounded(ctx)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ValidationError([Problem(ctx.display_name, line, None, "the file is not valid UTF-8 (wrong encoding?)")]) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError([Problem(ctx.display_name, exc.lineno, None, f"invalid JSON: {exc.msg}")]) from None
    except RecursionError:  # Python's parser gives up past about a thousand levels
        line = _json_depth_over(text, MAX_JSON_DEPTH)
        raise ValidationError(
            [Problem(ctx.display_name, line, None, f"invalid JSON: nested deeper than any data file ({MAX_JSON_DEPTH}+ levels)")]
        ) from None
    except ValueError as exc:  # Python's cap on the digits of an integer (sys.get_int_max_str_digits)
        raise ValidationError(
            [Problem(ctx.display_name, None, None, f"invalid JSON: a number too long to be a figure ({str(exc).splitlines()[0]})")]
        ) from None


def looks_like_json(ctx: StageContext) -> bool:
    """True when the first non-blank byte of the (decompressed) file is ``{`` or ``[``."""
    handle, _size, _position = open_path(ctx.path)
    with handle:
        head = handle.read(256)
    return head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"[")


def first_line(ctx: StageContext) -> str:
    """The first line of the (decompressed) file, for layout detection."""
    handle, _size, _position = open_path(ctx.path)
    with handle:
        line = handle.readline(65536)
    return line.decode("utf-8", errors="replace").lstrip("\ufeff").strip()


def dropped_note(parts: Iterable[tuple[int, str]]) -> str:
    """Join ``(count, what)`` pairs with a non-zero count into one note sentence."""
    return "; ".join(f"{count:,} {what}" for count, what in parts if count)


def _unique_names(columns: list[str]) -> dict[str, str]:
    names: dict[str, str] = {}
    used: set[str] = {"_line", "_problem"}
    for column in columns:
        name = raw_name(column)
        base, n = name, 2
        while name in used:
            name = f"{base}_{n}"
            n += 1
        used.add(name)
        names[column] = name
    return names


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return repr(value)
    return str(value)
