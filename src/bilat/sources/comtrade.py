"""UN Comtrade: flows as declared by one reporter, by HS chapter, heading or subheading.

Three layouts are read (the loader tells them apart by their columns):

* the **classic CSV** of the legacy comtrade.un.org site (``Classification,Year,...,Trade Flow
  Code,...,Reporter ISO,...,Partner ISO,Commodity Code,...,Netweight (kg),Trade Value (US$)``;
  trade flow code 1 import, 2 export, 3 re-export, 4 re-import);
* the **Comtrade+ CSV** (downloads and the API's CSV: ``refYear``/``period``, ``reporterCode``/
  ``reporterISO``, ``partnerCode``/``partnerISO``, ``flowCode`` X/M/RX/RM, ``cmdCode``,
  ``primaryValue``, ``netWgt``, ``classificationCode`` H0..H6);
* the **Comtrade+ API JSON** response ``{"data": [{...the same keys...}]}`` (what
  :mod:`bilat.sources.comtrade_api` saves). For JSON, "line" in messages is the record number.

Why the orientation: Comtrade rows are one country's declaration. An import declared by Japan
from Israel becomes exporter ISR, importer JPN, reporter JPN, flow M, valuation CIF; an export
declared by Israel to Japan is exporter ISR, importer JPN, reporter ISR, flow X, valuation FOB.
Both declarations of the same trade are kept: they differ (CIF/FOB, timing, coverage) and the
comparison is informative. Which one a question uses is the analytics' choice, via ``reporter``.

Countries: the ISO column is used when it holds a code bilat knows; otherwise the numeric code
(Comtrade's M49 variants, e.g. 842 USA, 490 "Other Asia, nes" = Taiwan); areas with neither
("Areas, nes", "Bunkers", "Free Zones"...) keep the stand-in BACI uses (``X`` + the last two
digits of the code), so that partner totals still add up to World.

Not stored, and counted in the ingestion note: breakdowns that would double-count the totals
(by mode of transport, customs procedure or second partner, when those columns are present) and
flow codes other than X/M/RX/RM (Comtrade+ also publishes DX, FM and processing flows, which are
parts of X and M).
"""

from __future__ import annotations

import duckdb
import pyarrow as pa

from bilat.sql import quote_literal
from bilat.errors import Problem, ValidationError
from bilat.sources._raw import (
    dropped_note,
    first_line,
    load_raw_csv,
    load_raw_records,
    looks_like_json,
    read_json_document,
)
from bilat.sources.base import StageContext, Staged

#: Comtrade classification codes -> HS revision year. "HS" (as reported, mixed) has no single one.
HS_REVISION_OF = {"H0": 1992, "H1": 1996, "H2": 2002, "H3": 2007, "H4": 2012, "H5": 2017, "H6": 2022}

CLASSIC_REQUIRED = [
    "Classification",
    "Year",
    "Trade Flow Code",
    "Reporter Code",
    "Reporter ISO",
    "Partner Code",
    "Partner ISO",
    "Commodity Code",
    "Trade Value (US$)",
]
PLUS_REQUIRED = ["flowCode", "cmdCode", "primaryValue"]

_CLASSIC_HINT = "A classic Comtrade CSV has the header Classification,Year,Period,...,Trade Value (US$),Flag"
_PLUS_HINT = "A Comtrade+ file has the columns refYear, reporterCode, partnerCode, flowCode, cmdCode, primaryValue"


#: Comtrade area codes that look like ISO3 but are not countries: kept under a stand-in code.
NON_ISO_AREAS = {"EUN", "EU2", "EUR", "EU"}

# canonical role -> candidate input columns, per layout (first present wins).
_CLASSIC_COLUMNS = {
    "year": ["Year"],
    "period": ["Period"],
    "reporter_iso": ["Reporter ISO"],
    "reporter_code": ["Reporter Code"],
    "partner_iso": ["Partner ISO"],
    "partner_code": ["Partner Code"],
    "flow": ["Trade Flow Code"],
    "classification": ["Classification"],
    "cmd": ["Commodity Code"],
    "level": ["Aggregate Level"],
    "value": ["Trade Value (US$)"],
    "netwgt": ["Netweight (kg)"],
}
_PLUS_COLUMNS = {
    "year": ["refYear", "period"],
    "period": ["period"],
    "freq": ["freqCode"],
    "reporter_iso": ["reporterISO"],
    "reporter_code": ["reporterCode"],
    "partner_iso": ["partnerISO"],
    "partner_code": ["partnerCode"],
    "flow": ["flowCode"],
    "classification": ["classificationCode"],
    "cmd": ["cmdCode"],
    "level": ["aggrLevel"],
    "value": ["primaryValue"],
    "netwgt": ["netWgt"],
    "partner2": ["partner2Code"],
    "mot": ["motCode"],
    "customs": ["customsCode"],
}
_CLASSIC_FLOWS = "CASE {c} WHEN '1' THEN 'M' WHEN '2' THEN 'X' WHEN '3' THEN 'RX' WHEN '4' THEN 'RM' ELSE '?' || {c} END"


