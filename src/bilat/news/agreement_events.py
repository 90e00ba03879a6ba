"""Agreements beyond signings, and one record per agreement (a second pass over :mod:`.agreements`;
their dates in :mod:`.agreement_dates`, regional agreements in :mod:`.plurilateral`).

Real articles report an agreement at every stage and name it several times: "reached an agreement
in principle", "launched negotiations on an FTA", "are working on a CEPA", "the pact will…",
"IK-CEPA" for its full name. This pass

* reads the *name* of each trade instrument (:data:`FTA_NAME`, :data:`COOP_NAME`,
  :data:`FINANCE_NAME`) to give it a type code, and an acronym when the text has one;
* records an event that is not (yet) a signing with a ``status``: ``agreed_in_principle``,
  ``negotiations_launched``, ``talks_launched``, ``in_force`` (:func:`status_of`);
* merges mentions: two records with the same parties and type are one agreement unless both
  carry different acronyms (ECTA and CECA are two agreements); a generic "the agreement" /
  "the deal" record joins the typed agreement of the same parties.
"""

from __future__ import annotations

import datetime as dt
import re

from bilat.news.agreement_dates import date_after, default_dates, in_force_date, own_signing_dates, sentence_date
from bilat.news.agreement_bullets import with_bullets
from bilat.news.agreement_items import indefinite_items
from bilat.news.agreement_lists import listed_instruments
from bilat.news.batch_members import batch_papers
from bilat.news.agreement_merge import merge, same_record
from bilat.news.agreement_sides import bloc_listed, holder_of, not_partners, one_partner_each, own_signers, subject_of_verb, three_sides
from bilat.news.in_force_later import entered_into_force_later
from bilat.news.agreement_similar import recalled_with_partner, similar_deals
from bilat.news.agreement_words import _COUNTED, _clause, _LOANS_AFTER, _TYPE_RE, IN_PRINCIPLE_ON, _NOT_SIGNED, _UPGRADED, PENDING, SIGN
from bilat.news.dates import MONTHS, WEEKDAYS
from bilat.news.mentions import pair_side
from bilat.news.model import Agreement, CountryRef
from bilat.news.partnerships import elevated_ties, standing_ftas
from bilat.news.signing_dates import stated_signing
from bilat.news.plurilateral import REGIONAL_NAME, apply_regional
from bilat.news.text import Sentence, tagged

_ACRONYM = r"(?:[A-Z]{1,3}-)?(?:CEPA|CECA|ECTA|TEPA|JAEPA|KAFTA|EPA|FTA|BTA|SPA|STIP|ETP)"
FTA_NAME = re.compile(
    # "the Transit Trade Agreement", a border or barter trade agreement: rules for one kind of
    # exchange, not a free trade deal (round eleven)
    r"\b(?<!transit )(?<!border )(?<!barter )(?:(?:comprehensive\s+)?(?:free[- ]trade|trade)(?:\s+and\s+economic\s+partnership)?\s+(?:agreements?|deals?|pacts?|accords?|"
    r"areas?|(?<=free trade )zones?)|(?:comprehensive\s+)?economic\s+(?:partnership|cooperation)(?:\s+and\s+trade)?\s+agreements?)\b"
    r"|\b" + _ACRONYM.replace("SPA|", "").replace("|STIP|ETP", "") + r"s?\b",
    re.I,
)
_SIGNED = re.compile(r"\b(?:signed|signs?|signing|inked|inks?|sealed|initial(?:l)?ed|exchanged|approved|adopted)\b", re.I)
#: a signing the talks are for, or an approval of something else, is not the instrument's signing:
#: "negotiations for signing a CEPA", "approved in principle the market access"
_GOAL_SIGNING = re.compile(r"\b(?:negotiations?|talks|way|path|road|preparations?)\s+(?:for|towards?)\s+(?:the\s+)?"
                           r"(?:signing|signature)\b|\bapproved\s+in\s+princip(?:le|al)\b", re.I)
