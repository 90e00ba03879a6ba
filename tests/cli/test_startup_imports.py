"""Look-up commands load only what they use: no pandas, numpy, pyarrow, ibis, plotly or pydantic.

Why a behaviour test and not a timing one: whether a module is imported does not depend on the
machine's load, and importing pandas (with numpy and pyarrow) is most of what made ``bilat
country`` take a second and a half (issue #17). The timings themselves are measured by
``bench/bench_startup.py``. Each command runs twice in a fresh interpreter: the first run may
build the per-machine lookup cache (with pandas), the second must not need it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"
HEAVY = ("pandas", "numpy", "pyarrow", "ibis", "plotly", "pydantic", "pyspark", "country_converter", "duckdb")
RUN = """
import json, sys
sys.argv = ["bilat", *sys.argv[1:]]
from bilat.cli import main
try:
    main()
except SystemExit as exc:
    code = exc.code
else:
    code = 0
heavy = sorted(m for m in sys.modules if m.split(".")[0] in HEAVY)
sys.stderr.write("\\n" + json.dumps({"code": code, "heavy": heavy}) + "\\n")
"""


def _run(*args: str) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]), "COLUMNS": "100"}
    done = subprocess.run(
        [sys.executable, "-c", f"HEAVY = {HEAVY!r}\n" + RUN, *args], capture_output=True, text=True, env=env, check=False
    )
    return json.loads(done.stderr.strip().splitlines()[-1])


@pytest.mark.parametrize(
    "args",
    [("--help",), ("country", "Japanese", "Israel", "392"), ("hs", "search", "coffee"), ("hs", "show", "847950"),
     ("country", "--help")],
)
def test_lookup_commands_do_not_import_the_data_stack(args: tuple[str, ...]) -> None:
    _run(*args)  # may fill the lookup cache
    found = _run(*args)
    assert found["code"] in (0, None)
    assert found["heavy"] == [], f"bilat {' '.join(args)} imported {found['heavy']}"


def test_csv_output_still_goes_through_pandas_and_is_unchanged() -> None:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    done = subprocess.run([sys.executable, "-m", "bilat.cli", "country", "Japanese", "WLD", "-f", "csv"],
                          capture_output=True, text=True, env=env, check=True)
    assert done.stdout.splitlines() == [
        "input,iso3,iso_numeric,short_name,name",
        "Japanese,JPN,392,Japan,Japan",
        "WLD,WLD,0,World,World",
    ]


def test_a_report_read_from_kept_answers_does_not_load_ibis(tmp_path: Path) -> None:
    """The second report of the same data reads its answers back: no expression is built, so Ibis
    (a fifth of a second to import) stays out of the process."""
    out = tmp_path / "r.html"
    env_extra = {"BILAT_CACHE_DIR": str(tmp_path / "cache"), "BILAT_HOME": str(tmp_path / "home")}
    saved = {k: os.environ.get(k) for k in env_extra}
    os.environ.update(env_extra)
    try:
        assert _run("report", "ISR", "JPN", "--out", str(out))["code"] in (0, None)  # computes and keeps
        found = _run("report", "ISR", "JPN", "--out", str(out))
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    assert found["code"] in (0, None) and out.exists()
    assert not [m for m in found["heavy"] if m.startswith("ibis")], found["heavy"]
