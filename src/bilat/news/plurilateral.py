"""Regional trade agreements named in bilateral stories: who their parties are.

Why a table: a story about two countries often names an agreement that binds more than those two
("Mexico and Canada renegotiate NAFTA with their common neighbour", "obligations under SAFTA",
"the RCEP"). Read as the pair's own FTA it is wrong twice: the parties are wrong, and a
bilateral FTA that does not exist gets recorded. Nothing in the sentence says who the members
are, so a small list of the regional agreements wire copy names does:

* a *plurilateral* agreement with few members (NAFTA and its successor) is recorded with all of
  them, as the corpus annotates a trilateral deal;
* a *multilateral* regional agreement (a South Asian, continental or trans-Pacific area) is not
  an agreement between the article's two sides and is not recorded, as the corpus leaves out
  multilateral frameworks mentioned in passing.
"""

from __future__ import annotations

import re

_NAFTA = ("USA", "CAN", "MEX")

#: (name or acronym pattern, members; ``None`` for a multilateral area that is not recorded)
REGIONAL: list[tuple[str, tuple[str, ...] | None]] = [
    (r"North\s+American\s+Free[- ]Trade\s+(?:Agreement|Area)|NAFTA", _NAFTA),
    (r"United\s+States[- ]Mexico[- ]Canada\s+Agreement|USMCA|CUSMA|T-MEC", _NAFTA),
    (r"South\s+Asian?\s+Free[- ]Trade\s+(?:Agreement|Area)|SAFTA", None),
    (r"ASEAN\s+Free[- ]Trade\s+Area|AFTA", None),
    (r"African\s+Continental\s+Free[- ]Trade\s+(?:Agreement|Area)|AfCFTA", None),
    (r"(?:Comprehensive\s+and\s+Progressive\s+(?:Agreement\s+for\s+)?)?Trans-Pacific\s+Partnership|CPTPP|TPP", None),
    (r"Regional\s+Comprehensive\s+Economic\s+Partnership|RCEP", None),
    (r"Central\s+America(?:n)?[- ](?:Dominican\s+Republic\s+)?Free[- ]Trade\s+(?:Agreement|Area)|CAFTA(?:-DR)?", None),
]
_REGIONAL = re.compile(r"(?<![-–/])\b(?:" + "|".join(f"(?P<r{i}>{p})" for i, (p, _) in enumerate(REGIONAL)) + r")\b")
#: a regional agreement named on its own ("the USMCA", "under SAFTA"): read as an FTA mention
REGIONAL_NAME = _REGIONAL


def regional_members(view: str, start: int, end: int) -> tuple[bool, tuple[str, ...] | None]:
    """``(regional, members)`` for the agreement name at ``start:end`` of ``view``: whether it is
    (part of) a regional agreement's name ("Free Trade Agreement" in "the South Asia Free Trade
    Agreement"), and its members (``None`` for a multilateral area, which is not recorded)."""
    window_start = max(0, start - 45)
    for m in _REGIONAL.finditer(view, window_start, min(len(view), end + 12)):
        if m.start() < end and m.end() > start:
            index = next(i for i in range(len(REGIONAL)) if m.group(f"r{i}"))
            return True, REGIONAL[index][1]
    return False, None


def apply_regional(view: str, records: list, pair: list[str]) -> list:
    """Records with a regional agreement's members as parties; multilateral areas left out."""
    out = []
    for r in records:
        regional, members = regional_members(view, r.start, r.end)
        if not regional:
            out.append(r)
        elif members is not None:
            r.parties = [c for c in pair if c in members] + [c for c in members if c not in pair]
            out.append(r)
    return out
