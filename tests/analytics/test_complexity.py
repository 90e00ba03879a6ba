"""ECI/PCI and RCA checked against an independent implementation, the ``ecomplexity`` package.

Real data: Open Trade Statistics world exports by HS4, 2017 (224 reporters, 1,222 headings), loaded
into a canonical ``product_flows`` table the way bilat stores it (importer WLD, flow X, source ots).
ecomplexity's conventions, read from its source (ComplexityData.py, ecomplexity.py): empty values
become 0; countries/products with zero total exports are dropped; M = 1 where RCA ≥ 1; the
eigenvector of the second largest eigenvalue of the *product* matrix; sign from the correlation with
diversity; ECI and PCI standardised with ECI's mean and population sd. bilat works on the *country*
matrix instead, so agreement to float precision is a real check of the projection step.
"""

from __future__ import annotations

import warnings

import ibis
import numpy as np
import pandas as pd
import pytest

from bilat.analytics.complexity import complexity, complexity_from_exports
from bilat.analytics.indices import rca
from bilat.errors import NoDataError
from bilat.schema import PRODUCT_FLOWS

_IBIS_TYPES = {"SMALLINT": "int16", "VARCHAR": "string", "TINYINT": "int8", "DOUBLE": "float64"}
SCHEMA = ibis.schema({name: _IBIS_TYPES[sql] for name, sql in PRODUCT_FLOWS.items()})


@pytest.fixture(scope="module")
def ots_raw(shared_data) -> pd.DataFrame:
    path = shared_data / "tradestatistics_economiccomplexity" / "world_trade_2017.csv.gz"
    if not path.exists():
        pytest.skip(f"../shared/data not found: {path} is missing")
    return pd.read_csv(path, dtype={"product_code": str, "reporter_iso": str})


@pytest.fixture(scope="module")
def ots_flows(ots_raw):
    frame = pd.DataFrame(
        {
            "year": ots_raw.year,
            "exporter": ots_raw.reporter_iso.str.upper(),
            "importer": "WLD",
            "reporter": ots_raw.reporter_iso.str.upper(),
            "flow": "X",
            "hs_revision": 2007,
            "hs_code": ots_raw.product_code,
            "hs_level": 4,
            "value_usd": ots_raw.export_value_usd,
            "quantity_t": np.nan,
            "valuation": "FOB",
            "source": "ots",
            "file_id": "world_trade_2017",
        }
    )
    con = ibis.duckdb.connect()
    flows = con.create_table("product_flows", ibis.memtable(frame[list(PRODUCT_FLOWS)], schema=SCHEMA))
    yield con, flows
    con.disconnect()


@pytest.fixture(scope="module")
def reference(ots_raw) -> pd.DataFrame:
    from ecomplexity import ecomplexity

    cols = {"time": "year", "loc": "reporter_iso", "prod": "product_code", "val": "export_value_usd"}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = ecomplexity(ots_raw, cols, verbose=False, check_logsupermodularity=False)
    out["exporter"] = out.reporter_iso.str.upper()
    return out


def test_rca_equals_ecomplexity_on_ots_2017(ots_raw, ots_flows, reference):
    con, flows = ots_flows
    ours = con.execute(rca(flows, year=2017, level=4, source="ots"))
    theirs = reference[reference.export_value_usd > 0][["exporter", "product_code", "rca"]]
    both = ours.merge(theirs, left_on=["exporter", "hs_code"], right_on=["exporter", "product_code"], how="outer",
                      suffixes=("_bilat", "_ref"), indicator=True)  # fmt: skip
    # Same rows (every positive export value), same values.
    assert (both["_merge"] == "both").all(), both[both["_merge"] != "both"].head()
    assert len(both) == (ots_raw.export_value_usd > 0).sum()
    np.testing.assert_allclose(both.rca_bilat, both.rca_ref, rtol=1e-10)


def test_eci_and_pci_equal_ecomplexity_after_standardisation(ots_flows, reference):
    con, flows = ots_flows
    result = complexity(flows, con.execute, year=2017, level=4, source="ots")
    ref_eci = reference.groupby("exporter").eci.first()
    eci = result.eci.set_index("exporter").eci.reindex(ref_eci.index)
    assert eci.notna().sum() == 224
    assert np.corrcoef(eci, ref_eci)[0, 1] > 0.99
    np.testing.assert_allclose(eci, ref_eci, atol=1e-8)
    ref_pci = reference.groupby("product_code").pci.first()
    pci = result.pci.set_index("hs_code").pci.reindex(ref_pci.index)
    np.testing.assert_allclose(pci, ref_pci, atol=1e-8)


def test_eci_is_standardised_and_rises_with_diversity(ots_flows):
    con, flows = ots_flows
    result = complexity(flows, con.execute, year=2017, level=4, source="ots")
    assert result.eci.eci.mean() == pytest.approx(0.0, abs=1e-9)
    assert result.eci.eci.std(ddof=0) == pytest.approx(1.0)
    assert np.corrcoef(result.eci.diversity, result.eci.eci)[0, 1] > 0
    assert 0 < result.eigenvalue < 1


def test_eci_is_the_mean_pci_of_the_products_a_country_exports_competitively(ots_flows):
    con, flows = ots_flows
    exports = con.execute(rca(flows, year=2017, level=4, source="ots"))
    result = complexity(flows, con.execute, year=2017, level=4, source="ots")
    made = exports[exports.rca >= 1].merge(result.pci, on="hs_code")
    mean_pci = made.groupby("exporter").pci.mean()
    eci = result.eci.set_index("exporter").eci.reindex(mean_pci.index)
    np.testing.assert_allclose(mean_pci, eci, atol=1e-9)


def test_complexity_refuses_too_little_data():
    frame = pd.DataFrame({"exporter": ["A", "B"], "hs_code": ["0101", "0201"], "export_usd": [1.0, 2.0]})
    with pytest.raises(NoDataError, match="too few countries"):
        complexity_from_exports(frame)
    with pytest.raises(NoDataError, match="no positive export values"):
        complexity_from_exports(frame.assign(export_usd=0.0))
