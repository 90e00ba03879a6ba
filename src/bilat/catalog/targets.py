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
ALTER TABLE targets ADD COLUMN IF NOT EXISTS kind VARCHAR DEFAULT 'goal';
ALTER TABLE targets ADD COLUMN IF NOT EXISTS increase BOOLEAN DEFAULT false;
ALTER TABLE targets ADD COLUMN IF NOT EXISTS base_year_assumed BOOLEAN DEFAULT false;
ALTER TABLE targets ADD COLUMN IF NOT EXISTS notes VARCHAR;
CREATE TABLE IF NOT EXISTS target_origins (
    target_id INTEGER NOT NULL,
    origin VARCHAR NOT NULL,
    quote VARCHAR,
    added_at TIMESTAMP NOT NULL,
    PRIMARY KEY (target_id, origin)
);
"""

FIELDS = ["a", "b", "measure", "base_year", "by_year", "multiplier", "target_value", "by_year_assumed", "quote", "origin",
          "kind", "increase", "base_year_assumed", "notes"]


class TargetStore:
    """Add, list and remove targets in one store."""

    def __init__(self, store: Store | None = None) -> None:
        self.store = store or Store()

    def add(self, target: Target) -> Target:
        """Store ``target``; returns it with its new ``id``.

        The same goal declared again (same pair, measure, base year and level; another article
        restating it) is not stored twice: the stored goal gains the new declaration as one more
        origin, and is returned.
        """
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        same = next((t for t in self.all() if same_goal(t, target)), None)
        with self.store.write_lock(), self.store.catalog() as con:
            con.execute(TARGETS_SCHEMA)
            if same is not None:
                con.execute("INSERT OR IGNORE INTO target_origins VALUES (?, ?, ?, ?)",
                            [same.id, target.origin, target.quote, now])
                target_id = int(same.id)  # type: ignore[arg-type]
            else:
                values = ["\n".join(target.notes) if f == "notes" else getattr(target, f) for f in FIELDS]
                row = con.execute(
                    f"INSERT INTO targets ({', '.join(FIELDS)}, created_at) VALUES ({', '.join('?' for _ in FIELDS)}, ?)"
                    " RETURNING id",
                    [*values, now],
                ).fetchone()
                target_id = int(row[0])
                con.execute("INSERT INTO target_origins VALUES (?, ?, ?, ?)", [target_id, target.origin, target.quote, now])
        return self.get(target_id)

    def frame(self) -> pd.DataFrame:
        """Every stored target as a DataFrame (empty, with the columns, on a fresh store)."""
        if not self.store.catalog_path.exists():  # a fresh store: no targets, and no catalog to open for it
            return pd.DataFrame(columns=["id", *FIELDS, "created_at", "origins"])
        with self.store.catalog(read_only=True) as con:
            exists = con.execute(
                "SELECT count(*) FROM information_schema.tables WHERE table_name = 'targets'"
            ).fetchone()[0]
            if not exists:
                return pd.DataFrame(columns=["id", *FIELDS, "created_at", "origins"])
            columns = {r[0] for r in con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = 'targets'").fetchall()}
            select = ", ".join(f if f in columns else f"NULL AS {f}" for f in FIELDS)
            has_origins = con.execute(
                "SELECT count(*) FROM information_schema.tables WHERE table_name = 'target_origins'").fetchone()[0]
            frame = con.execute(f"SELECT id, {select}, created_at FROM targets ORDER BY id").fetch_df()
            origins: dict[int, list[dict]] = {}
            if has_origins:
                for target_id, origin, quote in con.execute(
                        "SELECT target_id, origin, quote FROM target_origins ORDER BY added_at, origin").fetchall():
                    origins.setdefault(int(target_id), []).append({"origin": origin, "quote": quote})
            frame["origins"] = [origins.get(int(i), []) for i in frame["id"]]
            return frame

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
            con.execute("DELETE FROM target_origins WHERE target_id = ?", [int(target_id)])


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
        kind=clean(row.get("kind")) or "goal", increase=bool(clean(row.get("increase")) or False),
        base_year_assumed=bool(clean(row.get("base_year_assumed")) or False),
        origins=list(row.get("origins") or []) or [{"origin": row["origin"], "quote": quote}],
        notes=[n for n in str(clean(row.get("notes")) or "").split("\n") if n],
    )


def same_goal(x: Target, y: Target) -> bool:
    """True when two targets declare the same goal: one pair, measure, base year, level and goal year."""
    return ({x.a, x.b} == {y.a, y.b} and x.measure == y.measure and x.base_year == y.base_year
            and x.multiplier == y.multiplier and x.target_value == y.target_value and x.increase == y.increase
            and x.by_year == y.by_year)
