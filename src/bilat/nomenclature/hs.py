"""HS product codes: descriptions at 2, 4 and 6 digits, the 21 sections, and word search.

Why these files: trade sources give bare codes (and often lose their leading zero: 10121 is
010121), so every report needs a description and a place in the hierarchy. The table is HS 2022
(UN via datahub) plus the HS 2017 six-digit codes that HS 2022 deleted, with BACI's descriptions
(``edition`` says which), so that BACI HS17 and Comtrade H5/H6 codes both resolve. It is built by
``scripts/build_nomenclature.py`` into ``bilat/data/nomenclature``; at run time nothing else is read.
"""

from __future__ import annotations

import re
from functools import cache
from numbers import Integral, Real

import pandas as pd

from bilat.errors import UnknownProductError
from bilat.nomenclature._tables import DATA_DIR

__all__ = [
    "chapter_of",
    "describe",
    "heading_of",
    "hs_table",
    "normalise_hs_code",
    "search",
    "section_of",
]

_LEVELS = (2, 4, 6)
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
    terms = [t for t in re.split(r"[^\w]+", words.casefold()) if t]
    if not terms:
        raise UnknownProductError("empty search: give one or more words, e.g. 'industrial robots'")
    table = hs_table(level)
    if all(t.isascii() and t.isdigit() for t in terms):
        hits = table[table["code"].str.startswith("".join(terms))]
        return hits[["code", "level", "description", "section"]].head(limit).reset_index(drop=True)
    else:
        text = table["description"].str.casefold()
        mask = pd.Series(True, index=table.index)
        score = pd.Series(0, index=table.index)
        for term in terms:
            escaped = re.escape(term)
            mask &= text.str.contains(rf"\b{escaped}", regex=True)
            score = score + text.str.contains(rf"\b{escaped}\b", regex=True).astype(int)
        hits = table[mask].copy()
        hits["_score"] = score[mask]
    hits["_length"] = hits["description"].str.len()
    hits = hits.sort_values(["_score", "level", "_length", "code"], ascending=[False, True, True, True])
    return hits[["code", "level", "description", "section"]].head(limit).reset_index(drop=True)


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
    frame = pd.read_csv(DATA_DIR / "hs_sections.csv", dtype=str, keep_default_na=False)
    return dict(zip(frame["section"], frame["name"], strict=True))


@cache
def _table() -> pd.DataFrame:
    raw = pd.read_parquet(DATA_DIR / "hs_codes.parquet")
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


@cache
def _by_code() -> dict[str, dict]:
    return {row["code"]: row for row in _table().to_dict(orient="records")}
