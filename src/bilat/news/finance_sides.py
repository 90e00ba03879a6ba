"""Who pays whom: the sides of a loan, a credit line, an investment, a grant.

Money that is not a trade flow still runs from one party to the other: from the lender, investor
or donor to the borrower or recipient. The wording says it in several ways ("Indian investment in
Kenya", "Venezuela receives a credit line from China", "Beijing has granted his country a $5
billion credit line", "Mexican firms have invested $3.7 billion in Peru").
"""

from __future__ import annotations

import re

import bilat.news.cues as cues
from bilat.news.model import Claim
from bilat.news.receivers import receiver_after, receiver_first

#: "Indian investment in Kenya", "Turkish investment in the economy of Peru"
_INVESTOR = re.compile(r"@([A-Z]{3,8})(?:'s)?\s+(?:[a-z-]+\s+){0,2}?(?:investments?|FDI|aid|loans?|lending)\s+"
                       r"(?:in|into|to)\s+(?:the\s+)?(?:(?:economy|economies|market|industry|industries)\s+of\s+(?:the\s+)?)?"
                       r"@([A-Z]{3,8})")
#: "... invested $85 billion in Vietnam": the receiver named after the amount
_TARGET = re.compile(r"^\s*(?:[\w@'-]+\s+){0,4}?(?:in|into|to)\s+(?:the\s+)?@([A-Z]{3,8})")
#: "a $5 billion credit line", "$45-billion investment plan": a finance noun right after the amount
FINANCE_AFTER = re.compile(r"^\s*(?:[\w-]+\s+){0,2}?(?:credit\s+lines?|lines?\s+of\s+credit|loans?|investment\s+plan|"
                           r"grants?|aid\s+package|financing\s+package|soft\s+loans?)\b", re.I)
#: "Beijing has granted his country", "Japan will lend Egypt": the giver before the verb, the receiver after
_GIVER = re.compile(
    r"@([A-Z]{3,8})(?:'s)?\s+(?:[\w-]+\s+){0,4}?(?:(?:has|have|had|will|would|to|agreed\s+to)\s+)?"
    r"(?:granted|grants?|lent|lends?|lend|extended|extends?|extend|provided|provides?|provide|gave|gives?|give|"
    r"offered|offers?|offer|pledged|pledges?|pledge|disbursed|disburses?)\s+(?:(?:the\s+|his\s+|her\s+|its\s+|their\s+)?"
    r"(?:@([A-Z]{3,8})|country|nation|government)\s+)?(?:(?:with\s+)?an?\s+)?(?:about\s+|some\s+|nearly\s+)?$")
#: "Mexican firms have invested": the investors' country names the side the money leaves
_INVESTORS = re.compile(r"@([A-Z]{3,8})(?:'s)?\s+(?:[\w-]+\s+)?(?:firms|companies|investors|businesses|enterprises)\s+"
                        r"(?:have\s+|had\s+|has\s+)?(?:already\s+)?(?:invested|poured|put)\s+(?:about\s+|some\s+|nearly\s+)?$")

#: "the UAE said it would invest $10 billion", "hopes Qatar will invest": the subject of "invest" is the
#: investor, wherever another country stands earlier in the sentence (it was read as the investor)
_WILL_INVEST = re.compile(r"@([A-Z]{3,8})(?:'s)?\s+(?:[\w-]+\s+){0,6}?(?:will|would|to|could|can|shall)\s+"
                          r"(?:also\s+)?invest\s+(?:about\s+|some\s+|nearly\s+|up\s+to\s+|over\s+|more\s+than\s+)?$")


#: "the Chinese group bought a 90-percent stake in a Hungarian glass maker (for 1.1 billion euros)": an
#: investment from the buyer's side to the side of what it buys into, not a purchase of goods
_STAKE = re.compile(r"(?:@([A-Z]{3,8})\b[^.;@]{0,60}?\s)?(?:bought|buys|purchased|purchases|acquired|acquires|took|takes)\s+"
                    r"(?:an?\s+|the\s+|its\s+)?(?:[\w-]+\s+){0,2}?(?:stake|holding)\s+in\b(?P<rest>[^.;]{0,160})")
#: a flow told between the stake and the amount ("bought a stake in a mine, and its exports hit $2 billion")
_FLOW_BETWEEN = re.compile(r"\b(?:exports?|imports?|exported|imported|trade|shipments|sales|sold)\b", re.I)


#: "defence contracts with French shipbuilders for €300 million", "deals on investment agreed between
#: Zambia and Chinese firms": a deal's other side is its firms; the money runs from their country to the host
_FIRMS_OF = re.compile(r"\b(?:agreements?|contracts?|deals?|investments?|accords?|pacts?|MoUs?)\b[^.;@]{0,60}?"
                       r"\b(?:with|between\s+(?:the\s+)?@(?P<host>[A-Z]{3,8})\s+and)\s+(?:the\s+)?@(?P<firms>[A-Z]{3,8})\s+"
                       r"(?:[\w-]+\s+){0,2}?(?:companies|firms|businesses|makers|manufacturers|investors|enterprises|groups|"
                       r"contractors|suppliers|shipbuilders|producers|exporters|banks|lenders)\b", re.I)