class ComtradeSource:
    """Loader for UN Comtrade exports: classic CSV, Comtrade+ CSV and Comtrade+ API JSON."""

    name = "comtrade"
    table = "product_flows"
    description = "UN Comtrade HS flows by reporter (classic CSV, Comtrade+ CSV or API JSON)"
    #: One row per reporter, flow, partner and commodity a year: a repeat would double a total.
    key_columns = ("year", "reporter", "flow", "exporter", "importer", "hs_code")

    def stage(self, con: duckdb.DuckDBPyConnection, ctx: StageContext) -> Staged:
        if looks_like_json(ctx):
            names = load_raw_records(con, ctx, _api_records(ctx), PLUS_REQUIRED, hint=_PLUS_HINT)
            layout = "plus"
        else:
            header = first_line(ctx)
            layout = "classic" if "Trade Flow Code" in header or "Commodity Code" in header else "plus"
            if layout == "classic":
                names = load_raw_csv(con, ctx, CLASSIC_REQUIRED, hint=_CLASSIC_HINT)
            else:
                names = load_raw_csv(con, ctx, PLUS_REQUIRED, hint=_PLUS_HINT)
        if layout == "plus":
            _require_one_of(ctx, names, [("refYear", "period"), ("reporterISO", "reporterCode"), ("partnerISO", "partnerCode")])
        candidates = _CLASSIC_COLUMNS if layout == "classic" else _PLUS_COLUMNS
        source_of: dict[str, str] = {}
        sql_of: dict[str, str] = {}
        for role, options in candidates.items():
            found = next((c for c in options if c in names), None)
            source_of[role] = found or options[0]
            sql_of[role] = f'trim(CAST("{names[found]}" AS VARCHAR))' if found else "CAST(NULL AS VARCHAR)"
        if layout == "classic":
            sql_of["flow"] = _CLASSIC_FLOWS.format(c=sql_of["flow"])
        else:
            sql_of["flow"] = f"upper({sql_of['flow']})"
        _register_country_codes(con)
        return _stage(con, sql_of, source_of)


