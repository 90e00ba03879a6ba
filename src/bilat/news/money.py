"""Amounts of money, percentages and multiples as written in news text, in base units.

"$2.3b." → 2.3e9 USD; "Rs 1.08 lakh crore" → 1.08e12 INR (1 lakh crore = 10^12);
"£15.2bn" → 15.2e9 GBP; "some about $720 million" → 7.2e8 USD, hedged ("some about" is a merged
edit of two hedges; both are hedges, so it still reads as approximate).
Values stay in their own currency; conversion to dollars happens at fact-check time with the
rate of the claim's year (:mod:`bilat.news.fx`).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache

SCALES = {
    "trillion": 1e12, "tn": 1e12, "tr": 1e12, "trn": 1e12,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "bln": 1e9, "bil": 1e9,  # "bil", "mil": Malaysian style
    "million": 1e6, "mn": 1e6, "m": 1e6, "mln": 1e6, "mil": 1e6, "mio": 1e6,
    "thousand": 1e3, "k": 1e3,
    "lakh crore": 1e12, "lakh crores": 1e12, "crore": 1e7, "crores": 1e7, "cr": 1e7, "lakh": 1e5, "lakhs": 1e5,
}

#: Currency words and symbols written before the number.
PREFIX = {
    "US$": "USD", "U.S.$": "USD", "USD": "USD", "$": "USD", "A$": "AUD", "AU$": "AUD", "AUD": "AUD",
    "€": "EUR", "EUR": "EUR", "£": "GBP", "GBP": "GBP", "¥": "JPY", "JPY": "JPY", "yen": "JPY",
    "NIS": "ILS", "ILS": "ILS", "₪": "ILS", "Rs.": "INR", "Rs": "INR", "INR": "INR", "₹": "INR",
    "CNY": "CNY", "RMB": "CNY", "yuan": "CNY", "KRW": "KRW", "₩": "KRW", "won": "KRW",
    "AED": "AED", "Dh": "AED", "Dhs": "AED", "VND": "VND",
    "SR": "SAR", "SAR": "SAR", "R": "ZAR", "ZAR": "ZAR", "N": "NGN", "₦": "NGN", "NGN": "NGN", "R$": "BRL",
    "BRL": "BRL", "TL": "TRY", "TRY": "TRY", "₺": "TRY", "NZ$": "NZD", "NZD": "NZD", "C$": "CAD", "CA$": "CAD",
    "CAD": "CAD", "S$": "SGD", "SGD": "SGD", "HK$": "HKD", "CHF": "CHF", "Rp": "IDR", "IDR": "IDR", "MXN": "MXN",
    "RM": "MYR", "EGP": "EGP", "E£": "EGP", "$US": "USD", "Tk": "BDT", "BDT": "BDT", "PKR": "PKR", "LKR": "LKR",
    "KSh": "KES", "Ksh": "KES", "KES": "KES", "Sh": "KES", "Shs": "UGX", "UGX": "UGX",
    "Ush": "UGX", "USh": "UGX", "UShs": "UGX", "Ushs": "UGX", "TZS": "TZS", "THB": "THB", "฿": "THB", "PHP": "PHP", "₱": "PHP",
    # ISO 4217 codes written before the number ("PLN 60.9 bln"): unambiguous in upper case
    **{code: code for code in ("PLN", "NOK", "SEK", "DKK", "RUB", "KZT", "UZS", "ARS", "CLP", "COP", "PEN", "QAR", "KWD",
                               "OMR", "BHD", "JOD", "MAD", "DZD", "TND", "ETB", "GHS", "ZMW", "AOA", "TWD", "CZK", "HUF",
                               "RON", "UAH", "XOF", "XAF")},
}
#: Currency words written after the number ("3 trillion yen").
SUFFIX = {
    "US dollars": "USD", "U.S. dollars": "USD", "dollars": "USD", "dollar": "USD", "US dollar": "USD", "euros": "EUR", "euro": "EUR",
    "pounds sterling": "GBP", "pounds": "GBP", "yen": "JPY", "shekels": "ILS", "new shekels": "ILS",
    "rupees": "INR", "yuan": "CNY", "renminbi": "CNY", "won": "KRW", "dirhams": "AED", "dong": "VND",
    "Australian dollars": "AUD", "Canadian dollars": "CAD", "New Zealand dollars": "NZD",
    "NZ dollars": "NZD", "NZ dollar": "NZD", "Australian dollar": "AUD", "Canadian dollar": "CAD",
    "New Zealand dollar": "NZD", "Singapore dollars": "SGD", "Hong Kong dollars": "HKD", "HK dollars": "HKD",
    "Ugandan shillings": "UGX", "Uganda shillings": "UGX", "Tanzanian shillings": "TZS", "Kenya shillings": "KES", "reais": "BRL",
    "real": "BRL", "rand": "ZAR", "naira": "NGN", "riyals": "SAR", "ringgit": "MYR", "rupiah": "IDR", "lira": "TRY",
    "liras": "TRY", "pesos": "MXN", "Egyptian pounds": "EGP", "Swiss francs": "CHF", "Japanese yen": "JPY",
    "Chinese yuan": "CNY", "Indian rupees": "INR", "Korean won": "KRW", "UAE dirhams": "AED",
    "baht": "THB", "taka": "BDT", "Kenyan shillings": "KES", "Pakistani rupees": "PKR", "Mexican pesos": "MXN",
    "Turkish lira": "TRY", "Turkish liras": "TRY", "Brazilian reais": "BRL", "South African rand": "ZAR",
    "Saudi riyals": "SAR", "Qatari riyals": "QAR", "Malaysian ringgit": "MYR", "Indonesian rupiah": "IDR",
    "Vietnamese dong": "VND", "Thai baht": "THB", "Israeli shekels": "ILS", "Philippine pesos": "PHP",
    "Chilean pesos": "CLP", "Argentine pesos": "ARS", "Colombian pesos": "COP", "Russian roubles": "RUB",
    "Russian rubles": "RUB", "roubles": "RUB", "rubles": "RUB", "kronor": "SEK", "zloty": "PLN", "hryvnias": "UAH",
    "tenge": "KZT", "Kazakh tenge": "KZT", "Bangladeshi taka": "BDT", "RMB Yuan": "CNY", "RMB yuan": "CNY", "zlotys": "PLN",
    "USD": "USD", "EUR": "EUR", "GBP": "GBP", "JPY": "JPY", "CNY": "CNY", "INR": "INR", "AED": "AED",
    # capitalised and spaced spellings of agency and wire copy ("90,250 million Japanese Yen", "250 million U. S. dollars")
    "Japanese Yen": "JPY", "Yen": "JPY", "US Dollars": "USD", "U.S. Dollars": "USD", "U. S. dollars": "USD",
    "U.S dollars": "USD", "Euros": "EUR",
}

#: Hedge words, and the tolerance family each belongs to (see :mod:`bilat.news.check`).
HEDGES = {
    "about": "about", "around": "about", "some": "about", "approximately": "about", "approx.": "about",
    "roughly": "about", "an estimated": "about", "estimated": "about", "circa": "about", "~": "about",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "nearly", "just shy of": "nearly",
    "more than": "over", "over": "over", "above": "over", "at least": "over", "upwards of": "over", "just over": "over",
    "less than": "under", "under": "under", "below": "under", "up to": "under",
}

_SCALE_AHEAD = r"(?=\s?(?:trillion|billion|million|bn|mn|tn)\b)"
_NUM = (
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?: \d{3})+" + _SCALE_AHEAD + r"|\d{1,3},\d{1,2}" + _SCALE_AHEAD
    + r"|\d+(?:\.\d+)?)"
)
_SCALE = (
    r"(?P<scale>lakh\s+crores?|trillion|billion|million|thousand|crores?|lakhs?|"
    r"(?:tn|trn|tr|bn|bln|bil|mn|mln|mil|mio|cr|Bln|BLN|Bn|BN|Mln|MLN|Mn|Tn)\b|[bmk]\b(?:\.(?=\s+[a-z]))?|(?:tr|b|m)il?l?i?o?\Z)"
)


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_NEEDS_SCALE = frozenset({"N", "R", "SR", "TL", "Rp", "RM", "Dh", "Tk", "Sh", "Shs", "Ush", "USh", "UShs", "Ushs"})
_WORD_PREFIXES = [p for p in PREFIX if p[0].isalpha()]
_SYMBOL_PREFIXES = [p for p in PREFIX if not p[0].isalpha()]
_PREFIX_RE = (
    r"(?P<cur>(?:" + _alt(_SYMBOL_PREFIXES) + r")|(?<![\w])(?:" + _alt(_WORD_PREFIXES) + r")(?=[\s\d]))"
)
#: "$2.5-billion"; "$3-4 billion" (a range: the scale word is after its upper bound)
_MONEY_PREFIX = re.compile(_PREFIX_RE + r"\s?" + _NUM + r"(?:\s?[-–]\s?(?P<hi>\d+(?:\.\d+)?)(?=\s?(?:trillion|billion|million|"
                           r"bn|mn|tn)\b))?(?:(?:\s?|-)" + _SCALE + r")?")
_MONEY_SUFFIX = re.compile(
    r"(?<![\w$£€¥₹.,])" + _NUM + r"\s?" + _SCALE + r"?\s(?P<cur>" + _alt(list(SUFFIX)) + r")\b"
)
#: a comma and one or two digits before "%" is a decimal comma ("20,5%"): a thousands comma takes three digits
_PCT_NUM = r"(?P<num>\d{1,3},\d{1,2}(?=\s?(?:%|percent\b|per\s+cent\b))|" + _NUM[len("(?P<num>"):]
_PERCENT = re.compile(r"(?<![\w.,])" + _PCT_NUM + r"(?:\s?|-)(?P<unit>%|percent\b|per\s+cent\b|pct\b|pc\b|percentage points?\b)")
_FOLD_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "ten": 10}
_FOLD = re.compile(r"\b(?P<n>two|three|four|five|six|ten|\d+(?:\.\d+)?)[- ]?fold\b", re.I)
_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
          "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100}
_WORD_MONEY = re.compile(
    r"(?<![\w-])(?P<w>" + "|".join(_WORDS) + r")\s+(?P<scale>trillion|billion|million)\s+(?P<cur>"
    + _alt(list(SUFFIX)) + r")\b", re.I
)
#: "USD two billion", "US$ seven billion": a currency code before a number word
_WORD_MONEY_PREFIX = re.compile(
    r"(?<![\w$])(?P<cur>USD|US\$|EUR|GBP|JPY|CNY|INR|AED|SAR)\s?(?P<w>" + "|".join(_WORDS) + r")\s+"
    r"(?P<scale>trillion|billion|million)\b", re.I
)
_DIGIT_WORDS = {"zero": 0, "oh": 0, **{w: v for w, v in _WORDS.items() if v < 10}}
#: "seven-point-three billion dollars": broadcast copy spells the decimal out
_POINT_MONEY = re.compile(
    r"(?<![\w-])(?P<w>" + "|".join(_WORDS) + r")-point-(?P<d>(?:" + "|".join(_DIGIT_WORDS) + r")(?:-(?:"
    + "|".join(_DIGIT_WORDS) + r"))*)\s+(?P<scale>trillion|billion|million)\s+(?P<cur>" + _alt(list(SUFFIX)) + r")\b", re.I
)
#: "10.613 US$ billion": the currency written between the number and its scale word
_MONEY_SPLIT = re.compile(r"(?<![\w$.,])" + _NUM + r"\s?(?P<cur>US\$|USD)\s?(?P<scale>trillion|billion|million)\b")
_RANGE_LOW = re.compile(
    r"\bbetween\s+(?P<low>(?P<n>" + "|".join(_WORDS) + r"|\d+(?:\.\d+)?)\s+(?P<scale>trillion|billion|million))\s+and\s+$",
    re.I,
)
_BARE_CRORE = re.compile(r"(?<![\w$£€¥₹.,])" + _NUM + r"\s?(?P<scale>lakh\s+crores?|crores?)\b(?!\s+(?:people|"
                         r"households|farmers|users|tonnes|jobs|voters|families|accounts|litres|units))")
#: "trade of about 38 billion last year": a scaled number with no currency written, in a sentence
#: about trade; the claim takes the currency its context implies (:mod:`.claims`, marked assumed)
_BARE_SCALE = re.compile(r"(?<![\w$£€¥₹.,])" + _NUM + r"\s?(?P<scale>trillion|billion|million|bn|mn)\b(?![ -]*(?:"
                         r"people|persons|visitors|tourists|passengers|users|tonnes|tons|barrels|units|doses|jobs|workers|"
                         r"vehicles|cars|bags|boxes|litres|liters|cubic|square|hectares|acres|subscribers|residents|citizens|"
                         r"years|kilo\w*|metric|pieces|shares|households|farmers|students|copies|animals|head|trees|"
                         r"[A-Z]))")
#: (a decimal point inside a number is no sentence end: "exports reached $4.5 billion, of which 1.2 billion ...")
_TRADE_CONTEXT = re.compile(r"\b(?:trade|exports?|imports?|turnover|commerce|investments?|FDI)\b(?:[^.;]|(?<=\d)\.(?=\d)){0,80}$",
                            re.I)
#: ("it exported 2.71 billion", "a positive balance of 520 million": a flow's verb, or a balance, is context
#: too, but only for a figure that no noun follows: "exported 1.2 million bottles" counts things)
_FLOW_VERB_CONTEXT = re.compile(r"\b(?:export(?:ed|ing)|import(?:ed|ing)|surplus|deficit|balance)\b"
                                r"(?:[^.;]|(?<=\d)\.(?=\d)){0,80}$", re.I)
_NO_NOUN_AFTER = re.compile(r"\s*(?:[,.;:)]|$|(?:and|or|in|of|to|from|worth|for|with|last|this|that|which|while|but|"
                            r"during|by|on|at|between|compared|against|a\s+year|per)\b)", re.I)
#: "2.71 billion in Italian exports", "2.19 billion of imports": the flow named right after a bare figure
_TRADE_AFTER = re.compile(r"\s*(?:in|of)\s+(?:[A-Z][\w-]*\s+|the\s+|its\s+){0,2}(?:exports|imports|trade|investments?)\b")
_PERCENT_RANGE = re.compile(
    r"(?<![\w.])(?P<lo>\d+(?:\.\d+)?)\s?(?:-|–|to)\s?" + _NUM + r"\s?(?P<unit>%|percent\b|per\s+cent\b)"
)
_MULTIPLIED_BY = {"doubled": 2.0, "tripled": 3.0, "trebled": 3.0, "quadrupled": 4.0}
_MULTIPLIED = re.compile(r"\b(" + "|".join(_MULTIPLIED_BY) + r")\b", re.I)
_HEDGE_WORD = re.compile(r"(?<![a-z])(?:" + _alt(list(HEDGES)) + r")(?![a-z])")
_HEDGE_BEFORE = re.compile(r"(?:\b(?:" + _alt([h for h in HEDGES if h[0].isalpha()]) + r")\s+|~\s*)+$", re.I)
#: "12 percent less than $3.4 million", "twice more than": a comparison of two figures, not a hedge
_COMPARED_BEFORE = re.compile(r"(?:%|\bper\s?cent|\btimes|\bfold)\s+$", re.I)


@dataclass(frozen=True)
class Amount:
    """A number found in text: money (``currency`` set), percent or multiple."""

    start: int
    end: int
    text: str
    value: float
    unit: str  # "money", "percent", "multiple"
    currency: str | None
    hedge: str | None  # the hedge family: about / nearly / over / under
    hedge_start: int  # where the hedge words begin (== start when unhedged)
    significant: float  # half of the last stated digit, in the value's units (rounding tolerance)
    high: float | None = None  # upper bound of a range ("5-10 percent": value 5, high 10)
    truncated: bool = False  # the scale word was cut off at the end of the text ("€3 bi")


def find_amounts(text: str) -> list[Amount]:
    """Money, percentages and multiples in ``text``, left to right, non-overlapping."""
    return list(_cached_amounts(text))


@lru_cache(maxsize=32)
def _cached_amounts(text: str) -> tuple[Amount, ...]:
    """Cached for the last few texts: the extractors of one article ask about the same sentence
    several times (claims, their years, targets); the cache is too small to carry across articles."""
    return tuple(_find_amounts(text))


def _find_amounts(text: str) -> list[Amount]:
    found: list[Amount] = []
    for m in _MONEY_PREFIX.finditer(text):
        if m.group("cur") in _NEEDS_SCALE and not m.group("scale"):
            continue  # "N95", "R2": a bare letter is a currency only before a scale word ("R33 billion")
        found.append(_money(text, m, PREFIX[m.group("cur")]))
    for m in _MONEY_SUFFIX.finditer(text):
        if not _overlaps(found, m.start(), m.end()):
            found.append(_money(text, m, SUFFIX[m.group("cur")]))
    for m in _WORD_MONEY.finditer(text):  # "six billion reais", "two trillion yen"
        if not _overlaps(found, m.start(), m.end()):
            value = _WORDS[m.group("w").lower()] * SCALES[m.group("scale").lower()]
            found.append(_make(text, m.start(), m.end(), value, "money", SUFFIX[m.group("cur")],
                               SCALES[m.group("scale").lower()] / 2))
    for m in _POINT_MONEY.finditer(text):  # "seven-point-three billion dollars"
        if not _overlaps(found, m.start(), m.end()):
            digits = [_DIGIT_WORDS[d] for d in m.group("d").lower().split("-")]
            fraction = float("0." + "".join(str(d) for d in digits))
            scale = SCALES[m.group("scale").lower()]
            value = float(f"{(_WORDS[m.group('w').lower()] + fraction) * scale:.12g}")
            found.append(_make(text, m.start(), m.end(), value, "money", SUFFIX[m.group("cur")],
                               scale * 0.5 * 10 ** -len(digits)))
    for m in _MONEY_SPLIT.finditer(text):  # "10.613 US$ billion"
        if not _overlaps(found, m.start(), m.end()):
            found.append(_money(text, m, "USD"))
    for m in _WORD_MONEY_PREFIX.finditer(text):  # "USD two billion"
        if not _overlaps(found, m.start(), m.end()):
            value = _WORDS[m.group("w").lower()] * SCALES[m.group("scale").lower()]
            found.append(_make(text, m.start(), m.end(), value, "money", PREFIX[m.group("cur").upper()],
                               SCALES[m.group("scale").lower()] / 2))
    for upper in [a for a in found if a.unit == "money"]:  # "between two billion and six billion reais"
        m = _RANGE_LOW.search(text, max(0, upper.hedge_start - 40), upper.hedge_start)
        if m and not _overlaps(found, m.start("low"), m.end("low")):
            raw = m.group("n").lower()
            number = _WORDS.get(raw) or _number(raw)
            scale = SCALES[m.group("scale").lower()]
            found.append(_make(text, m.start("low"), m.end("low"), number * scale, "money", upper.currency, scale / 2))
    for m in _BARE_CRORE.finditer(text):  # "35,000 crore": Indian rupees unless a currency is written
        if not _overlaps(found, m.start(), m.end()):
            found.append(_money(text, m, "INR"))
    for m in _BARE_SCALE.finditer(text):
        before = text[max(0, m.start() - 100) : m.start()]
        if not _overlaps(found, m.start(), m.end()) and (
                _TRADE_CONTEXT.search(before) or _TRADE_AFTER.match(text, m.end())
                or (_FLOW_VERB_CONTEXT.search(before) and _NO_NOUN_AFTER.match(text, m.end()))):
            found.append(_money(text, m, None))
    for m in _PERCENT_RANGE.finditer(text):
        if not _overlaps(found, m.start(), m.end()):
            low = _make(text, m.start(), m.end(), _number(m.group("lo")), "percent", None, _half_unit(m.group("lo")))
            found.append(dataclasses.replace(low, high=_number(m.group("num"))))
    for m in _PERCENT.finditer(text):
        if not _overlaps(found, m.start(), m.end()):
            value = _number(m.group("num"))
            found.append(_make(text, m.start(), m.end(), value, "percent", None, _half_unit(m.group("num"))))
    for m in _FOLD.finditer(text):
        if not _overlaps(found, m.start(), m.end()):
            raw = m.group("n").lower()
            value = float(_FOLD_WORDS.get(raw) or raw)
            found.append(_make(text, m.start(), m.end(), value, "multiple", None, 0.0))
    for m in _MULTIPLIED.finditer(text):  # "almost doubled", "nearly tripled": a multiple that happened
        if not _overlaps(found, m.start(), m.end()):
            found.append(_make(text, m.start(), m.end(), _MULTIPLIED_BY[m.group(1).lower()], "multiple", None, 0.0))
    return _shared_scale(sorted(found, key=lambda a: a.start), text)


_SCALED_END = re.compile(r"(?P<w>trillion|billion|million|bn|mn|bln|mln)s?\.?$", re.I)
_BARE_END = re.compile(r"[^\sA-Za-z]*\s?[\d.,]+")
_JOINED = re.compile(r"\s*(?:,|and|,\s*and)\s*")
_UNIT_PRICE = re.compile(r"\s*(?:per|a|an|each)\b|\s*/", re.I)  # "$300 per tonne": a price, not a sum


def _shared_scale(found: list[Amount], text: str) -> list[Amount]:
    """"$1,500.5 million, $1,600.25 and $1,700.75": a list of sums of one currency
    writes its scale word once, on its first item; the bare items after it take that scale. Such a
    list tells sums of one size: a bare item that the scale would put more than a hundred times
    above or below the item before it is a sum written out in full ("$2.5 million, $800,000 of it")."""
    scale = None
    for i, a in enumerate(found):
        prev = found[i - 1] if i else None
        joined = prev is not None and prev.unit == a.unit == "money" and prev.currency == a.currency \
            and _JOINED.fullmatch(text[prev.end : a.hedge_start]) is not None
        alike = joined and scale is not None and prev.value and 0.01 <= a.value * scale / prev.value <= 100
        if alike and _BARE_END.fullmatch(a.text) and not _UNIT_PRICE.match(text[a.end :]):
            found[i] = dataclasses.replace(a, value=float(f"{a.value * scale:.12g}"), significant=a.significant * scale)
            continue
        m = _SCALED_END.search(a.text) if a.unit == "money" else None
        scale = SCALES[m.group("w").lower()] if m else None
    return found


def _money(text: str, m: re.Match[str], currency: str | None) -> Amount:
    number = m.group("num")
    scale_word = (m.group("scale") or "").rstrip(".").lower()
    scale_word = re.sub(r"\s+", " ", scale_word)
    truncated = scale_word not in SCALES and bool(scale_word)
    if truncated:  # "€3 bi" at the very end of a text the archive cut: the obvious word
        scale_word = next((w for w in ("trillion", "billion", "million") if w.startswith(scale_word)), "")
    scale = SCALES.get(scale_word, 1.0)
    value = float(f"{_number(number) * scale:.12g}")  # 1.08 * 1e12 is not exactly 1.08e12
    amount = _make(text, m.start(), m.end(), value, "money", currency, _half_unit(number) * scale)
    if "hi" in m.groupdict() and m.group("hi"):
        amount = dataclasses.replace(amount, high=float(f"{_number(m.group('hi')) * scale:.12g}"))
    return dataclasses.replace(amount, truncated=True) if truncated else amount


def _make(text: str, start: int, end: int, value: float, unit: str, currency: str | None, half: float) -> Amount:
    hedge_match = _HEDGE_BEFORE.search(text[max(0, start - 40) : start])
    hedge = None
    hedge_start = start
    if hedge_match and not _COMPARED_BEFORE.search(text[max(0, start - 60) : start - len(hedge_match.group())]):
        words = _HEDGE_WORD.findall(re.sub(r"\s+", " ", hedge_match.group().lower()))
        families = [HEDGES[w] for w in words if w in HEDGES]
        if families:
            hedge = families[-1]
            hedge_start = start - len(hedge_match.group())
    return Amount(start, end, text[start:end], value, unit, currency, hedge, hedge_start, half)


def _overlaps(found: list[Amount], start: int, end: int) -> bool:
    return any(a.start < end and start < a.end for a in found)


def _number(raw: str) -> float:
    if re.fullmatch(r"\d{1,3},\d{1,2}", raw):  # decimal comma: "14,7 billion"
        return float(raw.replace(",", "."))
    return float(raw.replace(",", "").replace(" ", ""))


def _half_unit(raw: str) -> float:
    """Half of the last written digit's place: "2.3" → 0.05, "700" → 50, "3" → 0.5."""
    if re.fullmatch(r"\d{1,3},\d{1,2}", raw):
        raw = raw.replace(",", ".")
    raw = raw.replace(",", "").replace(" ", "")
    if "." in raw:
        return 0.5 * 10 ** -len(raw.split(".")[1])
    stripped = raw.rstrip("0")
    zeros = len(raw) - len(stripped) if stripped else 0
    return 0.5 * 10**zeros
