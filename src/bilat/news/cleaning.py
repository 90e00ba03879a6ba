"""Remove scraping noise from an article without losing the way back to the original text.

Why an offset map rather than a cleaned copy: every extracted record must point at the exact
characters of the text the user added. So cleaning never rewrites the article; it produces a
*view* (``CleanText.text``) plus, for each character of the view, the offset of the original
character it came from. Extractors work on the view, and :meth:`CleanText.span` maps a match
back (``original[start:end]``).

Noise handled (each rule is one function below, easy to read and to test):

* bylines ("By SHARON UDASIN"), photo captions (lines with ``??`` markers and their repeats),
  site footers ("Newspapers in English", "More In ..."), and an author bio at the end;
* hard-wrapped wire text (single newlines inside a paragraph become spaces, "trad-\\nitional" is
  re-joined);
* merged editing marks left by tracked changes: a stray letter before a word that starts with
  it ("t The", "S since"), a doubled capital ("Aaccording"), and dangling ", t" at line ends.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from dataclasses import dataclass

#: (start, end, replacement, reason) on the original text.
Edit = tuple[int, int, str, str]


@dataclass(frozen=True)
class CleanText:
    """A cleaned view of ``original``; ``index[i]`` is the original offset of ``text[i]``."""

    original: str
    text: str
    index: array
    noise: tuple[tuple[int, int, str], ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` for the view's ``[start:end]`` (end exclusive)."""
        if end <= start:
            pos = self.index[start] if start < len(self.text) else len(self.original)
            return pos, pos
        return self.index[start], self.index[end - 1] + 1


_BYLINE = re.compile(r"(?m)^[ \t\-–—•·*]*By\s+[A-Z][A-Za-z.'\- ]{2,50}[ \t]*$")
_FOOTER = re.compile(
    r"(?mi)^[ \t]*(?:Newspapers in [A-Z][a-z]+|Newspapers from [A-Z][\w ]*|More [Ii]n [^\n]{1,60}|"
    r"Share this article|Advertisement|Subscribe[^\n]{0,80}|Read more[^\n]{0,80}|Related:[^\n]{0,120}|"
    r"Follow us[^\n]{0,80}|All rights reserved[^\n]{0,80}|(?:©|Copyright)[^\n]{0,120}|Sign up[^\n]{0,80}|"
    r"(?:Read\s+also|Also\s+read|See\s+also|You\s+may\s+also\s+like)\b[^\n]{0,160}|"
    r"(?:Trending|Don't\s+miss|Watch|Listen|Recommended|Most\s+(?:read|popular|viewed|shared))\s*:[^\n]{0,160}|"
    r"Click\s+here\s+to[^\n]{0,120})[ \t]*$"
)
#: a heading of links to other stories; the short title lines under it are noise too
_LINK_HEADING = re.compile(r"(?mi)^[ \t]*(?:related(?:\s+(?:stories|articles|news|coverage))?|more\s+(?:stories|news)|"
                           r"recommended(?:\s+for\s+you)?|you\s+may\s+also\s+like|most\s+(?:read|popular|viewed)|"
                           r"top\s+stories|latest\s+news|trending(?:\s+now)?)[ \t]*:?[ \t]*$")
_TITLE_LINE = re.compile(r"[ \t]*[^\n]{3,140}?(?<![.!?\"”])[ \t]*")
_CAPTION_MARK = re.compile(r"(?m)^[^\n]*\?\?[^\n]*$")
_PHOTO_LINE = re.compile(r"(?mi)^[ \t]*(?:\(?photo(?:graph)?:?|\(credit:|image:|caption:)[^\n]*$")
_BIO = re.compile(
    r"(?m)^[A-Z][\w.'\- ]{1,40} (?:is|was) (?:a |an |the )?[\w\- ,]{0,60}"
    r"(?:correspondent|bureau chief|reporter|editor|writer|journalist|columnist)\b[^\n]*$"
)
_VISIT = re.compile(r"(?mi)^[^\n]{0,80}\b(?:visit (?:her|his|their) website|follow (?:her|him) on)\b[^\n]*$")

# Merged editing marks.
_STRAY_LOWER = re.compile(r"(?<![\w'’.])([b-hj-z]) (?=([A-Z])[a-z])")
_STRAY_UPPER = re.compile(r"(?<![\w'’])([B-HJ-Z]) (?=([a-z])[a-z])")
_DOUBLE_CAP = re.compile(r"\b([A-Z])(?=([a-z])[a-z]{5,}\b)")
_DANGLING = re.compile(r"(?m)(?:\s*[.,]?\s*,\s+[a-z])[ \t]*$")
#: how every _DANGLING match ends (a comma, spaces, one lower-case letter, the end of the line):
#: looked for first, since a pattern that starts with a literal is found fast, and it is rare
_DANGLING_TAIL = re.compile(r",\s+[a-z][ \t]*$", re.M)

# Hard wraps.
_WRAP = re.compile(r"(?<=[^\n])\n(?=[^\n])")
_HYPHEN_WRAP = re.compile(r"(?<=[a-z])-\n(?=[a-z])")
_MID_SENTENCE_BREAK = re.compile(r"(?<=[a-z,])[ \t]*\n(?=[a-z][a-z]+ )")
#: what every _MID_SENTENCE_BREAK match holds (a line break before a lower-case word): found fast
_BREAK_BEFORE_LOWER = re.compile(r"\n(?=[a-z][a-z]+ )")
_KEEP_HYPHEN = re.compile(r"(?:related|based|led|owned|term|level|scale|wide|made|free|oriented|run|up|in)\b")


