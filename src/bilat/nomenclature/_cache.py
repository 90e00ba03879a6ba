"""Lookup tables built once per machine and kept as small JSON files, so a process reads them without pandas.

Why: the country table comes from country_converter, whose import pulls in pandas (about half
a second, every process), and the HS table is a Parquet file (pyarrow). Both change only when
bilat, country_converter or a data file changes. So the first process builds them the slow way
and writes the result, in plain Python types, to ``$BILAT_CACHE_DIR`` (default: the user's
cache folder); later processes read that JSON (a few milliseconds).

The file name carries a hash of every input: the data files, the module that builds the table
(a change to the code that shapes it is a new table) and country_converter's own data file. A
stale cache is therefore never read; an unwritable cache folder only means building every time.
"""

from __future__ import annotations

import json
import os
import tempfile
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

#: Bumped when the JSON layout itself changes.
FORMAT = "1"


def cache_dir() -> Path:
    """``$BILAT_CACHE_DIR`` if set, else the user's cache folder for bilat."""
    env = os.environ.get("BILAT_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("bilat", appauthor=False))


def fingerprint(paths: Iterable[Path]) -> str:
    """A 64-bit checksum of the files' names, sizes and contents (CRC-32 and Adler-32 chained).

    Why not SHA-256: importing hashlib (OpenSSL) costs more than reading the cache it keys, and
    this guards against change, not against an adversary (a changed file and the same two sums
    is a one-in-2**64 accident).
    """
    crc, adler = zlib.crc32(FORMAT.encode()), zlib.adler32(FORMAT.encode())
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError:
            data = b"<missing>"
        head = f"{path.name}\0{len(data)}\0".encode()
        crc, adler = zlib.crc32(data, zlib.crc32(head, crc)), zlib.adler32(data, zlib.adler32(head, adler))
    return f"{crc:08x}{adler:08x}"


def load_or_build(name: str, sources: Iterable[Path], build: Callable[[], Any]) -> Any:
    """The JSON-able value ``build()`` returns, read from the cache when its sources are unchanged."""
    path = cache_dir() / f"{name}-{fingerprint(sources)}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    value = build()
    _write(path, value)
    return value


def _write(path: Path, value: Any) -> None:
    """Write atomically (a concurrent reader sees the old file or the whole new one); ignore failures."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(value, handle, ensure_ascii=False, separators=(",", ":"))
        os.replace(tmp, path)
        for old in path.parent.glob(f"{path.name.rsplit('-', 1)[0]}-*.json"):
            if old != path:  # an earlier version's table: never read again
                old.unlink(missing_ok=True)
    except OSError:
        try:
            os.unlink(tmp)  # type: ignore[possibly-undefined]
        except (OSError, NameError):
            pass
