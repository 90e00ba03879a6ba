"""Read articles from .txt, .html or a folder, refusing what is not an article.

Why strict: an article's text is what every record's offsets point into, and its sha256 is
its identity in the store. So the text is decoded once, here, and never changed afterwards.
A binary file, an empty file or a huge one is refused with a one-line :class:`ArticleError`
before anything is stored. Text with mixed encodings (a UTF-8 article with a pasted cp1252
line) is decoded line by line, so one bad line does not garble the rest.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path

from bilat.limits import LIMITS, describe, human_bytes, limit
from bilat.news.errors import ArticleError
from bilat.news.model import Article

#: Default cap; the cap in force is BILAT_MAX_ARTICLE_BYTES (see bilat.limits).
MAX_BYTES = LIMITS["article_bytes"].default
SUFFIXES = {".txt": "text", ".text": "text", ".md": "text", ".html": "html", ".htm": "html"}


def load_articles(
    paths: list[Path] | list[str], published: dt.date | None = None, source: str | None = None
) -> list[Article]:
    """Articles from files and folders (a folder contributes its .txt/.html files, sorted)."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not found:
                raise ArticleError(f"{path}: folder has no .txt or .html articles")
            files += found
        else:
            files.append(path)
    return [load_article(f, published=published, source=source) for f in files]


def load_article(path: Path | str, published: dt.date | None = None, source: str | None = None) -> Article:
    """One article from a .txt or .html file."""
    path = Path(path)
    if not path.exists():
        raise ArticleError(f"{path}: no such file" + (" (a broken link)" if path.is_symlink() else ""))
    if not path.is_file():  # /dev/zero, a pipe, a socket: reading would never end or never start
        raise ArticleError(f"{path}: not a regular file (a device, pipe or folder), not an article")
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise ArticleError(f"{path}: unsupported file type {path.suffix!r} (use .txt or .html)")
    size = path.stat().st_size
    if size > limit("article_bytes"):
        raise ArticleError(f"{path}: {human_bytes(size)} is too large for an article (limit {describe('article_bytes')})")
    with open(path, "rb") as handle:  # never more than the cap, even if the file grows meanwhile
        data = handle.read(limit("article_bytes") + 1)
    return article_from_bytes(data, name=path.name, html=kind == "html", published=published, source=source)


def article_from_bytes(
    data: bytes, name: str, html: bool = False, published: dt.date | None = None, source: str | None = None
) -> Article:
    """Decode, check and (for HTML) extract the main text; the result's text is never changed later."""
    if len(data) > limit("article_bytes"):
        raise ArticleError(f"{name}: {human_bytes(len(data))} is too large for an article (limit {describe('article_bytes')})")
    if _looks_binary(data):
        raise ArticleError(f"{name}: looks like a binary file, not text")
    text = _decode(data)
    if html:
        text = _html_main_text(text, name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ArticleError(f"{name}: the article is empty")
    if max((len(line) for line in text.split("\n")), default=0) > 100_000:
        raise ArticleError(f"{name}: a single line of more than 100,000 characters is not an article")
    return Article(
        text=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        name=name,
        source=source,
        published=published,
        title=_title(text),
    )


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    if not head:
        return False
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return control / len(head) > 0.05


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lines = []
    for line in data.split(b"\n"):
        try:
            lines.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(line.decode("cp1252", errors="replace"))
    return "\n".join(lines)


def _html_main_text(html: str, name: str) -> str:
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    if not text:
        text = trafilatura.extract(html, include_comments=False, include_tables=False)
    if not text:
        raise ArticleError(f"{name}: no article text found in the HTML")
    return text


def _title(text: str) -> str | None:
    """The first line that reads as words: not a ``SOURCE:`` address line, nor an archive's date mark."""
    for line in text.split("\n"):
        line = re.sub(r"^\s*date\s+\d{4}-\d\d-\d\d\s+", "", line).strip()
        if re.match(r"(?i)^source:\s*\S+$", line):
            continue
        if len(line) >= 12 and not re.match(r"^[\W\d]+$", line):
            return line if len(line) <= 80 else line[:77] + "..."
    return None
