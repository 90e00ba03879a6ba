"""One session: a store and the engine reading it, opened once by a face and passed down.

Why: every question needs the same three things (the pair's canonical codes, an engine over the
store, and the store's records: targets, articles), and each layer used to find them again on
its own: the pair resolved at each step, an engine opened (and closed, if one remembered) three
ways, targets and news read from ``$BILAT_HOME`` behind the caller's back even when the caller
had opened another store. A :class:`Session` holds them; faces open one, questions take one.

Example::

    from bilat.session import Session
    with Session() as s:                     # $BILAT_HOME, DuckDB, with the embedded data
        pair = s.pair("Israel", "Japan")
        s.execute(s.table("country_flows").limit(3))
"""

from __future__ import annotations

import contextlib
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bilat.catalog.store import Store
from bilat.errors import BilatError
from bilat.result_memo import ResultMemo
from bilat.schema import DERIVED_TABLES, TABLES

if TYPE_CHECKING:  # ibis, pandas and the engines load when a question first needs them
    import ibis
    import pandas as pd

    from bilat.engines.base import Engine


@dataclass(frozen=True)
class Pair:
    """Two countries as ISO3 codes, resolved once, with their short names."""

    a: str
    b: str
    names: dict[str, str]

    @property
    def codes(self) -> tuple[str, str]:
        return self.a, self.b

    def label(self, sep: str = "–") -> str:
        return f"{self.a}{sep}{self.b}"


def resolve_pair(a: str, b: str) -> tuple[str, str]:
    """ISO3 codes of two countries given by code, name or demonym."""
    from bilat.nomenclature.countries import resolve_country

    first, second = resolve_country(a).iso3, resolve_country(b).iso3
    if first == second:
        raise BilatError(f"a pair needs two different countries, got {a!r} and {b!r}")
    return first, second


def country_label(code: str) -> str:
    """A short readable name for an ISO3 code ("JPN" → "Japan"); the code itself if unknown."""
    from bilat.nomenclature.countries import resolve_country

    try:
        return resolve_country(code).short_name
    except BilatError:
        return code


