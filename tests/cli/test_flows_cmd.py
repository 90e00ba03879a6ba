"""`bilat flows` on the embedded data, checked against the source files themselves."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

import bilat.cli
from bilat.cli.app import app

runner = CliRunner()


def invoke(*args: str):  # noqa: ANN201
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_flows_json_equals_dots_source_file(shared_data: Path) -> None:
    result = invoke("flows", "ISR", "JPN", "--years", "2013-2016", "--format", "json")
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    got = {(r["year"], r["exporter"], r["importer"]): r["value_usd"] for r in records}
    assert {r["source"] for r in records} == {"imf_dots"}

    dots = pd.read_csv(shared_data / "imf_dots_SamLeBlanc" / "imf_dots_exports_fob_by_partner_1960_2020_long.csv.gz")
    names = {"Israel": "ISR", "Japan": "JPN"}
    pair = dots[dots.reporter.isin(names) & dots.partner.isin(names) & dots.year.between(2013, 2016)]
    expected = {
        (int(row.year), names[row.reporter], names[row.partner]): row.exports_fob_usd_millions * 1e6
        for row in pair.itertuples()
    }
    assert len(expected) == 8
    assert got.keys() == expected.keys()
    for key, value in expected.items():
        assert got[key] == pytest.approx(value, rel=1e-9), key


def test_flows_table_names_mirror_basis() -> None:
    result = invoke("flows", "Israel", "Japanese", "--years", "2016")
    assert result.exit_code == 0, result.output
    assert "ISR → JPN" in result.output  # human label (was the code name ISR_to_JPN_usd)
    assert "mirror" in result.output


def test_flows_by_chapter_on_embedded_data_says_what_is_missing() -> None:
    result = invoke("flows", "ISR", "JPN", "--by", "chapter", "--years", "2016", "--format", "csv")
    assert result.exit_code == 0, result.output
    frame_lines = result.stdout.strip().splitlines()
    assert frame_lines[0].startswith("year,exporter,importer,hs_code")
    assert {line.split(",")[3] for line in frame_lines[1:]} <= {"27", "44"}
    assert "bilat ingest baci" in result.stderr


def test_unknown_country_is_one_clear_line_and_non_zero() -> None:
    result = runner.invoke(bilat.cli.app, ["flows", "Atlantis", "JPN"])
    assert result.exit_code != 0
    assert "Atlantis" in result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
