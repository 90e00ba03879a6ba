"""Benchmark: one pair's flows and composition over 20 BACI-sized years, against a full scan.

Why: the promise of the store layout (one Parquet file per ingested year, rows clustered by
exporter and importer, with row-group min/max statistics and Bloom filters on both) is that a
question about one pair reads a few row groups of each file, not the whole of BACI. This benchmark writes a synthetic release
(``bilat.synth``: real codes, invented flows) of ``--years`` years × ``--rows-per-year`` rows,
ingests it with ``bilat ingest baci``, then, in a fresh process, times (warm: after one untimed
first run) for each pair:

* ``pair``: ``bilat.queries.pair_flows`` + ``pair_composition(by="chapter")`` over all years
  (what ``bilat flows A B`` and ``bilat flows A B --by chapter`` compute), the goal being < 1 s;
* ``profile``: the whole ``bilat.pair_api.profile`` (also shares and ranks among all partners,
  which must read every pair's totals, so it is closer to a scan);
* ``engine only``: the two Ibis expressions behind ``pair`` executed alone (no Python around them);
* ``scan``: ``sum(value_usd)`` over every row of the same files (one column: the cheapest full read);
* ``all-pairs composition``: the chapter composition of *every* pair (the work the pair query would
  do without row-group pruning: the same columns, every row).

Ratios reported: ``scan / pair`` and ``all-pairs composition / engine only``. Peak memory is the query process's, read from the kernel.
Results are printed and appended to ``bench/results/profile.json``.

Example: .venv/bin/python bench/bench_profile.py --years 20 --rows-per-year 2000000 --workdir /tmp/bench_profile
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
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

RESULTS = RESULTS_DIR / "profile.json"
FIRST_YEAR = 2001
GOAL_PAIR_SECONDS = 1.0

#: Runs in a fresh process: open the engine, then time each query ``repeats`` times after one
#: untimed run; writes the timings as JSON to argv[5].
QUERY_CODE = r"""
import json, sys, time
import ibis
from bilat import pair_api, queries
from bilat.analytics import composition as comp, flows as fl
from bilat.engines.duckdb import DuckDBEngine
from bilat.store import Store

home, pairs, repeats, threads, out = sys.argv[1], sys.argv[2].split(","), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
engine = DuckDBEngine(Store(home), include_embedded=False, threads=threads or None)
flows = engine.table("product_flows")

def timed(fn):
    first_start = time.perf_counter(); result = fn(); first = time.perf_counter() - first_start
    runs = []
    for _ in range(repeats):
        start = time.perf_counter(); fn(); runs.append(time.perf_counter() - start)
    return {"first": first, "runs": runs}, result

report = {"pairs": {}}
for pair in pairs:
    a, b = pair.split("-")
    def pair_query():
        f = queries.pair_flows(a, b, engine=engine).frame
        c = queries.pair_composition(a, b, by="chapter", engine=engine).frame
        return len(f), len(c), float(f.value_usd.sum())
    t_pair, (n_flows, n_comp, total) = timed(pair_query)
    tables = {"product_flows": flows, "country_flows": engine.table("country_flows")}
    pair_exprs = [fl.bilateral_flows(tables, a, b, None, sources=("baci",)), comp.by_level(comp.product_rows(tables, a, b, None, "baci"), 2)]
    t_sql, _ = timed(lambda: [engine.execute(e) for e in pair_exprs])
    t_profile, _ = timed(lambda: pair_api.profile(a, b, engine=engine))
    pf = flows
    pair_rows = int(engine.execute(pf.filter(((pf.exporter == a) & (pf.importer == b)) | ((pf.exporter == b) & (pf.importer == a))).count()).iloc[0, 0])
    report["pairs"][pair] = {"pair": t_pair, "pair_engine": t_sql, "profile": t_profile, "flow_rows": n_flows,
                             "composition_rows": n_comp, "pair_total_usd": total, "pair_product_rows": pair_rows}
