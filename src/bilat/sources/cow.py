"""Correlates of War (COW) National Trade v4.0: each country's total imports or exports, 1870-2014.

Layout: ``country_code,country,source1,source2,year,exports`` (or ``imports``; one file per
flow). Some copies name the year column ``variable``: both are accepted. Values are current USD
**millions**, multiplied out at ingestion; rows go to ``indicators`` as ``exports_total_usd`` or
``imports_total_usd``. Empty values are "no data" and are skipped (counted in the note).

Why a code table: COW uses its own three-letter state abbreviations, and several of them are the
ISO3 code of a *different* country (COW ``SWZ`` is Switzerland, ISO ``SWZ`` Eswatini; COW ``AUS``
is Austria, ISO ``AUS`` Australia). Only codes in :data:`COW_TO_ISO3` are accepted; an unknown
code is an error rather than a guess. States that no ISO3 code describes (Austria-Hungary, the
German states before 1871...) are dropped and counted. Former states keep bilat's former-state
codes (Czechoslovakia CSK, East Germany DDR), and COW's ``RUS`` is the Soviet Union (SUN) from
1922 to 1991, Russia (RUS) otherwise. COW's ``GMY`` (Germany; West Germany 1960-1989 in this
series) and ``GFR`` (1955-1959) are both DEU, as UN Comtrade counts the Federal Republic.
"""

from __future__ import annotations

import duckdb
import pyarrow as pa

from bilat.errors import Problem, ValidationError
from bilat.schema import EXPORTS_TOTAL_USD, IMPORTS_TOTAL_USD
from bilat.sources._raw import dropped_note, load_raw_csv
from bilat.sources.base import StageContext, Staged

# COW state abbreviation -> ISO3 ("" = no ISO3 code: dropped and counted). "FRA" is accepted as
# France too, because the COW extracts in circulation use it beside COW's own "FRN".
_TABLE = """
USA:USA CAN:CAN BHM:BHS CUB:CUB HAI:HTI DOM:DOM JAM:JAM TRI:TTO BAR:BRB DMA:DMA GRN:GRD SLU:LCA SVG:VCT
AAB:ATG SKN:KNA MEX:MEX BLZ:BLZ GUA:GTM HON:HND SAL:SLV NIC:NIC COS:CRI PAN:PAN COL:COL VEN:VEN GUY:GUY
SUR:SUR ECU:ECU PER:PER BRA:BRA BOL:BOL PAR:PRY CHL:CHL ARG:ARG URU:URY UKG:GBR IRE:IRL NTH:NLD BEL:BEL
LUX:LUX FRN:FRA FRA:FRA MNC:MCO LIE:LIE SWZ:CHE SPN:ESP AND:AND POR:PRT HAN: BAV: GMY:DEU GFR:DEU GDR:DDR
BAD: SAX: WRT: HSE: HSG: MEC: POL:POL AUH: AUS:AUT HUN:HUN CZE:CSK CZR:CZE SLO:SVK ITA:ITA PAP: SIC:
SNM:SMR MOD: PMA: TUS: MLT:MLT ALB:ALB MNG:MNE MAC:MKD CRO:HRV YUG:YUG BOS:BIH KOS:XKX SLV:SVN GRC:GRC
CYP:CYP BUL:BGR MLD:MDA RUM:ROU RUS:RUS EST:EST LAT:LVA LIT:LTU UKR:UKR BLR:BLR ARM:ARM GRG:GEO AZE:AZE
FIN:FIN SWD:SWE NOR:NOR DEN:DNK ICE:ISL CAP:CPV STP:STP GNB:GNB EQG:GNQ GAM:GMB MLI:MLI SEN:SEN BEN:BEN
MAA:MRT NIR:NER CDI:CIV GUI:GIN BFO:BFA LBR:LBR SIE:SLE GHA:GHA TOG:TGO CAO:CMR NIG:NGA GAB:GAB CEN:CAF
CHA:TCD CON:COG DRC:COD UGA:UGA KEN:KEN TAZ:TZA ZAN: BUI:BDI RWA:RWA SOM:SOM DJI:DJI ETH:ETH ERI:ERI
ANG:AGO MZM:MOZ ZAM:ZMB ZIM:ZWE MAW:MWI SAF:ZAF NAM:NAM LES:LSO BOT:BWA SWA:SWZ MAG:MDG COM:COM MAS:MUS
SEY:SYC MOR:MAR ALG:DZA TUN:TUN LIB:LBY SUD:SDN SSD:SSD IRN:IRN TUR:TUR IRQ:IRQ EGY:EGY SYR:SYR LEB:LBN
JOR:JOR ISR:ISR SAU:SAU YAR:YEM YEM:YEM YPR:YMD KUW:KWT BAH:BHR QAT:QAT UAE:ARE OMA:OMN AFG:AFG TKM:TKM
TAJ:TJK KYR:KGZ UZB:UZB KZK:KAZ CHN:CHN MON:MNG TAW:TWN KOR: PRK:PRK ROK:KOR JPN:JPN IND:IND BHU:BTN
PAK:PAK BNG:BGD MYA:MMR SRI:LKA MAD:MDV NEP:NPL THI:THA CAM:KHM LAO:LAO DRV:VNM RVN: MAL:MYS SIN:SGP
BRU:BRN PHI:PHL INS:IDN ETM:TLS AUL:AUS PNG:PNG NEW:NZL VAN:VUT SOL:SLB KIR:KIR TUV:TUV FIJ:FJI TON:TON
NAU:NRU MSI:MHL PAL:PLW FSM:FSM WSM:WSM
"""
COW_TO_ISO3: dict[str, str] = dict(pair.split(":") for pair in _TABLE.split())
#: COW "RUS" is the Soviet Union in these years.
SOVIET_YEARS = (1922, 1991)
FLOW_COLUMNS = {"exports": EXPORTS_TOTAL_USD, "imports": IMPORTS_TOTAL_USD}


