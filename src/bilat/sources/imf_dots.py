"""IMF Direction of Trade Statistics (DOTS): country totals by partner, in USD millions.

Two layouts are read:

* the **long CSV** ``reporter,partner,year,exports_fob_usd_millions[,source_file]`` (the tidy
  version of the DOTS workbooks in ``shared/data``), exports FOB as reported by the reporter;
* the **DOTS workbook** (``.xlsx``, one per reporting economy): sheet "Exports, FOB" and, when
  present, "Imports, CIF"; reporter name in B4, unit in B5 (must be "US Dollars, Millions"),
  years in row 7 from column C, partner names in column B.

Rows go to ``country_flows``: exports as flow X valued FOB, imports as flow M valued CIF, value
multiplied out of millions. Names are IMF names ("Korea, Rep. of"); they become ISO3 through
:func:`bilat.nomenclature.countries.imf_name_to_iso3`. Partners and reporters that are IMF groups
("Advanced Economies", "Euro Area", "Africa not specified"...) are not countries: those rows are
dropped and counted in the ingestion note. "World" is kept as WLD.

Why mirror flows are not stored: Y's imports from X approximated by X's exports to Y are a
derived figure (FOB, not CIF); analytics compute them at query time and label them.

Option ``flows`` (``"X"``, ``"M"`` or ``"X,M"``, default both) picks the workbook sheets; the
embedded dataset takes only the imports sheets from the workbooks, because the long CSV already
holds every reporter's exports.
"""

from __future__ import annotations

import zipfile

import duckdb
import pyarrow as pa

from bilat.errors import Problem, UnknownCountryError, ValidationError
from bilat.limits import Budget, check_zip
from bilat.sources._raw import dropped_note, load_raw_csv
from bilat.sources.base import StageContext, Staged

LONG_REQUIRED = ["reporter", "partner", "year", "exports_fob_usd_millions"]
_LONG_HINT = "An IMF DOTS long file has the header reporter,partner,year,exports_fob_usd_millions"
UNIT = "US Dollars, Millions"
#: Sheet title (cell B2) -> (flow, valuation).
SHEETS = {
    "Exports, FOB to Partner Countries": ("X", "FOB"),
    "Imports, CIF from Partner Countries": ("M", "CIF"),
}
HEADER_ROW = 7


