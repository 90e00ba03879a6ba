"""Write docs/cli-reference.md from the CLI's own --help texts, so the reference cannot drift.

Usage: .venv/bin/python scripts/gen_cli_reference.py   (tests/test_cli_docs.py checks it is current)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from typing import Any

import typer

DOC = Path(__file__).resolve().parents[1] / "docs" / "cli-reference.md"


def walk(command: Any, path: list[str]) -> list[tuple[list[str], Any]]:
    """Every command of the tree, depth first, in registration order (Typer vendors its own click)."""
    found = [(path, command)]
    if hasattr(command, "commands"):
        for name, sub in command.commands.items():
            found.extend(walk(sub, path + [name]))
    return found


def commands() -> list[tuple[list[str], Any]]:
    import bilat.cli

    root = typer.main.get_command(bilat.cli.app)
    return [(p, c) for p, c in walk(root, []) if p]


def help_text(path: list[str]) -> str:
    from typer.testing import CliRunner

    import bilat.cli

    env = {"COLUMNS": "100", "TERM": "dumb", "NO_COLOR": "1"}
    result = CliRunner().invoke(bilat.cli.app, path + ["--help"], env=env, terminal_width=100)
    return result.output.rstrip()


def render() -> str:
    lines = [
        "# CLI reference",
        "",
        "Generated from `bilat COMMAND --help` by `scripts/gen_cli_reference.py`; do not edit by hand.",
        "",
    ]
    for path, _command in commands():
        lines += [f"## bilat {' '.join(path)}", "", "```", help_text(path), "```", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    os.environ.setdefault("BILAT_HOME", "/tmp/bilat-cli-reference")
    DOC.write_text(render(), encoding="utf-8")
    print(f"wrote {DOC}", file=sys.stderr)
