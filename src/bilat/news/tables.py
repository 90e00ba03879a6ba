"""Tables of trade figures in an article: "(US$ million)" headed rows of years, read as claims.

Embassy and ministry pages print bilateral trade as a small table, and a scraper flattens it to
text: the cells end up separated by spaces, tabs, bars or line breaks. The numbers have no
currency sign, so the sentence rules never see them. This reader works on the token stream
after a unit line:

1. a *unit line* names the currency and scale of every cell ("(in US$ million)", "Unit: USD mn",
   "Values in € billion");
2. the *column names* are the flow words between the unit line and the first year
   ("Year | India's exports | India's imports | Total trade | Growth (%)");
3. every *row* is a year (or fiscal year, "2016-17") followed by one number per column; a dash
   or "n.a." is an empty cell.

Each cell becomes a claim: exports/imports/total by its column, direction from the country in
the column name (else the country the unit line or title names, else the article's first-named
party), value times the table's scale (growth and share columns stay in percent).
"""

from __future__ import annotations

import re

from bilat.news.model import Claim, CountryRef
from bilat.news.text import tagged

_CUR = r"(?P<cur>US\s?\$|U\.S\.\s?\$|USD|US\s+dollars?|\$|€|EUR|euros?|£|GBP|Rs\.?|INR|₹|rupees|yen|JPY|¥)"
_SCL = r"(?P<scale>millions?|mn|mln|billions?|bn|thousands?|crores?|lakhs?)"
UNIT_LINE = re.compile(
    r"(?i)(?:\(\s*(?:in\s+)?|\bin\s+|\bunit\s*:\s*|\bvalues?\s+in\s+|\bfigures\s+in\s+)(?:"
    + _CUR + r"\s*" + _SCL + r"|" + _SCL.replace("scale", "scale2") + r"\s+(?:of\s+)?" + _CUR.replace("cur", "cur2")
    + r")\b\)?"
)
#: a title that ends in its unit: "Bilateral trade, US$ million" (a line of its own)
UNIT_AT_END = re.compile(r"(?im)(?:,[ \t]*|^[ \t]*)" + _CUR + r"[ \t]*" + _SCL + r"[ \t]*$")
_SCALES = {"million": 1e6, "mn": 1e6, "mln": 1e6, "billion": 1e9, "bn": 1e9, "thousand": 1e3, "crore": 1e7,
           "lakh": 1e5}
_CURRENCIES = {"us$": "USD", "u.s.$": "USD", "usd": "USD", "us dollar": "USD", "us dollars": "USD", "$": "USD",
               "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "£": "GBP", "gbp": "GBP", "rs": "INR",
               "rs.": "INR", "inr": "INR", "₹": "INR", "rupees": "INR", "yen": "JPY", "jpy": "JPY", "¥": "JPY"}
_TOKEN = re.compile(
    r"(?P<fy>(?:19|20)\d\d\s?[-–/]\s?\d{2}(?:\d\d)?)(?![\d,.])|(?P<year>(?:19|20)\d\d)(?![\d,.%])"
    r"|(?P<num>-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?)(?P<pct>\s?%)?|(?P<empty>(?<!\w)(?:-|–|—|n\.?a\.?)(?!\w))"
    r"|(?P<word>[A-Za-z@][\w@'’]*)"
)
_COLUMN = re.compile(
    r"(?P<who>@[A-Z]{3,8}(?:'s)?\s+)?(?P<name>exports?|imports?|total(?:\s+trade)?|trade\s+balance|balance|"
    r"trade\s+volume|bilateral\s+trade|growth|change|share)\b"
    r"(?:\s+(?:to|from|into)\s+(?:the\s+)?(?P<other>@[A-Z]{3,8}))?",  # "Exports to Peru", "Imports from Peru"
    re.I,
)
_MAX_ROWS = 60


