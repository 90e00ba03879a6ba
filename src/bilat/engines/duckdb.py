"""The default engine: an in-process DuckDB reading the store's Parquet files through views.

Ibis and pandas load on the first Ibis expression (:attr:`DuckDBEngine.ibis`), not when the
engine opens: a question answered in plain SQL (:meth:`DuckDBEngine.rows`, the pair's yearly
flows) costs a process DuckDB alone, not the half second of importing Ibis, pandas and numpy.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from bilat.catalog.totals import pair_totals_sql, world_totals_sql
from bilat.engines._lazy_compilers import install as _lazy_ibis_compilers
from bilat.engines.base import check_table_name, table_files, totals_files
from bilat.errors import EngineError
from bilat.schema import PAIR_TOTALS, TABLES, WORLD_BY_HEADING, WORLD_TOTALS, empty_select_sql
from bilat.sql import quote_literal, quote_read_path
from bilat.catalog.store import Store

if TYPE_CHECKING:
    import ibis
    import pandas as pd

#: The view of the world rows (not a derived table every engine offers: DuckDB's, made on first use).
WORLD_VIEW = "world_totals"

#: Compiled SQL kept per engine, by expression (see :meth:`DuckDBEngine._compile`).
COMPILED_KEPT = 512


def _files_sql(paths: list[str]) -> str:
    return "[" + ", ".join(quote_read_path(p) for p in paths) + "]"


def _embedded_sql(files, select: str) -> str:  # noqa: ANN001 - TableFiles or TotalsFiles
    """The embedded rows of a table, less those of sources the user has ingested himself."""
    where = ""
    if files.hidden_embedded_sources:
        hidden = ", ".join(quote_literal(s) for s in files.hidden_embedded_sources)
        where = f" WHERE source NOT IN ({hidden})"
    return f"SELECT {select} FROM read_parquet({_files_sql([str(files.embedded_file)])}){where}"


def _to_frame(expr: ibis.Expr, table: pa.Table, schema: ibis.Schema) -> object:
    """DuckDB's Arrow result as Ibis's ``execute`` returns it (the same steps, ibis 12's duckdb backend).

    Columns that are nested, dictionary-encoded or hold nulls go through Python lists (as Ibis
    does: a null would otherwise turn an integer column into floats), then Ibis's converters.
    """
    import ibis
    import pandas as pd
    import pyarrow.types as pat
    from ibis.backends.duckdb.converter import DuckDBPandasData

    df = pd.DataFrame({
        name: (col.to_pylist() if (pat.is_nested(col.type) or pat.is_dictionary(col.type) or col.null_count)
               else col.to_pandas())
        for name, col in zip(table.column_names, table.columns, strict=True)
    })
    df = DuckDBPandasData.convert_table(df, schema)
    return expr.__pandas_result__(df, schema=schema) if isinstance(expr, ibis.Table) else expr.__pandas_result__(df)


def _with_years(store: Store, files: list[str]) -> list[tuple[str, int | None, int | None]]:
    """Each kept-totals file with the first and last year the catalog lists for its product file."""
    years = {file_id: (first, last) for file_id, first, last in store.listing().years}
    return [(path, *years.get(Path(path).stem, (None, None))) for path in files]


def _holding(files: list[tuple[str, int | None, int | None]], year: int) -> list[str]:
    """The files whose years hold ``year`` (a file whose years the catalog does not know: always)."""
    return [path for path, first, last in files if first is None or last is None or first <= year <= last]


def _kept_pairs_sql(files: list[str]) -> str:
    """The pair totals kept in these totals files, less their world rows (the world_totals view)."""
    select = ", ".join(f"CAST({c} AS {t}) AS {c}" for c, t in PAIR_TOTALS.items())
    return f"SELECT {select} FROM read_parquet({_files_sql(files)}) WHERE hs_section >= 0"


class DuckDBEngine:
    """DuckDB over the store (and the embedded data). Cheap to open: views only, nothing loaded."""

    name = "duckdb"

    def __init__(self, store: Store, include_embedded: bool = True, threads: int | None = None) -> None:
        self.store = store
        self._include_embedded = include_embedded
        opened_on = store.listing()
        self.con = duckdb.connect()
        # DuckDB draws its own progress bar on long queries, even into a pipe: it would corrupt
        # `--format json` output on big data.
        self.con.execute("SET enable_progress_bar = false")
        if threads:
            self.con.execute(f"SET threads = {int(threads)}")
        for table in TABLES:
            self.con.execute(f"CREATE VIEW {table} AS {self._table_sql(table, include_embedded)}")
        self.con.execute(f"CREATE VIEW pair_totals AS {self._totals_sql(include_embedded)}")
        # Each query reads the footers of every year's file again unless DuckDB keeps them: a
        # profile asks about twenty questions of the same files.
        self.con.execute("SET parquet_metadata_cache = true")
        #: The catalog's file list the views were made from (None: it changed while they were made).
        #: Kept answers are keyed by it (:mod:`bilat.questions.kept`).
        self.data_listing = opened_on if store.listing() == opened_on else None
        self._fresh_memos()

    def _fresh_memos(self) -> None:
        """The per-connection memos, empty: the Ibis backend, compiled SQL, run expressions, tables."""
        self._ibis: Any = None
        self._compiled: dict[object, str] = {}
        self._ran: dict[object, tuple[str, ibis.Schema]] = {}  # see execute
        self._tables: dict[str, ibis.Table] = {}  # the views are fixed for the engine's lifetime
        #: (file, first year, last year) of the world rows' files, when all are kept (see world_totals)
        self._world_years: list[tuple[str, int | None, int | None]] | None = None
        self._world_rest: str | None = None

    @property
    def ibis(self) -> Any:
        """The Ibis backend over this connection, made on first use (with its compile memo)."""
        if self._ibis is None:
            _lazy_ibis_compilers()  # before Ibis loads its SQL compilers: only DuckDB's is imported (see the module)
            import ibis

            backend = ibis.duckdb.from_connection(self.con)
            self._ibis_compile = backend.compile
            backend.compile = self._compile  # type: ignore[method-assign]
            self._ibis = backend
        return self._ibis

    def _table_sql(self, table: str, include_embedded: bool) -> str:
        files = table_files(self.store, table, include_embedded)
        columns = TABLES[table]
        select = ", ".join(f"CAST({c} AS {t}) AS {c}" for c, t in columns.items())
        parts = []
        if files.store_files:
            parts.append(f"SELECT {select} FROM read_parquet({_files_sql([str(p) for p in files.store_files])})")
        if files.embedded_file is not None:
            parts.append(_embedded_sql(files, select))
        if not parts:
            return empty_select_sql(table)
        return " UNION ALL ".join(parts)

    def _totals_sql(self, include_embedded: bool) -> str:
        """Stored pair totals, UNION ALL the same totals formed from rows that have none kept."""
        files = totals_files(self.store, include_embedded)
        select = ", ".join(f"CAST({c} AS {t}) AS {c}" for c, t in PAIR_TOTALS.items())
        parts = []
        if files.stored:  # less the world rows the same files keep (the world_totals view)
            parts.append(_kept_pairs_sql([str(p) for p in files.stored]))
        self._totals_years = _with_years(self.store, [str(p) for p in files.stored])
        rows = []
        if files.legacy:
            rows.append("SELECT * FROM product_flows_legacy")
            product = ", ".join(f"CAST({c} AS {t}) AS {c}" for c, t in TABLES["product_flows"].items())
            self.con.execute(
                f"CREATE VIEW product_flows_legacy AS SELECT {product}"
                f" FROM read_parquet({_files_sql([str(p) for p in files.legacy])})"
            )
        if files.embedded_file is not None:
            rows.append(_embedded_sql(files, "*"))
        self._totals_rest = None
        if rows:
            relation = "(" + " UNION ALL BY NAME ".join(rows) + ")"
            self._totals_rest = f"SELECT {select} FROM ({pair_totals_sql(relation)})"
            parts.append(self._totals_rest)
        if not parts:
            return f"SELECT {select} FROM (SELECT {', '.join(f'NULL AS {c}' for c in PAIR_TOTALS)}) WHERE FALSE"
        return " UNION ALL ".join(parts)

    def _compile(self, expr: ibis.Expr, *args: object, **kwargs: object) -> str:
        """Ibis's SQL for ``expr``, compiled once per equal expression.

        Why: compiling costs Ibis 20-250 ms a query (its rewrite passes over the expression
        graph), often more than DuckDB takes to answer from the kept totals; a warm process asks
        the same questions again (the web service, a profile after a profile). Equal expressions
        (Ibis compares them by structure) give equal SQL: the views they read are fixed for the
        engine's lifetime. Only the plain calls are kept (no ``limit`` or ``params``).
        """
        if args or any(v is not None for v in kwargs.values()):
            return self._ibis_compile(expr, *args, **kwargs)
        key = expr.op()
        sql = self._compiled.get(key)
        if sql is None:
            sql = self._ibis_compile(expr)
            if len(self._compiled) >= COMPILED_KEPT:
                self._compiled.pop(next(iter(self._compiled)))
            self._compiled[key] = sql
        return sql

    def hold(self, name: str, expr: ibis.Table) -> ibis.Table:
        """Run ``expr`` once into the temporary table ``name`` (replacing it) and return that table.

        Why: a question that asks many things of the same few rows (a profile: composition at
        three levels, concentration, coverage, an index, all over the pair's product rows) reads
        them from the Parquet files once instead of once per part. The name is the caller's, so
        the expressions over it are equal from one call to the next (and compile once).
        """
        if not name.replace("_", "").isalnum():
            raise EngineError(self.name, f"not a plain table name: {name!r}")
        self.con.execute(f'CREATE OR REPLACE TEMP TABLE "{name}" AS {self.ibis.compile(expr)}')
        held = self._tables.get(name)
        if held is None or held.schema() != expr.schema():
            held = self._tables[name] = self.ibis.table(name)
        return held

    def hold_sql(self, name: str, query: str) -> str:
        """Run plain SQL once into the temporary table ``name`` (replacing it); return the name.

        :meth:`hold` without Ibis: the profile's parts on DuckDB ask their questions in plain SQL
        (:mod:`bilat.analytics.series_sql`), so the first profile of new data loads no Ibis. An
        Ibis table over the same name (:meth:`held`) is made only if an Ibis part asks for it.
        """
        if not name.replace("_", "").isalnum():
            raise EngineError(self.name, f"not a plain table name: {name!r}")
        try:
            self.con.execute(f'CREATE OR REPLACE TEMP TABLE "{name}" AS {query}')
        except duckdb.Error as exc:
            raise EngineError(self.name, str(exc).splitlines()[0]) from exc
        self._tables.pop(name, None)  # its schema is the new query's
        return name

    def held(self, name: str) -> ibis.Table:
        """The Ibis table over a table :meth:`hold_sql` made (made once per hold)."""
        found = self._tables.get(name)
        if found is None:
            found = self._tables[name] = self.ibis.table(name)
        return found

    def pair_totals_of_year(self, year: int) -> ibis.Table:
        """The ``pair_totals`` view less the kept files whose years (as the catalog lists them) miss ``year``.

        The same rows for that year (totals summed from rows without kept ones are all there):
        see :meth:`world_totals` for why a question about one year should open one year's file.
        """
        name = f"pair_totals_{int(year)}"
        if name not in self._tables:
            files = _holding(self._totals_years, int(year))
            parts = ([_kept_pairs_sql(files)] if files else []) + ([self._totals_rest] if self._totals_rest else [])
            if not parts:  # no file holds the year: an empty relation of the same columns
                select = ", ".join(f"CAST(NULL AS {t}) AS {c}" for c, t in PAIR_TOTALS.items())
                parts = [f"SELECT {select} WHERE FALSE"]
            self.con.execute(f"CREATE OR REPLACE VIEW {name} AS {' UNION ALL '.join(parts)}")
            self._tables[name] = self.ibis.table(name)
        return self._tables[name]

    def world_totals(self, year: int | None = None) -> ibis.Table:
        """Each country's world exports and imports per HS heading (:data:`bilat.schema.WORLD_TOTALS`).

        The world rows kept in the totals files (:func:`bilat.catalog.totals.world_totals_sql`),
        and the same rows summed on the fly for product files whose totals were written before
        world rows were kept, or never. Made on first use: telling the files apart reads their
        footers, which a question that needs no world rows should not pay.

        ``year``: a view over only the kept files whose years (as the catalog lists them) hold it,
        beside the embedded data's rows, when no stored file's world rows are summed on the fly;
        otherwise the whole view. Why: DuckDB opens each
        file of a view for every query, even when the ``year`` statistics then skip all its row
        groups (about a millisecond a file): a question about one year of a 20-year store paid
        twenty times that to read one file.
        """
        whole = self._world_view()
        if year is None or self._world_years is None:
            return whole
        name = f"{WORLD_VIEW}_{int(year)}"
        if name not in self._tables:
            files = _holding(self._world_years, int(year))
            parts = [self._kept_world_sql(files)] + ([self._world_rest] if self._world_rest else [])
            self.con.execute(f"CREATE OR REPLACE VIEW {name} AS {' UNION ALL '.join(parts)}")
            self._tables[name] = self.ibis.table(name)
        return self._tables[name]

    def _world_view(self) -> ibis.Table:
        if WORLD_VIEW not in self._tables:
            if self.data_listing is not None and self.store.listing() != self.data_listing:
                # ingested since the other views were made: this view reads the newer list, so
                # answers are no longer those of data_listing (kept answers must not claim them)
                self.data_listing = None
                self.__dict__.pop("_kept_data_key", None)
            self.con.execute(f"CREATE OR REPLACE VIEW {WORLD_VIEW} AS {self._world_sql()}")
            self._tables[WORLD_VIEW] = self.ibis.table(WORLD_VIEW)
        return self._tables[WORLD_VIEW]

    def _world_sql(self) -> str:
        files = totals_files(self.store, self._include_embedded)
        select = ", ".join(f"CAST({c} AS {t}) AS {c}" for c, t in WORLD_TOTALS.items())
        with_world: set[str] = set()
        if files.stored:
            with_world = {str(r[0]) for r in self.con.execute(
                f"SELECT DISTINCT file_name FROM parquet_schema({_files_sql([str(p) for p in files.stored])})"
                " WHERE name = 'hs_code'").fetchall()}
        kept = [str(p) for p in files.stored if str(p) in with_world]
        parts = []
        if kept:
            parts.append(self._kept_world_sql(kept))
        older = {Path(p).stem for p in files.stored if str(p) not in with_world}
        rows = [str(p) for p in table_files(self.store, "product_flows", False).store_files if p.stem in older]
        rows += [str(p) for p in files.legacy]
        product = ", ".join(f"CAST({c} AS {t}) AS {c}" for c, t in TABLES["product_flows"].items())
        sources = [f"SELECT {product} FROM read_parquet({_files_sql(rows)})"] if rows else []
        if files.embedded_file is not None:
            sources.append(_embedded_sql(files, product))
        summed = f"SELECT {select} FROM ({world_totals_sql('(' + ' UNION ALL '.join(sources) + ')')})" if sources else None
        if summed is not None:
            parts.append(summed)
        if not rows:  # no stored file's world rows are summed on the fly: views by year may pick the kept files
            self._world_years = _with_years(self.store, kept)
            self._world_rest = summed  # the embedded data's world rows, summed on the fly (one file)
        return " UNION ALL ".join(parts) if parts else self._kept_world_sql([])

    @staticmethod
    def _kept_world_sql(files: list[str]) -> str:
        """The world rows kept in these totals files (none: an empty relation of the same columns)."""
        select = ", ".join(f"CAST({c} AS {t}) AS {c}" for c, t in WORLD_TOTALS.items())
        if not files:
            return f"SELECT {select} FROM (SELECT {', '.join(f'NULL AS {c}' for c in WORLD_TOTALS)}) WHERE FALSE"
        return f"SELECT {select} FROM read_parquet({_files_sql(files)}) WHERE hs_section = {WORLD_BY_HEADING}"

    def table(self, name: str) -> ibis.Table:
        """The Ibis table over a view, made once: Ibis asks DuckDB for the schema at each ``table()``."""
        if name == WORLD_VIEW:
            return self.world_totals()
        check_table_name(name)
        found = self._tables.get(name)
        if found is None:
            found = self._tables[name] = self.ibis.table(name)
        return found

    def execute(self, expr: ibis.Expr) -> pd.DataFrame:
        """The expression's rows: through Ibis the first time, then from its kept SQL and schema.

        Why: Ibis walks the whole expression graph before every run (in-memory tables and UDFs
        to register), and works out the result schema twice; on a warm profile that was as much
        time as DuckDB took to answer. An expression run once on this engine has registered what
        it needs (the kept key holds its in-memory tables alive), and its SQL and schema are
        fixed: the same rows are converted by Ibis's own converters (:func:`_to_frame`).
        """
        import pandas as pd

        try:
            key = expr.op()
            ran = self._ran.get(key)
            if ran is None:
                result = self.ibis.execute(expr)
                table = expr.as_table()
                self._ran[key] = (self.ibis.compile(table), table.schema())
                while len(self._ran) > COMPILED_KEPT:
                    self._ran.pop(next(iter(self._ran)))
            else:
                sql, schema = ran
                result = _to_frame(expr, self.con.sql(sql).to_arrow_table(), schema)
        except Exception as exc:  # noqa: BLE001 - every engine failure becomes one named error
            raise EngineError(self.name, str(exc).splitlines()[0]) from exc
        return result if isinstance(result, pd.DataFrame) else pd.DataFrame({"value": [result]})

    def rows(self, query: str, params: list[object] | None = None) -> list[tuple[Any, ...]]:
        """Plain SQL on the same views, as Python tuples: no Ibis, no pandas (see the module)."""
        try:
            return self.con.execute(query, params or []).fetchall()
        except duckdb.Error as exc:
            raise EngineError(self.name, str(exc).splitlines()[0]) from exc

    def sql(self, query: str, params: list[object] | None = None) -> pd.DataFrame:
        """Plain SQL on the same views (for checks and tests; analytics use Ibis)."""
        return self.con.execute(query, params or []).fetch_df()

    def fork(self) -> DuckDBEngine:
        """An engine over the same database on its own DuckDB cursor, for a question asked in another thread.

        Why: a report's questions that do not depend on one another (the complexity ranking, the
        potential) can run while the profile runs; DuckDB lets go of the GIL while it answers, so
        on two cores they overlap. A DuckDB connection is not to be shared between threads, a
        cursor is. The views are the database's, so the fork sees what this engine sees (the
        same file list, the same kept-answer key); temporary tables held on one are not on the
        other. Close the fork when done; this engine stays open.
        """
        twin = object.__new__(type(self))
        twin.store = self.store
        twin._include_embedded = self._include_embedded
        twin.con = self.con.cursor()
        twin.con.execute("SET enable_progress_bar = false")
        twin.data_listing = self.data_listing
        twin._totals_years, twin._totals_rest = self._totals_years, self._totals_rest  # the pair_totals view's
        twin._fresh_memos()  # an Ibis backend and held tables belong to one connection
        cached = self.__dict__.get("_kept_data_key")
        if cached is not None:
            twin.__dict__["_kept_data_key"] = cached
        return twin

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> DuckDBEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
