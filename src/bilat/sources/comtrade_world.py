"""UN Comtrade total goods exports and imports with the World: each reporter's national totals.

Layout: ``year,reporter_code,reporter,partner_code,partner,trade_flow,commodity_code,...,
trade_value_usd`` (the legacy Comtrade API fields ``yr, rtCode, ptCode, rgDesc, cmdCode,
TradeValue`` under readable names; ``../shared/data/comtrade_world_totals_SamLeBlanc``). Values are
US dollars. Rows go to ``indicators``: ``Export`` as ``exports_total_usd``, ``Import`` as
``imports_total_usd``, each the reporter's own declaration (exports FOB, imports CIF as a rule).

Why a loader of its own rather than the ``comtrade`` one: these are *national totals* (one number
per country and year, partner World, all commodities), the denominator of "A's share of B's
imports" and the figure behind "Kenya's total exports". The product-flow loader would store them as
one flow to ``WLD`` that no indicator question reads.

Why some rows are not stored: ``Re-Export`` and ``Re-Import`` are parts of exports and imports that
Comtrade also reports separately, not totals; they are counted in the note. Empty values are "no
data" and counted too. A row whose partner is not the World (0) or whose commodity is not
``TOTAL`` is refused: it is a bilateral or a chapter figure, and storing it as a national total
would be wrong. A negative value is refused: a total of goods traded cannot be below zero (COW's
loader refuses the same). Reporter codes are UN M49 numbers, turned into ISO3 through bilat's numeric table
(ISO 3166 plus the Comtrade variants 842 USA, 251 France, 699 India, 490 Taiwan, 736 former
Sudan...); an unknown code is refused, never guessed.
"""

from __future__ import annotations

import duckdb
import pyarrow as pa

from bilat.schema import EXPORTS_TOTAL_USD, IMPORTS_TOTAL_USD
from bilat.sources._raw import dropped_note, load_raw_csv
from bilat.sources.base import StageContext, Staged

#: Comtrade flow description -> bilat indicator ("" = a part of a total: counted, not stored).
FLOWS = {"export": EXPORTS_TOTAL_USD, "import": IMPORTS_TOTAL_USD, "re-export": "", "re-import": ""}
#: The columns read, and the legacy API names accepted for them.
COLUMNS = {
    "year": ("year", "yr"),
    "reporter_code": ("reporter_code", "rtCode"),
    "partner_code": ("partner_code", "ptCode"),
    "trade_flow": ("trade_flow", "rgDesc"),
    "commodity_code": ("commodity_code", "cmdCode"),
    "trade_value_usd": ("trade_value_usd", "TradeValue"),
}
HINT = "A Comtrade World-totals file has year,reporter_code,...,partner_code,...,trade_flow,commodity_code,...,trade_value_usd"


