"""Converting HS codes between revisions: weights, chaining and value conservation."""

from __future__ import annotations

import itertools
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilat.errors import UnknownProductError
from bilat.nomenclature import concordance, convert_codes
from bilat.nomenclature.concordance import REVISIONS

CONSOLIDATED = "hs_concordance_growthlab/HS_consolidated_comtrade_concordances.csv.gz"


@pytest.fixture(scope="module")
def un_links(shared_data: Path) -> pd.DataFrame:
    raw = pd.read_csv(shared_data / CONSOLIDATED, dtype=str, keep_default_na=False)
    raw["new"] = raw["code.after"].str.zfill(6)
    raw["old"] = raw["code.before"].str.zfill(6)
    return raw


@pytest.mark.parametrize(("a", "b"), list(itertools.permutations((2007, 2012, 2017, 2022), 2)))
def test_concordance_weights_sum_to_one_for_every_source_code(a: int, b: int) -> None:
    table = concordance(a, b)
    assert list(table.columns) == ["code_from", "code_to", "weight", "relationship"]
    sums = table.groupby("code_from")["weight"].sum()
    assert (sums - 1).abs().max() < 1e-9
    assert (table["weight"] > 0).all()


def test_concordance_one_to_one_and_n_to_one_map_directly(un_links: pd.DataFrame) -> None:
    step = un_links[un_links["adjustment"] == "2017 to 2012"]
    table = concordance(2017, 2012).set_index(["code_from", "code_to"])["weight"]
    one_to_one = step[step["Relationship"] == "1:1"].iloc[0]
    many_to_one = step[step["Relationship"] == "n:1"].iloc[0]
    assert table[(one_to_one["new"], one_to_one["old"])] == 1.0
    assert table[(many_to_one["new"], many_to_one["old"])] == 1.0


def test_concordance_plain_split_is_equal(un_links: pd.DataFrame) -> None:
    # an HS 2017 code split into several HS 2022 codes that each come from it alone
    step = un_links[un_links["adjustment"] == "2022 to 2017"]
    sources_per_new = step.groupby("new")["old"].nunique()
    sole = step[step["new"].map(sources_per_new) == 1]
    targets = sole.groupby("old")["new"].nunique()
    all_targets = step.groupby("old")["new"].nunique()
    pure = targets[(targets > 1) & (targets == all_targets.reindex(targets.index))]
    old = pure.index[0]
    table = concordance(2017, 2022)
    weights = table.loc[table["code_from"] == old, "weight"]
    assert len(weights) == pure[old]
    assert weights.tolist() == pytest.approx([1 / pure[old]] * pure[old])


def test_concordance_keeps_processors_out_of_e_waste() -> None:
    """HS 2022 e-waste (8549) is linked to ~1000 HS 2017 codes; an equal split would send 6/7 of processors there."""
    table = concordance(2017, 2022)
    processors = table[table["code_from"] == "854231"].set_index("code_to")["weight"]
    assert processors["854231"] > 0.99
    assert set(processors.index) > {"854231", "854921"}


def test_concordance_chains_through_intermediate_revisions() -> None:
    first, second = concordance(2022, 2017), concordance(2017, 2012)
    composed = first.merge(second, left_on="code_to", right_on="code_from", suffixes=("", "_2"))
    composed["w"] = composed["weight"] * composed["weight_2"]
    expected = composed.groupby(["code_from", "code_to_2"])["w"].sum()
    chained = concordance(2022, 2012).set_index(["code_from", "code_to"])["weight"]
    expected.index.names = chained.index.names
    pd.testing.assert_series_equal(chained.sort_index(), expected.sort_index(), check_names=False)


def test_concordance_same_revision_is_identity() -> None:
    table = concordance(2017, 2017)
    assert (table["code_from"] == table["code_to"]).all()
    assert (table["weight"] == 1.0).all()


def test_concordance_unknown_revision_raises() -> None:
    with pytest.raises(UnknownProductError, match="2019"):
        concordance(2019, 2017)


def _frame_of(codes: list[str], values: list[float]) -> pd.DataFrame:
    return pd.DataFrame({"year": 2020, "exporter": "ISR", "hs_code": codes, "value_usd": values})


CODES_2022 = sorted(set(concordance(2022, 2017)["code_from"]))


@settings(max_examples=50, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(CODES_2022), st.floats(min_value=0, max_value=1e9)), min_size=1, max_size=30),
    st.sampled_from([2017, 2012, 2007, 1992]),
)
def test_convert_codes_keeps_the_total_value(rows: list[tuple[str, float]], to_rev: int) -> None:
    frame = _frame_of([c for c, _ in rows], [v for _, v in rows])
    converted = convert_codes(frame, "hs_code", "value_usd", 2022, to_rev)
    assert converted["value_usd"].sum() == pytest.approx(frame["value_usd"].sum(), rel=1e-9, abs=1e-6)
    assert converted["hs_code"].isin(set(concordance(to_rev, to_rev)["code_from"])).all()


def test_convert_codes_sums_merged_codes_and_keeps_keys() -> None:
    # HS 2022 970610 and 970690 (antiques) were both 970600 in HS 2017
    frame = pd.DataFrame(
        {"year": [2020, 2020, 2021], "exporter": ["ISR"] * 3, "hs_code": ["970610", "970690", "970610"], "value_usd": [1.0, 2.0, 5.0]}
    )
    converted = convert_codes(frame, "hs_code", "value_usd", 2022, 2017)
    assert converted.sort_values("year").to_dict(orient="records") == [
        {"year": 2020, "exporter": "ISR", "hs_code": "970600", "value_usd": 3.0},
        {"year": 2021, "exporter": "ISR", "hs_code": "970600", "value_usd": 5.0},
    ]


def test_convert_codes_pads_integer_codes() -> None:
    converted = convert_codes(pd.DataFrame({"k": [10121], "v": [7.0]}), "k", "v", 2017, 2012)
    assert converted.to_dict(orient="records") == [{"k": "010121", "v": 7.0}]


def test_convert_codes_splits_several_value_columns() -> None:
    frame = pd.DataFrame({"k": ["854231"], "v": [100.0], "q": [10.0]})
    converted = convert_codes(frame, "k", ["v", "q"], 2017, 2022)
    assert converted["v"].sum() == pytest.approx(100.0)
    assert converted["q"].sum() == pytest.approx(10.0)


def test_convert_codes_unknown_code_raises_or_is_kept() -> None:
    frame = pd.DataFrame({"k": ["854231", "000000"], "v": [1.0, 2.0]})
    with pytest.raises(UnknownProductError, match="000000"):
        convert_codes(frame, "k", "v", 2017, 2012)
    kept = convert_codes(frame, "k", "v", 2017, 2012, unmatched="keep")
    assert kept.loc[kept["k"] == "000000", "v"].tolist() == [2.0]
    assert kept["v"].sum() == pytest.approx(3.0)


def test_convert_codes_refuses_chapter_codes() -> None:
    with pytest.raises(UnknownProductError, match="six-digit"):
        convert_codes(pd.DataFrame({"k": ["84"], "v": [1.0]}), "k", "v", 2017, 2012)


def test_revisions_cover_the_schema() -> None:
    from bilat.schema import HS_REVISIONS

    assert tuple(REVISIONS) == tuple(HS_REVISIONS)