_ACRONYM_RE = re.compile(r"\b" + _ACRONYM + r"\b")
COOP_NAME = re.compile(
    # "a strategic agreement worth $500 million": a framework of cooperation, as a strategic partnership agreement is
    r"\b(?:strategic\s+(?:(?:partnership|association)\s+)?(?:agreements?|deals?|accords?|pacts?)|co-?operation\s+(?:agreements?|accords?|arrangements?)|"
    r"investment\s+agreements)\b", re.I
)
FINANCE_NAME = re.compile(
    r"\b(?:(?:currency\s+)?swap\s+(?:deals?|agreements?|arrangements?|lines?)|(?:loan|credit|financing|finance)\s+agreements?|"
    r"(?:strategic\s+)?trade\s+and\s+investment\s+partnership)\b",
    re.I,
)
_STATUS = [
    ("pending", PENDING),
    ("in_force", re.compile(r"\b(?:came|come|comes|entered|enter|go|goes|went)\s+into\s+(?:effect|force)\b|\bin\s+force\b|"
                            r"\btook\s+effect\b|"
                            # "the implementation of a free trade agreement between the two", "commitments in the FTA"
                            r"\b(?:implementation\s+of|implementing|commitments\s+(?:in|under))\s+(?:the|an?|their)\s+"
                            r"(?!(?:[\w-]+\s+)?(?:proposed|planned|future|new)\b)", re.I)),
    ("agreed_in_principle", re.compile(
        r"\b(?:agreed|agreement)\s+in\s+principle\b|\breached\s+a\s+(?:mutual\s+)?understanding\b|"
        r"\b(?:conclu(?:ded|des|sion\s+of)|wrapped\s+up|wraps\s+up|complet(?:ed|es|ion\s+of)|finali[sz](?:ed|es|ation\s+of)|"
        r"clos(?:ed|es)|end(?:ed|s))\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+)?(?:negotiations|talks)\b", re.I)),
    ("negotiations_launched", re.compile(
        r"\brenegotiat\w*\b|\b(?:launch(?:ed|es)?|start(?:ed|s)?|beg[ia]n|kick(?:ed)?\s+off|resum(?:ed|e)|begun)\s+(?:the\s+|formal\s+)?"
        r"(?:negotiations|talks)\b|\bround\s+of\s+(?:negotiations|talks)\b|\bworking\s+on\b|\bnegotiating\b|"
        r"\b(?:negotiations|talks)\s+(?:on|for|to)\b(?!\s+(?:" + "|".join(WEEKDAYS + list(MONTHS)) + r")\b|\s+\d)", re.I)),
    ("talks_launched", re.compile(
        r"\bcommit(?:ted|ting|ment)?\s+to\s+(?:negotiat|launch|start|begin|work|conclud|a|an)\w*\b|"
        r"\bplans?\s+(?:for|to)\s+(?:(?:a|an|the|new|bilateral|comprehensive)\s+)*(?:trade|free|FTA|BTA|negotiat|launch|"
        r"start|economic)\w*|\bfeasibility\s+study\b|"
        r"\bagreed\s+to\s+(?:begin|start|launch|pursue|push\s+for|work\s+towards?)\b|\blaunch(?:ed)?\s+(?:a|an|the)\b", re.I)),
]


#: the name's own verb is its entry into force: "The FTA (TPA) entered into force yesterday"
#: "another deal", "a similar pact": a generic name that repeats the kind of the instrument named before it
_ANOTHER = re.compile(r"\b(?:another|a\s+similar|similar|a\s+second)\s+(?:[\w-]+\s+)?$", re.I)
_ENTERED = re.compile(r"(?:\s*\([^)]{1,40}\))?(?:\s+(?:or|has|have|had|finally|formally|officially|now)\b|\s+[A-Z][\w-]*"
                      r"|\s+\([^)]{1,20}\))*\s+(?:entered|came|comes|enters|went|goes|took)\s+(?:into\s+(?:force|effect)|effect)\b")