def clean(original: str) -> CleanText:
    """Build the cleaned view of ``original`` (pure function, never raises on odd text)."""
    edits: list[Edit] = []
    edits += _line_noise(original)
    edits += _editing_marks(original)
    edits += _hard_wraps(original)
    return _apply(original, edits)


def _line_noise(text: str) -> list[Edit]:
    edits: list[Edit] = []
    for pattern, reason in (
        (_BYLINE, "byline"),
        (_FOOTER, "footer"),
        (_CAPTION_MARK, "caption"),
        (_PHOTO_LINE, "caption"),
        (_VISIT, "footer"),
    ):
        edits += [(m.start(), m.end(), "", reason) for m in pattern.finditer(text)]
    edits += _repeated_lines(text)
    edits += _link_blocks(text)
    bio = list(_BIO.finditer(text))
    if bio and bio[-1].start() > len(text) * 0.6:
        edits.append((bio[-1].start(), bio[-1].end(), "", "author bio"))
    return edits


def _link_blocks(text: str) -> list[Edit]:
    """ "RELATED STORIES" and the story titles under it (short lines without a full stop, up to a
    blank line or a paragraph of prose)."""
    edits: list[Edit] = []
    for heading in _LINK_HEADING.finditer(text):
        edits.append((heading.start(), heading.end(), "", "links"))
        pos = heading.end() + 1
        for _ in range(12):
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            line = text[pos:end]
            if not line.strip() or len(line.split()) > 16 or not _TITLE_LINE.fullmatch(line):
                break
            edits.append((pos, end, "", "links"))
            pos = end + 1
    return edits


def _normalise_line(line: str) -> str:
    # split() and join: the same as collapsing \s+ to one space and stripping (both go by
    # str.isspace), and cheaper for every line of every article
    return " ".join(line.replace("??", " ").split()).lower()


def _repeated_lines(text: str) -> list[Edit]:
    """A long line seen twice (once possibly wrapped in ``??`` markers) is a repeated caption."""
    lines = [(m.start(), m.end(), m.group(), _normalise_line(m.group())) for m in re.finditer(r"(?m)^[^\n]+$", text)]
    counts = Counter(norm for _, _, _, norm in lines if len(norm) >= 40)
    captions = {norm for _, _, raw, norm in lines if counts.get(norm, 0) > 1 and _caption_like(raw)}
    return [(s, e, "", "repeated caption") for s, e, _, norm in lines if norm in captions]


def _caption_like(line: str) -> bool:
    """A caption: ``??`` markers, a leading photo credit "(Name)", or mostly capital letters."""
    letters = [c for c in line if c.isalpha()]
    upper = sum(c.isupper() for c in letters) / len(letters) if letters else 0
    return "??" in line or bool(re.match(r"\s*\([^)]{2,40}\)\s", line)) or upper > 0.5


def _editing_marks(text: str) -> list[Edit]:
    edits: list[Edit] = []
    for m in _STRAY_LOWER.finditer(text):
        if m.group(1) == m.group(2).lower():
            edits.append((m.start(), m.end(), "", "editing mark"))
    for m in _STRAY_UPPER.finditer(text):
        if m.group(1).lower() == m.group(2):
            edits.append((m.start(), m.end(), "", "editing mark"))
    for m in _DOUBLE_CAP.finditer(text):
        if m.group(1).lower() == m.group(2):
            edits.append((m.start(), m.start() + 1, "", "editing mark"))
    if _DANGLING_TAIL.search(text):
        edits += [(m.start(), m.end(), "", "editing mark") for m in _DANGLING.finditer(text)]
    return edits


def _hard_wraps(text: str) -> list[Edit]:
    """Join lines of a paragraph that a wire service wrapped at a fixed width."""
    lines = text.split("\n")
    long_lines = [len(line) for line in lines if line.strip()]
    # Wrapped text: many lines of similar medium width. Normal articles have one paragraph per line.
    wrapped = len(long_lines) >= 4 and sum(35 <= n <= 90 for n in long_lines) >= 0.6 * len(long_lines)
    if not wrapped:
        # elsewhere, only a break that plainly cuts a sentence: a word or comma, then a lower-case word
        if not _BREAK_BEFORE_LOWER.search(text):
            return []
        return [(m.start(), m.end(), " ", "hard wrap") for m in _MID_SENTENCE_BREAK.finditer(text)]
    edits: list[Edit] = []
    for m in _HYPHEN_WRAP.finditer(text):
        keep = _KEEP_HYPHEN.match(text, m.end())
        edits.append((m.start() + (1 if keep else 0), m.end(), "", "hard wrap"))
    taken = {e[1] - 1 for e in edits}
    for m in _WRAP.finditer(text):
        if m.start() not in taken:
            edits.append((m.start(), m.end(), " ", "hard wrap"))
    return edits


def _apply(original: str, edits: list[Edit]) -> CleanText:
    edits = sorted(edits, key=lambda e: (e[0], -e[1]))
    pieces: list[str] = []
    index = array("q")
    noise: list[tuple[int, int, str]] = []
    pos = 0
    for start, end, replacement, reason in edits:
        if start < pos:  # overlaps an edit already applied: the first (widest) one wins
            continue
        pieces.append(original[pos:start])
        index.extend(range(pos, start))
        pieces.append(replacement)
        index.extend([start] * len(replacement))
        if reason not in ("hard wrap",):
            noise.append((start, end, reason))
        pos = end
    pieces.append(original[pos:])
    index.extend(range(pos, len(original)))
    return CleanText(original, "".join(pieces), index, tuple(noise))
