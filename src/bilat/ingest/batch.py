"""Several files at once: read, checked and written to staging in parallel, committed one by one.

Why this shape: the store has one writer (its write lock), and each file must stay atomic. So the
batch takes the lock once, hands each file to a worker thread that does what a single ingestion
does up to its commit (hash, read, check, write the Parquet file and its pair totals into its own
``staging/<n>/`` folder: DuckDB, Arrow and hashlib release the GIL, so threads use the cores),
and commits each staged file on this thread as soon as it is ready, in its own catalog
transaction. A crash loses only the files not yet committed (their staging is swept by the next
ingestion); a bad file is reported and the others are still stored.

Bounded memory: the work connections of the workers share the ``ingest_memory`` limit (each
gets its part, DuckDB spills beyond it) and the cores (each gets its part of DuckDB's threads).
"""

from __future__ import annotations

import concurrent.futures
import os
import shutil
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from bilat.catalog.store import LOCK_WAIT_SECONDS, Store
from bilat.errors import BilatError
from bilat.ingest.general import known_country_codes
from bilat.ingest.pipeline import IngestResult, Ingestion, Staged, _fast_lane_of, sha256_of
from bilat.limits import check_file_size, limit
from bilat.sources import get_source

#: The least memory a worker's DuckDB connection gets, whatever the number of workers.
MIN_WORKER_MEMORY = 256 * 1024**2


def default_workers(files: int) -> int:
    """One worker per core, no more than the files, no more than the memory limit allows."""
    cores = os.cpu_count() or 1
    by_memory = max(1, limit("ingest_memory") // MIN_WORKER_MEMORY)
    return max(1, min(files, cores, by_memory))


def ingest_files(
    store: Store,
    source: str,
    paths: Sequence[Path | str],
    *,
    workers: int | None = None,
    skip_bad_rows: bool = False,
    options: dict[str, object] | None = None,
    rejects_dir: Path | str | None = None,
    lock_wait: float = LOCK_WAIT_SECONDS,
    on_result: Callable[[IngestResult], None] | None = None,
) -> list[IngestResult]:
    """Ingest ``paths`` with loader ``source``, ``workers`` files at a time (default: one per core).

    Returns one result per path, in the order given; ``on_result`` hears each as it is committed.
    Every file is checked as :meth:`Ingestion.ingest` checks it; when files fail, the others are
    stored all the same and the first failure (in the order given) is raised at the end.
    """
    paths = [Path(p) for p in paths]
    for path in paths:  # before anything is touched: a missing file fails the whole call
        if not path.exists():
            raise BilatError(f"{path}: no such file")
        if not path.is_file():
            raise BilatError(f"{path}: not a file")
        check_file_size(path, path.name)
    workers = max(1, min(workers or default_workers(len(paths)), len(paths)))
    ingestion = Ingestion(store)
    if workers > 1:
        ingestion.threads = max(1, (os.cpu_count() or 1) // workers)
        ingestion.memory = max(MIN_WORKER_MEMORY, limit("ingest_memory") // workers)
    loader = get_source(source)  # an unknown loader fails before the lock is taken
    early = _fast_lane_of(loader) is not None
    if early:
        known_country_codes()
    results: list[IngestResult | None] = [None] * len(paths)
    errors: list[BaseException | None] = [None] * len(paths)
    with store.write_lock(lock_wait):
        ingestion._known = ingestion.known_files()
        shutil.rmtree(store.staging_dir, ignore_errors=True)  # a crashed run's leftovers
        store.staging_dir.mkdir(parents=True)
        hashers = concurrent.futures.ThreadPoolExecutor(max_workers=workers, thread_name_prefix="bilat-sha256")
        stagers = concurrent.futures.ThreadPoolExecutor(max_workers=workers, thread_name_prefix="bilat-stage")
        try:

            def stage(n: int) -> Staged | IngestResult:
                started = time.monotonic()
                path = paths[n]
                hashing = hashers.submit(sha256_of, path)
                file_loader = get_source(source)  # one loader per file: no state shared between threads
                if not early and (stored := ingestion._already_stored(hashing.result(), path.name, source, started)):
                    return stored
                work = store.staging_dir / f"file{n}"
                work.mkdir(parents=True)
                return ingestion.stage(
                    file_loader, path, path.name, hashing, not early, work, skip_bad_rows, dict(options or {}),
                    None, rejects_dir, started, lambda _phase: None,
                )

            futures = {stagers.submit(stage, n): n for n in range(len(paths))}
            for future in concurrent.futures.as_completed(futures):
                n = futures[future]
                try:
                    staged = future.result()
                    result = staged if isinstance(staged, IngestResult) else ingestion.commit(staged)
                except Exception as exc:  # noqa: BLE001 - reported after the other files are stored
                    errors[n] = exc
                    continue
                finally:
                    work = store.staging_dir / f"file{n}"
                    shutil.rmtree(work, ignore_errors=True)  # its disk space, as soon as it is done
                results[n] = result
                if on_result is not None:
                    on_result(result)
        finally:
            stagers.shutdown(wait=True, cancel_futures=True)
            hashers.shutdown(wait=True, cancel_futures=True)
            shutil.rmtree(store.staging_dir, ignore_errors=True)
    for error in errors:
        if error is not None:
            raise error
    return [r for r in results if r is not None]
