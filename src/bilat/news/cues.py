"""Which flow a clause talks about, and in which direction, from its wording.

Works on the *tagged* clause (countries as ``@ISO3``, the amount as ``§``), so that "Israeli
goods exported to Japan", "Japan's imports from Israel" and "the export of Israeli goods to Japan"
all reduce to a few patterns. The direction is always that of the goods: "imported from Japan"
means from=JPN, to=the other country of the article's pair.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

AMOUNT = "§"

TRADE = re.compile(
    r"\b(?<!free )(?<!free-)(?<!export )(?<!import )(?:trade|traded|commerce|(?<!export )(?<!import )turnover|commercial\s+exchanges?)\b(?!\s+(?:surplus|deficit|balance|ties|agreements?|deals?|pacts?|"
    r"minister|ministry|ministers|fair|talks|war|relations|missions?|delegations?|office|body|barriers?|polic(?:y|ies)|"
    r"partners?|partnership|representative|union|commissioner|gap|negotiations|zone|bloc|framework|routes?))",
    re.I,
)
EXPORT = re.compile(r"\b(?:export(?:s|ed|ing)?|sales|shipments|shipped|sold|sells?|supplied|delivered|deliveries)\b", re.I)
IMPORT = re.compile(r"\b(?:import(?:s|ed|ing)?|purchases|purchased|purchasing|bought|buys?|buying|sourced|procured)\b", re.I)
GDP = re.compile(r"\b(?:gross domestic product|GDP|economic output|economy (?:worth|valued at|(?:is|was) worth))\b", re.I)
_TOKEN = r"@([A-Z]{3,8})(?:'s)?"
_FILLER = r"(?:(?!to\b|into\b|from\b)[a-z-]+\s+){0,2}?"
_BEFORE = re.compile(_TOKEN + r"\s+(?:[a-z-]+\s+){0,2}$")
_AFTER_ORIGIN = re.compile(r"^\w*\s+(?:of\s+(?:the\s+)?|from\s+(?:the\s+)?)" + _FILLER + _TOKEN)
_DEST_AFTER = re.compile(r"\b(?:to|into|entered|entering)\s+(?:the\s+)?(?:(?:clients|customers|buyers|consumers|markets?)\s+in\s+(?:the\s+)?)?"
                         + _TOKEN)
#: "services sold by Chilean firms": the passive's agent is the origin
_BY_ORIGIN = re.compile(r"^\w*\s+(?:to\s+(?:the\s+)?[@\w]+\s+[a-z]+\s+)?by\s+(?:(?:firms|companies|producers|suppliers)\s+"
                        r"(?:from|in|of)\s+)?(?:the\s+)?" + _TOKEN)
_FROM_AFTER = re.compile(r"^\w*\s+(?:of\s+" + _FILLER + r")?(?:[a-z§-]+\s+){0,6}?from\s+(?:the\s+)?" + _TOKEN)
_OF_ORIGIN = re.compile(r"^\w*\s+of\s+(?:the\s+)?" + _TOKEN)
#: "imports of Australian beef" (above); "Oman imported Korean cars", "Japan bought Chilean copper"
_BOUGHT_ORIGIN = re.compile(r"^(?:imported|imports|bought|buys|purchased|purchases)\s+(?:the\s+)?" + _TOKEN + r"\s+(?!and\b)[a-z]")
_BY_AFTER = re.compile(r"^\w*\s+(?:by|into)\s+(?:the\s+)?" + _TOKEN)
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?" + _TOKEN + r"\s+and\s+(?:the\s+)?" + _TOKEN)
_PAIR = re.compile(_TOKEN + r"\s*[-–/]\s*" + _TOKEN + r"|" + _TOKEN + r"\s+and\s+(?:the\s+)?" + _TOKEN)
_WITH = re.compile(_TOKEN + r"\s+(?:[a-z-]+\s+){0,2}(?:trade|commerce)\s+with\s+(?:the\s+)?" + _TOKEN)


#: "@USA is @IND's largest export destination": the goods go from the possessor to the subject
MARKET_OF = re.compile(r"@([A-Z]{3,8})\s+(?:is|was|remains|remained|became|has\s+become|as)\s+(?:the\s+)?@([A-Z]{3,8})'s\s+"
                        r"(?:[\w-]+\s+){0,3}?(?:export\s+(?:destination|market)|market|buyer|customer|destination)\b")


@dataclass(frozen=True)
class Flow:
    """What a clause says about a flow: ``kind`` is trade/exports/imports; countries may be None."""

    kind: str
    origin: str | None
    destination: str | None
    world: bool = False  # the open side is the world or a region ("total exports", "exports to Asia")


def nearest_cue(clause: str) -> tuple[str, re.Match[str]] | None:
    """The flow word nearest the amount marker, preferring words before it."""
    marker = clause.find(AMOUNT)
    if marker < 0:
        marker = len(clause)
    best: tuple[int, str, re.Match[str]] | None = None
    for kind, pattern in (("trade", TRADE), ("exports", EXPORT), ("imports", IMPORT)):
        for m in pattern.finditer(clause):
            distance = marker - m.end() if m.end() <= marker else 1000 + m.start() - marker
            if best is None or distance < best[0]:
                best = (distance, kind, m)
    if best is None:
        return None
    return best[1], best[2]


#: the other side is the world or a region, not a country: "total exports", "exports to Asia",
#: "imports from CIS countries"; the article's pair must not fill it
_REGION = (r"(?:the\s+)?(?:world|rest\s+of\s+the\s+world|other\s+countries|(?:East\s+|West\s+|North\s+|South\s+|Southern\s+|"
           r"Central\s+|Sub-Saharan\s+)?(?:Africa|Asia|Europe|America|Americas)|Latin\s+America|the\s+Middle\s+East|"
           r"Middle\s+East|Gulf\s+countries|CIS(?:\s+countries)?|(?:its|her|their)\s+[\w\s]{0,40}?partner\s+states|"
           r"EAC|the\s+region|neighbouring\s+countries|neighboring\s+countries|OIC\s+countries)\b")
_WORLD_DEST = re.compile(r"^\w*\s+(?:[a-z§-]+\s+){0,5}?(?:to|into)\s+" + _REGION)
_WORLD_ORIGIN = re.compile(r"^\w*\s+(?:[a-z§-]+\s+){0,5}?from\s+" + _REGION)
_TOTAL_FLOW = re.compile(r"\b(?:total|overall|global|worldwide|aggregate)\s+(?:value\s+of\s+|goods\s+|merchandise\s+)?$"
                         r"|\b(?:total|overall)\s+(?:value\s+of\s+)?(?:the\s+)?(?:country's\s+)?$", re.I)


def is_total_flow(before_cue: str) -> bool:
    """True for "total exports", "the country's total value of exports": the world, not a region."""
    return _TOTAL_FLOW.search(before_cue[-40:]) is not None


def flow_of(clause: str, kind: str, m: re.Match[str], pair: list[str]) -> Flow:
    """Origin and destination for the cue ``m`` of ``kind`` in ``clause``; gaps filled from ``pair``."""
    before, after = clause[: m.start()], clause[m.start() :]
    origin = destination = None
    if kind == "trade":
        for pattern in (_BETWEEN, _WITH, _PAIR):
            hit = pattern.search(clause)
            if hit:
                codes = [g for g in hit.groups() if g]
                if len(codes) >= 2 and codes[0] != codes[1]:
                    return Flow("trade", codes[0], codes[1])
        if len(pair) == 2:
            return Flow("trade", pair[0], pair[1])
        return Flow("trade", None, None)
    subject = _coordinated_subject(before)
    if kind == "exports":
        hit = _BEFORE.search(before) or _AFTER_ORIGIN.search(after) or _BY_ORIGIN.search(after) \
            or _FROM_AFTER.search(after)  # "shipments worth $X from Oman entered India"
        if subject is not None:
            hit = subject
        origin = hit.group(1) if hit else None
        dest = _DEST_AFTER.search(after)
        destination = dest.group(1) if dest else None
    else:
        hit = _FROM_AFTER.search(after) or _OF_ORIGIN.search(after) or _BOUGHT_ORIGIN.search(after)
        origin = hit.group(1) if hit else None
        dest = _BEFORE.search(before) or _BY_AFTER.search(after)
        if subject is not None:
            dest = subject
        destination = dest.group(1) if dest else None
    world = is_total_flow(before)
    if kind == "exports" and destination is None and (world or _WORLD_DEST.search(after)):
        return Flow(kind, origin, None, True)  # "Kenya's total exports", "exports to Asia": the world or a region
    if kind == "imports" and origin is None and (world or _WORLD_ORIGIN.search(after)):
        return Flow(kind, None, destination, True)
    origin, destination = fill_from_pair(origin, destination, pair)
    return Flow(kind, origin, destination)


_OBJECT_THEN_AND = re.compile(r"(?:\b(?:to|into|from|of|with)\s+(?:the\s+)?)" + _TOKEN + r"(?:\s+[a-z-]+)?\s+and\s+$")
_HEAD_TOKEN = re.compile(r"^\W*(?:(?:[Ii]n|[Ll]ast|[Tt]his)\s+(?:\w+,?\s+)?)?(?:[\w-]+\s+){0,2}?" + _TOKEN)


def _coordinated_subject(before: str) -> re.Match[str] | None:
    """ "Chile exported $8bn to Japan and imported $2bn": the country before the second verb is the
    first verb's object, so the second verb's side is the clause's subject (its head country)."""
    obj = _OBJECT_THEN_AND.search(before)
    if obj is None:
        return None
    head = _HEAD_TOKEN.match(before)
    return head if head is not None and head.group(1) != obj.group(1) else None


def fill_from_pair(origin: str | None, destination: str | None, pair: list[str]) -> tuple[str | None, str | None]:
    if origin == destination:
        destination = None
    if len(pair) == 2:
        if origin in pair and destination is None:
            destination = pair[1 - pair.index(origin)]
        elif destination in pair and origin is None:
            origin = pair[1 - pair.index(destination)]
    return origin, destination


def country_before(text: str) -> str | None:
    """The last ``@ISO3`` token in ``text``."""
    tokens = re.findall(_TOKEN, text)
    return tokens[-1] if tokens else None


def first_country(text: str) -> str | None:
    tokens = re.findall(_TOKEN, text)
    return tokens[0] if tokens else None
