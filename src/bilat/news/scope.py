"""Amounts that are not about trade: what a claim must *not* be read from.

Why a module of its own: on unseen articles most false claims are numbers of another kind near
the countries of the story: a company's revenue, a market's size, a share price, inflation or
unemployment. The corpus's scope is trade flows, investment, loans, aid, funds, deal values,
tariffs and GDP; anything else is left out. Each rule fires only when no word of that scope
stands next to the amount, so "sales of $2 billion to Japan" or "a $3 billion market for
exports" stay claims.
"""

from __future__ import annotations

import re

from bilat.news.cues import AMOUNT

#: Words that put an amount in scope (a flow, an investment, a deal, a tariff, GDP).
_IN_SCOPE = re.compile(
    r"\b(?:trade[sd]?|trading|(?<!-)commerce|exports?|exported|imports?|imported|shipments?|shipped|tariffs?|dut(?:y|ies)|"
    r"invest\w*|FDI|aid|loans?|lend\w*|grants?|funds?|funding|financ\w*|contracts?|deals?|agreements?|purchases?|"
    r"bought|buy|orders?|swap|credit|GDP|gross\s+domestic|economy|surplus|deficit|turnover)\b",
    re.I,
)
#: A company's results: "posted sales of $17 billion", "reported annual revenue of $200 billion".
_COMPANY_RESULTS = re.compile(
    r"\b(?:posted|posts|reported|reports|recorded|records|booked|books|had|has|generated|generates|earned|earns)\s+"
    r"(?:an?\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:sales|revenues?|turnover|profits?|net\s+income|earnings|losses?)"
    r"\s+(?:of\s+)?(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+)?$",
    re.I,
)
#: a listed company's shares ("the firm's shares fell 4 percent"), not a country's share of a flow
_COMPANY_SHARES = r"(?:its|their|(?:firm|company|group|bank|lender|carmaker|maker|miner|operator|producer)(?:['’]s)?)\s+shares"
_OTHER_MONEY = re.compile(
    r"\b(?:revenues?|profits?|net\s+income|earnings|market\s+(?:cap\w*|value|valuation)|valuation|salar(?:y|ies)|"
    r"wages?|(?:share|stock|oil|house|home|property)\s+prices?|prices?|fines?|fortune|ticket|"
    + _COMPANY_SHARES + r")\b",
    re.I,
)
#: "the e-commerce market is worth $16 billion", "a market of $5 billion", "a $16 billion market"
_MARKET = re.compile(
    r"\bmarkets?\s+(?:(?:is|was|has\s+been|are|were)\s+)?(?:(?:now\s+|currently\s+)?(?:worth|valued\s+at|estimated\s+at|"
    r"sized\s+at|of)|size\s+(?:of|is|was|at))\s+(?:about\s+|around\s+|some\s+|nearly\s+|over\s+)?" + AMOUNT
    + r"|" + AMOUNT + r"\s+(?:[\w-]+\s+){0,2}?markets?\b(?!\s+access)",
    re.I,
)
_OTHER_PERCENT = re.compile(
    r"\b(?:inflation|unemployment|jobless(?:ness)?|interest\s+rates?|policy\s+rate|mortgage|poll(?:s|ed|ing)?|votes?|"
    r"turnout|approval|literacy|population|birth\s+rate|poverty|stocks?|" + _COMPANY_SHARES + r"|"
    r"index|yields?|bonds?\s+yields?)\b",
    re.I,
)


_NET_WORTH = re.compile(r"\bnet\s+worth\b", re.I)
_FLOW_WORD = re.compile(r"\b(?:exports?|imports?|export\s+market|shipments|trade)\b", re.I)


_RATE_AFTER = re.compile(r"^\s*=\s*\S")
_RATE_BEFORE = re.compile(r"\d\s*=\s*$")


def out_of_scope(left: str, right: str, unit: str) -> bool:
    """Whether the amount between ``left`` and ``right`` (its clause, tagged) measures something
    other than trade, investment, aid, deals, tariffs or GDP, so that it is no claim at all."""
    if unit == "money" and _COMPANY_RESULTS.search(left):
        return True  # "sales" is an export word, but not after "posted"
    if unit == "money" and (_RATE_AFTER.match(right) or _RATE_BEFORE.search(left)):
        return True  # "(US$1=RM4.18)": an exchange rate, not a sum
    near = left[-40:] + " " + AMOUNT + " " + right[:30]  # the words next to the amount, not the clause
    if _IN_SCOPE.search(near):
        return False
    if unit == "money":
        if _NET_WORTH.search(near):  # a person's or a firm's, unless the clause is about a flow ("export market ... worth")
            return not _FLOW_WORD.search(left)
        return bool(_OTHER_MONEY.search(near) or _MARKET.search(near))
    if unit == "percent":
        return bool(_OTHER_PERCENT.search(near))
    return False
