"""The CLI runs numpy's BLAS on one thread unless the user set it, and sets it before numpy loads.

Why: bilat's matrices are small (the complexity ranking is countries x countries) and the report
asks questions in two threads (``bilat.alongside``); a second BLAS thread cost more than it saved
and took the other thread's core (BENCHMARKS.md, issue #17). OpenBLAS reads the variable once,
when numpy loads, so the test also holds that importing the CLI sets it before numpy is imported.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"
PROBE = """
import os, sys
before = "numpy" in sys.modules
import bilat.cli
print(os.environ.get("OPENBLAS_NUM_THREADS"), before, "numpy" in sys.modules)
"""


def _probe(**env: str) -> list[str]:
    base = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True,
                          env={**base, "PYTHONPATH": str(SRC), **env})
    return done.stdout.split()


def test_cli_sets_one_blas_thread_before_numpy_loads() -> None:
    value, numpy_before, _ = _probe()
    assert value == "1" and numpy_before == "False"


def test_a_users_own_setting_is_kept() -> None:
    assert _probe(OPENBLAS_NUM_THREADS="4")[0] == "4"
