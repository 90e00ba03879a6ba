"""The records bilat extracts from a news article.

Every record carries ``start``/``end`` offsets into the article's *original* text and the ``text``
found there, so ``article.text[start:end] == record.text`` always holds: a reader (or a test) can go
back from any number to the words it came from. ``to_dict()`` gives the JSON layout of the
hand-written annotations in ``examples/news/*.json`` (``from``/``to`` rather than Python names).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Article:
    """One ingested article: the exact text that offsets refer to, and where it came from."""

    text: str
    sha256: str
    name: str
    source: str | None = None
    published: dt.date | None = None
    title: str | None = None


@dataclass(frozen=True)
class DateRef:
    """A date as written ("on Wednesday", "Jan. 4", "last May") and, when it can be known, its value.

    ``value`` is None when the text is relative and no publication date anchors it. ``precision``
    says how much of ``value`` the text supports: ``day``, ``month`` or ``year``.
    """

    text: str
    start: int
    end: int
    value: dt.date | None
    precision: str
    relative: bool

    def label(self) -> str:
        """Short human form: ``2015-01-04``, ``2014-05``, or ``Wednesday (relative)``."""
        if self.value is None:
            return f"{self.text} (relative)"
        if self.precision == "year":
            return f"{self.value.year}"
        if self.precision == "month":
            return f"{self.value:%Y-%m}"
        return self.value.isoformat()


@dataclass
class Claim:
    """A number the article states about trade or the economy.

    ``value`` is in base units (dollars, not billions; percent stays in percent points, so
    "0.1 percent" is ``0.1`` with unit ``percent``). ``currency`` is an ISO 4217 code for money.
    ``basis`` records how the article worded a flow (``exports``/``imports``/``trade``) because
    an importer's figure (CIF) and an exporter's (FOB) differ; the fact-check uses it to explain gaps.
    """

    text: str
    start: int
    end: int
    measure: str
    value: float | None = None
    unit: str | None = None
    currency: str | None = None
    from_: str | None = None
    to: str | None = None
    country: str | None = None
    year: int | None = None
    approximate: bool = False
    hedge: str | None = None
    hs_chapters: list[str] = field(default_factory=list)
    about: str | None = None
    basis: str | None = None
    scope: str | None = None
    # added for real articles (issue 14); absent from older stored records, so all optional
    period: str | None = None  # "FY2013-14", "2020-H1", "2017-Q1", "2005-01..2005-08"
    modality: str | None = None  # None = reported actual; "forecast", "projected_effect", "estimate"
    alt_values: list[dict[str, Any]] = field(default_factory=list)  # conversions in parentheses
    value_high: float | None = None  # upper bound of a range ("5-10 percent")
    truncated: bool = False  # the text was cut inside the number's scale word ("€3 bi"): value assumes it
    currency_assumed: bool = False  # no currency written ("about 38 billion"): taken from the text around it

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "measure": self.measure,
        }
        if self.value is not None:
            out["value"] = self.value
        if self.unit:
            out["unit"] = self.unit
        if self.currency:
            out["currency"] = self.currency
        if self.measure in ("gdp", "gdp_rank", "rank", "partner_rank"):
            out["country"] = self.country
        else:
            out["from"] = self.from_
            out["to"] = self.to
            if self.measure in ("imports_total", "exports_total"):  # whose total: the fact-check reads it back
                out["country"] = self.country
        out["year"] = self.year
        out["approximate"] = self.approximate
        for key in ("hedge", "about", "basis", "scope", "period", "modality", "value_high"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        if self.alt_values:
            out["alt_values"] = [dict(v) for v in self.alt_values]
        if self.truncated:
            out["truncated"] = True
        if self.currency_assumed:
            out["currency_assumed"] = True
        if self.hs_chapters:
            out["hs_chapters"] = list(self.hs_chapters)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Claim:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        known["from_"] = data.get("from")
        return cls(**known)


@dataclass
class DeclaredTarget:
    """A declared goal ("double the trade", "reach $10 billion by 2025") the goal tracker can store."""

    text: str
    start: int
    end: int
    measure: str
    countries: list[str]
    multiplier: float | None = None
    target_value: float | None = None
    currency: str | None = None
    unit: str | None = None
    base_value: float | None = None
    base_year: int | None = None
    by_year: int | None = None
    from_: str | None = None
    to: str | None = None
    # added for real articles (issue 14); all optional
    kind: str | None = None  # goal, expectation, projection, commitment
    horizon_years: float | None = None  # "within five years", "over the next 15 years"
    horizon_end: int | None = None  # publication year + horizon_years (by_year stays the stated year)
    increase: bool = False  # the value is an increment ("add $5 billion"), not the level reached
    hedge: str | None = None  # about / nearly / over / under
    alt_values: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out = {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "measure": self.measure,
            "countries": list(self.countries),
            "multiplier": self.multiplier,
            "base_year": self.base_year,
            "by_year": self.by_year,
        }
        for key in ("target_value", "currency", "unit", "base_value", "to"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        if self.from_ is not None:
            out["from"] = self.from_
        out["kind"] = self.kind or "goal"
        for key in ("horizon_years", "hedge"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        if self.horizon_end is not None:
            out["horizon_end"] = self.horizon_end
        if self.increase:
            out["increase"] = True
        if self.alt_values:
            out["alt_values"] = [dict(v) for v in self.alt_values]
        return out

    def to_target_dict(self) -> dict[str, Any]:
        """The fields the goal tracker (``bilat target add``) stores, without offsets."""
        return {
            "measure": self.measure,
            "countries": list(self.countries),
            "from": self.from_,
            "to": self.to,
            "multiplier": self.multiplier,
            "target_value": self.target_value,
            "currency": self.currency,
            "unit": self.unit,
            "base_value": self.base_value,
            "base_year": self.base_year,
            "by_year": self.by_year,
            "kind": self.kind or "goal",
            "horizon_years": self.horizon_years,
            "horizon_end": self.horizon_end,
            "quote": self.text,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DeclaredTarget:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        known["from_"] = data.get("from")
        return cls(**known)


#: The 0.1 name, kept importable for one release (the goal tracker's goal is
#: :class:`bilat.analytics.targets.Target`; this is a target as an article words it).
Target = DeclaredTarget


@dataclass
class Agreement:
    """A signed (or government-approved) instrument: MoU, joint statement, FTA, plan...

    ``start``/``end`` locate the words that name the instrument; ``parties`` are the countries
    bound by it (one for a unilateral government plan, with ``partner`` the country it targets).
    """

    text: str
    start: int
    end: int
    type: str
    parties: list[str] = field(default_factory=list)
    partner: str | None = None
    signatories: list[str] = field(default_factory=list)
    place: str | None = None
    date: DateRef | None = None
    sectors: list[str] = field(default_factory=list)
    duration_years: float | None = None
    amount: float | None = None
    currency: str | None = None
    count: int | None = None  # "16 memorandums of understanding" signed together: one record, count 16
    # added for real articles (issue 14); optional
    status: str | None = None  # None = signed/approved; talks_launched, negotiations_launched, agreed_in_principle, in_force
    acronym: str | None = None  # "CEPA", "EPA": later mentions by acronym join this record

    def to_dict(self) -> dict[str, Any]:
        from bilat.news.schema import AGREEMENT_TYPES, type_code

        code = type_code(self.type)
        out: dict[str, Any] = {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "type": self.type,  # the label as the text suggests it ("MoU", "protocols"); stable code below
            "type_code": code,
            "type_label": AGREEMENT_TYPES[code],
            "parties": list(self.parties),
            "signatories": list(self.signatories),
            "place": self.place,
            "date": self.date.label() if self.date else None,
            "sectors": list(self.sectors),
        }
        if self.date is not None:
            out["date_ref"] = asdict(self.date) | {"value": self.date.value.isoformat() if self.date.value else None}
        if self.partner:
            out["partner"] = self.partner
        if self.duration_years is not None:
            out["duration_years"] = self.duration_years
        if self.count is not None:
            out["count"] = self.count
        out["status"] = self.status or "signed"
        if self.acronym:
            out["acronym"] = self.acronym
        if self.amount is not None:
            out["amount"] = self.amount
            out["currency"] = self.currency
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Agreement:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__ and k != "date"}
        if data.get("type_detail"):  # the label; "type" is its code
            known["type"] = data["type_detail"]
        if known.get("status") == "signed":
            known["status"] = None
        ref = data.get("date_ref")
        if ref:
            value = dt.date.fromisoformat(ref["value"]) if ref.get("value") else None
            known["date"] = DateRef(**(ref | {"value": value}))
        return cls(**known)


@dataclass
class CountryRef:
    """A country named in the article (by name, demonym or possessive), with its offsets."""

    iso3: str
    start: int
    end: int
    text: str
    kind: str


@dataclass
class Extraction:
    """Everything extracted from one article."""

    countries: list[str]
    mentions: list[CountryRef]
    claims: list[Claim]
    targets: list[DeclaredTarget]
    agreements: list[Agreement]
    noise: list[tuple[int, int, str]] = field(default_factory=list)
    published: dt.date | None = None  # the date relative dates were resolved with
    published_from: str | None = None  # "given" (--date), "prefix", "dateline" (or "dateline, year assumed ..."),
    #                                    "source", "byline", or None
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "published": self.published.isoformat() if self.published else None,
            "published_from": self.published_from,
            "notes": list(self.notes),
            "countries": list(self.countries),
            "mentions": [asdict(m) for m in self.mentions],
            "claims": [c.to_dict() for c in self.claims],
            "targets": [t.to_dict() for t in self.targets],
            "agreements": [a.to_dict() for a in self.agreements],
            "noise": [list(n) for n in self.noise],
        }
