"""Benchmark: economic complexity (ECI/PCI) at HS6 on one BACI-sized year, time and peak memory.

Why: ECI/PCI is the one analytic that leaves SQL (an eigenvector of a country × country matrix);
it must stay within a laptop's memory on a full BACI year (≈ 10 M bilateral rows, ≈ 220 exporters
× ≈ 5,400 HS6 products). The year is synthetic (``bilat.synth``: real codes, invented flows),
ingested into a store with ``bilat ingest baci`` (not timed here: see bench_ingest.py), then, in a
fresh process (so the peak RSS is that of the computation alone, imports included):

* ``aggregate_s``: ``bilat.analytics.complexity.export_matrix`` executed by DuckDB over the store
  (10 M rows -> exporter × product totals);
* ``eigen_s``: ``complexity_from_exports`` (dense RCA, M, the c × c eigenproblem, PCI projection);
* ``total_s`` and the process's peak RSS.

With ``--with-ecomplexity``, the Growth Lab's ``ecomplexity`` package also runs once on the *same
aggregated table* in a second fresh process (its own time and peak memory; it also computes
proximity, density and opportunity gain, so it does more work); ``max_abs_eci_diff`` checks the two
agree.
Results are printed and appended to ``bench/results/complexity.json``.

Example: .venv/bin/python bench/bench_complexity.py --rows 10000000 --workdir /tmp/bench_complexity
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (  # noqa: E402
    RESULTS_DIR,
    describe_machine,
    format_table,
    human_bytes,
    machine_info,
    python_step,
    run_measured,
    run_and_save,
)

RESULTS = RESULTS_DIR / "complexity.json"
YEAR = 2020

#: argv: home, level, threads, out.json, matrix.parquet
BILAT_CODE = r"""
import json, sys, time
started = time.perf_counter()
from bilat.analytics.complexity import complexity_from_exports, export_matrix
from bilat.engines.duckdb import DuckDBEngine
from bilat.store import Store
home, level, threads, out, matrix_path = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
imported = time.perf_counter()
engine = DuckDBEngine(Store(home), include_embedded=False, threads=threads or None)
frame = engine.execute(export_matrix(engine.table("product_flows"), year=%d, level=level, source="baci"))
aggregated = time.perf_counter()
result = complexity_from_exports(frame)
done = time.perf_counter()
frame.to_parquet(matrix_path)
result.eci.to_parquet(matrix_path + ".eci.parquet")
json.dump({"import_s": imported - started, "aggregate_s": aggregated - imported, "eigen_s": done - aggregated,
           "total_s": done - started, "cells": len(frame), "exporters": int(frame.exporter.nunique()),
           "products": int(frame.hs_code.nunique()), "eigenvalue": result.eigenvalue,
           "ranked_countries": int(result.eci.eci.notna().sum()), "ranked_products": int(result.pci.pci.notna().sum())},
          open(out, "w"))
