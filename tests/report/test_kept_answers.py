"""Answers kept on disk (:mod:`bilat.questions.kept`) are the answers computed, and only for the same data."""

from __future__ import annotations

from pathlib import Path

from pandas.testing import assert_frame_equal

from bilat.questions import complexity as cx
from bilat.questions import kept
from bilat.session import Session


def _same(a: cx.ComplexityAnswer, b: cx.ComplexityAnswer) -> None:
    assert_frame_equal(a.countries, b.countries, check_exact=True)
    assert_frame_equal(a.products, b.products, check_exact=True)
    assert (a.year, a.source, a.level, a.filters, a.ranked, a.notes) == (b.year, b.source, b.level, b.filters, b.ranked, b.notes)


def test_kept_complexity_equals_the_computed_one(bilat_cache_dir: Path) -> None:
    with Session() as s:
        computed = cx._compute(s, ["ISR", "JPN"], None, 5, "ots", 4, cx.MIN_EXPORTS, cx.MIN_PRODUCT_TRADE)
        first = cx.economic_complexity(["ISR", "JPN"], session=s)  # computes, and keeps it
    with Session() as s:
        again = cx.economic_complexity(["ISR", "JPN"], session=s)  # read back
    _same(computed, first)
    _same(computed, again)
    assert list((bilat_cache_dir / "answers").glob("complexity-*.json"))


def test_the_data_key_changes_with_the_store_and_the_embedded_choice(shared_data: Path) -> None:
    from bilat.catalog import open_store
    from bilat.ingest import ingest_file

    with Session(include_embedded=False) as s:
        without = kept.data_key(s)
    with Session() as s:
        before = kept.data_key(s)
        assert before != without
        ingest_file(open_store(), "baci", shared_data / "baci_fixture_iopspackage" / "BACI_HS17_Y2020_V202301_exporters_4_710.csv.gz")
        assert kept.data_key(s) == before  # this engine's views were made before the file came: its data are the old ones
    with Session() as s:
        assert kept.data_key(s) != before


def test_frames_round_trip_exactly() -> None:
    import pandas as pd

    import json

    from bilat.questions import kept_codec as codec

    frame = pd.DataFrame({"a": ["x", None], "b": [0.1 + 0.2, float("nan")], "c": [1, 2], "d": [True, False]})
    value = {"t": (1, "x", None), "frame": frame, "list": [frame.head(1), -0.0]}
    back = codec.decode(json.loads(json.dumps(codec.encode(value))))
    assert codec.same(back, value)
    assert_frame_equal(back["frame"], frame, check_exact=True)
    assert isinstance(back["t"], tuple)


def test_what_the_codec_cannot_write_exactly_is_not_kept() -> None:
    import numpy as np
    import pandas as pd
    import pytest

    from bilat.questions import kept_codec as codec

    for bad in (pd.DataFrame({"a": [1]}, index=[5]), pd.DataFrame({"a": pd.array([1, None], dtype="Int64")}),
                pd.DataFrame({"a": [np.int64(1), "x"]}), {1: "x"}):
        with pytest.raises(codec.Unkeepable):
            codec.encode(bad)


def test_a_user_lens_of_the_same_name_is_a_new_key(bilat_home: Path, bilat_cache_dir: Path) -> None:
    from bilat.questions.overview import profile

    def kept_profiles() -> set[Path]:
        return set((bilat_cache_dir / "answers").glob("profile-*.json"))

    before = kept_profiles()
    profile("DEU", "FRA", lens="robotics")
    once = kept_profiles() - before
    profile("DEU", "FRA", lens="robotics")
    assert kept_profiles() - before == once  # the same lens: read back
    (bilat_home / "lenses.csv").write_text("name,title,hs_prefixes,rationale\nrobotics,Robotics,8479,mine\n", encoding="utf-8")
    profile("DEU", "FRA", lens="robotics")
    assert len(kept_profiles() - before) == len(once) + 1  # redefined by the user: computed and kept anew


def test_keep_answers_off_computes_every_time(bilat_cache_dir: Path, monkeypatch) -> None:
    calls = []
    s = Session()
    monkeypatch.setenv("BILAT_KEEP_ANSWERS", "0")
    for _ in range(2):
        kept.answer(s, "test_off", ("x",), [], lambda: calls.append(1) or 42)
    assert calls == [1, 1]


def test_an_ingest_seen_only_by_the_world_view_keeps_no_answer(shared_data: Path, bilat_cache_dir: Path) -> None:
    """The world rows' view is made on first use: if a file came in after the engine opened, that
    view reads it while the others do not, and no answer is kept under the old data key."""
    from bilat.catalog import open_store
    from bilat.ingest import ingest_file

    with Session() as s:
        key = kept.data_key(s)
        assert key is not None
        ingest_file(open_store(), "baci", shared_data / "baci_fixture_iopspackage" / "BACI_HS17_Y2020_V202301_exporters_4_710.csv.gz")
        value = kept.answer(s, "test_race", ("x",), [], lambda: (s.engine.world_totals(), 7)[1])
        assert value == 7
        assert kept.data_key(s) is None  # the engine no longer vouches for one data set
        assert kept.load("test_race", (key, "x"), []) is None
