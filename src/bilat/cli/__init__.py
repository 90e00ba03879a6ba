"""The ``bilat`` command line.

The CLI only translates: it parses arguments, calls one library function and formats the result.
Each group of commands lives in its own module, which registers on :data:`bilat.cli.app.app`;
this package imports them in :data:`COMMAND_MODULES` order (that order is the ``--help`` order).
"""

from __future__ import annotations

import importlib
import os

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
    """Console-script entry point."""
    run()


__all__ = ["app", "main"]
