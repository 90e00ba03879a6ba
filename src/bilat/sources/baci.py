"""CEPII BACI: reconciled bilateral trade flows at HS6, one CSV per year (``t,i,j,k,v,q``).

What this loader knows about BACI (see its Readme):

* ``t`` year, ``i`` exporter and ``j`` importer as BACI's numeric country codes, ``k`` the HS6 code
  (BACI files sometimes drop the leading zero: ``10121`` is ``010121``), ``v`` value in
  **thousands** of current USD, ``q`` quantity in metric tonnes or ``NA``;
* the numeric codes are decoded with the release's own ``country_codes_V*.csv`` (inside the zip,
  or beside the CSV); without one, the copy of release V202201 shipped with bilat is used;
* BACI's codes without an ISO3 code are kept under stable stand-ins: 490 "Other Asia, nes"
  (Taiwan in practice, as bilat's nomenclature maps it) becomes ``TWN``, the other "nes" areas
  ``X`` + the last two digits of their code;
* the HS revision comes from the file name (``BACI_HS17_Y2020_V202301.csv`` is HS 2017).

A release zip is read member by member as a stream: nothing is unpacked to disk.
"""

from __future__ import annotations

import concurrent.futures
import csv
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import duckdb
import pyarrow as pa

from bilat import arrow_build
from bilat.errors import BilatError, Problem, ValidationError
from bilat.limits import check_zip, limit
from bilat.settings import PACKAGE_DATA
from bilat.sources.baci_fast import CountryLookup, duckdb_batches, write_clean_year
from bilat.sources.base import Declined, FastWrite, StageContext, Staged, duckdb_progress, require_columns, sql_quote
from bilat.sources.csvstream import CsvStream, open_csv_stream, open_path

BACI_COLUMNS = ["t", "i", "j", "k", "v", "q"]
_HS_IN_NAME = re.compile(r"HS(\d{2})", re.IGNORECASE)
_YEAR_MEMBER = re.compile(r"BACI_HS\d{2}_Y\d{4}_V\d+\.csv$", re.IGNORECASE)
_REVISIONS = {"92": 1992, "96": 1996, "02": 2002, "07": 2007, "12": 2012, "17": 2017, "22": 2022}
#: The HS revisions a BACI file can be in (``--hs-revision``); HS 1988 is BACI's "HS92" base.
HS_REVISIONS = (1988, *_REVISIONS.values())
SPECIAL_AREAS = {490: "TWN"}
HS_REVISION_UNKNOWN = "HS revision unknown (file name does not say; pass --hs-revision)"
#: A release's country table is about 20 kB; it is read whole, so a larger one is refused.
MAX_CODES_BYTES = 1 << 20
#: A BACI file has one row per (year, exporter, importer, product): a second one is refused.
KEY_COLUMNS = ("year", "exporter", "importer", "hs_code")


def special_area_code(code: int) -> str:
    """The stand-in ISO3-shaped code for a BACI area that has no ISO3 code."""
    return SPECIAL_AREAS.get(code, f"X{code % 100:02d}")


# How a BACI text value becomes a stored value. Both lanes of ingestion use these expressions (the
# general path in :meth:`BaciSource.stage`, the fast lane in :mod:`bilat.sources.baci_fast`), so
# a row is stored the same whichever lane takes its file.


def value_sql(column: str, typed: bool = False) -> str:
    """Thousands of dollars (text) as dollars: exact through DECIMAL, which three decimals fit.

    ``typed``: the column is a DECIMAL the CSV reader already parsed (the fast lane's); it goes
    through the same DECIMAL(38, 3) arithmetic, so the dollars come out the same.
    """
    if typed:
        return f"CAST(CAST({column} AS DECIMAL(38, 3)) * 1000 AS DOUBLE)"
    # DuckDB's casts skip surrounding whitespace themselves. A DECIMAL(38, 3) of more than 31
    # integer digits would overflow when multiplied: such a value goes through DOUBLE instead.
    decimal = f"TRY_CAST({column} AS DECIMAL(38, 3))"
    return (
        f"CASE WHEN abs({decimal}) < 1e31 THEN CAST({decimal} * 1000 AS DOUBLE)"
        f" ELSE TRY_CAST({column} AS DOUBLE) * 1000 END"
    )


