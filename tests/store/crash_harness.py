"""Kill ingestions with SIGKILL at random moments and check the store survives each time.

Run directly for the figures: ``.venv/bin/python tests/store/crash_harness.py --trials 20 --seed 7``.
``test_crash_safety.py`` runs it in the test suite.

Each trial copies a baseline store (which already holds one file), starts ``Store.ingest`` of a
second file in a child process, sends SIGKILL after a random delay drawn across the whole length of
an uninterrupted ingestion, and then checks:

* the catalog opens and the store's visible content (catalog rows, the bytes of every data file
  the catalog lists, the rows and value sum a query sees) is exactly the baseline's, or exactly the
  baseline plus the complete new file when the kill came after the commit;
* ingesting the file again completes and adds exactly the file's rows.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

CHILD = "import sys; from bilat.store import Store; Store(sys.argv[1]).ingest('baci', sys.argv[2])"


def visible_state(home: Path) -> dict[str, object]:
    """What a reader of the store can see."""
    from bilat.engines.duckdb import DuckDBEngine
    from bilat.store import Store

    store = Store(home)
    files = store.files()
    catalog = sorted(zip(files["file_id"], files["sha256"], files["rows"].astype(int))) if len(files) else []
    data = []
    for table in ("product_flows", "country_flows", "indicators"):
        for path in store.data_files(table):
            data.append((table, path.name, hashlib.sha256(path.read_bytes()).hexdigest()))
    # The pair totals kept beside each product file are committed with it: both or neither.
    for path in store.totals_files():
        data.append(("pair_totals", path.name, hashlib.sha256(path.read_bytes()).hexdigest()))
    engine = DuckDBEngine(store, include_embedded=False)
    try:
        rows, total = engine.con.execute("SELECT count(*), coalesce(sum(value_usd), 0) FROM product_flows").fetchone()
        kept = engine.con.execute("SELECT count(*) FROM pair_totals WHERE hs_section = 0").fetchone()[0]
    finally:
        engine.close()
    return {
        "catalog": catalog, "data": sorted(data), "rows": int(rows), "value": round(float(total), 2),
        "pair_totals": int(kept), "without_totals": store.files_without_totals(),
    }


@dataclass
class Report:
    trials: int = 0
    killed_before_commit: int = 0
    killed_after_commit: int = 0
    survived: int = 0
    reruns_completed: int = 0
    rows_lost: int = 0
    failures: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"crash harness: {self.trials} SIGKILL trials, {self.survived} survived "
            f"({self.killed_before_commit} killed before commit, {self.killed_after_commit} after), "
            f"{self.reruns_completed} reruns completed, rows lost: {self.rows_lost}"
        )


def make_inputs(workdir: Path, rows: int, seed: int) -> tuple[Path, Path]:
    """Two synthetic BACI year files: the baseline's and the one to kill."""
    from bilat.synth import generate_baci

    paths = generate_baci(workdir / "gen", years=[2018, 2019], rows_per_year=rows, seed=seed)
    csvs = sorted(p for p in paths if p.name.startswith("BACI_") and p.suffix == ".csv")
    return csvs[0], csvs[1]


def run(trials: int = 20, seed: int = 7, rows: int = 150_000, workdir: Path | None = None) -> Report:
    from bilat.store import Store

    own = workdir is None
    workdir = Path(tempfile.mkdtemp(prefix="bilat-crash-")) if own else workdir
    try:
        baseline_file, victim = make_inputs(workdir, rows, seed)
        baseline = workdir / "baseline"
        Store(baseline).ingest("baci", baseline_file)
        before = visible_state(baseline)

        # One uninterrupted run: its duration bounds the kill times, its state is "after".
        full = workdir / "full"
        shutil.copytree(baseline, full)
        started = time.monotonic()
        subprocess.run([sys.executable, "-c", CHILD, str(full), str(victim)], check=True)
        duration = time.monotonic() - started
        after = visible_state(full)
        added_rows = after["rows"] - before["rows"]

        rng = random.Random(seed)
        report = Report()
        for trial in range(trials):
            report.trials += 1
            home = workdir / f"trial{trial}"
            shutil.copytree(baseline, home)
            delay = rng.uniform(0.05, duration * 1.05)
            child = subprocess.Popen([sys.executable, "-c", CHILD, str(home), str(victim)])
            time.sleep(delay)
            child.send_signal(signal.SIGKILL)
            child.wait()
            state = visible_state(home)
            if state == before:
                report.killed_before_commit += 1
            elif state == after:
                report.killed_after_commit += 1
            else:
                report.failures.append(f"trial {trial} (kill after {delay:.2f}s): store differs: {json.dumps(state)[:300]}")
                report.rows_lost += max(0, before["rows"] - state["rows"])
                continue
            report.survived += 1
            result = Store(home).ingest("baci", victim)
            final = visible_state(home)
            if final["rows"] == before["rows"] + added_rows and final["value"] == after["value"]:
                report.reruns_completed += 1
            else:
                report.failures.append(f"trial {trial}: rerun gave {final['rows']} rows (already_present={result.already_present})")
            shutil.rmtree(home, ignore_errors=True)
        return report
    finally:
        if own:
            shutil.rmtree(workdir, ignore_errors=True)


