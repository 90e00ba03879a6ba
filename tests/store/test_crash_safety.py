"""SIGKILL during ingestion never changes what the store holds, and a rerun completes."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import crash_harness  # noqa: E402

pytestmark = pytest.mark.slow


def test_twenty_seeded_sigkills_lose_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = crash_harness.run(trials=20, seed=7, rows=100_000, workdir=tmp_path)
    with capsys.disabled():
        print("\n" + report.line())
    assert report.failures == []
    assert report.trials == 20 and report.survived == 20 and report.reruns_completed == 20
    assert report.rows_lost == 0
    # The kills must actually interrupt ingestions, not only arrive after them.
    assert report.killed_before_commit >= 10


def test_sigkills_during_a_batch_of_two_files_lose_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = crash_harness.run_batch(trials=8, seed=7, rows=100_000, workdir=tmp_path)
    with capsys.disabled():
        print("\nbatch " + report.line())
    assert report.failures == []
    assert report.trials == 8 and report.survived == 8 and report.reruns_completed == 8
    assert report.rows_lost == 0
    assert report.killed_before_commit >= 2  # the kills must interrupt batches, not only follow them
