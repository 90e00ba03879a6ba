"""Every file of the bad-input corpus gets its one-line error (or its documented handling), never a
traceback, and a refused file leaves the store exactly as it was.

The corpus and the expected outcome of each file are in tests/data/bad/manifest.json.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

import bilat.cli  # noqa: F401 - registers every command group on the app
from bilat.cli.app import app
from bilat.errors import BilatError
from bilat.store import Store
from trust_corpus import HEADER, ROW, Case, load_cases, materialise, store_state

CASES = load_cases()
INGEST_CASES = [c for c in CASES if c.loader != "news"]
NEWS_CASES = [c for c in CASES if c.loader == "news"]
REPO = Path(__file__).resolve().parents[2]
BILAT = REPO / ".venv" / "bin" / "bilat"


def _ids(cases: list[Case]) -> list[str]:
    return [c.file for c in cases]


@pytest.fixture
def seeded(bilat_home: Path, tmp_path: Path) -> Store:
    """A store that already holds one good file, so that "unchanged" is not trivially true."""
    good = tmp_path / "BACI_HS17_Y2019_V202401.csv"
    good.write_text(HEADER + ROW.replace("2020", "2019") + "2019,710,376,10121,12.5,NA\n", encoding="utf-8")
    store = Store(bilat_home)
    assert store.ingest("baci", good).rows == 2
    return store


def _apply_env(case: Case, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in (case.env or {}).items():
        monkeypatch.setenv(name, value)


def _check_refusal(case: Case, exc: BaseException, name: str) -> None:
    assert type(exc).__name__ == case.exception or case.exception in {k.__name__ for k in type(exc).__mro__}, (
        f"{case.file}: expected {case.exception}, got {type(exc).__name__}: {exc}"
    )
    assert isinstance(exc, BilatError)
    assert exc.exit_code == case.exit_code
    first = str(exc).splitlines()[0]
    assert name in first.split(":")[0] or first.startswith(name), f"first line does not name the file: {first!r}"
    assert case.message in str(exc), f"{case.message!r} not in {str(exc)!r}"
    if case.line is not None:
        assert f"{name}, line {case.line}" in first


def test_manifest_lists_every_committed_file_once() -> None:
    from trust_corpus import BAD

    committed = {p.name for p in BAD.iterdir() if p.name != "manifest.json"}
    listed = [c.file for c in CASES if not c.recipe]
    assert sorted(listed) == sorted(committed)
    assert len({c.file for c in CASES}) == len(CASES)
    assert all(c.handling in ("refused", "documented") for c in CASES)
    assert all(c.message and c.exception for c in CASES if c.refused)


@pytest.mark.parametrize("case", INGEST_CASES, ids=_ids(INGEST_CASES))
def test_ingest_refuses_with_one_line_error_or_handles_as_documented(
    case: Case, seeded: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = materialise(case, tmp_path)
    before = store_state(seeded.home)
    rows_before = seeded.row_counts()["product_flows"]
    _apply_env(case, monkeypatch)
    if case.refused:
        with pytest.raises(BilatError) as info:
            seeded.ingest(case.loader, path)
        _check_refusal(case, info.value, path.name)
        assert store_state(seeded.home) == before
    else:
        result = seeded.ingest(case.loader, path)
        assert result.rows == case.rows
        assert seeded.row_counts()["product_flows"] == rows_before + case.rows


def _check_cli(case: Case, result, name: str) -> None:  # noqa: ANN001 - a click Result
    """The CLI's answer: one "error: <file>..." line and the error's exit code, never a traceback."""
    assert "Traceback" not in result.output
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"{name}: the CLI let {type(result.exception).__name__} escape: {result.exception}")
    assert result.exit_code == case.exit_code, result.output
    first = result.output.strip().splitlines()[0]
    assert first.startswith("error: ") and name in first, first
    assert case.message in result.output


@pytest.mark.parametrize("case", INGEST_CASES, ids=_ids(INGEST_CASES))
def test_cli_ingest_reports_the_same_outcome(
    case: Case, seeded: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = materialise(case, tmp_path)
    before = store_state(seeded.home)
    _apply_env(case, monkeypatch)
    result = CliRunner().invoke(app, ["ingest", case.loader, str(path)])
    if case.refused:
        _check_cli(case, result, path.name)
        assert store_state(seeded.home) == before
    else:
        assert result.exit_code == 0, result.output
        assert f"stored {case.rows:,} rows" in result.output


@pytest.mark.parametrize("case", NEWS_CASES, ids=_ids(NEWS_CASES))
def test_cli_news_add_reports_the_same_outcome(case: Case, seeded: Store, tmp_path: Path) -> None:
    path = materialise(case, tmp_path)
    before = store_state(seeded.home)
    result = CliRunner().invoke(app, ["news", "add", str(path), "--format", "json"])
    if case.refused:
        _check_cli(case, result, path.name)
        assert store_state(seeded.home) == before
    else:
        assert result.exit_code == 0, result.output
        assert '"added":true' in result.output.replace(" ", "")


@pytest.mark.parametrize("name", ["truncated.csv", "traversal.zip", "utf16.csv"])
def test_installed_bilat_prints_one_line_without_traceback(name: str, seeded: Store, tmp_path: Path) -> None:
    if not BILAT.exists():
        pytest.skip(f"{BILAT} not installed (pip install -e . in the venv)")
    case = next(c for c in CASES if c.file == name)
    path = materialise(case, tmp_path)
    before = store_state(seeded.home)
    env = {**os.environ, "BILAT_HOME": str(seeded.home), "COLUMNS": "400"}
    done = subprocess.run([str(BILAT), "ingest", "baci", str(path)], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == case.exit_code
    assert "Traceback" not in done.stderr + done.stdout
    first = done.stderr.strip().splitlines()[0]
    assert first.startswith(f"error: {name}")
    assert case.message in done.stderr
    assert store_state(seeded.home) == before


@pytest.mark.parametrize("case", NEWS_CASES, ids=_ids(NEWS_CASES))
def test_article_refused_with_one_line_error_or_handled_as_documented(case: Case, tmp_path: Path) -> None:
    from bilat.news.ingest import load_article

    path = materialise(case, tmp_path)
    if case.refused:
        with pytest.raises(BilatError) as info:
            load_article(path)
        _check_refusal(case, info.value, path.name)
        return
    article = load_article(path)
    # Markup that would run is gone; text that only looks like markup is kept, as text.
    for active in ("onload", "onerror", "onmouseover", "javascript:", "document.title"):
        assert active not in article.text
    assert article.text.count("<script>") == 1
    assert "<script>window.__pwned = 1</script> was typed into a reader comment" in article.text
    assert "<" not in (article.title or "")


def test_subprocess_helper_runs_the_same_python() -> None:
    # The CLI subprocess tests must exercise this checkout, not another installed bilat.
    if not BILAT.exists():
        pytest.skip(f"{BILAT} not installed")
    done = subprocess.run([str(BILAT.parent / "python"), "-c", "import bilat; print(bilat.__file__)"], capture_output=True, text=True)
    assert Path(done.stdout.strip()).resolve().is_relative_to(REPO / "src")
