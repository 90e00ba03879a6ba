"""Direction of a claim's flow when the wording leaves a side open, and the flow word after an amount.

Why a module of its own: the corpus shows that most wrong directions on real articles come from
three wordings, each a rule here. (1) The flow word follows the amount ("$7 billion in exports").
(2) A side is not named ("exports stood at $7 billion"): the article's own perspective decides,
which is its first-named party, or the subject of the sentence's previous figure ("Nigeria
imported $11 billion from China, while exports stood at $2 billion" are Nigeria's exports).
(3) A country that belongs to a bloc of the pair stands for the bloc.
"""

from __future__ import annotations

import re

import bilat.news.cues as cues
from bilat.news.cues import AMOUNT as AMOUNT_MARK
from bilat.news.mentions import pair_side
from bilat.news.model import Claim

#: "a small portion of the $7 billion": the amount is a whole (all partners), not the pair's flow.
WHOLE_BEFORE = re.compile(r"\b(?:portion|share|part|fraction)\s+of\s+(?:the\s+)?$", re.I)
_UNDIRECTED = ("bilateral_trade_total", "gdp", "gdp_rank", "imports_total", "exports_total", "top_products", "growth")


def settle_direction(claim: Claim, pair: list[str], previous: Claim | None = None, subject: str | None = None) -> None:
    """Fill the side(s) the wording leaves open from the article's pair, as the goods (or money) flow.

    A member of a bloc in the pair stands for the bloc; an export or import figure with no country
    named is read from the article's own perspective (its first-named party): "exports stood at
    $7 billion" in a story about A and B is A's exports to B, "imports" A's imports from B.
    """
    if len(pair) != 2 or claim.measure in _UNDIRECTED and claim.measure != "growth":
        return
    if claim.measure == "growth" and claim.about in (None, "bilateral_trade_total"):
        return
    origin, destination = pair_side(claim.from_, pair), pair_side(claim.to, pair)
    if (origin is None and destination is None and previous is not None and previous.basis == claim.basis
            and previous.basis in ("exports", "imports") and previous.from_ and previous.to):
        # "exports to Japan rose 18 percent, when coal sales were up 36 percent": the same flow
        origin, destination = previous.from_, previous.to
    if origin is None and destination is None and previous is not None and (previous.measure == "exports" or (
            previous.measure == "growth" and previous.basis in ("exports", "imports"))):
        # "Nigeria imported $11 billion from China, while exports stood at $2 billion": the same subject
        subject = previous.to if previous.basis == "imports" else previous.from_
        partner = previous.from_ if previous.basis == "imports" else previous.to
        if subject in pair:
            # "exports to the US fell to $9 billion, while imports were down 12 percent": the same third country
            other = partner if partner not in (None, *pair) else pair[1 - pair.index(subject)]
            origin, destination = (other, subject) if claim.basis == "imports" else (subject, other)
    if origin is None and destination is None and subject in pair and claim.basis in ("exports", "imports"):
        # "Kenya's exports hit Sh643bn ... exports to the neighbouring country totaled": the article's exporter
        other = pair[1 - pair.index(subject)]
        origin, destination = (other, subject) if claim.basis == "imports" else (subject, other)
    if origin is None and destination is None:
        origin, destination = (pair[1], pair[0]) if claim.basis == "imports" else (pair[0], pair[1])
    claim.from_, claim.to = cues.fill_from_pair(origin, destination, pair)


_CUE_AFTER = re.compile(r"§\s+(?:in|of|worth\s+of)\s+(?:@[A-Z]{3,8}(?:'s)?\s+)?(?:[a-z-]+\s+)?(?=(?:exports?|imports?|trade)\b)")


def cue_after(clause: str) -> tuple[str, re.Match[str]] | None:
    """ "$7 billion in exports", "$2 billion of Ghanaian imports": the flow word named right after."""
    m = _CUE_AFTER.search(clause)
    if m is None:
        return None
    for kind, pattern in (("exports", cues.EXPORT), ("imports", cues.IMPORT), ("trade", cues.TRADE)):
        hit = pattern.match(clause, m.end())
        if hit:
            return kind, hit
    return None


