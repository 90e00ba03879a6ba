"""World Bank World Development Indicators: one value per country and year -> ``indicators``.

Layouts read:

* the **long CSV** ``Country Name,Country Code,Year,Value`` (datahub.io's core datasets, e.g.
  ``gdp.csv``); it does not name its indicator, so the file name decides (``gdp`` -> gdp_usd,
  ``population`` -> population) unless the option ``indicator`` is given;
* the **wide CSV** of the World Bank's download button (``API_NY.GDP.MKTP.CD_DS2_en_csv_v2.csv``:
  four preamble lines, then ``Country Name,Country Code,Indicator Name,Indicator Code,1960,...``);
* the **API JSON** (``api.worldbank.org/v2/country/all/indicator/...?format=json``:
  ``[{page info}, [{"countryiso3code": ..., "date": ..., "value": ..., "indicator": {"id": ...}}]]``).

World Bank indicator codes become bilat's names where bilat has one (NY.GDP.MKTP.CD -> gdp_usd),
else the code in lower case with dots as underscores. Regional and income aggregates (EUU, HIC,
ARB...) are not countries: they are dropped and counted in the note; WLD (World) is kept. Any
other unknown code is an error, so that a typo never disappears silently.
"""

from __future__ import annotations

import duckdb
import pyarrow as pa

from bilat.errors import Problem, ValidationError
from bilat.schema import GDP_USD, POPULATION
from bilat.sources._raw import dropped_note, first_line, load_raw_csv, looks_like_json, read_json_document
from bilat.sources.base import StageContext, Staged
from bilat.sql import quote_literal

#: World Bank codes that are groups of countries (regions, income groups, lending groups...), or
#: not an ISO country (CHI Channel Islands, INX not classified).
AGGREGATES = frozenset(
    "AFE AFW ARB CEB CHI CSS EAP EAR EAS ECA ECS EMU EUU FCS HIC HPC IBD IBT IDA IDB IDX INX LAC LCN LDC LIC"
    " LMC LMY LTE MEA MIC MNA NAC OED OSS PRE PSS PST SAS SSA SSF SST TEA TEC TLA TMN TSA TSS UMC".split()
)
#: World Bank indicator code -> (bilat indicator, unit).
INDICATORS = {
    "NY.GDP.MKTP.CD": (GDP_USD, "USD"),
    "SP.POP.TOTL": (POPULATION, "persons"),
    "TM.VAL.MRCH.CD.WT": ("imports_merchandise_usd", "USD"),
    "TX.VAL.MRCH.CD.WT": ("exports_merchandise_usd", "USD"),
}
_FROM_FILE_NAME = {"gdp": (GDP_USD, "USD"), "population": (POPULATION, "persons")}


