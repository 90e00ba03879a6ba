"""The sides of a claim the clause leaves open, and which earlier figure a comparison base is of.

Split from :mod:`.claims` (which reads one amount's words) because these look past the clause:
the article's pair, the exporter its earlier figures named, a third country set beside the
figure, "the same market", the figure of the sentence before.
"""

from __future__ import annotations

import re

import bilat.news.cues as cues
from bilat.news.discourse import Discourse
from bilat.news.direction import WHOLE_BEFORE, named_partner, same_market, settle_direction
from bilat.news.model import Claim, CountryRef
from bilat.news.money import Amount
from bilat.news.text import Sentence, tagged
from bilat.news.timing import TO_FIGURE


def settle_sides(view: str, sent: Sentence, amount: Amount, refs: list[CountryRef], claim: Claim, pair: list[str],
                  previous: Claim | None, state: Discourse, c_left: int) -> None:
    """The sides the clause leaves open: from the pair, the article's subject side so far (the
    discourse state), a third country set beside the figure, "the same market"."""
    subject = state.subject()
    if not WHOLE_BEFORE.search(sent.text[: amount.hedge_start]) and not getattr(claim, "_world", False):
        settle_direction(claim, pair, previous, subject)
        if subject is not None and claim.measure in ("exports", "growth") and len(pair) == 2:
            # "... worth N49.4 billion were imported from China": a third country's flow with the article's own side
            if claim.basis == "imports" and claim.to is None and claim.from_ not in (None, *pair):
                claim.to = subject
            elif claim.basis == "exports" and claim.from_ is None and claim.to not in (None, *pair):
                claim.from_ = subject
    if claim.measure == "exports" and claim.to is None and claim.from_ not in (None, *pair) and previous is not None \
            and not getattr(claim, "_world", False) and previous.basis == "exports" and previous.to is not None \
            and previous.from_ not in (None, claim.from_):
        claim.to = previous.to  # "X sold A to Peru, while Chile shipped B": the same market (not X's total exports)
    near_left, near_right = _sides(view, sent, amount, refs)
    named_partner(claim, near_left, near_right)
    left = tagged(view, sent.start, sent.start + amount.hedge_start, refs)
    buyer = buyer_sides(left, near_right)
    if buyer is not None:
        claim.from_, claim.to = buyer
    remitted = remittance_sides(left)
    if remitted is not None:
        claim.from_, claim.to = remitted
    elif claim.measure == "other" and len(pair) == 2:
        source = money_source(left)
        if source in pair:  # "the FDI from Peru so far tops $2 billion": the investor named
            claim.from_, claim.to = source, pair[1 - pair.index(source)]
    clause_start = sent.start + c_left
    same_market(claim, tagged(view, clause_start, sent.start + amount.hedge_start, refs),
                state.export_destination(clause_start))


def _sides(view: str, sent: Sentence, amount: Amount, refs: list[CountryRef]) -> tuple[str, str]:
    """The tagged words just before and just after an amount."""
    s0 = sent.start
    return (tagged(view, max(s0, s0 + amount.hedge_start - 60), s0 + amount.hedge_start, refs),
            tagged(view, s0 + amount.end, min(s0 + len(sent.text), s0 + amount.end + 60), refs))


def anaphoric_figure(view: str, sent: Sentence, zone, refs: list[CountryRef], anchor: Claim | None) -> Claim | None:
    """The figure of an earlier sentence a base is compared with, when this sentence names no
    flow of its own before the base ("The figure fell 80 percent compared to 2022 ($24,500)")."""
    if anchor is None or cues.nearest_cue(tagged(view, sent.start, sent.start + zone.start, refs)) is not None:
        return None
    return anchor


def has_own_flow(view: str, sent: Sentence, zone, amount: Amount, refs: list[CountryRef]) -> bool:
    """True when a comparison base says what it measures ("against imports from Kenya of €327
    million"): then it is not simply the figure before it in another year."""
    s0 = sent.start
    words = tagged(view, s0 + zone.start, s0 + amount.hedge_start, refs) + " " + tagged(view, s0 + amount.end, s0 + zone.end, refs)
    return cues.nearest_cue(words) is not None or re.search(r"@[A-Z]{3,8}", words) is not None


_OWN_EXPORTS = re.compile(r"@([A-Z]{3,8})(?:'s|’s)\s+(?:[\w-]+\s+){0,2}?exports\b")
_EXPORTS_TO = re.compile(r"(?i:\bexports?\s+to\s+(?:the\s+)?)@([A-Z]{3,8})")


def text_exporter(head: str, pair: list[str]) -> str | None:
    """The side of the pair whose exports the text speaks of first, with or without a figure
    ("Exports to Afghanistan dropped by around nine per cent", "Kenya's exports hit ..."):
    the side an unnamed flow later in the text most likely leaves from. ``head`` is tagged."""
    if len(pair) != 2:
        return None
    found = [(m.start(), m.group(1)) for m in _OWN_EXPORTS.finditer(head) if m.group(1) in pair]
    found += [(m.start(), pair[1 - pair.index(m.group(1))]) for m in _EXPORTS_TO.finditer(head) if m.group(1) in pair]
    return min(found)[1] if found else None


