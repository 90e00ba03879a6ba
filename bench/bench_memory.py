"""Benchmark: peak memory of ingesting one large BACI year stays bounded (it does not grow with the file).

Why a benchmark and not a test: the claim is about files of 10 million rows (a full BACI year),
which take minutes and gigabytes of disk; the test suite must stay fast. This script generates a
synthetic year with ``bilat.synth.generate_baci``, ingests it in a fresh child process (with every
check on: encoding, line length, codes, duplicates) and reports the child's peak resident memory
from ``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss``. Run it at two sizes to see that memory is
flat: the CSV is streamed in 8 MiB blocks and DuckDB spills to the store's staging folder.

Example: .venv/bin/python bench/bench_memory.py --rows 2000000
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = (
    "import sys; from bilat.store import Store; r = Store(sys.argv[1]).ingest('baci', sys.argv[2]);"
    " print(r.rows, r.rejected)"
)


def measure(rows: int, workdir: Path) -> dict[str, object]:
    """Generate ``rows`` rows, ingest them in a child process, return rows, seconds and peak RSS."""
    from bilat.synth import generate_baci

    data = workdir / "data"
    paths = generate_baci(data, [2020], rows_per_year=rows)
    csv = next(p for p in paths if p.name.startswith("BACI_") and p.suffix == ".csv")
    home = workdir / "home"
    env = {**os.environ, "BILAT_HOME": str(home)}
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", CHILD, str(home), str(csv)], capture_output=True, text=True, env=env)
    seconds = time.monotonic() - started
    if done.returncode != 0:
        raise SystemExit(f"ingestion failed:\n{done.stderr}")
    stored, rejected = (int(x) for x in done.stdout.strip().splitlines()[-1].split())
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # Linux: KiB
    return {
        "rows": rows,
        "stored": stored,
        "rejected": rejected,
        "file_mb": round(csv.stat().st_size / 1e6, 1),
        "seconds": round(seconds, 1),
        "peak_rss_mb": round(peak_kib / 1024, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2_000_000, help="rows in the synthetic year (10,000,000 is a full BACI year)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="bilat-bench-memory-"))
    try:
        result = measure(args.rows, workdir)
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    print(json.dumps(result))
    print(
        f"bench_memory: {result['stored']:,} rows ({result['file_mb']} MB CSV) ingested in {result['seconds']} s,"
        f" peak RSS {result['peak_rss_mb']} MB"
    )


if __name__ == "__main__":
    main()
