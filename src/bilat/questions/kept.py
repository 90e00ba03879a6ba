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
computing every time; an unreadable entry is computed again.
"""

from __future__ import annotations

import json
import os
import tempfile
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from bilat.session import Session

#: Entries kept per question name (the most recently written); older ones are removed.
KEEP = 32


def data_key(s: Session) -> str:
    """A checksum of what the session's engine reads: embedded files' contents, the store's file list."""
    cached = getattr(s, "_kept_data_key", None)
    if cached is not None:
        return cached
    from bilat import __version__
    from bilat.nomenclature._cache import fingerprint
    from bilat.settings import EMBEDDED_DIR

    embedded = sorted(EMBEDDED_DIR.glob("*.parquet")) if s.include_embedded else []
    listing = s.store.listing()
    text = f"{__version__}|{s.engine_name}|{s.store.home}|{fingerprint(embedded)}|{listing.files!r}|{listing.totals!r}"
    key = f"{zlib.crc32(text.encode()):08x}{zlib.adler32(text.encode()):08x}"
    s._kept_data_key = key  # type: ignore[attr-defined]  # the session's data do not change while it is open
    return key


def _path(name: str, parts: tuple[Any, ...], code: list[Path]) -> Path:
    from bilat.nomenclature._cache import cache_dir, fingerprint

    text = repr(parts) + "|" + fingerprint(code)
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
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(value, handle, ensure_ascii=False, separators=(",", ":"))
        os.replace(tmp, path)
        older = sorted(path.parent.glob(f"{name}-*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in older[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass


def frame_to_json(frame: pd.DataFrame) -> dict[str, Any]:
    """A DataFrame as plain JSON: columns, their dtypes and values (floats round-trip exactly)."""
    return {"columns": [str(c) for c in frame.columns], "dtypes": [str(t) for t in frame.dtypes],
            "values": [frame[c].tolist() for c in frame.columns], "rows": len(frame)}


def frame_from_json(data: dict[str, Any]) -> pd.DataFrame:
    """The DataFrame :func:`frame_to_json` wrote, with the same columns, dtypes and values."""
    import pandas as pd

    columns = {c: pd.Series(v, dtype=t) for c, t, v in zip(data["columns"], data["dtypes"], data["values"], strict=True)}
    return pd.DataFrame(columns, index=pd.RangeIndex(data["rows"]), columns=data["columns"])
