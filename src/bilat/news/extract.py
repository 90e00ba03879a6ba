"""Run every extractor on one article and map the records back to the original text.

Extractors see the cleaned view (:mod:`.cleaning`) and report view offsets; this is the one
place that turns them into original offsets and sets ``record.text = original[start:end]``.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import replace

from bilat.limits import Budget
from bilat.news.agreement_events import refine_agreements
from bilat.news.article_giver import follow_the_giver
from bilat.news.swaps import swaps_have_no_direction
from bilat.news.agreements import extract_agreements
from bilat.news.claims import extract_claims
from bilat.news.cleaning import CleanText, clean
from bilat.news.lead_pair import lead_pair
from bilat.news.epithets import epithet_refs
from bilat.news.mentions import country_refs, main_pair
from bilat.news.model import Article, CountryRef, DateRef, Extraction
from bilat.news.dates import MonthOnly, YearGuess, YearOnly
from bilat.news.paragraph_years import years_from_paragraph_above, years_of_the_account
from bilat.news.pubdate import publication_date, year_after_figures, year_from_text
from bilat.news.tables import table_claims
from bilat.news.targets import extract_targets, resolve_previous
from bilat.news.partner_ranks import partner_ranks
from bilat.news.text import Sentence, sentences
from bilat.news.prefilter import guard_modules

#: The extractors' patterns, loaded by the imports above, behind literal prefilters: the same
#: matches, without scanning a sentence that holds none of a pattern's words (:mod:`.prefilter`).
guard_modules("bilat.news.")


def extract(article: Article | str, published: dt.date | None = None) -> Extraction:
    """Countries, claims, targets and agreements of ``article`` (an :class:`Article` or plain text)."""
    if isinstance(article, Article):
        text, published = article.text, published or article.published
    else:
        text = article
    budget = Budget(getattr(article, "name", None) or "article", seconds_cap="article_seconds")
    published_from = "given" if published is not None else None
    if published is None:
        stated = publication_date(text)
        if stated is not None:
            published, published_from = stated.date, stated.how
            if stated.precision == "month":  # "/2015/12/": a weekday is kept to the month, not a guessed day
                published = MonthOnly(published.year, published.month, published.day)
    anchor, year_note = published, None
    if published is None:
        implied = year_from_text(text)
        if implied is not None:  # the year only: records get that year, never an invented day
            anchor = YearOnly.of(implied.year)
            year_note = (f"no publication date in the text or given (--date); its year, {implied.year}, "
                         f"follows from '{implied.evidence}'")
    figures_anchor = anchor
    if anchor is None:
        after = year_after_figures(text)
        if after is not None:  # a lower bound: it resolves the figures' "last year", nothing else
            figures_anchor = YearGuess.of(after.year)
            year_note = (f"no publication date in the text or given (--date); its figures' 'last year' and "
                         f"fiscal years are read as of {after.year}, the year after '{after.evidence}'")
    view = clean(text)
    refs = country_refs(view.text)
    pair = lead_pair(view.text, refs, main_pair(refs))  # the opening's "A's trade with B" beats a third country's count
    refs = epithet_refs(view.text, refs, pair)  # "the African nation": one side of the pair, named by its region
    sents = sentences(view.text)
    pieces = _chunks(sents, CHUNK_CHARS) if len(view.text) > CHUNK_CHARS else []
    if len(pieces) <= 1:  # the whole view, exactly as the extractors always saw it
        pieces = [(0, len(view.text), sents)]
    targets, claims, agreements = [], [], []
    for start, end, chunk_sents in pieces:
        budget.check_time()
        part = _extract_part(view.text[start:end], start, chunk_sents, refs, pair, anchor, whole=len(pieces) == 1,
                             figures_anchor=figures_anchor)
        targets += part[0]
        claims += part[1]
        agreements += part[2]
    budget.check_time()
    resolve_previous(targets, claims)
    years_from_paragraph_above(claims, view.text)
    # the year of writing, stated or implied by the text ("this year ... the same period of 2018"): the
    # day a figure was dated by when nothing else dated it
    years_of_the_account(claims, view.text, anchor.year if anchor is not None else None)
    follow_the_giver(view.text, sents, refs, pair, claims)  # the terms of a loan take its giver's side
    swaps_have_no_direction(sents, claims)  # a currency swap runs both ways
    for record in [*targets, *claims, *agreements]:
        _remap(view, record)
        if getattr(record, "date", None) is not None:
            record.date = _remap_date(view, record.date)
    mentions = []
    for ref in refs:
        start, end = view.span(ref.start, ref.end)
        mentions.append(CountryRef(ref.iso3, start, end, text[start:end], ref.kind))
    return Extraction(
        countries=pair, mentions=mentions, claims=claims, targets=targets, agreements=agreements,
        noise=list(view.noise), published=published, published_from=published_from,
        notes=([year_note] if year_note else []) + _notes(anchor, [*claims, *agreements]),
    )


def drop_restated(claims: list, targets: list, published: dt.date | None) -> list:
    """A target's figure repeated elsewhere ("signed a $100 billion deal" for a $100 billion
    investment commitment) is the target again, not a reported actual, unless it is dated in the past."""
    out = []
    for claim in claims:
        same = any(t.target_value is not None and claim.value is not None and claim.currency == t.currency
                   and abs(claim.value - t.target_value) <= 0.005 * abs(t.target_value) for t in targets)
        past = claim.year is not None and published is not None and claim.year < published.year
        if same and not past and claim.modality is None:
            continue
        out.append(claim)
    return out


def _notes(published: dt.date | None, records: list) -> list[str]:
    """One note for relative dates nothing anchors (said once, not on every record)."""
    loose = sorted({r.date.text for r in records if getattr(r, "date", None) is not None and r.date.value is None})
    if not loose:
        return []
    return [f"no publication date in the text or given (--date): relative date(s) left unresolved: {', '.join(loose)}"]


#: The extractors' time grows faster than the text they see (a 1.8 MB article once took 181 s):
#: a long article is run through them in pieces of about this many characters, cut between
#: paragraphs (or sentences), which keeps the whole linear in the article's length. Countries and
#: the article's main pair are found over the whole text first, so every piece knows them.
CHUNK_CHARS = 20_000


def _chunks(sents: list[Sentence], size: int) -> list[tuple[int, int, list[Sentence]]]:
    """(start, end, sentences) pieces of at most ``size`` characters where the text allows,
    preferring to cut where a paragraph ends; one piece when the whole fits."""
    if not sents:
        return []
    pieces: list[tuple[int, int, list[Sentence]]] = []
    group: list[Sentence] = []
    cut = 0  # where the current piece may end at a paragraph boundary (index into group)
    for sentence in sents:
        if group and sentence.end - group[0].start > size:
            keep = group[:cut] if cut else group
            pieces.append((keep[0].start, keep[-1].end, keep))
            group = group[len(keep):]
            cut = 0
        if group and sentence.paragraph != group[-1].paragraph:
            cut = len(group)
        group.append(sentence)
    if group:
        pieces.append((group[0].start, group[-1].end, group))
    return pieces


def _extract_part(
    text: str, offset: int, sents: list[Sentence], refs: list[CountryRef], pair: list[str], published: dt.date | None,
    whole: bool = False, figures_anchor: dt.date | None = None,
) -> tuple[list, list, list]:
    """The extractors over one piece of the view; their records' offsets put back into the whole view."""
    if whole:
        local_sents, local_refs = sents, refs
    else:
        end = offset + len(text)
        local_sents = [replace(s, start=s.start - offset, end=s.end - offset) for s in sents]
        starts = [r.start for r in refs]
        local_refs = [
            replace(r, start=r.start - offset, end=r.end - offset)
            for r in refs[bisect.bisect_left(starts, offset) : bisect.bisect_left(starts, end)]
            if r.end <= end
        ]
    targets, reserved = extract_targets(text, local_sents, local_refs, pair, published)
    claims = drop_restated(extract_claims(text, local_sents, local_refs, pair, figures_anchor or published, reserved),
                           targets, published)
    claims += table_claims(text, local_refs, pair) + partner_ranks(text, local_sents, local_refs, published)
    claims.sort(key=lambda c: c.start)
    agreements = refine_agreements(text, local_sents, local_refs, pair, published,
                                   extract_agreements(text, local_sents, local_refs, pair, published))
    if not whole:
        for record in [*targets, *claims, *agreements]:
            record.start += offset
            record.end += offset
            date = getattr(record, "date", None)
            if date is not None:
                record.date = replace(date, start=date.start + offset, end=date.end + offset)
    return targets, claims, agreements


def _remap(view: CleanText, record) -> None:
    record.start, record.end = view.span(record.start, record.end)
    record.text = view.original[record.start : record.end]


def _remap_date(view: CleanText, ref: DateRef) -> DateRef:
    start, end = view.span(ref.start, ref.end)
    text = view.original[start:end] if end > start else ref.text  # a date from the publication, not the text
    return DateRef(text, start, end, ref.value, ref.precision, ref.relative)