def subject_side(claim: Claim, raw: cues.Flow, sentence_left: str, pair: list[str]) -> None:
    """ "Chile remained the second supplier, with sales of $5 billion to Japan": the side the flow
    words leave open is the sentence's subject (its first country other than the named side)."""
    subject = next((c for c in re.findall(r"@([A-Z]{3,8})", sentence_left) if c not in (raw.origin, raw.destination)),
                   None)
    if subject is None or not re.match(_HEAD + r"(?:[\w-]+\s+){0,3}?@" + subject, sentence_left):
        return  # only a country at the head of the sentence is its subject
    goes_on = _GOES_ON.search(sentence_left)
    if goes_on is not None and subject in pair and len(pair) == 2 and "@" not in sentence_left[goes_on.start() :]:
        # "China bought $4 billion of goods from Russia and exported goods worth $2 billion": the second
        # verb has no subject of its own, so the sentence's subject does it, towards the other side
        other = pair[1 - pair.index(subject)]
        claim.from_, claim.to = (subject, other) if goes_on.group("verb").lower() in _SELLING else (other, subject)
    elif claim.basis == "exports" and raw.origin is None and raw.destination is not None:
        claim.from_ = subject
    elif claim.basis == "imports" and raw.destination is None and raw.origin is not None:
        claim.to = subject


#: an adverbial that opens a sentence before its subject: "In February alone, China ..."
_HEAD = r"^\W*(?:(?i:in|during|over|for|by|at|last|this)\s+[^,@.;]{1,40},\s*)?"
#: a second verb joined to the clause before without a subject of its own ("... and exported goods worth")
_GOES_ON = re.compile(r"\b(?:and|while|but|then)\s+(?:also\s+)?(?P<verb>exported|shipped|sold|imported|bought|purchased)\s+"
                      r"(?:[\w-]+\s+){0,3}?(?:worth\s+)?(?:of\s+)?$", re.I)
_SELLING = ("exported", "shipped", "sold")


_TARIFF = re.compile(r"\b(?:tariffs?|dut(?:y|ies)|levies|levy|customs\s+rates?)\b", re.I)
_ON_GOODS = re.compile(r"\bon\s+(?:(?:the|its|their|all|most|[a-z-]+)\s+){0,3}?@([A-Z]{3,8})\b")
_FACES = re.compile(r"@([A-Z]{3,8})(?:'s)?\s+(?:[a-z-]+\s+){0,2}?(?:faces?|faced|pays?|paid|attracts?|enjoys?)\b")

#: "Oman has offered India zero-duty access on", "India has offered tariff cuts on": the offering side imports
_OFFERS = re.compile(r"@([A-Z]{3,8})\s+(?:[a-z-]+\s+){0,2}?(?:offered|offers?|granted|grants?|gave|gives?)\s+"
                     r"(?:@([A-Z]{3,8})\s+)?(?:[\w-]+\s+){0,3}?(?:access|liberali[sz]ation|concessions?|cuts?)\b")


#: the side that levies, lifts, keeps or cuts a tariff is the importing side: "Chile will at once scrap
#: duties on", "Norway's average import tariff", "Canberra imposed a 35% tariff on", "Peru keeps its duty"
_LEVY_VERB = (r"(?:eliminat(?:e|es|ed|ing)|remov(?:e|es|ed|ing)|reduc(?:e|es|ed|ing)|abolish(?:es|ed|ing)?|"
              r"slash(?:es|ed|ing)?|impos(?:e|es|ed|ing)|lev(?:y|ies|ied|ying)|appl(?:y|ies|ied|ying)|lift(?:s|ed|ing)?|"
              r"cut(?:s|ting)?|scrap(?:s|ped|ping)?|lower(?:s|ed|ing)?|phas(?:e|es|ed|ing)\s+out|keep(?:s|ing)?|kept|"
              r"maintain(?:s|ed|ing)?|charg(?:e|es|ed|ing))")
_AUX = r"(?:will|would|is|are|was|were|is\s+to|has|have|had|agreed\s+to|pledged\s+to|plans\s+to)"
_LEVIES = re.compile(
    r"@([A-Z]{3,8})(?:'s|\s+" + _AUX + r"\s+)?\s*(?:(?:[a-z]+ly|at\s+once|also|now|then|soon)\s+)?"
    r"(?:" + _LEVY_VERB + r"\s+)?"
    r"(?:(?:an?|the|its|their|all|remaining|most|average|applied|import|customs|" + re.escape(AMOUNT_MARK) + r"|"
    r"[0-9.]+\s*(?:%|per\s*cent|percent))\s+){0,3}"
    r"(?:tariffs?|dut(?:y|ies)|levies|tariff\s+lines)\b")
