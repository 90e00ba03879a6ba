"""One agreement, one record: later mentions ("the pact", "the FTA", an acronym) join the first.

Why a module of its own: deciding that two mentions are one instrument is the step real articles
get wrong most (an agreement recorded twice, or two instruments folded into one), and it has its
own rules: same parties and type join unless the text marks another instrument ("a second MOU",
"an agreement to avoid double taxation" beside an FTA), batches ("12 agreements") absorb their
restatements, and slots of one signing stay apart.
"""

from __future__ import annotations

import re

from bilat.news.agreement_batches import batch_member, mixed_batch_type
from bilat.news.dates import MONTHS, WEEKDAYS
from bilat.news.model import Agreement
from bilat.news.schema import type_code
from bilat.news.text import Sentence


#: acronyms of a kind, not of one instrument: "the proposed Free Trade Agreement (FTA)" and "officially
#: termed the CEPA" are one agreement; two named acronyms (ECTA and CECA) are two
_GENERIC_ACRONYMS = frozenset({"FTA"})


def _acronyms_differ(a: str | None, b: str | None) -> bool:
    """Two acronyms that name two instruments (neither is only the kind's abbreviation)."""
    return bool(a and b and a != b and a not in _GENERIC_ACRONYMS and b not in _GENERIC_ACRONYMS)


def same_record(records: list[Agreement], parties: list[str], kind: str, acronym: str | None) -> Agreement | None:
    code = type_code(kind)
    for r in records:
        if set(r.parties or []) == set(parties) and type_code(r.type) == code and r.count is None:
            if _acronyms_differ(acronym, r.acronym):
                continue
            return r
    return None


def merge(records: list[Agreement], view: str = "", sents: list[Sentence] | None = None) -> list[Agreement]:
    """One record per agreement: same parties and type (and no conflicting acronym) are one, unless
    the text marks the later one as another instrument ("a second loan agreement")."""
    out: list[Agreement] = []
    for r in sorted(records, key=lambda a: a.start):
        code = type_code(r.type)
        typed = [k for k in records if k is not r and k.count is None and set(k.parties) == set(r.parties) and type_code(k.type) in ("fta", "cooperation_agreement")]
        plural = view[r.start : r.end].lower().endswith(("agreements", "deals", "pacts", "accords"))
        batch = next((k for k in out if k.count is not None and set(k.parties) == set(r.parties)
                      and (r.count is None and plural and code == "other" or k.count == r.count
                           and type_code(k.type) == code)), None)
        if batch is not None:
            _absorb(batch, r)  # "signed 12 agreements … the 12 pacts signed …": the batch again
            continue
        if r.count is None and code == "other" and r.type in ("agreement", "deal", "pact") and typed and not plural \
                and getattr(typed[0], "_upgraded", False) and getattr(r, "_original", False):
            r.type = typed[0].type  # "talks to upgrade their FTA … since they signed the pact in 2010": the original
            out.append(r)
            continue
        if r.count is None and code == "other" and r.type in ("agreement", "deal") and typed and not plural \
                and not _own_instrument(view, r) and not getattr(r, "_listed", False):
            _absorb(typed[0], r)  # "the agreement", "the deal": a later (or earlier) mention of the typed one
            continue
        renamed = next((k for k in out if _same_name_root(view, k, r) or _same_name_root(view, r, k)), None)
        if renamed is not None:
            if type_code(r.type) == "fta":
                renamed.type, renamed.status = r.type, renamed.status or r.status  # the partnership named first
            _absorb(renamed, r)  # "the Trans-Atlantic free trade agreement … the Transatlantic … Partnership": one deal
            continue
        named_protocol = next((k for k in out if protocol_of_fta(view, k, r)), None)
        if named_protocol is not None:
            _absorb(named_protocol, r)  # "the ... FTA 3.0 Upgrade Protocol ... The signed protocol": one paper
            continue
        same = None if getattr(r, "_fresh", False) else next((k for k in out if set(k.parties) == set(r.parties) and type_code(k.type) == code
                     and k.count is None and r.count is None and not _acronyms_differ(k.acronym, r.acronym)
                     and not _same_event(k, r) and not _listed_beside_plural(view, k, r)
                     and _mentions(view, sents, k, r)), None)
        if same is not None:
            _absorb(same, r)
            continue
        out.append(r)
    out = _fold_concluding_mou(view, out)
    out = _fill_slots_with_named(out)
    out = _fold_into_batches(view, sents, out)
    for r in records:
        for attr in ("_new", "_event", "_upgraded", "_original", "_listed", "_fresh"):
            if hasattr(r, attr):
                delattr(r, attr)
    return out


