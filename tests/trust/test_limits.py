"""Each documented cap refuses what exceeds it with a clear error, and is raised or lowered by its
environment variable (lowered here, so that no test needs gigabytes).
"""

from __future__ import annotations

import gzip
import os
import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilat import limits
from bilat.errors import BilatError, ValidationError
from bilat.limits import LIMITS, LimitError, check_zip, limit
from bilat.store import Store
from trust_corpus import HEADER, MIB, store_state

REPO = Path(__file__).resolve().parents[2]


def _rows(n: int, year: int = 2020, first: int = 0) -> str:
    """``n`` distinct valid BACI rows (South Africa to Japan, one HS6 code each from ``first``)."""
    return "".join(f"{year},710,392,{100000 + k:06d},1.5,0.1\n" for k in range(first, first + n))


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "store")


def test_caps_come_from_env_with_size_suffixes(monkeypatch: pytest.MonkeyPatch) -> None:
    assert limit("line_bytes") == LIMITS["line_bytes"].default == MIB
    monkeypatch.setenv("BILAT_MAX_LINE_BYTES", "4M")
    assert limit("line_bytes") == 4 * MIB
    monkeypatch.setenv("BILAT_MAX_LINE_BYTES", "512")
    assert limit("line_bytes") == 512
    monkeypatch.setenv("BILAT_MAX_ZIP_TOTAL_BYTES", "2GiB")
    assert limit("zip_total") == 2 << 30