t_scan, scan = timed(lambda: engine.execute(flows.aggregate(rows=flows.count(), value_usd=flows.value_usd.sum())))
report["scan"] = t_scan
report["scan_rows"] = int(scan.rows.iloc[0])
# The pair's chapter composition computed for every pair at once: what the pair query would read without pruning.
every = flows.filter(flows.source == "baci", flows.hs_level > 0)
every_pair = every.group_by(["year", "exporter", "importer", every.hs_code.left(2).name("code")]).aggregate(value_usd=every.value_usd.sum())
t_group, _ = timed(lambda: engine.execute(every_pair.aggregate(groups=every_pair.count(), value_usd=every_pair.value_usd.sum())))
report["scan_composition"] = t_group
json.dump(report, open(out, "w"))
"""

#: Finds the pair with the most product lines in one year file (plain DuckDB, not bilat).
BUSIEST_SQL = """
SELECT least(exporter, importer) || '-' || greatest(exporter, importer) AS pair, count(*) AS n
FROM read_parquet(?) GROUP BY 1 ORDER BY n DESC LIMIT 1
"""


def generate(workdir: Path, years: list[int], rows: int, seed: int) -> tuple[list[Path], float]:
    """The year CSVs (generated once per size and seed, kept in ``workdir``) and the seconds it took."""
    csv_dir = workdir / f"csv_{rows}_{seed}"
    files = [csv_dir / f"BACI_HS17_Y{y}_V202401.csv" for y in years]
    if all(f.exists() for f in files):
        return files, 0.0
    from bilat.synth import generate_baci

    started = time.perf_counter()
    generate_baci(csv_dir, years, rows_per_year=rows, seed=seed)
    return files, time.perf_counter() - started


def ingest(home: Path, files: list[Path]) -> dict[str, object]:
    """``bilat ingest baci`` of every year, one fresh process per year (time and peak memory each)."""
    per_year = []
    for path in files:
        run = run_measured(python_step("from bilat.cli import main; main()", "ingest", "baci", str(path)),
                           env={**os.environ, "BILAT_HOME": str(home)})
        if run.returncode != 0:
            raise SystemExit(f"ingest of {path.name} failed: {run.stderr_tail.strip()[-500:]}")
        per_year.append({"file": path.name, "seconds": round(run.seconds, 2), "peak_rss_bytes": run.peak_rss_bytes})
    return {"per_year": per_year, "total_seconds": round(sum(y["seconds"] for y in per_year), 1),
            "max_peak_rss_bytes": max(y["peak_rss_bytes"] for y in per_year)}


def busiest_pair(home: Path) -> str:
    import duckdb

    from bilat.store import Store

    last = Store(home).data_files("product_flows")[-1]
    con = duckdb.connect()
    try:
        return con.execute(BUSIEST_SQL, [str(last)]).fetchone()[0]
    finally:
        con.close()


def summarise(timing: dict[str, object]) -> tuple[float, float]:
    runs = sorted(timing["runs"])  # type: ignore[arg-type]
    return runs[0], runs[len(runs) // 2]


def run(args: argparse.Namespace, workdir: Path) -> dict[str, object]:
    info = machine_info()
    print(describe_machine(info), flush=True)
    years = list(range(FIRST_YEAR, FIRST_YEAR + args.years))
    files, gen_s = generate(workdir, years, args.rows_per_year, args.seed)
    csv_bytes = sum(f.stat().st_size for f in files)
    print(f"data: {len(files)} years x {args.rows_per_year:,} rows = {len(files) * args.rows_per_year:,} rows, "
          f"{human_bytes(csv_bytes)} of CSV" + (f" (generated in {gen_s:.0f} s)" if gen_s else " (reused)"), flush=True)

    home = workdir / f"store_{args.rows_per_year}_{args.seed}_{args.years}"
    ingested: dict[str, object] | None = None
    if not (home / "catalog.duckdb").exists():
        ingested = ingest(home, files)
        print(f"ingested in {ingested['total_seconds']} s (sum of {len(files)} fresh processes), "
              f"peak RSS {human_bytes(ingested['max_peak_rss_bytes'])}", flush=True)
    parquet_bytes = sum(p.stat().st_size for p in (home / "data" / "product_flows").glob("*.parquet"))
    print(f"store: {human_bytes(parquet_bytes)} of Parquet", flush=True)

    pairs = [busiest_pair(home) if p == "busiest" else p for p in args.pairs.split(",")]
    out = workdir / "query_report.json"
    query_run = run_measured(python_step(QUERY_CODE, str(home), ",".join(pairs), str(args.repeats), str(args.threads), str(out)))
    if query_run.returncode != 0:
        raise SystemExit(f"query process failed: {query_run.stderr_tail.strip()[-800:]}")
    report = json.loads(out.read_text())
    scan_best, scan_median = summarise(report["scan"])
    group_best, group_median = summarise(report["scan_composition"])

    rows = []
    per_pair: dict[str, object] = {}
    for pair, r in report["pairs"].items():
        pair_best, pair_median = summarise(r["pair"])
        prof_best, prof_median = summarise(r["profile"])
        sql_best, sql_median = summarise(r["pair_engine"])
        per_pair[pair] = {**r, "pair_best_s": pair_best, "pair_median_s": pair_median, "profile_best_s": prof_best,
                          "profile_median_s": prof_median, "pair_engine_median_s": sql_median,
                          "scan_over_pair": scan_median / pair_median,
                          "composition_scan_over_pair_engine": group_median / sql_median}
        rows.append([pair, f"{r['pair_product_rows']:,}", f"{r['pair']['first']:.3f}", f"{pair_median:.3f}", f"{sql_median:.3f}",
                     f"{prof_median:.3f}", f"{scan_median / pair_median:.1f}x", f"{group_median / sql_median:.1f}x"])
    print()
    print(format_table(["pair", "pair rows", "first s", "pair median s", "engine only s", "profile median s", "sum scan/pair",
                        "all-pairs composition/engine only"], rows))
    print(f"\nfull scan sum(value_usd) of {report['scan_rows']:,} rows: first {report['scan']['first']:.3f} s, best {scan_best:.3f} s, "
          f"median {scan_median:.3f} s")
    print(f"chapter composition of every pair (no pruning possible): best {group_best:.3f} s, median {group_median:.3f} s")
    print(f"query process peak RSS {human_bytes(query_run.peak_rss_bytes)}")
    goal = {pair: v["pair_median_s"] < GOAL_PAIR_SECONDS for pair, v in per_pair.items()}  # type: ignore[index]
    for pair, met in goal.items():
        print(f"goal pair flows + composition < {GOAL_PAIR_SECONDS:.0f} s warm ({pair}): {'met' if met else 'NOT met'}")
    return {
        "benchmark": "profile",
        "command": " ".join([Path(sys.argv[0]).name, *sys.argv[1:]]),
        "machine": info,
        "input": {"years": args.years, "rows_per_year": args.rows_per_year, "rows": report["scan_rows"], "seed": args.seed,
                  "csv_bytes": csv_bytes, "parquet_bytes": parquet_bytes},
        "generate_seconds": round(gen_s, 1),
        "ingest": ingested,
        "repeats": args.repeats,
        "duckdb_threads": args.threads or None,
        "query_process_peak_rss_bytes": query_run.peak_rss_bytes,
        "scan": {**report["scan"], "best_s": scan_best, "median_s": scan_median},
        "scan_composition": {**report["scan_composition"], "best_s": group_best, "median_s": group_median},
        "pairs": per_pair,
        "goals": {f"pair < {GOAL_PAIR_SECONDS} s ({p})": m for p, m in goal.items()},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--years", type=int, default=20, help=f"number of years, from {FIRST_YEAR}")
    parser.add_argument("--rows-per-year", type=int, default=2_000_000, help="rows per year (real BACI: 10-11 million)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--pairs", default="ISR-JPN,busiest", help="comma-separated A-B pairs; 'busiest' = most product lines")
    parser.add_argument("--repeats", type=int, default=5, help="warm runs per query (after one untimed run)")
    parser.add_argument("--threads", type=int, default=0, help="DuckDB threads (0: DuckDB's default)")
    parser.add_argument("--workdir", type=Path, default=None, help="keep generated CSVs and the store here between runs")
    parser.add_argument("--no-save", action="store_true", help="do not append to bench/results/profile.json")
    args = parser.parse_args(argv)
    run_and_save(lambda folder: run(args, folder), workdir=args.workdir, prefix="bilat_bench_profile_", results=RESULTS, save=not args.no_save)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