_SETS = re.compile(r"(?:'s|\b" + _AUX + r"|\b" + _LEVY_VERB + r")\s")
#: the goods a tariff is on, told by origin: "tariffs on Indian goods", "for 2,100 Chilean goods"
_GOODS_OF = re.compile(r"\b(?:on|for)\s+(?:[\d,]+\s+)?(?:(?:the|its|their|all|most)\s+)?@([A-Z]{3,8})\b")
#: "Indian goods entering the U.S.", "imports into Japan": the importing side
_ENTERING = re.compile(r"\b(?:goods|products|exports|imports|shipments)\s+(?:entering|into)\s+(?:the\s+)?@([A-Z]{3,8})\b")


#: a side's possessive right before a rate in a sentence about tariffs: "against Vietnam's 12.4 per cent"
_OWN_RATE = re.compile(r"@([A-Z]{3,8})'s\s+(?:(?:average|applied|import|own)\s+)?$")


def _sets_tariff(hit: re.Match[str], window: str) -> bool:
    """A side named as setting the tariff (its possessive, or its verb), and alone: "@KOR tariffs"
    does not say whose tariff it is, "Korea and Peru will eliminate tariffs" names both sides."""
    return _SETS.search(hit.group(0)) is not None and not re.search(r"@[A-Z]{3,8}\s+and\s+$", window[: hit.start()])


def levying_sides(before: str, right: str, pair: list[str]) -> tuple[str | None, str | None] | None:
    """ "Chile will scrap duties on 4,200 lines, which make up 71.5 percent of the total": the side
    that levies, keeps or lifts a tariff imports, and the goods come from the side named for them,
    else from the pair's other side (the corpus convention: tariff rates and duty-free shares run
    from the exporting to the importing side). ``before`` is the text before the rate that is read:
    its clause when a tariff is told right beside the rate, else its sentence.
    None unless that text names a tariff and the side that sets it."""
    text = before + " " + AMOUNT_MARK + " " + right[:80]
    entering = _ENTERING.search(text)
    window = before + " " + AMOUNT_MARK + " " + right[:40]
    mark = len(before) + 1
    levies = [hit for hit in _LEVIES.finditer(window) if _sets_tariff(hit, window)]
    own = _OWN_RATE.search(before)  # "against Vietnam's 12.4 per cent": that side's own rate
    levy = min(levies, key=lambda hit: min(abs(hit.start() - mark), abs(hit.end() - mark)), default=None)
    if own is not None:
        levy = own
    importer = entering.group(1) if entering is not None else levy.group(1) if levy is not None else None
    if importer is None:
        return None
    goods = _GOODS_OF.search(text, levy.end() if levy is not None else 0)
    origin = goods.group(1) if goods is not None and goods.group(1) != importer else None
    if origin is None:
        origin = cues.fill_from_pair(None, importer, pair)[0]
    return origin, importer


def tariff_sides(left: str, right: str, sentence_left: str, pair: list[str]) -> tuple[str | None, str | None] | None:
    """ "a 15 percent tariff on Chilean salmon", "Chilean wine faces a 15 percent duty in Japan": a
    tariff runs from the exporting side (whose goods it is on) to the importing side (which levies
    it). None when the clause names no tariff or no goods' origin.

    A tariff told right beside the rate is read in the rate's own clause first (who levies it there,
    then whose goods it is on); one told elsewhere in the sentence only by the side that sets it."""
    near = left[-60:] + " " + AMOUNT_MARK + " " + right[:60]
    if not _TARIFF.search(near):
        return levying_sides(sentence_left, right, pair) if _TARIFF.search(sentence_left) else None
    levied = levying_sides(left, right, pair)
    if levied is not None:
        return levied
    offer = _OFFERS.search(sentence_left)
    if offer is not None:  # the side that opens its market imports: the goods come from the other side
        importer = offer.group(1)
        origin = offer.group(2) if offer.group(2) and offer.group(2) != importer else \
            cues.fill_from_pair(importer, None, pair)[1]
        return origin, importer
    goods = _ON_GOODS.search(near) or _FACES.search(sentence_left)
    if goods is None:
        return None
    origin = goods.group(1)
    return cues.fill_from_pair(origin, None, pair)