def _fill_slots_with_named(out: list[Agreement]) -> list[Agreement]:
    """ "signed three agreements … The rail board also signed a Memorandum of Understanding": an
    instrument named after a counted signing of plain agreements is one of the count (the corpus
    keeps the named items, each once), so it takes an unnamed slot's place instead of adding one."""
    kept = list(out)
    for r in out:
        if r.count is not None or type_code(r.type) == "other" or getattr(r, "_event", None) is not None:
            continue
        slot = next((k for k in kept if getattr(k, "_event", None) is not None and type_code(k.type) == "other"
                     and not getattr(k, "_listed", False)
                     and k.type in ("agreement", "agreements") and set(k.parties) == set(r.parties)
                     and 0 < r.start - k.end < 3000), None)
        if slot is not None:
            _absorb(r, slot)
            kept.remove(slot)
    return kept


#: kinds listed after a batch's count: "ten agreements, treaties and MOUs" is a mixed batch (plain agreements)
_MIXED_AFTER = re.compile(r"^,?\s+(?:(?:and|or)\s+)?(?:[\w-]+\s+)?(?:treaties|protocols|conventions|MoUs|MOUs|MOU['’]s|"
                          r"memorand(?:a|ums)|agreements|accords)\b", re.I)
_PLURAL_NOUN = re.compile(r"\b(?:agreements|accords|pacts|treaties|protocols|MoUs|MOUs|memoranda|memorandums)\b")
_BATCH_MAX_GAP = 2000  # characters between a batch and a generic mention of it


def _fold_into_batches(view: str, sents: list[Sentence] | None, out: list[Agreement]) -> list[Agreement]:
    """A counted batch ("signed seven MoUs", "ten agreements, treaties and MOUs were signed") is the
    article's record for that signing: the generic mentions of the same pair around it (plural
    nouns such as "agreements", "the MoUs", and the untitled items of a sentence that names them,
    "The MoUs signed are: a framework agreement on …, a protocol on …") are the batch again or its
    members, not instruments of their own. Titled instruments, FTAs and joint statements stay apart."""
    batches = [b for b in out if b.count is not None and b.count > 1]
    if not batches or not view:
        return out
    for b in batches:
        if _MIXED_AFTER.match(view[b.end : b.end + 60]) and type_code(b.type) != "other":
            b.type = mixed_batch_type(view, b)  # several kinds counted together: plain, unless for cooperation
    bounds = [(s.start, s.end) for s in sents or []]

    def sentence_of(r: Agreement) -> tuple[int, int]:
        return next(((a, e) for a, e in bounds if a <= r.start < e), (r.start, r.end))

    def generic(r: Agreement) -> bool:
        word = view[r.start : r.end]
        plural = re.search(r"(?:s|a|['’]s)$", word) is not None and not word.endswith("ss")
        titled = word[:1].isupper() and not word.isupper() and not re.fullmatch(r"(?i)mo[uc]s?", word)  # "MOUs" too
        return r.count is None and not titled and (plural or word.isupper() or re.fullmatch(r"(?i)mo[uc]s?", word))

    open_kinds = {"fta", "joint_statement", "investment_plan"}
    plural_sents = {(a, e) for a, e in bounds if _PLURAL_NOUN.search(view[a:e])}
    kept: list[Agreement] = []
    for r in out:
        batch = None
        if r.count is None and type_code(r.type) not in open_kinds:
            batch = next((b for b in batches if set(b.parties) == set(r.parties)
                          and abs(r.start - b.start) < _BATCH_MAX_GAP
                          and (generic(r) or (not view[r.start : r.start + 1].isupper() and sentence_of(r) in plural_sents))),
                         None)
        if batch is None and type_code(r.type) not in open_kinds:
            batch = batch_member(view, batches, r)  # "... also inked an agreement on two blocks": one of them
        if batch is not None:
            _absorb(batch, r)
            if batch.type == "agreements":  # "signing agreements, MoUs and protocols to enhance cooperation"
                batch.type = mixed_batch_type(view, r)
            continue
        kept.append(r)
    return kept


