"""An article that writes decimal commas ("$585,76 million", "20,5%") writes "$1,858 billion" for
1.858 billion too.

Why: :mod:`.money` reads a comma before one or two digits as a decimal comma, and a comma before
three as a thousands separator, which is right for a text that uses one convention for each. Papers
and wires from countries that write decimal commas (much of Africa, Europe and Latin America) keep
that habit in English copy, so in the same article a comma before three digits and a scale word of
a billion or more is a decimal comma as well: a sum "1,858 billion" read with a thousands comma would
be a thousand times the figures around it. Millions are left alone ("$1,858 million" is common in
either convention).
"""

from __future__ import annotations

import re

from bilat.news.model import Claim

_DECIMAL_COMMA = re.compile(r"(?<![\d,])\d{1,3},\d{1,2}(?![\d,])\s*(?:%|per\s?cent|percent|pc\b|million|billion|trillion|"
                            r"mn\b|bn\b|m\b|b\b)", re.I)
_DECIMAL_POINT = re.compile(r"(?<![\d.,])\d+\.\d+(?![\d.,])\s*(?:%|per\s?cent|percent|pc\b|million|billion|trillion|"
                            r"mn\b|bn\b|m\b|b\b)", re.I)
_COMMA_THREE_BIG = re.compile(r"(?<![\d,])\d{1,3},\d{3}(?![\d,])\s*(?:billion|trillion|bn\b|tn\b)", re.I)


def uses_decimal_commas(text: str) -> bool:
    """True when the text writes more decimal commas than decimal points before a percent or a scale word.

    Why a count and not the first comma: English copy that writes "3.5 billion" and "2.1%" may still
    carry one stray "20,5%" (a quoted source, a pasted table); its "1,200 billion" is then a
    thousands comma. A text whose figures are mostly written with commas keeps that convention.
    """
    commas = len(_DECIMAL_COMMA.findall(text))
    return commas > 0 and commas > len(_DECIMAL_POINT.findall(text))


def rescale(claim: Claim, amount_text: str) -> None:
    """Read "1,858 billion" as 1.858 billion in a text that writes decimal commas."""
    if claim.value is not None and _COMMA_THREE_BIG.search(amount_text):
        claim.value = claim.value / 1000