class ImfDotsSource:
    """Loader for IMF DOTS exports (long CSV) and DOTS workbooks (exports FOB, imports CIF)."""

    name = "imf_dots"
    table = "country_flows"
    description = "IMF DOTS country totals by partner, USD millions (long CSV or DOTS .xlsx workbook)"

    def stage(self, con: duckdb.DuckDBPyConnection, ctx: StageContext) -> Staged:
        if zipfile.is_zipfile(ctx.path):
            raw_columns = self._load_workbook(con, ctx)
        else:
            names = load_raw_csv(con, ctx, LONG_REQUIRED, hint=_LONG_HINT)
            con.execute(
                f"""
                CREATE TABLE dots AS SELECT _line, _problem,
                    trim({names['reporter']}) AS reporter_name, trim({names['partner']}) AS partner_name,
                    trim({names['year']}) AS raw_year, trim({names['exports_fob_usd_millions']}) AS raw_value,
                    'X' AS flow, 'FOB' AS valuation, CAST(NULL AS VARCHAR) AS cell
                FROM raw
                """
            )
            raw_columns = {
                "year": "year",
                "reporter": "reporter",
                "partner": "partner",
                "value_usd": "exports_fob_usd_millions",
            }
        return self._stage_rows(con, raw_columns)

    @staticmethod
    def _stage_rows(con: duckdb.DuckDBPyConnection, raw_columns: dict[str, str]) -> Staged:
        names = [
            r[0]
            for r in con.execute(
                "SELECT DISTINCT n FROM (SELECT reporter_name AS n FROM dots UNION SELECT partner_name FROM dots)"
                " WHERE n IS NOT NULL ORDER BY n"
            ).fetchall()
        ]
        mapping: dict[str, str | None] = {}
        unknown: dict[str, str] = {}
        for name in names:
            try:
                mapping[name] = imf_iso3(name)
            except UnknownCountryError as exc:
                unknown[name] = str(exc)
        con.register(
            "dots_names_arrow",
            pa.table(
                {
                    "name": pa.array(list(mapping) + list(unknown), pa.string()),
                    "iso3": pa.array(list(mapping.values()) + [None] * len(unknown), pa.string()),
                    "known": pa.array([True] * len(mapping) + [False] * len(unknown), pa.bool_()),
                }
            ),
        )
        con.execute("CREATE TABLE dots_names AS SELECT * FROM dots_names_arrow")
        con.unregister("dots_names_arrow")
        aggregate = "coalesce((r.known AND r.iso3 IS NULL) OR (p.known AND p.iso3 IS NULL), false)"
        counts = con.execute(
            f"""
            SELECT count(*) FILTER (WHERE d._problem IS NULL AND {aggregate}),
                   count(DISTINCT CASE WHEN d._problem IS NULL AND {aggregate} THEN
                       CASE WHEN r.known AND r.iso3 IS NULL THEN d.reporter_name ELSE d.partner_name END END),
                   count(*) FILTER (WHERE d._problem IS NULL AND NOT {aggregate} AND coalesce(d.raw_value, '') = '')
            FROM dots d
            LEFT JOIN dots_names r ON r.name = d.reporter_name
            LEFT JOIN dots_names p ON p.name = d.partner_name
            """
        ).fetchall()[0]
        con.execute(
            f"""
            CREATE TABLE staged AS
            SELECT
                TRY_CAST(TRY_CAST(d.raw_year AS DOUBLE) AS SMALLINT) AS year,
                CASE WHEN r.known THEN r.iso3 ELSE d.reporter_name END AS reporter,
                CASE WHEN p.known THEN p.iso3 ELSE d.partner_name END AS partner,
                d.flow,
                TRY_CAST(d.raw_value AS DOUBLE) * 1e6 AS value_usd,
                d.valuation,
                'imf_dots' AS source,
                d._line,
                row_number() OVER () AS _rid,
                CASE
                    WHEN d._problem IS NOT NULL THEN d._problem
                    WHEN d.reporter_name = d.partner_name AND r.iso3 IS DISTINCT FROM 'WLD' THEN 'reporter and partner are the same: ' || d.reporter_name
                END AS _problem,
                d.raw_year AS _raw_year,
                d.reporter_name AS _raw_reporter,
                d.partner_name AS _raw_partner,
                CASE WHEN d.cell IS NULL THEN d.raw_value ELSE d.cell || ' = ' || coalesce(d.raw_value, '') END AS _raw_value_usd
            FROM dots d
            LEFT JOIN dots_names r ON r.name = d.reporter_name
            LEFT JOIN dots_names p ON p.name = d.partner_name
            WHERE d._problem IS NOT NULL OR NOT ({aggregate} OR coalesce(d.raw_value, '') = '')
            """
        )
        repeated = _merge_repeats(con)
        note = dropped_note(
            [
                (counts[0], f"rows with an IMF group or unallocated area ({counts[1]} such names) not stored"),
                (counts[2], "empty cells (no data) skipped"),
                (repeated, "repeated rows (same reporter, partner, year and value) stored once"),
            ]
        )
        return Staged(table="staged", raw_columns=raw_columns, note=note)

    def _load_workbook(self, con: duckdb.DuckDBPyConnection, ctx: StageContext) -> dict[str, str]:
        import openpyxl

        wanted = {f.strip().upper() for f in str(ctx.options.get("flows", "X,M")).split(",") if f.strip()}
        check_zip(ctx.path, ctx.display_name)  # an xlsx is a zip: same traversal and expansion caps
        try:
            workbook = openpyxl.load_workbook(ctx.path, read_only=True, data_only=True)
        except Exception as exc:  # noqa: BLE001 - openpyxl raises many types for damaged files
            raise ValidationError([Problem(ctx.display_name, None, None, f"cannot be read as an xlsx workbook: {exc}")]) from None
        rows: dict[str, list] = {k: [] for k in ("_line", "reporter_name", "partner_name", "raw_year", "raw_value", "flow", "valuation", "cell")}
        found = 0
        budget = Budget(ctx.display_name)
        try:
            for sheet in workbook.worksheets:
                cells = list(sheet.iter_rows(min_row=1, max_row=HEADER_ROW, values_only=True))
                title = _cell(cells, 2, 2)
                if title not in SHEETS:
                    continue
                found += 1
                flow, valuation = SHEETS[title]
                if flow not in wanted:
                    continue
                unit = _cell(cells, 5, 2)
                if unit != UNIT:
                    raise ValidationError(
                        [Problem(ctx.display_name, 5, "B", f"sheet {sheet.title!r}: unit must be {UNIT!r}", unit)]
                    )
                reporter = _cell(cells, 4, 2)
                years = list(cells[HEADER_ROW - 1][2:]) if len(cells) >= HEADER_ROW else []
                if not reporter or not years:
                    raise ValidationError(
                        [Problem(ctx.display_name, HEADER_ROW, None, f"sheet {sheet.title!r}: no reporter in B4 or no years in row 7")]
                    )
                for number, row in enumerate(sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True), start=HEADER_ROW + 1):
                    if number % 1000 == 0:
                        budget.add_rows(1000)
                    partner = row[1] if len(row) > 1 else None
                    if partner is None or str(partner).strip() in ("", "Memorandum Items"):
                        continue
                    for offset, (year, value) in enumerate(zip(years, row[2:]), start=3):
                        if value is None or (isinstance(value, str) and value.strip() in ("", "...", "-")):
                            continue
                        rows["_line"].append(number)
                        rows["reporter_name"].append(" ".join(str(reporter).split()))
                        rows["partner_name"].append(" ".join(str(partner).split()))
                        rows["raw_year"].append(str(year).strip() if year is not None else None)
                        rows["raw_value"].append(str(value))
                        rows["flow"].append(flow)
                        rows["valuation"].append(valuation)
                        rows["cell"].append(f"{sheet.title}!{_column_letter(offset)}{number}")
        except ValidationError:
            raise
        except Exception as exc:  # noqa: BLE001 - a sheet's XML is parsed lazily: ParseError, BadZipFile, zlib.error...
            raise ValidationError(
                [Problem(ctx.display_name, None, None, f"cannot be read as an xlsx workbook: a sheet is damaged ({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''})")]
            ) from None
        finally:
            workbook.close()
        if not found:
            raise ValidationError(
                [Problem(ctx.display_name, 2, "B", "no DOTS sheet found (B2 should read 'Exports, FOB to Partner Countries')")]
            )
        table = pa.table({k: pa.array(v, pa.int64() if k == "_line" else pa.string()) for k, v in rows.items()})
        con.register("dots_arrow", table)
        con.execute("CREATE TABLE dots AS SELECT *, CAST(NULL AS VARCHAR) AS _problem FROM dots_arrow")
        con.unregister("dots_arrow")
        return {"year": "row 7 (years)", "reporter": "B4", "partner": "B", "value_usd": "value cell"}


