"""Apache Spark engine: the same Ibis expressions, run by pyspark over the same Parquet files.

Local mode by default (``local[*]``). ``BILAT_SPARK_DATA_URL`` makes Spark read the store's
Parquet files from another place (object storage) while the catalog stays local. For a cluster,
set ``BILAT_SPARK_MASTER`` (e.g.
``spark://host:7077`` or ``yarn``) and ``BILAT_SPARK_CONF`` with extra ``key=value`` pairs separated
by ``;`` (e.g. ``spark.executor.memory=8g;spark.hadoop.fs.s3a.endpoint=...``); see docs/spark.md.
"""

from __future__ import annotations

import os
from pathlib import Path

from bilat.engines._lazy_compilers import install as _lazy_ibis_compilers

_lazy_ibis_compilers()  # before Ibis loads its compilers: only the engine's own (see the module)

import ibis  # noqa: E402
import pandas as pd  # noqa: E402

from bilat.catalog.totals import pair_totals_sql  # noqa: E402
from bilat.engines.base import check_table_name, table_files, totals_files
from bilat.errors import BilatError, EngineError
from bilat.schema import PAIR_TOTALS, TABLES
from bilat.settings import PACKAGE_DATA
from bilat.catalog.store import Store

_LOG_CONFIG = PACKAGE_DATA / "spark" / "log4j2.properties"
_SPARK_TYPES = {"SMALLINT": "smallint", "TINYINT": "tinyint", "VARCHAR": "string", "DOUBLE": "double", "BIGINT": "bigint"}


def spark_session(master: str | None = None):  # noqa: ANN201 - pyspark is optional
    """A SparkSession configured for bilat (quiet, no UI, loopback only in local mode)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise BilatError("the Spark engine needs pyspark: pip install 'bilat[spark]'") from None
    master = master or os.environ.get("BILAT_SPARK_MASTER", "local[*]")
    builder = (
        SparkSession.builder.appName("bilat")
        .master(master)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.extraJavaOptions", f"-Dlog4j2.configurationFile=file:{_LOG_CONFIG}")
    )
    if master.startswith("local"):
        builder = builder.config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1")
    for pair in filter(None, os.environ.get("BILAT_SPARK_CONF", "").split(";")):
        key, _, value = pair.partition("=")
        builder = builder.config(key.strip(), value.strip())
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session


class SparkEngine:
    """pyspark over the store's Parquet files (and the embedded data)."""

    name = "spark"

    def __init__(self, store: Store, include_embedded: bool = True, session=None) -> None:  # noqa: ANN001
        self.store = store
        self.session = session or spark_session()
        for table in TABLES:
            self._register(table, include_embedded)
        self._register_totals(include_embedded)
        self.ibis = ibis.pyspark.connect(self.session)

    def _register(self, table: str, include_embedded: bool) -> None:
        from pyspark.sql import functions as F

        remote = os.environ.get("BILAT_SPARK_DATA_URL", "").strip()
        files = table_files(self.store, table, include_embedded, local_only=not remote)
        columns = TABLES[table]
        schema = ", ".join(f"{c} {_SPARK_TYPES[t]}" for c, t in columns.items())
        frames = []
        casts = [F.col(c).cast(_SPARK_TYPES[t]).alias(c) for c, t in columns.items()]
        if files.store_files:
            paths = [self._data_path(p, remote) for p in files.store_files]
            frames.append(self.session.read.parquet(*paths).select(*casts))
        if files.embedded_file is not None:
            frames.append(self._embedded(files, casts))
        if frames:
            combined = _union(frames)
        else:
            combined = self.session.createDataFrame([], schema)
        combined.createOrReplaceTempView(table)

    def _embedded(self, files, columns):  # noqa: ANN001, ANN202 - TableFiles/TotalsFiles, Spark columns
        """The embedded rows, less those of sources the user has ingested himself."""
        from pyspark.sql import functions as F

        frame = self.session.read.parquet(str(files.embedded_file)).select(*columns)
        if files.hidden_embedded_sources:
            frame = frame.filter(~F.col("source").isin(list(files.hidden_embedded_sources)))
        return frame

    def _register_totals(self, include_embedded: bool) -> None:
        """``pair_totals``: the stored totals, UNION the same totals formed from rows that have none kept."""
        from pyspark.sql import functions as F

        remote = os.environ.get("BILAT_SPARK_DATA_URL", "").strip()
        files = totals_files(self.store, include_embedded, local_only=not remote)
        casts = [F.col(c).cast(_SPARK_TYPES[t]).alias(c) for c, t in PAIR_TOTALS.items()]
        frames = []
        if files.stored:
            stored = self.session.read.parquet(*[self._data_path(p, remote) for p in files.stored])
            frames.append(stored.filter(F.col("hs_section") >= 0).select(*casts))  # not the world rows
        product = [F.col(c).cast(_SPARK_TYPES[t]).alias(c) for c, t in TABLES["product_flows"].items()]
        rows = []
        if files.legacy:
            rows.append(self.session.read.parquet(*[self._data_path(p, remote) for p in files.legacy]).select(*product))
        if files.embedded_file is not None:
            rows.append(self._embedded(files, product))
        if rows:
            combined = _union(rows)
            combined.createOrReplaceTempView("bilat_pair_totals_rows")
            frames.append(self.session.sql(pair_totals_sql("bilat_pair_totals_rows")).select(*casts))
        if frames:
            totals = frames[0]
            for frame in frames[1:]:
                totals = totals.unionByName(frame)
        else:
            schema = ", ".join(f"{c} {_SPARK_TYPES[t]}" for c, t in PAIR_TOTALS.items())
            totals = self.session.createDataFrame([], schema)
        totals.createOrReplaceTempView("pair_totals")

    def _data_path(self, path: Path, remote: str) -> str:
        """Where Spark reads a store file: on this disk, or under ``BILAT_SPARK_DATA_URL``.

        With ``BILAT_SPARK_DATA_URL=s3a://bucket/bilat/data`` (the store's ``data/`` folder copied
        there, e.g. with ``aws s3 sync``), the catalog stays local and executors read the Parquet
        files from object storage; see docs/spark.md for the hadoop-aws settings.
        """
        if not remote:
            return str(path)
        return remote.rstrip("/") + "/" + path.relative_to(self.store.data_dir).as_posix()

    def table(self, name: str) -> ibis.Table:
        check_table_name(name)
        return self.ibis.table(name)

    def execute(self, expr: ibis.Expr) -> pd.DataFrame:
        try:
            result = self.ibis.execute(expr)
        except Exception as exc:  # noqa: BLE001
            raise EngineError(self.name, str(exc).splitlines()[0]) from exc
        return result if isinstance(result, pd.DataFrame) else pd.DataFrame({"value": [result]})

    def close(self) -> None:
        """Spark sessions are shared per process; closing drops bilat's views only."""
        for table in (*TABLES, "pair_totals", "bilat_pair_totals_rows"):
            self.session.catalog.dropTempView(table)

    def __enter__(self) -> SparkEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _union(frames):  # noqa: ANN001, ANN202 - Spark DataFrames
    combined = frames[0]
    for frame in frames[1:]:
        combined = combined.unionByName(frame)
    return combined
