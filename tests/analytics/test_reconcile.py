"""Source reconciliation on invented declarations whose gaps have known causes."""

from __future__ import annotations

import ibis
import pandas as pd
import pytest

from bilat.analytics import reconcile as rec
from bilat.schema import COUNTRY_FLOWS, PRODUCT_FLOWS


def product_rows(rows) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["year", "exporter", "importer", "reporter", "flow", "hs_code", "hs_level",
                                        "value_usd", "source"])
    frame["hs_revision"] = 2012
    frame["quantity_t"] = None
    frame["valuation"] = frame.flow.map({"X": "FOB", "M": "CIF"}).fillna("reconciled")
    frame["file_id"] = "test"
    return frame[list(PRODUCT_FLOWS)]


PRODUCTS = product_rows([
    # HS 27: A declares 100 FOB, B declares 107 CIF (ratio 1.07, within the typical margin).
    (2016, "A", "B", "A", "X", "27", 2, 100.0, "comtrade"),
    (2016, "A", "B", "B", "M", "27", 2, 107.0, "comtrade"),
    # HS 44: B declares imports of 50 CIF but A has no export row in 2016 (it has one in 2015).
    (2016, "A", "B", "B", "M", "44", 2, 50.0, "comtrade"),
    (2015, "A", "B", "A", "X", "44", 2, 45.0, "comtrade"),
    # BACI: the reconciled flow, 30 % diamonds.
    (2016, "A", "B", None, None, "710239", 6, 300.0, "baci"),
    (2016, "A", "B", None, None, "847950", 6, 700.0, "baci"),
])  # fmt: skip

COUNTRY = pd.DataFrame([(2016, "A", "B", "X", 950.0, "FOB", "imf_dots", "t")], columns=list(COUNTRY_FLOWS))


@pytest.fixture(scope="module")
def figures():
    con = ibis.duckdb.connect()
    tables = {"product_flows": ibis.memtable(PRODUCTS), "country_flows": ibis.memtable(COUNTRY)}
    yield con.execute(rec.source_figures(tables, "A", "B", 2016))
    con.disconnect()


def test_every_source_and_declarant_is_listed(figures):
    now = figures[figures.year == 2016].set_index(["scope", "source", "view"])["value_usd"]
    assert now[("total", "imf_dots", rec.VIEW_EXPORTER)] == 950.0
    assert now[("total", "baci", rec.VIEW_RECONCILED)] == 1000.0
    assert now[("HS 27", "comtrade", rec.VIEW_IMPORTER)] == 107.0
    assert now[("HS 71", "baci", rec.VIEW_RECONCILED)] == 300.0


def test_cif_fob_ratio_within_typical_margin_is_attributed_to_valuation(figures):
    comparison = rec.compare(figures, 2016).set_index("scope")
    assert comparison.loc["HS 27", "cif_fob_ratio"] == pytest.approx(1.07)
    lines = rec.attribute(figures, rec.compare(figures, 2016), 2016)
    assert any("HS 27" in line and "valuation explains the gap" in line for line in lines)


def test_missing_declaration_names_the_years_it_was_made(figures):
    lines = rec.attribute(figures, rec.compare(figures, 2016), 2016)
    assert any("HS 44" in line and "A reported no exporter figure" in line and "2015" in line for line in lines)


def test_diamonds_share_is_reported_when_large(figures):
    lines = rec.attribute(figures, rec.compare(figures, 2016), 2016)
    assert any("HS 71" in line and "30%" in line for line in lines)