#: "the US (15.41 billion USD)"; a list of partners each told with its figure: "Chile, with 30 percent of
#: shipments, Peru, with 12", "then Ghana with $80 million", "Kenya ranked first ... with"
_HEDGED = r"(?:about\s+|some\s+|nearly\s+|almost\s+|over\s+|around\s+)?$"
_PARTNER_BEFORE = re.compile(r"@([A-Z]{3,8})\s*(?:\(\s*|,?\s+with\s+(?:a\s+share\s+of\s+)?|\s+(?:ranked|ranks|came|comes)\s+"
                             r"(?:first|second|third|fourth|fifth|sixth|seventh|\d+(?:st|nd|rd|th))\b[^$;]{0,60}?\bwith\s+)"
                             + _HEDGED)
_PARTNER_AFTER = re.compile(r"^\s*(?:for|to|with)\s+(?:the\s+)?@([A-Z]{3,8})\b(?!\s*(?:'s|and\s+@))")
#: "Chile is Peru's second market after China, with $3 billion": the country a ranking is told against
#: is no item of a list; the figure "with" it is the subject's
_RANKED_AGAINST = re.compile(r"\b(?:after|behind|than|ahead\s+of|following|trailing)\s+(?:the\s+)?$", re.I)


def _listed_partner(left: str) -> re.Match[str] | None:
    """The partner a figure is told beside ("the US (15.41 billion USD)", "Peru, with 12 percent"),
    not one a ranking is told against ("after China, with $3 billion")."""
    hit = _PARTNER_BEFORE.search(left)
    if hit is not None and not left[hit.end(1):].lstrip().startswith("(") and _RANKED_AGAINST.search(left[: hit.start()]):
        return None
    return hit


def named_partner(claim: Claim, left: str, right: str) -> None:
    """ "the fourth market after the US (15.41 billion USD)", "after $79.25 billion for China": a
    figure set beside a third country is the flow with that country, not with the article's partner."""
    listed = _listed_partner(left)
    if listed is not None and claim.unit == "percent" and claim.basis is None and claim.from_ not in (None, listed.group(1)) \
            and claim.measure in ("other", "share_of_imports"):
        claim.to = listed.group(1)  # "buyers of Peruvian goods were Chile, with 30 percent": a listed market's share
        return
    if claim.basis not in ("exports", "imports") or claim.measure not in ("exports", "imports"):
        return
    hit = listed or _PARTNER_AFTER.match(right)
    if hit is None:
        return
    partner = hit.group(1)
    if claim.basis == "exports" and claim.from_ != partner:
        claim.to = partner
    elif claim.basis == "imports" and claim.to != partner:
        claim.from_ = partner


_SAME_MARKET = re.compile(r"\b(?:to|in|into)\s+the\s+same\s+(?:market|destination|country)\b", re.I)
_THOSE_OF = re.compile(r"\b(?:those|that)\s+of\s+(?:the\s+)?@([A-Z]{3,8})\b")


def same_market(claim: Claim, clause_left: str, before: Claim | None) -> None:
    """ "China's exports to the same market climbed 8.6%, while those of Canada increased 6.5%":
    the destination is the one of the figure before; "those of X" are X's exports there."""
    if before is None or before.to is None:
        return
    those = _THOSE_OF.search(clause_left[-60:])
    if _SAME_MARKET.search(clause_left) or those:
        claim.to = before.to
        if those:
            claim.from_ = those.group(1)


_ORDINAL = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|next|last|\d+(?:st|nd|rd|th))"
#: "Peru ranked second with $1 billion", "came third ... with": a place in a ranking, then its figure
_RANKED_WITH = re.compile(r"\b(?:ranked|ranks|came|comes)\s+(?:in\s+)?" + _ORDINAL + r"\b[^$;]{0,60}?\bwith\s+$", re.I)
#: "It was followed by wool with $90 million": the next item of a ranking told "with" its figure
_FOLLOWED_WITH = re.compile(r"\b(?:followed|trailed)\s+by\b[^$;]{0,60}?\bwith\s+$", re.I)
_WITH_FIGURE = re.compile(r"\bwith\s+(?:about\s+|some\s+|nearly\s+|almost\s+|over\s+|around\s+)?$", re.I)


def ranking_goes_on(left: str, before_anchor: str) -> bool:
    """Whether a figure told "with $N" (``left`` ends before it) is the next place of the ranking its
    anchor figure opened, so the same measure and sides: "ranked second with", or "followed by X
    with" after a figure that was itself told "with" (``before_anchor`` is the text right before
    that figure). Why both conditions: "came to Lima with $500 million in pledges" and "followed by
    a dinner with $2 million raised" name no place in a ranking."""
    if _RANKED_WITH.search(left):
        return True
    return bool(_FOLLOWED_WITH.search(left) and _WITH_FIGURE.search(before_anchor))

