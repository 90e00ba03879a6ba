"""The IMF DOTS loader: the long CSV and the DOTS workbooks into country_flows."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from bilat.engines import open_engine
from bilat.settings import EMBEDDED_DIR
from bilat.store import Store
from sources_helpers import assert_refused, truncated_gzip, write_text

HEADER = "reporter,partner,year,exports_fob_usd_millions,source_file\n"


def flows(store: Store) -> pd.DataFrame:
    with open_engine(store=store, include_embedded=False) as engine:
        return engine.sql("SELECT * FROM country_flows ORDER BY year, reporter, partner, flow")


def dots_long(shared_data: Path) -> Path:
    path = shared_data / "imf_dots_SamLeBlanc" / "imf_dots_exports_fob_by_partner_1960_2020_long.csv.gz"
    if not path.exists():
        pytest.skip(f"../shared/data not found: {path}")
    return path


def test_israel_slice_of_the_long_file(shared_data: Path, tmp_path: Path, store: Store) -> None:
    full = pd.read_csv(dots_long(shared_data))
    israel = full[full.reporter == "Israel"]
    path = tmp_path / "dots_israel.csv"
    israel.to_csv(path, index=False)
    result = store.ingest("imf_dots", path)
    got = flows(store)
    groups = {"Advanced Economies", "Euro Area", "European Union", "Middle East", "Africa", "Emerging and Developing Asia"}
    assert groups & set(israel.partner)
    assert not (set(got.partner) - {"WLD"}) & {"ADV", "EUU"}
    assert result.rows + int(result.note.split(" rows")[0].replace(",", "")) == len(israel)
    japan = israel[(israel.partner == "Japan")].set_index("year").exports_fob_usd_millions * 1e6
    got_japan = got[got.partner == "JPN"].set_index("year").value_usd
    pd.testing.assert_series_equal(got_japan, japan, check_names=False, check_index_type=False)
    assert set(got.flow) == {"X"} and set(got.valuation) == {"FOB"} and set(got.reporter) == {"ISR"}


def test_workbook_reads_exports_and_imports_sheets(shared_data: Path, store: Store) -> None:
    path = shared_data / "imf_dots_SamLeBlanc" / "DOTS_98_Israel.xlsx"
    if not path.exists():
        pytest.skip(f"../shared/data not found: {path}")
    result = store.ingest("imf_dots", path)
    got = flows(store).set_index(["year", "partner", "flow"])
    assert got.index.is_unique  # Australia is listed twice in every sheet, with the same figures
    assert "repeated rows" in result.note
    sheets = {name: openpyxl.load_workbook(path, read_only=True)[name] for name in ("Exports, FOB", "Imports, CIF")}
    for (name, sheet), flow in zip(sheets.items(), ("X", "M")):
        rows = list(sheet.iter_rows(values_only=True))
        years = [str(y) for y in rows[6][2:]]
        japan = next(r for r in rows if r[1] == "Japan")
        cell = japan[2 + years.index("2016")]
        assert got.loc[(2016, "JPN", flow)].value_usd == pytest.approx(cell * 1e6), name
    assert got.loc[(2016, "JPN", "M")].valuation == "CIF"


def test_flows_option_picks_sheets(shared_data: Path, store: Store) -> None:
    path = shared_data / "imf_dots_SamLeBlanc" / "DOTS_101_Japan.xlsx"
    if not path.exists():
        pytest.skip(f"../shared/data not found: {path}")
    store.ingest("imf_dots", path, options={"flows": "M"})
    assert set(flows(store).flow) == {"M"}


@pytest.mark.parametrize(
    ("row", "line", "column", "words"),
    [
        ("Israel,Atlantis,2016,1.0,x", 3, "partner", "unknown country code"),
        ("Israel,Japan,2016,-3,x", 3, "exports_fob_usd_millions", "negative value"),
        ("Israel,Japan,2016,n/a,x", 3, "exports_fob_usd_millions", "not a number"),
        ("Israel,Japan,1492,3,x", 3, "year", "year out of range"),
        ("Israel,Japan", 3, None, "truncated file"),
    ],
    ids=["unknown-country", "negative", "non-numeric", "year-range", "truncated"],
)
def test_bad_long_file_is_refused(tmp_path: Path, store: Store, row: str, line: int, column: str | None, words: str) -> None:
    store.ingest("imf_dots", write_text(tmp_path / "good.csv", HEADER + "Israel,Japan,2015,10,x\n"))
    assert_refused(store, "imf_dots", write_text(tmp_path / "bad.csv", HEADER + "Israel,World,2016,5,x\n" + row + "\n"), line, column, words)


def test_missing_column_latin1_and_truncated_gzip_are_refused(tmp_path: Path, store: Store) -> None:
    assert_refused(store, "imf_dots", write_text(tmp_path / "a.csv", "reporter,partner,year\nIsrael,Japan,2016\n"), 1, None, "missing column(s) 'exports_fob_usd_millions'")
    latin = write_text(tmp_path / "b.csv", HEADER + "Israel,Japan,2016,1,x\nCura\u00e7ao,Japan,2016,1,x\n", encoding="latin-1")
    assert_refused(store, "imf_dots", latin, 3, None, "not valid UTF-8")
    cut = truncated_gzip(tmp_path / "c.csv.gz", HEADER + "Israel,Japan,2016,1.5,DOTS_98.xlsx\n" * 5000)
    assert_refused(store, "imf_dots", cut, None, None, "damaged or truncated")


def test_groups_are_dropped_and_counted(tmp_path: Path, store: Store) -> None:
    path = write_text(
        tmp_path / "groups.csv",
        HEADER + "Israel,Japan,2016,1,x\nIsrael,Euro Area,2016,2,x\nAdvanced Economies,Japan,2016,3,x\nIsrael,World,2016,4,x\n",
    )
    result = store.ingest("imf_dots", path)
    assert result.rows == 2 and result.note.startswith("2 rows with an IMF group")
    assert sorted(flows(store).partner) == ["JPN", "WLD"]


def test_embedded_dots_isr_jpn_equals_pandas_on_the_shared_csv(shared_data: Path) -> None:
    """Independent check: the shipped rows equal a plain pandas computation on the published file."""
    full = pd.read_csv(dots_long(shared_data))
    expected = (
        full[(full.reporter == "Israel") & (full.partner == "Japan") & full.year.isin([2013, 2016])]
        .set_index("year")
        .exports_fob_usd_millions
        * 1e6
    )
    embedded = pd.read_parquet(EMBEDDED_DIR / "country_flows.parquet")
    got = embedded[
        (embedded.reporter == "ISR") & (embedded.partner == "JPN") & (embedded.flow == "X") & embedded.year.isin([2013, 2016])
    ].set_index("year")
    assert sorted(got.index) == [2013, 2016]
    for year in (2013, 2016):
        assert got.loc[year, "value_usd"] == pytest.approx(expected.loc[year], rel=1e-12)
        assert got.loc[year, "file_id"] == "embedded:imf_dots_exports_fob_by_partner_1960_2020_long.csv.gz"
    assert expected.loc[2016] == pytest.approx(756.853e6)


def make_workbook(path: Path, partners: list[tuple[str, float]], unit: str = "US Dollars, Millions") -> Path:
    """A DOTS-shaped workbook: title B2, reporter B4, unit B5, years in row 7, partners from row 8."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Exports, FOB"
    sheet["B2"], sheet["B4"], sheet["B5"] = "Exports, FOB to Partner Countries", "Israel", unit
    sheet["C7"] = "2016"
    for offset, (partner, value) in enumerate(partners):
        sheet.cell(row=8 + offset, column=2, value=partner)
        sheet.cell(row=8 + offset, column=3, value=value)
    workbook.save(path)
    return path


def test_workbook_repeat_with_another_value_is_refused(tmp_path: Path, store: Store) -> None:
    path = make_workbook(tmp_path / "dots.xlsx", [("Japan", 1.0), ("World", 5.0), ("Japan", 2.0)])
    assert_refused(store, "imf_dots", path, 10, None, "the same reporter, partner and year as line 8")


def test_workbook_in_other_units_is_refused(tmp_path: Path, store: Store) -> None:
    path = make_workbook(tmp_path / "dots.xlsx", [("Japan", 1.0)], unit="US Dollars, Thousands")
    assert_refused(store, "imf_dots", path, 5, "B", "unit must be 'US Dollars, Millions'")
