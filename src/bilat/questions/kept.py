"""Answers that depend on the data alone, kept on disk between processes, keyed by the data.

Why: some parts of a report do the same work in every process although their inputs rarely
change: economic complexity ranks every country from the embedded year of world exports (an
eigenvector of a 150 × 150 matrix, RCA over a thousand products), whichever pair is asked about.
A command line process cannot keep it in memory, so the first one writes the answer, in plain
JSON, to ``$BILAT_CACHE_DIR/answers`` (beside the country and HS look-up tables), and later ones
read it.

A kept answer is read only when everything it was made from is unchanged: the key holds the
embedded data files' contents (a checksum), the store's list of ingested files (file ids, which
are fixed once written, and the kept totals), the question's arguments, bilat's version and the
source of the modules that compute it (:data:`CODE`). An unwritable cache folder only means
computing every time; an unreadable entry is computed again. ``BILAT_KEEP_ANSWERS=0`` computes
every time (what the benchmarks of the computation set).
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import zlib
from pathlib import Path
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from bilat.questions import kept_codec as codec

if TYPE_CHECKING:
    from bilat.session import Session

#: Entries kept per question name (the most recently written); older ones are removed.
KEEP = 32


def data_key(s: Session) -> str | None:
    """A checksum of what the session's engine reads: embedded files' contents, the store's file list.

    The file list is the one the engine's views were made from (not the catalog's now: a file
    ingested since is not in them). None when the engine is not bilat's DuckDB engine (Spark may
    read other copies of the files) or the catalog changed while its views were made.
    """
    engine = s.engine
    cached = getattr(engine, "_kept_data_key", None)
    if cached is not None:
        return cached or None
    from bilat import __version__
    from bilat.nomenclature._cache import fingerprint
    from bilat.settings import EMBEDDED_DIR
    from bilat.sources.traits import all_traits

    listing = getattr(engine, "data_listing", None)  # what the engine's views were made from
    if s.engine_name != "duckdb" or listing is None or not hasattr(engine, "_include_embedded"):
        _remember(engine, "")
        return None
    embedded = sorted(EMBEDDED_DIR.glob("*.parquet")) if engine._include_embedded else []  # noqa: SLF001
    text = (f"{__version__}|{_versions()}|{s.store.home}|{fingerprint(embedded)}|{listing.files!r}|{listing.totals!r}"
            f"|{sorted(all_traits().items())!r}")
    key = f"{zlib.crc32(text.encode()):08x}{zlib.adler32(text.encode()):08x}"
    _remember(engine, key)
    return key


#: The packages whose versions are part of every key (their arithmetic, order or names reach the
#: answers): distribution name -> module name.
PACKAGES = {"duckdb": "duckdb", "pandas": "pandas", "numpy": "numpy", "pyarrow": "pyarrow",
            "ibis-framework": "ibis", "country_converter": "country_converter"}


def _versions() -> str:
    """The packages' versions: an imported module's ``__version__``, else the installed metadata (a few ms each)."""
    import sys
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for dist, module in PACKAGES.items():
        text = getattr(sys.modules.get(module), "__version__", None)
        if not isinstance(text, str):
            try:
                text = version(dist)
            except PackageNotFoundError:
                text = "-"
        found.append(f"{dist}={text}")
    return ",".join(found)


def _remember(engine: Any, key: str) -> None:
    """Keep the key on the engine: its views, and so its data, do not change while it is open."""
    try:
        engine._kept_data_key = key  # noqa: SLF001
    except AttributeError:  # an engine that takes no new attributes: the key is made again next time
        pass


_CODE_SUMS: dict[tuple[Path, ...], str] = {}


def _path(name: str, parts: tuple[Any, ...], code: list[Path]) -> Path:
    from bilat.nomenclature._cache import cache_dir, fingerprint

    files = tuple(code)
    if files not in _CODE_SUMS:  # the package's files do not change while a process runs
        _CODE_SUMS[files] = fingerprint(files)
    text = repr(parts) + "|" + _CODE_SUMS[files]
    digest = f"{zlib.crc32(text.encode()):08x}{zlib.adler32(text.encode()):08x}"
    return cache_dir() / "answers" / f"{name}-{digest}.json"


def load(name: str, parts: tuple[Any, ...], code: list[Path]) -> Any | None:
    """The value kept for ``parts`` (with :func:`data_key` among them), or None."""
    try:
        return json.loads(_path(name, parts, code).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def save(name: str, parts: tuple[Any, ...], code: list[Path], value: Any) -> None:
    """Keep ``value`` (JSON-able) for ``parts``: written whole or not at all; failures are ignored."""
    path = _path(name, parts, code)
    try:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError):
        return
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
        tmp = None
        older = sorted(path.parent.glob(f"{name}-*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in older[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass
    finally:
        if tmp is not None:  # a write that failed half-way (a full disk) leaves nothing behind
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def answer(s: Session, name: str, parts: tuple[Any, ...], code: list[Path], compute: Callable[[], Any]) -> Any:
    """``compute()``'s value, read from disk when kept for these data and ``parts``, else computed and kept.

    A value is kept only when its JSON copy decodes to an equal value (:func:`kept_codec.same`).
    """
    key = data_key(s) if os.environ.get("BILAT_KEEP_ANSWERS", "1") != "0" else None
    if key is None:  # not bilat's DuckDB engine, or BILAT_KEEP_ANSWERS=0 (benchmarks of the work itself)
        return compute()
    parts = (key, *parts)
    found = load(name, parts, code)
    if found is not None:
        try:
            return codec.decode(found)
        except (codec.Unkeepable, KeyError, TypeError, ValueError, AttributeError, ImportError):
            pass
    value = compute()
    if data_key(s) != key:  # the engine saw newer files while computing (see DuckDBEngine.world_totals)
        return value
    try:
        data = json.loads(json.dumps(codec.encode(value)))
        if codec.same(codec.decode(data), value):
            save(name, parts, code, data)
    except (codec.Unkeepable, TypeError, ValueError):
        pass
    return value


def code_files(*names: str) -> list[Path]:
    """The files under these parts of the bilat package (``"questions"``, ``"data/nomenclature"``...).

    What a kept answer's key holds of the code and package data that compute it: a change to one
    of them is a new key.
    """
    root = Path(__file__).resolve().parents[1]
    found: list[Path] = []
    for name in names:
        path = root / name
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        else:
            found.append(path)
    return found


#: The code and data every pair answer is computed with (questions, analytics, engine, nomenclature).
ANSWER_CODE = ("questions", "analytics", "nomenclature", "engines", "catalog", "session.py", "schema.py", "sql.py",
               "sources", "data/nomenclature", "data/lenses.csv")
