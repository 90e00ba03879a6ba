"""What every bilat benchmark shares: run a step in a subprocess, time it, read its peak memory,
describe the machine, and keep the results.

Why a subprocess per run: peak memory is only meaningful for a fresh process (a Python process
never gives memory back to the OS, and one run's caches would flatter the next), and the kernel
reports a finished child's peak resident set size exactly (``getrusage(RUSAGE_CHILDREN)`` ->
``ru_maxrss``, which also covers the grandchildren it waited for). No psutil, no sampling.

Wall time covers the whole process, interpreter start and imports included: that is what a user
who types the command waits for.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path

RESULTS_DIR = Path(__file__).resolve().parent / "results"
LIBRARIES = ("bilat", "duckdb", "pyarrow", "pandas", "numpy", "ibis-framework", "pyspark")


@dataclass
class Run:
    """One run of a measured step."""

    seconds: float
    peak_rss_bytes: int
    returncode: int
    stderr_tail: str = ""


@dataclass
class Measurement:
    """Repeated runs of one step, summarised."""

    name: str
    runs: list[Run] = field(default_factory=list)
    rows: int | None = None
    note: str = ""

    @property
    def ok(self) -> bool:
        return bool(self.runs) and all(r.returncode == 0 for r in self.runs)

    @property
    def best_seconds(self) -> float:
        return min(r.seconds for r in self.runs)

    @property
    def median_seconds(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    @property
    def peak_rss_bytes(self) -> int:
        return max(r.peak_rss_bytes for r in self.runs)

    @property
    def rows_per_second(self) -> float | None:
        return self.rows / self.best_seconds if self.rows and self.runs else None

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {"name": self.name, "ok": self.ok, "note": self.note, "rows": self.rows}
        if self.runs:
            data.update(
                best_seconds=round(self.best_seconds, 3),
                median_seconds=round(self.median_seconds, 3),
                peak_rss_bytes=self.peak_rss_bytes,
                rows_per_second=round(self.rows_per_second) if self.rows_per_second else None,
                runs=[asdict(r) for r in self.runs],
            )
        return data


#: Runs the measured command as *its* child and reports that child alone. Why the indirection:
#: a process forked from a big parent starts with the parent's pages counted in its peak RSS
#: (the high-water mark survives exec), so the benchmark script's own memory would leak into
#: every figure. The launcher is a bare interpreter (about 10 MB), which bounds that bias.
_LAUNCHER = """
import json, resource, subprocess, sys, time
started = time.perf_counter()
code = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL)
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"seconds": seconds, "maxrss": peak, "code": code}))
"""


def run_measured(argv: Sequence[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> Run:
    """Run ``argv`` to completion; return its wall time and its peak RSS (kernel-reported)."""
    with tempfile.TemporaryFile() as err:
        launched = subprocess.run(
            [sys.executable, "-I", "-S", "-c", _LAUNCHER, *argv],
            stdout=subprocess.PIPE,
            stderr=err,
            env=env,
            cwd=cwd,
            check=False,
        )
        err.seek(0)
        tail = err.read()[-2000:].decode("utf-8", "replace")
    if launched.returncode != 0 or not launched.stdout.strip():
        return Run(seconds=float("nan"), peak_rss_bytes=0, returncode=launched.returncode or 1, stderr_tail=tail)
    report = json.loads(launched.stdout.decode().strip().splitlines()[-1])
    # ru_maxrss is in kilobytes on Linux, bytes on macOS.
    scale = 1 if sys.platform == "darwin" else 1024
    return Run(
        seconds=float(report["seconds"]),
        peak_rss_bytes=int(report["maxrss"]) * scale,
        returncode=int(report["code"]),
        stderr_tail=tail,
    )


def measure(
    name: str,
    command: Callable[[int], tuple[Sequence[str], dict[str, str] | None]],
    repeats: int = 3,
    rows: int | None = None,
) -> Measurement:
    """Run ``command(i)`` (argv, env) ``repeats`` times, each in a fresh process.

    ``command`` is called before each run so that a run can get a fresh output folder or store.
    A failing run stops the repeats: its stderr tail is kept for the report.
    """
    result = Measurement(name=name, rows=rows)
    for i in range(repeats):
        argv, env = command(i)
        run = run_measured(argv, env=env)
        result.runs.append(run)
        if run.returncode != 0:
            result.note = f"exit code {run.returncode}: {run.stderr_tail.strip().splitlines()[-1] if run.stderr_tail.strip() else ''}"
            break
    return result


def measure_interleaved(
    steps: dict[str, tuple[str, Callable[[int], tuple[Sequence[str], dict[str, str] | None]]]],
    repeats: int = 3,
    rows: int | None = None,
) -> dict[str, Measurement]:
    """Like :func:`measure` for several steps compared with each other, run in turns (a, b, c, a, b, c...).

    Why in turns: a shared machine drifts (other tenants, heat, the page cache) over the minutes a
    benchmark takes; running all of one step, then all of the next, puts that drift into their
    ratio. ``steps`` maps a key to (display name, command); a failing step is not run again.
    """
    results = {key: Measurement(name=name, rows=rows) for key, (name, _command) in steps.items()}
    for i in range(repeats):
        for key, (_name, command) in steps.items():
            result = results[key]
            if result.runs and not result.ok:
                continue
            argv, env = command(i)
            run = run_measured(argv, env=env)
            result.runs.append(run)
            if run.returncode != 0:
                last = run.stderr_tail.strip().splitlines()[-1] if run.stderr_tail.strip() else ""
                result.note = f"exit code {run.returncode}: {last}"
    return results


def python_step(code: str, *args: str) -> list[str]:
    """argv that runs ``code`` in a fresh interpreter of this environment, with ``sys.argv[1:] == args``."""
    return [sys.executable, "-c", code, *args]


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _total_ram_bytes() -> int | None:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return None


def _version(dist: str) -> str | None:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def machine_info() -> dict[str, object]:
    """CPU, cores, RAM, load, OS, Python and library versions: enough to compare two results."""
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count()
    try:
        load = [round(x, 2) for x in os.getloadavg()]
    except OSError:
        load = None
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "usable_cores": usable,
        "ram_bytes": _total_ram_bytes(),
        "load_average_1_5_15": load,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "libraries": {name: _version(name) for name in LIBRARIES if _version(name)},
    }


def describe_machine(info: dict[str, object]) -> str:
    """One line for the top of a benchmark's output."""
    ram = info.get("ram_bytes")
    libs = ", ".join(f"{k} {v}" for k, v in dict(info["libraries"]).items())  # type: ignore[arg-type]
    return (
        f"{info['cpu']}, {info['usable_cores']} usable core(s) of {info['cores']}, "
        f"{human_bytes(ram) if ram else '? RAM'}, load {info['load_average_1_5_15']}, "
        f"{info['os']}, Python {info['python']}; {libs}"
    )


