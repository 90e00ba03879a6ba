"""``bilat ingest``: what a person reads after loading a BACI file, through either lane."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from bilat.cli import app

runner = CliRunner()
HEADER = "t,i,j,k,v,q\n"
# Three real BACI rows (HS17, 2020, South Africa's exports), in BACI's key order (t, i, j, k).
ORDERED = ["2020,710,376,10121,12.5,NA\n", "2020,710,392,260200,96221.364,1004529.250\n", "2020,710,392,710231,10493.455,0.112\n"]


def test_clean_file_is_stored_without_a_lane_note(tmp_path: Path) -> None:
    path = tmp_path / "BACI_HS17_Y2020_V202401.csv"
    path.write_text(HEADER + "".join(ORDERED), encoding="utf-8")
    result = runner.invoke(app, ["ingest", "baci", str(path)])
    assert result.exit_code == 0, result.output
    assert "stored 3 rows into product_flows" in result.output
    assert "general path" not in result.output


def test_file_out_of_order_says_why_it_took_the_general_path(tmp_path: Path) -> None:
    path = tmp_path / "BACI_HS17_Y2020_V202401.csv"
    path.write_text(HEADER + "".join(reversed(ORDERED)), encoding="utf-8")
    result = runner.invoke(app, ["ingest", "baci", str(path)])
    assert result.exit_code == 0, result.output
    assert "stored 3 rows into product_flows" in result.output
    assert "general path: the fast lane declined the file (rows not in BACI's order (t, i, j, k)" in " ".join(result.output.split())
