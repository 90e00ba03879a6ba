"""Benchmark: requests per second and latency of ``bilat serve`` under a bounded load, on loopback.

Why: the dashboard fires about ten API calls per pair, and several people may share one service;
the service must stay responsive while answers are computed (DuckDB in worker threads, a small
engine pool) and, once computed, serve them from its per-store-state cache.

What it does: starts ``bilat serve`` as a second process (the real CLI, uvicorn, one worker) on a
free loopback port with its own BILAT_HOME, waits for /api/health, times one cold request, then
fires ``--requests`` GETs with ``--concurrency`` in flight (httpx, asyncio) until done or
``--time-cap`` seconds. It prints requests/s, p50/p90/p99 latency and the error count, and appends
the figures with the machine description to ``bench/results/web_load.json``.

The store: ``--home`` if given, else a temporary one holding the real BACI fixture of ../shared
(plus bilat's embedded dataset, as users run it). ``--cache-size 0`` measures the queries
themselves instead of the cache.

``--cold`` skips the single warm-up request: the load itself meets the freshly started server
(every first import and first query under ``--concurrency`` requests at once, as issue #18's
cold-start race did). ``--paths`` takes a comma-separated list that the requests go through in
turn (``dashboard`` is the calls the dashboard makes for a pair). A transport error (a dropped
connection, a timeout) and any answer other than 200 count as errors.

Example: .venv/bin/python bench/bench_web_load.py --requests 2000 --concurrency 8 --time-cap 60
Example: .venv/bin/python bench/bench_web_load.py --requests 2000 --concurrency 20 --cold --paths dashboard --time-cap 600
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import RESULTS_DIR, append_results, describe_machine, machine_info  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
BACI_FIXTURE = ROOT.parent / "shared" / "data" / "baci_fixture_iopspackage" / "BACI_HS17_Y2020_V202301_exporters_4_710.csv.gz"
RESULTS = RESULTS_DIR / "web_load.json"
#: What the dashboard asks for one pair (and the news and targets panels).
DASHBOARD_PATHS = (
    "/api/profile/ISR/JPN", "/api/flows/ISR/JPN", "/api/composition/ISR/JPN", "/api/potential/ZAF/JPN",
    "/api/reconcile/ISR/JPN", "/api/targets/status", "/api/targets", "/api/articles", "/api/claims",
    "/api/lenses", "/api/countries",
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare_home(home: Path) -> str:
    """Fill a fresh store with the BACI fixture (if ../shared is there); say what it holds."""
    from bilat.store import Store

    if BACI_FIXTURE.exists():
        Store(home).ingest("baci", BACI_FIXTURE)
        return f"embedded dataset + {BACI_FIXTURE.name}"
    return "embedded dataset only"


def start_server(home: Path, port: int, cache_size: int) -> subprocess.Popen:
    bilat = shutil.which("bilat", path=str(Path(sys.executable).parent)) or "bilat"
    env = {**os.environ, "BILAT_HOME": str(home)}
    return subprocess.Popen(
        [bilat, "serve", "--host", "127.0.0.1", "--port", str(port), "--cache-size", str(cache_size)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )


def wait_ready(base: str, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"bilat serve exited: {process.stderr.read()}")
        try:
            if httpx.get(base + "/api/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit("bilat serve did not answer /api/health in time")


async def fire(base: str, paths: list[str], total: int, concurrency: int, time_cap: float) -> tuple[list[float], dict[int, int], int, float]:
    """(latencies in s of the successful requests, status counts, transport errors, elapsed s)."""
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    errors = 0
    issued = 0
    started = time.perf_counter()
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:

        async def worker() -> None:
            nonlocal issued, errors
            while issued < total and time.perf_counter() - started < time_cap:
                path = paths[issued % len(paths)]
                issued += 1
                t0 = time.perf_counter()
                try:
                    response = await client.get(path)
                except httpx.HTTPError:
                    errors += 1
                    continue
                statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
                if response.status_code == 200:
                    latencies.append(time.perf_counter() - t0)

        await asyncio.gather(*(worker() for _ in range(concurrency)))
    return latencies, statuses, errors, time.perf_counter() - started


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--time-cap", type=float, default=60.0)
    parser.add_argument("--path", default="/api/profile/ISR/JPN", help="endpoint to load (default: the pair profile)")
    parser.add_argument("--home", type=Path, help="an existing BILAT_HOME (default: a temporary store)")
    parser.add_argument("--cache-size", type=int, default=512, help="passed to bilat serve; 0 measures uncached answers")
    parser.add_argument("--paths", help="comma-separated endpoints taken in turn, or 'dashboard' (overrides --path)")
    parser.add_argument("--cold", action="store_true", help="no warm-up request: the load meets the fresh server")
    args = parser.parse_args()
    if args.paths:
        paths = list(DASHBOARD_PATHS) if args.paths == "dashboard" else [p.strip() for p in args.paths.split(",") if p.strip()]
        args.path = args.paths
    else:
        paths = [args.path]

    tmp = None
    if args.home is None:
        tmp = tempfile.mkdtemp(prefix="bilat_web_load_")
        home = Path(tmp)
        data = prepare_home(home)
    else:
        home, data = args.home, f"store {args.home}"
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(home, port, args.cache_size)
    try:
        wait_ready(base, server)
        cold = None
        if not args.cold:
            t0 = time.perf_counter()
            first = httpx.get(base + paths[0], timeout=120)
            cold = time.perf_counter() - t0
            if first.status_code != 200:
                raise SystemExit(f"{paths[0]} answered {first.status_code}: {first.text[:200]}")
        latencies, statuses, errors, elapsed = asyncio.run(
            fire(base, paths, args.requests, args.concurrency, args.time_cap)
        )
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)

    done = sum(statuses.values()) + errors
    failed = errors + sum(n for status, n in statuses.items() if status != 200)
    info = machine_info()
    record = {
        "path": args.path,
        "data": data,
        "cache_size": args.cache_size,
        "requests_planned": args.requests,
        "requests_done": done,
        "concurrency": args.concurrency,
        "time_cap_s": args.time_cap,
        "elapsed_s": round(elapsed, 3),
        "requests_per_s": round(done / elapsed, 1) if elapsed else None,
        "cold_first_request_s": round(cold, 3) if cold is not None else None,
        "cold_start_load": bool(args.cold),
        "transport_errors": errors,
        "p50_ms": round(percentile(latencies, 50) * 1000, 2) if latencies else None,
        "p90_ms": round(percentile(latencies, 90) * 1000, 2) if latencies else None,
        "p99_ms": round(percentile(latencies, 99) * 1000, 2) if latencies else None,
        "mean_ms": round(statistics.fmean(latencies) * 1000, 2) if latencies else None,
        "errors": failed,
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
        "machine": info,
    }
    print(f"bilat serve, GET {args.path} ({data}; cache {args.cache_size})")
    print(f"machine: {describe_machine(info)}")
    print(
        f"{done} requests in {elapsed:.1f} s at concurrency {args.concurrency}: {record['requests_per_s']} req/s; "
        f"latency p50 {record['p50_ms']} ms, p90 {record['p90_ms']} ms, p99 {record['p99_ms']} ms; "
        f"errors {failed} ({errors} transport); "
        + (f"first (cold) request {cold:.2f} s" if cold is not None else "load started on the cold server")
    )
    append_results(RESULTS, record)
    print(f"appended to {RESULTS}")


if __name__ == "__main__":
    main()
