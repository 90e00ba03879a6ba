"""The terminal does not trust third-party text (issue #18, items 5 and 7).

An article's control sequences (``ESC[2J`` clears the screen, OSC 8 hides a link), a file
name's escape codes and a header's ``:x:`` reach the terminal as visible characters through one
helper (``bilat.cli.output.terminal_safe``), never as sequences, markup or emoji.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from bilat.cli import app
from bilat.cli.output import terminal_safe

runner = CliRunner()
CLEAR = "\x1b[2J\x1b[H"
OSC8 = "\x1b]8;;https://evil.example/\x07Ministry of Trade\x1b]8;;\x07"
BIDI = "\u202egnp.exe"
ARTICLE = (
    f"Israel and Japan {CLEAR}sign a trade pact\n\n"
    f"Trade between Israel and Japan reached $3 billion in 2019, said the {OSC8} [bold red]:x:[/] {BIDI}.\n"
)


def _no_raw_controls(text: str) -> None:
    for char in ("\x1b", "\x07", "\u202e", "\x9b"):
        assert char not in text, f"raw {char!r} reached the terminal: {text!r}"


def test_terminal_safe_keeps_length_and_shows_every_control() -> None:
    text = "a\x1b[2Jb\x07c\x00d\x7fe\x9bf\u202eg\u2066h\n\ti"
    safe = terminal_safe(text)
    assert len(safe) == len(text)
    assert safe == "a\u241b[2Jb\u2407c\u2400d\u2421e\ufffdf\ufffdg\ufffdh\n\ti"
    assert terminal_safe("plain ünïcødé 日本 :x: [b]") == "plain ünïcødé 日本 :x: [b]"


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "pact\x1b[31m.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["news", "add", str(path), "--date", "2020-01-01"])
    assert result.exit_code == 0, result.output
    _no_raw_controls(result.output)
    return path


@pytest.mark.parametrize("command", [["news", "show", "1"], ["news", "list"], ["news", "check", "1"], ["news", "show", "1", "--format", "csv"]])
def test_news_views_show_controls_escaped(command: list[str], article: Path) -> None:
    result = runner.invoke(app, command, color=True)
    assert result.exit_code == 0, result.output
    _no_raw_controls(result.output)
    if command[1] == "show" and "--format" not in command:
        assert "\u241b[2J" in result.output  # shown, not run
        assert ":x:" in result.output and "\u274c" not in result.output  # no emoji
        assert "[bold red]" in result.output  # no markup from the article


def test_news_show_json_escapes_controls(article: Path) -> None:
    result = runner.invoke(app, ["news", "show", "1", "--format", "json"])
    assert result.exit_code == 0
    _no_raw_controls(result.output)


def test_an_error_naming_a_hostile_header_or_name_is_shown_escaped(tmp_path: Path) -> None:
    path = tmp_path / "evil\x1b]8;;x\x07.csv"
    path.write_text(":x:,[red]b[/],\x1b[2Jc\n1,2,3\n", encoding="utf-8")
    result = runner.invoke(app, ["ingest", "baci", str(path)], color=True)
    assert result.exit_code == 2
    _no_raw_controls(result.output)
    assert ":x:" in result.output and "\u274c" not in result.output
    assert "[red]b[/]" in result.output


def test_a_table_cell_with_markup_is_printed_as_text(tmp_path: Path) -> None:
    import pandas as pd

    from bilat.cli.app import OutputFormat, console, emit

    frame = pd.DataFrame({":x: col": ["[link=https://evil]click[/link] \x1b[2J :thumbs_up:"]})
    with console.capture() as captured:
        emit(frame, OutputFormat.table)
    out = captured.get()
    _no_raw_controls(out)
    assert "[link=https://evil]click[/link]" in out and ":thumbs_up:" in out and ":x: col" in out
    assert "\u241b[2J" in out


def test_every_command_prints_file_names_with_controls_shown(tmp_path: Path) -> None:
    # bilat ingest's own lines (not only tables and errors) go through the same console.
    path = tmp_path / "BACI_HS17_Y2020_V202401\x1b[2J\x1b]8;;evil\x07.csv"
    path.write_text("t,i,j,k,v,q\n2020,710,392,710231,10493.455,0.112\n", encoding="utf-8")
    result = runner.invoke(app, ["ingest", "baci", str(path)])
    assert result.exit_code == 0, result.output
    _no_raw_controls(result.output)
    assert "\u241b[2J" in result.output
