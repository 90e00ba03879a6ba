"""National agencies that stand for their country: "JICA lent 7,310 million yen", "USAID will fund".

Why: aid, loan and trade-promotion copy names the lender or donor by its agency, not its country
("JICA lends in several tranches"); the money's giver was then whatever
country the sentence named first, often the receiver. Each agency here belongs to one government
and is written as an acronym or a name no other word shares (``agencies.csv``, written for bilat:
development agencies, export-credit and development-finance bodies, trade offices). Ambiguous
acronyms are left out on purpose ("AfD" is also a German party, "EDC" and "MCC" name several
bodies, "Sida" is a first name).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bilat.nomenclature._tables import read_data_rows


@dataclass(frozen=True)
class AgencyMention:
    """An agency read as its country: ``text[start:end] == mention.text`` (possessive included)."""

    iso3: str
    start: int
    end: int
    text: str
    kind: str = "agency"


@cache
def _agencies() -> tuple[dict[str, str], re.Pattern[str]]:
    names = {row["agency"]: row["iso3"] for row in read_data_rows("agencies.csv")}
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return names, re.compile(r"(?<![\w-])(?P<name>" + alternatives + r")(?:['\u2019]s)?(?![\w-])")


def find_agency_mentions(text: str) -> list[AgencyMention]:
    """Agencies named in ``text`` (exact case), left to right."""
    names, pattern = _agencies()
    return [AgencyMention(names[m.group("name")], m.start(), m.end(), m.group()) for m in pattern.finditer(text)]
