"""The caps bilat puts on what it reads, in one place, each overridable by an environment variable.

Why caps at all: analysts point bilat at files and articles they did not make. A file that is
far larger than any real release, a "line" of several megabytes, a zip that inflates a thousand
times or an article the size of a book is either damaged or hostile, and reading it would fill
the disk or the memory before any check could say what is wrong. Each cap turns that into a
one-line :class:`LimitError` naming the file, the cap and the variable that raises it.

The defaults sit well above real inputs (a BACI release zip is about 2.5 GB and 8 GB unpacked; its
longest line is under 100 bytes; a news article is a few tens of kB). Values are read from the
environment at each call, so a test or a user can lower or raise a cap without restarting
anything. They accept a whole number of bytes or a number with a K, M or G suffix (powers of 1024):
``BILAT_MAX_LINE_BYTES=4M``. See docs/limits.md.
"""

from __future__ import annotations

import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from bilat.errors import BilatError, Problem, ValidationError

KIB = 1 << 10
MIB = 1 << 20
GIB = 1 << 30


class LimitError(ValidationError):
    """An input exceeds one of bilat's documented caps. Nothing was stored.

    A :class:`ValidationError` (exit code 2, HTTP 422) whose one problem names the file.
    """

    def __init__(self, file: str, message: str, line: int | None = None) -> None:
        super().__init__([Problem(file, line, None, message)])


@dataclass(frozen=True)
class Limit:
    """One cap: its environment variable, default and what it bounds (for docs and messages)."""

    env: str
    default: int
    unit: str
    what: str


#: Every cap, by name. docs/limits.md lists the same table (tests/trust/test_limits.py checks it).
LIMITS: dict[str, Limit] = {
    "file_bytes": Limit(
        "BILAT_MAX_FILE_BYTES", 16 * GIB, "bytes",
        "size of one input file on disk, and of its content once decompressed (gzip)",
    ),
    "line_bytes": Limit("BILAT_MAX_LINE_BYTES", 1 * MIB, "bytes", "length of one line of a CSV file"),
    "zip_ratio": Limit(
        "BILAT_MAX_ZIP_RATIO", 200, "times",
        "how many times a zip member (over 1 MiB) or a gzip stream may expand its compressed size",
    ),
    "zip_total": Limit("BILAT_MAX_ZIP_TOTAL_BYTES", 64 * GIB, "bytes", "uncompressed size of all members of one zip"),
    "zip_members": Limit("BILAT_MAX_ZIP_MEMBERS", 10_000, "members", "number of members in one zip"),
    "ingest_memory": Limit(
        "BILAT_MAX_INGEST_MEMORY", 1 * GIB, "bytes",
        "memory DuckDB may use while validating one file (beyond it, it spills to the store's staging folder)",
    ),
    "rows": Limit("BILAT_MAX_ROWS", 1_000_000_000, "rows", "rows read from one input file (all members of a zip together)"),
    "bad_rows": Limit(
        "BILAT_MAX_BAD_ROWS", 100_000, "rows",
        "rows with the wrong number of fields collected from one file (beyond it the file is refused, even with --skip-bad-rows)",
    ),
    "read_seconds": Limit("BILAT_MAX_READ_SECONDS", 4 * 3600, "seconds", "wall time reading one input file"),
    "article_bytes": Limit("BILAT_MAX_ARTICLE_BYTES", 2_000_000, "bytes", "size of one news article file"),
    "article_seconds": Limit("BILAT_MAX_ARTICLE_SECONDS", 120, "seconds", "wall time reading and extracting one news article"),
    "request_bytes": Limit(
        "BILAT_MAX_REQUEST_BYTES", 64 * KIB, "bytes", "size of one HTTP request to the web service (body and URL)"
    ),
}

#: Ceilings on one stored figure (not configurable). No real figure comes near them: world goods
#: trade is about 2.5e13 USD a year and its seaborne tonnage about 1.2e10 t; an indicator in local
#: currency (Iran's GDP in rials, about 1e17) stays under 1e20. A value above them is a corrupt or
#: hostile file, and values near 1e308 would overflow sums to infinity.
MAX_VALUE_USD = 1e15
MAX_QUANTITY_T = 1e13
MAX_INDICATOR_VALUE = 1e20

