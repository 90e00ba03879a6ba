"""What every query engine offers: canonical tables as Ibis tables, and execution.

The store's Parquet files and the embedded dataset are combined per table. Embedded rows are
hidden for any ``source`` the user has ingested himself (a fresher IMF DOTS file replaces the
embedded one instead of being added to it, which would double the figures).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from bilat.schema import DERIVED_TABLES, TABLES
from bilat.settings import EMBEDDED_DIR
from bilat.catalog.store import Store

if TYPE_CHECKING:  # annotations only: opening an engine need not import Ibis or pandas
    import ibis
    import pandas as pd

#: The canonical table pair totals are derived from.
TOTALS_OF = "product_flows"


@dataclass(frozen=True)
class TableFiles:
    """The Parquet files behind one canonical table, and the embedded rows to hide."""

    table: str
    store_files: tuple[Path, ...]
    embedded_file: Path | None
    hidden_embedded_sources: tuple[str, ...]


def table_files(store: Store, table: str, include_embedded: bool = True, local_only: bool = True) -> TableFiles:
    """Resolve which files make up ``table`` right now.

    ``local_only=False`` keeps files the catalog lists even if they are not on this disk (the
    Spark engine may read them from object storage, see ``BILAT_SPARK_DATA_URL``).
    """
    store_files = tuple(p for p in store.data_files(table) if not local_only or p.exists())
    embedded = EMBEDDED_DIR / f"{table}.parquet"
    embedded_file = embedded if include_embedded and embedded.exists() else None
    hidden = tuple(sorted(store.data_sources(table))) if embedded_file else ()
    return TableFiles(table, store_files, embedded_file, hidden)


@dataclass(frozen=True)
class TotalsFiles:
    """What makes up the ``pair_totals`` view: totals kept at ingestion, and rows to total on the fly.

    ``legacy`` are the product files ingested before totals were kept (``bilat rebuild-totals``
    writes theirs); the embedded product rows (minus the hidden sources) are always totalled on
    the fly, as :func:`bilat.catalog.totals.pair_totals_sql` forms them.
    """

    stored: tuple[Path, ...]
    legacy: tuple[Path, ...]
    embedded_file: Path | None
    hidden_embedded_sources: tuple[str, ...]


def totals_files(store: Store, include_embedded: bool = True, local_only: bool = True) -> TotalsFiles:
    """Resolve which files make up ``pair_totals`` right now (see :func:`table_files`)."""
    rows = table_files(store, TOTALS_OF, include_embedded, local_only)
    stored = tuple(p for p in store.totals_files() if not local_only or p.exists())
    without = set(store.files_without_totals(TOTALS_OF))
    legacy = tuple(p for p in rows.store_files if p.stem in without)
    return TotalsFiles(stored, legacy, rows.embedded_file, rows.hidden_embedded_sources)


class Engine(Protocol):
    """A connected engine. ``table`` gives Ibis tables; only edges call ``execute``."""

    name: str

    def table(self, name: str) -> ibis.Table: ...

    def execute(self, expr: ibis.Expr) -> pd.DataFrame: ...

    def close(self) -> None: ...


def check_table_name(name: str) -> None:
    if name not in TABLES and name not in DERIVED_TABLES:
        raise KeyError(f"unknown table {name!r}; tables: {', '.join([*TABLES, *DERIVED_TABLES])}")