def _merge_repeats(con: duckdb.DuckDBPyConnection) -> int:
    """Store a repeated partner row once; refuse a repeat that disagrees. Returns the repeats dropped.

    Why: the DOTS workbooks list some partners twice (Australia on rows 8 and 32 of every sheet,
    with the same figures); storing both would double them in every total.
    """
    con.execute(
        """
        CREATE TABLE repeats AS
        SELECT _rid, first_value(_line) OVER w AS first_line, first_value(value_usd) OVER w AS first_value,
               row_number() OVER w AS k, value_usd
        FROM staged WHERE _problem IS NULL AND year IS NOT NULL AND reporter IS NOT NULL AND partner IS NOT NULL
        WINDOW w AS (PARTITION BY year, reporter, partner, flow ORDER BY _line, _rid)
        """
    )
    (same,) = con.execute("SELECT count(*) FROM repeats WHERE k > 1 AND value_usd IS NOT DISTINCT FROM first_value").fetchall()[0]
    con.execute(
        "DELETE FROM staged WHERE _rid IN (SELECT _rid FROM repeats WHERE k > 1 AND value_usd IS NOT DISTINCT FROM first_value)"
        " AND _problem IS NULL"
    )
    con.execute(
        """
        UPDATE staged SET _problem = 'the same reporter, partner and year as line ' || r.first_line || ' with another value'
        FROM repeats r WHERE staged._rid = r._rid AND r.k > 1 AND staged._problem IS NULL
        """
    )
    return int(same)


def imf_iso3(name: str) -> str | None:
    """ISO3 of an IMF name, None for a group (kept separate so tests can see the mapping)."""
    from bilat.nomenclature.countries import imf_name_to_iso3

    return imf_name_to_iso3(name)


def _cell(rows: list[tuple], row: int, column: int) -> str | None:
    try:
        value = rows[row - 1][column - 1]
    except IndexError:
        return None
    return None if value is None else " ".join(str(value).split())


def _column_letter(index: int) -> str:
    letters = ""
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters
