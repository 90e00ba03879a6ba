"""The seed article's import figure is checked against the importer's own CIF statistic."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

import bilat.cli  # noqa: F401 - registers every command
from bilat.cli.app import app


def israel_cif_imports_from_japan(shared_data: Path, year: int) -> float:
    """Read the IMF workbook directly: sheet 'Imports, CIF', row Japan, column year (USD millions)."""
    sheet = pd.read_excel(shared_data / "imf_dots_SamLeBlanc" / "DOTS_98_Israel.xlsx", sheet_name="Imports, CIF", header=None)
    header = sheet.iloc[6]
    column = next(i for i, v in header.items() if v == year)
    row = sheet[sheet[1] == "Japan"].iloc[0]
    return float(row[column]) * 1e6


def test_imported_from_japan_claim_uses_israels_cif_figure(shared_data: Path, shared_examples: Path) -> None:
    runner = CliRunner()
    article = shared_examples / "news" / "israel_japan_agreements_2017.txt"
    assert runner.invoke(app, ["news", "add", str(article)]).exit_code == 0
    result = runner.invoke(app, ["news", "check", "--format", "json"])
    assert result.exit_code == 0, result.output
    claims = pd.read_json(pd.io.common.StringIO(result.stdout))
    imported = claims[claims.claim.str.contains("2.3b")].iloc[0]
    expected = israel_cif_imports_from_japan(shared_data, 2016)
    assert imported["data_usd"] == pytest.approx(expected)
    assert imported["verdict"] == "consistent"
    exports = claims[claims.claim == "about $700 million"].iloc[0]
    assert exports["verdict"] == "consistent" and exports["source"] == "imf_dots"
