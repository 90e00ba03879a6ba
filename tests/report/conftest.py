"""A small "embedded dataset" cut from the real files in ../shared/data, for the pair tests.

Why not the shipped embedded data: it is built by another part of bilat and may change; these
tests need data they control. The fixture converts real rows to the canonical tables with plain
DuckDB SQL, independently of bilat's loaders:

* country_flows: IMF DOTS exports FOB of every reporter to Israel or Japan and of Israel and Japan
  to every partner (USD millions × 1e6), ``source = 'imf_dots'``;
* product_flows: UN Comtrade HS 27 and HS 44 rows 2012-2017 with Israel or Japan as reporter or
  partner (both declarations), and Open Trade Statistics 2017 world exports (HS4) of ISR and JPN;
* indicators: World Bank GDP of ISR and JPN, COW total imports/exports of Japan (USD millions × 1e6;
  the COW imports file names its year column ``variable``).

``pair_data`` points the engines at that folder (as if it were the embedded dataset).
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest

from bilat.schema import TABLES

PAIR = ("ISR", "JPN")


@pytest.fixture(scope="session")
def pair_data_dir(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from bilat.nomenclature.countries import imf_name_to_iso3

    out = tmp_path_factory.mktemp("pair_embedded")
    con = duckdb.connect()
    dots = shared_data / "imf_dots_SamLeBlanc" / "imf_dots_exports_fob_by_partner_1960_2020_long.csv.gz"
    con.execute(f"CREATE TABLE dots AS SELECT * FROM read_csv('{dots}', header=true, all_varchar=true)")
    names = [r[0] for r in con.execute("SELECT DISTINCT reporter FROM dots UNION SELECT DISTINCT partner FROM dots").fetchall()]
    mapping = []
    for name in names:
        try:
            code = imf_name_to_iso3(name)
        except Exception:  # noqa: BLE001 - names bilat cannot map are left out of the fixture
            code = None
        if code:
            mapping.append((name, code))
    con.register("names", pd.DataFrame(mapping, columns=["name", "iso3"]))
    con.execute(
        """
        CREATE TABLE country_flows AS
        SELECT CAST(d.year AS SMALLINT) AS year, r.iso3 AS reporter, p.iso3 AS partner, 'X' AS flow,
               CAST(d.exports_fob_usd_millions AS DOUBLE) * 1e6 AS value_usd, 'FOB' AS valuation,
               'imf_dots' AS source, 'fixture-dots' AS file_id
        FROM dots d JOIN names r ON d.reporter = r.name JOIN names p ON d.partner = p.name
        WHERE r.iso3 IN ('ISR', 'JPN') OR p.iso3 IN ('ISR', 'JPN')
        """
    )
    comtrade_dir = shared_data / "comtrade_hs27_hs44_pmacg"
    files = [str(comtrade_dir / f"comtrade_{kind}_{year}.csv.gz") for year in range(2012, 2018) for kind in ("oil_HS27", "wood_HS44")]
    con.execute(
        f"""
        CREATE TABLE ct AS SELECT * FROM read_csv({files!r}, header=true, all_varchar=true, union_by_name=true)
        """
    )
    con.execute(
        """
        CREATE TABLE product_flows AS
        SELECT CAST("Year" AS SMALLINT) AS year,
               CASE WHEN "Trade Flow Code" = '2' THEN "Reporter ISO" ELSE "Partner ISO" END AS exporter,
               CASE WHEN "Trade Flow Code" = '2' THEN "Partner ISO" ELSE "Reporter ISO" END AS importer,
               "Reporter ISO" AS reporter,
               CASE WHEN "Trade Flow Code" = '2' THEN 'X' ELSE 'M' END AS flow,
               CAST(2012 AS SMALLINT) AS hs_revision, lpad("Commodity Code", 2, '0') AS hs_code,
               CAST(2 AS TINYINT) AS hs_level, CAST("Trade Value (US$)" AS DOUBLE) AS value_usd,
               CAST(NULL AS DOUBLE) AS quantity_t,
               CASE WHEN "Trade Flow Code" = '2' THEN 'FOB' ELSE 'CIF' END AS valuation,
               'comtrade' AS source, 'fixture-comtrade' AS file_id
        FROM ct
        WHERE "Trade Flow Code" IN ('1', '2')
          AND ("Reporter ISO" IN ('ISR', 'JPN') OR "Partner ISO" IN ('ISR', 'JPN'))
          AND "Partner ISO" IS NOT NULL AND "Reporter ISO" IS NOT NULL
        """
    )
    ots = shared_data / "tradestatistics_economiccomplexity" / "world_trade_2017.csv.gz"
    con.execute(
        f"""
        INSERT INTO product_flows
        SELECT CAST(year AS SMALLINT), upper(reporter_iso), 'WLD', upper(reporter_iso), 'X', CAST(2007 AS SMALLINT),
               lpad(product_code, 4, '0'), CAST(4 AS TINYINT), CAST(export_value_usd AS DOUBLE), NULL, 'FOB', 'ots',
               'fixture-ots'
        FROM read_csv('{ots}', header=true, all_varchar=true)
        WHERE export_value_usd IS NOT NULL AND export_value_usd <> '' AND upper(reporter_iso) IN ('ISR', 'JPN', 'KOR', 'DEU')
        """
    )
    gdp = shared_data / "worldbank_gdp_datahub" / "gdp.csv"
    cow_imports = shared_data / "tradhist_patentcity" / "imports_xx.csv"
    cow_exports = shared_data / "tradhist_patentcity" / "exports_xx.csv"
    con.execute(
        f"""
        CREATE TABLE indicators AS
        SELECT "Country Code" AS country, CAST("Year" AS SMALLINT) AS year, 'gdp_usd' AS indicator,
               CAST("Value" AS DOUBLE) AS value, 'USD' AS unit, 'worldbank' AS source, 'fixture-wb' AS file_id
        FROM read_csv('{gdp}', header=true, all_varchar=true) WHERE "Country Code" IN ('ISR', 'JPN')
        UNION ALL
        SELECT country_code, CAST(variable AS SMALLINT), 'imports_total_usd', CAST(imports AS DOUBLE) * 1e6, 'USD', 'cow', 'fixture-cow'
        FROM read_csv('{cow_imports}', header=true, all_varchar=true) WHERE country_code = 'JPN' AND imports <> ''
        UNION ALL
        SELECT country_code, CAST(year AS SMALLINT), 'exports_total_usd', CAST(exports AS DOUBLE) * 1e6, 'USD', 'cow', 'fixture-cow'
        FROM read_csv('{cow_exports}', header=true, all_varchar=true) WHERE country_code = 'JPN' AND exports <> ''
        """
    )
    for table, columns in TABLES.items():
        select = ", ".join(f"CAST({c} AS {t}) AS {c}" for c, t in columns.items())
        con.execute(f"COPY (SELECT {select} FROM {table}) TO '{out / (table + '.parquet')}' (FORMAT parquet)")
    con.close()
    (out / "PROVENANCE.md").write_text(
        "# Test fixture\n\nCut from ../shared/data by tests/report/conftest.py: IMF DOTS, UN Comtrade HS27/HS44, "
        "Open Trade Statistics 2017, World Bank GDP, COW totals.\n",
        encoding="utf-8",
    )
    return out


@pytest.fixture
def pair_data(pair_data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Make the engines (and the report's provenance) read the fixture as the embedded dataset."""
    import bilat.engines.base
    import bilat.settings

    monkeypatch.setattr(bilat.engines.base, "EMBEDDED_DIR", pair_data_dir)
    monkeypatch.setattr(bilat.settings, "EMBEDDED_DIR", pair_data_dir)
    return pair_data_dir
