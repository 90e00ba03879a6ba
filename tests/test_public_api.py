"""The Python API: a short `__all__`, and functions that return DataFrames."""

from __future__ import annotations

import pandas as pd

import bilat


def test_all_names_resolve() -> None:
    for name in bilat.__all__:
        assert getattr(bilat, name) is not None, name


def test_flows_and_composition_return_dataframes_with_their_basis() -> None:
    flows = bilat.flows("Israel", "Japan", years="2016")
    assert isinstance(flows, pd.DataFrame)
    assert set(flows.exporter) == {"ISR", "JPN"} and flows["basis"].notna().all()
    chapters = bilat.composition("ISR", "JPN", by="chapter", years="2016")
    assert isinstance(chapters, pd.DataFrame) and set(chapters.hs_code) <= {"27", "44"}


def test_profile_tables_are_dataframes() -> None:
    tables = bilat.profile("ISR", "JPN").tables()
    assert tables and all(isinstance(frame, pd.DataFrame) for frame in tables.values())