def _stage(con: duckdb.DuckDBPyConnection, sql_of: dict[str, str], source_of: dict[str, str]) -> Staged:
    def s(role: str) -> str:
        return sql_of.get(role, "CAST(NULL AS VARCHAR)")

    con.execute("CREATE OR REPLACE MACRO quote(x) AS chr(39) || x || chr(39)")
    con.execute(
        f"""
        CREATE TABLE ct AS
        SELECT _line, _problem,
            {s('year')} AS raw_year, {s('period')} AS raw_period, upper({s('freq')}) AS freq,
            upper({s('reporter_iso')}) AS reporter_iso, {s('reporter_code')} AS reporter_code,
            upper({s('partner_iso')}) AS partner_iso, {s('partner_code')} AS partner_code,
            {s('flow')} AS flow, upper({s('classification')}) AS classification, {s('cmd')} AS cmd,
            {s('level')} AS raw_level, {s('value')} AS raw_value, {s('netwgt')} AS raw_netwgt,
            {s('partner2')} AS partner2, {s('mot')} AS mot, upper({s('customs')}) AS customs
        FROM raw
        """
    )
    breakdown = (
        "(coalesce(partner2, '0') NOT IN ('0', '') OR coalesce(mot, '0') NOT IN ('0', '')"
        " OR coalesce(customs, 'C00') NOT IN ('C00', ''))"
    )
    other_flow = "(flow NOT IN ('X', 'M', 'RX', 'RM') AND flow NOT LIKE '?%')"
    n_breakdown, n_other = con.execute(
        f"SELECT count(*) FILTER (WHERE {breakdown}), count(*) FILTER (WHERE NOT {breakdown} AND {other_flow})"
        " FROM ct WHERE _problem IS NULL"
    ).fetchall()[0]
    con.execute(f"DELETE FROM ct WHERE _problem IS NULL AND ({breakdown} OR {other_flow})")
    non_iso = ", ".join(f"'{c}'" for c in sorted(NON_ISO_AREAS))
    side_sql = {}
    for side in ("reporter", "partner"):
        iso, code = f"ct.{side}_iso", f"TRY_CAST(TRY_CAST(ct.{side}_code AS DOUBLE) AS INTEGER)"
        side_sql[side] = f"""CASE
            WHEN {iso} IN ('WLD', 'W00') OR {code} = 0 THEN 'WLD'
            WHEN k_{side}.iso3 IS NOT NULL THEN k_{side}.iso3
            WHEN n_{side}.iso3 IS NOT NULL THEN n_{side}.iso3
            WHEN {code} BETWEEN 1 AND 999 AND (coalesce({iso}, '') = '' OR {iso} IN ({non_iso})
                OR NOT regexp_full_match({iso}, '[A-Z]{{3}}'))
                THEN 'X' || lpad(CAST({code} % 100 AS VARCHAR), 2, '0')
        END"""
    col = {role: source_of[role] for role in source_of}
    con.execute(
        f"""
        CREATE TABLE staged AS
        WITH resolved AS (
            SELECT ct.*,
                {side_sql['reporter']} AS rep,
                {side_sql['partner']} AS par,
                CASE
                    WHEN upper(cmd) IN ('TOTAL', 'ALL') THEN 'TOTAL'
                    WHEN regexp_full_match(cmd, '[0-9]|[0-9]{{3}}|[0-9]{{5}}') THEN lpad(cmd, CAST(length(cmd) + 1 AS INTEGER), '0')
                    ELSE cmd
                END AS hs,
                TRY_CAST(raw_value AS DOUBLE) AS value,
                TRY_CAST(NULLIF(raw_netwgt, '') AS DOUBLE) AS netwgt
            FROM ct
            LEFT JOIN comtrade_known k_reporter ON k_reporter.iso3 = ct.reporter_iso
            LEFT JOIN comtrade_known k_partner ON k_partner.iso3 = ct.partner_iso
            LEFT JOIN comtrade_numeric n_reporter ON n_reporter.code = TRY_CAST(TRY_CAST(ct.reporter_code AS DOUBLE) AS INTEGER)
            LEFT JOIN comtrade_numeric n_partner ON n_partner.code = TRY_CAST(TRY_CAST(ct.partner_code AS DOUBLE) AS INTEGER)
        )
        SELECT
            TRY_CAST(TRY_CAST(raw_year AS DOUBLE) AS SMALLINT) AS year,
            CASE WHEN flow IN ('M', 'RM') THEN par ELSE rep END AS exporter,
            CASE WHEN flow IN ('M', 'RM') THEN rep ELSE par END AS importer,
            rep AS reporter,
            flow,
            CAST({_revision_case()} AS SMALLINT) AS hs_revision,
            hs AS hs_code,
            CAST(CASE WHEN hs = 'TOTAL' THEN 0 ELSE length(hs) END AS TINYINT) AS hs_level,
            value AS value_usd,
            netwgt / 1000.0 AS quantity_t,
            CASE WHEN flow IN ('M', 'RM') THEN 'CIF' ELSE 'FOB' END AS valuation,
            'comtrade' AS source,
            _line,
            CASE
                WHEN _problem IS NOT NULL THEN _problem
                WHEN flow LIKE '?%' THEN {_lit(col['flow'])} || ': unknown trade flow code ' || quote(substr(flow, 2))
                    || ' (1 import, 2 export, 3 re-export, 4 re-import)'
                WHEN freq = 'M' OR length(coalesce(raw_period, '')) = 6
                    THEN {_lit(col['period'])} || ': monthly record; bilat stores annual data (download with freqCode A)'
                WHEN coalesce(classification, '') NOT IN ('', 'HS') AND classification NOT IN ({", ".join(f"'{k}'" for k in HS_REVISION_OF)})
                    THEN {_lit(col['classification'])} || ': classification ' || quote(classification)
                    || ' is not an HS revision H0-H6 (bilat stores HS data only)'
                WHEN rep IS NULL THEN {_lit(col['reporter_iso'])} || ': unknown reporter ' || quote(coalesce(reporter_iso, ''))
                    || ' (code ' || coalesce(reporter_code, 'none') || ')'
                WHEN par IS NULL THEN {_lit(col['partner_iso'])} || ': unknown partner ' || quote(coalesce(partner_iso, ''))
                    || ' (code ' || coalesce(partner_code, 'none') || ')'
                WHEN netwgt IS NULL AND coalesce(raw_netwgt, '') <> '' THEN {_lit(col['netwgt'])}
                    || ': net weight is not a number ' || quote(raw_netwgt)
                WHEN coalesce(raw_level, '') <> '' AND hs <> 'TOTAL' AND regexp_full_match(hs, '[0-9]+')
                    AND TRY_CAST(raw_level AS INTEGER) IS DISTINCT FROM length(hs)
                    THEN {_lit(col['level'])} || ': aggregate level ' || raw_level || ' does not match the '
                    || length(hs) || '-digit commodity code ' || quote(hs)
            END AS _problem,
            raw_year AS _raw_year,
            cmd AS _raw_hs_code,
            raw_value AS _raw_value_usd,
            raw_netwgt AS _raw_quantity_t
        FROM resolved
        """
    )
    note = dropped_note(
        [
            (n_breakdown, "breakdown rows (by transport mode, customs procedure or second partner) not stored"),
            (n_other, "rows of flows other than X/M/RX/RM (DX, FM, processing) not stored"),
        ]
    )
    standins = con.execute(
        "SELECT string_agg(DISTINCT code, ', ' ORDER BY code) FROM (SELECT exporter AS code FROM staged"
        " UNION ALL SELECT importer FROM staged) WHERE regexp_full_match(code, 'X[0-9]{2}')"
    ).fetchall()[0][0]
    if standins:
        note = "; ".join(p for p in [note, f"areas without an ISO code kept under stand-ins {standins}"] if p)
    return Staged(
        table="staged",
        raw_columns={
            "year": col["year"],
            "reporter": col["reporter_iso"],
            "flow": col["flow"],
            "hs_code": col["cmd"],
            "value_usd": col["value"],
            "quantity_t": col["netwgt"],
        },
        note=note,
    )


