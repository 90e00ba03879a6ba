"""Every command explains itself: help text, a runnable example, and a reference entry."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import gen_cli_reference  # noqa: E402

import bilat.cli  # noqa: E402

COMMANDS = gen_cli_reference.commands()
REFERENCE = Path(__file__).resolve().parents[1] / "docs" / "cli-reference.md"


@pytest.mark.parametrize("module", bilat.cli.COMMAND_MODULES)
def test_every_listed_command_module_imports(module: str) -> None:
    importlib.import_module(module)


@pytest.mark.parametrize("path", [p for p, c in COMMANDS if not hasattr(c, "commands")], ids=lambda p: " ".join(p))
def test_every_command_has_a_summary_and_an_example(path: list[str]) -> None:
    command = dict((tuple(p), c) for p, c in COMMANDS)[tuple(path)]
    text = command.help or ""
    assert text.strip(), f"bilat {' '.join(path)} has no help text"
    assert "Example: bilat " in text, f"bilat {' '.join(path)} --help has no 'Example: bilat ...' line"


def test_cli_reference_is_generated_from_the_current_help() -> None:
    assert REFERENCE.exists(), "run scripts/gen_cli_reference.py"
    assert REFERENCE.read_text(encoding="utf-8") == gen_cli_reference.render(), (
        "docs/cli-reference.md is stale: run .venv/bin/python scripts/gen_cli_reference.py"
    )
