"""``bilat`` as a program ends without the interpreter's teardown (bilat.cli.console), and loses nothing by it.

The console entry point skips Python's last search for garbage cycles (0.15-0.2 s after a
report, BENCHMARKS.md, #17) by ending the process once the command is done. These tests run
the real program in a child process and hold what a normal exit gives: every exit code, every
line of output through a pipe, the exit hooks, a file written whole, a thread still running
waited for, and nothing printed at the end by the libraries' own leak checks.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"


def _bilat(*args: str, home: Path, prelude: str = "", check_env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    code = f"import sys\n{prelude}\nsys.argv = ['bilat', *sys.argv[1:]]\nfrom bilat.cli import console\nconsole()\n"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
           "BILAT_HOME": str(home), "COLUMNS": "100", **(check_env or {})}
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=300, check=False)


@pytest.mark.parametrize(("args", "code"), [(("country", "Japanese"), 0), (("country", "Nowhereland"), 1),
                                            (("--no-such-option",), 2)])
def test_exit_codes_are_the_commands(args: tuple[str, ...], code: int, tmp_path: Path) -> None:
    done = _bilat(*args, home=tmp_path)
    assert done.returncode == code, done.stderr
    if code == 1:
        assert done.stderr.startswith("error: unknown country")


def test_output_through_a_pipe_is_whole_and_the_exit_hooks_run(tmp_path: Path) -> None:
    hook = tmp_path / "hook.txt"
    prelude = f"import atexit\natexit.register(lambda: open({str(hook)!r}, 'w').write('ran'))"
    done = _bilat("flows", "ISR", "JPN", "--format", "csv", home=tmp_path, prelude=prelude)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("source,year,exporter,importer")
    assert len(lines) > 100 and lines[-1].count(",") == lines[0].count(",")  # the last row is whole
    assert hook.read_text() == "ran"
    assert "leaked" not in done.stderr  # the libraries' leak checks at teardown print nothing


def test_a_report_is_written_whole(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    done = _bilat("report", "ISR", "JPN", "--format", "json", "--out", str(out), home=tmp_path)
    assert done.returncode == 0, done.stderr
    import json

    assert "sections" in json.loads(out.read_text(encoding="utf-8"))
    assert "leaked" not in done.stderr


def test_a_thread_still_running_is_waited_for(tmp_path: Path) -> None:
    mark = tmp_path / "thread.txt"
    prelude = ("import threading, time\n"
               f"threading.Thread(target=lambda: (time.sleep(1), open({str(mark)!r}, 'w').write('done'))).start()")
    done = _bilat("country", "Japanese", home=tmp_path, prelude=prelude)
    assert done.returncode == 0, done.stderr
    assert mark.read_text() == "done"


def test_a_closed_stderr_does_not_change_the_exit(tmp_path: Path) -> None:
    code = f"import sys\nsys.argv = ['bilat', 'country', 'Japanese']\nsys.path.insert(0, {str(SRC)!r})\nfrom bilat.cli import console\nconsole()\n"
    done = subprocess.run(f"{sys.executable} -c \"$CODE\" 2>&-", shell=True, capture_output=True, text=True,
                          env={**os.environ, "CODE": code, "BILAT_HOME": str(tmp_path)}, timeout=300, check=False)
    assert done.returncode == 0 and "JPN" in done.stdout
