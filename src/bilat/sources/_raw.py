"""Shared plumbing for the CSV loaders: stream a file into a DuckDB ``raw`` table of strings.

Why a ``raw`` table of strings first: each loader then converts with one SQL statement that keeps
the original text beside the converted value (``_raw_<col>``), so an error can quote what the
file said. Rows with the wrong number of fields (a truncated file) become ``raw`` rows carrying a
``_problem``, which the store either reports or sets aside with ``--skip-bad-rows``.
"""

from __future__ import annotations

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
        con.executemany(
            "INSERT INTO raw (_line, _problem) VALUES (?, ?)",
            [((p.line or 0) + skip_lines, p.message) for p in bad],
        )
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


def read_json_document(ctx: StageContext) -> Any:
    """Parse a (possibly gzip) JSON file, refusing bad JSON with a one-line located error."""
    handle, _size, _position = open_path(ctx.path)
    with handle:
        data = handle.read()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ValidationError([Problem(ctx.display_name, line, None, "the file is not valid UTF-8 (wrong encoding?)")]) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError([Problem(ctx.display_name, exc.lineno, None, f"invalid JSON: {exc.msg}")]) from None


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
