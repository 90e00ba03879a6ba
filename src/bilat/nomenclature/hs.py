"""HS product codes: descriptions at 2, 4 and 6 digits, the 21 sections, and word search.

Why these files: trade sources give bare codes (and often lose their leading zero: 10121 is
010121), so every report needs a description and a place in the hierarchy. The table is HS 2022
(UN via datahub) plus the HS 2017 six-digit codes that HS 2022 deleted, with BACI's descriptions
(``edition`` says which), so that BACI HS17 and Comtrade H5/H6 codes both resolve. It is built by
``scripts/build_nomenclature.py`` into ``bilat/data/nomenclature``; at run time nothing else is read.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from numbers import Integral, Real
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bilat.errors import UnknownProductError
from bilat.nomenclature._cache import load_or_build
from bilat.nomenclature._tables import DATA_DIR

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "chapter_of",
    "describe",
    "heading_of",
    "hs_row",
    "hs_table",
    "normalise_hs_code",
    "search",
    "search_rows",
    "section_of",
]

_LEVELS = (2, 4, 6)
SEARCH_COLUMNS = ("code", "level", "description", "section")
_SEPARATORS = re.compile(r"[.\s]")


def normalise_hs_code(raw: object) -> str:
    """A clean 2-, 4- or 6-digit HS code string from what sources write.

    Restores one lost leading zero (10121 → "010121", 101 → "0101", 1 → "01"), accepts
    "8471.30" and integral floats (10121.0, as pandas reads them), and raises
    :class:`UnknownProductError` for anything else. It does not check that the code exists:
    :func:`describe` does.
    """
    if isinstance(raw, bool) or raw is None:
        raise UnknownProductError(f"not an HS code: {raw!r}")
    if isinstance(raw, Integral):
        text = str(int(raw))
    elif isinstance(raw, Real):
        value = float(raw)
        if not value.is_integer():
            raise UnknownProductError(f"not an HS code: {raw!r}")
        text = str(int(value))
    elif isinstance(raw, str):
        text = _SEPARATORS.sub("", raw)
    else:
        raise UnknownProductError(f"not an HS code: {raw!r}")
    if not text.isascii() or not text.isdigit() or not 1 <= len(text) <= 6:
        raise UnknownProductError(f"not an HS code: {raw!r} (expected 2, 4 or 6 digits)")
    if len(text) % 2:
        text = "0" + text
    return text


def describe(code: object) -> str:
    """The description of an HS code at any level ("010121" → "Horses; live, pure-bred breeding animals")."""
    return _row(code)["description"]


def chapter_of(code: object) -> str:
    """The 2-digit chapter of a code ("847950" → "84")."""
    return _row(code)["code"][:2]


def heading_of(code: object) -> str:
    """The 4-digit heading of a 4- or 6-digit code ("847950" → "8479")."""
    row = _row(code)
    if row["level"] < 4:
        raise UnknownProductError(f"{row['code']} is a chapter; it has no heading")
    return row["code"][:4]


def section_of(code: object) -> tuple[str, str]:
    """The section of a code as (roman numeral, name): "847950" → ("XVI", "Machinery and ...")."""
    row = _row(code)
    if not row["section"]:
        raise UnknownProductError(f"{row['code']} ({row['description']}) belongs to no HS section")
    return row["section"], _sections()[row["section"]]


def hs_row(code: object) -> dict[str, Any]:
    """One code's row of :func:`hs_table` as a dict (``heading`` None for a chapter), without pandas."""
    return dict(_row(code))


def hs_table(level: int | None = None) -> pd.DataFrame:
    """The whole nomenclature: code, level, description, chapter, heading, section, section_name, edition.

    ``edition`` is "HS2022", or "HS2017" for six-digit codes that HS 2022 deleted.
    """
    table = _table()
    if level is not None:
        _check_level(level)
        table = table[table["level"] == level]
    return table.reset_index(drop=True).copy()


def search(words: str, level: int | None = None, limit: int = 20) -> pd.DataFrame:
    """Codes whose description contains every word (case-insensitive, words match at word starts).

    Ranking: more query words matched as whole words first, then broader codes (chapter before
    heading before subheading), then shorter descriptions. A query of digits lists the codes
    that start with them, in code order. Returns code, level, description, section.
    """
    import pandas as pd

    rows = search_rows(words, level, limit)
    return pd.DataFrame(rows, columns=list(SEARCH_COLUMNS)).astype({"level": "int64"})