def change_takes_sides(change: Claim | None, figure: Claim, between: str) -> None:
    """ "X's deficit with Y jumped 285% to $585 million": a change that leads to a figure is the
    change of that flow, so its sides are the figure's when the change's own words left one open
    (the one they named then came from a guess: the first country of the sentence)."""
    if change is None or change.measure != "growth" or change.unit != "percent" or not TO_FIGURE.fullmatch(between):
        return
    if figure.from_ is None or figure.to is None or (change.from_ is not None and change.to is not None):
        return
    change.from_, change.to = figure.from_, figure.to


#: "machinery worth $4.3 billion; iron and steel worth $1.2 billion; plastics worth $773 million":
#: goods listed one after another, each with its value, and no country between them
_ITEM_NEXT = re.compile(r"^\)?\s*[;,]\s*(?:and\s+)?(?:[a-z][\w'’-]*,?\s+){1,7}"
                        r"(?:worth|valued\s+at|amounting\s+to|at|with)\s+(?:about\s+|some\s+|nearly\s+|over\s+|roughly\s+|around\s+)?$")


def item_list_goes_on(between: str) -> bool:
    """True when the words since the figure before are the next item of a list of goods with their
    values: that figure's measure and sides go on. Why lower-case words only: a country or a company
    named between the figures starts a flow of its own."""
    return _ITEM_NEXT.match(between) is not None


#: "remittances from Kenyans working in Uganda", "remittances of Kenyan workers in Uganda"
_REMITTED = re.compile(r"\b[Rr]emittances?\s+(?:sent\s+)?(?:from|of|by)\s+(?:the\s+)?@([A-Z]{3,8})\s+(?:[a-z]+\s+){0,3}?"
                       r"(?:working|living|employed|based|residing)?\s*in\s+@([A-Z]{3,8})\b")
_OTHER_FLOW = re.compile(r"\b(?:exports?|imports?|trade|investments?|FDI|loans?|aid)\b|[;]|@[A-Z]{3,8}", re.I)


def remittance_sides(left: str) -> tuple[str, str] | None:
    """(from, to) of a remittance figure: the money goes from the country where the people work to
    their own, whatever way round the sentence names them. ``left`` is the tagged sentence before
    the figure; None when the last flow named before it is not a remittance."""
    found = list(_REMITTED.finditer(left))
    if not found or _OTHER_FLOW.search(left[found[-1].end() :]):
        return None
    return found[-1].group(2), found[-1].group(1)


#: "the total FDI from India", "loans from China": the money's source named right after its noun
_FROM_SOURCE = re.compile(r"\b(?:investments?|FDI|aid|loans?|credits?|funding|grants?)\s+(?:[a-z]+\s+){0,2}?from\s+"
                          r"(?:the\s+)?@([A-Z]{3,8})\b")


def money_source(left: str) -> str | None:
    """The country an investment, loan or grant comes from when the words before the figure say
    "<noun> from <country>" and name no country after it; None otherwise. Why: a body named
    earlier in the sentence (the statistics office of the partner, quoted as the source) is not the investor."""
    found = list(_FROM_SOURCE.finditer(left))
    if not found or _OTHER_FLOW.search(left[found[-1].end() :]):
        return None
    return found[-1].group(1)


#: "the U.S. ... receiving €219 billion of EU goods": the buyer before the verb, the seller after
_RECEIVER = re.compile(r"@([A-Z]{3,8})\b[^;]{0,80}?\b(?:receiving|received|receives|buying|bought|buys|taking|took|"
                       r"absorbing|absorbed|absorbs)\s+(?:about\s+|some\s+|nearly\s+|over\s+)?$")
_OF_GOODS = re.compile(r"^\s*(?:\([^)]{0,40}\)\s*)?(?:worth\s+)?of\s+(?:the\s+)?@([A-Z]{3,8})(?:'s)?\s+(?:[a-z-]+\s+)?"
                       r"(?:goods|products|exports|shipments|merchandise)\b")
#: "Chile was the largest import source for Peru at $2 billion": the supplier, then the buyer
_SOURCE_FOR = re.compile(r"@([A-Z]{3,8})\s+(?:was|is|remained|remains|became|stood\s+as)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
                         r"(?:import\s+source|source\s+of\s+imports|supplier)\s+(?:for|of|to)\s+(?:the\s+)?"
                         r"@([A-Z]{3,8})(?:'s)?(?:\s+[a-z]+){0,2}\s*$")


def buyer_sides(left: str, right: str) -> tuple[str, str] | None:
    """(from, to) when the words around a figure name the buyer and the seller by their roles
    rather than by "exports to" / "imports from": "X received N of Y goods", "X was the top
    import source for Y at N". None for any other wording."""
    source = _SOURCE_FOR.search(left)
    if source and source.group(1) != source.group(2):
        return source.group(1), source.group(2)
    receiver, goods = _RECEIVER.search(left), _OF_GOODS.match(right)
    if receiver and goods and receiver.group(1) != goods.group(1):
        return goods.group(1), receiver.group(1)
    return None

