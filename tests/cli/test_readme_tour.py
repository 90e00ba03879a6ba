"""Every command of the README's tour, run as a reader runs it, in an 80-column terminal.

Each line of the ``## A tour`` block runs in a subprocess with ``COLUMNS=80`` on a fresh store;
no output may cut a value with "…" (a table too wide for the terminal becomes cards instead).
Commands that need a download, a file of the reader's own or a server are listed with the reason.
"""

from __future__ import annotations

import glob
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
NOT_RUN_HERE = {
    "serve": "starts a server that runs until stopped (tested in tests/web)",
    "ingest": "needs a BACI file of the reader's own (tested in tests/store and tests/sources)",
    "fetch": "downloads over the internet (tested against a local server in tests/fetch)",
}


def tour() -> list[list[str]]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    block = text.split("## A tour", 1)[1].split("```bash", 1)[1].split("```", 1)[0]
    return [shlex.split(line.split("#", 1)[0]) for line in block.splitlines() if line.strip().startswith("bilat ")]


def test_the_tour_is_read() -> None:
    assert len(tour()) >= 12


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One store for the whole tour, in order (target status reads the target added before it)."""
    return tmp_path_factory.mktemp("tour_home")


@pytest.mark.parametrize("argv", tour(), ids=lambda argv: " ".join(argv[1:4]))
def test_tour_command_fits_80_columns(argv: list[str], home: Path, tmp_path: Path) -> None:
    command = argv[1]
    if command in NOT_RUN_HERE:
        pytest.skip(NOT_RUN_HERE[command])
    if "spark" in argv and (shutil.which("java") is None or not _has("pyspark")):
        pytest.skip("Spark needs pyspark and Java 17")
    args = []
    for arg in argv[1:]:
        if "*" in arg:  # the news example: ../shared/examples/news/*.txt, relative to the repository
            matched = sorted(glob.glob(str(REPO / arg)))
            if not matched:
                pytest.skip(f"{arg} not found beside the clone")
            args += matched
        else:
            args.append(arg)
    env = {**os.environ, "COLUMNS": "80", "BILAT_HOME": str(home), "NO_COLOR": "1"}
    done = subprocess.run([sys.executable, "-m", "bilat.cli", *args], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr
    output = done.stdout + done.stderr
    assert output.strip(), "the command printed nothing"
    cut = [line for line in output.splitlines() if "…" in line]
    assert not cut, "cells cut at 80 columns:\n" + "\n".join(cut)
    table_lines = [line for line in done.stdout.splitlines() if re.search(r"[│┃]", line)]
    assert all(len(line) <= 80 for line in table_lines), "a table is wider than 80 columns"


def _has(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None
