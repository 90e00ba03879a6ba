"""Fixtures of the loader tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilat.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """An empty store of its own for each test."""
    return Store(tmp_path / "store")