def hs6_ok_sql(column: str) -> str:
    """True for an HS6 code as BACI writes it: six digits, or five when the leading zero was dropped."""
    return f"regexp_full_match(trim({column}), '[0-9]{{5,6}}')"


def quantity_sql(column: str) -> str:
    """Tonnes, NULL for BACI's ``NA`` (padded with spaces in the files) or an empty field.

    No trim: DuckDB's cast skips surrounding whitespace, and ``NA`` does not parse as a number.
    """
    return f"TRY_CAST({column} AS DOUBLE)"


def quantity_unreadable_sql(column: str) -> str:
    """True for a quantity that is neither a number nor ``NA`` (the text is looked at only when the cast fails)."""
    return f"CASE WHEN TRY_CAST({column} AS DOUBLE) IS NULL THEN trim({column}) NOT IN ('NA', '') ELSE false END"


def hs_revision_option(ctx: StageContext) -> int | None:
    """The ``hs_revision`` option (``--hs-revision``), refused unless it names an HS revision.

    Checked before either lane reads a row, so that both refuse it with the same message (an
    out-of-range number once wrapped around silently in one of them).
    """
    value = ctx.options.get("hs_revision")
    if value is None:
        return None
    number = int(value) if isinstance(value, (int, str)) and not isinstance(value, bool) and str(value).strip().isdigit() else None
    if number not in HS_REVISIONS:
        choices = ", ".join(str(year) for year in HS_REVISIONS)
        raise BilatError(f"{ctx.display_name}: --hs-revision {value!r} is not an HS revision (one of {choices})")
    return number


def hs_revision_from_name(name: str) -> int | None:
    """``BACI_HS17_...`` -> 2017; None when the name does not say."""
    match = _HS_IN_NAME.search(name)
    return _REVISIONS.get(match.group(1)) if match else None


#: The ISO3 column of BACI's country table: ``iso_3digit_alpha`` until release V202401,
#: ``country_iso3`` in later ones (which also write stand-ins such as ``S19`` for areas).
_ISO3_COLUMNS = ("iso_3digit_alpha", "country_iso3", "iso_3digit")


def read_country_codes(text: str, display_name: str = "country_codes.csv") -> pa.Table:
    """BACI's country table as Arrow: code (int32), iso3 (string).

    Refuses a table without an ISO3 column (every country would silently become a stand-in) or
    one that gives a code two different countries (which one would the flows be?).
    """
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [name.strip().strip('"') for name in (reader.fieldnames or [])]
    if "country_code" not in header or not any(name in header for name in _ISO3_COLUMNS):
        raise ValidationError(
            [Problem(display_name, 1, None, f"not a BACI country table: needs country_code and one of {', '.join(_ISO3_COLUMNS)}")]
        )
    iso3_of: dict[int, str] = {}
    for line, row in enumerate(reader, start=2):
        row = {k.strip().strip('"'): (v or "").strip() for k, v in row.items() if k}
        try:
            code = int(row["country_code"])
        except (KeyError, ValueError):
            continue
        iso3 = next((row[name] for name in _ISO3_COLUMNS if row.get(name)), "")
        if len(iso3) != 3 or not iso3.isalpha():
            iso3 = special_area_code(code)
        iso3 = iso3.upper()
        if iso3_of.setdefault(code, iso3) != iso3:
            raise ValidationError(
                [Problem(display_name, line, "country_code", f"code {code} is listed for both {iso3_of[code]} and {iso3}")]
            )
    return arrow_build.table({"code": arrow_build.numbers(list(iso3_of), pa.int32()), "iso3": arrow_build.strings(list(iso3_of.values()))})


_NUL_SCAN_PIECE = 4 << 20


