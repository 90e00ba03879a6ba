"""The bad-input corpus (tests/data/bad/manifest.json) and the recipes that build its big files.

Why recipes: a 5 MB line, a zip bomb or a 2.5 MB article would bloat the repository; each is a
few lines of code that writes the file into the test's temporary folder instead.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb

BAD = Path(__file__).resolve().parents[1] / "data" / "bad"
MANIFEST = BAD / "manifest.json"

HEADER = "t,i,j,k,v,q\n"
# Real BACI rows (HS17, 2020: South Africa to Japan and Israel), as in tests/store/test_ingest_baci.py.
ROW = "2020,710,392,710231,10493.455,0.112\n"
MIB = 1 << 20


@dataclass(frozen=True)
class Case:
    """One manifest entry."""

    file: str
    loader: str
    handling: str  # "refused" or "documented"
    exception: str | None
    exit_code: int
    message: str | None = None
    line: int | None = None
    rows: int | None = None
    recipe: str | None = None
    env: dict[str, str] | None = None
    why: str = ""

    @property
    def refused(self) -> bool:
        return self.handling == "refused"


def load_cases() -> list[Case]:
    data = json.loads(MANIFEST.read_text(encoding="utf-8"))
    return [Case(**entry) for entry in data["cases"]]


def _long_line(path: Path) -> None:
    path.write_bytes((HEADER + "2020,710,392," + "7" * (5 * MIB) + ",1.0,1.0\n").encode())


def _zip_bomb(path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("BACI_HS17_Y2020_V202401.csv", HEADER + "0" * (20 * MIB))


def _gzip_bomb(path: Path) -> None:
    with gzip.open(path, "wb", compresslevel=9) as out:
        block = (ROW * (MIB // len(ROW))).encode()
        out.write(HEADER.encode())
        for _ in range(64):
            out.write(block)


def _big_file(path: Path) -> None:
    path.write_text(HEADER + ROW * 40, encoding="utf-8")


def _binary_article(path: Path) -> None:
    path.write_bytes(b"Trade pact signed\x00\x00\x01\x02" * 50)


def _empty_article(path: Path) -> None:
    path.write_text("   \n\n  \n", encoding="utf-8")


def _huge_article(path: Path) -> None:
    paragraph = "Exports of machinery rose again this year, the ministry said in its monthly bulletin.\n"
    path.write_text(paragraph * (2_500_000 // len(paragraph) + 1), encoding="utf-8")


RECIPES: dict[str, Callable[[Path], None]] = {
    "long_line": _long_line,
    "zip_bomb": _zip_bomb,
    "gzip_bomb": _gzip_bomb,
    "big_file": _big_file,
    "binary_article": _binary_article,
    "empty_article": _empty_article,
    "huge_article": _huge_article,
}


def materialise(case: Case, folder: Path) -> Path:
    """The case's file inside ``folder``: copied from the corpus, or built by its recipe."""
    target = folder / case.file
    if case.recipe:
        RECIPES[case.recipe](target)
    else:
        shutil.copyfile(BAD / case.file, target)
    return target


def store_state(home: Path) -> dict[str, object]:
    """What "unchanged" means: every catalog table's rows, and the bytes of every data file."""
    state: dict[str, object] = {}
    catalog = home / "catalog.duckdb"
    if catalog.exists():
        con = duckdb.connect(str(catalog), read_only=True)
        try:
            for (table,) in con.execute("SELECT table_name FROM information_schema.tables ORDER BY 1").fetchall():
                state[f"table:{table}"] = sorted(map(repr, con.execute(f'SELECT * FROM "{table}"').fetchall()))
        finally:
            con.close()
    data = home / "data"
    if data.exists():
        for path in sorted(data.rglob("*.parquet")):
            state[f"file:{path.relative_to(home)}"] = hashlib.sha256(path.read_bytes()).hexdigest()
    return state
