"""How many days back a bare weekday lies from the page's date.

Why a module of its own: the rule is about how wire copy is dated, not about any one reader. A
page's date (its URL, its dateline prefix) is the publisher's day, often a time zone behind the
place of the news: a signing in Canberra or Dubai "on Friday" is told on a page dated Thursday in
London or New York. A bare weekday is otherwise read as the latest such day up to the page's date,
so that Friday became the Friday six days earlier. A story six days old names its weekday with
"last" ("last Friday"); a bare weekday one day after the page's date is that next day.
"""

from __future__ import annotations

import datetime as dt
import re

#: "last Friday", "the previous Monday": a weekday of the week before, read back as written
_BEFORE = re.compile(r"\b(?:last|past|previous|preceding)\s+$", re.I)


def weekday_back(published: dt.date, weekday: int, before: str) -> int:
    """Days from ``published`` back to the weekday ``weekday`` (0 = Monday); ``-1`` for the next day.

    ``before`` is the text just before the weekday (a "last" keeps it a week back).
    """
    back = (published.weekday() - weekday) % 7
    if back == 6 and not _BEFORE.search(before[-20:]):
        return -1  # the page is dated Thursday, the news "on Friday": the next day, across time zones
    return back