#: "to revisit their bilateral tariff trade agreement": the pair's own deal, not a kind of deal
_THEIR_OWN = re.compile(r"\btheir\s+(?:bilateral\s+|existing\s+|current\s+)?(?:[\w-]+\s+)?$", re.I)
#: ... but a name that qualifies the noun after it is no deal ("to widen their free trade agreement
#: network", "their free trade agreement talks would resume"): the network, the talks
_NAME_AS_MODIFIER = re.compile(r"\s+(?:network|talks|negotiations|partners?|strateg(?:y|ies)|polic(?:y|ies)|agenda|regime|"
                               r"portfolio|model|template|chapter|provisions|rules)\b", re.I)
_MORE_PAPERS = re.compile(r"\b(?:other|further|additional)\s+$", re.I)
_QUANTIFIED = re.compile(r"\b(?:several|various|a\s+number\s+of|a\s+series\s+of|multiple|many|some|a\s+raft\s+of|"
                         r"dozens\s+of|\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:[\w-]+\s+){0,2}$", re.I)


def status_of(sentence: str, signing: bool) -> str | None:
    """The stage an agreement is at in ``sentence`` (None for a signing or a plain mention)."""
    for status, pattern in _STATUS:
        if pattern.search(sentence):
            if status == "talks_launched" and signing and not re.search(r"\bfeasibility|\bcommit|\bplans?\b",
                                                                         sentence, re.I):
                return None
            return status
    return None


def _acronym_near(text: str, end: int) -> str | None:
    m = re.match(r"\s*\(\s*(" + _ACRONYM + r")\s*\)", text[end:])
    return _base_acronym(m.group(1)) if m else None


def _base_acronym(raw: str) -> str:
    return raw.split("-")[-1].upper().rstrip("S") if raw else raw


def _kind(match_text: str) -> str:
    if FINANCE_NAME.fullmatch(match_text):
        return "other"
    if COOP_NAME.fullmatch(match_text) or match_text.upper() == "SPA":
        return "cooperation agreement"
    return "FTA"


