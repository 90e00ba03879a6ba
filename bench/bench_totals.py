"""Benchmark: a release ingested as one call, and shares/ranks from the pair totals kept at ingestion.

Two questions of issue 17, on synthetic BACI years (``bilat.synth``: real codes, invented flows):

1. **A release at once.** ``bilat ingest baci Y1 ... YN`` (one call; files read, checked and written
   in parallel, committed one by one) against the floor: plain DuckDB ``read_csv`` -> Parquet of
   each year in its own fresh process, the N times summed. Run in turns (floor, bilat, floor,
   bilat...), so the machine's drift does not enter the ratio. Goal: within 1.2x the floor's sum.
   Optionally (``--with-sequential``) one fresh ``bilat ingest baci`` process per year, as before.
2. **Shares from kept totals.** In one fresh process over the store the batch wrote: shares and
   ranks among all partners (``analytics.shares.partner_shares``) from the kept totals
   (``analytics.totals.pair_totals_matrix``) against the same from the rows
   (``analytics.shares.country_matrix``), warm (after one untimed run), median of ``--repeats``.
   The two answers are compared (same ranks, shares within 1e-9). Goal: at least 10x. When
   ``bilat.pair_api.profile`` exists, the whole profile is also timed both ways (shares from the
   kept totals, as ``bilat profile`` runs it, and with ``country_matrix`` patched to the rows).

Peak memory is each process's, read from the kernel (``bench/common.py``). Results are printed
and appended to ``bench/results/totals.json``.

Example: .venv/bin/python bench/bench_totals.py --years 4 --rows-per-year 1000000 --workdir /tmp/bench_totals
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
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
    measure_interleaved,
    python_step,
    run_measured,
    run_and_save,
)

RESULTS = RESULTS_DIR / "totals.json"
FIRST_YEAR = 2001
GOAL_BATCH_OVER_FLOOR = 1.2
GOAL_SHARES_SPEEDUP = 10.0
GOAL_PROFILE_SECONDS = 0.5
GOAL_PEAK_BYTES = 2 * 1024**3

#: The floor of one year: plain DuckDB, no checks (as bench_ingest.py); argv: pairs of (csv, out).
FLOOR_CODE = """
import subprocess, sys
code = "import sys, duckdb; duckdb.sql(f\\"COPY (FROM read_csv('{sys.argv[1]}')) TO '{sys.argv[2]}' (FORMAT parquet)\\")"
args = sys.argv[1:]
for src, out in zip(args[0::2], args[1::2]):
    subprocess.run([sys.executable, "-c", code, src, out], check=True)
"""

#: One fresh `bilat ingest baci` process per year, one after the other, into one store.
SEQUENTIAL_CODE = """
import os, subprocess, sys
for path in sys.argv[1:]:
    subprocess.run([sys.executable, "-c", "from bilat.cli import main; main()", "ingest", "baci", path], check=True,
                   stdout=subprocess.DEVNULL)
"""

QUERY_CODE = r"""
import json, os, sys, time
from bilat.analytics import shares as sh
from bilat.analytics import selection
from bilat.sources.traits import traits_of
from bilat.analytics.totals import pair_totals_matrix
from bilat.catalog import Store
from bilat.engines.duckdb import DuckDBEngine
from bilat.schema import DERIVED_TABLES, TABLES

home, pair, repeats, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
others = [p for p in sys.argv[5].split(",") if p] if len(sys.argv) > 5 else []
a, b = pair.split("-")
engine = DuckDBEngine(Store(home), include_embedded=False)
tables = {name: engine.table(name) for name in [*TABLES, *DERIVED_TABLES]}

def timed(fn):
    start = time.perf_counter(); result = fn(); first = time.perf_counter() - start
    runs = []
    for _ in range(repeats):
        start = time.perf_counter(); fn(); runs.append(time.perf_counter() - start)
    return {"first": first, "runs": runs, "load_after": os.getloadavg()[0]}, result

