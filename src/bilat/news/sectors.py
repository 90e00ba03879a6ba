"""Cooperation sectors named in text, normalised ("AI" → "artificial intelligence", "cyber" → "cyber security")."""

from __future__ import annotations

import re

#: canonical sector -> pattern (case-insensitive unless the pattern is an acronym)
SECTORS: dict[str, str] = {
    "artificial intelligence": r"artificial intelligence|\bAI\b",
    "robotics": r"robotics|robots?",
    "internet of things": r"internet of things|\bIoT\b",
    "autonomous driving": r"autonomous (?:driving|vehicles?)|self-driving(?: cars?)?",
    "information security": r"information security",
    "cyber security": r"cyber[- ]?security|cyber(?:-related)?\b",
    "space": r"\bspace\b(?:-| and| industry| technology| research| cooperation|,)",
    "research grants": r"research grants?",
    "semiconductors": r"semiconductors?|chips?\b",
    "renewable energy": r"renewable energy|clean energy|solar(?: power| energy)?|wind power|green hydrogen|hydrogen",
    "agriculture": r"agri(?:culture|tech|-tech)|farming",
    "water": r"water (?:technology|technologies|management|desalination)|desalination",
    "healthcare": r"health ?care|\bhealth\b|pharmaceuticals?|medical devices",
    "defense": r"defen[cs]e(?: industry| industries| cooperation| technology)",
    "digital trade": r"digital trade|e-commerce|digital payments?",
    "fintech": r"fintech|financial technology",
    "infrastructure": r"infrastructure",
    "food security": r"food security|food parks?",
    "education": r"education|universities",
    "tourism": r"tourism",
    "critical minerals": r"critical minerals|rare earths?|lithium",
    "electric vehicles": r"electric vehicles?|\bEVs?\b|batter(?:y|ies)",
    "telecommunications": r"telecom(?:munications)?|\b5G\b",
    "biotechnology": r"biotech(?:nology)?",
    "shipbuilding": r"shipbuilding",
    "nuclear energy": r"nuclear (?:energy|power)",
    "startups": r"start-?ups?",
    "textiles": r"textiles?|garments",
    "gems and jewellery": r"gems and jewell?ery|diamonds?",
    "energy": r"\benergy\b|\bLNG\b|\boil and gas\b",
}
_ACRONYM = re.compile(r"\\b[A-Z0-9]+")


def _top_level(pattern: str) -> list[str]:
    """Split a pattern on ``|`` outside parentheses."""
    parts, depth, current = [], 0, ""
    for ch in pattern:
        depth += ch == "("
        depth -= ch == ")"
        if ch == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    return parts + [current]


_ALTERNATIVES = sorted(
    ((alt, sector) for sector, pattern in SECTORS.items() for alt in _top_level(pattern)),
    key=lambda item: -len(item[0]),
)


def _needle(alternative: str) -> str:
    """The literal lower-case start of a phrase pattern ("cyber" for ``cyber[- ]?security``); "" if none."""
    m = re.match(r"(?:\\b)?([A-Za-z]{3,})", alternative)
    return m.group(1).lower() if m and not re.match(r"(?:\\b)?[A-Za-z]+[?*{]", alternative) else ""


#: (needle, pattern, sector): a pattern runs only when its literal start occurs in the text (fast path)
_COMPILED = [(_needle(alt), re.compile(alt, 0 if _ACRONYM.match(alt) else re.I), sector) for alt, sector in _ALTERNATIVES]


def find_sectors(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, sector)`` for each sector phrase; the longest match wins where phrases overlap."""
    found: list[tuple[int, int, str]] = []
    candidates = []
    lower = text.lower()
    for needle, pattern, sector in _COMPILED:
        if needle and needle not in lower:
            continue
        candidates += [(m.start(), m.end(), sector) for m in pattern.finditer(text)]
    for start, end, sector in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
        if not any(start < e and s < end for s, e, _ in found):
            found.append((start, end, sector))
    return sorted(found)
