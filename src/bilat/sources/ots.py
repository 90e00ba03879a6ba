"""Open Trade Statistics (tradestatistics.io): each country's exports to the world by HS4 heading.

Layout: ``year,reporter_iso,product_code,export_value_usd`` (``reporter_iso`` in lower case,
``product_code`` a 4-digit HS heading, value in current USD, empty when OTS has no figure).

Rows go to ``product_flows`` as exporter = reporter, importer ``WLD``, flow X, valuation FOB,
HS level 4. The HS revision is 2007: the 1,222 headings of the 2017 file are exactly the HS 2007
headings plus 9999 (checked against bilat's concordance tables: HS 2012's 0308, 3826, 9619 are
absent, and nothing outside HS 2007 is present); the option ``hs_revision`` overrides it for
files of other OTS releases.

Caveat: OTS builds its figures from UN Comtrade with its own mirror reconciliation; its totals
run above national customs figures (Japan 2017: 833 bn USD against about 698 bn), so they suit
shares and revealed comparative advantage better than absolute levels.

Empty values are "no data", not errors: they are skipped and counted in the ingestion note.
"""

from __future__ import annotations

import duckdb

from bilat.sources._raw import dropped_note, load_raw_csv
from bilat.sources.baci_rules import hs_revision_option
from bilat.sources.base import StageContext, Staged

REQUIRED = ["year", "reporter_iso", "product_code", "export_value_usd"]
DEFAULT_HS_REVISION = 2007


class OtsSource:
    """Loader for Open Trade Statistics country-by-HS4 world exports."""

    name = "ots"
    table = "product_flows"
    description = "Open Trade Statistics exports to the world by HS4 (year,reporter_iso,product_code,export_value_usd)"

    #: One export value per reporter, product and year: a repeat would double a total.
    key_columns = ("year", "exporter", "importer", "hs_code")

    def stage(self, con: duckdb.DuckDBPyConnection, ctx: StageContext) -> Staged:
        names = load_raw_csv(
            con, ctx, REQUIRED, hint="An OTS file has the header year,reporter_iso,product_code,export_value_usd"
        )
        revision = hs_revision_option(ctx) or DEFAULT_HS_REVISION  # refused unless an HS revision
        value = f"trim({names['export_value_usd']})"
        empty = f"(_problem IS NULL AND coalesce({value}, '') IN ('', 'NA'))"
        (skipped,) = con.execute(f"SELECT count(*) FILTER (WHERE {empty}) FROM raw").fetchall()[0]
        code = f"trim({names['product_code']})"
        con.execute(
            f"""
            CREATE TABLE staged AS
            SELECT
                TRY_CAST(TRY_CAST(trim({names['year']}) AS DOUBLE) AS SMALLINT) AS year,
                upper(trim({names['reporter_iso']})) AS exporter,
                'WLD' AS importer,
                upper(trim({names['reporter_iso']})) AS reporter,
                'X' AS flow,
                CAST({revision} AS SMALLINT) AS hs_revision,
                CASE WHEN regexp_full_match({code}, '[0-9]{{3}}') THEN lpad({code}, 4, '0') ELSE {code} END AS hs_code,
                CAST(4 AS TINYINT) AS hs_level,
                TRY_CAST({value} AS DOUBLE) AS value_usd,
                CAST(NULL AS DOUBLE) AS quantity_t,
                'FOB' AS valuation,
                'ots' AS source,
                _line,
                _problem,
                trim({names['year']}) AS _raw_year,
                trim({names['reporter_iso']}) AS _raw_exporter,
                trim({names['reporter_iso']}) AS _raw_reporter,
                {code} AS _raw_hs_code,
                {value} AS _raw_value_usd
            FROM raw
            WHERE NOT {empty}
            """
        )
        return Staged(
            table="staged",
            raw_columns={
                "year": "year",
                "exporter": "reporter_iso",
                "reporter": "reporter_iso",
                "hs_code": "product_code",
                "value_usd": "export_value_usd",
            },
            note=dropped_note([(skipped, "empty values (no data) skipped")]),
        )
