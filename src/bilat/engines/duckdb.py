"""The default engine: an in-process DuckDB reading the store's Parquet files through views."""

from __future__ import annotations

import duckdb
import ibis
import pandas as pd

from bilat.catalog.totals import pair_totals_sql
from bilat.engines.base import check_table_name, table_files, totals_files
from bilat.errors import EngineError
from bilat.schema import PAIR_TOTALS, TABLES, empty_select_sql
from bilat.sql import quote_literal, quote_read_path
from bilat.catalog.store import Store


def _files_sql(paths: list[str]) -> str:
    return "[" + ", ".join(quote_read_path(p) for p in paths) + "]"


def _embedded_sql(files, select: str) -> str:  # noqa: ANN001 - TableFiles or TotalsFiles
    """The embedded rows of a table, less those of sources the user has ingested himself."""
    where = ""
    if files.hidden_embedded_sources:
        hidden = ", ".join(quote_literal(s) for s in files.hidden_embedded_sources)
        where = f" WHERE source NOT IN ({hidden})"
    return f"SELECT {select} FROM read_parquet({_files_sql([str(files.embedded_file)])}){where}"


class DuckDBEngine:
    """DuckDB over the store (and the embedded data). Cheap to open: views only, nothing loaded."""

    name = "duckdb"

    def __init__(self, store: Store, include_embedded: bool = True, threads: int | None = None) -> None:
        self.store = store
        self.con = duckdb.connect()
        # DuckDB draws its own progress bar on long queries, even into a pipe: it would corrupt
        # `--format json` output on big data.
        self.con.execute("SET enable_progress_bar = false")
        if threads:
            self.con.execute(f"SET threads = {int(threads)}")
        for table in TABLES:
            self.con.execute(f"CREATE VIEW {table} AS {self._table_sql(table, include_embedded)}")
        self.con.execute(f"CREATE VIEW pair_totals AS {self._totals_sql(include_embedded)}")
        self.ibis = ibis.duckdb.from_connection(self.con)

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
        if files.stored:
            parts.append(f"SELECT {select} FROM read_parquet({_files_sql([str(p) for p in files.stored])})")
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
        if rows:
            relation = "(" + " UNION ALL BY NAME ".join(rows) + ")"
            parts.append(f"SELECT {select} FROM ({pair_totals_sql(relation)})")
        if not parts:
            return f"SELECT {select} FROM (SELECT {', '.join(f'NULL AS {c}' for c in PAIR_TOTALS)}) WHERE FALSE"
        return " UNION ALL ".join(parts)

    def table(self, name: str) -> ibis.Table:
        check_table_name(name)
        return self.ibis.table(name)

    def execute(self, expr: ibis.Expr) -> pd.DataFrame:
        try:
            result = self.ibis.execute(expr)
        except Exception as exc:  # noqa: BLE001 - every engine failure becomes one named error
            raise EngineError(self.name, str(exc).splitlines()[0]) from exc
        return result if isinstance(result, pd.DataFrame) else pd.DataFrame({"value": [result]})

    def sql(self, query: str, params: list[object] | None = None) -> pd.DataFrame:
        """Plain SQL on the same views (for checks and tests; analytics use Ibis)."""
        return self.con.execute(query, params or []).fetch_df()

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> DuckDBEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
