"""One record of what a reader carries from sentence to sentence of an article.

Why: a sentence of news rarely says everything its figure needs. "Exports rose 9 percent to
$3 billion" leaves the year, and often the exporter, to the sentences before it; "the pact entered
into force in May" leaves the instrument. Each extractor used to look back on its own (a dict of
paragraph years in the claims loop, a scan of earlier claims for the exporter, another for the
last destination, a search by name for the agreement a later sentence reports on), and each look-back
had its own idea of what "before" meant. :class:`Discourse` is the single record: the claims loop
advances it sentence by sentence and every helper reads it, so a year, a side or an instrument named
once is carried the same way everywhere.

What it holds:

* the **reporting year**: the last year a figure was stated for (``year``), the year each paragraph
  has reached (``paragraph_years``), and the year each part-year was last written with ("January-
  March" after "January-March 2031"); the publication year is kept for what names no year at all;
* the **figures so far**: the last figure outside a comparison base, the last money figure of this or
  the previous paragraph (the one a bare "it rose to" or a base goes on from), the last export figure
  with a destination ("the same market");
* the **subject side**: the side of the country pair whose exports the figures have been about
  ("Kenya's exports ...", "X imported ... from Y" makes X the importer, so Y the exporter), falling
  back to the exporter the article's opening names;
* the **current agreement**: the last titled instrument named before a sentence, for a sentence that
  goes on about "the pact", "the agreement" or its acronym without naming it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from bilat.news.model import Agreement, Claim
from bilat.news.text import Sentence


@dataclass
class Discourse:
    """The state before the sentence being read; :meth:`after_sentence` moves it on.

    Updated only from what the extractors decided (years written in a sentence, claims kept),
    never from a guess of its own, so reading it is a like-for-like replacement of the old
    per-extractor look-backs.
    """

    pair: list[str]
    published_year: int | None = None
    opening_exporter: str | None = None  # the exporter the article's first lines speak of
    year: int | None = None  # the last year written with a figure, across paragraphs
    paragraph_years: dict[int, int] = field(default_factory=dict)
    period_years: dict[str, int] = field(default_factory=dict)  # "{y}-01..{y}-03" -> 2031
    claims: list[Claim] = field(default_factory=list)  # kept so far, in reading order
    _figure: Claim | None = None  # the last figure not inside a comparison base
    _money: Claim | None = None  # the last money figure
    _export_to: Claim | None = None  # the last export figure with a destination
    _subject: str | None = None  # the pair side whose exports the figures are about

    # -- the reporting year -------------------------------------------------------------------
    def carried_year(self, sent: Sentence, opens_with_flow: bool, same_year: bool) -> int | None:
        """The year a sentence with no year of its own goes on from: its paragraph's; for a sentence
        that opens on a flow word ("Exports to ... rose"), the paragraph before's (a paragraph of
        figures goes on from the one above it); for "the same year/period", the last year named."""
        carried = self.paragraph_years.get(sent.paragraph)
        if carried is None and opens_with_flow:  # the paragraph before that told a year (a heading or
            # a paragraph of words without figures between them does not break the run)
            before = [p for p in self.paragraph_years if p < sent.paragraph]
            carried = self.paragraph_years[max(before)] if before else None
        if carried is None and same_year:  # "the same year", "at the same time": the figure just told
            figure = self._figure.year if self._figure is not None else None
            carried = figure if figure is not None else self.year
        return carried

    def compared_year(self, base_years: list[int]) -> int | None:
        """For a sentence whose only years are comparison bases ("rose 14 per cent from 2030 levels to
        $3 billion"): the year the article last told, when it is later than every base (a figure is
        compared with an earlier year, so it is not dated by the base, nor left undated)."""
        if not base_years or self.year is None or self.year <= max(base_years):
            return None
        return self.year

    def step_base(self, carried: int | None) -> int | None:
        """The year "a year later", "the following year" count from: the carried year, else the
        last year written, else the last figure's year (a part-year such as "the first half" dated
        by the publication), else the publication year. "The previous year, trade was $2 billion"
        after a figure of this year is last year, not an undated figure that then takes this year."""
        if carried is not None:
            return carried
        if self.year is not None:
            return self.year
        if self._figure is not None and self._figure.year is not None:
            return self._figure.year
        return self.published_year

    def period_year(self, periods: list, carried: int | None) -> int | None:
        """A bare part-year ("in January-March") takes the year it was last written with."""
        return next((self.period_years[p.label] for p in periods if p.year is None and p.relative is None
                     and p.label in self.period_years), carried)

    def note_periods(self, periods: list) -> None:
        self.period_years.update({p.label: p.year for p in periods if p.year is not None and "{y}" in p.label})

    def after_sentence(self, sent: Sentence, written: list[int], carried: int | None) -> None:
        """The years a sentence wrote move the paragraph's (and the article's) year on; a sentence
        that wrote none keeps its paragraph at the year it went on from."""
        if written:
            self.paragraph_years[sent.paragraph] = written[-1]
            self.year = written[-1]
        elif carried is not None:
            self.paragraph_years[sent.paragraph] = carried

    # -- the figures so far -------------------------------------------------------------------
    def note_claim(self, claim: Claim, paragraph: int | None) -> None:
        """A figure kept: it is now the one later sentences go on from. A figure read from a
        ranking or a product list (``paragraph`` None) moves the sides on but is never the money
        figure a bare "it rose to" continues."""
        self.claims.append(claim)
        if not getattr(claim, "_in_base", False):
            self._figure = claim
        if paragraph is not None:
            claim._paragraph = paragraph
            if claim.unit is None and claim.currency:
                self._money = claim
        if claim.to and claim.basis == "exports":
            self._export_to = claim
        side = claim.from_ if claim.basis == "exports" else claim.to if claim.basis == "imports" else None
        if side in self.pair:
            self._subject = side

    def last_figure(self) -> Claim | None:
        """The last figure outside a comparison base ("during the period under review" goes on from it)."""
        return self._figure

    def money_figure(self, paragraph: int) -> Claim | None:
        """The last money figure, if it was in this paragraph or the one before."""
        m = self._money
        return m if m is not None and getattr(m, "_paragraph", None) in (paragraph, paragraph - 1) else None

    def export_destination(self, before: int) -> Claim | None:
        """The last export figure with a destination that starts before ``before`` ("the same market")."""
        if self._export_to is not None and self._export_to.start < before:
            return self._export_to
        return next((c for c in reversed(self.claims) if c.to and c.basis == "exports" and c.start < before), None)

    def subject(self) -> str | None:
        """The side whose exports the figures so far are about, else the opening's exporter."""
        return self._subject or self.opening_exporter