def _has_nul(path: Path) -> bool:
    """True if the file holds a NUL byte (memchr over a memory map: milliseconds per 100 MB).

    Searched 4 MB at a time, so that other threads get the interpreter between pieces (a search
    holds it, and the fast lane runs this beside its own work).
    """
    import mmap

    size = path.stat().st_size
    if size == 0:
        return False
    with open(path, "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        return any(data.find(b"\x00", start, start + _NUL_SCAN_PIECE) >= 0 for start in range(0, size, _NUL_SCAN_PIECE))


def _decode_text(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


class BaciSource:
    """Loader for CEPII BACI yearly CSV files (plain or gzip) and release zips."""

    name = "baci"
    table = "product_flows"
    description = "CEPII BACI HS6 bilateral flows (t,i,j,k,v,q; CSV, CSV.GZ or release zip)"
    key_columns = KEY_COLUMNS

    def stage(self, con: duckdb.DuckDBPyConnection, ctx: StageContext) -> Staged:
        path = ctx.path
        con.execute(
            "CREATE TABLE raw (_line BIGINT, _member VARCHAR, t VARCHAR, i VARCHAR, j VARCHAR,"
            " k VARCHAR, v VARCHAR, q VARCHAR, _problem VARCHAR)"
        )
        revision = hs_revision_option(ctx)
        bad_rows: list[Problem] = []
        typed = False
        if zipfile.is_zipfile(path):
            codes, zip_revision = self._stage_zip(con, ctx, bad_rows)
            revision = revision or zip_revision
        else:
            codes = self._codes_beside(path)
            typed = self._read_native(con, ctx)
            if not typed:
                handle, size, position = open_path(path)
                with handle:
                    stream = open_csv_stream(handle, ctx.display_name, progress=ctx.progress, total_bytes=size, position=position)
                    self._append(con, stream, ctx.display_name, "")
                    bad_rows.extend(stream.bad_rows)
            revision = revision or hs_revision_from_name(path.name)
        if bad_rows:
            self._record_bad_rows(con, bad_rows)
        codes = self._complete_codes(codes)
        con.register("_codes_arrow", codes)
        con.execute("CREATE TABLE baci_codes AS SELECT * FROM _codes_arrow")
        con.unregister("_codes_arrow")
        revision_sql = "NULL" if revision is None else str(int(revision))
        # DuckDB's reader types year and codes; the streaming reader's columns are all text.
        if typed:
            year, code_i, code_j = "r.t", "r.i", "r.j"
            raw_text = {c: f"CAST(r.{c} AS VARCHAR)" for c in ("t", "i", "j")}
        else:
            year = "TRY_CAST(trim(r.t) AS SMALLINT)"
            code_i, code_j = "TRY_CAST(trim(r.i) AS INTEGER)", "TRY_CAST(trim(r.j) AS INTEGER)"
            raw_text = {c: f"r.{c}" for c in ("t", "i", "j")}
        # Values stay text until here so that an error quotes them as the file wrote them; thousands
        # of dollars with three decimals are exact in DECIMAL, so the dollars come out whole.
        value = value_sql("r.v")
        con.execute(
            f"""
            CREATE VIEW staged AS
            SELECT
                {year} AS year,
                ce.iso3 AS exporter,
                ci.iso3 AS importer,
                CAST(NULL AS VARCHAR) AS reporter,
                CAST(NULL AS VARCHAR) AS flow,
                CAST({revision_sql} AS SMALLINT) AS hs_revision,
                CASE WHEN {hs6_ok_sql("r.k")} THEN lpad(trim(r.k), 6, '0') ELSE trim(r.k) END AS hs_code,
                CAST(6 AS TINYINT) AS hs_level,
                {value} AS value_usd,
                {quantity_sql("r.q")} AS quantity_t,
                'reconciled' AS valuation,
                'baci' AS source,
                coalesce(r._line, r.rowid + 2) AS _line,
                r.rowid AS _sid,
                CASE
                    WHEN r._problem IS NOT NULL THEN r._problem
                    WHEN {quantity_unreadable_sql("r.q")} THEN 'q: quantity is not a number'
                END AS _problem,
                r._member AS _member,
                {raw_text["t"]} AS _raw_year, {raw_text["i"]} AS _raw_exporter, {raw_text["j"]} AS _raw_importer,
                r.k AS _raw_hs_code, r.v AS _raw_value_usd, r.q AS _raw_quantity_t
            FROM raw AS r
            LEFT JOIN baci_codes ce ON ce.code = {code_i}
            LEFT JOIN baci_codes ci ON ci.code = {code_j}
            """
        )
        note = "" if revision is not None else HS_REVISION_UNKNOWN
        return Staged(
            table="staged",
            raw_columns={
                "year": "t",
                "exporter": "i",
                "importer": "j",
                "hs_code": "k",
                "value_usd": "v",
                "quantity_t": "q",
            },
            note=note,
        )

    def write_fast(
        self, con: duckdb.DuckDBPyConnection, ctx: StageContext, out: Path, known_countries: set[str]
    ) -> FastWrite:
        """The fast lane (:mod:`bilat.sources.baci_fast`): a clean file straight into ``out``.

        Takes a plain BACI year CSV (read by DuckDB's parallel reader) or a release zip (each
        year member streamed, in name order, through bilat's CSV reader). Raises
        :class:`~bilat.sources.base.Declined` for anything else, or at the first row that is not
        good or not in BACI's key order; the store then takes the general path.
        """
        path = ctx.path
        if zipfile.is_zipfile(path):
            return self._write_fast_zip(con, ctx, out, known_countries)
        head = self._plain_csv_head(path, look_for_nul=False)
        if head is None:
            raise Declined("not a plain BACI CSV (gzip or other header)")
        # The scan for NUL bytes (which DuckDB's reader does not name) runs beside the lane and is
        # asked before the lane's file is kept: it would otherwise delay the start by 0.05 s a year.
        with concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="bilat-nul-scan") as pool:
            has_nul = pool.submit(_has_nul, path)
            written = self._write_fast_plain(con, ctx, out, known_countries, head)
            if has_nul.result():
                raise Declined("NUL bytes in the file")
        return written

    def _write_fast_plain(
        self, con: duckdb.DuckDBPyConnection, ctx: StageContext, out: Path, known_countries: set[str], head: bytes
    ) -> FastWrite:
        from bilat.schema import year_bounds

        path = ctx.path
        revision = hs_revision_option(ctx) or hs_revision_from_name(path.name)
        countries = CountryLookup(self._complete_codes(self._codes_beside(path)), known_countries)
        # Stricter than the general path where that is cheaper, never looser: the reader parses
        # values as DECIMAL(18, 3) (a value it cannot parse fails the read: declined), HS codes must
        # be five or six digits without spaces; what is read goes through the same arithmetic.
        columns = {"t": "SMALLINT", "i": "INTEGER", "j": "INTEGER", "k": "VARCHAR", "v": "DECIMAL(18, 3)", "q": "VARCHAR"}
        # q is read twice (quantity, and whether it is unreadable): with one TRY_CAST alone DuckDB
        # 2.0 would push the cast into the CSV reader, which then fails at "NA" (docs/dependencies.md).
        select = (
            f"SELECT t, i, j, k, {value_sql('v', typed=True)} AS value_usd,"
            f" {quantity_sql('q')} AS quantity_t, {quantity_unreadable_sql('q')} AS q_unreadable"
            f" FROM {self._read_csv_sql(path, columns)}"
        )
        size = path.stat().st_size
        lines = head.count(b"\n")
        bytes_per_row = len(head) / lines if lines > 1 else 40.0

        def rows_read(rows: int) -> None:
            if ctx.progress is not None:
                ctx.progress(min(int(rows * bytes_per_row), size), size)

        written = write_clean_year(
            duckdb_batches(con, select), out, countries=countries, years=year_bounds(), hs_revision=revision,
            file_id=ctx.final_file_id, cancelled=ctx.cancelled, progress=rows_read,
        )
        if ctx.progress is not None:
            ctx.progress(size, size)
        return written if revision is not None else replace(written, note=HS_REVISION_UNKNOWN)

    def _write_fast_zip(
        self, con: duckdb.DuckDBPyConnection, ctx: StageContext, out: Path, known_countries: set[str]
    ) -> FastWrite:
        """A release zip in the fast lane: year members in name (year) order, one streaming pass each.

        The members are read by the same streaming reader as the general path (limits, encoding,
        short rows: any complaint declines), and each batch of text goes through the general
        path's own SQL (``TRY_CAST(trim(...))``), so the zip's values are read exactly as there.
        """
        from bilat.schema import year_bounds

        try:
            in_zip_order, code_member = self._zip_layout(ctx)
        except BilatError as exc:
            raise Declined(str(exc)) from exc
        # Name order is year order within a release, which the key check needs across members.
        members = sorted(in_zip_order, key=lambda i: Path(i.filename).name)
        with zipfile.ZipFile(ctx.path) as archive:
            codes = self._zip_codes(archive, code_member, ctx)
            revision = (  # as the general path decides it: from the first year member in zip order
                hs_revision_option(ctx)
                or hs_revision_from_name(in_zip_order[0].filename)
                or hs_revision_from_name(ctx.path.name)
            )
            countries = CountryLookup(self._complete_codes(codes), known_countries)
            select = (
                "SELECT TRY_CAST(trim(t) AS SMALLINT) AS t, TRY_CAST(trim(i) AS INTEGER) AS i,"
                f" TRY_CAST(trim(j) AS INTEGER) AS j, k, {value_sql('v')} AS value_usd,"
                f" {quantity_sql('q')} AS quantity_t, {quantity_unreadable_sql('q')} AS q_unreadable FROM baci_chunk"
            )

            def batches() -> Iterator[pa.RecordBatch]:
                for name, _member, stream in self._member_streams(archive, members, ctx):
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

    @staticmethod
    def _plain_csv_head(path: Path, look_for_nul: bool = True) -> bytes | None:
        """The file's first 4 kB if DuckDB's reader may take it whole, else None.

        That is a plain (not compressed) file whose header is exactly BACI's, without NUL bytes
        (unless ``look_for_nul`` is False: the caller looks itself): the streaming reader enforces
        the caps of bilat.limits on compressed input (gzip bombs) and names NUL bytes; DuckDB does
        neither.
        """
        with open(path, "rb") as handle:
            head = handle.read(4096)
        if head[:2] == b"\x1f\x8b":
            return None
        first = head.split(b"\n", 1)[0].rstrip(b"\r").decode("utf-8", errors="replace").lstrip("\ufeff")
        if [c.strip().strip('"') for c in first.split(",")] != BACI_COLUMNS:
            return None
        if look_for_nul and _has_nul(path):
            return None
        return head

    @staticmethod
    def _read_csv_sql(path: Path, types: dict[str, str]) -> str:
        """DuckDB's strict reader over a BACI CSV with the given column types."""
        columns = "{" + ", ".join(f"'{c}': '{t}'" for c, t in types.items()) + "}"
        return (
            f"read_csv({sql_quote(str(path))}, header = true, auto_detect = false, columns = {columns},"
            " delim = ',', quote = '\"', escape = '\"', strict_mode = true, null_padding = false,"
            f" max_line_size = {limit('line_bytes')}, encoding = 'utf-8', compression = 'auto')"
        )

    def _read_native(self, con: duckdb.DuckDBPyConnection, ctx: StageContext) -> bool:
        """DuckDB's parallel CSV reader fills ``raw`` straight from the file.

        Taken only for a well-formed file whose header is exactly BACI's. Anything DuckDB cannot
        read (bad encoding, short rows, stray quotes) returns False, and the caller re-reads the file
        with the streaming reader, whose errors name the line and whose ``--skip-bad-rows`` can set
        short rows aside. Line numbers come from the scan order, which DuckDB keeps while
        ``preserve_insertion_order`` is on: the n-th row inserted (rowid n - 1) is line n + 1.
        """
        if self._plain_csv_head(ctx.path) is None:
            return False
        # Typed year and country codes: parsing them in the reader is what makes this path fast
        # (integer joins for the codes). One that does not parse (a word where a number belongs)
        # fails the read, and the streaming path then names its line and column.
        types = {"t": "SMALLINT", "i": "INTEGER", "j": "INTEGER", "k": "VARCHAR", "v": "VARCHAR", "q": "VARCHAR"}
        con.execute("DROP TABLE raw")
        con.execute(
            "CREATE TABLE raw (_line BIGINT, _member VARCHAR, "
            + ", ".join(f"{c} {t}" for c, t in types.items())
            + ", _problem VARCHAR)"
        )
        con.execute("SET preserve_insertion_order = true")
        try:
            with duckdb_progress(con, ctx.progress, ctx.path.stat().st_size):
                con.execute(
                    # No line column: rows keep the file's order, so a row's line is its rowid + 2
                    # (the staged view computes it; a window function here would cost 2-3x the read).
                    f"INSERT INTO raw SELECT NULL, NULL, t, i, j, k, v, q, NULL FROM {self._read_csv_sql(ctx.path, types)}"
                )
        except duckdb.Error:
            con.execute("DROP TABLE raw")
            con.execute(
                "CREATE TABLE raw (_line BIGINT, _member VARCHAR, t VARCHAR, i VARCHAR, j VARCHAR,"
                " k VARCHAR, v VARCHAR, q VARCHAR, _problem VARCHAR)"
            )
            return False
        finally:
            con.execute("SET preserve_insertion_order = false")
        return True

    @staticmethod
    def _record_bad_rows(con: duckdb.DuckDBPyConnection, bad_rows: list[Problem]) -> None:
        """Short or long rows become staged rows with a problem, so --skip-bad-rows can set them aside."""
        con.executemany(
            "INSERT INTO raw (_line, _member, t, _problem) VALUES (?, '', ?, ?)",
            [(p.line, p.value or "", p.message) for p in bad_rows],
        )

    @staticmethod
    def _append(con: duckdb.DuckDBPyConnection, stream: CsvStream, display_name: str, member: str) -> None:
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

    def _stage_zip(
        self, con: duckdb.DuckDBPyConnection, ctx: StageContext, bad_rows: list[Problem]
    ) -> tuple[pa.Table, int | None]:
        members, code_member = self._zip_layout(ctx)
        with zipfile.ZipFile(ctx.path) as archive:
            codes = self._zip_codes(archive, code_member, ctx)
            for name, member, stream in self._member_streams(archive, members, ctx):
                self._append(con, stream, name, member.filename)
                bad_rows.extend(stream.bad_rows)
            revision = hs_revision_from_name(members[0].filename) or hs_revision_from_name(ctx.path.name)
        return codes, revision

    @staticmethod
    def _zip_layout(ctx: StageContext) -> tuple[list[zipfile.ZipInfo], zipfile.ZipInfo | None]:
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

    def _zip_codes(self, archive: zipfile.ZipFile, member: zipfile.ZipInfo | None, ctx: StageContext) -> pa.Table:
        """The zip's own country table, else the one shipped with bilat."""
        if member is None:
            return self._packaged_codes()
        return read_country_codes(_decode_text(archive.read(member)), f"{ctx.display_name}:{member.filename}")

    @staticmethod
    def _member_streams(
        archive: zipfile.ZipFile, members: list[zipfile.ZipInfo], ctx: StageContext
    ) -> Iterator[tuple[str, zipfile.ZipInfo, CsvStream]]:
        """Each member as a CSV stream (open while the caller reads it), with progress over all members."""
        grand_total = sum(m.file_size for m in members)
        done = 0
        for member in members:
            name = f"{ctx.display_name}:{member.filename}"

            def progress(pos: int, _total: int | None, base: int = done) -> None:
                if ctx.progress is not None:
                    ctx.progress(base + pos, grand_total)

            with archive.open(member) as handle:
                yield name, member, open_csv_stream(handle, name, progress=progress, total_bytes=grand_total)
            done += member.file_size

    @staticmethod
    def _complete_codes(codes: pa.Table) -> pa.Table:
        """Add codes the release's table lacks, read as ISO 3166 numeric codes.

        BACI renumbers a few countries between releases (Italy 381 became 380 in V202301), and a
        year file sometimes arrives beside an older release's country table.
        """
        from bilat.country_codes import country_numbers

        # Every ISO numeric code the release's table lacks, from the nomenclature: a lookup table
        # of a few hundred rows costs nothing, where scanning the data for unknown codes costs a pass.
        known = set(codes.column("code").to_pylist())
        extra = [(number, iso3) for iso3, number in country_numbers() if number is not None and iso3 != "WLD" and number not in known]
        if not extra:
            return codes
        added = arrow_build.table(
            {"code": arrow_build.numbers([c for c, _ in extra], pa.int32()), "iso3": arrow_build.strings([i for _, i in extra])}
        )
        return pa.concat_tables([codes, added])

    def _codes_beside(self, path: Path) -> pa.Table:
        """The release's country table beside the file: the same release if present, else the newest."""
        candidates = sorted(path.parent.glob("country_codes*.csv"), reverse=True)
        release = re.search(r"_V(\d{6})", path.name)
        if release:
            same = [c for c in candidates if release.group(1) in c.name]
            candidates = same + [c for c in candidates if c not in same]
        if candidates:
            return read_country_codes(_decode_text(candidates[0].read_bytes()), candidates[0].name)
        return self._packaged_codes()

    @staticmethod
    def _packaged_codes() -> pa.Table:
        return read_country_codes((PACKAGE_DATA / "baci" / "country_codes.csv").read_text(encoding="utf-8"))
