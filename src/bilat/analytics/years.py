"""A span of years as the commands and questions write it ("2012-2017", "2016").

Why its own module: :mod:`bilat.analytics.flows` imports Ibis and pandas, and a command that only
needs to read ``--years`` (``bilat flows`` on its plain SQL path) should not pay for them.
"""

from __future__ import annotations


def parse_years(text: str | None) -> tuple[int, int] | None:
    """``"2012-2017"`` -> (2012, 2017); ``"2016"`` -> (2016, 2016); None -> None."""
    if text is None or str(text).strip() == "":
        return None
    text = str(text).strip()
    try:
        if "-" in text:
            first, last = (int(part) for part in text.split("-", 1))
        else:
            first = last = int(text)
    except ValueError:
        from bilat.errors import BilatError

        raise BilatError(f"years must look like 2016 or 2012-2017, got {text!r}") from None
    if first > last:
        first, last = last, first
    return first, last