""" % YEAR

#: argv: matrix.parquet, out.json
ECOMPLEXITY_CODE = r"""
import json, sys, time, warnings
import pandas as pd
started = time.perf_counter()
from ecomplexity import ecomplexity
frame = pd.read_parquet(sys.argv[1]).assign(year=%d)
loaded = time.perf_counter()
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    out = ecomplexity(frame, {"time": "year", "loc": "exporter", "prod": "hs_code", "val": "export_usd"}, verbose=False)
done = time.perf_counter()
eci = out.groupby("exporter", as_index=False).eci.first()
eci.to_parquet(sys.argv[1] + ".ref_eci.parquet")
json.dump({"compute_s": done - loaded, "total_s": done - started}, open(sys.argv[2], "w"))
""" % YEAR


def prepare(workdir: Path, rows: int, seed: int) -> tuple[Path, Path, float]:
    """The year CSV and a store holding it (both kept in ``workdir``); ingest seconds (0 if reused)."""
    csv_dir = workdir / f"csv_{rows}_{seed}"
    csv = csv_dir / f"BACI_HS17_Y{YEAR}_V202401.csv"
    if not csv.exists():
        from bilat.synth import generate_baci

        generate_baci(csv_dir, [YEAR], rows_per_year=rows, seed=seed)
    home = workdir / f"store_{rows}_{seed}"
    if (home / "catalog.duckdb").exists():
        return csv, home, 0.0
    run = run_measured(python_step("from bilat.cli import main; main()", "ingest", "baci", str(csv)),
                       env={**os.environ, "BILAT_HOME": str(home)})
    if run.returncode != 0:
        raise SystemExit(f"ingest failed: {run.stderr_tail.strip()[-500:]}")
    return csv, home, run.seconds


def run(args: argparse.Namespace, workdir: Path) -> dict[str, object]:
    import numpy as np
    import pandas as pd

    info = machine_info()
    print(describe_machine(info), flush=True)
    csv, home, ingest_s = prepare(workdir, args.rows, args.seed)
    print(f"year {YEAR}: {args.rows:,} rows ({human_bytes(csv.stat().st_size)} of CSV)"
          + (f", ingested in {ingest_s:.1f} s" if ingest_s else ", store reused"), flush=True)

    results: dict[str, dict[str, object]] = {"bilat": {"runs": []}, "ecomplexity": {"runs": []}}
    matrix = workdir / "matrix.parquet"
    for i in range(args.repeats):
        out = workdir / f"bilat_{i}.json"
        run_ = run_measured(python_step(BILAT_CODE, str(home), "6", str(args.threads), str(out), str(matrix)))
        if run_.returncode != 0:
            raise SystemExit(f"bilat complexity failed: {run_.stderr_tail.strip()[-800:]}")
        results["bilat"]["runs"].append({**json.loads(out.read_text()), "process_s": run_.seconds, "peak_rss_bytes": run_.peak_rss_bytes})
    if args.with_ecomplexity:
        for i in range(1):
            out = workdir / f"eco_{i}.json"
            run_ = run_measured(python_step(ECOMPLEXITY_CODE, str(matrix), str(out)))
            if run_.returncode != 0:
                raise SystemExit(f"ecomplexity failed: {run_.stderr_tail.strip()[-800:]}")
            results["ecomplexity"]["runs"].append({**json.loads(out.read_text()), "process_s": run_.seconds,
                                                   "peak_rss_bytes": run_.peak_rss_bytes})

    def best(name: str, key: str) -> float:
        return min(float(r[key]) for r in results[name]["runs"])  # type: ignore[index]

    first = results["bilat"]["runs"][0]  # type: ignore[index]
    table = [
        ["bilat: aggregate (DuckDB over the store)", f"{best('bilat', 'aggregate_s'):.2f}", ""],
        ["bilat: RCA + eigenvectors (numpy)", f"{best('bilat', 'eigen_s'):.2f}", ""],
        ["bilat: whole process", f"{best('bilat', 'process_s'):.2f}", human_bytes(max(r['peak_rss_bytes'] for r in results['bilat']['runs']))],  # type: ignore[index]
    ]
    record: dict[str, object] = {
        "benchmark": "complexity",
        "command": " ".join([Path(sys.argv[0]).name, *sys.argv[1:]]),
        "machine": info,
        "input": {"rows": args.rows, "seed": args.seed, "year": YEAR, "level": 6, "cells": first["cells"],
                  "exporters": first["exporters"], "products": first["products"]},
        "ingest_seconds": round(ingest_s, 2) or None,
        "duckdb_threads": args.threads or None,
        "results": results,
    }
    if results["ecomplexity"]["runs"]:
        ours = pd.read_parquet(str(matrix) + ".eci.parquet")
        ref = pd.read_parquet(str(matrix) + ".ref_eci.parquet")
        both = ours.merge(ref, on="exporter", suffixes=("", "_ref")).dropna(subset=["eci", "eci_ref"])
        record["max_abs_eci_diff"] = float(np.max(np.abs(both.eci - both.eci_ref)))
        record["eci_countries_compared"] = len(both)
        table.append(["ecomplexity (same aggregated table): compute", f"{best('ecomplexity', 'compute_s'):.2f}", ""])
        table.append(["ecomplexity: whole process", f"{best('ecomplexity', 'process_s'):.2f}",
                      human_bytes(max(r['peak_rss_bytes'] for r in results['ecomplexity']['runs']))])  # type: ignore[index]
    print(f"\n{first['cells']:,} exporter x product cells ({first['exporters']} exporters, {first['products']:,} HS6 products); "
          f"{first['ranked_countries']} countries and {first['ranked_products']:,} products ranked; lambda2 = {first['eigenvalue']:.4f}\n")
    print(format_table(["step", "best s", "peak RSS"], table))
    if "max_abs_eci_diff" in record:
        print(f"\nmax |ECI bilat - ECI ecomplexity| over {record['eci_countries_compared']} countries: {record['max_abs_eci_diff']:.2e}")
    return record


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=10_000_000, help="bilateral rows in the year (BACI: 10-11 million)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--threads", type=int, default=0, help="DuckDB threads (0: DuckDB's default)")
    parser.add_argument("--with-ecomplexity", action="store_true",
                        help="also run the ecomplexity package once (slow: it computes proximity and density too)")
    parser.add_argument("--workdir", type=Path, default=None, help="keep the generated CSV and the store here")
    parser.add_argument("--no-save", action="store_true", help="do not append to bench/results/complexity.json")
    args = parser.parse_args(argv)
    run_and_save(lambda folder: run(args, folder), workdir=args.workdir, prefix="bilat_bench_complexity_", results=RESULTS, save=not args.no_save)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
