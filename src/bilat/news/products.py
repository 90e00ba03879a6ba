"""Product lists ("optical, medical and electrical equipment") mapped to HS chapters.

A small lexicon, not a classifier: each phrase maps to the HS 2-digit chapter where such goods
are classified (HS 2017 chapter titles). Longest phrase wins; chapters keep first-seen order.
"""

from __future__ import annotations

import re

#: phrase (regex, lower case) -> HS chapter
LEXICON: dict[str, str] = {
    r"optical": "90", r"medical(?: devices| equipment| instruments)?": "90", r"surgical": "90",
    r"precision instruments?": "90", r"measuring instruments?": "90", r"scientific instruments?": "90",
    r"electrical(?: equipment| machinery)?": "85", r"electronics?": "85", r"electronic components": "85",
    r"semiconductors?": "85", r"integrated circuits|chips": "85", r"(?:mobile |smart)?phones": "85",
    r"telecom(?:munications)? equipment": "85",
    r"mechanical appliances": "84", r"machinery": "84", r"machines": "84", r"computers?(?: equipment)?": "84",
    r"boilers": "84", r"engines": "84", r"turbines": "84",
    r"vehicles": "87", r"cars": "87", r"automobiles": "87", r"auto(?:mobile)? parts|car parts": "87",
    r"diamonds": "71", r"precious stones": "71", r"gems(?:tones)?": "71", r"jewell?ery": "71", r"gold": "71",
    r"pharmaceuticals?": "30", r"medicines": "30", r"drugs": "30",
    r"organic chemicals": "29", r"chemicals": "28", r"plastics": "39", r"fertili[sz]ers|potash": "31",
    r"crude oil|crude|petroleum(?: products)?|refined fuels?|fuels?|oil|lng|liquefied natural gas|natural gas|coal": "27",
    r"rice|wheat|cereals": "10", r"fruits?": "08", r"vegetables": "07", r"fish|seafood|shrimp": "03",
    r"garments|clothing|apparel": "62", r"textiles": "63", r"footwear|shoes": "64", r"cotton": "52", r"wool": "51",
    r"iron and steel|steel": "72", r"aluminium|aluminum": "76", r"copper": "74", r"zinc": "79", r"nickel": "75", r"iron ore|ores": "26",
    r"aircraft(?: parts)?": "88", r"ships|vessels": "89", r"furniture": "94", r"toys": "95", r"wood|timber": "44",
    r"paper": "48", r"rubber": "40", r"cosmetics|perfumes?": "33", r"wines?|beverages": "22", r"beef|meat": "02",
    r"dairy(?: products)?": "04", r"coffee|tea": "09", r"coal and coke": "27",
}
_PHRASE = re.compile(
    r"\b(?:" + "|".join(sorted(LEXICON, key=len, reverse=True)) + r")\b", re.I
)
_COMPILED = [(re.compile(r"(?:" + k + r")\Z", re.I), v) for k, v in LEXICON.items()]

#: Words that introduce what a flow consists of.
CUE = re.compile(
    r"\b(?:(?:mainly |mostly |largely |chiefly |predominantly )?consist(?:s|ed)? (?:mainly |mostly |largely |chiefly )?of|"
    r"(?:are|were|is|was) (?:typically|mainly|mostly|largely|chiefly|predominantly)|"
    r"(?:were |are )?led by|dominated by|(?:mainly |mostly )?comprise[sd]?|(?:mainly|mostly|chiefly)(?= [a-z]))\s+",
    re.I,
)
_STOP_WORDS = re.compile(r"\b(?:said|says|according|the [A-Z])", re.I)


def chapter_of(phrase: str) -> str | None:
    for pattern, chapter in _COMPILED:
        if pattern.fullmatch(phrase):
            return chapter
    return None


def product_list(text: str, start: int) -> tuple[int, int, list[str]] | None:
    """The product list starting at ``text[start:]``: ``(start, end, chapters)`` or None.

    Items are split on commas and "and"; the list ends at the first item with no product word
    (so ", the Economy Ministry said" is not part of it).
    """
    segment_end = len(text)
    stop = re.search(r"[.;:!?](?:\s|$)|\s+while\s+|\s+whereas\s+|\s+—\s+", text[start:])
    if stop:
        segment_end = start + stop.start()
    chapters: list[str] = []
    end = None
    for item in re.finditer(r"[^,]+?(?=,|\s+and\s+|\s+as well as\s+|$)", text[start:segment_end]):
        words = item.group()
        words_clean = re.sub(r"^\s*(?:and|as well as)\s+", "", words).strip()
        if not words_clean:
            continue
        found = [chapter_of(m.group()) for m in _PHRASE.finditer(words_clean)]
        found = [c for c in found if c]
        if not found or _STOP_WORDS.search(words_clean):
            break
        for chapter in found:
            if chapter not in chapters:
                chapters.append(chapter)
        end = start + item.end()
    if end is None:
        return None
    return start, end, chapters
