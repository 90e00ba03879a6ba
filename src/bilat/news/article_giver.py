"""Which side of the pair gives the money an article is about, read once over the whole article.

Why: a report on a loan, a grant or an investment names its giver plainly once or twice ("Japan
will provide ...", "Korean investment in ...", "funding from Germany") and then lists the terms
and tranches in sentences that name both sides or neither ("the interest rate is 0.2 percent for
Kenya and Japan's ..."). Read one by one, those later figures take their sides from the order the
countries happen to stand in, and half of them come out reversed. When the whole article names
one side of the pair as a giver and never the other, a finance figure read the other way round is
turned to follow it. Left alone: figures about goods or duties, amounts paid back (repayments,
interest or dividends paid), and every figure of an article where the other side also has a giver
cue ("Kenya will invest", "Kenyan firms put ... into"). Known limit: a sentence that says the money
ran the other way in words none of these patterns knows is still turned.
"""

from __future__ import annotations

import re

from bilat.news.model import Claim, CountryRef
from bilat.news.text import Sentence, sentence_at, tagged

_C = r"@([A-Z]{3,8})(?:'s|’s)?"
#: words between the country and the money that make it the one in want, or the one refusing, not
#: the giver ("Kenya needs foreign investors", "Peru seeks loans", "Japan declined to finance")
_NOT_GIVER = (r"(?!(?:needs?|needed|wants?|wanted|seeks?|sought|attract\w*|receiv\w*|gets?|got|obtain\w*|secur\w*|"
              r"lacks?|courts?|woo\w*|asks?|asked|requests?\w*|hosts?|recipients?|destinations?|beneficiar\w*|"
              r"not|no|never|longer|declin\w*|refus\w*|reject\w*|won't|wouldn't|didn't|halt\w*|stop\w*|suspend\w*|"
              r"borrow\w*|owe\w*|repa\w*)\b)")
_WORD = _NOT_GIVER + r"[\w'’-]+\s+"
_FILL = r"(?:" + _WORD + r")"
#: between a country and its money only describing words stand ("Korean direct investment"), no
#: verb: "China signed a financing deal" names a party to the deal, not its giver
_DESCRIBING = (r"(?:" + _NOT_GIVER + r"(?!(?:and|or|to|a|an|the|will|would|has|have|had|is|was|are|were|signs?|signed|"
               r"agree\w*|ink\w*|seal\w*|announc\w*|discuss\w*|reach\w*|says?|said|plans?|planned|\w+ed)\b)[\w-]+\s+)")
#: the giver as the subject of a giving verb ("Japan will provide", "Germany commits to fund"); an
#: investor's other verbs count too ("Kenyan firms put $5 million into", "bought a stake"), so that
#: an article where both sides put money in has no single giver
_SUBJECT = re.compile(_C + r"\s+" + _FILL + r"{0,4}?(?:grant(?:s|ed)?|lends?|lent|extend(?:s|ed)?|"
                      r"provid(?:e|es|ed)|gave|gives?|offer(?:s|ed)?|pledg(?:e|es|ed)|disburs(?:e|es|ed)|fund(?:s|ed)?|"
                      r"financ(?:e|es|ed)|invest(?:s|ed)?|deploy(?:s|ed)?|donat(?:e|es|ed)|commit(?:s|ted)?|"
                      r"put|puts|poured?|pours|bought|buys?|acquir(?:e|es|ed))\b", re.I)
#: the giver as the maker of the money ("Korean investment", "China's loans", "JICA loan
#: assistance"), not the receiver's own office or want ("Kenya's investment needs", "... minister")
_MAKER = re.compile(_C + r"\s+" + _DESCRIBING + r"{0,2}?(?:loans?|aid|grants?|investments?|investors?|FDI|funding|financing|"
                    r"assistance|ODA|credit\s+lines?)\b(?!\s+(?:needs?|ministers?|ministry|agency|authority|board|"
                    r"promotion|climate|opportunit\w*|destinations?|laws?|policy|policies|regime|environment)\b)", re.I)
