"""Every `Example:` line in the CLI's help runs, in order, on a fresh store and the embedded data.

A documented example that fails is a broken promise to the reader. The few that cannot run here
are listed with the reason.
"""

from __future__ import annotations

import re
import shlex
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import gen_cli_reference  # noqa: E402

from bilat.cli.app import app  # noqa: E402

NOT_RUN_HERE = {
    "ingest": "needs a BACI file of the reader's own (ingestion is tested in tests/store and tests/sources)",
    "serve": "starts a server that runs until stopped (tested in tests/web)",
    "fetch baci": "downloads from CEPII over the internet (tested against a local server in tests/fetch)",
    "fetch comtrade": "calls the UN Comtrade API (tested on recorded responses in tests/fetch)",
    "synth baci": "writes 200,000 rows to /tmp (tested in tests/test_synth.py)",
}

ARTICLE = (
    "Israel and Japan signed a cooperation agreement in Tokyo on Monday. Israel's exports to Japan "
    "were about $757 million in 2016.\n"
)


def examples() -> list[tuple[str, str]]:
    found = []
    for path, command in gen_cli_reference.commands():
        if hasattr(command, "commands"):
            continue
        match = re.search(r"Example: (bilat .*)", command.help or "")
        assert match, f"bilat {' '.join(path)} has no example"
        found.append((" ".join(path), match.group(1).strip()))
    return found


def test_every_documented_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    runner = CliRunner()
    ran = []
    for name, line in examples():
        if name in NOT_RUN_HERE:
            continue
        result = runner.invoke(app, shlex.split(line)[1:])
        assert result.exit_code == 0, f"`{line}` failed:\n{result.output}\n{result.stderr}"
        ran.append(name)
    assert {"flows", "report", "profile", "target status", "news check", "potential"} <= set(ran)
    assert (tmp_path / "israel-japan.html").stat().st_size > 100_000