#: Members smaller than this are not held to the expansion ratio (a small text file of zeros is harmless).
RATIO_EXEMPT_BYTES = 1 * MIB

_SIZE = re.compile(r"^\s*(\d+)\s*([KMG]?)i?B?\s*$", re.IGNORECASE)
_SUFFIX = {"": 1, "K": KIB, "M": MIB, "G": GIB}


def limit(name: str) -> int:
    """The current value of cap ``name`` (environment variable, else the default)."""
    spec = LIMITS[name]
    raw = os.environ.get(spec.env)
    if raw is None or not raw.strip():
        return spec.default
    match = _SIZE.match(raw)
    if not match or int(match.group(1)) <= 0:
        raise BilatError(f"{spec.env} must be a positive whole number (optionally with K, M or G), got {raw!r}")
    return int(match.group(1)) * _SUFFIX[match.group(2).upper()]


def describe(name: str, value: int | None = None) -> str:
    """``"1 MiB (BILAT_MAX_LINE_BYTES)"``: a cap as a person reads it, with the variable to change it."""
    spec = LIMITS[name]
    value = limit(name) if value is None else value
    shown = human_bytes(value) if spec.unit == "bytes" else f"{value:,} {spec.unit}"
    return f"{shown} ({spec.env})"


def human_bytes(n: int) -> str:
    """Bytes in the largest binary unit that keeps a whole or one-decimal number."""
    for unit, size in (("GiB", GIB), ("MiB", MIB), ("KiB", KIB)):
        if n >= size:
            value = n / size
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
    return f"{n} bytes"


def check_file_size(path: Path, display_name: str | None = None) -> int:
    """The size of ``path``; :class:`LimitError` when it is over ``BILAT_MAX_FILE_BYTES``."""
    size = path.stat().st_size
    cap = limit("file_bytes")
    if size > cap:
        raise LimitError(
            display_name or path.name, f"{human_bytes(size)} is over the input file limit of {describe('file_bytes', cap)}"
        )
    return size


def check_zip(path: Path, display_name: str | None = None) -> list[zipfile.ZipInfo]:
    """The members of zip ``path`` after the checks every zip gets, before any member is read.

    Refused: no members, too many members, a member name that is absolute or climbs out with
    ``..`` (path traversal), two members of one name, a member over 1 MiB that expands more than ``BILAT_MAX_ZIP_RATIO``
    times (or the whole zip, once over 1 MiB), and a total uncompressed size over ``BILAT_MAX_ZIP_TOTAL_BYTES``. The sizes come from
    the zip's directory; Python's zipfile never returns more bytes than a member declares (and
    checks the CRC at its end), so a lying header cannot inflate past these checks.
    """
    name = display_name or path.name
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise LimitError(name, f"cannot be read as a zip ({exc})") from None
    if not infos:
        raise LimitError(name, "the zip is empty")
    max_members = limit("zip_members")
    if len(infos) > max_members:
        raise LimitError(name, f"the zip has {len(infos):,} members, over the limit of {describe('zip_members', max_members)}")
    ratio = limit("zip_ratio")
    total = 0
    seen: set[str] = set()
    for info in infos:
        member = info.filename
        if member in seen:  # its rows would meet themselves as "duplicates of line 2 ... as line 2"
            raise LimitError(name, f"the zip holds two members named {member!r}: damaged or concatenated by hand")
        seen.add(member)
        parts = Path(member.replace("\\", "/")).parts
        if member.startswith(("/", "\\")) or ".." in parts or re.match(r"^[A-Za-z]:", member):
            raise LimitError(name, f"unsafe member name {member!r} in zip (path traversal)")
        total += info.file_size
        expands = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_EXEMPT_BYTES and expands > ratio:
            raise LimitError(
                name,
                f"member {member!r} expands {expands:,.0f}x, over the limit of {describe('zip_ratio', ratio)}:"
                " refusing a possible zip bomb"
            )
    compressed = sum(info.compress_size for info in infos)
    if total > RATIO_EXEMPT_BYTES and total / max(compressed, 1) > ratio:
        # Many members each under the exemption (2,000 members of 1 MiB) are held to it together.
        raise LimitError(
            name,
            f"the zip expands {total / max(compressed, 1):,.0f}x in all, over the limit of {describe('zip_ratio', ratio)}:"
            " refusing a possible zip bomb",
        )
    cap = limit("zip_total")
    if total > cap:
        raise LimitError(name, f"the zip expands to {human_bytes(total)}, over the limit of {describe('zip_total', cap)}")
    return infos


