"""Benchmark: how long a user waits for everyday commands, whole process (issue #17, "answers at once").

Why whole processes: a command line is judged by the time from Enter to the prompt, and most of
that is interpreter start-up, imports and first-use set-up (the country table, the engine over
the embedded data), not the query. So each command runs as a fresh ``python -m bilat.cli``
process, as a user types it, on bilat's embedded data (an empty ``BILAT_HOME``).

What it does: one untimed warm-up run of each command (it fills the per-user caches and the OS
page cache, as any second use of bilat would find them), then ``--repeats`` timed runs of every
command in turns (a, b, c, a, b, c...: a shared machine's drift does not favour one command), and
prints the median and best wall time against the goal. Figures, with the machine and its load
average, are appended to ``bench/results/startup.json``.

``--src DIR`` runs another copy of the sources; ``--before DIR`` adds a second copy (e.g. the
commit before a change, ``git worktree add /tmp/before HEAD~3``) whose runs take turns with
``--src``'s, so that before and after meet the same machine load.

Example: PYTHONPATH=src .venv/bin/python bench/bench_startup.py
Example: .venv/bin/python bench/bench_startup.py --before /tmp/before/src
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import RESULTS_DIR, append_results, describe_machine, format_table, machine_info, measure_interleaved  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
RESULTS = RESULTS_DIR / "startup.json"

#: (key, argv after ``bilat``, goal in seconds) - the goals of issue #17.
COMMANDS: tuple[tuple[str, tuple[str, ...], float], ...] = (
    ("help", ("--help",), 0.3),
    ("country", ("country", "Japanese"), 0.3),
    ("hs_search", ("hs", "search", "coffee"), 0.3),
    ("flows", ("flows", "ISR", "JPN"), 0.6),
    ("report", ("report", "ISR", "JPN", "--out", "{out}/report.html"), 1.5),
    ("report_computed", ("report", "ISR", "JPN", "--out", "{out}/report.html"), 1.5),
)

#: Environment of a command beyond the run's own. ``report_computed`` is the first report of a
#: pair (or of new data): ``BILAT_KEEP_ANSWERS=0`` computes every answer instead of reading those
#: the warm-up run kept (``report``, with them, measures the read).
ENV: dict[str, dict[str, str]] = {"report_computed": {"BILAT_KEEP_ANSWERS": "0"}}


def run(args: argparse.Namespace, workdir: Path) -> dict[str, object]:
    home = workdir / "home"
    home.mkdir()
    sources = {"after": args.src, **({"before": args.before} if args.before else {})}

    def command(which: str, src: Path, key: str, argv: tuple[str, ...]):  # noqa: ANN202 - measure_interleaved's callable
        env = {**os.environ, "BILAT_HOME": str(home), "PYTHONPATH": str(src), "COLUMNS": "100", **ENV.get(key, {})}
        # As installed: bytecode is cached (pip compiles it; the warm-up run writes it for a checkout).
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        if args.cache_dir:
            env["BILAT_CACHE_DIR"] = str(args.cache_dir)
        filled = [a.replace("{out}", str(workdir / which)) for a in argv]
        (workdir / which).mkdir(exist_ok=True)
        return lambda _i: ([sys.executable, "-m", "bilat.cli", *filled], env)

    chosen = [c for c in COMMANDS if not args.only or c[0] in args.only]
    steps = {
        f"{which}:{key}": (_title(key, argv), command(which, src, key, argv))
        for key, argv, _ in chosen for which, src in sources.items()
    }
    info = machine_info()
    print(describe_machine(info), flush=True)
    measure_interleaved(steps, repeats=1)  # warm-up: caches and page cache, not timed
    results = measure_interleaved(steps, repeats=args.repeats)
    info_after = machine_info()
    rows = []
    for key, _argv, goal in chosen:
        m = results[f"after:{key}"]
        before = results.get(f"before:{key}")
        was = [f"{before.median_seconds:.2f}" if before.ok else "failed"] if before is not None else []
        if not m.ok:
            rows.append([m.name, *was, "failed", "", f"{goal:.1f}", m.note])
            continue
        rows.append([m.name, *was, f"{m.median_seconds:.2f}", f"{m.best_seconds:.2f}", f"{goal:.1f}",
                     "met" if m.median_seconds <= goal else "not met"])
    print()
    print(format_table(["command", *(["before median s"] if args.before else []), "median s", "best s", "goal s", ""], rows))
    print(f"\nload average before {info['load_average_1_5_15']}, after {info_after['load_average_1_5_15']}")
    return {
        "benchmark": "startup",
        "command": " ".join([Path(sys.argv[0]).name, *sys.argv[1:]]),
        "src": {which: str(src) for which, src in sources.items()},
        "machine": info,
        "load_average_after": info_after["load_average_1_5_15"],
        "repeats": args.repeats,
        "goals_seconds": {key: goal for key, _argv, goal in chosen},
        "results": {key: m.to_json() for key, m in results.items()},
    }


def _title(key: str, argv: tuple[str, ...]) -> str:
    """The command as a user types it, with the environment it runs in."""
    env = " ".join(f"{k}={v}" for k, v in ENV.get(key, {}).items())
    text = f"bilat {' '.join(argv)}".replace(" --out {out}/report.html", "")
    return f"{env} {text}" if env else text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="the sources to run (default: this checkout's src)")
    parser.add_argument("--before", type=Path, default=None,
                        help="another copy of the sources (the code before a change), run in turns with --src")
    parser.add_argument("--cache-dir", type=Path, default=None, help="BILAT_CACHE_DIR for the runs (default: the user's)")
    parser.add_argument("--only", nargs="*", default=None, help="keys of the commands to run: help country hs_search flows report report_computed")
    parser.add_argument("--no-save", action="store_true", help="do not append to bench/results/startup.json")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bilat_bench_startup_") as tmp:
        record = run(args, Path(tmp))
    if not args.no_save:
        append_results(RESULTS, record)
        print(f"\nappended to {RESULTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
