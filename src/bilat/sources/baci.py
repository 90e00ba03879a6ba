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
import zipfile
from dataclasses import replace
from pathlib import Path

import duckdb

from bilat.errors import Problem
from bilat.limits import Budget
from bilat.sources.baci_fast import CountryLookup, duckdb_batches, write_clean_year
from bilat.sources.baci_rules import (  # noqa: F401 - names importable from here, as before the split
    BACI_COLUMNS,
    HS_REVISION_UNKNOWN,
    HS_REVISIONS,
    KEY_COLUMNS,
    SPECIAL_AREAS,
    codes_beside,
    complete_codes,
    duckdb_unsafe,
    has_nul,
    hs6_ok_sql,
    hs_revision_from_name,
    hs_revision_option,
    packaged_codes,
    plain_csv_head,
    quantity_sql,
    quantity_unreadable_sql,
    read_country_codes,
    read_csv_sql,
    special_area_code,
    value_sql,
    whole_sql,
)
from bilat.sources.baci_zip import MAX_CODES_BYTES, append_stream, stage_zip, write_fast_zip  # noqa: F401
from bilat.sources.base import Declined, FastWrite, StageContext, Staged, duckdb_progress
from bilat.sources.csvstream import open_csv_stream, open_path


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
            codes, zip_revision = stage_zip(con, ctx, bad_rows)
            revision = revision or zip_revision
        else:
            codes = codes_beside(path)
            typed = self._read_native(con, ctx)
            if not typed:
                handle, size, position = open_path(path)
                with handle:
                    stream = open_csv_stream(handle, ctx.display_name, progress=ctx.progress, total_bytes=size, position=position)
                    append_stream(con, stream, ctx.display_name, "")
                    bad_rows.extend(stream.bad_rows)
            revision = revision or hs_revision_from_name(path.name)
        if bad_rows:
            self._record_bad_rows(con, bad_rows)
        codes = complete_codes(codes)
        con.register("_codes_arrow", codes)
        con.execute("CREATE TABLE baci_codes AS SELECT * FROM _codes_arrow")
        con.unregister("_codes_arrow")
        revision_sql = "NULL" if revision is None else str(int(revision))
        # DuckDB's reader types year and codes; the streaming reader's columns are all text.
        # Whole numbers only: a cast alone would round 2020.5 to 2021 (and 710.5 to country 711).
        year = whole_sql("r.t", "SMALLINT", typed)
        code_i, code_j = whole_sql("r.i", "INTEGER", typed), whole_sql("r.j", "INTEGER", typed)
        if typed:
            # The reader's DOUBLE as the file wrote it: 999, not 999.0 (2020.5 stays 2020.5).
            raw_text = {c: f"regexp_replace(CAST(r.{c} AS VARCHAR), '\\.0$', '')" for c in ("t", "i", "j")}
        else:
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
            return write_fast_zip(con, ctx, out, known_countries)
        head = plain_csv_head(path, look_for_nul=False)
        if head is None:
            raise Declined("not a plain BACI CSV (gzip or other header)")
        # The scan for NUL bytes (which DuckDB's reader does not name) runs beside the lane and is
        # asked before the lane's file is kept: it would otherwise delay the start by 0.05 s a year.
        with concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="bilat-nul-scan") as pool:
            unsafe = pool.submit(duckdb_unsafe, path)
            written = self._write_fast_plain(con, ctx, out, known_countries, head)
            if unsafe.result():
                raise Declined(unsafe.result())
        return written

    def _write_fast_plain(
        self, con: duckdb.DuckDBPyConnection, ctx: StageContext, out: Path, known_countries: set[str], head: bytes
    ) -> FastWrite:
        from bilat.schema import year_bounds

        path = ctx.path
        revision = hs_revision_option(ctx) or hs_revision_from_name(path.name)
        countries = CountryLookup(complete_codes(codes_beside(path)), known_countries)
        # Stricter than the general path where that is cheaper, never looser: the reader parses
        # values as DECIMAL(18, 3) (a value it cannot parse fails the read: declined), HS codes must
        # be five or six digits without spaces; what is read gives the same values (the lane's
        # _dollars and _whole_numbers). t, i and j are read as DOUBLE and kept only when whole
        # (DuckDB's SMALLINT reader rounds 2020.5).
        columns = {"t": "DOUBLE", "i": "DOUBLE", "j": "DOUBLE", "k": "VARCHAR", "v": "DECIMAL(18, 3)", "q": "VARCHAR"}
        # q is read twice (quantity, and whether it is unreadable): with one TRY_CAST alone DuckDB
        # 2.0 would push the cast into the CSV reader, which then fails at "NA" (docs/dependencies.md).
        # t, i, j and v go to the lane as the reader parsed them: whether t, i and j are whole, and
        # the dollars of v (the decimal's unscaled integer), are worked out there, cheaper than in SQL.
        select = (
            "SELECT t, i, j, k, v AS value_usd,"
            f" {quantity_sql('q')} AS quantity_t, {quantity_unreadable_sql('q')} AS q_unreadable"
            f" FROM {read_csv_sql(path, columns)}"
        )
        size = path.stat().st_size
        lines = head.count(b"\n")
        bytes_per_row = len(head) / lines if lines > 1 else 40.0

        def rows_read(rows: int) -> None:
            if ctx.progress is not None:
                ctx.progress(min(int(rows * bytes_per_row), size), size)

        written = write_clean_year(
            duckdb_batches(con, select), out, countries=countries, years=year_bounds(), hs_revision=revision,
            file_id=ctx.final_file_id, cancelled=ctx.cancelled, progress=rows_read, budget=Budget(ctx.display_name),
        )
        if ctx.progress is not None:
            ctx.progress(size, size)
        return written if revision is not None else replace(written, note=HS_REVISION_UNKNOWN)

    def _read_native(self, con: duckdb.DuckDBPyConnection, ctx: StageContext) -> bool:
        """DuckDB's parallel CSV reader fills ``raw`` straight from the file.

        Taken only for a well-formed file whose header is exactly BACI's. Anything DuckDB cannot
        read (bad encoding, short rows, stray quotes) returns False, and the caller re-reads the file
        with the streaming reader, whose errors name the line and whose ``--skip-bad-rows`` can set
        short rows aside. Line numbers come from the scan order, which DuckDB keeps while
        ``preserve_insertion_order`` is on: the n-th row inserted (rowid n - 1) is line n + 1.
        """
        if plain_csv_head(ctx.path) is None:
            return False
        # Year and country codes parsed by the reader (as DOUBLE, kept only when whole): parsing them
        # (integer joins for the codes). One that does not parse (a word where a number belongs)
        # fails the read, and the streaming path then names its line and column.
        types = {"t": "DOUBLE", "i": "DOUBLE", "j": "DOUBLE", "k": "VARCHAR", "v": "VARCHAR", "q": "VARCHAR"}
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
                    f"INSERT INTO raw SELECT NULL, NULL, t, i, j, k, v, q, NULL FROM {read_csv_sql(ctx.path, types)}"
                )
            Budget(ctx.display_name).add_rows(con.execute("SELECT count(*) FROM raw").fetchone()[0])
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
        import pyarrow as pa

        # As one Arrow table: executemany cost about 0.1 ms a row (100,000 bad rows: 10 s).
        table = pa.table(
            {
                "_line": pa.array([p.line for p in bad_rows], pa.int64()),
                "t": pa.array([p.value or "" for p in bad_rows], pa.string()),
                "_problem": pa.array([p.message for p in bad_rows], pa.string()),
            }
        )
        con.register("bad_rows_arrow", table)
        con.execute("INSERT INTO raw (_line, _member, t, _problem) SELECT _line, '', t, _problem FROM bad_rows_arrow")
        con.unregister("bad_rows_arrow")