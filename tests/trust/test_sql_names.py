"""No SQL from a file name or an option (issue #18, item 1).

Every path and user value that reaches DuckDB goes through ``bilat.sql.quote_literal`` (or is a
bound parameter). Each command that takes a path is run here with hostile names: quotes,
semicolons, SQL comments, newlines and unicode. The first name below is the red team's: before
the fix, ``--skip-bad-rows`` ran its ``COPY`` and wrote PWNED.csv.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from bilat.cli import app
from bilat.sql import quote_identifier, quote_literal, quote_read_path

runner = CliRunner()
HEADER = "t,i,j,k,v,q\n"
GOOD = ["2020,710,392,710231,10493.455,0.112\n", "2020,710,392,260200,96221.364,1004529.250\n"]
SHORT = "2020,710\n"  # a short row: --skip-bad-rows sets it aside in the rejects file

INJECTION = "z.csv' (HEADER); COPY (SELECT 42 AS pwned) TO 'PWNED.csv' (HEADER); --"
HOSTILE = [
    INJECTION,
    "it's.csv",
    'double"quote.csv',
    "semi;colon -- comment.csv",
    "new\nline.csv",
    "tab\tand\rreturn.csv",
    "back\\slash'.csv",
    "ünïcødé — 日本'.csv",
    "emoji 🙂 ':x:'.csv",
    "'); DROP TABLE files; --.csv",
    "glob[1]*?{a,b}.csv",
]


def _no_pwned(*folders: Path) -> None:
    for folder in folders:
        found = [p for p in folder.rglob("*") if "pwned" in p.name.lower() and "COPY" not in p.name]
        assert not found, f"injected SQL wrote {found}"


def _clean(result) -> None:  # noqa: ANN001 - a click Result
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)


def _rows_in(parquet: Path) -> int:
    """Rows of a Parquet file, read by pyarrow from the exact path.

    Not DuckDB: its readers glob every path, and a name holding both a backslash and a glob
    character ("\\*", "*\\") matches nothing even escaped (hypothesis found such names); what is
    checked here is the file bilat wrote, not DuckDB's globbing.
    """
    import pyarrow.parquet as pq

    return pq.read_metadata(parquet).num_rows


def _baci(path: Path, bad_row: bool = True) -> Path:
    path.write_text(HEADER + GOOD[0] + (SHORT if bad_row else "") + GOOD[1], encoding="utf-8")
    return path


def test_the_quoting_helper_round_trips_through_duckdb() -> None:
    con = duckdb.connect()
    for text in HOSTILE + ["", "''", "\\'", "a\x7fb"]:
        assert con.execute(f"SELECT {quote_literal(text)}").fetchone()[0] == text
        assert con.execute(f"SELECT 1 AS {quote_identifier(text or 'x')}").description[0][0] == (text or "x")
    with pytest.raises(Exception, match="NUL"):
        quote_literal("a\x00b")


def test_a_glob_character_in_a_path_reads_that_file_only(tmp_path: Path) -> None:
    con = duckdb.connect()
    hostile, other = tmp_path / "x[1]*?.parquet", tmp_path / "x1ab.parquet"
    con.execute(f"COPY (SELECT 1 AS a) TO {quote_literal(hostile)}")
    con.execute(f"COPY (SELECT 2 AS a) TO {quote_literal(other)}")
    # DuckDB's reader globs the plain literal (and reads the other file); the helper's does not.
    assert con.execute(f"SELECT a FROM read_parquet({quote_literal(hostile)})").fetchall() == [(2,)]
    assert con.execute(f"SELECT a FROM read_parquet({quote_read_path(hostile)})").fetchall() == [(1,)]


def test_baci_fast_lane_reads_the_named_file_not_its_glob_neighbours(tmp_path: Path) -> None:
    _baci(tmp_path / "BACI_HS17_Y2020_V202401a.csv", bad_row=False)
    named = tmp_path / "BACI_HS17_Y2020_V20240*.csv"
    named.write_text(HEADER + GOOD[0], encoding="utf-8")
    result = runner.invoke(app, ["ingest", "baci", str(named)])
    assert result.exit_code == 0, result.output
    assert "stored 1 rows" in " ".join(result.output.split())


@pytest.mark.parametrize("name", HOSTILE)
def test_skip_bad_rows_rejects_file_with_a_hostile_name(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = _baci(tmp_path / name)
    result = runner.invoke(app, ["ingest", "baci", str(path), "--skip-bad-rows", "--hs-revision", "2017"])
    assert result.exit_code == 0, result.output
    _clean(result)
    rejects = tmp_path / f"{name}.rejects.csv"
    assert rejects.is_file()
    lines = rejects.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "line,column_name,problem,value" and lines[1].startswith("3,")
    _no_pwned(tmp_path, Path(os.environ["BILAT_HOME"]))


@pytest.mark.parametrize("name", HOSTILE)
def test_export_to_a_hostile_name(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["ingest", "baci", str(_baci(tmp_path / "BACI_HS17_Y2020_V202401.csv", bad_row=False))]).exit_code == 0
    out = tmp_path / f"{name}.parquet"
    result = runner.invoke(app, ["export", "product_flows", str(out)])
    assert result.exit_code == 0, result.output
    _clean(result)
    assert _rows_in(out) == 2
    _no_pwned(tmp_path)


def test_export_refuses_a_table_name_that_is_sql(tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "product_flows; SELECT 1", str(tmp_path / "x.parquet")])
    assert result.exit_code != 0 and "unknown table" in result.output
    assert not (tmp_path / "x.parquet").exists()


@pytest.mark.parametrize("indicator", ["x'y", "a'); DROP TABLE files; --", "new\nline", "ünï'"])
def test_loader_option_with_quotes_is_a_value_not_sql(indicator: str, tmp_path: Path) -> None:
    path = tmp_path / "series.csv"
    path.write_text("Country Name,Country Code,Year,Value\nJapan,JPN,2020,5.0e12\nIsrael,ISR,2020,4.0e11\n", encoding="utf-8")
    result = runner.invoke(app, ["ingest", "worldbank", str(path), "-o", f"indicator={indicator}", "-o", "unit=it's"])
    assert result.exit_code == 0, result.output
    _clean(result)
    from bilat.engines import open_engine

    with open_engine() as engine:
        rows = engine.sql("SELECT DISTINCT indicator, unit FROM indicators WHERE unit = ?", ["it's"]).values.tolist()
    assert rows == [[indicator.strip(), "it's"]]


@pytest.mark.parametrize("name", [INJECTION, "it's", "new\nline ünï;--"])
def test_a_store_under_a_hostile_folder_name(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # BILAT_HOME reaches DuckDB too: the staging temp_directory and every read_parquet of the engine.
    home = tmp_path / name
    monkeypatch.setenv("BILAT_HOME", str(home))
    monkeypatch.chdir(tmp_path)
    path = _baci(tmp_path / "BACI_HS17_Y2020_V202401.csv")
    result = runner.invoke(app, ["ingest", "baci", str(path), "--skip-bad-rows"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["flows", "ZAF", "JPN", "--format", "csv"])
    assert result.exit_code == 0, result.output
    _clean(result)
    _no_pwned(tmp_path)


@pytest.mark.parametrize("name", [INJECTION, "it's.txt", "new\nline ünï;--.txt"])
def test_news_add_and_report_with_hostile_paths(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    article = tmp_path / (name if name.endswith(".txt") else name + ".txt")
    article.write_text("Israel and Japan.\n\nTrade between Israel and Japan reached $3 billion in 2019.\n", encoding="utf-8")
    result = runner.invoke(app, ["news", "add", str(article), "--date", "2020-01-01"])
    assert result.exit_code == 0, result.output
    _clean(result)
    out = tmp_path / (name + ".html")
    result = runner.invoke(app, ["report", "ISR", "JPN", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.is_file()
    _no_pwned(tmp_path)


def test_synth_into_a_hostile_folder_then_ingest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / INJECTION
    result = runner.invoke(app, ["synth", "baci", str(folder), "--years", "2020", "--rows", "200"])
    assert result.exit_code == 0, result.output
    (csv,) = folder.glob("BACI_*.csv")
    result = runner.invoke(app, ["ingest", "baci", str(csv)])
    assert result.exit_code == 0, result.output
    _no_pwned(tmp_path)


# Names a file system takes (no "/" or NUL, not "." or ".."), weighted toward what breaks SQL.
_PIECES = st.sampled_from(["'", '"', ";", "--", "*", "?", "[1]", "{a,b}", "\n", "\r", "\t", " ", "\\", "(", ")", "$$",
                           "COPY (SELECT 1) TO 'PWNED.csv'", "ü", "日本", "🙂", ":x:", "\u202e", "\x1b[2J"])
_NAMES = st.lists(st.one_of(_PIECES, st.text(st.characters(blacklist_characters="/\x00", blacklist_categories=("Cs",)), max_size=4)),
                  min_size=1, max_size=6).map("".join).filter(
    lambda n: n not in (".", "..") and n.strip() and len(n.encode()) < 120)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=_NAMES)
@example(name="\\*")  # a backslash with a glob character: found by hypothesis, kept as a fixed case
@example(name="*\\")
def test_property_hostile_file_names_run_no_sql(name: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Ingest with --skip-bad-rows, then export, under any name: exit 0, files where asked, no SQL run."""
    folder = tmp_path_factory.mktemp("names")
    home = tmp_path_factory.mktemp("home")
    old = os.getcwd()
    os.chdir(folder)
    try:
        env = {"BILAT_HOME": str(home)}
        path = _baci(folder / name)
        result = runner.invoke(app, ["ingest", "baci", str(path), "--skip-bad-rows", "--hs-revision", "2017"], env=env)
        assert result.exit_code == 0, (name, result.output, result.exception)
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert (folder / f"{name}.rejects.csv").is_file()
        out = folder / f"{name}.parquet"
        result = runner.invoke(app, ["export", "product_flows", str(out)], env=env)
        assert result.exit_code == 0, (name, result.output, result.exception)
        assert _rows_in(out) == 2
        _no_pwned(folder, home)
    finally:
        os.chdir(old)


@pytest.mark.parametrize("where", ["missing folder", "a folder"])
def test_export_to_a_bad_place_is_one_line(where: str, tmp_path: Path) -> None:
    out = tmp_path / "no" / "such" / "x.parquet" if where == "missing folder" else tmp_path
    result = runner.invoke(app, ["export", "product_flows", str(out)])
    assert result.exit_code == 1, result.output
    _clean(result)
    assert len(result.output.strip().splitlines()) <= 2 and result.output.startswith("error: ")
    assert not list(tmp_path.rglob("*.partial"))
