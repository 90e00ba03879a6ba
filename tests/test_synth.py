"""The synthetic BACI generator: same seed same bytes, the real file's layout, real codes, real skew."""

from __future__ import annotations

import csv
import gzip

import re
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from bilat.errors import BilatError
from bilat.schema import PRODUCT_FLOWS
from bilat.synth import generate_baci, generate_baci_frames

FIXTURE = "baci_fixture_iopspackage/BACI_HS17_Y2020_V202301_exporters_4_710.csv.gz"

# What a line of a BACI year file looks like, column by column. The tests check that these
# shapes hold for every line of the real fixture *and* of the synthetic file, so they describe
# the real layout, not the generator.
SHAPES = {
    "t": re.compile(r"\d{4}"),
    "i": re.compile(r"[1-9]\d{0,2}"),
    "j": re.compile(r"[1-9]\d{0,2}"),
    "v": re.compile(r"\d+\.(\d{0,2}[1-9]|0)"),  # thousandths, trailing zeros dropped but one kept
    "q": re.compile(r" *(\d+\.\d{3}|NA)"),  # tonnes with three decimals, right-aligned
}


def _lines(path: Path) -> list[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as handle:
        return handle.read().split("\n")


def _read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype={"k": str, "q": str})


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A moderately sized synthetic year: 200,000 rows over the full 30,000 pairs."""
    out = tmp_path_factory.mktemp("synth")
    return generate_baci(out, [2020], rows_per_year=200_000, seed=7, pairs=30_000)[0]


@pytest.fixture(scope="module")
def sample_frame(sample: Path) -> pd.DataFrame:
    return _read(sample)


def test_same_seed_writes_same_bytes_and_another_seed_does_not(tmp_path: Path) -> None:
    first = generate_baci(tmp_path / "a", [2019, 2020], rows_per_year=3_000, seed=1)
    again = generate_baci(tmp_path / "b", [2019, 2020], rows_per_year=3_000, seed=1)
    other = generate_baci(tmp_path / "c", [2019, 2020], rows_per_year=3_000, seed=2)
    assert [p.name for p in first] == [p.name for p in again]
    for a, b in zip(first, again):
        assert a.read_bytes() == b.read_bytes(), a.name
    assert first[0].read_bytes() != other[0].read_bytes()
    assert first[0].read_bytes() != first[1].read_bytes()  # two years are not one year twice


def test_release_has_baci_file_names_and_code_lists(tmp_path: Path) -> None:
    paths = generate_baci(tmp_path, [2017, 2018], rows_per_year=1_000, release="V202401")
    assert [p.name for p in paths] == [
        "BACI_HS17_Y2017_V202401.csv",
        "BACI_HS17_Y2018_V202401.csv",
        "country_codes_V202401.csv",
        "product_codes_HS17_V202401.csv",
        "Readme.txt",
    ]
    countries = pd.read_csv(tmp_path / "country_codes_V202401.csv", keep_default_na=False)
    assert {"country_code", "iso_3digit_alpha"} <= set(countries.columns)
    products = pd.read_csv(tmp_path / "product_codes_HS17_V202401.csv", dtype=str)
    assert list(products.columns) == ["code", "description"]
    assert len(products) == 5384


def test_zip_holds_the_same_files_as_the_unpacked_release(tmp_path: Path) -> None:
    unpacked = generate_baci(tmp_path / "dir", [2019, 2020], rows_per_year=2_000, seed=4)
    (archive,) = generate_baci(tmp_path / "zip", [2019, 2020], rows_per_year=2_000, seed=4, as_zip=True)
    assert archive.name == "BACI_HS17_V202401.zip"
    with zipfile.ZipFile(archive) as zf:
        assert zf.testzip() is None
        assert sorted(zf.namelist()) == sorted(p.name for p in unpacked)
        for path in unpacked:
            assert zf.read(path.name) == path.read_bytes(), path.name
        assert all(info.compress_type == zipfile.ZIP_DEFLATED for info in zf.infolist())


def test_layout_matches_the_real_baci_fixture(shared_data: Path, sample: Path) -> None:
    real = _lines(shared_data / FIXTURE)
    ours = _lines(sample)
    assert ours[0] == real[0] == "t,i,j,k,v,q"
    assert real[-1] == ours[-1] == ""  # both end with one newline, no CR anywhere
    assert not any("\r" in line for line in ours)
    real_q_widths = {len(line.rsplit(",", 1)[1]) for line in real[1:-1]}
    for name, lines in (("fixture", real[1:-1]), ("synthetic", ours[1:-1])):
        for line in lines:
            fields = dict(zip("tijkvq", line.split(",")))
            assert len(fields) == 6, (name, line)
            for column, shape in SHAPES.items():
                assert shape.fullmatch(fields[column]), (name, column, line)
            if name == "synthetic":
                assert len(fields["q"]) in real_q_widths, line
    # BACI writes k as a number: the leading zero goes (10121 is 010121). The fixture was
    # re-padded to six digits when it was converted, so only ours shows the dropped zero.
    k = [line.split(",")[3] for line in ours[1:-1]]
    assert all(re.fullmatch(r"[1-9]\d{4,5}", code) for code in k)
    assert any(len(code) == 5 for code in k)


def test_rows_are_unique_sorted_and_exactly_as_many_as_asked(sample_frame: pd.DataFrame) -> None:
    frame = sample_frame
    assert len(frame) == 200_000
    assert not frame.duplicated(["t", "i", "j", "k"]).any()
    assert (frame["i"] != frame["j"]).all()
    keys = list(zip(frame["i"], frame["j"], frame["k"].astype(int)))
    assert keys == sorted(keys)


def test_codes_come_from_the_real_baci_lists(shared_data: Path, sample_frame: pd.DataFrame) -> None:
    with open(shared_data / "baci_ONEcampaign/country_codes.csv", encoding="utf-8-sig", newline="") as handle:
        countries = {int(row["country_code"]) for row in csv.DictReader(handle)}
    products = set(pd.read_csv(shared_data / "baci_ONEcampaign/product_codes.csv", dtype=str)["code"])
    assert set(sample_frame["i"]) <= countries
    assert set(sample_frame["j"]) <= countries
    assert set(sample_frame["k"].str.zfill(6)) <= products
    # most of the world trades: nearly every country exports, and thousands of products appear
    assert sample_frame["i"].nunique() > 200
    assert sample_frame["k"].nunique() > 4_000


def test_a_few_exporters_and_products_dominate_and_most_flows_are_small(sample_frame: pd.DataFrame) -> None:
    by_exporter = sample_frame.groupby("i")["v"].sum().sort_values(ascending=False)
    assert by_exporter.head(10).sum() / by_exporter.sum() > 0.4
    by_product = sample_frame.groupby("k")["v"].sum().sort_values(ascending=False)
    top_percent = max(1, len(by_product) // 100)
    assert by_product.head(top_percent).sum() / by_product.sum() > 0.15
    values = sample_frame["v"]
    assert values.median() < values.mean() / 10  # a long tail, as in the fixture
    assert values.min() >= 0.001


def test_about_two_percent_of_quantities_are_na(sample_frame: pd.DataFrame) -> None:
    missing = (sample_frame["q"].str.strip() == "NA").mean()
    assert 0.015 < missing < 0.025
    known = sample_frame.loc[sample_frame["q"].str.strip() != "NA", "q"].astype(float)
    assert known.min() >= 0.001


def test_active_pairs_reach_the_target(sample_frame: pd.DataFrame) -> None:
    pairs = sample_frame.groupby(["i", "j"]).size()
    assert len(pairs) == 30_000
    # skewed: most pairs trade a handful of products, the largest trade thousands
    assert pairs.median() < 20
    assert pairs.max() > 1_000


def test_default_pairs_shrink_for_small_samples(tmp_path: Path) -> None:
    (path, *_) = generate_baci(tmp_path, [2020], rows_per_year=2_000, seed=0)
    frame = _read(path)
    assert frame.groupby(["i", "j"]).ngroups == 2_000 // 20


def test_frames_hold_the_rows_the_csv_has_in_the_canonical_schema(tmp_path: Path) -> None:
    (path, *_) = generate_baci(tmp_path, [2020], rows_per_year=5_000, seed=9)
    table = generate_baci_frames([2020], rows_per_year=5_000, seed=9)
    assert table.column_names == list(PRODUCT_FLOWS)
    frame = table.to_pandas()
    csv_rows = _read(path)
    codes = pd.read_csv(tmp_path / "country_codes_V202401.csv", keep_default_na=False)
    iso3 = dict(zip(codes["country_code"], codes["iso_3digit_alpha"]))
    assert len(frame) == len(csv_rows)
    # same order, so compare row by row against values converted here from the CSV text
    assert (frame["hs_code"] == csv_rows["k"].str.zfill(6)).all()
    assert (frame["value_usd"] == (csv_rows["v"] * 1000).round()).all()
    is_na = csv_rows["q"].str.strip() == "NA"
    assert frame["quantity_t"].isna().equals(is_na)
    assert (frame.loc[~is_na, "quantity_t"] == csv_rows.loc[~is_na, "q"].astype(float)).all()
    plain = csv_rows["i"].map(iso3).str.fullmatch("[A-Z]{3}")
    assert (frame.loc[plain, "exporter"] == csv_rows.loc[plain, "i"].map(iso3)).all()
    assert set(frame["year"]) == {2020}
    assert set(frame["hs_revision"]) == {2017} and set(frame["hs_level"]) == {6}
    assert set(frame["file_id"]) == {"BACI_HS17_Y2020_V202401.csv"}
    assert frame["reporter"].isna().all() and frame["flow"].isna().all()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"rows_per_year": 0}, "at least 1"),
        ({"hs": "HS12"}, "HS17"),
        ({"rows_per_year": 10_000, "pairs": 1}, "do not fit"),
        ({"years": []}, "no years"),
    ],
)
def test_bad_arguments_give_one_line_errors(tmp_path: Path, kwargs: dict, message: str) -> None:
    args = {"years": [2020], "rows_per_year": 100, **kwargs}
    with pytest.raises(BilatError, match=message):
        generate_baci(tmp_path, **args)


def test_cli_synth_baci_writes_a_release(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from bilat.cli import app

    result = CliRunner().invoke(app, ["synth", "baci", str(tmp_path), "--years", "2019-2020", "--rows", "1500"])
    assert result.exit_code == 0, result.output
    for year in (2019, 2020):
        path = tmp_path / f"BACI_HS17_Y{year}_V202401.csv"
        assert path.name in result.output
        assert len(_read(path)) == 1500
    bad = CliRunner().invoke(app, ["synth", "baci", str(tmp_path), "--years", "20x9"])
    assert bad.exit_code == 1
    assert "years must look like 2020, 2001-2020 or 2017,2019 (got '20x9')" in bad.output
    assert "Traceback" not in bad.output