class Budget:
    """What reading one input may spend, checked as the stream is read: one per file or article.

    Every loader reads through it (the streaming CSV reader, the JSON reader, the xlsx reader,
    all members of a zip sharing one budget) and so does the news reader: decompressed bytes
    (``BILAT_MAX_FILE_BYTES``), rows (``BILAT_MAX_ROWS``), malformed rows collected
    (``BILAT_MAX_BAD_ROWS``) and wall time (``BILAT_MAX_READ_SECONDS``, or
    ``BILAT_MAX_ARTICLE_SECONDS`` for an article). Each overrun is one :class:`LimitError`.
    """

    def __init__(self, display_name: str, seconds_cap: str = "read_seconds") -> None:
        import time

        self.display_name = display_name
        self._clock = time.monotonic
        self._started = self._clock()
        self._seconds_cap = seconds_cap
        self._caps = {name: limit(name) for name in ("file_bytes", "rows", "bad_rows", seconds_cap)}
        self.bytes = 0
        self.rows = 0
        self.bad_rows = 0

    def add_bytes(self, n: int) -> None:
        self.bytes += n
        if self.bytes > self._caps["file_bytes"]:
            raise LimitError(
                self.display_name,
                f"decompresses to more than the input file limit of {describe('file_bytes', self._caps['file_bytes'])}",
            )
        self.check_time()

    def add_rows(self, n: int) -> None:
        self.rows += n
        if self.rows > self._caps["rows"]:
            raise LimitError(self.display_name, f"more rows than the limit of {describe('rows', self._caps['rows'])}")
        self.check_time()

    def room_for_bad_row(self) -> bool:
        """Count one malformed row; False once the cap is passed (the caller stops collecting)."""
        self.bad_rows += 1
        return self.bad_rows <= self._caps["bad_rows"]

    def check_bad_rows(self) -> None:
        cap = self._caps["bad_rows"]
        if self.bad_rows > cap:
            raise LimitError(
                self.display_name,
                f"more than {cap:,} rows with the wrong number of fields (limit {describe('bad_rows', cap)}):"
                " not a file of this layout",
            )

    def check_time(self) -> None:
        cap = self._caps[self._seconds_cap]
        spent = self._clock() - self._started
        if spent > cap:
            raise LimitError(self.display_name, f"reading took more than {describe(self._seconds_cap, cap)}")


class RequestSizeLimit:
    """ASGI middleware: refuse an HTTP request over ``BILAT_MAX_REQUEST_BYTES`` before any route runs.

    The web service is read-only and its routes take short parameters, so a long URL (414) or a
    request body (413, by its Content-Length) beyond the cap is junk or an attack; it is answered
    with one JSON line and never reaches a route, the cache or the store. (The routes are all GET
    and never read a body.) Plain ASGI, so it needs no web framework.
    """

    def __init__(self, app) -> None:  # noqa: ANN001 - any ASGI app
        self.app = app

    async def __call__(self, scope, receive, send) -> None:  # noqa: ANN001
        if scope.get("type") != "http":
            await self.app(scope, receive, send)
            return
        cap = limit("request_bytes")
        target = len(scope.get("raw_path") or scope.get("path", "").encode()) + len(scope.get("query_string") or b"")
        if target > cap:
            await _refuse(send, 414, f"the request URL is {human_bytes(target)}, over the limit of {describe('request_bytes', cap)}")
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > cap):
            await _refuse(send, 413, f"the request body is over the limit of {describe('request_bytes', cap)}")
            return
        await self.app(scope, receive, send)


async def _refuse(send, status: int, detail: str) -> None:  # noqa: ANN001
    import json

    body = json.dumps({"detail": detail}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


__all__ = [
    "LIMITS",
    "Budget",
    "Limit",
    "LimitError",
    "RequestSizeLimit",
    "check_file_size",
    "check_zip",
    "describe",
    "human_bytes",
    "limit",
]