def firms_sides(sentence: str, pair: list[str]) -> tuple[str | None, str | None] | None:
    """(the firms' side, the host) when the sentence tells a deal or investment with another side's firms."""
    hit = _FIRMS_OF.search(sentence)
    if hit is None or hit.group("firms") not in pair:
        return None
    host = hit.group("host")
    return cues.fill_from_pair(hit.group("firms"), host if host != hit.group("firms") else None, pair)


def buys_stake(sentence_left: str) -> bool:
    """Whether the sentence before an amount tells a stake bought ("bought a 30 percent stake in ... for"),
    with no other flow told between the stake and the amount."""
    hit = _STAKE.search(sentence_left)
    return hit is not None and _FLOW_BETWEEN.search(hit.group("rest")) is None


def stake_sides(sentence_left: str, pair: list[str]) -> tuple[str | None, str | None] | None:
    """(buyer's side, side bought into) of a stake bought, None unless the sentence tells one."""
    hit = _STAKE.search(sentence_left)
    if hit is None or _FLOW_BETWEEN.search(hit.group("rest")) is not None:
        return None
    buyer = hit.group(1)
    target = next((c for c in re.findall(r"@([A-Z]{3,8})", hit.group("rest")) if c != buyer), None)
    return cues.fill_from_pair(buyer, target, pair)


def investment_sides(text: str) -> tuple[str, str] | None:
    """(investor, recipient) when ``text`` names an investment by both its sides ("the volume of
    Turkish investment in the economy of Peru rose by 14%": a change of that flow)."""
    hit = _INVESTOR.search(text)
    return (hit.group(1), hit.group(2)) if hit is not None and hit.group(1) != hit.group(2) else None


def gives_money(left: str) -> bool:
    """True when the words before an amount say one party gives it to another ("Japan will lend Egypt")."""
    return _GIVER.search(left) is not None


def finance_sides(claim: Claim, left: str, right: str, sentence_left: str, pair: list[str]) -> None:
    """Set ``from_`` (lender, investor, donor) and ``to`` (borrower, recipient) of a money claim."""
    stake = stake_sides(sentence_left, pair)
    if stake is not None:
        claim.from_, claim.to = stake
        return
    giver = _GIVER.search(left) or _GIVER.search(sentence_left)
    if giver:
        claim.from_ = giver.group(1)
        claim.to = giver.group(2) or cues.fill_from_pair(claim.from_, None, pair)[1]
        return
    investors = _INVESTORS.search(left) or _INVESTORS.search(sentence_left)
    if investors:
        claim.from_ = investors.group(1)
        target = _TARGET.match(right)
        claim.to = target.group(1) if target else cues.fill_from_pair(claim.from_, None, pair)[1]
        return
    subject = _WILL_INVEST.search(left) or _WILL_INVEST.search(sentence_left)
    if subject:
        target = _TARGET.match(right)
        claim.from_ = subject.group(1)
        claim.to = target.group(1) if target and target.group(1) != claim.from_ else cues.fill_from_pair(claim.from_, None, pair)[1]
        return
    investor = _INVESTOR.search(sentence_left)  # "Indian investment in Kenya, already over $4 billion"
    if investor:
        claim.from_, claim.to = investor.group(1), investor.group(2)
        return
    firms = firms_sides(sentence_left + " " + right, pair)  # (after the named giver and investor rules)
    if firms is not None:
        claim.from_, claim.to = firms
        return
    source = re.search(r"\bfrom\s+(?:the\s+)?@([A-Z]{3,8})", right)
    target = _TARGET.match(right)
    named = re.match(r"^\s*(?:worth\s+)?(?:of|in)\s+(?:[a-z-]+\s+){0,2}?@([A-Z]{3,8})(?:'s)?\s+(?:[a-z-]+\s+)?"
                     r"(?:investments?|FDI|aid|loans?|funding|capital)\b", right)
    if named and (target is None or target.group(1) != named.group(1)):
        # "$2 billion of Korean capital brought to Peru": from the investor named in the phrase
        claim.from_ = named.group(1)
        claim.to = target.group(1) if target else cues.fill_from_pair(claim.from_, None, pair)[1]
    elif source:  # "India received $1 billion in investments from Australia"
        claim.from_, claim.to = source.group(1), cues.country_before(left)
    elif target:  # "companies have invested $85 billion in Vietnam"
        claim.to = target.group(1)
        claim.from_ = next((c for c in re.findall(r"@([A-Z]{3,8})", sentence_left) if c != claim.to), None) \
            or cues.fill_from_pair(None, claim.to, pair)[0]  # "we have extended $8 billion to Bangladesh"
    else:
        claim.from_ = cues.first_country(sentence_left) or cues.first_country(right)
        claim.from_, claim.to = receiver_after(right, pair) or receiver_first(sentence_left, pair) or (
            claim.from_, claim.to)  # "a plan that can help Chile", "To help Chile rebuild ..., we will lend"