def _lit(text: str) -> str:
    return quote_literal(f"column {text!r}")


def _revision_case() -> str:
    whens = " ".join(f"WHEN classification = '{k}' THEN {v}" for k, v in HS_REVISION_OF.items())
    return f"CASE {whens} END"


def _register_country_codes(con: duckdb.DuckDBPyConnection) -> None:
    """Tables ``comtrade_known`` (ISO3 codes bilat knows) and ``comtrade_numeric`` (code -> ISO3)."""
    from bilat.nomenclature._tables import tables
    from bilat.nomenclature.countries import country_names

    known = sorted(set(country_names()["iso3"]))
    numeric = sorted(tables().numeric_to_iso3.items())
    con.register("known_arrow", pa.table({"iso3": pa.array(known, pa.string())}))
    con.execute("CREATE OR REPLACE TABLE comtrade_known AS SELECT * FROM known_arrow")
    con.unregister("known_arrow")
    con.register(
        "numeric_arrow",
        pa.table({"code": pa.array([c for c, _ in numeric], pa.int32()), "iso3": pa.array([i for _, i in numeric], pa.string())}),
    )
    con.execute("CREATE OR REPLACE TABLE comtrade_numeric AS SELECT * FROM numeric_arrow")
    con.unregister("numeric_arrow")


def _api_records(ctx: StageContext) -> list[dict[str, object]]:
    document = read_json_document(ctx)
    if isinstance(document, dict):
        error = document.get("error")
        if error:
            raise ValidationError([Problem(ctx.display_name, None, None, f"the Comtrade response reports an error: {error}")])
        data = document.get("data")
    else:
        data = document
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise ValidationError(
            [Problem(ctx.display_name, None, None, 'not a Comtrade API response: expected {"data": [ {...}, ... ]}')]
        )
    if not data:
        raise ValidationError([Problem(ctx.display_name, None, None, "the Comtrade response has no data records")])
    return data


def _require_one_of(ctx: StageContext, names: dict[str, str], groups: list[tuple[str, ...]]) -> None:
    missing = [" or ".join(repr(c) for c in group) for group in groups if not any(c in names for c in group)]
    if missing:
        raise ValidationError([Problem(ctx.display_name, 1, None, f"missing column(s) {', '.join(missing)}. {_PLUS_HINT}")])