def refine_agreements(
    view: str, sents: list[Sentence], refs: list[CountryRef], pair: list[str], published: dt.date | None,
    agreements: list[Agreement],
) -> list[Agreement]:
    """Type, status and merge the records of :func:`bilat.news.agreements.extract_agreements`."""
    for a in agreements:
        name = view[a.start : a.end]
        sent = next((x for x in sents if x.start <= a.start < x.end), None)
        if a.status is None and sent is not None and PENDING.search(sent.text):
            a.status = "pending"  # "are expected to sign an FTA": recorded, not yet signed
        clause = _clause(sent.text, a.start - sent.start) if sent is not None else ""
        if a.status is None and _ENTERED.match(view, a.end):
            a.status = "in_force"  # "the FTA entered into force yesterday, five years after it was signed"
        if a.status is None and sent is not None and not _SIGNED.search(_GOAL_SIGNING.sub(" ", clause)):
            a.status = status_of(clause, False)  # "launched negotiations on an FTA": not a signing
            if a.status is not None and a.date is None:
                a.date = sentence_date(sent, published, years=True)
        if a.count is not None and COOP_NAME.search(name):
            a.type = "cooperation agreement"  # "34 investment agreements"
        elif FTA_NAME.fullmatch(name) or COOP_NAME.fullmatch(name) or FINANCE_NAME.fullmatch(name):
            a.type = _kind(name)
        elif re.fullmatch(r"(?i)agreements?|deals?|pacts?|accords?|arrangements?", name):
            context = view[a.start : min(len(view), a.end + 60)]
            before = view[max(0, a.start - 40) : a.start]
            if _MORE_PAPERS.search(before):
                before = ""  # "investment agreements and other accords": the words before name the other papers
            around = before + context
            if IN_PRINCIPLE_ON.match(view, a.end) and FTA_NAME.search(view[a.end : a.end + 90]):
                a.type = "FTA"  # "an agreement in principle to update the old trade pact": that pact
            elif FINANCE_NAME.search(around) or _LOANS_AFTER.match(view, a.end, a.end + 120):
                a.type = "other"  # "an agreement giving Nepal $900 million in concessional loans"
            elif sent is not None and _ANOTHER.search(before) and FTA_NAME.search(view, sent.start, a.start):
                a.type = "FTA"  # "signed an FTA with the UAE, followed by another deal with Australia": one more of them
            elif COOP_NAME.search(around):
                a.type = "cooperation agreement"
            elif (re.search(r"(?<!transit )(?<!border )(?<!barter )\btrade\s+$", before, re.I) or FTA_NAME.match(view, max(0, a.start - 12))) and not (
                    name.lower().endswith("s") and _QUANTIFIED.search(before)):  # "a number of trade agreements": a batch
                a.type = "FTA"
        a.acronym = _acronym_near(view, a.end) or (
            _base_acronym(name) if _ACRONYM_RE.fullmatch(name) else None)
        if len(pair) == 2 and len(a.parties) != 1:
            if sent is not None:  # a third country named in the sentence is a party only next to the name
                found = _parties(view, sent, refs, pair, a.start - sent.start, a.end - sent.start)
                mine = own_signers(a.parties, found, pair, tagged(view, sent.start, a.start, refs))
                a.parties = a.parties if mine else found
                outside = [c for c in a.parties if c not in pair]
                if outside and a.date is not None:
                    a.date = date_after(view, sent, refs, outside[0], published) or a.date
    one_partner_each(agreements, lambda r: tagged(view, r.end, min(len(view), r.end + 120), refs))
    three_sides(agreements, view, refs, pair)  # a declaration "the three countries" signed
    records = list(agreements)
    for sent in sents:
        if sent.headline:
            continue
        for pattern in (FTA_NAME, COOP_NAME, FINANCE_NAME, REGIONAL_NAME):  # "the USMCA" too
            for m in pattern.finditer(sent.text):
                clause = _clause(sent.text, m.start())  # "signed X, and agreed to start talks on an FTA"
                signing = SIGN.search(clause) is not None and not _NOT_SIGNED.search(clause)
                status = status_of(clause, signing)
                start, end = sent.start + m.start(), sent.start + m.end()
                if any(r.start <= start < r.end or start <= r.start < end for r in records) or (
                        m.group().endswith("s") and _COUNTED.search(sent.text, 0, m.start())):
                    continue  # "two cooperation agreements": a counted batch, whose papers the first pass recorded
                if _UPGRADED.search(sent.text[max(0, m.start() - 60) : m.start()]) and any(sent.start <= r.start < start for r in records):
                    continue  # "signed a protocol to upgrade their FTA": the FTA is not signed again
                kind = _kind(m.group())
                acronym = _acronym_near(sent.text, m.end()) or (
                    _base_acronym(m.group()) if _ACRONYM_RE.fullmatch(m.group()) else None)
                parties = _parties(view, sent, refs, pair, m.start(), m.end())
                found = same_record(records, parties, kind, acronym)
                if found is not None:
                    if found.date is None:
                        found.date = sentence_date(sent, published)
                    if found.status is None and getattr(found, "_new", False) and status in (
                            "negotiations_launched", "agreed_in_principle", "in_force"):
                        found.status = status
                    if acronym and not found.acronym:
                        found.acronym = acronym
                    continue
                specific = acronym is not None or m.group()[:1].isupper() or re.search(
                    r"@[A-Z]{3,8}\s*[-–]\s*@[A-Z]{3,8}\s*$", tagged(view, sent.start, start, refs)) is not None or (
                    _THEIR_OWN.search(sent.text, 0, m.start()) is not None and not m.group().endswith("s")
                    and not _NAME_AS_MODIFIER.match(sent.text, m.end()))
                if status is None and not signing and not specific and not recalled_with_partner(
                        sent.text, [c for c in parties if c not in pair], _recalled_ftas(sent.text)):
                    continue  # "with every free trade agreement": a generic mention
                record = Agreement(text="", start=start, end=end, type=kind, parties=parties, status=status,
                                   acronym=acronym, date=sentence_date(sent, published, years=True))
                record._new = True
                record._upgraded = _UPGRADED.search(sent.text[max(0, m.start() - 60) : m.start()]) is not None
                records.append(record)
    records = batch_papers(view, sents, records)  # "The deals included an agreement on ... and a ... agreement"
    listed, replaced = listed_instruments(sents, pair, published, records)
    records = [r for r in records if not any(r is x for x in replaced)] + listed
    items, replaced = indefinite_items(sents, pair, published, records)  # "signed three papers: a ..., a ... and a ..."
    records = [r for r in records if not any(r is x for x in replaced)] + items
    records = with_bullets(view, pair, records)  # "The following documents were signed:" and one paper a line
    third = _third_parties(view, sents, refs, pair, records, published)
    records = [r for r in records if not any(  # "agreements with A, B and C": one record per partner, not the plural too
        t.start <= r.start < t.end and view[r.start : r.end].endswith("s") and set(t.parties) >= set(r.parties) - set(pair) != set()
        and set(r.parties) != set(t.parties) for t in third)] + third  # (a plural with no third country is the pair's own)
    records += similar_deals(view, sents, refs, pair, records)  # "the Union's similar deal with the bloc"
    records += [r for r in elevated_ties(view, sents, refs, pair)
                if not any(k.start < r.end and r.start < k.end for k in records)]
    records += [r for r in standing_ftas(view, sents, refs, pair)
                if not any(set(k.parties) == set(r.parties) for k in records)]
    merged = merge(apply_regional(view, records, pair), view, sents)
    for r in merged:
        if r.status == "in_force":  # dated by its entry into force where the text gives it, not by the day's news
            sent = next((x for x in sents if x.start <= r.start < x.end), None)
            r.date = (in_force_date(sent, published) if sent is not None else None) or r.date
    entered_into_force_later(merged, view, sents, published)  # "... The agreement entered into force on 1 May"
    stated_signing(merged, view, sents, refs, published)  # "The X CEPA, signed on 4 March 2030, came into force ..."
    for r in merged:
        if r.status == "pending":
            r.date = None  # "set to sign an FTA, the minister said on Tuesday": the day of a statement, no event of the deal
    _unnamed_talks(merged, sents, pair, published)
    own_signing_dates(merged, view, sents, published)  # "A signed in 2013 and B signed in 2018": each its own
    default_dates(merged, sents, published, view)
    return merged




