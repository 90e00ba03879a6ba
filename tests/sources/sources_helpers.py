"""Helpers for the loader tests: the check that a refused file changed nothing, and bad-file makers."""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

import pytest

from bilat.errors import ValidationError
from bilat.store import Store

RECORDED = Path(__file__).resolve().parents[1] / "data" / "recorded"


def store_fingerprint(store: Store) -> tuple[dict[str, int], list[str], dict[str, str]]:
    """Row counts, ingested file checksums and the bytes of every data file: all must survive a refusal."""
    data = {}
    if store.data_dir.exists():
        for file in sorted(store.data_dir.rglob("*.parquet")):
            data[str(file.relative_to(store.home))] = hashlib.sha256(file.read_bytes()).hexdigest()
    return store.row_counts(), sorted(store.files()["sha256"]) if len(store.files()) else [], data


def assert_refused(store: Store, source: str, path: Path, line: int | None, column: str | None, words: str) -> ValidationError:
    """Ingesting ``path`` fails with one line naming the file, the line and the column; nothing changes."""
    before = store_fingerprint(store)
    with pytest.raises(ValidationError) as info:
        store.ingest(source, path)
    message = str(info.value)
    assert "\n" not in message, message
    assert path.name in message
    if line is not None:
        assert f"line {line}" in message, message
    if column is not None:
        assert repr(column) in message, message
    assert words in message, message
    assert store_fingerprint(store) == before
    return info.value


def write_text(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def truncated_gzip(path: Path, text: str) -> Path:
    """A gzip file cut in the middle, as an interrupted download leaves it."""
    data = gzip.compress(text.encode("utf-8"))
    path.write_bytes(data[: len(data) // 2])
    return path