#: "wrapped up their FTA talks, with a memorandum of understanding": the MoU is how
#: the talks were closed, so it is the FTA's record (its date and place), not an instrument of its own
_CONCLUDED_WITH = re.compile(r"\bconclud\w*\s+(?:[\w()-]+\s+){0,6}?(?:negotiations?|talks),?\s+(?:with|through|by)\s+"
                             r"(?:signing\s+)?(?:an?|the)\s+(?:[\w-]+\s+){0,2}(?:memorand(?:um|a)|MoU|MOU)\b", re.I)


def _fold_concluding_mou(view: str, out: list[Agreement]) -> list[Agreement]:
    """An MoU named as the means of concluding FTA talks joins that FTA's record."""
    if not view or _CONCLUDED_WITH.search(view) is None:
        return out
    kept: list[Agreement] = []
    for r in out:
        fta = next((k for k in out if k is not r and type_code(k.type) == "fta" and set(k.parties) == set(r.parties)), None)
        if fta is not None and type_code(r.type) == "mou" and r.count is None:
            if fta.date is not None and fta.date.value is None and r.date is not None:
                fta.date = r.date  # "on Wednesday" with no page date: the MoU's written date is the day
            _absorb(fta, r)
            continue
        kept.append(r)
    return kept


_INDEFINITE_BEFORE = re.compile(r"\b(?:an?|another)\s+(?:[\w-]+\s+)?$", re.I)
_PURPOSE_AFTER = re.compile(r"^\s+(?:to|on|for|in\s+the\s+field\s+of)\s+(?!(?:" + "|".join(WEEKDAYS + list(MONTHS))
                            + r")\b|\d|the\s+(?:sidelines|occasion)\b)[a-z]")


def _own_instrument(view: str, r: Agreement) -> bool:
    """ "signed an agreement to avoid double taxation, and agreed to start talks on an FTA": an
    indefinite agreement with a purpose of its own is another instrument, not a mention of the FTA."""
    if not view:
        return False
    before = view[max(0, r.start - 50) : r.start]
    if _ANOTHER_BEFORE.search(before) and not re.search(r"(?i)\b(?:free|trade|economic|FTA)\b", _ANOTHER_BEFORE.search(before).group()):
        return True  # "also signed a new bilateral fisheries agreement": another instrument than the FTA
    if view[r.start : r.start + 1].isupper() and re.search(r"\b(?:an?|the)\s+(?:[A-Z][a-z]+\s+){1,3}$", view[max(0, r.start - 40) : r.start]):
        return True  # "the Free Trade Agreement and the Investment Agreement": a titled instrument of its own
    after = view[r.end : r.end + 60]
    return (_INDEFINITE_BEFORE.search(view[max(0, r.start - 16) : r.start]) is not None
            and _PURPOSE_AFTER.match(after) is not None
            and not re.search(r"(?i)\bfree[- ]trade|\bFTA\b|\btrade\s+(?:agreement|deal|pact)", after))


#: "Previously, the two had signed an MoU on 19 July 2011": the pluperfect with an indefinite
#: article names an earlier instrument (the one renewed today), not a mention of today's
_EARLIER_BEFORE = re.compile(r"\bhad\s+(?:previously\s+|earlier\s+|already\s+|first\s+)?(?:signed|inked|concluded|sealed)\s+"
                             r"(?:an?|another)\s+(?:[\w-]+\s+){0,2}$", re.I)