class WorldBankSource:
    """Loader for World Bank indicator series (long CSV, wide CSV download, or API JSON)."""

    name = "worldbank"
    table = "indicators"
    description = "World Bank WDI series (Country Name,Country Code,Year,Value; the wide download; or API JSON)"

    #: One value per country, indicator and year: a repeat would be stored twice.
    key_columns = ("country", "year", "indicator")

    def stage(self, con: duckdb.DuckDBPyConnection, ctx: StageContext) -> Staged:
        if looks_like_json(ctx):
            self._load_json(con, ctx)
            raw_columns = {"country": "countryiso3code", "year": "date", "value": "value"}
        else:
            header = first_line(ctx)
            if header.strip('"').startswith("Data Source"):
                self._load_wide(con, ctx, skip_lines=4)
                raw_columns = {"country": "Country Code", "year": "year column", "value": "value"}
            elif "Indicator Code" in header:
                self._load_wide(con, ctx, skip_lines=0)
                raw_columns = {"country": "Country Code", "year": "year column", "value": "value"}
            else:
                names = load_raw_csv(
                    con, ctx, ["Country Code", "Year", "Value"], hint="A World Bank long file has Country Name,Country Code,Year,Value"
                )
                indicator, unit = self._indicator_from_name(ctx)
                con.execute(
                    f"""CREATE TABLE wb AS SELECT _line, _problem, trim({names['Country Code']}) AS code,
                        trim({names['Year']}) AS raw_year, trim({names['Value']}) AS raw_value,
                        {quote_literal(indicator)} AS indicator, {quote_literal(unit)} AS unit FROM raw"""
                )
                raw_columns = {"country": "Country Code", "year": "Year", "value": "Value"}
        return self._stage(con, raw_columns)

    @staticmethod
    def _indicator_from_name(ctx: StageContext) -> tuple[str, str]:
        option = ctx.options.get("indicator")
        if option:
            return INDICATORS.get(str(option), (str(option), str(ctx.options.get("unit", ""))))
        stem = ctx.path.name.lower()
        for key, value in _FROM_FILE_NAME.items():
            if key in stem:
                return value
        raise ValidationError(
            [Problem(ctx.display_name, 1, None, "the file does not say which indicator it holds; pass the option indicator=NY.GDP.MKTP.CD (or a name)")]
        )

    @staticmethod
    def _load_wide(con: duckdb.DuckDBPyConnection, ctx: StageContext, skip_lines: int) -> None:
        names = load_raw_csv(con, ctx, ["Country Code", "Indicator Code"], skip_lines=skip_lines)
        years = [c for c in names if c.isdigit() and len(c) == 4]
        if not years:
            raise ValidationError([Problem(ctx.display_name, skip_lines + 1, None, "no year columns (1960, 1961, ...) in the header")])
        parts = [
            f"SELECT _line, _problem, trim({names['Country Code']}) AS code, '{y}' AS raw_year,"
            f' trim("{names[y]}") AS raw_value'
            f", trim({names['Indicator Code']}) AS wb_code FROM raw"
            for y in years
        ]
        con.execute("CREATE TABLE wb_wide AS " + " UNION ALL ".join(parts))
        WorldBankSource._name_indicators(con, "wb_wide")

    @staticmethod
    def _load_json(con: duckdb.DuckDBPyConnection, ctx: StageContext) -> None:
        document = read_json_document(ctx)
        records = document[1] if isinstance(document, list) and len(document) == 2 and isinstance(document[1], list) else None
        if records is None:
            message = "not a World Bank API response: expected [ {page info}, [ records ] ]"
            if isinstance(document, list) and document and isinstance(document[0], dict) and "message" in document[0]:
                message = f"the World Bank API returned an error: {document[0]['message']}"
            raise ValidationError([Problem(ctx.display_name, None, None, message)])
        for number, record in enumerate(records, start=1):
            indicator = record.get("indicator") if isinstance(record, dict) else None
            if not isinstance(record, dict) or not (indicator is None or isinstance(indicator, dict)):
                what = "not an object" if not isinstance(record, dict) else "its indicator is not an object"
                raise ValidationError(
                    [Problem(ctx.display_name, number, None, f"not a World Bank API record ({what}): {str(record)[:60]!r}")]
                )
            for key in ("countryiso3code", "date", "value"):
                if isinstance(record.get(key), (dict, list)):
                    raise ValidationError(
                        [Problem(ctx.display_name, number, key, f"not a World Bank API record ({key} is {type(record[key]).__name__})")]
                    )
        table = pa.table(
            {
                "_line": pa.array(range(1, len(records) + 1), pa.int64()),
                "code": pa.array([str(r.get("countryiso3code") or "") for r in records], pa.string()),
                "raw_year": pa.array([str(r.get("date") or "") for r in records], pa.string()),
                "raw_value": pa.array([None if r.get("value") is None else str(r["value"]) for r in records], pa.string()),
                "wb_code": pa.array([str((r.get("indicator") or {}).get("id") or "") for r in records], pa.string()),
            }
        )
        con.register("wb_json", table)
        con.execute("CREATE TABLE wb_wide AS SELECT _line, CAST(NULL AS VARCHAR) AS _problem, * EXCLUDE (_line) FROM wb_json")
        con.unregister("wb_json")
        WorldBankSource._name_indicators(con, "wb_wide")

    @staticmethod
    def _name_indicators(con: duckdb.DuckDBPyConnection, table: str) -> None:
        codes = [r[0] for r in con.execute(f"SELECT DISTINCT wb_code FROM {table} WHERE wb_code IS NOT NULL").fetchall()]
        mapping = {c: INDICATORS.get(c, (c.lower().replace(".", "_"), "")) for c in codes}
        con.register(
            "wb_codes",
            pa.table(
                {
                    "wb_code": pa.array(list(mapping), pa.string()),
                    "indicator": pa.array([v[0] for v in mapping.values()], pa.string()),
                    "unit": pa.array([v[1] for v in mapping.values()], pa.string()),
                }
            ),
        )
        con.execute(
            f"CREATE TABLE wb AS SELECT w._line, w._problem, w.code, w.raw_year, w.raw_value, c.indicator, c.unit"
            f" FROM {table} w LEFT JOIN wb_codes c USING (wb_code)"
        )
        con.unregister("wb_codes")

    @staticmethod
    def _stage(con: duckdb.DuckDBPyConnection, raw_columns: dict[str, str]) -> Staged:
        aggregates = ", ".join(f"'{c}'" for c in sorted(AGGREGATES))
        dropped = f"(_problem IS NULL AND coalesce(upper(code) IN ({aggregates}), false))"
        empty = "(_problem IS NULL AND coalesce(raw_value, '') IN ('', '..'))"
        n_aggregate, n_empty = con.execute(
            f"SELECT count(*) FILTER (WHERE {dropped}), count(*) FILTER (WHERE NOT {dropped} AND {empty}) FROM wb"
        ).fetchall()[0]
        con.execute(
            f"""
            CREATE TABLE staged AS
            SELECT upper(code) AS country,
                TRY_CAST(TRY_CAST(raw_year AS DOUBLE) AS SMALLINT) AS year,
                indicator, TRY_CAST(raw_value AS DOUBLE) AS value, NULLIF(unit, '') AS unit,
                'worldbank' AS source, _line, _problem,
                code AS _raw_country, raw_year AS _raw_year, raw_value AS _raw_value
            FROM wb WHERE NOT ({dropped} OR {empty})
            """
        )
        note = dropped_note(
            [(n_aggregate, "rows of regional/income aggregates not stored"), (n_empty, "empty values (no data) skipped")]
        )
        return Staged(table="staged", raw_columns=raw_columns, note=note)