class Session:
    """A store, the engine over it (opened on first use) and the pair questions are about.

    ``engine`` is a name (``"duckdb"``, ``"spark"``) or an engine already open (its store is then
    the session's store, and the session does not close it).
    """

    def __init__(
        self,
        home: Path | str | None = None,
        engine: str | Engine | None = None,
        *,
        store: Store | None = None,
        include_embedded: bool = True,
        results: ResultMemo | None = None,
    ) -> None:
        if engine is not None and not isinstance(engine, str):
            self._engine: Engine | None = engine
            self._owns_engine = False
            store = store or getattr(engine, "store", None)
            self.engine_name = getattr(engine, "name", "duckdb")
        else:
            self._engine = None
            self._owns_engine = True
            self.engine_name = engine or "duckdb"
        self.store = store if store is not None else Store(home)
        self.include_embedded = include_embedded
        #: The engine's frames for the questions that ask again; ``results`` shares another session's
        #: (a twin in another thread, :mod:`bilat.alongside`), which this one then does not clear.
        self._owns_results = results is None
        self._results = ResultMemo() if results is None else results
        #: Answers one question made that another asks again in this session (the pair's series:
        #: the profile's, then each goal's), by the question's own key; see :func:`bilat.questions.yearly.pair_series`.
        self.answers: dict[object, Any] = {}

    def __repr__(self) -> str:
        return f"Session({str(self.store.home)!r}, engine={self.engine_name!r})"

    # -- engine ------------------------------------------------------------------------------
    @property
    def engine(self) -> Engine:
        """The engine, opened on first use (DuckDB opens views only: cheap)."""
        if self._engine is None:
            from bilat.engines import open_engine

            self._engine = open_engine(self.engine_name, store=self.store, include_embedded=self.include_embedded)
        return self._engine

    def table(self, name: str) -> ibis.Table:
        return self.engine.table(name)

    def tables(self, names: tuple[str, ...] | None = None) -> dict[str, ibis.Table]:
        """The canonical tables and the derived ``pair_totals`` (or only ``names``) as Ibis tables."""
        return {name: self.engine.table(name) for name in (names or (*TABLES, *DERIVED_TABLES))}

    def execute(self, expr: Any) -> pd.DataFrame:
        """The expression's rows; the same expression asked again in this session is not run again.

        Why: the questions of one report ask the engine for some figures twice or three times
        (which sources and years the product data cover, the pair's series for the profile and
        for each goal). The session's engine and its views do not change while it is open, so
        the same expression gives the same rows; each caller gets its own copy to change.
        """
        key = _memo_key(expr)
        if key is None:
            return self.engine.execute(expr)
        return self._results.get(key, lambda: self.engine.execute(expr))

    def sql_frame(self, query: str) -> pd.DataFrame | None:
        """Plain SQL over the canonical views as a DataFrame, or None when the engine takes no SQL (Spark).

        Why: the questions a report asks most (the coverage probe, RCA, the complexity matrix)
        have a plain SQL spelling for DuckDB (:mod:`bilat.analytics.product_sql`) that skips
        Ibis's expression building and compile. Kept like :meth:`execute`'s results, by the text.
        """
        run = getattr(self.engine, "sql", None)
        if run is None or getattr(self.engine, "rows", None) is None:
            return None

        def ask() -> pd.DataFrame:
            try:
                return run(query)
            except Exception as exc:  # noqa: BLE001 - every engine failure becomes one named error, as in execute
                from bilat.errors import EngineError

                raise EngineError(self.engine_name, str(exc).splitlines()[0]) from exc

        return self._results.get(("sql", query), ask)

    def held(self, prefix: str, query: str) -> str | None:
        """The name of a table holding ``query``'s rows, made once in this session (None: the engine holds none, e.g. Spark).

        Why: two questions of one report read the same rows made from every country's exports
        (the world's exports by product: the potential's RCA ranks and the complexity matrix);
        held once, both read the table instead of summing the matrix twice. ``prefix`` is a
        plain table name; the query's checksum is added to it.
        """
        hold = getattr(self.engine, "hold_sql", None)
        if hold is None:
            return None
        key = ("held", query)
        if key not in self.answers:
            self.answers[key] = hold(f"{prefix}_{zlib.crc32(query.encode()):08x}", query)
        return self.answers[key]

    # -- the pair ------------------------------------------------------------------------------
    def pair(self, a: str, b: str) -> Pair:
        """The pair as ISO3 codes and names (raises a one-line error for an unknown country)."""
        first, second = resolve_pair(a, b)
        return Pair(first, second, {first: country_label(first), second: country_label(second)})

    # -- records in the store's catalog ---------------------------------------------------------
    @property
    def targets(self) -> Any:
        """The session store's declared targets (:class:`bilat.catalog.targets.TargetStore`)."""
        from bilat.catalog.targets import TargetStore

        return TargetStore(self.store)

    # -- lifetime --------------------------------------------------------------------------------
    def close(self) -> None:
        if self._owns_results:
            self._results.clear()
        self.answers.clear()
        if self._engine is not None and self._owns_engine:
            self._engine.close()
        if self._owns_engine:
            self._engine = None

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _memo_key(expr: Any) -> object | None:
    """The expression's operation tree (ibis compares and hashes it by structure); None if it cannot be a key."""
    op = getattr(expr, "op", None)
    if op is None:
        return None
    try:
        key = op()
        hash(key)
    except TypeError:
        return None
    return key


@contextlib.contextmanager
def using(session: Session | None = None, engine: str | Engine | None = None) -> Iterator[Session]:
    """The caller's session, or one opened for this call (and closed after it).

    Lets every question keep the 0.1 signature (``engine=`` a name or an open engine) while
    faces pass one session down.
    """
    if session is not None:
        yield session
        return
    own = Session(engine=engine)
    try:
        yield own
    finally:
        own.close()