#: ... "signed further cooperation pacts", "and other accords", "additional deals": more papers than those told
_ANOTHER_BEFORE = re.compile(r"\b(?:another|a\s+(?:second|third|further|separate|new)|second|third|further|other|additional)"
                             r"\s+(?:[\w-]+\s+){0,3}$", re.I)


def _mentions(view: str, sents: list[Sentence] | None, first: Agreement, later: Agreement) -> bool:
    """Whether ``later`` can be another mention of ``first``: not when the text says it is another
    instrument ("a second MOU", "another loan agreement", "a separate deal")."""
    if (first.status == "pending") != (later.status == "pending") and (first.date or later.date) is not None:
        return False  # "the pact signed in 2007" and "documents the presidents are to draw up": two
    if not view:
        return True
    before = view[max(0, later.start - 50) : later.start]
    if _value(view, first) and _value(view, later) and _value(view, first) != _value(view, later):
        return False  # "a $1.1 billion deal … and a $3.1 billion deal": two contracts
    if _counted_anew(view, first, later):
        return False  # "signed an MoU on X ... also entered into two memoranda": the two are new papers
    return _ANOTHER_BEFORE.search(before) is None and _EARLIER_BEFORE.search(before) is None


#: the words before a count that point back to papers already told: "the two MoUs", "both agreements"
_BACK_BEFORE = re.compile(r"\b(?:the|these|those|both|its|their|all)\s+$", re.I)


def _counted_anew(view: str, first: Agreement, later: Agreement) -> bool:
    """Whether ``later`` is a slot of a count told with no article pointing back ("entered into two
    memoranda"): a signing counted anew reports papers of its own, so none of its slots is an earlier
    record of another signing told again."""
    event = getattr(later, "_event", None)
    if event is None or getattr(later, "_listed", False) or getattr(first, "_event", None) == event or first.start > later.start:
        return False
    if _told_again_in_detail(view, first, later):
        return False
    return _BACK_BEFORE.search(view[max(0, later.start - 12) : later.start]) is None


#: a first mention told as a known paper: "signed the loan agreement", "this grant agreement"
_KNOWN_BEFORE = re.compile(r"\b(?:the|this)\s+$", re.I)
#: words that add papers to those told: "also signed", "separately", "two more", "in addition" (not a
#: person's "also attended the signing of": the same ceremony seen from another side)
_ADDING = re.compile(r"\b(?:also\s+(?:signed|inked|sealed|concluded|entered)|separately|further|additional|another|"
                     r"other|more|besides|as\s+well|in\s+addition)\b", re.I)
#: the head nouns of instruments, which say nothing of which paper it is
_HEADS = {"agreement", "agreements", "accord", "accords", "deal", "deals", "pact", "pacts", "memorandum",
          "memoranda", "memorandums", "mou", "mous", "of", "on", "understanding", "document", "documents", "two",
          "three", "four"}


def _told_again_in_detail(view: str, first: Agreement, later: Agreement) -> bool:
    """Whether a count tells again, in more detail, the papers a known first mention named: "signed the
    loan agreement ... attended the signing of two low-interest loan agreements". The first is
    told as known ("the"), the count repeats its own kind words ("loan"), and nothing in the count's
    sentence adds papers ("also", "separately", "two more"); "signed an MoU on X ... also entered into
    two memoranda" stays two new papers."""
    kind = set(re.findall(r"[a-z]+", view[first.start : first.end].lower())) - _HEADS
    if not kind or not kind <= set(re.findall(r"[a-z]+", view[later.start : later.end].lower())):
        return False
    if _KNOWN_BEFORE.search(view[max(0, first.start - 6) : first.start]) is None:
        return False
    sentence = max(view.rfind(". ", 0, later.start), view.rfind("\n", 0, later.start)) + 1
    return _ADDING.search(view[sentence : later.start]) is None


_VALUE_BEFORE = re.compile(r"(?:[$€£¥]|US\$|USD\s?)\s?(?P<v>\d[\d.,]*\s*(?:billion|million|bn|mn|m|b)?)[-\s]+(?:[\w-]+\s+){0,2}$",
                           re.I)