class CowSource:
    """Loader for Correlates of War national trade totals (exports or imports, USD millions)."""

    name = "cow"
    table = "indicators"
    description = "Correlates of War national trade totals (country_code,country,...,year,exports|imports; USD millions)"

    def stage(self, con: duckdb.DuckDBPyConnection, ctx: StageContext) -> Staged:
        from bilat.sources._raw import first_line

        header = [c.strip().strip('"') for c in first_line(ctx).split(",")]
        flows = [c for c in FLOW_COLUMNS if c in header]
        if len(flows) != 1:
            raise ValidationError(
                [Problem(ctx.display_name, 1, None, "a COW file needs exactly one value column, 'exports' or 'imports'")]
            )
        flow = flows[0]
        year_column = "year" if "year" in header else "variable"
        names = load_raw_csv(con, ctx, ["country_code", year_column, flow], hint="A COW file has country_code,country,source1,source2,year,exports")
        con.register(
            "cow_codes_arrow",
            pa.table({"cow": pa.array(list(COW_TO_ISO3), pa.string()), "iso3": pa.array(list(COW_TO_ISO3.values()), pa.string())}),
        )
        con.execute("CREATE TABLE cow_codes AS SELECT * FROM cow_codes_arrow")
        con.unregister("cow_codes_arrow")
        con.execute(
            f"""CREATE TABLE cow AS SELECT r._line, r._problem, upper(trim(r.{names['country_code']})) AS code,
                trim(r.{names[year_column]}) AS raw_year, trim(r.{names[flow]}) AS raw_value, c.iso3
            FROM raw r LEFT JOIN cow_codes c ON c.cow = upper(trim(r.{names['country_code']}))"""
        )
        empty = "(_problem IS NULL AND coalesce(raw_value, '') IN ('', 'NA', '.'))"
        stateless = "(_problem IS NULL AND coalesce(iso3 = '', false))"
        n_empty, n_stateless, which = con.execute(
            f"SELECT count(*) FILTER (WHERE {empty}), count(*) FILTER (WHERE NOT {empty} AND {stateless}),"
            f" string_agg(DISTINCT code, ', ' ORDER BY code) FILTER (WHERE NOT {empty} AND {stateless}) FROM cow"
        ).fetchall()[0]
        first, last = SOVIET_YEARS
        con.execute(
            f"""
            CREATE TABLE staged AS
            SELECT
                CASE WHEN code = 'RUS' AND TRY_CAST(raw_year AS INTEGER) BETWEEN {first} AND {last} THEN 'SUN'
                     ELSE coalesce(iso3, code) END AS country,
                TRY_CAST(TRY_CAST(raw_year AS DOUBLE) AS SMALLINT) AS year,
                '{FLOW_COLUMNS[flow]}' AS indicator,
                TRY_CAST(raw_value AS DOUBLE) * 1e6 AS value,
                'USD' AS unit,
                'cow' AS source,
                _line,
                CASE
                    WHEN _problem IS NOT NULL THEN _problem
                    WHEN iso3 IS NULL THEN 'column ''country_code'': unknown COW state code ''' || code || ''''
                    WHEN TRY_CAST(raw_value AS DOUBLE) < 0 THEN 'column ''{flow}'': negative trade total ''' || raw_value || ''''
                END AS _problem,
                code AS _raw_country, raw_year AS _raw_year, raw_value AS _raw_value
            FROM cow WHERE NOT ({empty} OR {stateless})
            """
        )
        con.execute(
            """
            UPDATE staged SET _problem = 'the same country and year as line ' || d.first_line || ' with another value'
            FROM (SELECT _line, first_value(_line) OVER w AS first_line, row_number() OVER w AS k
                  FROM staged WHERE _problem IS NULL WINDOW w AS (PARTITION BY country, year ORDER BY _line)) d
            WHERE staged._line = d._line AND d.k > 1 AND staged._problem IS NULL
            """
        )
        note = dropped_note(
            [
                (n_empty, "empty values (no data) skipped"),
                (n_stateless, f"rows of states without an ISO3 code ({which}) not stored"),
            ]
        )
        return Staged(
            table="staged", raw_columns={"country": "country_code", "year": year_column, "value": flow}, note=note
        )