# -- the current agreement ----------------------------------------------------------------------
_GENERIC = re.compile(r"\b(?:the|this|that)\s+(?:(?:trade|free[- ]trade|bilateral|economic|new)\s+){0,2}"
                      r"(?:pact|deal|agreement|accord|treaty)\b", re.I)


def current_agreements(records: list[Agreement], view: str, sents: list[Sentence]) -> list[Agreement | None]:
    """For each sentence, the last titled instrument named before it (or in it, before the
    sentence's generic "the pact"): what "the agreement" of that sentence most likely is.

    A record counts as titled when its text starts with a capital and has two words or an
    acronym (the same test the in-force reading used for a name it could search for)."""
    named = sorted((r for r in records if r.count is None and _titled(view, r)), key=lambda r: r.start)
    starts = [r.start for r in named]
    out: list[Agreement | None] = []
    for sent in sents:
        generic = _GENERIC.search(sent.text)
        cut = sent.start + generic.start() if generic else sent.start
        i = bisect.bisect_left(starts, cut)
        out.append(named[i - 1] if i else None)
    return out


def refers_to(sent: Sentence, record: Agreement, view: str, current: Agreement | None) -> bool:
    """Whether a sentence goes on about ``record``: it names it (its title or acronym), or it says
    "the pact"/"the agreement" while ``record`` is the current instrument."""
    name = view[record.start : record.end]
    words = [re.escape(name)] + ([r"\b" + re.escape(record.acronym) + r"\b"] if record.acronym else [])
    if re.search("|".join(words), sent.text):
        return True
    return current is record and _GENERIC.search(sent.text) is not None


def _titled(view: str, r: Agreement) -> bool:
    name = view[r.start : r.end]
    return bool(name[:1].isupper()) and (len(name.split()) >= 2 or bool(r.acronym))


_TRADE_MEASURES = {"bilateral_trade_total", "exports", "imports"}


def restated_years(claims: list) -> None:
    """A trade figure with no year that the article states again with one (a headline "trade hits
    $2.6 billion" above "reached $2.6 billion in 2031") is that figure, for that year and period; not
    when the same figure is told for two different years."""
    for claim in claims:  # a year from the day of writing is no year read from the text
        if (claim.year is not None and not getattr(claim, "_from_day", False)) or claim.measure not in _TRADE_MEASURES \
                or claim.unit is not None:
            continue
        same = {(c.year, c.period) for c in claims if c is not claim and c.year is not None and c.value == claim.value
                and c.currency == claim.currency and c.measure == claim.measure and c.unit is None
                and not getattr(c, "_from_day", False)}
        if len(same) == 1:
            claim.year, claim.period = next(iter(same))
            claim._from_day = False