BATCH_CHILD = (
    "import sys; from bilat.catalog import Store; from bilat.ingest import ingest_files;"
    " ingest_files(Store(sys.argv[1]), 'baci', sys.argv[2:], workers=2)"
)


def run_batch(trials: int = 8, seed: int = 7, rows: int = 100_000, workdir: Path | None = None) -> Report:
    """SIGKILL during ``ingest_files`` of two files at once (staged in parallel, committed one by one).

    The store must then be the baseline, or the baseline plus exactly one whole file (either),
    or plus both; and ingesting the batch again must complete with both.
    """
    from bilat.store import Store
    from bilat.synth import generate_baci

    own = workdir is None
    workdir = Path(tempfile.mkdtemp(prefix="bilat-crash-batch-")) if own else workdir
    try:
        paths = generate_baci(workdir / "gen", years=[2018, 2019, 2020], rows_per_year=rows, seed=seed)
        baseline_file, *victims = sorted(p for p in paths if p.name.startswith("BACI_") and p.suffix == ".csv")
        baseline = workdir / "baseline"
        Store(baseline).ingest("baci", baseline_file)
        allowed = {"before": visible_state(baseline)}
        for name, files in (("first", victims[:1]), ("second", victims[1:]), ("both", victims)):
            home = workdir / f"full_{name}"
            shutil.copytree(baseline, home)
            started = time.monotonic()
            subprocess.run([sys.executable, "-c", BATCH_CHILD, str(home), *map(str, files)], check=True)
            if name == "both":
                duration = time.monotonic() - started
            allowed[name] = visible_state(home)
        rng = random.Random(seed)
        report = Report()
        for trial in range(trials):
            report.trials += 1
            home = workdir / f"trial{trial}"
            shutil.copytree(baseline, home)
            delay = rng.uniform(0.05, duration * 1.3)  # the later commits too: both files commit near the end
            child = subprocess.Popen([sys.executable, "-c", BATCH_CHILD, str(home), *map(str, victims)])
            time.sleep(delay)
            child.send_signal(signal.SIGKILL)
            child.wait()
            state = visible_state(home)
            matched = [name for name, want in allowed.items() if state == want]
            if not matched:
                report.failures.append(f"trial {trial} (kill after {delay:.2f}s): store differs: {json.dumps(state)[:300]}")
                report.rows_lost += max(0, allowed["before"]["rows"] - state["rows"])
                continue
            report.survived += 1
            if matched[0] == "before":
                report.killed_before_commit += 1
            else:
                report.killed_after_commit += 1
            subprocess.run([sys.executable, "-c", BATCH_CHILD, str(home), *map(str, victims)], check=True)
            if visible_state(home)["rows"] == allowed["both"]["rows"] and visible_state(home)["value"] == allowed["both"]["value"]:
                report.reruns_completed += 1
            else:
                report.failures.append(f"trial {trial}: the batch rerun did not end with both files")
            shutil.rmtree(home, ignore_errors=True)
        return report
    finally:
        if own:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rows", type=int, default=150_000)
    parser.add_argument("--batch", action="store_true", help="kill ingest_files of two files at once instead")
    args = parser.parse_args()
    outcome = (run_batch if args.batch else run)(args.trials, args.seed, args.rows)
    print(outcome.line())
    for failure in outcome.failures:
        print("  FAIL", failure)
    sys.exit(1 if outcome.failures else 0)
