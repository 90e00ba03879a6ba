"""The embedded dataset: built by scripts/build_embedded.py through the loaders, shipped in the package."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from bilat.schema import TABLES
from bilat.settings import EMBEDDED_DIR


@pytest.mark.parametrize("table", list(TABLES))
def test_embedded_table_has_the_canonical_columns_and_is_sorted(table: str) -> None:
    path = EMBEDDED_DIR / f"{table}.parquet"
    data = pq.read_table(path)
    assert data.column_names == list(TABLES[table])
    frame = data.to_pandas()
    assert frame.file_id.str.startswith("embedded:").all()
    keys = list(TABLES[table])
    assert frame.equals(frame.sort_values(keys, na_position="last", kind="stable").reset_index(drop=True))
    assert path.stat().st_size < 8_000_000


def test_embedded_comtrade_rows_equal_the_shared_files(shared_data: Path) -> None:
    """Every Comtrade row of the shared extract is shipped: counts and value sums per file agree."""
    folder = shared_data / "comtrade_hs27_hs44_pmacg"
    if not folder.is_dir():
        pytest.skip(f"../shared/data not found: {folder}")
    embedded = pd.read_parquet(EMBEDDED_DIR / "product_flows.parquet", filters=[("source", "==", "comtrade")])
    by_file = embedded.groupby("file_id").value_usd.agg(["count", "sum"])
    for name in ("comtrade_oil_HS27_2013.csv.gz", "comtrade_wood_HS44_1995.csv.gz"):
        raw = pd.read_csv(folder / name, encoding="utf-8-sig")
        row = by_file.loc[f"embedded:{name}"]
        assert row["count"] == len(raw)
        assert row["sum"] == pytest.approx(raw["Trade Value (US$)"].sum())


def test_embedded_country_flows_have_no_repeated_keys() -> None:
    frame = pd.read_parquet(EMBEDDED_DIR / "country_flows.parquet")
    assert not frame.duplicated(["year", "reporter", "partner", "flow", "source"]).any()
    israel_imports = frame[(frame.reporter == "ISR") & (frame.flow == "M")]
    assert set(israel_imports.valuation) == {"CIF"} and len(israel_imports) > 1000