def _value(view: str, r: Agreement) -> str | None:
    """The amount written just before an instrument's name ("a $3.1 billion deal"), if any."""
    m = _VALUE_BEFORE.search(view[max(0, r.start - 40) : r.start])
    return m.group("v").lower().replace(" ", "") if m else None


def _listed_beside_plural(view: str, k: Agreement, r: Agreement) -> bool:
    """ "memorandums were adopted on X, Y and Z … a memorandum of understanding on W was also
    signed": an instrument named in a list is one of its own, not the earlier plural mention again
    (a plural names several instruments, so it cannot be this one)."""
    if not getattr(r, "_listed", False):
        return False
    word = view[k.start : k.end]
    return re.search(r"(?:s|a)$", word) is not None and not word.endswith("ss")


#: the proper word that opens a deal's name ("Trans-Atlantic free trade agreement", "Transatlantic Trade and
#: Investment Partnership"): capitalised, just before the name
_ROOT_BEFORE = re.compile(r"(?-i:\b(?P<root>[A-Z][a-z]+(?:-[A-Z][a-z]+)?))\s+(?:(?:the|an?)\s+)?$")


def _same_name_root(view: str, fta: Agreement, r: Agreement) -> bool:
    """ "the Trans-Atlantic free trade agreement (FTA)" and "the Transatlantic Trade and Investment
    Partnership": an FTA and a partnership of the same parties whose names open with the same proper
    word (hyphens aside) are one deal named two ways, not two instruments."""
    if not view or type_code(fta.type) != "fta" or type_code(r.type) != "other" or set(fta.parties) != set(r.parties):
        return False
    if not re.search(r"(?i)partnership$", view[r.start : r.end]) or fta.count is not None or r.count is not None:
        return False
    a = _ROOT_BEFORE.search(view[max(0, fta.start - 30) : fta.start])
    b = _ROOT_BEFORE.search(view[max(0, r.start - 30) : r.start])
    return bool(a and b and a.group("root").replace("-", "").lower() == b.group("root").replace("-", "").lower())


def _same_event(a: Agreement, b: Agreement) -> bool:
    """Two slots of one signing ("signed two agreements: a joint statement and …") stay two."""
    return getattr(a, "_event", None) is not None and getattr(a, "_event", None) == getattr(b, "_event", None)


def _absorb(keep: Agreement, other: Agreement) -> None:
    for key in ("date", "place", "acronym"):
        if getattr(keep, key) is None and getattr(other, key) is not None:
            setattr(keep, key, getattr(other, key))
    for item in other.sectors:
        if item not in keep.sectors:
            keep.sectors.append(item)
    for item in other.signatories:
        if item not in keep.signatories:
            keep.signatories.append(item)


#: an FTA's name that goes on into the title of the protocol changing it ("the Andean Free Trade
#: Agreement (AFTA) 2.0 Upgrade Protocol", "... FTA Amending Protocol")
_PROTOCOL_TITLE = re.compile(r"^(?:\s*\([^)]{1,20}\))?(?:\s+(?:[\d.]+|[A-Z][\w-]*)){0,3}\s+Protocol\b")


def protocol_of_fta(view: str, fta: Agreement, r: Agreement) -> bool:
    """Whether the plain "the protocol" ``r`` is the FTA record ``fta`` again.

    When the record's FTA name runs on into a protocol's title, the protocol is what was signed and
    the record stands for it; a later untitled "the (signed) protocol" of the same parties is that
    paper again, not an export-finance protocol of its own."""
    if not view or type_code(r.type) != "protocol" or r.count is not None or type_code(fta.type) != "fta":
        return False
    if set(fta.parties) != set(r.parties) or not fta.end < r.start:
        return False
    word = view[r.start : r.end]
    definite = re.search(r"\b[Tt]he\s+(?:[\w-]+\s+){0,2}$", view[max(0, r.start - 30) : r.start]) is not None
    return word.islower() and definite and _PROTOCOL_TITLE.match(view[fta.end : fta.end + 40]) is not None
