"""The lookup commands: country, hs search/show, lens list/show."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import bilat.cli  # noqa: F401 - registers every command module
from bilat.cli.app import app
from bilat.errors import UnknownCountryError, UnknownProductError

runner = CliRunner()


def _json(*args: str) -> list[dict]:
    result = runner.invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_country_json_resolves_names_and_codes() -> None:
    rows = _json("country", "Israel", "S. Korea", "392")
    assert [(r["iso3"], r["iso_numeric"]) for r in rows] == [("ISR", 376), ("KOR", 410), ("JPN", 392)]


def test_country_table_prints_the_name() -> None:
    result = runner.invoke(app, ["country", "Japanese"])
    assert result.exit_code == 0
    assert "JPN" in result.stdout and "Japan" in result.stdout


def test_country_unknown_is_an_error() -> None:
    result = runner.invoke(app, ["country", "Isreal"])
    assert result.exit_code == UnknownCountryError.exit_code
    assert result.stderr.startswith("error: ") and "Isreal" in result.stderr


def test_hs_search_level_and_limit() -> None:
    rows = _json("hs", "search", "industrial", "robots", "--level", "6", "--limit", "1")
    assert rows == [{"code": "842870", "level": 6, "description": "Industrial robots", "section": "XVI"}]


def test_hs_search_csv() -> None:
    result = runner.invoke(app, ["hs", "search", "diamonds", "--level", "4", "--format", "csv"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "code,level,description,section"
    assert any(line.startswith("7102,4,") for line in result.stdout.splitlines())


def test_hs_show_gives_hierarchy_and_lenses() -> None:
    fields = {r["field"]: r["value"] for r in _json("hs", "show", "847950")}
    assert fields["chapter"].startswith("84 ")
    assert fields["heading"].startswith("8479 ")
    assert fields["section"].startswith("XVI ")
    assert fields["lenses"] == "robotics"


def test_hs_show_restores_the_leading_zero() -> None:
    fields = {r["field"]: r["value"] for r in _json("hs", "show", "10121")}
    assert fields["code"] == "010121"


def test_hs_show_unknown_code_is_an_error() -> None:
    result = runner.invoke(app, ["hs", "show", "000000"])
    assert result.exit_code == UnknownProductError.exit_code
    assert result.stderr.startswith("error: ") and "000000" in result.stderr


def test_lens_list_has_every_lens() -> None:
    from bilat.nomenclature import lenses

    rows = _json("lens", "list")
    assert [r["name"] for r in rows] == [lens.name for lens in lenses()]


def test_lens_show_by_prefix_lists_codes_and_caveat() -> None:
    result = runner.invoke(app, ["lens", "show", "medical"])
    assert result.exit_code == 0
    assert "9018" in result.stdout
    assert "services" in result.stdout


@pytest.mark.parametrize("group", ["hs", "lens"])
def test_groups_show_help_with_an_example(group: str) -> None:
    result = runner.invoke(app, [group, "--help"])
    assert result.exit_code == 0
    assert "Example: bilat" in result.stdout
