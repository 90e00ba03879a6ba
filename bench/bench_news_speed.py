"""Benchmark: news extraction throughput, warm, in articles per second (target: at least 100/s).

Why a benchmark and not a timed test: a timing assertion fails on a busy machine for reasons that
have nothing to do with the code. This script loads every article once (the real corpus in
``../shared/news-dev`` and the founding articles when present, else the self-written set in
``tests/data/news``), runs one untimed pass (imports, regex compilation, the country table), then
times ``--rounds`` passes over all of them in one process and reports the best and median rate.

Example: PYTHONPATH=src .venv/bin/python bench/bench_news_speed.py --rounds 5
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from bilat.news.extract import extract  # noqa: E402
from bilat.news.ingest import load_article  # noqa: E402

FOLDERS = (REPO.parent / "shared" / "news-dev", REPO.parent / "shared" / "examples" / "news", REPO / "tests" / "data" / "news")


def articles() -> list:
    out = []
    for folder in FOLDERS:
        if folder.is_dir():
            out += [load_article(p) for p in sorted(folder.glob("*.txt"))]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args(argv)
    items = articles()
    if not items:
        print("no articles found")
        return 1
    for article in items:  # warm-up: imports, compiled patterns, the country table
        extract(article)
    rates, cpu_rates = [], []
    for _ in range(args.rounds):
        start, cpu = time.perf_counter(), time.process_time()
        for article in items:
            extract(article)
        rates.append(len(items) / (time.perf_counter() - start))
        cpu_rates.append(len(items) / max(time.process_time() - cpu, 1e-9))
    chars = sum(len(a.text) for a in items)
    print(f"{len(items)} articles ({chars / len(items):,.0f} characters on average), {args.rounds} rounds, "
          f"{os.cpu_count()} CPUs visible, one process")
    print(f"best {max(rates):,.0f} articles/s, median {statistics.median(rates):,.0f} articles/s "
          f"(target >= 100 articles/s warm); CPU time only: median {statistics.median(cpu_rates):,.0f} articles/s")
    print(f"load average {os.getloadavg()[0]:.1f} (other work on the machine slows the wall-clock rate)")
    return 0 if statistics.median(rates) >= 100 else 2


if __name__ == "__main__":
    sys.exit(main())