_LAUNCHED = re.compile(r"\b(?:launched|started|began|opened|kicked\s+off|resumed)\s+(?:formal\s+|new\s+)?(?:negotiations|talks)\b"
                       r"(?!\s+(?:on|for|about)\s+(?:an?|the)\b)", re.I)


def _unnamed_talks(records: list[Agreement], sents: list[Sentence], pair: list[str], published: dt.date | None) -> None:
    """ "The two sides opened talks in Lima on Tuesday to widen commerce", after the
    story named their FTA: the talks are on that FTA (the only one of the pair), dated that day."""
    ftas = [r for r in records if set(r.parties) == set(pair) and r.type == "FTA"]
    if len(ftas) != 1 or ftas[0].status is not None:
        return
    fta = ftas[0]
    origin = next((s for s in sents if s.start <= fta.start < s.end), None)
    if origin is None or _SIGNED.search(origin.text):
        return
    for sent in sents:
        if sent is origin or sent.headline or not _LAUNCHED.search(sent.text) or FTA_NAME.search(sent.text):
            continue
        fta.status = "negotiations_launched"
        day = sentence_date(sent, published)
        if day is not None and day.value is not None:
            fta.date = day
        return


_WITH_LIST = re.compile(
    r"\b(?P<name>(?:similar\s+|other\s+)?(?:[\w-]+\s+){0,2}?(?:deals|agreements|MOUs|MoUs|memorand(?:a|ums)"
    r"(?:\s+of\s+understanding)?|pacts|accords|arrangements))\s+with\s+(?P<list>[^.;:]*)", re.I)