class ComtradeWorldSource:
    """Loader for UN Comtrade reporters' total goods exports and imports with the World (USD)."""

    name = "comtrade_world"
    table = "indicators"
    description = "UN Comtrade total exports/imports with the World (year,reporter_code,...,trade_flow,...,trade_value_usd; USD)"

    #: One value per country, year and indicator: a repeat is refused, never summed.
    key_columns = ("country", "year", "indicator")

    def stage(self, con: duckdb.DuckDBPyConnection, ctx: StageContext) -> Staged:
        from bilat.sources._raw import first_line

        header = {c.strip().strip('"').lstrip("\ufeff") for c in first_line(ctx).split(",")}
        chosen = {role: next((n for n in names if n in header), names[0]) for role, names in COLUMNS.items()}
        names = load_raw_csv(con, ctx, list(chosen.values()), hint=HINT)
        col = {role: names[chosen[role]] for role in COLUMNS}
        _register_codes(con)
        con.execute(
            f"""CREATE TABLE cw AS SELECT r._line, r._problem,
                trim(r.{col['reporter_code']}) AS raw_reporter, trim(r.{col['partner_code']}) AS raw_partner,
                lower(trim(r.{col['trade_flow']})) AS raw_flow, upper(trim(r.{col['commodity_code']})) AS raw_commodity,
                trim(r.{col['year']}) AS raw_year, trim(r.{col['trade_value_usd']}) AS raw_value, k.iso3, f.indicator
            FROM raw r
            LEFT JOIN cw_codes k ON k.code = TRY_CAST(TRY_CAST(trim(r.{col['reporter_code']}) AS DOUBLE) AS INTEGER)
            LEFT JOIN cw_flows f ON f.flow = lower(trim(r.{col['trade_flow']}))"""
        )
        part = "(_problem IS NULL AND coalesce(indicator = '', false))"
        empty = f"(_problem IS NULL AND NOT {part} AND coalesce(raw_value, '') IN ('', 'NA', '.'))"
        n_part, n_empty = con.execute(f"SELECT count(*) FILTER (WHERE {part}), count(*) FILTER (WHERE {empty}) FROM cw").fetchall()[0]
        c = {role: chosen[role].replace("'", "''") for role in COLUMNS}
        con.execute(
            f"""
            CREATE TABLE staged AS
            SELECT
                coalesce(iso3, raw_reporter) AS country,
                TRY_CAST(TRY_CAST(raw_year AS DOUBLE) AS SMALLINT) AS year,
                indicator,
                TRY_CAST(raw_value AS DOUBLE) AS value,
                'USD' AS unit,
                'comtrade_world' AS source,
                _line,
                CASE
                    WHEN _problem IS NOT NULL THEN _problem
                    WHEN indicator IS NULL THEN 'column ''{c['trade_flow']}'': unknown trade flow ''' || coalesce(raw_flow, '') || ''' (Export, Import, Re-Export or Re-Import)'
                    WHEN iso3 IS NULL THEN 'column ''{c['reporter_code']}'': unknown reporter code ''' || coalesce(raw_reporter, '') || ''''
                    WHEN coalesce(TRY_CAST(TRY_CAST(raw_partner AS DOUBLE) AS INTEGER), -1) <> 0
                        THEN 'column ''{c['partner_code']}'': partner ''' || coalesce(raw_partner, '') || ''' is not the World (0): not a national total (bilateral rows: bilat ingest comtrade)'
                    WHEN coalesce(raw_commodity, '') <> 'TOTAL'
                        THEN 'column ''{c['commodity_code']}'': commodity ''' || coalesce(raw_commodity, '') || ''' is not TOTAL: a part of the total, not the total'
                    WHEN TRY_CAST(raw_value AS DOUBLE) < 0
                        THEN 'column ''{c['trade_value_usd']}'': negative trade total ''' || raw_value || ''''
                END AS _problem,
                raw_reporter AS _raw_country, raw_year AS _raw_year, raw_value AS _raw_value
            FROM cw WHERE NOT ({part} OR {empty})
            """
        )
        note = dropped_note(
            [
                (n_part, "Re-Export/Re-Import rows (parts of exports and imports, not totals) not stored"),
                (n_empty, "empty values (no data) skipped"),
            ]
        )
        return Staged(
            table="staged",
            raw_columns={"country": chosen["reporter_code"], "year": chosen["year"], "value": chosen["trade_value_usd"]},
            note=note,
        )


def _register_codes(con: duckdb.DuckDBPyConnection) -> None:
    """Tables ``cw_codes`` (M49/Comtrade numeric code -> ISO3) and ``cw_flows`` (flow -> indicator)."""
    from bilat.nomenclature._tables import tables

    numeric = sorted(tables().numeric_to_iso3.items())
    con.register(
        "cw_codes_arrow",
        pa.table({"code": pa.array([n for n, _ in numeric], pa.int32()), "iso3": pa.array([i for _, i in numeric], pa.string())}),
    )
    con.execute("CREATE TABLE cw_codes AS SELECT * FROM cw_codes_arrow")
    con.unregister("cw_codes_arrow")
    con.register("cw_flows_arrow", pa.table({"flow": pa.array(list(FLOWS)), "indicator": pa.array(list(FLOWS.values()))}))
    con.execute("CREATE TABLE cw_flows AS SELECT * FROM cw_flows_arrow")
    con.unregister("cw_flows_arrow")
