"""Countries named by a regional epithet: "the African nation", "the Gulf state", "the Central Asian republic".

Why: news copy names a country once and then refers to it by where it lies ("extended a line of
credit to the African nation"); the money's receiver, or a deal's other side, is then a phrase with
no country word in it, and the figure's direction was read from whatever country came first.
Only the article's own pair is considered, and only when the epithet fits exactly one of the two:
"the Asian nation" in a story of India and Kenya is India; in a story of India and Japan it names
neither and is left alone. A bare "the country" or "the kingdom" (no region word) is never resolved,
and a capitalised noun ("the Central African Republic") is a name, not an epithet.
"""

from __future__ import annotations

import re
from functools import cache

from bilat.news.model import CountryRef

#: Region words and the countries each can name. Continents come from the nomenclature; the
#: smaller groups are the ones news copy uses (a continent's sub-regions count as the continent:
#: the epithet only has to tell the two sides apart).
_GROUPS = {
    "gulf": "GCC",
    "arab": "ARE BHR COM DJI DZA EGY IRQ JOR KWT LBN LBY MAR MRT OMN PSE QAT SAU SDN SOM SYR TUN YEM",
    "nordic": "DNK FIN ISL NOR SWE",
    "scandinavian": "DNK NOR SWE",
    "baltic": "EST LVA LTU",
    "balkan": "ALB BIH BGR GRC HRV MKD MNE ROU SRB SVN XKX",
    "caribbean": "ATG BHS BRB BLZ CUB DMA DOM GRD GUY HTI JAM KNA LCA SUR TTO VCT",
    "central asian": "KAZ KGZ TJK TKM UZB",
    "south asian": "AFG BGD BTN IND LKA MDV NPL PAK",
    "southeast asian": "BRN IDN KHM LAO MMR MYS PHL SGP THA TLS VNM",
    "east asian": "CHN HKG JPN KOR MAC MNG PRK TWN",
    "middle eastern": "ARE BHR EGY IRN IRQ ISR JOR KWT LBN OMN PSE QAT SAU SYR TUR YEM",
    "latin american": "ARG BOL BRA CHL COL CRI CUB DOM ECU GTM HND HTI MEX NIC PAN PER PRY SLV URY VEN",
    "south american": "ARG BOL BRA CHL COL ECU GUY PER PRY SUR URY VEN",
    "central american": "BLZ CRI GTM HND NIC PAN SLV",
    "north american": "CAN MEX USA",
}
_CONTINENTS = {
    "african": "Africa", "east african": "Africa", "west african": "Africa", "north african": "Africa",
    "southern african": "Africa", "central african": "Africa", "sub-saharan african": "Africa",
    "asian": "Asia", "european": "Europe", "eastern european": "Europe", "western european": "Europe",
    "central european": "Europe", "pacific": "Oceania", "oceanian": "Oceania", "south pacific": "Oceania",
}
_REGION = "|".join(sorted({*_GROUPS, *_CONTINENTS}, key=len, reverse=True)).replace(" ", r"\s+").replace("southeast", "south-?east")
#: "the African nation", "the tiny Gulf state", "the oil-rich Gulf kingdom", "the Pacific island nation"
EPITHET = re.compile(
    r"\b[Tt]he\s+(?:(?:tiny|small|oil-rich|resource-rich|mineral-rich|landlocked|fellow|island)\s+)?"
    r"(?P<region>" + _REGION + r")\s+(?:island\s+)?"
    r"(?P<noun>nation|country|state|kingdom|republic|emirate|sultanate|economy|archipelago)\b",
    re.I,
)


#: "the Andean nation of Chile": an epithet followed by the country's name is no reference of its own
_OF_NAME = re.compile(r"\s+of\s+(?:the\s+)?")


@cache
def _members(region: str) -> frozenset[str]:
    from bilat.nomenclature.blocs import members_of
    from bilat.nomenclature.countries import countries_in

    key = re.sub(r"\s+", " ", region.lower()).replace("south-east", "southeast")
    if key in _CONTINENTS:
        return countries_in(_CONTINENTS[key])
    group = _GROUPS[key]
    return frozenset(members_of(group)) if group == "GCC" else frozenset(group.split())


def epithet_refs(text: str, refs: list[CountryRef], pair: list[str]) -> list[CountryRef]:
    """``refs`` with the epithets of ``text`` that name one side of ``pair`` added (kind ``epithet``)."""
    if len(pair) != 2:
        return refs
    added = []
    for m in EPITHET.finditer(text):
        if any(r.start < m.end() and m.start() < r.end for r in refs):
            continue  # part of a name already found
        if text[m.start("noun")].isupper():
            continue  # "the Central African Republic", "the Gulf State of ...": a name, not an epithet
        named = _OF_NAME.match(text, m.end())
        if named is not None and any(r.start == named.end() for r in refs):
            continue  # "the Andean nation of Chile": the name that follows says which country
        fits = [side for side in pair if side in _members(m.group("region"))]
        if len(fits) == 1:
            added.append(CountryRef(fits[0], m.start(), m.end(), m.group(), "epithet"))
    return sorted([*refs, *added], key=lambda r: r.start) if added else refs
