"""Run every extractor on one article and map the records back to the original text.

Extractors see the cleaned view (:mod:`.cleaning`) and report view offsets; this is the one
place that turns them into original offsets and sets ``record.text = original[start:end]``.
"""

from __future__ import annotations

import datetime as dt

from bilat.news.agreement_events import refine_agreements
from bilat.news.agreements import extract_agreements
from bilat.news.claims import extract_claims
from bilat.news.cleaning import CleanText, clean
from bilat.news.mentions import country_refs, main_pair
from bilat.news.model import Article, CountryRef, DateRef, Extraction
from bilat.news.pubdate import publication_date
from bilat.news.tables import table_claims
from bilat.news.targets import extract_targets, resolve_previous
from bilat.news.text import sentences


def extract(article: Article | str, published: dt.date | None = None) -> Extraction:
    """Countries, claims, targets and agreements of ``article`` (an :class:`Article` or plain text)."""
    if isinstance(article, Article):
        text, published = article.text, published or article.published
    else:
        text = article
    published_from = "given" if published is not None else None
    if published is None:
        stated = publication_date(text)
        if stated is not None:
            published, published_from = stated.date, stated.how
    view = clean(text)
    refs = country_refs(view.text)
    pair = main_pair(refs)
    sents = sentences(view.text)
    targets, reserved = extract_targets(view.text, sents, refs, pair, published)
    claims = drop_restated(extract_claims(view.text, sents, refs, pair, published, reserved), targets, published)
    claims = sorted(claims + table_claims(view.text, refs, pair), key=lambda c: c.start)
    resolve_previous(targets, claims)
    agreements = refine_agreements(view.text, sents, refs, pair, published,
                                   extract_agreements(view.text, sents, refs, pair, published))
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
        notes=_notes(published, [*claims, *agreements]),
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


def _remap(view: CleanText, record) -> None:
    record.start, record.end = view.span(record.start, record.end)
    record.text = view.original[record.start : record.end]


def _remap_date(view: CleanText, ref: DateRef) -> DateRef:
    start, end = view.span(ref.start, ref.end)
    text = view.original[start:end] if end > start else ref.text  # a date from the publication, not the text
    return DateRef(text, start, end, ref.value, ref.precision, ref.relative)