def same(rows, kept):
    keys = ["year", "country", "side"]
    rows, kept = rows.sort_values(keys).reset_index(drop=True), kept.sort_values(keys).reset_index(drop=True)
    return (len(rows) == len(kept) and rows[keys + ["partner", "rank", "partners"]].equals(kept[keys + ["partner", "rank", "partners"]])
            and bool(((rows.share - kept.share).abs() <= 1e-9).all()))

report = {}
# 1. Shares and ranks among all partners, every pair's total summed (as before this change) ...
from_rows = sh.partner_shares(selection.source_totals(tables, traits_of("baci")), a, b)
from_totals = sh.partner_shares(pair_totals_matrix(tables, "baci"), a, b)
# ... and as the profile asks them now: only the pairs touching A or B, cut before the sum.
from_rows_cut = sh.partner_shares(selection.source_totals(tables, traits_of("baci"), touching=(a, b)), a, b)
from_totals_cut = sh.partner_shares(pair_totals_matrix(tables, "baci", (a, b)), a, b)
t_rows, rows = timed(lambda: engine.execute(from_rows))
t_totals, kept = timed(lambda: engine.execute(from_totals))
t_rows_cut, rows_cut = timed(lambda: engine.execute(from_rows_cut))
t_totals_cut, kept_cut = timed(lambda: engine.execute(from_totals_cut))
report.update(shares_rows=t_rows, shares_totals=t_totals, shares_rows_cut=t_rows_cut, shares_totals_cut=t_totals_cut,
              shares_rows_n=len(rows), same_answer=same(rows, kept) and same(rows, kept_cut) and same(rows, rows_cut))

# 2. The whole profile, warm, in this one process (what `bilat profile A B` computes).
from bilat.questions import profile
from bilat.session import Session

# A fresh Session for every run: a session keeps the answers it was given (Session.execute), so
# repeating a profile in one session would time that memo, not the engine. The engine (its
# compiled SQL, its open files) stays warm, as in a long-running `bilat serve`.
def fresh():
    return Session(engine=engine, store=Store(home))
session = fresh()
t_profile_totals, _ = timed(lambda: profile(a, b, session=fresh()))
# Where its time goes: each engine call's wall time, by the function that asked it (one more run).
import bilat.session as session_module
plain = session_module.Session.execute
parts = {}
def execute(self, expr):
    frame = sys._getframe(1); caller = f"{frame.f_code.co_filename.rsplit('/', 1)[-1]}:{frame.f_code.co_name}"
    start = time.perf_counter(); result = plain(self, expr); parts[caller] = parts.get(caller, 0.0) + time.perf_counter() - start
    return result
session_module.Session.execute = execute
start = time.perf_counter(); profile(a, b, session=fresh()); parts["(whole profile)"] = time.perf_counter() - start
session_module.Session.execute = plain
report["profile_parts"] = parts
# Other pairs, each asked once in the same warm process (its SQL not compiled before).
other_runs = {}
for other in others:
    x, y = other.split("-")
    start = time.perf_counter(); profile(x, y, session=fresh()); other_runs[other] = time.perf_counter() - start
report["profile_other_pairs"] = other_runs
# The same profile with its shares from the rows instead, patched in this process on both paths
# the profile may take: Ibis (selection.country_matrix) and plain SQL on DuckDB (shares_sql reads
# the kept totals unless it is given none). Each patch counts its calls: a patch the profile never
# reaches would time the kept totals twice and call it a comparison (it did from 2026-12-02 to
# 2026-12-08, when the profile's shares moved to plain SQL), so the count is reported and checked.
import bilat.analytics.shares_sql as shares_sql
reached = {"ibis": 0, "sql": 0}
kept_matrix, kept_matrix_sql = selection.country_matrix, shares_sql.country_matrix_sql
def rows_matrix(t, source, touching=None):
    reached["ibis"] += 1
    return selection.source_totals(t, traits_of(source), touching=touching)
