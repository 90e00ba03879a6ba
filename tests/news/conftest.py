"""Real-data fixtures for the news tests: Ibis memtables cut from ../shared/data (never invented)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import ibis
import pandas as pd
import pytest

from bilat.news import TradeFacts

DEV_SET = Path(__file__).resolve().parents[1] / "data" / "news"
#: ISO3 codes for the IMF DOTS names the tests use (the test maps them itself, independently of bilat).
DOTS_NAMES = {"Israel": "ISR", "Japan": "JPN"}


@pytest.fixture(scope="session")
def dots_isr_jpn(shared_data: Path) -> pd.DataFrame:
    """IMF DOTS exports FOB between Israel and Japan, in US dollars, from the shared long file."""
    path = shared_data / "imf_dots_SamLeBlanc" / "imf_dots_exports_fob_by_partner_1960_2020_long.csv.gz"
    if not path.exists():
        pytest.skip(f"../shared/data has no {path.name}")
    frame = duckdb.sql(
        f"SELECT reporter, partner, year, exports_fob_usd_millions AS m FROM read_csv_auto('{path.as_posix()}') "
        "WHERE reporter IN ('Israel', 'Japan') AND partner IN ('Israel', 'Japan')"
    ).df()
    return pd.DataFrame({
        "year": frame["year"].astype("int16"),
        "reporter": frame["reporter"].map(DOTS_NAMES),
        "partner": frame["partner"].map(DOTS_NAMES),
        "flow": "X",
        "value_usd": frame["m"].astype(float) * 1e6,
        "valuation": "FOB",
        "source": "imf_dots",
        "file_id": path.name,
    })


@pytest.fixture(scope="session")
def indicators_real(shared_data: Path) -> pd.DataFrame:
    """World Bank GDP for every code (aggregates included) and COW total imports of Japan."""
    gdp = pd.read_csv(shared_data / "worldbank_gdp_datahub" / "gdp.csv")
    gdp_rows = pd.DataFrame({
        "country": gdp["Country Code"], "year": gdp["Year"].astype("int16"), "indicator": "gdp_usd",
        "value": gdp["Value"].astype(float), "unit": "USD", "source": "world_bank", "file_id": "gdp.csv",
    })
    cow = pd.read_csv(shared_data / "tradhist_patentcity" / "imports_xx.csv")
    cow = cow[(cow["country_code"] == "JPN") & cow["imports"].notna()]
    cow_rows = pd.DataFrame({
        "country": "JPN", "year": cow["variable"].astype("int16"), "indicator": "imports_total_usd",
        "value": cow["imports"].astype(float) * 1e6, "unit": "USD", "source": "cow", "file_id": "imports_xx.csv",
    })
    return pd.concat([gdp_rows, cow_rows], ignore_index=True)


@pytest.fixture(scope="session")
def real_facts(dots_isr_jpn: pd.DataFrame, indicators_real: pd.DataFrame) -> TradeFacts:
    con = ibis.duckdb.connect()
    tables = {
        "country_flows": ibis.memtable(dots_isr_jpn),
        "indicators": ibis.memtable(indicators_real),
    }
    return TradeFacts(tables, con.execute)