@pytest.mark.parametrize("junk", ["lots", "-5", "0", "1.5M", "1T"])
def test_a_junk_cap_is_a_clear_error(junk: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BILAT_MAX_FILE_BYTES", junk)
    with pytest.raises(BilatError, match=r"^BILAT_MAX_FILE_BYTES must be a positive whole number"):
        limit("file_bytes")


def test_file_size_cap(store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "BACI_HS17_Y2020_V202401.csv"
    path.write_text(HEADER + _rows(100), encoding="utf-8")
    size = path.stat().st_size
    monkeypatch.setenv("BILAT_MAX_FILE_BYTES", str(size - 1))
    with pytest.raises(LimitError, match=rf"^{path.name}: .* is over the input file limit of .*\(BILAT_MAX_FILE_BYTES\)"):
        store.ingest("baci", path)
    assert store.row_counts()["product_flows"] == 0
    monkeypatch.setenv("BILAT_MAX_FILE_BYTES", str(size))
    assert store.ingest("baci", path).rows == 100


def test_decompressed_size_cap_stops_a_gzip(store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "BACI_HS17_Y2020_V202401.csv.gz"
    path.write_bytes(gzip.compress((HEADER + _rows(60_000)).encode()))
    on_disk = path.stat().st_size
    monkeypatch.setenv("BILAT_MAX_FILE_BYTES", str(on_disk * 2))  # the file passes, its content does not
    with pytest.raises(LimitError, match=r"decompresses to more than the input file limit"):
        store.ingest("baci", path)
    assert store_state(store.home) == {}


def test_line_length_cap_names_the_line(store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BILAT_MAX_LINE_BYTES", "40")
    path = tmp_path / "wide.csv"
    long_row = "2020,710,392,710231,0." + "0" * 27 + "1,0.1\n"  # 30 characters of a small value (under the ceiling)
    path.write_text(HEADER + _rows(5) + long_row + _rows(3, first=5), encoding="utf-8")
    with pytest.raises(LimitError) as info:
        store.ingest("baci", path)
    assert str(info.value) == "wide.csv, line 7: a line longer than the limit of 40 bytes (BILAT_MAX_LINE_BYTES): not a CSV of records"
    monkeypatch.setenv("BILAT_MAX_LINE_BYTES", str(len(long_row) - 1))  # the line's bytes, newline excluded
    assert store.ingest("baci", path).rows == 9


def test_line_length_cap_spans_read_blocks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A long line split across two 8 MiB reads is still measured whole, and located."""
    from bilat.sources import csvstream

    monkeypatch.setattr(csvstream, "BLOCK_SIZE", 1 << 16)
    monkeypatch.setenv("BILAT_MAX_LINE_BYTES", "100000")
    body = HEADER + _rows(2000) + "2020,710,392,710231," + "9" * 120_000 + ",1\n" + _rows(10, first=2000)
    path = tmp_path / "split.csv"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(LimitError, match=r"^split.csv, line 2002: a line longer than the limit of 97.7 KiB"):
        Store(tmp_path / "s").ingest("baci", path)


def _zip(path: Path, members: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name, text in members.items():
            zf.writestr(name, text)
    return path


def test_zip_ratio_cap(store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = HEADER + _rows(60_000)  # about 1.6 MB that deflates some 10-20 times
    archive = _zip(tmp_path / "BACI_HS17_V202401.zip", {"BACI_HS17_Y2020_V202401.csv": text})
    info = zipfile.ZipFile(archive).infolist()[0]
    ratio = info.file_size / info.compress_size
    assert info.file_size > limits.RATIO_EXEMPT_BYTES and 2 < ratio < 200
    monkeypatch.setenv("BILAT_MAX_ZIP_RATIO", str(int(ratio) - 1))
    with pytest.raises(LimitError, match=r"expands \d+x, over the limit of \d+ times \(BILAT_MAX_ZIP_RATIO\): refusing a possible zip bomb"):
        store.ingest("baci", archive)
    monkeypatch.delenv("BILAT_MAX_ZIP_RATIO")
    assert store.ingest("baci", archive).rows == 60_000


def test_small_members_are_exempt_from_the_ratio(tmp_path: Path) -> None:
    archive = _zip(tmp_path / "z.zip", {"Readme.txt": " " * 500_000})
    assert 500_000 / zipfile.ZipFile(archive).infolist()[0].compress_size > 200
    assert [i.filename for i in check_zip(archive)] == ["Readme.txt"]


def test_zip_total_cap(store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    archive = _zip(
        tmp_path / "BACI_HS17_V202401.zip",
        {"BACI_HS17_Y2019_V202401.csv": HEADER + _rows(50, 2019), "BACI_HS17_Y2020_V202401.csv": HEADER + _rows(50)},
    )
    total = sum(i.file_size for i in zipfile.ZipFile(archive).infolist())
    monkeypatch.setenv("BILAT_MAX_ZIP_TOTAL_BYTES", str(total - 1))
    with pytest.raises(LimitError, match=r"the zip expands to .* over the limit of .*\(BILAT_MAX_ZIP_TOTAL_BYTES\)"):
        store.ingest("baci", archive)
    monkeypatch.setenv("BILAT_MAX_ZIP_TOTAL_BYTES", str(total))
    assert store.ingest("baci", archive).rows == 100


def test_zip_member_count_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    archive = _zip(tmp_path / "many.zip", {f"part{n}.txt": "x" for n in range(5)})
    monkeypatch.setenv("BILAT_MAX_ZIP_MEMBERS", "4")
    with pytest.raises(LimitError, match=r"^many.zip: the zip has 5 members, over the limit of 4 members"):
        check_zip(archive)


@pytest.mark.parametrize(
    "member", ["../../etc/cron.d/x.csv", "/etc/passwd", "a/../../b.csv", "..\\..\\win.csv", "C:/Windows/x.csv"]
)
def test_zip_traversal_names_are_refused(member: str, tmp_path: Path) -> None:
    archive = _zip(tmp_path / "evil.zip", {member: "t\n"})
    with pytest.raises(LimitError, match=r"path traversal"):
        check_zip(archive)


def test_gzip_expansion_cap(store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "BACI_HS17_Y2020_V202401.csv.gz"
    path.write_bytes(gzip.compress((HEADER + _rows(80_000)).encode(), compresslevel=9))
    monkeypatch.setenv("BILAT_MAX_ZIP_RATIO", "3")
    with pytest.raises(LimitError, match=r"expands more than 3 times \(BILAT_MAX_ZIP_RATIO\) when decompressed"):
        store.ingest("baci", path)
    monkeypatch.delenv("BILAT_MAX_ZIP_RATIO")
    assert store.ingest("baci", path).rows == 80_000


def test_xlsx_is_held_to_the_zip_caps(store: Store, tmp_path: Path) -> None:
    """An xlsx is a zip: a worksheet padded to inflate 1000x is refused before openpyxl parses it."""
    import openpyxl

    plain = tmp_path / "plain.xlsx"
    book = openpyxl.Workbook()
    book.active["B2"] = "Exports, FOB to Partner Countries"
    book.save(plain)
    bomb = tmp_path / "DOTS_bomb.xlsx"
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.endswith("sheet1.xml"):
                data = data.replace(b"<sheetData>", b"<sheetData>" + b" " * (8 * MIB))
            dst.writestr(info.filename, data)
    with pytest.raises(LimitError, match=r"^DOTS_bomb.xlsx: member 'xl/worksheets/sheet1.xml' expands"):
        store.ingest("imf_dots", bomb)


@pytest.mark.parametrize("lane", ["fast", "general"])
def test_ingest_memory_cap_reaches_duckdb(store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lane: str) -> None:
    """The connection that reads the file runs under the cap (DuckDB then spills instead of growing)."""
    import duckdb

    seen: list[str] = []
    real_connect = duckdb.connect

    class Watched:
        """A connection that notes its memory limit when it reads the file (fast lane) or writes the staged Parquet file."""

        def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
            self._con = con

        def __getattr__(self, name: str):  # noqa: ANN204
            return getattr(self._con, name)

        def _note(self) -> None:
            seen.append(self._con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0])

        def execute(self, sql: str, *rest):  # noqa: ANN002, ANN202
            result = self._con.execute(sql, *rest)
            if sql.startswith("COPY") and "staging" in sql:
                self._note()
            return result

        def sql(self, query: str, *rest):  # noqa: ANN002, ANN202
            if "read_csv" in query:
                self._note()
            return self._con.sql(query, *rest)

    def spy(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        return Watched(real_connect(*args, **kwargs))

    monkeypatch.setattr(duckdb, "connect", spy)
    monkeypatch.setenv("BILAT_MAX_INGEST_MEMORY", "96M")
    monkeypatch.setenv("BILAT_FAST_INGEST", "1" if lane == "fast" else "0")
    path = tmp_path / "BACI_HS17_Y2020_V202401.csv"
    path.write_text(HEADER + _rows(2000), encoding="utf-8")
    result = store.ingest("baci", path)
    assert (result.rows, result.lane) == (2000, lane)
    # every work query saw the cap (the general path also writes the file's pair totals)
    assert seen and set(seen) == {"96.0 MiB"}


def test_article_size_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bilat.news.ingest import article_from_bytes, load_article

    path = tmp_path / "note.txt"
    path.write_text("Exports of machinery rose by a tenth this year, the ministry said.\n" * 40, encoding="utf-8")
    size = path.stat().st_size
    monkeypatch.setenv("BILAT_MAX_ARTICLE_BYTES", str(size - 1))
    with pytest.raises(BilatError, match=r"note.txt: .* is too large for an article \(limit .*BILAT_MAX_ARTICLE_BYTES\)"):
        load_article(path)
    with pytest.raises(BilatError, match=r"too large for an article"):
        article_from_bytes(path.read_bytes(), name="note.txt")
    monkeypatch.setenv("BILAT_MAX_ARTICLE_BYTES", str(size))
    assert load_article(path).text.startswith("Exports of machinery")


def test_request_size_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from fastapi.testclient import TestClient

    from bilat.web import create_app

    monkeypatch.setenv("BILAT_MAX_REQUEST_BYTES", "200")
    with TestClient(create_app(Store(tmp_path / "store"))) as client:
        assert client.get("/api/countries/Israel").status_code == 200
        long_url = client.get("/api/countries/Israel", params={"pad": "x" * 300})
        assert long_url.status_code == 414
        size = len("/api/countries/Israel") + len("pad=") + 300
        assert long_url.json() == {"detail": f"the request URL is {size} bytes, over the limit of 200 bytes (BILAT_MAX_REQUEST_BYTES)"}
        body = client.request("GET", "/api/health", content=b"x" * 500)
        assert body.status_code == 413
        assert "BILAT_MAX_REQUEST_BYTES" in body.json()["detail"]


def test_docs_limits_lists_every_cap_with_its_default() -> None:
    text = (REPO / "docs" / "limits.md").read_text(encoding="utf-8")
    for spec in LIMITS.values():
        row = next((line for line in text.splitlines() if f"`{spec.env}`" in line), None)
        assert row is not None, f"{spec.env} is not in docs/limits.md"
        shown = limits.human_bytes(spec.default) if spec.unit == "bytes" else f"{spec.default:,}"
        assert shown in row, f"docs/limits.md row for {spec.env} does not give the default {shown}: {row}"


def test_limit_errors_are_validation_errors_with_exit_code_2(tmp_path: Path) -> None:
    archive = _zip(tmp_path / "empty.zip", {})
    with pytest.raises(ValidationError) as info:
        check_zip(archive)
    assert info.value.exit_code == 2
    assert re.fullmatch(r"empty.zip: the zip is empty", str(info.value))


@settings(max_examples=200, deadline=None)
@given(
    lines=st.lists(st.integers(min_value=0, max_value=60), min_size=1, max_size=40),
    cap=st.integers(min_value=1, max_value=50),
    cuts=st.lists(st.integers(min_value=1, max_value=97), max_size=8),
)
def test_line_check_matches_a_naive_count_whatever_the_read_sizes(lines: list[int], cap: int, cuts: list[int]) -> None:
    """The streaming check finds the same first over-long line as splitting the whole text would."""
    import io

    from bilat.sources.csvstream import _CountingReader

    data = b"".join(b"x" * n + b"\n" for n in lines)
    expected = next((number for number, n in enumerate(lines, start=1) if n > cap), None)
    sizes = iter(cuts)

    class Chunked(io.RawIOBase):
        def __init__(self) -> None:
            self.pos = 0

        def read(self, n: int = -1) -> bytes:
            step = min(n, next(sizes, n))
            out = data[self.pos : self.pos + step]
            self.pos += len(out)
            return out

    os.environ["BILAT_MAX_LINE_BYTES"] = str(cap)
    try:
        reader = _CountingReader(Chunked(), "f.csv", None, None)
    finally:
        del os.environ["BILAT_MAX_LINE_BYTES"]
    found = None
    buffer = bytearray(37)
    try:
        while reader.readinto(buffer):
            pass
    except LimitError as exc:
        found = exc.problems[0].line
    assert found == expected