#: "Algeria, Sudan and Sierra Leone signed MOUs with China": the list before the verb
_LIST_SIGNED = re.compile(
    r"(?P<list>(?:(?:the\s+)?@[A-Z]{3,8}(?:\s*,\s*(?:and\s+)?|\s+and\s+))+(?:the\s+)?@[A-Z]{3,8})\s+"
    r"(?:have\s+|has\s+|had\s+|also\s+|each\s+|all\s+)*(?:signed|inked|concluded)\s+"
    r"(?P<name>(?:(?:an?|their|separate|similar)\s+)?(?:[\w-]+\s+){0,2}?(?:deals?|agreements?|MOUs?|MoUs?|memorand(?:a|ums?)"
    r"(?:\s+of\s+understanding)?|pacts?|accords?))\s+with\s+(?:the\s+)?@(?P<actor>[A-Z]{3,8})")


def _third_parties(view: str, sents: list[Sentence], refs: list[CountryRef], pair: list[str],
                   records: list[Agreement], published: dt.date | None) -> list[Agreement]:
    """ "It clinched similar swap deals with the UAE and Malaysia": one record per third country,
    with the article's main actor (the pair member the sentence names, else its first party)."""
    out: list[Agreement] = []
    if len(pair) != 2:
        return out
    for sent in sents:
        if sent.headline or not (SIGN.search(sent.text) or _recalled_ftas(sent.text)):
            continue
        text = tagged(view, sent.start, sent.end, refs)
        found = []  # (actor, the other countries, the instrument's name)
        for m in _WITH_LIST.finditer(text):  # "clinched similar swap deals with the UAE and Malaysia"
            named = not_partners(text[: m.start()], pair)  # "the pact with Chile is Korea's third ...": Korea
            actor = (subject_of_verb(text[: m.end("name")], pair) or holder_of(text[: m.start()], m.group("name"))
                     or (named[0] if named else pair[0]))
            paper = _TYPE_RE.search(m.group("list"))  # "... on Monday and a tax treaty with C and D": another paper's
            listed = m.group("list")[: paper.start()] if paper else m.group("list")
            found.append((actor, listed, re.sub(r"@[A-Z]{3,8}", "", m.group("name"))))
        for m in _LIST_SIGNED.finditer(text):  # "Algeria, Sudan and Sierra Leone signed MOUs with China"
            if m.group("actor") in pair:
                found.append((m.group("actor"), m.group("list"), m.group("name")))
        for actor, listed, name in found:
            others = [c for c in re.findall(r"@([A-Z]{3,8})", listed) if pair_side(c, pair) not in pair]
            start, end = _locate(view, sent, name)
            kind = "other" if FINANCE_NAME.search(name) or re.search(r"swap", name, re.I) else (
                "MoU" if re.search(r"(?i)\bmou|memorand", name) else "FTA" if re.search(r"(?i)free[- ]trade", name)
                else "agreement")  # "signed free-trade agreements with A, B and C": each one an FTA
            if kind == "agreement" and FTA_NAME.search(view, sent.start, start):
                kind = "FTA"  # "a fifth free trade pact, after deals with A, B and C": more of the same
            for country in dict.fromkeys(others):
                if any(set(r.parties) == {actor, country} for r in records + out):
                    continue
                out.append(Agreement(text="", start=start, end=end, type=kind, parties=[actor, country],
                                     date=date_after(view, sent, refs, country, published)))
    return out


def _recalled_ftas(text: str) -> bool:
    """A sentence that names a free trade deal without a signing verb, and neither talks nor plans
    one ("Korea's fifth free trade pact, after deals with A, B and C"): the
    agreements listed in it are in place, as much as if it said they were signed."""
    return (FTA_NAME.search(text) is not None and PENDING.search(text) is None and _NOT_SIGNED.search(text) is None
            and status_of(text, False) is None)


def _locate(view: str, sent: Sentence, name: str) -> tuple[int, int]:
    at = view.find(name.strip(), sent.start, sent.end)
    return (at, at + len(name.strip())) if at >= 0 else (sent.start, sent.end)


