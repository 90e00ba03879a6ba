"""Every loader, not only BACI, refuses hostile or broken files with a one-line error naming them.

The loaders share the streaming CSV reader and the zip checks, so these cases are the same for
all of them; a loader that reads a format its own way (JSON, xlsx) must still end in a
:class:`BilatError`, never another exception, and never change the store.
"""

from __future__ import annotations

import gzip
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bilat.errors import BilatError
from bilat.sources import BUILTIN_SOURCES
from bilat.store import Store
from trust_corpus import MIB, store_state

LOADERS = sorted(BUILTIN_SOURCES)


def _utf16(path: Path) -> None:
    path.write_bytes("reporter,partner,year,value\nISR,JPN,2016,1\n".encode("utf-16"))


def _nul(path: Path) -> None:
    path.write_bytes(b"a,b,c\n1,\x00,3\n")


def _binary(path: Path) -> None:
    path.write_bytes(bytes(range(256)) * 64)


def _long_line(path: Path) -> None:
    path.write_bytes(b"x" * (3 * MIB) + b"\n")


def _latin1(path: Path) -> None:
    path.write_bytes("nom,pays,ann\xe9e\nIsra\xebl,Japon,2016\n".encode("latin-1"))


def _cut_gzip(path: Path) -> None:
    data = gzip.compress(("a,b,c\n" + "1,2,3\n" * 50_000).encode())
    path.write_bytes(data[: len(data) // 2])


def _cut_gzip_header(path: Path) -> None:
    # Found by the fuzz test below: a gzip magic number and nothing after it. Loaders that peek at
    # a file's head to detect its layout met the damage before any streaming reader did.
    path.write_bytes(b"\x1f\x8b\x08")


def _traversal_zip(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("../../../tmp/owned.csv", "a,b\n1,2\n")


def _empty(path: Path) -> None:
    path.write_bytes(b"")


HOSTILE: dict[str, tuple[str, Callable[[Path], None]]] = {
    "utf16": ("utf16.csv", _utf16),
    "nul_bytes": ("nul.csv", _nul),
    "binary": ("binary.csv", _binary),
    "long_line": ("long.csv", _long_line),
    "latin1": ("latin1.csv", _latin1),
    "cut_gzip": ("cut.csv.gz", _cut_gzip),
    "cut_gzip_header": ("head.csv.gz", _cut_gzip_header),
    "traversal_zip": ("evil.zip", _traversal_zip),
    "empty": ("empty.csv", _empty),
}


@pytest.mark.parametrize("loader", LOADERS)
@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_every_loader_refuses_hostile_file_with_one_line_naming_it(loader: str, kind: str, tmp_path: Path) -> None:
    name, build = HOSTILE[kind]
    path = tmp_path / name
    build(path)
    store = Store(tmp_path / "store")
    before = store_state(store.home)
    with pytest.raises(BilatError) as info:
        store.ingest(loader, path)
    first = str(info.value).splitlines()[0]
    assert first.startswith(name), f"{loader}/{kind}: {first!r}"
    assert store_state(store.home) == before


@pytest.mark.parametrize("loader", LOADERS)
def test_every_loader_refuses_a_line_over_the_lowered_cap(loader: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BILAT_MAX_LINE_BYTES", "64")
    path = tmp_path / "wide.csv"
    # COW's header (COW checks its header before streaming); the other loaders hit the cap first.
    header = "country_code,country,source1,source2,year,exports\n"
    path.write_text(header + "2,USA,a,b,2000,1\n" * 10 + "2,USA,a,b,2000," + "9" * 100 + "\n", encoding="utf-8")
    with pytest.raises(BilatError, match=r"wide.csv, line 12: a line longer than the limit of 64 bytes"):
        Store(tmp_path / "store").ingest(loader, path)


@pytest.mark.parametrize("loader", LOADERS)
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=600), st.text(max_size=400).map(lambda t: t.encode("utf-8"))))
def test_arbitrary_bytes_end_in_a_bilat_error_or_a_clean_load(loader: str, data: bytes, tmp_path: Path) -> None:
    path = tmp_path / "fuzz.csv"
    path.write_bytes(data)
    store = Store(tmp_path / "fuzz_store")
    try:
        store.ingest(loader, path)
    except BilatError as exc:
        assert str(exc).splitlines()[0].startswith("fuzz.csv"), str(exc)
