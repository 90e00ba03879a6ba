"""The ``bilat`` command line.

The CLI only translates: it parses arguments, calls one library function and formats the result.
Each group of commands lives in its own module, which registers on :data:`bilat.cli.app.app`;
this package imports them in :data:`COMMAND_MODULES` order (that order is the ``--help`` order).
"""

from __future__ import annotations

import atexit
import importlib
import os
import sys

# numpy's BLAS on one thread unless the user chose otherwise, set before anything imports numpy.
# bilat's matrices are small (the complexity ranking is countries x countries); a second BLAS
# thread cost more to start and spin than it saved, and took the core the report's other
# thread (bilat.alongside) and DuckDB were using. Measured in BENCHMARKS.md (#17).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from bilat.cli.app import app, run  # noqa: E402 - after the setting above

COMMAND_MODULES = [
    "bilat.cli.data_cmds",
    "bilat.cli.maintenance_cmds",
    "bilat.cli.report_cmds",
    "bilat.cli.profile_cmds",
    "bilat.cli.target_cmds",
    "bilat.cli.nomenclature_cmds",
    "bilat.cli.synth_cmds",
    "bilat.cli.fetch_cmds",
    "bilat.cli.potential_cmds",
    "bilat.cli.complexity_cmds",
    "bilat.cli.serve_cmds",
    "bilat.cli.news_cmds",
]

def _register(module: str) -> None:
    try:
        importlib.import_module(module)
    except ModuleNotFoundError as exc:
        # A command group whose module is absent is left out rather than breaking every command;
        # tests/test_cli_docs.py imports each listed module, so a missing one still fails CI.
        if exc.name != module:
            raise


for _module in COMMAND_MODULES:
    _register(_module)


def main() -> None:
    """Run one command: its output, its errors as one-line messages, its exit code as ``SystemExit``."""
    run()


def console() -> None:
    """The ``bilat`` program (its console script, ``python -m bilat.cli``): :func:`main`, then the process ends at once.

    Why: when a Python process ends, the interpreter searches every object of every module for
    garbage cycles, twice, and frees them one by one; after a report (pandas, pyarrow and duckdb
    loaded: hundreds of thousands of objects) that is 0.15-0.2 s the user waits for the prompt
    with the work long done (BENCHMARKS.md, #17). The command has closed its files and databases
    by then (sessions close their engines, files are written whole and renamed), so the process
    runs the exit hooks (``atexit``: Spark stops its context, logging flushes), flushes its
    output and ends without that search. While another thread of the command still runs, it
    ends the usual way instead, waiting for it. :func:`main` is for callers that go on (tests).
    """
    try:
        main()
        code: object = 0
    except SystemExit as exc:
        code = exc.code
    _end(code)


def _end(code: object) -> None:
    """End the process with ``code`` as ``sys.exit`` would, skipping the interpreter's teardown when nothing else runs."""
    import threading

    others = [t for t in threading.enumerate() if t is not threading.main_thread() and not t.daemon and t.is_alive()]
    if others:
        sys.exit(code)
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:  # sys.exit("message"): the message on stderr, status 1
        if sys.stderr is not None:
            print(code, file=sys.stderr)
        status = 1
    if not 0 <= status <= 255:  # what os._exit cannot take, sys.exit maps as the interpreter does
        sys.exit(code)
    atexit._run_exitfuncs()  # noqa: SLF001 - the hooks run as at any exit (their errors are printed, not raised)
    for stream in (sys.stdout, sys.stderr):
        if stream is None:  # started with that descriptor closed (2>&-)
            continue
        try:
            stream.flush()
        except Exception:  # noqa: BLE001 - a closed pipe: as CPython's exit, status 120 when it was 0
            status = status or 120
    os._exit(status)


__all__ = ["app", "console", "main"]
