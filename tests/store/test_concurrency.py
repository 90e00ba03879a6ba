"""Two ingestions at once: the second waits for the first or stops with a clear message."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from bilat.errors import StoreLockedError
from bilat.store import Store
from bilat.synth import generate_baci

CHILD = "import sys; from bilat.store import Store; Store(sys.argv[1]).ingest('baci', sys.argv[2])"


@pytest.fixture(scope="module")
def two_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    out = tmp_path_factory.mktemp("concurrency")
    paths = generate_baci(out, years=[2018, 2019], rows_per_year=1_000_000, seed=3)
    return sorted(p for p in paths if p.name.startswith("BACI_") and p.suffix == ".csv")


def _start_and_wait_for_lock(home: Path, path: Path) -> subprocess.Popen:
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(home), str(path)])
    staging = home / "staging"
    deadline = time.monotonic() + 30
    while not (staging.exists() and any(staging.iterdir())):
        assert child.poll() is None, "the first ingestion ended before it could be observed"
        assert time.monotonic() < deadline
        time.sleep(0.02)
    return child


def test_second_writer_gives_up_with_a_clear_message(tmp_path: Path, two_files: list[Path]) -> None:
    home = tmp_path / "store"
    child = _start_and_wait_for_lock(home, two_files[0])
    with pytest.raises(StoreLockedError, match="another bilat process is writing"):
        Store(home).ingest("baci", two_files[1], lock_wait=0.1)
    assert child.wait() == 0
    assert len(Store(home).files()) == 1


def test_second_writer_waits_then_both_files_land(tmp_path: Path, two_files: list[Path]) -> None:
    home = tmp_path / "store"
    child = _start_and_wait_for_lock(home, two_files[0])
    result = Store(home).ingest("baci", two_files[1], lock_wait=120)
    assert child.wait() == 0
    assert not result.already_present
    assert sorted(Store(home).files()["name"]) == sorted(p.name for p in two_files)