_ADJACENT = re.compile(r"@([A-Z]{3,8})(?:\s*[-–/]\s*@([A-Z]{3,8}))?(?:['’]s)?\s+(?:[\w-]+\s+){0,2}$")
#: ... "with the six-country GCC", "with the 27-nation EU": a size word before a bloc's name
_WITH = re.compile(r"^\)?(?:\s*\([^)]*\))?\s+(?:with|between)\s+(?:the\s+)?(?:[\w]+-(?:country|nation|member|state|strong)\s+)?"
                   r"@([A-Z]{3,8})(?:\s+and\s+(?:the\s+)?@([A-Z]{3,8}))?")


#: ("the Andean state of Bolivia and Japan entered into a trade pact back in 2009")
_SUBJECTS = re.compile(r"^\W*(?:[A-Z]\w*,?\s+){0,2}?(?:the\s+)?(?:(?:[\w-]+\s+){0,3}?(?:country|nation|state)\s+of\s+)?"
                       r"@([A-Z]{3,8})\s+and\s+(?:the\s+)?@([A-Z]{3,8})\s+"
                       r"(?:[a-z]+\s+|on\s+[A-Z]\w+\s+){0,4}?(?:signed|inked|concluded|sealed|initialled|initialed|"
                       r"reached|agreed|clinched|struck|finali[sz]ed|forged|entered\s+into(?!\s+force))\b")


def _parties(view: str, sent: Sentence, refs: list[CountryRef], pair: list[str], start: int, end: int) -> list[str]:
    """The pair, unless the name itself says otherwise ("an FTA with South Korea", "the Korea-Australia FTA")."""
    before = tagged(view, max(sent.start, sent.start + start - 40), sent.start + start, refs)
    after = tagged(view, sent.start + end, min(sent.end, sent.start + end + 70), refs)  # room for "(FTA) with the six-country ..."
    with_ = _WITH.match(after)
    if with_ is None and pair:
        bloc = bloc_listed(tagged(view, sent.start + end, sent.end, refs))
        if bloc is not None and bloc not in pair:
            inside = [c for c in re.findall(r"@([A-Z]{3,8})", tagged(view, sent.start, sent.start + start, refs)) if c in pair]
            return [inside[-1] if inside else pair[0], bloc]
    adjacent = _ADJACENT.search(before)  # "the Chile-Mexico FTA", "a Chilean free trade agreement"
    subjects = _SUBJECTS.match(tagged(view, sent.start, sent.start + start, refs))
    if subjects and not with_ and not adjacent:  # "Separately, Vietnam and Laos signed a border trade agreement"
        named = list(dict.fromkeys(pair_side(c, pair) for c in subjects.groups()))
        if len(named) == 2 and any(c not in pair for c in named):
            return named
    near = [c for c in with_.groups() if c] if with_ else ([c for c in adjacent.groups() if c] if adjacent else [])
    named = list(dict.fromkeys(pair_side(c, pair) for c in near))
    outside = [c for c in named if c not in pair]
    if not outside or not pair:
        return list(pair)
    if len(named) >= 2 and not (with_ and with_.group().lstrip(") (").startswith("with")):
        return named[:2]  # "between Chile and Mexico", "the Chile-Mexico FTA"
    upto = tagged(view, sent.start, sent.start + end, refs)
    inside = [c for c in re.findall(r"@([A-Z]{3,8})", upto) if c in pair]
    actor = (subject_of_verb(upto, pair) or holder_of(tagged(view, sent.start, sent.start + start, refs), view[sent.start + start : sent.start + end])
             or (inside[0] if inside else pair[0]))
    if with_ and len(named) >= 2 and not re.search(r"(?i)(?:s|ies)$", view[sent.start + start : sent.start + end]):
        return list(dict.fromkeys([actor] + named))  # "a trade agreement with Peru and Colombia": one paper of three
    return [actor, outside[0]]  # "FTAs with Chile and Mexico": the actor and the first (the list adds the rest)
