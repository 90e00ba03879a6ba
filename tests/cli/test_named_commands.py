"""Every command a message or a help text names exists: each one runs with ``--help``.

The 0.2 messages sent readers to ``bilat news ingest`` and ``bilat lenses``, which do not exist.
This test reads every ``bilat ...`` a source file quotes (after a backtick, a quote or a bracket:
how messages and help texts name commands) in the package's Python, JavaScript and HTML, resolves
it in the Typer app and runs it with ``--help``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from bilat.cli.app import app

SRC = Path(__file__).resolve().parents[2] / "src" / "bilat"
NAMED = re.compile(r"[\"'`(]bilat ([a-z][a-z_-]*(?: [a-z][a-z_-]*)?)")
#: Sentences that begin with the word bilat (the tool's name, not a command).
PROSE = {"also", "stores", "indicator", "nomenclature"}


def named_commands() -> dict[str, str]:
    """Command text -> the first file that names it."""
    found: dict[str, str] = {}
    for path in sorted(SRC.rglob("*")):
        if path.suffix not in (".py", ".js", ".html") or "static/plotly" in str(path):
            continue
        for match in NAMED.finditer(path.read_text(encoding="utf-8")):
            words = match.group(1).split()
            if words[0] in PROSE:
                continue
            found.setdefault(" ".join(words), str(path.relative_to(SRC)))
    return found


def resolve(words: list[str]) -> list[str]:
    """The command path the words name (``ingest baci`` → ``ingest``); fails on an unknown command."""
    command = typer.main.get_command(app)
    path: list[str] = []
    for word in words:
        subcommands = getattr(command, "commands", None)
        if subcommands is None:
            break  # a leaf command: the rest are its arguments
        assert word in subcommands, f"`bilat {' '.join(path + [word])}` names no command (known: {sorted(subcommands)})"
        command = subcommands[word]
        path.append(word)
    return path


def test_messages_name_commands() -> None:
    assert len(named_commands()) > 15  # the scan finds the messages (it read nothing if this fails)


@pytest.mark.parametrize(("text", "where"), sorted(named_commands().items()))
def test_each_named_command_runs_with_help(text: str, where: str) -> None:
    path = resolve(text.split())
    result = CliRunner().invoke(app, [*path, "--help"])
    assert result.exit_code == 0, f"{where}: `bilat {text}` --help failed: {result.output}"
    assert "Usage" in result.output
