"""The checks every canonical table shares, applied to a loader's ``staged`` table.

Each check is one SQL condition that marks a row bad. All run in one pass (a single ``CASE``), so
validation costs one scan however many checks there are; the first failing check names the row's
problem. The table of checked rows keeps only what is stored plus the check's number: messages are
written for bad rows only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import duckdb

from bilat.errors import Problem
from bilat.limits import MAX_INDICATOR_VALUE, MAX_QUANTITY_T, MAX_VALUE_USD
from bilat.sql import quote_literal
from bilat.schema import FIRST_YEAR, TABLES, year_bounds  # noqa: F401 - FIRST_YEAR re-exported

#: Country columns per table, and whether NULL is allowed there.
COUNTRY_COLUMNS: dict[str, dict[str, bool]] = {
    "product_flows": {"exporter": False, "importer": False, "reporter": True},
    "country_flows": {"reporter": False, "partner": False},
    "indicators": {"country": False},
}



@dataclass(frozen=True)
class Check:
    column: str
    bad_sql: str
    message: str


def checks_for(table: str, staged_columns: Sequence[str] = ()) -> list[Check]:
    """The shared checks for ``table``, most basic first.

    ``staged_columns``: the staged table's columns; where a loader keeps the file's text of the
    year (``_raw_year``), a year that is not a whole number (``2020.5``, which a cast would round
    to 2021) is refused, naming the row.
    """
    _first, last_year = year_bounds()
    columns = TABLES[table]
    checks: list[Check] = []
    if "year" in columns:
        checks.append(Check("year", "year IS NULL", "year is missing or not a whole number"))
        if "_raw_year" in staged_columns:
            checks.append(
                Check(
                    "year",
                    "TRY_CAST(trim(CAST(_raw_year AS VARCHAR)) AS DOUBLE) IS DISTINCT FROM CAST(year AS DOUBLE)",
                    "year is not a whole number",
                )
            )
        checks.append(
            Check("year", f"year < {FIRST_YEAR} OR year > {last_year}", f"year out of range {FIRST_YEAR}-{last_year}")
        )
    for column, nullable in COUNTRY_COLUMNS.get(table, {}).items():
        if not nullable:
            checks.append(Check(column, f"{column} IS NULL", "unknown or missing country code"))
        checks.append(
            Check(column, f"{column} IS NOT NULL AND {column} NOT IN (SELECT code FROM known_countries)", "unknown country code")
        )
    if "flow" in columns:
        checks.append(
            Check("flow", "flow IS NOT NULL AND flow NOT IN ('X', 'M', 'RX', 'RM')", "flow must be X, M, RX or RM")
        )
    if "hs_code" in columns:
        checks.append(
            Check(
                "hs_code",
                "hs_code IS NULL OR NOT (regexp_full_match(hs_code, '[0-9]{2}|[0-9]{4}|[0-9]{6}') OR hs_code = 'TOTAL')",
                "malformed HS code (2, 4 or 6 digits expected)",
            )
        )
        checks.append(
            Check(
                "hs_code",
                "hs_code <> 'TOTAL' AND length(hs_code) <> hs_level",
                "HS code length does not match its level",
            )
        )
    value_column = "value_usd" if "value_usd" in columns else "value"
    checks.append(Check(value_column, f"{value_column} IS NULL OR isnan({value_column})", "value is missing or not a number"))
    if value_column == "value_usd":
        checks.append(Check(value_column, f"{value_column} < 0", "negative value"))
    checks.append(Check(value_column, f"isinf({value_column})", "value is not finite"))
    ceiling = MAX_VALUE_USD if value_column == "value_usd" else MAX_INDICATOR_VALUE
    checks.append(
        Check(value_column, f"abs({value_column}) > {_e(ceiling)}", f"value above the ceiling of {_e(ceiling)} (no real figure reaches it)")
    )
    if "quantity_t" in columns:
        checks.append(Check("quantity_t", "isnan(quantity_t) OR isinf(quantity_t)", "quantity is not a finite number"))
        checks.append(Check("quantity_t", "quantity_t < 0", "negative quantity"))
        checks.append(
            Check("quantity_t", f"quantity_t > {_e(MAX_QUANTITY_T)}", f"quantity above the ceiling of {_e(MAX_QUANTITY_T)} t (no real figure reaches it)")
        )
    return checks


def mark_problems(
    con: duckdb.DuckDBPyConnection,
    table: str,
    staged: str,
    raw_columns: dict[str, str],
    key_columns: Sequence[str] | None = None,
) -> str:
    """Create table ``checked`` (canonical columns, ``_line``, ``_check``) and view ``problems``.

    ``_check`` is NULL for a good row, else the number of the first failing check (0: the
    loader's own ``_problem``; -1: a duplicate). ``checked`` stays as narrow as the stored rows:
    what a person reads about a bad row (the file's column name, the message, the raw value) is
    computed by the ``problems`` view for bad rows only, from ``staged``. A loader that declares
    ``key_columns`` (canonical names) also gets :func:`mark_duplicates`.
    """
    staged_columns = [r[0] for r in con.execute(f"DESCRIBE {staged}").fetchall()]
    has_loader_problem = "_problem" in staged_columns
    keep = [c for c in TABLES[table] if c in staged_columns]
    # How a bad row of ``checked`` finds its staged row again: a loader's ``_sid``, else the staged
    # table's rowid (a view has none; then line and zip member).
    is_table = con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = ?", [staged]).fetchone()[0] > 0
    if "_sid" in staged_columns:
        sid, join = "_sid", "s._sid = c._sid"
    elif is_table:
        sid, join = "rowid", "s.rowid = c._sid"
    else:
        keys = ["_line"] + (["_member"] if "_member" in staged_columns else [])
        sid, join = "NULL", " AND ".join(f"s.{k} IS NOT DISTINCT FROM c.{k}" for k in keys)
    row_keys = ["_line"] + (["_member"] if "_member" in staged_columns else [])
    which = ["WHEN _problem IS NOT NULL THEN 0"] if has_loader_problem else []
    column_cases: list[str] = []
    message_cases = ["WHEN 0 THEN s._problem"] if has_loader_problem else []
    value_cases: list[str] = []
    for number, check in enumerate(checks_for(table, staged_columns), start=1):
        raw_name = raw_columns.get(check.column, check.column)
        raw_value = f"s._raw_{check.column}" if f"_raw_{check.column}" in staged_columns else f"CAST(s.{check.column} AS VARCHAR)"
        which.append(f"WHEN ({check.bad_sql}) THEN {number}")
        column_cases.append(f"WHEN {number} THEN {_literal(raw_name)}")
        message_cases.append(f"WHEN {number} THEN {_literal(check.message)}")
        value_cases.append(f"WHEN {number} THEN {raw_value}")
    con.execute(
        f"""
        CREATE OR REPLACE TABLE checked AS
        SELECT {', '.join(keep + row_keys)}, {sid} AS _sid, CAST(CASE {' '.join(which)} END AS SMALLINT) AS _check
        FROM {staged}
        """
    )
    con.execute("CREATE OR REPLACE TABLE _duplicates (_id BIGINT, _first_line BIGINT)")
    duplicate_message = "NULL"
    if key_columns:
        mark_duplicates(con, list(key_columns))
        shown = ", ".join(raw_columns.get(c, c) for c in key_columns)
        duplicate_message = f"{_literal(f'duplicate row: same {shown} as line ')} || d._first_line"
    con.execute(
        f"""
        CREATE OR REPLACE VIEW problems AS
        SELECT c._line,
            CASE c._check {' '.join(column_cases) or 'WHEN NULL THEN NULL'} END AS _problem_column,
            CASE c._check WHEN -1 THEN {duplicate_message} {' '.join(message_cases)} END AS _problem_message,
            CASE c._check {' '.join(value_cases) or 'WHEN NULL THEN NULL'} END AS _problem_value
        FROM (SELECT rowid AS _id, * FROM checked WHERE _check IS NOT NULL) AS c
        LEFT JOIN {staged} AS s ON {join}
        LEFT JOIN _duplicates AS d ON d._id = c._id
        """
    )
    return "checked"


def mark_duplicates(con: duckdb.DuckDBPyConnection, key_columns: list[str]) -> int:
    """Mark every good row of ``checked`` whose key an earlier good row already has; return how many.

    Why refuse rather than sum or keep the last: a file that states the same flow twice is
    damaged or was concatenated by hand, and either choice would silently change a total. The
    first occurrence stays good, so ``--skip-bad-rows`` stores it and sets the repeats aside.
    Only rows without another problem take part: a broken row never makes a good one a duplicate.
    One hash aggregate finds the repeated keys; the update touches only the repeats.
    """
    keys = ", ".join(key_columns)
    con.execute(
        f"""
        INSERT INTO _duplicates
        WITH repeated AS (
            SELECT {keys}, arg_min(rowid, _line) AS _first_id, min(_line) AS _first_line
            FROM checked WHERE _check IS NULL
            GROUP BY {keys} HAVING count(*) > 1
        )
        SELECT c.rowid, r._first_line
        FROM checked AS c JOIN repeated AS r USING ({keys})
        WHERE c._check IS NULL AND c.rowid <> r._first_id
        """
    )
    count = con.execute("SELECT count(*) FROM _duplicates").fetchone()[0]
    if count:
        con.execute("UPDATE checked SET _check = -1 FROM _duplicates AS d WHERE checked.rowid = d._id")
    return int(count)


def collect_problems(con: duckdb.DuckDBPyConnection, display_name: str, limit: int) -> tuple[list[Problem], int]:
    """The first ``limit`` problems in line order, and how many rows have one."""
    count = con.execute("SELECT count(*) FROM checked WHERE _check IS NOT NULL").fetchone()[0]
    if not count:
        return [], 0
    rows = con.execute(
        "SELECT _line, _problem_column, _problem_message, _problem_value FROM problems ORDER BY _line LIMIT ?",
        [limit],
    ).fetchall()
    return [Problem(display_name, line, column, message, value) for line, column, message, value in rows], count


_literal = quote_literal


def _e(number: float) -> str:
    """``1e+15`` -> ``1e15``: a ceiling as SQL and a person both read it."""
    return f"{number:.0e}".replace("+", "")
