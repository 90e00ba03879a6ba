"""A goal in one short sentence ("double ISR-JPN total trade from 2016 by 2022"), for `bilat target add --goal`."""

from __future__ import annotations

import re
from typing import Any

from bilat.errors import BilatError

_WORD_MULTIPLIERS = {"double": 2.0, "triple": 3.0, "quadruple": 4.0}
_GOAL = re.compile(
    r"^\s*(?:(?P<word>double|triple|quadruple)|(?:multiply\s+by\s+|x\s*)?(?P<times>\d+(?:\.\d+)?)\s*(?:x|times)"
    r"|(?:grow|increase|raise)\s+by\s+(?P<growth>\d+(?:\.\d+)?\s*%)"
    r"|(?:reach|bring\s+to)\s+\$?\s*(?P<value>\d+(?:\.\d+)?)\s*(?P<unit>bn|billion|b|m|million|mn)?)\s+"
    r"(?P<a>[A-Za-z]{3})\s*[-–/]\s*(?P<b>[A-Za-z]{3})\s+(?P<measure>total\s+trade|trade|exports|imports)"
    r"(?:\s+from\s+(?P<base>\d{4}))?(?:\s+by\s+(?P<by>\d{4}))?\s*$",
    re.IGNORECASE,
)


def parse_goal(text: str) -> dict[str, Any]:
    """Fields of :func:`make_target` from a short sentence.

    Understands "double ISR-JPN total trade from 2016 by 2022", "3x ISR-JPN exports from 2016",
    "grow by 50% ISR-JPN trade from 2016 by 2020" and "reach $10 bn ISR-JPN trade from 2016 by 2025".
    """
    m = _GOAL.match(text)
    if not m:
        raise BilatError(
            f"cannot read the goal {text!r}; write e.g. \"double ISR-JPN total trade from 2016 by 2022\" "
            "or use the options (bilat target add ISR JPN --multiplier 2 --base-year 2016 --by-year 2022)"
        )
    g = m.groupdict()
    fields: dict[str, Any] = {"a": g["a"], "b": g["b"], "measure": g["measure"].split()[-1] if g["measure"] != "total trade" else "total",
                              "quote": text.strip()}
    if g["measure"].lower() == "trade":
        fields["measure"] = "total"
    if g["word"]:
        fields["multiplier"] = _WORD_MULTIPLIERS[g["word"].lower()]
    elif g["times"]:
        fields["multiplier"] = float(g["times"])
    elif g["growth"]:
        fields["growth"] = g["growth"].replace(" ", "")
    else:
        unit = (g["unit"] or "").lower()
        scale = 1e9 if unit in ("bn", "billion", "b") else 1e6 if unit in ("m", "million", "mn") else 1.0
        fields["target_value"] = float(g["value"]) * scale
    if g["base"]:
        fields["base_year"] = int(g["base"])
    if g["by"]:
        fields["by_year"] = int(g["by"])
    return fields
