"""BACI release zips: the layout check, the country table inside, and each year member as a stream.

A release zip is read member by member as a stream: nothing is unpacked to disk. Also here: the
streaming reader's rows appended to the staging table (plain files use it too).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import duckdb
import pyarrow as pa

from bilat.errors import BilatError, Problem, ValidationError
from bilat.limits import Budget, check_zip
from bilat.sources.baci_fast import CountryLookup, write_clean_year
from bilat.sources.baci_rules import (
    BACI_COLUMNS,
    HS_REVISION_UNKNOWN,
    complete_codes,
    decode_text,
    hs_revision_from_name,
    hs_revision_option,
    packaged_codes,
    quantity_sql,
    quantity_unreadable_sql,
    read_country_codes,
    value_sql,
    whole_sql,
)
from bilat.sources.base import Declined, FastWrite, StageContext, require_columns
from bilat.sources.csvstream import CsvStream, open_csv_stream

_YEAR_MEMBER = re.compile(r"BACI_HS\d{2}_Y\d{4}_V\d+\.csv$", re.IGNORECASE)
#: A release's country table is about 20 kB; it is read whole, so a larger one is refused.
MAX_CODES_BYTES = 1 << 20


def append_stream(con: duckdb.DuckDBPyConnection, stream: CsvStream, display_name: str, member: str) -> None:
    require_columns(
        display_name,
        stream.columns,
        BACI_COLUMNS,
        hint="A BACI file has the header t,i,j,k,v,q",
    )
    for lines, batch in stream.batches():
        chunk = pa.table(
            {
                "_line": lines,
                "_member": pa.array([member] * batch.num_rows, pa.string()) if member else pa.nulls(batch.num_rows, pa.string()),
                **{c: batch.column(batch.schema.get_field_index(c)) for c in BACI_COLUMNS},
            }
        )
        con.register("baci_chunk", chunk)
        con.execute("INSERT INTO raw SELECT _line, _member, t, i, j, k, v, q, NULL FROM baci_chunk")
        con.unregister("baci_chunk")


def zip_layout(ctx: StageContext) -> tuple[list[zipfile.ZipInfo], zipfile.ZipInfo | None]:
    """A release zip's year members (in zip order) and its country table, if any.

    Checks zip safety first (traversal names, expansion ratio and total, member count:
    bilat.limits); refuses a zip without a year file or with an oversized country table.
    """
    infos = check_zip(ctx.path, ctx.display_name)
    members = [i for i in infos if _YEAR_MEMBER.search(Path(i.filename).name)]
    if not members:
        raise ValidationError(
            [Problem(ctx.display_name, None, None, "no BACI year file (BACI_HSxx_Yyyyy_Vxxxxxx.csv) in the zip")]
        )
    code_members = [i for i in infos if Path(i.filename).name.lower().startswith("country_codes")]
    if code_members and code_members[0].file_size > MAX_CODES_BYTES:
        raise ValidationError(
            [Problem(ctx.display_name, None, None, f"{code_members[0].filename!r} is too large for a country table")]
        )
    return members, (code_members[0] if code_members else None)


def zip_codes(archive: zipfile.ZipFile, member: zipfile.ZipInfo | None, ctx: StageContext) -> pa.Table:
    """The zip's own country table, else the one shipped with bilat."""
    if member is None:
        return packaged_codes()
    return read_country_codes(decode_text(archive.read(member)), f"{ctx.display_name}:{member.filename}")


def member_streams(
    archive: zipfile.ZipFile, members: list[zipfile.ZipInfo], ctx: StageContext
) -> Iterator[tuple[str, zipfile.ZipInfo, CsvStream]]:
    """Each member as a CSV stream (open while the caller reads it), with progress over all members."""
    grand_total = sum(m.file_size for m in members)
    budget = Budget(ctx.display_name)  # one budget for the whole zip: rows, bytes, bad rows, time
    done = 0
    for member in members:
        name = f"{ctx.display_name}:{member.filename}"

        def progress(pos: int, _total: int | None, base: int = done) -> None:
            if ctx.progress is not None:
                ctx.progress(base + pos, grand_total)

        with archive.open(member) as handle:
            yield name, member, open_csv_stream(handle, name, progress=progress, total_bytes=grand_total, budget=budget)
        done += member.file_size


def stage_zip(
    con: duckdb.DuckDBPyConnection, ctx: StageContext, bad_rows: list[Problem]
) -> tuple[pa.Table, int | None]:
    members, code_member = zip_layout(ctx)
    with zipfile.ZipFile(ctx.path) as archive:
        codes = zip_codes(archive, code_member, ctx)
        for name, member, stream in member_streams(archive, members, ctx):
            append_stream(con, stream, name, member.filename)
            bad_rows.extend(stream.bad_rows)
        revision = hs_revision_from_name(members[0].filename) or hs_revision_from_name(ctx.path.name)
    return codes, revision


def write_fast_zip(
    con: duckdb.DuckDBPyConnection, ctx: StageContext, out: Path, known_countries: set[str]
) -> FastWrite:
    """A release zip in the fast lane: year members in name (year) order, one streaming pass each.

    The members are read by the same streaming reader as the general path (limits, encoding,
    short rows: any complaint declines), and each batch of text goes through the general
    path's own SQL (``TRY_CAST(trim(...))``), so the zip's values are read exactly as there.
    """
    from bilat.schema import year_bounds

    try:
        in_zip_order, code_member = zip_layout(ctx)
    except BilatError as exc:
        raise Declined(str(exc)) from exc
    # Name order is year order within a release, which the key check needs across members.
    members = sorted(in_zip_order, key=lambda i: Path(i.filename).name)
    with zipfile.ZipFile(ctx.path) as archive:
        codes = zip_codes(archive, code_member, ctx)
        revision = (  # as the general path decides it: from the first year member in zip order
            hs_revision_option(ctx)
            or hs_revision_from_name(in_zip_order[0].filename)
            or hs_revision_from_name(ctx.path.name)
        )
        countries = CountryLookup(complete_codes(codes), known_countries)
        select = (
            f"SELECT {whole_sql('t', 'SMALLINT')} AS t, {whole_sql('i', 'INTEGER')} AS i,"
            f" {whole_sql('j', 'INTEGER')} AS j, k, {value_sql('v')} AS value_usd,"
            f" {quantity_sql('q')} AS quantity_t, {quantity_unreadable_sql('q')} AS q_unreadable FROM baci_chunk"
        )

        def batches() -> Iterator[pa.RecordBatch]:
            for name, _member, stream in member_streams(archive, members, ctx):
                require_columns(name, stream.columns, BACI_COLUMNS)
                for _lines, batch in stream.batches():
                    if stream.bad_rows:
                        raise Declined("a row with the wrong number of fields")
                    con.register("baci_chunk", batch)
                    try:
                        yield from con.sql(select).to_arrow_table().to_batches()
                    finally:
                        con.unregister("baci_chunk")
                if stream.bad_rows:
                    raise Declined("a row with the wrong number of fields")

        try:
            written = write_clean_year(
                batches(), out, countries=countries, years=year_bounds(), hs_revision=revision,
                file_id=ctx.final_file_id, cancelled=ctx.cancelled,
            )
        except BilatError as exc:  # the streaming reader's complaints: the general path repeats them
            raise Declined(str(exc)) from exc
    return written if revision is not None else replace(written, note=HS_REVISION_UNKNOWN)
