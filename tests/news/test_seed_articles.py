"""The two founding articles give exactly the claims, targets and agreements written in their .json."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from bilat.news import extract, load_article
from bilat.news.evaluate import agreement_matches, claim_matches, target_matches

#: Publication dates the annotations' notes give ("The Jan. 4 announcement is from January 2015");
#: the 2017 article's note says its date is unknown, so it is read without one.
PUBLISHED = {"israel_japan_cabinet_plan_2015.txt": dt.date(2015, 1, 5)}
SEEDS = ["israel_japan_agreements_2017", "israel_japan_cabinet_plan_2015"]


def _load(shared_examples: Path, stem: str):
    folder = shared_examples / "news"
    annotation = json.loads((folder / f"{stem}.json").read_text(encoding="utf-8"))
    article = load_article(folder / annotation["article"], published=PUBLISHED.get(annotation["article"]))
    return article, annotation, extract(article)


def _located(text: str, quote: str) -> tuple[int, int]:
    pattern = r"\s+".join(re.escape(w) for w in quote.split())
    found = re.search(pattern, text)
    assert found, f"annotation quote not in the article: {quote!r}"
    return found.span()


@pytest.mark.parametrize("stem", SEEDS)
def test_seed_claims_match_annotation_one_to_one(shared_examples: Path, stem: str) -> None:
    article, annotation, result = _load(shared_examples, stem)
    got = [c.to_dict() for c in result.claims]
    assert len(got) == len(annotation["claims"])
    free = list(got)
    for expected in annotation["claims"]:
        hit = next((g for g in free if claim_matches(expected, g)), None)
        assert hit is not None, f"no extracted claim matches {expected}"
        free.remove(hit)
        assert hit["approximate"] == expected.get("approximate", False), expected["text"]
        start, end = _located(article.text, expected["text"])
        assert hit["start"] < end and start < hit["end"], f"{hit['text']!r} is not where {expected['text']!r} is"


@pytest.mark.parametrize("stem", SEEDS)
def test_seed_targets_match_annotation(shared_examples: Path, stem: str) -> None:
    article, annotation, result = _load(shared_examples, stem)
    got = [t.to_dict() for t in result.targets]
    assert len(got) == len(annotation["targets"])
    for expected, target in zip(annotation["targets"], got, strict=True):
        assert target_matches(expected, target)
        assert target["text"] == expected["text"]


@pytest.mark.parametrize("stem", SEEDS)
def test_seed_agreements_match_annotation_field_by_field(shared_examples: Path, stem: str) -> None:
    article, annotation, result = _load(shared_examples, stem)
    assert len(result.agreements) == len(annotation["agreements"])
    for expected, agreement in zip(annotation["agreements"], result.agreements, strict=True):
        got = agreement.to_dict()
        assert agreement_matches(expected, got)
        assert got["signatories"] == expected["signatories"]
        assert got["place"] == expected["place"]
        assert set(got["sectors"]) == set(expected["sectors"])
        assert got.get("partner") == expected.get("partner")
        assert got.get("duration_years") == expected.get("duration_years")
        _assert_same_date(expected["date"], agreement.date)


def _assert_same_date(expected: str, got) -> None:
    """Annotation dates read "Wednesday (relative)" or "Jan. 4 (2015)" / "May (2014)"."""
    words, note = re.fullmatch(r"(.+) \((.+)\)", expected).groups()
    assert got is not None
    assert words.split()[0].rstrip(".") in got.text
    if note == "relative":
        assert got.value is None and got.relative
    else:
        assert got.value is not None and got.value.year == int(note)


@pytest.mark.parametrize("stem", SEEDS)
def test_seed_main_countries_are_the_annotated_pair(shared_examples: Path, stem: str) -> None:
    _, annotation, result = _load(shared_examples, stem)
    assert result.countries == annotation["countries"]


@pytest.mark.parametrize("stem", SEEDS)
def test_every_record_span_is_the_original_text_at_its_offsets(shared_examples: Path, stem: str) -> None:
    article, _, result = _load(shared_examples, stem)
    records = [*result.claims, *result.targets, *result.agreements, *result.mentions]
    assert records
    for record in records:
        assert article.text[record.start : record.end] == record.text
