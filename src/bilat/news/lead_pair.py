"""The pair an article's opening says it is about: "Ghana's bilateral trade with Peru", "Chile
posts a rise in its trade with Peru", "trade between Chile and Peru".

Why: :func:`bilat.news.mentions.main_pair` counts mentions, and a story about one pair that also
compares it with a third country ("the deficit with Peru widened, the one with India shrank";
"commerce with Britain fell too") can name the third more often than one of
its own pair. The headline and the lead state the relation the story reports; when they do so in
one of the fixed shapes below, with both countries among those the article names most, that pair
wins over the count.
"""

from __future__ import annotations

import re
from collections import Counter

from bilat.news.model import CountryRef
from bilat.news.text import tagged

#: "A's (bilateral) trade with B", "A records a rise in trade with B", "trade between A and B", "A-B trade"
_SHAPES = (
    re.compile(r"@(?P<a>[A-Z]{3,8})(?:'s|’s)?\s+(?:(?!@)[\w-]+\s+){0,7}?(?:trade|commerce|turnover)\s+with\s+(?:the\s+)?"
               r"@(?P<b>[A-Z]{3,8})\b", re.I),
    re.compile(r"\b(?:trade|commerce|turnover)\s+between\s+(?:the\s+)?@(?P<a>[A-Z]{3,8})\s+and\s+(?:the\s+)?@(?P<b>[A-Z]{3,8})\b",
               re.I),
    re.compile(r"@(?P<a>[A-Z]{3,8})\s*[-–/]\s*@(?P<b>[A-Z]{3,8})\s+(?:(?:bilateral|two-way|mutual)\s+)?(?:trade|commerce|turnover)\b",
               re.I),
    # "A boosts exports to B", "A's imports from B rise": a flow the subject sends to or buys from the other
    re.compile(r"@(?P<a>[A-Z]{3,8})(?:'s|’s)?\s+(?:(?!@)[\w-]+\s+){0,3}?(?:exports?|imports?|shipments|deliveries|sales)\s+"
               r"(?:to|from)\s+(?:the\s+)?@(?P<b>[A-Z]{3,8})\b", re.I),
)
#: a country a comparison puts the subject past or behind ("Peru has overtaken Chile in trade with
#: Ghana"): a rival in the ranking, not a side of the relation the story reports
_RIVAL = re.compile(r"\b(?:overt(?:aken|ook|akes)|surpass(?:ed|es)?|outstrip(?:ped|s)?|outpac(?:ed|es)|overshadow(?:ed|s)|"
                    r"replac(?:ed|es)|displac(?:ed|es)|ahead\s+of|behind|edged\s+out|beat(?:en|s)?)\s+(?:the\s+)?@(?=[A-Z]{3,8}\b)",
                    re.I)
_LEAD_CHARS = 400  # the headline and the first sentence or two


def lead_pair(text: str, refs: list[CountryRef], counted: list[str]) -> list[str]:
    """The pair the opening states, else ``counted`` (the most-mentioned pair). The opening's pair
    must be among the four most-mentioned actors, so a passing comparison in the lead does not win."""
    start = text.find("\n") + 1 if text.startswith("SOURCE:") else 0
    lead = _RIVAL.sub(lambda m: m.group()[:-1] + "rival-", tagged(text, start, min(len(text), start + _LEAD_CHARS), refs))
    counts = Counter(r.iso3 for r in refs)
    top = {iso for iso, _ in counts.most_common(4)}
    for shape in _SHAPES:
        m = shape.search(lead)
        if m is None:
            continue
        a, b = m.group("a"), m.group("b")
        if a == b or a not in top or b not in top:
            continue
        if {a, b} == set(counted):
            return counted
        return [a, b]
    return counted
