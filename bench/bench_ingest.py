"""Benchmark: ingest one BACI-sized year, against the floor (DuckDB alone) and what a user would write (pandas).

Three ways to turn one BACI year CSV (synthetic, from ``bilat.synth``) into Parquet:

(a) floor: plain DuckDB, ``COPY (FROM read_csv(...)) TO ... (FORMAT parquet)``, no checks at all;
(b) pandas: ``pd.read_csv(...)`` then ``.to_parquet(...)``, what a user would write;
(c) bilat: ``bilat ingest baci FILE`` into a fresh ``BILAT_HOME`` (validated, codes decoded, atomic).

Each run is a fresh process: wall time includes start-up and imports, peak memory is the process's
peak RSS as the kernel reports it (see ``bench/common.py``). Goals (documented in BENCHMARKS.md):
bilat within 1.3x of the floor, at least 5x faster than pandas, a year under 2 GB peak memory.

Example: .venv/bin/python bench/bench_ingest.py --rows 2000000
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (  # noqa: E402
    RESULTS_DIR,
    Measurement,
    describe_machine,
    format_table,
    human_bytes,
    machine_info,
    measure_interleaved,
    python_step,
    run_and_save,
)

RESULTS = RESULTS_DIR / "ingest.json"
YEAR = 2020
GOAL_FLOOR_RATIO = 1.3
GOAL_PANDAS_SPEEDUP = 5.0
GOAL_PEAK_BYTES = 2 * 1024**3

FLOOR_CODE = """
import sys, duckdb
src, out = sys.argv[1], sys.argv[2]
duckdb.sql(f"COPY (FROM read_csv('{src}')) TO '{out}' (FORMAT parquet)")
"""

PANDAS_CODE = """
import sys, pandas as pd
src, out = sys.argv[1], sys.argv[2]
pd.read_csv(src).to_parquet(out)
"""

#: The program as the console script runs it (``bilat ingest baci FILE``): ``console`` ends the process
#: without the interpreter's teardown once the command is done (``bilat.cli.console``). Until
#: 2026-12-04 this step ran ``main()`` and the teardown (about 0.1 s after a 10 M-row year); the
#: numbers before then in results/ingest.json are of that program.
BILAT_CODE = "from bilat.cli import console; console()"


def year_file(workdir: Path, rows: int, seed: int) -> Path:
    """The synthetic year CSV for (rows, seed), generated once and reused."""
    from bilat.synth import generate_baci, year_file_name

    folder = workdir / f"baci_rows{rows}_seed{seed}"
    path = folder / year_file_name(YEAR)
    if not path.exists():
        print(f"generating {rows:,} rows into {folder} ...", flush=True)
        generate_baci(folder, [YEAR], rows_per_year=rows, seed=seed)
    return path


def bilat_available() -> str | None:
    """None if ``bilat ingest baci`` can run here, else why not."""
    try:
        from bilat.cli.app import app  # noqa: F401
        from bilat.sources import get_source
        from bilat.store import open_store  # noqa: F401

        get_source("baci")
    except Exception as exc:  # noqa: BLE001 - any failure means "not available yet"
        return f"{type(exc).__name__}: {exc}"
    import bilat.cli  # noqa: F401 - registers the commands

    names = {getattr(c, "name", None) or c.callback.__name__ for c in app.registered_commands}
    return None if "ingest" in names else "no `bilat ingest` command registered"


def stored_rows(home: Path) -> int | None:
    from bilat.store import open_store

    return open_store(home).row_counts().get("product_flows")


def run(rows: int, seed: int, repeats: int, workdir: Path, only: set[str]) -> dict[str, object]:
    src = year_file(workdir, rows, seed)
    size = src.stat().st_size
    out_dir = workdir / "out"
    out_dir.mkdir(exist_ok=True)
    info = machine_info()
    print(describe_machine(info))
    print(f"input: {src.name}, {rows:,} rows, {human_bytes(size)}; {repeats} run(s) each, best time shown\n", flush=True)

    steps = {}
    if "floor" in only:
        steps["floor"] = (
            "duckdb read_csv -> parquet (floor)",
            lambda i: (python_step(FLOOR_CODE, str(src), str(out_dir / f"floor_{i}.parquet")), None),
        )
    if "pandas" in only:
        steps["pandas"] = (
            "pandas read_csv + to_parquet",
            lambda i: (python_step(PANDAS_CODE, str(src), str(out_dir / f"pandas_{i}.parquet")), None),
        )
    homes: list[Path] = []
    why_not = bilat_available() if "bilat" in only else None
    if "bilat" in only and not why_not:

        def bilat_command(i: int) -> tuple[list[str], dict[str, str]]:
            home = out_dir / f"bilat_home_{i}"
            shutil.rmtree(home, ignore_errors=True)
            homes.append(home)
            return python_step(BILAT_CODE, "ingest", "baci", str(src)), {**os.environ, "BILAT_HOME": str(home)}

        steps["bilat"] = ("bilat ingest baci", bilat_command)
    # The three steps run in turns, so that the machine's drift does not enter their ratios.
    results: dict[str, Measurement] = measure_interleaved(steps, repeats, rows)
    if why_not:
        results["bilat"] = Measurement("bilat ingest baci", rows=rows, note=f"not available yet ({why_not})")
    elif "bilat" in results and results["bilat"].ok:
        count = stored_rows(homes[-1])
        if count != rows:
            results["bilat"].note = f"stored {count} rows, expected {rows}"

    table_rows = []
    for m in results.values():
        if m.runs and m.ok:
            table_rows.append(
                [m.name, f"{m.best_seconds:.2f}", f"{m.median_seconds:.2f}", f"{m.rows_per_second:,.0f}", human_bytes(m.peak_rss_bytes), m.note]
            )
        else:
            table_rows.append([m.name, "-", "-", "-", "-", m.note])
    print(format_table(["step", "best s", "median s", "rows/s", "peak RSS", "note"], table_rows))

    ratios: dict[str, float | None] = {"bilat_over_floor": None, "pandas_over_bilat": None}
    floor, pandas_m, bilat_m = results.get("floor"), results.get("pandas"), results.get("bilat")
    if bilat_m and bilat_m.ok and floor and floor.ok:
        ratios["bilat_over_floor"] = round(bilat_m.best_seconds / floor.best_seconds, 2)
    if bilat_m and bilat_m.ok and pandas_m and pandas_m.ok:
        ratios["pandas_over_bilat"] = round(pandas_m.best_seconds / bilat_m.best_seconds, 2)
    goals = {
        f"bilat/floor <= {GOAL_FLOOR_RATIO}": None
        if ratios["bilat_over_floor"] is None
        else ratios["bilat_over_floor"] <= GOAL_FLOOR_RATIO,
        f"pandas/bilat >= {GOAL_PANDAS_SPEEDUP}": None
        if ratios["pandas_over_bilat"] is None
        else ratios["pandas_over_bilat"] >= GOAL_PANDAS_SPEEDUP,
        "bilat peak < 2 GB": None if not (bilat_m and bilat_m.ok) else bilat_m.peak_rss_bytes < GOAL_PEAK_BYTES,
    }
    print()
    for name, value in ratios.items():
        print(f"{name}: {'n/a' if value is None else f'{value:.2f}x'}")
    for goal, met in goals.items():
        print(f"goal {goal}: {'n/a' if met is None else ('met' if met else 'NOT met')}")

    record: dict[str, object] = {
        "benchmark": "ingest",
        "command": " ".join([Path(sys.argv[0]).name, *sys.argv[1:]]),
        "machine": info,
        "input": {"rows": rows, "bytes": size, "seed": seed, "file": src.name},
        "repeats": repeats,
        "results": {key: m.to_json() for key, m in results.items()},
        "ratios": ratios,
        "goals": goals,
    }
    return record


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=10_000_000, help="rows in the year file (real BACI: 10-11 million)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--workdir", type=Path, default=None, help="keep the generated CSV here between runs")
    parser.add_argument("--only", default="floor,pandas,bilat", help="comma-separated subset of floor,pandas,bilat")
    parser.add_argument("--no-save", action="store_true", help=f"do not append to {RESULTS.relative_to(RESULTS.parents[1])}")
    args = parser.parse_args(argv)
    only = {s.strip() for s in args.only.split(",") if s.strip()}
    def in_folder(folder: Path) -> dict[str, object]:
        record = run(args.rows, args.seed, args.repeats, folder, only)
        shutil.rmtree(folder / "out", ignore_errors=True)
        return record

    run_and_save(in_folder, workdir=args.workdir, prefix="bilat_bench_ingest_", results=RESULTS, save=not args.no_save)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
