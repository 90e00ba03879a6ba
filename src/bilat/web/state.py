"""What the service answers from right now: the store's catalog state, an ETag for it, and engines.

Why a pool rather than one engine per request: opening a DuckDB engine reads the catalog six times
(about 80 ms), several times the cost of a typical query; and one DuckDB connection must not be
used by two threads at once. So the service keeps a few engines, each used by one request at a
time, and replaces them when the store changes.

How a change is noticed without reading the catalog on every request: the catalog file (and its
write-ahead log) change size or modification time whenever an ingestion, ``news add`` or
``target add`` commits. That stat pair is the cheap *state key*; the ETag is computed once per
state key from the content of everything an answer reads: every catalog table (ingested files,
targets, news articles and their records: one hash per row), the lens file, the embedded files and
the bilat version. (It once hashed the file ids only, so a live server kept serving the targets
and articles it had before a ``news add`` or ``target add``.) An engine opened under an older key
is closed instead of being reused, so a request never sees a half-old view.
"""

from __future__ import annotations

import contextlib
import hashlib
import threading
from collections.abc import Iterator
from pathlib import Path

from bilat import __version__
from bilat.engines import Engine, open_engine
from bilat.settings import EMBEDDED_DIR
from bilat.sql import quote_identifier
from bilat.catalog.store import Store
from bilat.session import Session

#: Engines kept open per state; more concurrent requests open extra engines and close them after.
DEFAULT_POOL_SIZE = 4


def _stat_key(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


class StoreState:
    """The catalog state key and its ETag, for one store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._etag_for: tuple[object, str] | None = None

    def key(self) -> tuple[object, ...]:
        """Changes whenever an ingestion commits (or the user edits lenses.csv or the embedded data)."""
        catalog = self.store.catalog_path
        embedded = tuple(_stat_key(p) for p in sorted(EMBEDDED_DIR.glob("*.parquet"))) if EMBEDDED_DIR.is_dir() else ()
        return (
            _stat_key(catalog),
            _stat_key(catalog.with_name(catalog.name + ".wal")),
            _stat_key(self.store.home / "lenses.csv"),
            embedded,
        )

    def etag(self) -> str:
        """A strong validator for every data answer under the current state."""
        key = self.key()
        with self._lock:
            if self._etag_for is not None and self._etag_for[0] == key:
                return self._etag_for[1]
        digest = hashlib.sha256(__version__.encode())
        for table, rows, fingerprint in self._catalog_content():
            digest.update(f"\0{table}\0{rows}\0{fingerprint}".encode())
        digest.update(repr(key[2:]).encode())
        value = '"' + digest.hexdigest()[:20] + '"'
        with self._lock:
            self._etag_for = (key, value)
        return value


    def _catalog_content(self) -> list[tuple[str, int, int]]:
        """(table, rows, order-free hash of its rows) for every table of the catalog."""
        if not self.store.catalog_path.exists():
            return []
        with self.store.catalog(read_only=True) as con:
            tables = [
                r[0]
                for r in con.execute(
                    "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() ORDER BY table_name"
                ).fetchall()
            ]
            out = []
            for table in tables:
                name = quote_identifier(table)
                rows, fingerprint = con.execute(f"SELECT count(*), coalesce(bit_xor(hash(t)), 0) FROM {name} AS t").fetchone()
                out.append((table, int(rows), int(fingerprint)))
        return out


class EnginePool:
    """A few engines over one store, each lent to one request at a time."""

    def __init__(
        self, store: Store, engine: str = "duckdb", size: int = DEFAULT_POOL_SIZE, include_embedded: bool = True
    ) -> None:
        self.store = store
        self.engine_name = engine
        self.include_embedded = include_embedded
        self.size = 1 if engine == "spark" else size
        self.state = StoreState(store)
        self._idle: list[tuple[tuple[object, ...], Engine]] = []
        self._lock = threading.Lock()
        self._closed = False

    @contextlib.contextmanager
    def engine(self) -> Iterator[Engine]:
        """Borrow an engine that sees the store as it is now."""
        key = self.state.key()
        engine: Engine | None = None
        with self._lock:
            while self._idle:
                idle_key, candidate = self._idle.pop()
                if idle_key == key:
                    engine = candidate
                    break
                _close_quietly(candidate)
        if engine is None:
            engine = open_engine(self.engine_name, store=self.store, include_embedded=self.include_embedded)
        try:
            yield engine
        finally:
            with self._lock:
                keep = not self._closed and len(self._idle) < self.size and self.state.key() == key
                if keep:
                    self._idle.append((key, engine))
            if not keep:
                _close_quietly(engine)

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A :class:`bilat.session.Session` over the app's store and a borrowed engine (one request)."""
        with self.engine() as engine:
            yield Session(engine=engine, store=self.store)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for _, engine in idle:
            _close_quietly(engine)


def _close_quietly(engine: Engine) -> None:
    with contextlib.suppress(Exception):
        engine.close()