#: the giver after the money: "investment from Korea", "a loan by China", "The loan, extended by
#: Japan", "credit worth $300 million from Japanese banks", "borrowed from Japan"
_FROM = re.compile(r"\b(?:loans?|aid|grants?|investments?|FDI|funding|funds|financing|assistance|capital|credit|borrow\w*)"
                   r",?\s+(?:[^\s;]+\s+){0,3}?(?:from|by)\s+(?:the\s+)?@([A-Z]{3,8})", re.I)
#: the lender named by the debt: "Zambia owes China", "Zambia's debt to China"
_OWED = re.compile(r"@[A-Z]{3,8}(?:'s|’s)?\s+(?:[\w-]+\s+){0,2}?(?:owes?|owed|debts?\s+to|arrears\s+to)\s+(?:the\s+)?"
                   r"@([A-Z]{3,8})", re.I)
#: the giver as what it is: "China was the third largest source of FDI", "China is Argentina's biggest lender"
_ROLE = re.compile(_C + r",?\s+(?:is|was|remains|became|has\s+been|the)\s+(?:" + _WORD + r"|@[A-Z]{3,8}(?:'s|’s)\s+){0,4}?"
                   r"(?:source|lender|donor|investor|creditor|financier)s?\b(?!\s+(?:destinations?|recipients?)\b)", re.I)
#: a figure's sentence is about money given when it holds one of these words
_FINANCE = re.compile(r"(?i)\b(?:loans?|lend\w*|lent|credit|grants?|aid|donat\w*|fund\w*|financ\w*|invest\w*|FDI|"
                      r"assistance|ODA|interest|concession\w*|tranches?|disburs\w*|capital|debts?|owe[sd]?|borrow\w*)\b")
#: ... and is not about goods or duties, whose sides the flow's own words settle
_GOODS = re.compile(r"(?i)\b(?:exports?|imports?|exported|imported|trade|tariffs?|duty|duties|shipments?)\b")
#: ... nor an amount paid back ("repaid $200 million to", "paid $40 million in interest": repayments,
#: interest, dividends and profits run from the receiver to the giver). A rate is a term of the loan
#: and runs with it ("will pay only 0.01 per cent interest, with a 40-year repayment period")
_PAID_BACK = re.compile(r"(?i)\b(?:repa(?:id|y|ys|ying)|repayments?\s+(?:to|of)|paid|pays?|paying|dividends?|profits?|repatriat\w*|earn\w*|"
                        r"contribut\w*|counterpart)\b")


def article_giver(view: str, sents: list[Sentence], refs: list[CountryRef], pair: list[str]) -> str | None:
    """The side of ``pair`` the article names as giving money, when it names exactly one."""
    if len(pair) != 2:
        return None
    givers: set[str] = set()
    for sent in sents:
        words = tagged(view, sent.start, sent.end, refs)
        for pattern in (_SUBJECT, _MAKER, _FROM, _OWED, _ROLE):
            givers.update(code for code in pattern.findall(words) if code in pair)
    return next(iter(givers)) if len(givers) == 1 else None


def follow_the_giver(view: str, sents: list[Sentence], refs: list[CountryRef], pair: list[str],
                     claims: list[Claim]) -> None:
    """Turn the finance figures read from the receiver to the giver when the article has one giver."""
    if len(pair) != 2:
        return
    starts = [s.start for s in sents]
    candidates = []  # finance figures between the two sides: only they need the article read for givers
    for claim in claims:
        if claim.measure != "other" or claim.from_ not in pair or claim.to not in pair or claim.from_ == claim.to:
            continue
        sent = sentence_at(sents, starts, claim.start)
        if sent is not None and _FINANCE.search(sent.text) and not _GOODS.search(sent.text) \
                and (claim.unit == "percent" or not _PAID_BACK.search(sent.text)):
            candidates.append(claim)
    if not candidates:
        return
    giver = article_giver(view, sents, refs, pair)
    if giver is None:
        return
    receiver = pair[1 - pair.index(giver)]
    for claim in candidates:
        if (claim.from_, claim.to) == (receiver, giver):
            claim.from_, claim.to = giver, receiver