def search_rows(words: str, level: int | None = None, limit: int = 20) -> list[dict[str, Any]]:
    """:func:`search` as plain rows (code, level, description, section), without pandas: for the CLI."""
    terms = [t for t in re.split(r"[^\w]+", words.casefold()) if t]
    if not terms:
        raise UnknownProductError("empty search: give one or more words, e.g. 'industrial robots'")
    if level is not None:
        _check_level(level)
    rows = [row for row in _rows() if level is None or row["level"] == level]
    if all(t.isascii() and t.isdigit() for t in terms):
        prefix = "".join(terms)
        hits = [row for row in rows if row["code"].startswith(prefix)]
    else:
        starts = [re.compile(rf"\b{re.escape(term)}") for term in terms]
        wholes = [re.compile(rf"\b{re.escape(term)}\b") for term in terms]
        scored = []
        for row, text in zip(rows, _folded(rows), strict=True):
            # a plain substring test first: most descriptions lack a term, and it is far cheaper
            if all(term in text for term in terms) and all(p.search(text) for p in starts):
                score = sum(1 for p in wholes if p.search(text))
                scored.append((-score, row["level"], len(row["description"]), row["code"], row))
        scored.sort(key=lambda item: item[:4])
        hits = [item[4] for item in scored]
    return [{c: row[c] for c in SEARCH_COLUMNS} for row in hits[:limit]]


# --- internals ----------------------------------------------------------------------------------


def _check_level(level: int) -> None:
    if level not in _LEVELS:
        raise UnknownProductError(f"HS level must be 2, 4 or 6, got {level!r}")


def _row(code: object) -> dict:
    normal = normalise_hs_code(code)
    rows = _by_code()
    if normal not in rows:
        raise UnknownProductError(f"unknown HS code {normal!r} (not in HS 2022 nor HS 2017)")
    return rows[normal]


@cache
def _sections() -> dict[str, str]:
    with open(DATA_DIR / "hs_sections.csv", encoding="utf-8", newline="") as handle:
        return {row["section"]: row["name"] for row in csv.DictReader(handle)}


@cache
def _rows() -> tuple[dict[str, Any], ...]:
    """Every code as a row (code, level, description, chapter, heading, section, section_name, edition).

    Read from the per-machine JSON cache; the Parquet file is read (with pandas) only to fill it.
    """
    sources = [DATA_DIR / "hs_codes.parquet", DATA_DIR / "hs_sections.csv", Path(__file__)]
    raw = load_or_build("hs_codes", sources, _read_parquet)
    sections = _sections()
    return tuple(
        {
            "code": code,
            "level": level,
            "description": description,
            "chapter": code[:2],
            "heading": code[:4] if level >= 4 else None,
            "section": section,
            "section_name": sections.get(section, ""),
            "edition": edition,
        }
        for code, level, section, description, edition in raw
    )


def _read_parquet() -> list[list[Any]]:
    import pandas as pd

    raw = pd.read_parquet(DATA_DIR / "hs_codes.parquet")
    return [[c, int(lv), s, d, e] for c, lv, s, d, e in zip(raw["code"], raw["level"], raw["section"], raw["description"], raw["edition"], strict=True)]


@cache
def _table() -> pd.DataFrame:
    import pandas as pd

    rows = _rows()
    raw = pd.DataFrame({c: [row[c] for row in rows] for c in ("code", "level", "section", "description", "edition")})
    table = pd.DataFrame(
        {
            "code": raw["code"],
            "level": raw["level"].astype(int),
            "description": raw["description"],
            "chapter": raw["code"].str[:2],
            "heading": raw["code"].str[:4].where(raw["level"] >= 4),
            "section": raw["section"],
            "section_name": raw["section"].map(_sections()).fillna(""),
            "edition": raw["edition"],
        }
    )
    return table


def _folded(rows: tuple[dict[str, Any], ...]) -> list[str]:
    """The rows' descriptions, case-folded (once per process for the whole table)."""
    if len(rows) == len(_rows()):
        return _all_folded()
    return [row["description"].casefold() for row in rows]


@cache
def _all_folded() -> list[str]:
    return [row["description"].casefold() for row in _rows()]


@cache
def _by_code() -> dict[str, dict]:
    return {row["code"]: row for row in _rows()}
