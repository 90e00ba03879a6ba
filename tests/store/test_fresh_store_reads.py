"""Reading a fresh store (nothing ingested, no target added) opens no catalog and gives the catalog's columns.

Why: a first report of the embedded data asks for the store's files and targets; opening an
in-memory catalog with the schema for each answer cost tens of milliseconds of a report whose
goal is 1.5 s (issue #17). The empty answers must still look like the catalog's.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from bilat.catalog.store import CATALOG_SCHEMA, FILES_COLUMNS, Store
from bilat.catalog.targets import FIELDS, TargetStore


def test_files_columns_are_the_catalog_schemas() -> None:
    con = duckdb.connect()
    con.execute(CATALOG_SCHEMA)
    assert FILES_COLUMNS == [r[0] for r in con.execute("DESCRIBE files").fetchall()]


def test_fresh_store_answers_empty_without_a_catalog(tmp_path: Path) -> None:
    store = Store(tmp_path / "home")
    files = store.files()
    targets = TargetStore(store).frame()
    assert len(files) == 0 and list(files.columns) == FILES_COLUMNS
    assert len(targets) == 0 and list(targets.columns) == ["id", *FIELDS, "created_at", "origins"]
    assert not store.catalog_path.exists()
