"""Agreements and cooperation events: what was signed (or approved), by whom, where, when, on what.

News text spreads one event over several sentences ("ministers signed two agreements in
Jerusalem… In the first agreement, … signed a joint statement… Central to the arrangement
will be … AI, robotics… The second agreement calls for … cyber security"). So the extractor
keeps a little state while reading:

* an *event* (a signing or approval: date, place, signatories, parties), created by a sentence
  with a signing verb and an instrument word ("signed two agreements", "protocols signed in Tokyo");
* its *agreements* (slots): "two agreements" opens two; "the first agreement" / "the second
  agreement" refer to them; a typed phrase in the same sentence ("a joint statement") names one;
* a *current* agreement: sectors, durations and dates in later sentences of the same paragraph
  ("the arrangement", "the plan") attach to it. A plural definite reference ("The agreements
  are…") closes it.

A plan approved by one government ("the Israeli Cabinet approved an investment plan…") is
unilateral: ``parties`` is that country and ``partner`` the country it is aimed at.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import bilat.news.cues as cues
from bilat.news.agreement_words import (
    TYPES, _TYPE_RE, SIGN, _NOT_SIGNED, PENDING, _APPROVE, _GOV, _NUMBER_WORDS,
    _COUNT, _SERIES, _MEETING, _ORDINAL, _ORDINALS, _UPGRADED, _DEFINITE, _DURATION,
    _QUOTED, _AGREED_TO, _TITLE_GAP, _LISTED, _one_side_issuer, _TALLY, _GENERIC, _RECALLED_ALL, _APPROVED, enters_into_force,
)
from bilat.news.dates import find_dates
from bilat.news.event_dates import _OTHER_EVENT, _is_year_only, _later_date, _shift, _specificity
from bilat.news.schema import type_code
from bilat.news.model import Agreement, CountryRef, DateRef
from bilat.news.sectors import find_sectors
from bilat.news.signatories import PLACE as _PLACE
from bilat.news.signatories import names as _names
from bilat.news.text import Sentence, tagged


#: a strategic partnership named without an instrument word is the relation the two sides have
_RELATION = re.compile(r"strategic partnership")
#: ... unless the words just before sign or establish it ("signed a comprehensive strategic partnership")
_SIGNED_NOW = re.compile(r"\b(?:sign(?:ed|s)?|ink(?:ed|s)?|conclud(?:ed|es)|establish(?:ed|es)?|launch(?:ed|es)?|"
                         r"forg(?:ed|es)|form(?:ed|s)?|seal(?:ed|s)?)\s+(?:an?\s+|the\s+|their\s+)?(?:[\w-]+\s+){0,3}$", re.I)


@dataclass
class _Event:
    date: DateRef | None = None
    place: str | None = None
    signatories: list[str] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)
    partner: str | None = None
    sectors: list[str] = field(default_factory=list)
    slots: list[Agreement] = field(default_factory=list)
    count: int = 0
    paragraph: int = 0
    kind: str = "agreement"
    span: tuple[int, int] = (0, 0)


#: a web address: its words ("/leaders-ink-deals/") are a page's name, not the text's report
_URL = re.compile(r"\b(?:https?://|www\.)\S+")

#: what follows a plural that heads a list of the papers: "These agreements include ...", "... comprise ..."
_LIST_HEAD = re.compile(r"\s+(?:include[sd]?|including|compris(?:e|es|ed)|consist(?:s|ed)?\s+of)\b")

#: Above this many instruments in one signing, they are one record with a count (not one record each).
_MAX_SLOTS = 4


def extract_agreements(
    view: str, sents: list[Sentence], refs: list[CountryRef], pair: list[str], published: dt.date | None
) -> list[Agreement]:
    """Agreements in the view (view offsets)."""
    events: list[_Event] = []
    current: Agreement | None = None
    current_paragraph = -1
    owner: dict[int, _Event] = {}
    this_agreed = False
    for sent in sents:
        if sent.headline:
            continue
        text = _URL.sub(lambda m: " " * len(m.group()), sent.text)  # "…/Ink-Deals-On-…": an address, no signing
        previous_agreed, this_agreed = this_agreed, _AGREED_TO.search(text) is not None
        signing = SIGN.search(text) is not None and not _NOT_SIGNED.search(text)
        pending = not signing and PENDING.search(text) is not None
        mentioned: list[Agreement] = []
        new_event: _Event | None = None
        taken: list[tuple[int, int]] = []
        count = _COUNT.search(text) or (_SERIES.search(text) if pending or signing else None)  # ("signed a number of documents")
        if count and _TALLY.search(text, 0, count.start()):  # ("signed three, bringing the total so far to 40" signs)
            count = None  # "to date the two have signed 34 documents": a running total, not a signing
        if count and (signing or pending):  # "signed 51 agreements", "will sign at least 21 agreements"
            n = _count(count.group("n")) * (12 if count.groupdict().get("dozen") else 1)
            new_event = _Event(count=n, paragraph=sent.paragraph)
            events.append(new_event)
            taken.append(count.span())
            noun = _TYPE_RE.search(text, count.start("n"))
            kind = next((TYPES[i][1] for i in range(len(TYPES)) if noun and noun.group(f"t{i}")), "agreement")
            if new_event.count > _MAX_SLOTS:  # many instruments signed together: one record with a count
                batch = Agreement(text="", start=sent.start + count.start(), end=sent.start + count.end(), type=kind,
                                  count=new_event.count)
                new_event.slots.append(batch)
                new_event.count = 1
                owner[id(batch)] = new_event
                mentioned.append(batch)
            new_event.kind = kind
            new_event.span = (sent.start + count.start(), sent.start + count.end())
        ordinal_slot: Agreement | None = None
        for om in _ORDINAL.finditer(text):
            k = _ORDINALS[om.group("o")]  # "the second agreement": of the batch that counted at least two
            event = new_event or next((e for e in reversed(events) if e.count >= k), events[-1] if events else None)
            if event is None:
                continue
            while len(event.slots) < k:
                slot = Agreement(text="", start=sent.start + om.start("o"), end=sent.start + om.end(), type=event.kind)
                event.slots.append(slot)
                owner[id(slot)] = event
            ordinal_slot = event.slots[k - 1]
            if ordinal_slot.type in _GENERIC and re.search(r"(?i)(?:memorandum|mou|protocol)$", om.group()):
                ordinal_slot.type = "protocol" if om.group().lower().endswith("protocol") else "MoU"  # "The first MoU ..."
            ordinal_slot.start, ordinal_slot.end = sent.start + om.start("o"), sent.start + om.end()
            mentioned.append(ordinal_slot)
            taken.append(om.span())
        closes = False
        title_end, title_start = -1, -1
        for tm in _TYPE_RE.finditer(text):
            if any(tm.start() < e and s < tm.end() for s, e in taken) or text[tm.start() - 1 : tm.start()] + text[tm.end() : tm.end() + 1] == "()":
                continue  # "12 memorandums of understanding (MOUs)": the name's abbreviation, not another paper
            gap = text[title_end : tm.start()] if title_end >= 0 else ""
            in_title = tm.group()[:1].isupper() and title_end >= 0 and _TITLE_GAP.fullmatch(gap) is not None and (
                not re.search(r"\band\b", gap) or _LISTED.search(text[max(0, title_start - 30) : title_start]) is not None)
            title_end, title_start = (tm.end(), tm.start()) if tm.group()[:1].isupper() else (-1, -1)
            if in_title:
                continue  # "a Memorandum of Cooperation for a Strengthened Partnership": one instrument's name
            kind = next(TYPES[i][1] for i in range(len(TYPES)) if tm.group(f"t{i}"))
            if kind == "cooperation agreement" and _RELATION.fullmatch(tm.group()) and not _SIGNED_NOW.search(
                    text[max(0, tm.start() - 50) : tm.start()]):
                continue  # "to deepen the two nations' strategic partnership": the relation, not a deal
            plural = tm.group().endswith("s") and kind not in ("MoU",) and not tm.group().endswith("ss")
            if plural and kind == "agreement" and _RECALLED_ALL.search(text[max(0, tm.start() - 40) : tm.start()]):
                continue  # "the implementation of all agreements reached": those the two already have
            definite = _DEFINITE.search(text[max(0, tm.start() - 60) : tm.start()]) is not None
            if plural and definite and _LIST_HEAD.match(text, tm.end()):
                continue  # "These agreements include a memorandum on ...": the list's head, its items are the papers
            existing = _latest(events, kind)
            if (definite and not signing and kind not in ("agreement", "document", "deal", "partnership", "plan")
                    and tm.group()[:1].isupper() and existing is None and current is not None
                    and current.type in ("agreement", "document") and owner.get(id(current)) is (events[-1] if events else None)):
                current.type = kind  # "One accord is the Green Corridor plan … That Memorandum of Understanding
                mentioned.append(current)  # covers …": the untyped slot being described is that MoU
                continue
            if ordinal_slot is not None and ordinal_slot.type in _GENERIC and kind not in ("agreement", ordinal_slot.type):
                ordinal_slot.type = kind
                ordinal_slot.start, ordinal_slot.end = sent.start + tm.start(), sent.start + tm.end()
                continue
            if _UPGRADED.search(text[max(0, tm.start() - 60) : tm.start()]) and any(a.start < sent.start + tm.start() for a in mentioned):
                continue  # "a protocol to upgrade their FTA": the FTA already exists; the protocol is signed
            original = (definite and existing is not None and getattr(existing, "_upgraded", False) and signing
                        and re.search(r"\bsigned\s+(?:the|their)\s+$", text[: tm.start()]) is not None)
            titled = tm.group()[:1].isupper() and re.search(r"\b[Tt]he\s+(?:[A-Z][a-z]+\s+){1,3}$", text[: tm.start()])
            if definite and titled and kind == "agreement" and existing is not None and not signing \
                    and type_code(existing.type) not in ("other", "fta"):
                continue  # "the Customs Union Agreement" after a declaration: its own, not the declaration
            if definite and plural and existing is None and any(e.count >= 2 for e in events):
                closes = True  # "signed two cooperation agreements … The agreements were signed during …": the batch
                continue
            if definite and existing is not None and not original and not (titled and signing and kind == "agreement"):
                if plural and kind in ("agreement",):
                    closes = True
                elif existing not in mentioned:
                    mentioned.append(existing)
                continue
            participle = re.match(r"\s+(?:(?:were|was|have\s+been|had\s+been|has\s+been)\s+)?(?:signed|inked|concluded|"
                                  r"agreed|approved|reached|sealed)\b", text[tm.end() :])
            if definite and kind == "agreement" and not participle and previous_agreed:
                continue  # "A and B agreed to raise trade. The agreement was announced in …": the verb, not a deal
            named = pending and kind not in ("agreement", "plan", "partnership")  # "expected to sign an FTA"
            quoted = (kind == "joint statement" and _QUOTED.search(text[max(0, tm.start() - 30) : tm.end() + 30]) is not None
                      and not _one_side_issuer(view, sent.start + tm.end(), sent.end, refs))
            in_force = not (signing or participle or named or quoted) and enters_into_force(text, tm.end())
            if not (signing or participle or named or quoted or in_force) or kind == "plan" and not _APPROVED.search(text):
                continue
            if kind == "roadmap" and not _ROADMAP_OBJECT.search(text[max(0, tm.start() - 60) : tm.start()]):
                continue  # "it constitutes a roadmap for cooperation": a description, not a paper launched
            event = new_event
            if event is None or (event.count and len(event.slots) >= event.count):
                event = _Event(paragraph=sent.paragraph)
                events.append(event)
                new_event = event
            label = "protocols" if kind == "protocol" and plural else kind
            agreement = Agreement(text="", start=sent.start + tm.start(), end=sent.start + tm.end(), type=label)
            if event.count and event.kind not in ("agreement", "document") and kind != event.kind:
                agreement._beside = True  # "an FTA and three MoUs": the FTA is not one of the three
            agreement._upgraded = _UPGRADED.search(text[max(0, tm.start() - 60) : tm.start()]) is not None
            agreement._original = original  # "since they signed the pact in 2010": the pact talks now upgrade
            event.slots.append(agreement)
            owner[id(agreement)] = event
            mentioned.append(agreement)
        if new_event is not None:
            _fill_event(new_event, view, sent, refs, pair, published)
        elif signing and mentioned:
            for agreement in mentioned:
                event = owner.get(id(agreement))
                if event is not None:
                    _fill_event(event, view, sent, refs, pair, published, parties=False)
        elif (signing or re.search(r"\bsigning\b", text)) and events and sent.paragraph - events[-1].paragraph <= 1:
            # "X and Y signed the text": names for the event just reported
            _fill_event(events[-1], view, sent, refs, pair, published, parties=False)
        targets = [a for a in mentioned]
        if not targets and current is not None and sent.paragraph == current_paragraph and not closes:
            targets = [current]
        sectors = [s for _, _, s in find_sectors(text)]
        if new_event is not None and not new_event.slots:
            _add(new_event.sectors, sectors)
        else:
            for agreement in targets:
                _add(agreement.sectors, sectors)
        for agreement in targets:
            # a sentence that neither names the agreement nor signs anything dates another event
            # ("... established diplomatic ties on May 30, 1956"), not the agreement carried over
            _details(agreement, sent, published, dated_here=signing or any(a is agreement for a in mentioned))
        if closes:
            current = None
        elif targets:
            current = targets[-1]
            current_paragraph = sent.paragraph
    return _finish(events, view, pair)


def _count(raw: str) -> int:
    return int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw.lower(), 1)  # "a series of": one record


def _latest(events: list[_Event], kind: str) -> Agreement | None:
    family = {"plan": ("plan", "investment plan", "action plan", "government investment plan", "government plan")}
    accepted = family.get(kind, (kind,))
    for event in reversed(events):
        for slot in reversed(event.slots):
            base = slot.type.removeprefix("government ").rstrip("s") if slot.type != "protocols" else "protocol"
            if kind == "agreement" or slot.type in accepted or base in accepted or base == kind:
                return slot
    return None


def _add(target: list[str], items: list[str]) -> None:
    for item in items:
        if item not in target:
            target.append(item)


def _fill_event(
    event: _Event, view: str, sent: Sentence, refs: list[CountryRef], pair: list[str], published: dt.date | None,
    parties: bool = True,
) -> None:
    text = sent.text
    dates = [d for d in find_dates(text, published) if not _is_year_only(d) and not _later_date(text, d)
             and not _OTHER_EVENT.search(text[max(0, d.start - 30) : d.start])]
    if dates and (event.date is None or _specificity(dates[0]) > _specificity(event.date)):
        event.date = _shift(dates[0], sent.start)
    place = _PLACE.search(text)
    if place and event.place is None:
        event.place = place.group("city")
    if len(event.parties) != 1:  # a unilateral plan is approved, not signed: no signatories
        _add(event.signatories, _names(text, sent.start, refs))
    if not parties or event.parties:
        return
    tagged_text = tagged(view, sent.start, sent.end, refs)
    named = list(dict.fromkeys(re.findall(r"@([A-Z]{3,8})", tagged_text)))
    approve = _APPROVE.search(text)
    gov = _GOV.search(text)
    between = re.search(r"\bbetween\s+(?:the\s+)?@[A-Z]{3,8}\s+and\s+(?:the\s+)?@[A-Z]{3,8}", tagged_text) or (
        _BETWEEN_BODIES.search(text))  # "a pact between our farm office and its Maldivian peer": two sides
    # "the Cabinet approved the agreement": an instrument the text already named, when no country owns the cabinet
    earlier = re.match(r"\s+the\s+(?:agreements?|deals?|pacts?|accords?|treaty)\b", text[approve.end():]) if approve else None
    if approve and gov and gov.start() < approve.start() and between is None and not (
            earlier and cues.country_before(tagged(view, sent.start, sent.start + gov.end(), refs)) is None):
        owner = cues.country_before(tagged(view, sent.start, sent.start + gov.end(), refs))
        if owner is None and named:
            owner = named[0]
        if owner is not None:
            event.parties = [owner]
            event.signatories.clear()
            partner = re.search(r"\bwith\s+(?:the\s+)?@([A-Z]{3,8})", tagged_text)
            event.partner = partner.group(1) if partner else cues.fill_from_pair(owner, None, pair)[1]
            return
    if len(named) >= 2:
        event.parties = list(pair) if all(p in named for p in pair) else named[:2]
    elif len(named) == 1 and len(pair) == 2 and named[0] in pair:
        event.parties = list(pair)
    elif len(named) == 1:
        event.parties = [named[0]] + [p for p in pair if p != named[0]][:1]
    else:
        event.parties = list(pair)


#: a roadmap is a record only as the object of its launch ("launched a 'trade and investment roadmap'")
_ROADMAP_OBJECT = re.compile(r"\b(?:launch|sign|adopt|unveil|ink|agree)\w*\s+(?:on\s+)?(?:an?|the|their)\s+[‘'\"]?(?:[\w-]+\s+){0,4}$",
                             re.I)
#: an instrument between two named bodies ("a pact between the Farm Office and the Fisheries Board
#: of Ghana"): approved by one cabinet, still an instrument of two sides
_BETWEEN_BODIES = re.compile(r"\b(?:agreements?|accords?|pacts?|memorand\w+|MoUs?)\s+between\s+(?:the\s+)?[A-Z][^,.;]{2,60}?\s+and\s+"
                             r"(?:the\s+|its\s+)?[A-Z]")


def _details(agreement: Agreement, sent: Sentence, published: dt.date | None, dated_here: bool = True) -> None:
    text = sent.text
    m = _DURATION.search(text)
    if m and agreement.duration_years is None:
        raw = (m.group("n") or m.group("m")).lower()
        agreement.duration_years = float(raw) if raw.isdigit() else float(_NUMBER_WORDS.get(raw, 0)) or None
    if not dated_here:
        return
    dates = [_shift(d, sent.start) for d in find_dates(text, published) if not _is_year_only(d)
             and not _later_date(text, d) and not _OTHER_EVENT.search(text[max(0, d.start - 30) : d.start])]
    if dates and agreement.date is not None and _specificity(dates[0]) > _specificity(agreement.date):
        agreement.date = dates[0]
    elif dates and agreement.date is None and _specificity(dates[0]) in (2, 3):  # not a bare "on Friday"
        agreement.date = dates[0]


def _finish(events: list[_Event], view: str, pair: list[str]) -> list[Agreement]:
    out: list[Agreement] = []
    for event in events:
        while len([x for x in event.slots if not getattr(x, "_beside", False)]) < event.count:
            event.slots.append(Agreement(text="", start=event.span[0], end=event.span[1], type=event.kind))
        for slot in event.slots:
            if slot.end == 0:
                continue
            if event.count >= 2:  # "signed two agreements": its slots stay separate records (agreement_events)
                slot._event = id(event)
            slot.__dict__.pop("_beside", None)
            slot.parties = list(event.parties or pair)
            slot.partner = event.partner
            slot.signatories = list(event.signatories)
            slot.place = event.place
            if slot.date is None or (event.date is not None and _specificity(event.date) > _specificity(slot.date)):
                slot.date = event.date
            if not slot.sectors:
                slot.sectors = list(event.sectors)
            if slot.type == "agreement" and _COOP_CUE.search(_context(view, slot)):
                slot.type = "cooperation agreement"
            elif slot.type in ("agreement", "document") and slot.count and slot.count > _MAX_SLOTS:
                slot.type = "cooperation agreement"  # "signed 21 agreements": a batch over many fields
            elif slot.type in ("protocol", "protocols") and _MEETING.search(_context(view, slot)):
                slot.type = "cooperation agreement"  # the final protocol of a commission: not export finance
            if len(slot.parties) == 1 and slot.type == "fund" and slot.partner:
                slot.parties = [slot.parties[0], slot.partner]  # a joint fund approved by one side has two
            if len(slot.parties) == 1 and slot.type in ("investment plan", "plan", "action plan"):
                slot.type = "government " + slot.type
            elif len(slot.parties) == 2 and slot.type == "action plan":
                slot.type = "joint action plan"  # two governments' steps on a partnership: not an investment plan
            out.append(slot)
    return out


#: a word that makes a plain "agreement" a cooperation agreement, unless it belongs to another
#: name: "said in a joint statement" (another instrument), "the trade cooperation director general"
#: (an office), "their strategic partnership" is kept, as before (round eleven)
_COOP_CUE = re.compile(r"(?:co-?operat|collaborat|joint|partnership)(?![\w-]*\s+(?:statements?|declarations?|communiqu|"
                       r"press\b|directors?\b|director-general|departments?\b|divisions?\b|ministers?\b|ministry\b|"
                       r"bureau\b|office\b|agency\b|council\b|commission\b|committee\b))")


def _context(view: str, slot: Agreement) -> str:
    start = view.rfind("\n", 0, slot.start) + 1
    end = view.find(".", slot.end)
    return view[start : end if end >= 0 else len(view)]
