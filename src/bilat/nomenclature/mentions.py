"""Find countries in running text ("Israel's", "Japanese", "the United States", "UAE").

Why a phrase list rather than country_converter's regexes: coco's regexes are written for a
cell that holds one name ("korea" anywhere in it), not for prose, where they would fire inside
other words and cannot give the span that matched. Here every phrase is literal, matched as a
whole word and case-sensitively (proper nouns; "US" only in upper case), longest phrase first.

Phrases come from coco's short and official names, ``country_aliases.csv`` (rows with
``in_text=1``), ``demonyms.csv`` (plural "-s" allowed) and upper-case ISO3 codes that are not
ordinary words. ``mention_stop_phrases.csv`` lists phrases that are matched and then dropped
("Latin America", "New Jersey"), so that "America" or "Jersey" inside them do not count.
Known limits: a person called Jordan or the US state of Georgia still count as countries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bilat.nomenclature._tables import read_data_rows, tables
from bilat.nomenclature.phrase_trie import factored_alternation, flat_alternation

#: Upper-case ISO3 codes that are also ordinary words or common acronyms in English text
#: ("AND", "CAN", "VAT", "EST"...): never read as country codes in prose.
@dataclass(frozen=True)
class CountryMention:
    """A country found in text: ``text[start:end] == mention.text``.

    ``kind`` is "name" (Israel, the United States), "demonym" (Israeli, Japanese), "possessive"
    (Japan's) or "code" (US, UAE, ISR).
    """

    iso3: str
    start: int
    end: int
    text: str
    kind: str


ISO3_NOT_IN_TEXT = frozenset(
    "ABW AND ARE ARM ASM ATA ATF BEN BES BLM CAN COM CUB DOM EST FIN GAB GIN GUM HMD IOT JAM LIE "
    "MAC MAF MAR MUS NAM NOR PAN PER POL PRY SEN SUN SUR TON TUN VAT WLF ALA".split()
)
_APOSTROPHES = ("'", "\u2019")


@dataclass(frozen=True)
class _Matcher:
    pattern: re.Pattern[str]
    phrases: dict[str, tuple[str | None, str]]  # phrase -> (iso3 or None for stop phrases, kind)


def find_country_mentions(text: str) -> list[CountryMention]:
    """All country mentions in ``text``, left to right, non-overlapping, with exact offsets."""
    matcher = _matcher()
    found: list[CountryMention] = []
    for match in matcher.pattern.finditer(text):
        phrase = match.group(0)
        iso3, kind = _classify(phrase, matcher.phrases)
        if iso3 is None:
            continue
        found.append(CountryMention(iso3=iso3, start=match.start(), end=match.end(), text=phrase, kind=kind))
    return found


def _classify(phrase: str, phrases: dict[str, tuple[str | None, str]]) -> tuple[str | None, str]:
    if phrase in phrases:
        return phrases[phrase]
    base = phrase.replace("\u2019", "'")
    if base in phrases:
        return phrases[base]
    for suffix in ("'s", "'"):
        if base.endswith(suffix) and base[: -len(suffix)] in phrases:
            iso3, _ = phrases[base[: -len(suffix)]]
            return iso3, "possessive"
    if base.endswith("s") and base[:-1] in phrases:  # plural demonym: "Israelis"
        return phrases[base[:-1]]
    raise AssertionError(f"matched a phrase that is not in the table: {phrase!r}")  # pragma: no cover


@cache
def _matcher() -> _Matcher:
    t = tables()
    phrases: dict[str, tuple[str | None, str]] = {}

    def add(phrase: str, iso3: str | None, kind: str) -> None:
        phrase = phrase.strip()
        if phrase and phrase not in phrases:
            phrases[phrase] = (iso3, kind)

    for row in read_data_rows("mention_stop_phrases.csv"):
        add(row["phrase"], None, "stop")
    current = [row for row in t.rows if row["kind"] == "country"]
    for column in ("short_name", "name"):
        for row in current:
            name = row[column]
            if "," not in name and "(" not in name:  # "Micronesia, Fed. Sts." is not how prose names it
                add(name, row["iso3"], "name")
    for row in read_data_rows("country_aliases.csv"):
        if row["in_text"] == "1":
            add(row["alias"], row["iso3"], "code" if _looks_like_code(row["alias"]) else "name")
    for row in read_data_rows("demonyms.csv"):
        add(row["demonym"], row["iso3"], "demonym")
    for iso3 in (row["iso3"] for row in current):
        if iso3 not in ISO3_NOT_IN_TEXT:
            add(iso3, iso3, "code")

    alternatives = []  # (phrase, what may follow it), longest phrase first
    for phrase, (iso3, kind) in sorted(phrases.items(), key=lambda item: (-len(item[0]), item[0])):
        tail = ""
        if iso3 is not None and kind in ("name", "code"):
            # possessive: "Israel's", "Israel’s", "United States'"
            suffix = "['\u2019]" if phrase.endswith("s") else "['\u2019]s"
            tail = f"(?:{suffix})?"
        elif kind == "demonym" and not phrase.endswith("s"):
            tail = "s?"
        alternatives.append((phrase, tail))
    return _Matcher(pattern=_whole_words(alternatives), phrases=phrases)


def _whole_words(alternatives: list[tuple[str, str]]) -> re.Pattern[str]:
    """Whole words: no letter/digit just before or after. A trailing "." (U.S.) is part of the phrase.
    Factored by common beginnings (:mod:`.phrase_trie`, the same matches, several times faster);
    flat when a phrase cannot be factored."""
    try:
        body = factored_alternation(alternatives, after_first=r"(?<![\w][\s\S])")
    except ValueError:
        return re.compile(r"(?<![\w])(?:" + flat_alternation(alternatives) + r")(?![\w])")
    return re.compile(r"(?:" + body + r")(?![\w])")


def _looks_like_code(alias: str) -> bool:
    letters = alias.replace(".", "")
    return letters.isalpha() and letters.isupper() and len(letters) <= 4