def rows_matrix_sql(source, totals, touching_of):
    reached["sql"] += 1
    return kept_matrix_sql(source, None, touching_of)
selection.country_matrix, shares_sql.country_matrix_sql = rows_matrix, rows_matrix_sql
t_profile_rows, _ = timed(lambda: profile(a, b, session=fresh()))
selection.country_matrix, shares_sql.country_matrix_sql = kept_matrix, kept_matrix_sql
report["profile_rows"], report["profile_totals"] = t_profile_rows, t_profile_totals
report["profile_rows_patch_calls"] = reached
json.dump(report, open(out, "w"))
"""


def generate(workdir: Path, years: list[int], rows: int, seed: int) -> list[Path]:
    """The year CSVs (generated once per size and seed, kept in ``workdir``)."""
    csv_dir = workdir / f"csv_{rows}_{seed}"
    files = [csv_dir / f"BACI_HS17_Y{y}_V202401.csv" for y in years]
    if not all(f.exists() for f in files):
        from bilat.synth import generate_baci

        print(f"generating {len(years)} x {rows:,} rows into {csv_dir} ...", flush=True)
        generate_baci(csv_dir, years, rows_per_year=rows, seed=seed)
    return files


def median(values: list[float]) -> float:
    values = sorted(values)
    return values[len(values) // 2]


def run(args: argparse.Namespace, workdir: Path) -> dict[str, object]:
    info = machine_info()
    print(describe_machine(info), flush=True)
    if args.store is not None:  # the queries only, over a store written before
        return query_part(args, workdir, args.store, info, {}, None, 0)
    years = list(range(FIRST_YEAR, FIRST_YEAR + args.years))
    files = generate(workdir, years, args.rows_per_year, args.seed)
    csv_bytes = sum(f.stat().st_size for f in files)
    print(f"data: {len(files)} years x {args.rows_per_year:,} rows, {human_bytes(csv_bytes)} of CSV", flush=True)
    out = workdir / "out"
    out.mkdir(exist_ok=True)
    homes: list[Path] = []

    def floor(i: int):  # noqa: ANN202
        pairs = [str(x) for f in files for x in (f, out / f"floor_{i}_{f.stem}.parquet")]
        return python_step(FLOOR_CODE, *pairs), None

    def batch(i: int):  # noqa: ANN202
        home = out / f"batch_{i}"
        shutil.rmtree(home, ignore_errors=True)
        homes.append(home)
        workers = ["--workers", str(args.workers)] if args.workers else []
        argv = python_step("from bilat.cli import main; main()", "ingest", "baci", *workers, *map(str, files))
        return argv, {**os.environ, "BILAT_HOME": str(home)}

    def sequential(i: int):  # noqa: ANN202
        home = out / f"seq_{i}"
        shutil.rmtree(home, ignore_errors=True)
        return python_step(SEQUENTIAL_CODE, *map(str, files)), {**os.environ, "BILAT_HOME": str(home)}

    steps = {
        "floor": (f"floor: duckdb read_csv -> parquet, {len(files)} fresh processes (one per year)", floor),
        "batch": (f"bilat ingest baci of {len(files)} files, one call", batch),
    }
    if args.with_sequential:
        steps["sequential"] = (f"bilat ingest baci, {len(files)} fresh processes (one per year)", sequential)
    results = measure_interleaved(steps, args.ingest_repeats, args.rows_per_year * len(files))
    for key, m in results.items():
        if not m.ok:
            raise SystemExit(f"{key} failed: {m.note}")
    table = [[m.name, f"{m.best_seconds:.2f}", f"{m.median_seconds:.2f}", human_bytes(m.peak_rss_bytes)] for m in results.values()]
    print(format_table(["step", "best s", "median s", "peak RSS"], table))
    ratio = results["batch"].median_seconds / results["floor"].median_seconds
    print(f"batch / floor (medians): {ratio:.2f}x (goal <= {GOAL_BATCH_OVER_FLOOR})", flush=True)

    home = homes[-1]
    for m in out.glob("floor_*"):
        m.unlink()
    return query_part(args, workdir, home, info, results, ratio, csv_bytes)


def query_part(args: argparse.Namespace, workdir: Path, home: Path, info: dict[str, object],
               results: dict, ratio: float | None, csv_bytes: int) -> dict[str, object]:  # noqa: ANN001
    """The query process over the store ``home``: shares both ways, the whole profile warm."""
    report_path = workdir / "query_report.json"
    print(f"queries over {home} (load average {os.getloadavg()[0]:.2f}) ...", flush=True)
    query = run_measured(python_step(QUERY_CODE, str(home), args.pair, str(args.repeats), str(report_path),
                                     args.other_pairs))
    if query.returncode != 0:
        raise SystemExit(f"query process failed: {query.stderr_tail.strip()[-800:]}")
    report = json.loads(report_path.read_text())
    rows_s, totals_s = median(report["shares_rows"]["runs"]), median(report["shares_totals"]["runs"])
    rows_cut_s, totals_cut_s = median(report["shares_rows_cut"]["runs"]), median(report["shares_totals_cut"]["runs"])
    lines = [
        ["shares + ranks from the rows (every pair summed)", f"{report['shares_rows']['first']:.3f}", f"{rows_s:.3f}"],
        ["shares + ranks from kept totals (every pair summed)", f"{report['shares_totals']['first']:.3f}", f"{totals_s:.3f}"],
        ["shares + ranks from the rows (pairs of A or B only)", f"{report['shares_rows_cut']['first']:.3f}", f"{rows_cut_s:.3f}"],
        ["shares + ranks from kept totals (pairs of A or B only)", f"{report['shares_totals_cut']['first']:.3f}", f"{totals_cut_s:.3f}"],
    ]
    profile = {}
    if "profile_rows" in report:
        profile = {"rows_median_s": median(report["profile_rows"]["runs"]), "totals_median_s": median(report["profile_totals"]["runs"])}
        lines.append(["whole profile, shares from the rows", f"{report['profile_rows']['first']:.3f}", f"{profile['rows_median_s']:.3f}"])
        lines.append(["whole profile (bilat profile), shares from kept totals", f"{report['profile_totals']['first']:.3f}", f"{profile['totals_median_s']:.3f}"])
        calls = report.get("profile_rows_patch_calls", {})
        profile["rows_patch_calls"] = calls
        profile["rows_measured"] = sum(calls.values()) > 0
    print()
    print(format_table(["query (" + args.pair + ")", "first s", "warm median s"], lines))
    speedup = rows_s / totals_s
    speedup_cut = rows_cut_s / totals_cut_s
    print(f"shares speed-up: {speedup:.1f}x summing every pair, {speedup_cut:.1f}x cut to the pair's countries as the "
          f"profile asks (goal >= {GOAL_SHARES_SPEEDUP}); same answer: {report['same_answer']}")
    if report.get("profile_parts"):
        print("where one warm profile's engine time goes (s):")
        for caller, seconds in sorted(report["profile_parts"].items(), key=lambda kv: -kv[1]):
            print(f"  {seconds:7.3f}  {caller}")
    for other, seconds in report.get("profile_other_pairs", {}).items():
        print(f"profile of {other}, first time in the warm process: {seconds:.3f} s")
    if profile:
        if profile["rows_measured"]:
            print(f"whole profile: {profile['rows_median_s'] / profile['totals_median_s']:.1f}x faster with kept totals "
                  f"(the rows reached {sum(profile['rows_patch_calls'].values())} time(s) per run)")
        else:
            print("whole profile from the rows: NOT MEASURED (the patch was never reached; both lines time the kept totals)")
    print(f"query process peak RSS {human_bytes(query.peak_rss_bytes)}")
    goals = {}
    if ratio is not None:
        goals[f"batch/floor <= {GOAL_BATCH_OVER_FLOOR}"] = ratio <= GOAL_BATCH_OVER_FLOOR
        goals["batch peak < 2 GB"] = results["batch"].peak_rss_bytes < GOAL_PEAK_BYTES
    goals |= {
        f"shares from totals >= {GOAL_SHARES_SPEEDUP}x faster (every pair summed)": speedup >= GOAL_SHARES_SPEEDUP,
        f"shares from totals >= {GOAL_SHARES_SPEEDUP}x faster (as the profile asks)": speedup_cut >= GOAL_SHARES_SPEEDUP,
        "query peak < 2 GB": query.peak_rss_bytes < GOAL_PEAK_BYTES,
    }
    if profile:
        goals[f"profile (shares from totals) < {GOAL_PROFILE_SECONDS} s warm"] = profile["totals_median_s"] < GOAL_PROFILE_SECONDS
        goals["whole profile from the rows measured (its patch reached)"] = profile["rows_measured"]
    for goal, met in goals.items():
        print(f"goal {goal}: {'met' if met else 'NOT met'}")
    return {
        "benchmark": "totals",
        "command": " ".join([Path(sys.argv[0]).name, *sys.argv[1:]]),
        "machine": info,
        "input": {"years": args.years, "rows_per_year": args.rows_per_year, "seed": args.seed, "csv_bytes": csv_bytes},
        "ingest": {key: m.to_json() for key, m in results.items()},
        "batch_over_floor": round(ratio, 3) if ratio is not None else None,
        "store": str(home) if args.store is not None else None,
        "load_average_at_end": list(os.getloadavg()),
        "query_process_peak_rss_bytes": query.peak_rss_bytes,
        "queries": report,
        "shares_speedup": round(speedup, 2),
        "shares_speedup_as_profile_asks": round(speedup_cut, 2),
        "profile": profile,
        "goals": goals,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--years", type=int, default=20, help=f"number of years, from {FIRST_YEAR}")
    parser.add_argument("--rows-per-year", type=int, default=10_000_000, help="rows per year (real BACI: 10-11 million)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--pair", default="ISR-JPN", help="the pair whose shares are asked")
    parser.add_argument("--repeats", type=int, default=5, help="warm runs per query (after one untimed run)")
    parser.add_argument("--ingest-repeats", type=int, default=2, help="turns of the floor and the batch")
    parser.add_argument("--workers", type=int, default=0, help="bilat ingest --workers (0: bilat's default)")
    parser.add_argument("--with-sequential", action="store_true", help="also one bilat process per year")
    parser.add_argument("--workdir", type=Path, default=None, help="keep generated CSVs here between runs")
    parser.add_argument("--store", type=Path, default=None, help="only the queries, over this store (no generation, no ingest)")
    parser.add_argument("--keep-store", action="store_true", help="keep the store the batch wrote (WORKDIR/out/batch_N)")
    parser.add_argument("--other-pairs", default="USA-CHN,DEU-FRA,BRA-ARG",
                        help="pairs profiled once each in the warm process, after the timed pair")
    parser.add_argument("--no-save", action="store_true", help=f"do not append to {RESULTS.relative_to(RESULTS.parents[1])}")
    args = parser.parse_args(argv)
    # The computation is what is measured: answers kept on disk by an earlier process (see
    # bilat.questions.kept) would turn the warm profile into a file read.
    os.environ["BILAT_KEEP_ANSWERS"] = "0"

    def in_folder(folder: Path) -> dict[str, object]:
        started = time.perf_counter()
        record = run(args, folder)
        record["benchmark_seconds"] = round(time.perf_counter() - started, 1)
        if not args.keep_store:
            shutil.rmtree(folder / "out", ignore_errors=True)
        return record

    run_and_save(in_folder, workdir=args.workdir, prefix="bilat_bench_totals_", results=RESULTS, save=not args.no_save)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
