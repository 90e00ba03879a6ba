"""Declared targets kept in the store's catalog (table ``targets``), so they outlive one command.

Why the catalog: a target is a small record with provenance (who declared it, the quote) that
the report, the CLI and the web service all read; the catalog is the store's one transactional
place for such records. Writes hold the store's write lock, like ingestion does.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from bilat.analytics.targets import Target
from bilat.errors import BilatError
from bilat.catalog.store import Store

TARGETS_SCHEMA = """
CREATE SEQUENCE IF NOT EXISTS targets_id START 1;
CREATE TABLE IF NOT EXISTS targets (
    id INTEGER PRIMARY KEY DEFAULT nextval('targets_id'),
    a VARCHAR NOT NULL,
    b VARCHAR NOT NULL,
    measure VARCHAR NOT NULL,
    base_year SMALLINT NOT NULL,
    by_year SMALLINT NOT NULL,
    multiplier DOUBLE,
    target_value DOUBLE,
    by_year_assumed BOOLEAN NOT NULL,
    quote VARCHAR,
    origin VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL
);
"""

FIELDS = ["a", "b", "measure", "base_year", "by_year", "multiplier", "target_value", "by_year_assumed", "quote", "origin"]


class TargetStore:
    """Add, list and remove targets in one store."""

    def __init__(self, store: Store | None = None) -> None:
        self.store = store or Store()

    def add(self, target: Target) -> Target:
        """Store ``target``; returns it with its new ``id``."""
        values = [getattr(target, f) for f in FIELDS]
        with self.store.write_lock(), self.store.catalog() as con:
            con.execute(TARGETS_SCHEMA)
            row = con.execute(
                f"INSERT INTO targets ({', '.join(FIELDS)}, created_at) VALUES ({', '.join('?' for _ in FIELDS)}, ?)"
                " RETURNING id",
                [*values, dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)],
            ).fetchone()
        target.id = int(row[0])
        return target

    def frame(self) -> pd.DataFrame:
        """Every stored target as a DataFrame (empty, with the columns, on a fresh store)."""
        with self.store.catalog(read_only=True) as con:
            exists = con.execute(
                "SELECT count(*) FROM information_schema.tables WHERE table_name = 'targets'"
            ).fetchone()[0]
            if not exists:
                return pd.DataFrame(columns=["id", *FIELDS, "created_at"])
            return con.execute(f"SELECT id, {', '.join(FIELDS)}, created_at FROM targets ORDER BY id").fetch_df()

    def all(self) -> list[Target]:
        """Every stored target, oldest first."""
        return [_from_row(row) for row in self.frame().to_dict(orient="records")]

    def get(self, target_id: int) -> Target:
        """The target with ``target_id``; a clear error if there is none."""
        for target in self.all():
            if target.id == int(target_id):
                return target
        raise BilatError(f"no target with id {target_id}; `bilat target list` shows the stored ones")

    def remove(self, target_id: int) -> None:
        """Delete one target."""
        self.get(target_id)
        with self.store.write_lock(), self.store.catalog() as con:
            con.execute(TARGETS_SCHEMA)
            con.execute("DELETE FROM targets WHERE id = ?", [int(target_id)])


def _from_row(row: dict) -> Target:
    def clean(v: object) -> object:
        return None if v is None or (isinstance(v, float) and v != v) else v

    multiplier, value = clean(row["multiplier"]), clean(row["target_value"])
    quote = clean(row["quote"])
    return Target(
        a=row["a"], b=row["b"], measure=row["measure"], base_year=int(row["base_year"]), by_year=int(row["by_year"]),
        multiplier=float(multiplier) if multiplier is not None else None,
        target_value=float(value) if value is not None else None,
        by_year_assumed=bool(row["by_year_assumed"]), quote=quote, origin=row["origin"], id=int(row["id"]),
    )
