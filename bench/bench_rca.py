"""Benchmark: RCA for every exporter × HS6 product of a BACI-sized year, bilat (DuckDB) vs ecomplexity.

Why: RCA over a full BACI year is the heaviest everyday analytic (≈ 10 M bilateral rows reduced to
≈ 1 M exporter × product cells); it must stay interactive. The reference is the ``ecomplexity``
package's own RCA step (``ComplexityData`` → ``create_full_df`` → ``calculate_rca``, i.e. pandas +
numpy on a dense matrix), given the *same aggregated* exporter × product table.

Three timings are recorded:

* ``bilat_full_s``: bilat's ``rca()`` expression from the raw bilateral rows (aggregation included);
* ``bilat_aggregated_s``: the same expression on the aggregated table (stored as WLD rows), the
  like-for-like comparison with ecomplexity;
* ``ecomplexity_s``: ecomplexity's RCA step on that aggregated table.

``ratio`` = ecomplexity_s / bilat_aggregated_s (above 1: bilat is faster). Results are printed and
appended to ``bench/results/rca.json``. Data: ``bilat.synth.generate_baci_frames`` (seeded, real
code lists, invented values) or, if that module is missing, a seeded numpy generator.

Example: .venv/bin/python bench/bench_rca.py --rows 1000000
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import time
import warnings
from pathlib import Path

import ibis
import numpy as np
import pandas as pd
import pyarrow as pa

from bilat.analytics.indices import rca
from bilat.analytics.product_trade import exports_by_product
from bilat.schema import PRODUCT_FLOWS

RESULTS = Path(__file__).resolve().parent / "results" / "rca.json"
YEAR = 2020


def synthetic_year(rows: int, seed: int) -> pa.Table:
    """A BACI-like year in the product_flows schema."""
    try:
        from bilat.synth import generate_baci_frames
    except ImportError:
        return _numpy_year(rows, seed)
    return generate_baci_frames([YEAR], rows_per_year=rows, seed=seed)


def _numpy_year(rows: int, seed: int, exporters: int = 220, products: int = 5000) -> pa.Table:
    """Fallback generator: Zipf-skewed exporters, importers and products, lognormal values."""
    rng = np.random.default_rng(seed)

    def skewed(n: int, size: int) -> np.ndarray:
        weights = 1.0 / np.arange(1, n + 1) ** 0.9
        return rng.choice(n, size=size, p=weights / weights.sum())

    names = np.array([f"C{i:03d}" for i in range(exporters)], dtype=object)
    codes = np.array([f"{i * 19 % 999_999:06d}" for i in range(1, products + 1)], dtype=object)
    exp, imp = skewed(exporters, rows), skewed(exporters, rows)
    imp = np.where(imp == exp, (imp + 1) % exporters, imp)
    n = rows
    return pa.table(
        {
            "year": pa.array(np.full(n, YEAR, dtype=np.int16)),
            "exporter": pa.array(names[exp], pa.string()),
            "importer": pa.array(names[imp], pa.string()),
            "reporter": pa.nulls(n, pa.string()),
            "flow": pa.nulls(n, pa.string()),
            "hs_revision": pa.array(np.full(n, 2017, dtype=np.int16)),
            "hs_code": pa.array(codes[skewed(products, rows)], pa.string()),
            "hs_level": pa.array(np.full(n, 6, dtype=np.int8)),
            "value_usd": pa.array(rng.lognormal(9.0, 2.5, size=n)),
            "quantity_t": pa.nulls(n, pa.float64()),
            "valuation": pa.array(np.full(n, "reconciled", dtype=object), pa.string()),
            "source": pa.array(np.full(n, "baci", dtype=object), pa.string()),
            "file_id": pa.array(np.full(n, "synthetic", dtype=object), pa.string()),
        }
    )


def _timed(fn):  # noqa: ANN001, ANN202
    start = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - start


def ecomplexity_rca(aggregated: pd.DataFrame) -> pd.DataFrame:
    """ecomplexity's RCA step only (no ECI, proximity or density), as a long table."""
    from ecomplexity.ComplexityData import ComplexityData

    data = aggregated.assign(year=YEAR)
    cols = {"time": "year", "loc": "exporter", "prod": "hs_code", "val": "export_usd"}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cdata = ComplexityData(data, cols, "coerce")
        cdata.create_full_df(YEAR)
        cdata.calculate_rca()
    index = cdata.data_t.index
    return pd.DataFrame({"exporter": index.get_level_values(0), "hs_code": index.get_level_values(1),
                         "rca": cdata.rca_t.ravel()})  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000_000, help="bilateral rows in the year (BACI: ~10M)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threads", type=int, default=None, help="DuckDB threads (default: DuckDB's choice)")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()

    table, gen_s = _timed(lambda: synthetic_year(args.rows, args.seed))
    assert table.column_names == list(PRODUCT_FLOWS)
    con = ibis.duckdb.connect()
    if args.threads:
        con.raw_sql(f"SET threads = {int(args.threads)}")
    flows, load_s = _timed(lambda: con.create_table("product_flows", table))
    del table

    expr = rca(flows, year=YEAR, level=6, source="baci")
    full, bilat_full_s = _timed(lambda: con.execute(expr))

    agg_expr = exports_by_product(flows, year=YEAR, level=6, source="baci")
    aggregated = con.execute(agg_expr)
    # The aggregated table stored as world rows (importer WLD), as Open Trade Statistics ships it.
    as_world_rows = agg_expr.select(
        year=ibis.literal(YEAR, "int16"), exporter=agg_expr.exporter, importer=ibis.literal("WLD"),
        reporter=ibis.null("string"), flow=ibis.literal("X"), hs_revision=ibis.literal(2017, "int16"),
        hs_code=agg_expr.hs_code, hs_level=ibis.literal(6, "int8"), value_usd=agg_expr.export_usd,
        quantity_t=ibis.null("float64"), valuation=ibis.literal("FOB"), source=ibis.literal("agg"),
        file_id=ibis.literal("aggregated"),
    )  # fmt: skip
    agg_flows = con.create_table("aggregated_flows", as_world_rows)
    agg_expr = rca(agg_flows, year=YEAR, level=6, source="agg")
    ours, bilat_agg_s = _timed(lambda: con.execute(agg_expr))
    theirs, eco_s = _timed(lambda: ecomplexity_rca(aggregated))

    check = ours.merge(theirs, on=["exporter", "hs_code"], suffixes=("", "_ref"))
    max_rel = float(np.max(np.abs(check.rca / check.rca_ref - 1.0)))
    assert len(check) == len(ours) == len(full), "bilat and ecomplexity disagree on the cells"

    record = {
        "when": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "rows": args.rows,
        "seed": args.seed,
        "exporters": int(aggregated.exporter.nunique()),
        "products": int(aggregated.hs_code.nunique()),
        "cells": len(ours),
        "generate_s": round(gen_s, 3),
        "load_s": round(load_s, 3),
        "bilat_full_s": round(bilat_full_s, 3),
        "bilat_aggregated_s": round(bilat_agg_s, 3),
        "ecomplexity_s": round(eco_s, 3),
        "ratio": round(eco_s / bilat_agg_s, 2),
        "max_rel_diff": max_rel,
        "duckdb_threads": args.threads,
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
    }
    print(
        f"rca {args.rows:,} rows -> {record['cells']:,} cells: bilat {bilat_full_s:.2f}s from raw rows, "
        f"{bilat_agg_s:.2f}s aggregated; ecomplexity {eco_s:.2f}s; ratio {record['ratio']}x; "
        f"max rel diff {max_rel:.1e}"
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    history = json.loads(args.out.read_text()) if args.out.exists() else []
    history.append(record)
    args.out.write_text(json.dumps(history, indent=2) + "\n")


if __name__ == "__main__":
    main()
