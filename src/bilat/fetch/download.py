"""Download one large file over HTTP: resumable, size-checked, and never half-visible.

Why a module of its own: a BACI release is a 2-3 GB zip served by CEPII over a link that may drop.
Starting again from zero after an hour is not acceptable, and a truncated zip that looks like a
finished download is worse. So:

* bytes go to ``<dest>.part``; only a complete, verified file is renamed to ``dest`` (atomic), so a
  file at ``dest`` is always whole;
* an existing ``.part`` is resumed with an HTTP ``Range`` request. A server that ignores ``Range``
  (answers 200 with the whole file) is handled by starting the file again; one that answers 416
  (range past the end) means the ``.part`` is already complete or wrong, which the size tells;
* the expected size comes from ``Content-Length`` (or the total in ``Content-Range``); a body that
  ends early, or a dropped connection, is retried from where it stopped, with exponential backoff;
* an optional SHA-256 and an optional ``verify`` callable (e.g. a zip check) run before the rename;
  a file that fails them is deleted, since resuming a wrong file cannot fix it.

``Accept-Encoding: identity`` is sent and the raw body written, so the bytes counted are the bytes
of the file (not of a transfer encoding).
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx

from bilat.errors import BilatError

ProgressCallback = Callable[[int, int | None], None]
"""Called as ``progress(bytes_done, bytes_total_or_None)``."""

DEFAULT_TIMEOUT = httpx.Timeout(30.0, read=120.0)
_CONTENT_RANGE = re.compile(r"bytes\s+(?:(\d+)-(\d+)|\*)/(\d+|\*)", re.IGNORECASE)


class DownloadError(BilatError):
    """A download failed or gave a file that does not check out; the message says what to do."""


@dataclass
class DownloadResult:
    """What :func:`download` did."""

    path: Path
    bytes: int
    resumed_from: int = 0  #: bytes already in ``.part`` when the download started
    attempts: int = 1  #: HTTP requests that sent body bytes or failed (1 = no retry)
    restarted: bool = False  #: the server ignored ``Range`` and the file was fetched again from zero
    already_present: bool = False  #: ``dest`` existed; nothing was downloaded
    sha256: str | None = None


class _Incomplete(Exception):
    """The body ended before the announced size (retried like a dropped connection)."""


def part_path(dest: Path) -> Path:
    """Where the bytes of an unfinished download of ``dest`` are kept."""
    return dest.with_name(dest.name + ".part")


def parse_content_range(value: str | None) -> tuple[int | None, int | None]:
    """``"bytes 100-199/1000"`` -> (100, 1000); ``"bytes */1000"`` -> (None, 1000); unknown -> (None, None)."""
    match = _CONTENT_RANGE.match((value or "").strip())
    if not match:
        return None, None
    start = int(match.group(1)) if match.group(1) is not None else None
    total = int(match.group(3)) if match.group(3) != "*" else None
    return start, total


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(8 << 20):
            digest.update(block)
    return digest.hexdigest()


def download(
    url: str,
    dest: Path | str,
    *,
    sha256: str | None = None,
    verify: Callable[[Path], None] | None = None,
    progress: ProgressCallback | None = None,
    client: httpx.Client | None = None,
    retries: int = 5,
    backoff: float = 2.0,
    sleep: Callable[[float], None] = time.sleep,
    force: bool = False,
) -> DownloadResult:
    """Fetch ``url`` into ``dest``, resuming ``dest.part`` if present; return what was done.

    ``dest`` already there (and ``force`` not set) is kept as is: it can only be there complete.
    ``verify(part)`` is called on the finished bytes before the rename and should raise
    :class:`DownloadError` if they are not what was expected. Transport errors and short bodies are
    retried ``retries`` times (waits ``backoff``, 2×, 4×... seconds); after that the ``.part`` stays
    for the next run to resume.
    """
    dest = Path(dest)
    expected_sha = sha256.lower().strip() if sha256 else None
    if expected_sha is not None and not re.fullmatch(r"[0-9a-f]{64}", expected_sha):
        raise DownloadError(f"--sha256 must be 64 hexadecimal digits (got {sha256!r})")
    if dest.exists() and not force:
        if expected_sha is not None and sha256_file(dest) != expected_sha:
            raise DownloadError(f"{dest} exists but its SHA-256 is not {expected_sha}; delete it or use --force")
        return DownloadResult(dest, dest.stat().st_size, already_present=True)
    dest.parent.mkdir(parents=True, exist_ok=True)
    part = part_path(dest)
    if force:
        part.unlink(missing_ok=True)
    owned = client is None
    client = client or httpx.Client(follow_redirects=True, timeout=DEFAULT_TIMEOUT)
    result = DownloadResult(dest, 0, resumed_from=part.stat().st_size if part.exists() else 0, attempts=0)
    try:
        failures = 0
        while True:
            result.attempts += 1
            try:
                complete = _one_request(client, url, part, result, progress)
            except (httpx.TransportError, _Incomplete) as exc:
                failures += 1
                if failures > retries:
                    have = part.stat().st_size if part.exists() else 0
                    raise DownloadError(
                        f"download of {url} interrupted after {have:,} bytes ({_reason(exc)}); "
                        f"run the same command again to resume from {part.name}"
                    ) from None
                sleep(backoff * 2 ** (failures - 1))
                continue
            if complete:
                break
    finally:
        if owned:
            client.close()
    result.bytes = part.stat().st_size
    _check(part, expected_sha, verify, result)
    os.replace(part, dest)
    return result


def _one_request(
    client: httpx.Client, url: str, part: Path, result: DownloadResult, progress: ProgressCallback | None
) -> bool:
    """One GET; True when ``part`` now holds the whole file, False to ask again (fresh start)."""
    have = part.stat().st_size if part.exists() else 0
    headers = {"Accept-Encoding": "identity"}
    if have:
        headers["Range"] = f"bytes={have}-"
    with client.stream("GET", url, headers=headers) as response:
        status = response.status_code
        if status == 416 and have:
            _, total = parse_content_range(response.headers.get("content-range"))
            if total == have:
                return True  # the .part was already complete
            part.unlink()  # longer than the file, or unknown: start again
            return False
        if status == 206 and have:
            start, total = parse_content_range(response.headers.get("content-range"))
            if start != have:
                part.unlink()  # a range we did not ask for: do not splice it in
                return False
            mode = "ab"
        elif status == 200:
            if have:
                result.restarted = True  # the server ignores Range: the body is the whole file
            have, mode = 0, "wb"
            length = response.headers.get("content-length")
            total = int(length) if length and length.isdigit() else None
        elif status in (429, 500, 502, 503, 504):
            raise httpx.TransportError(f"HTTP {status} {response.reason_phrase}")
        else:
            raise DownloadError(f"{url}: HTTP {status} {response.reason_phrase}" + _hint(status))
        done = have
        if progress is not None:
            progress(done, total)
        with open(part, mode) as handle:
            for chunk in response.iter_raw():  # as received: a chunk size would buffer bytes a dropped link loses
                handle.write(chunk)
                done += len(chunk)
                if progress is not None:
                    progress(done, total)
    if total is not None and done != total:
        if done > total:
            part.unlink()
            raise DownloadError(f"{url}: got {done:,} bytes, more than the announced {total:,}; nothing kept")
        raise _Incomplete(f"the body ended at {done:,} of {total:,} bytes")
    return True


def _check(part: Path, expected_sha: str | None, verify: Callable[[Path], None] | None, result: DownloadResult) -> None:
    """Run the SHA-256 and the caller's check on the finished bytes; delete them if they fail."""
    try:
        if expected_sha is not None:
            actual = sha256_file(part)
            if actual != expected_sha:
                raise DownloadError(f"SHA-256 mismatch: expected {expected_sha}, got {actual}; the download was deleted")
            result.sha256 = actual
        if verify is not None:
            verify(part)
    except BaseException:
        part.unlink(missing_ok=True)
        raise


def _hint(status: int) -> str:
    if status == 404:
        return " (no such file: check the release and HS revision, e.g. V202401 and HS17)"
    if status in (401, 403):
        return " (access refused)"
    return ""


def _reason(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__