def human_bytes(n: float) -> str:
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if abs(n) < 1024 or unit == "TB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} TB"


def format_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain-text table (numbers right-aligned) that reads the same in a terminal and in Markdown."""
    cells = [[str(h) for h in headers]] + [["" if c is None else str(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]

    def line(row: list[str]) -> str:
        parts = []
        for i, cell in enumerate(row):
            numeric = cell.replace(".", "", 1).replace(",", "").replace("x", "").replace("-", "").strip().isdigit()
            parts.append(cell.rjust(widths[i]) if numeric else cell.ljust(widths[i]))
        return "| " + " | ".join(parts) + " |"

    out = [line(cells[0]), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out.extend(line(r) for r in cells[1:])
    return "\n".join(out)


def append_results(path: Path, record: dict[str, object]) -> None:
    """Append ``record`` (stamped with the time) to the JSON list in ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    history: list[object] = []
    if path.exists() and path.stat().st_size:
        history = json.loads(path.read_text())
    record = {"when": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), **record}
    history.append(record)
    path.write_text(json.dumps(history, indent=2) + "\n")


def run_and_save(
    run: Callable[[Path], dict[str, object]], *, workdir: Path | None, prefix: str, results: Path, save: bool
) -> dict[str, object]:
    """Run a benchmark in ``workdir`` (kept) or a temporary folder (deleted), then record its result.

    Every benchmark ends this way: generated data can be kept between runs with ``--workdir``,
    and each result is appended to ``bench/results/<name>.json`` unless ``--no-save``.
    """
    if workdir is not None:
        workdir.mkdir(parents=True, exist_ok=True)
        record = run(workdir)
    else:
        with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
            record = run(Path(tmp))
    if save:
        append_results(results, record)
        print(f"\nappended to {results}")
    return record