def table_claims(view: str, refs: list[CountryRef], pair: list[str]) -> list[Claim]:
    """Claims from every table in the view (view offsets)."""
    out: list[Claim] = []
    units = sorted([*UNIT_LINE.finditer(view), *UNIT_AT_END.finditer(view)], key=lambda u: u.start())
    for unit in units:
        cur = (unit.group("cur") or unit.groupdict().get("cur2") or "").lower()
        currency = _CURRENCIES.get(re.sub(r"\s+", "", cur) if "$" in cur else re.sub(r"\s+", " ", cur))
        scale_word = (unit.group("scale") or unit.groupdict().get("scale2") or "").lower().rstrip("s")
        scale = _SCALES.get(scale_word)
        if currency is None or scale is None:
            continue
        out += _read(view, unit.start(), unit.end(), currency, scale, refs, pair)
    return out


def _read(view: str, head_start: int, head_end: int, currency: str, scale: float, refs, pair) -> list[Claim]:
    region_end = min(len(view), head_end + 4000)
    tagged_head = tagged(view, max(0, head_start - 200), head_end, refs)
    perspective = _first(tagged_head) or (pair[0] if pair else None)
    columns: list[tuple[str, str | None]] = []
    claims: list[Claim] = []
    row_year: int | None = None
    period: str | None = None
    slot = 0
    rows = 0
    for m in _TOKEN.finditer(view, head_end, region_end):
        if m.group("fy") or m.group("year"):
            if not columns:
                columns = _columns(view, head_end, m.start(), refs, pair)
                if not columns or m.start() - head_end > 400:
                    return []  # no column names right after the unit line: not a table
            raw = m.group("fy") or m.group("year")
            row_year = int(raw[:4])
            period = f"FY{raw[:4]}-{re.split(r'[-–/]', raw)[-1].strip()[-2:]}" if m.group("fy") else None
            slot = 0
            rows += 1
            if rows > _MAX_ROWS:
                break
            continue
        if m.group("word"):
            if row_year is not None and slot == 0 and m.group("word").lower() not in ("us", "usd"):
                break  # prose again: the table is over
            continue
        if row_year is None or slot >= len(columns):
            continue
        name, who = columns[slot]
        slot += 1
        if m.group("empty"):
            continue
        claims.append(_cell(m, name, who, perspective, pair, currency, scale, row_year, period))
    return claims if rows >= 2 else []  # one "row" is a sentence that happens to follow a unit phrase


def _columns(view: str, start: int, end: int, refs, pair: list[str]) -> list[tuple[str, str | None]]:
    header = tagged(view, start, end, refs)
    out = []
    for c in _COLUMN.finditer(header):
        who = c.group("who").strip().rstrip("'s").lstrip("@") if c.group("who") else None
        name, other = c.group("name").lower(), c.group("other")
        if who is None and other is not None and len(pair) == 2 and other.lstrip("@") in pair:
            # "Exports to Peru" / "Imports from Peru": the reporting side is the other of the pair
            who = next(p for p in pair if p != other.lstrip("@"))
        out.append((name, who))
    return out



def _first(text: str) -> str | None:
    m = re.search(r"@([A-Z]{3,8})", text)
    return m.group(1) if m else None


def _cell(m, name: str, who: str | None, perspective: str | None, pair: list[str], currency: str, scale: float,
          year: int, period: str | None) -> Claim:
    raw = m.group("num")
    number = float(raw.replace(",", ""))
    side = who or perspective
    other = next((p for p in pair if p != side), None) if side else None
    claim = Claim(text="", start=m.start("num"), end=m.end("num"), measure="other", year=year, period=period)
    if name.startswith(("growth", "change", "share")) or m.group("pct"):
        claim.unit, claim.value = "percent", number
        claim.measure = "growth" if not name.startswith("share") else "other"
        return claim
    claim.value, claim.currency = float(f"{number * scale:.12g}"), currency
    claim.scope = "table"
    if name.startswith("export"):
        claim.measure, claim.basis, claim.from_, claim.to = "exports", "exports", side, other
    elif name.startswith("import"):
        claim.measure, claim.basis, claim.from_, claim.to = "exports", "imports", other, side
    elif name.startswith(("total", "trade volume", "bilateral")):
        claim.measure, claim.basis = "bilateral_trade_total", "trade"
        claim.from_, claim.to = (pair[0], pair[1]) if len(pair) == 2 else (None, None)
    else:  # balance
        claim.from_, claim.to, claim.about = side, other, "trade balance"
    return claim
