"""The words of agreements: instrument names, signing verbs, counts, and the small cues around them.

Why a module of its own: :mod:`.agreements` reads events sentence by sentence, and this vocabulary
is what grows when real copy shows a new wording ("formalised four Memoranda", "said in a joint
statement", "a series of documents"); keeping it apart keeps the reader short and the words in
one place (the second pass, :mod:`.agreement_events`, uses the same verbs).
"""

from __future__ import annotations

import re

from bilat.news.model import CountryRef
from bilat.news.text import tagged

#: phrase pattern -> normalised type; tried longest first.
TYPES: list[tuple[str, str]] = [
    (r"memorand(?:um|a|ums) of (?:understanding|cooperation)|memorand(?:a|ums)|memorandum(?= (?:on|for|to|between|with)\b)", "MoU"),
    (r"MoUs?|MOUs?|MoCs?|MOCs?", "MoU"),
    # "a Joint Declaration on Cooperation", "a declaration affirming their partnership in robotics": a
    # declaration whose object is cooperation is typed as the corpus types it, a cooperation agreement
    (r"(?:joint )?declarations?(?= (?:on|of|proclaiming|affirming|for) (?:[\w-]+ ){0,5}?(?:partnership|co-?operation|"
     r"(?:allied |friendly |good-neighbourly |bilateral )?relations\b(?! with))\b)",
     "cooperation agreement"),
    (r"joint (?:statement|declaration|communiqu[eé])s?(?: of intent)?|declarations? of intent|"
     r"(?<=signing the )(?-i:(?:[A-Z][\w-]+ ){1,3}Declaration)", "joint statement"),
    (r"exchanges? of notes|(?<=exchanged )notes", "exchange of notes"),
    (r"(?:comprehensive )?economic partnership agreements?|CEPA|free[- ]trade (?:agreement|deal|pact)s?|FTAs?", "FTA"),
    (r"(?:bilateral )?investment (?:treaty|treaties)|BITs?", "investment treaty"),
    (r"(?:double )?tax(?:ation)? (?:treaty|treaties|agreements?)", "tax treaty"),
    (r"letters? of intent", "letter of intent"),
    (r"framework agreements?", "framework agreement"),
    # "a customs cooperation arrangement": an arrangement between two administrations is the same paper
    (r"co-?operation (?:agreement|accord|pact|arrangement)s?|strategic partnership(?: agreements?)?", "cooperation agreement"),
    # "the Cooperation Program between the Foreign Ministries for 2031-2032": a signed programme of
    # cooperation is the same kind of paper as a cooperation agreement, whatever body signs it
    (r"co-?operation program(?:me)?s?|program(?:me)?s? (?:of|for) co-?operation", "cooperation agreement"),
    (r"investment plans?", "investment plan"),
    (r"(?:loan|credit|financing|finance) agreements?|(?<=worth of )loans|(?<=\bin )loans", "loan agreement"),
    (r"(?:joint|bi-?national|bilateral|common)\s+(?:[\w&-]+\s+){0,4}?funds?", "fund"),
    (r"action plans?", "action plan"),
    (r"protocols?", "protocol"),
    (r"agreements?|accords?|pacts?|treaty|treaties|deals?", "agreement"),
    (r"(?-i:(?:Enhanced |Comprehensive )?(?:Trade |Economic )?Partnership)", "partnership"),
    # "launched a trade and investment roadmap": a paper of steps both sides sign up to, typed other
    (r"road\s?maps?", "roadmap"),
    (r"plans?", "plan"),
]
_TYPE_RE = re.compile(
    r"\b(?:" + "|".join(f"(?P<t{i}>{p})" for i, (p, _) in enumerate(TYPES)) + r")\b", re.I
)
SIGN = re.compile(
    r"\b(?:signed|signs?|signing|inked|inks?|concluded|conclude|approved|approves?|adopted|adopts?|finali[sz]ed|"
    r"accorded\s+(?:[\w-]+\s+){0,3}?approval|launched|unveiled|formali[sz]ed|initialled|initialed|exchanged|struck|sealed|issued|released|clinched|renew(?:ed|s)?|"
    r"ratif(?:ied|ies|y)|put\s+(?:their\s+|its\s+)?pens?\s+to\s+paper|formed|established|set\s+up|created|founded|entered\s+into(?!\s+force)|reached\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:agreements?|deals?|accords?|pacts?))\b",
    re.I,
)
_NOT_SIGNED = re.compile(
    r"\b(?:not|never|yet\s+to\s+be|yet\s+to|before\s+it\s+is|could\s+be|would\s+be|will\s+be|to\s+be)\s+"
    r"(?:yet\s+|been\s+|be\s+)?(?:signed|concluded|approved|inked|sealed)\b|\b(?:are|were|is|was|have\s+been|has\s+been)\s+negotiating\b|"
    r"\bunder\s+negotiation\b|\bin\s+talks\b|\b(?:expected|set|due|poised|likely|plans?|planning)\s+to\s+sign\b|"
    r"\b(?:will|would|could|to)\s+sign\b|"
    # "stressed the importance of ... the signing of a road transport agreement": a wish, not a signing;
    # a comma ends that phrase unless the signing is an item of a list ("of X, the signing of ...",
    # "of X, Y and the signing"): in "Underlining the importance of the visit, the presidents oversaw
    # the signing" the signing is the sentence's own event
    r"\b(?:importance|need|necessity)\s+of\s+(?:(?:[\w-]+\s+){0,12}?|(?:[\w,-]+\s+){0,12}?(?:(?:and|or)\s+(?:[\w-]+\s+){0,3}?|(?<=,\s)))"
    r"(?:the\s+)?signing\b",
    re.I,
)
#: a signing announced for later ("are expected to sign", "will sign"): recorded with status ``pending``
PENDING = re.compile(
    r"(?<!not )(?<!n't )\b(?:expected|set|due|poised|likely|scheduled|slated|ready|plans?|planning|preparing|hopes?|"
    r"hoping)\s+to\s+(?:formally\s+)?(?:sign|draw\s+up)\b|\bwill\s+(?:soon\s+|formally\s+|also\s+)?sign\b|"
    r"\b(?:is|are)\s+(?:also\s+)?to\s+sign\b|"
    # "the papers will be inked in June": a signing set for later, worded in the passive
    r"\b(?:will|shall|are\s+to|is\s+to)\s+(?:soon\s+|also\s+)?be\s+(?:formally\s+)?(?:signed|inked|sealed)\b|"
    # "working together for a memorandum on labour": a paper the two sides are drafting, not yet signed
    r"\bwork(?:ing|s)?\s+(?:together\s+|jointly\s+|closely\s+)?(?:for|towards?)\s+(?:an?|the)\s+"
    r"(?=(?:[\w-]+\s+){0,3}?(?:memorand|MoU|MOU|agreement|accord|treaty|pact|deal)\w*\b)",
    re.I,
)
#: "the cabinet accorded its approval to the pact": an approval worded as a noun
_APPROVE = re.compile(r"\b(?:approved|approves?|adopted|adopts?|unveiled|launched|accorded\s+(?:[\w-]+\s+){0,3}?approval)\b", re.I)
_GOV = re.compile(r"\b(?:Cabinet|cabinet|government|Government|ministry|Ministry|parliament|Parliament|Knesset|Diet|"
                  r"Council of Ministers|State Council)\b")
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                 "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
                 "a dozen": 12}
#: "signed four Memoranda of Understanding", "Twenty documents have been signed": a count opens a batch
_COUNT = re.compile(
    r"\b(?P<n>(?i:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)|\d{1,3})"
    r"(?P<dozen>\s+dozen)?\s+(?:(?![a-z-]+ed\b|(?:two|three|four|five|six|seven|eight|nine|ten)\b)[a-z-]+\s+(?:and\s+)?){0,2}?"
    r"(?:agreements|accords|deals|(?i:memorand(?:a|ums|um)(?: of understandings?)?)|MoUs|MOUs|pacts|documents|protocols)\b"
)
#: a batch announced without a number: "are scheduled to draw up a series of documents on farming"
#: ("inked a number of ministerial and regional documents": up to two modifiers, joined by "and" or not)
_SERIES = re.compile(r"\b(?:a\s+series|a\s+number|a\s+raft|a\s+package)\s+of\s+(?P<n>)(?:[a-z-]+\s+(?:and\s+)?){0,2}?"
                     r"(?:documents|agreements|accords|deals|pacts)\b")
#: a protocol that closes a meeting ("the final protocol of the intergovernmental commission")
_MEETING = re.compile(r"\b(?:final|commission|session|intergovernmental)\b", re.I)
_ORDINAL = re.compile(
    r"\b(?:[Tt]he\s+|[Ii]n\s+the\s+)?(?P<o>first|second|third|fourth|fifth)\s+(?:bilateral\s+)?"
    r"(?:agreement|accord|deal|memorandum|MoU|pact|document|protocol)\b"
)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}
#: the agreement a new instrument changes: "to upgrade their free trade agreement", "amending the treaty"
_UPGRADED = re.compile(r"\b(?:upgrad|amend|updat|review|moderni[sz]|expand|extend|revis|implement)\w*\s+"
                       r"(?:of\s+)?(?:the|their|its|an?|existing|current|bilateral)?\s*(?:existing\s+|current\s+|bilateral\s+)?$", re.I)
_DEFINITE = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose|[Ii]ts|[Tt]heir|[Ss]uch)\s+(?:[\w-]+\s+){0,2}$")
_DURATION = re.compile(
    r"\b(?:over|for|within|during)\s+(?:the\s+next\s+|a\s+period\s+of\s+)?(?P<n>\d+|one|two|three|four|five|six|seven|eight|"
    r"nine|ten)\s+years\b|\b(?P<m>\d+|two|three|four|five|six|seven|eight|nine|ten)[- ]year\s+(?:plan|programme|program|"
    r"agreement|deal|period|roadmap|framework)",
)

#: "the ministers said in a joint statement", "according to the joint communique": a statement quoted
#: as the source of the news was issued, even when no verb says so
_QUOTED = re.compile(r"\b(?:said|says|stated|announced|noted|added)\s+(?:in\s+)?(?:a|the|their)\s+joint\s+\w+|"
                     r"\b(?:in|according\s+to)\s+(?:a|the|their)\s+joint\s+\w+|"
                     r"\bjoint\s+(?:statement|declaration|communiqu[eé])\s+(?:said|says|stated|added|noted|read)\b", re.I)


#: "agreed to raise trade": the verb a later "the agreement" may stand for
_AGREED_TO = re.compile(r"\bagreed\s+(?:on\s+|to\s+)", re.I)
#: the words between two instrument words of one capitalised title ("Memorandum of Cooperation for a
#: Strengthened Partnership", "Framework Agreement on the Comprehensive Economic Partnership")
#: ... but "the Free Trade Agreement and the Investment Agreement" are two, unless a quantifier makes
#: them one batch ("several Agreements and Memorandums of Understanding")
_LISTED = re.compile(r"\b(?:several|various|a\s+number\s+of|a\s+series\s+of|many|multiple|numerous)\s+$", re.I)
_TITLE_GAP = re.compile(r"(?:\s+(?:for|on|of|in|to|a|an|the|and|[A-Z][\w-]*))*\s+")
_ISSUER = re.compile(r"^\s+(?:from|by|of)\s+(?P<who>[^,;]+)")


def _one_side_issuer(view: str, start: int, end: int, refs: list[CountryRef]) -> bool:
    """ "a joint statement from the Chilean President and her trade minister": joint
    between two officials of one side, so no agreement between the two countries."""
    m = _ISSUER.match(view[start:end])
    if m is None:
        return False
    named = set(re.findall(r"@([A-Z]{3,8})", tagged(view, start + m.start("who"), start + m.end("who"), refs)))
    return len(named) == 1


#: "an agreement in principle to update their old trade pact", "agreement in principle on
#: a trade pact": the agreement reached is the deal named just after it, not a plain agreement
IN_PRINCIPLE_ON = re.compile(r"['’\"]?\s+in\s+principle['’\"]?\s+(?:to|on|over|for)\b", re.I)


#: "to date ... have signed 34 documents", "so far 20 agreements have been signed": the count of
#: every instrument the two ever signed, told as background; no signing happens in the sentence
_TALLY = re.compile(r"\b(?:to\s+date|so\s+far|thus\s+far|until\s+now|up\s+to\s+now|over\s+the\s+years|in\s+all\s+these\s+years)\b",
                    re.I)


#: a batch's own word, which an ordinal mention's typed noun may make precise ("two cooperation agreements ... the second is a Letter of Intent")
_GENERIC = ("agreement", "document", "cooperation agreement")

#: "two cooperation agreements": a count right before a plural name
_COUNTED = re.compile(r"\b(?:two|three|four|\d)\s+(?:[\w-]+\s+)?$", re.I)
#: "implementing all the agreements reached so far": the agreements the two
#: already have, recalled as a whole; the sentence reports no paper of its own
_RECALLED_ALL = re.compile(r"\bimplement(?:ation\s+of|ing|ed)?\s+(?:of\s+)?(?:all\s+)?(?:the\s+)?(?:[\w-]+\s+)?$", re.I)
#: what a plain agreement is for, told right after it: "that will see X access $2.5 billion in concessional loans";
#: not across a contrasting clause ("..., while Uganda received soft loans from France": another's loans)
_LOANS_AFTER = re.compile(r"(?:(?!,\s+(?:while|whereas|but|although|though)\b)[^.;]|\.(?=\d)){0,100}?\b(?:concessional|soft|preferential|low-interest)\s+(?:loans?|credits?|financing)\b", re.I)


_CLAUSE_BREAK = re.compile(r",\s+(?:and|while|but|whereas)\s+|;\s+|\s+and\s+(?=(?:also\s+)?(?:agreed|launched|decided|began|"
                           r"started|committed|pledged|announced|vowed)\b)", re.I)


def _clause(text: str, at: int) -> str:
    """The clause of ``text`` that holds position ``at`` (a sentence may sign one thing and open
    talks on another)."""
    start, end = 0, len(text)
    for m in _CLAUSE_BREAK.finditer(text):
        if m.end() <= at:
            start = m.end()
        elif m.start() >= at:
            end = m.start()
            break
    return text[start:end]


#: a plan is a record only when its approval is told as done or now ("approved", "adopts"): the bare
#: infinitive ("each ministry will ... adopt a working plan", "to approve a plan") reports none (round thirteen)
_APPROVED = re.compile(r"\b(?:approved|approves|adopted|adopts|unveiled|launched|accorded\s+(?:[\w-]+\s+){0,3}?approval)\b", re.I)


#: the words of an entry into force, in the past: "entered into force", "came into effect", "took effect"
_INTO_FORCE = r"(?:(?:came|entered|went)\s+into\s+(?:force|effect)|took\s+effect)\b"
CAME_INTO_FORCE = re.compile(r"\b" + _INTO_FORCE, re.I)

#: an instrument that is the subject of its own entry into force: "The double taxation agreement between
#: A and B entered into force on 1 March" (the words between name it; no clause or other verb comes between)
_IN_FORCE_AFTER = re.compile(r"(?:\s+(?!(?:which|that|who|whose|was|were|is|are|will|would|could|should|may|might|not|never|"
                             r"yet|but|while|after|before|when|since|said|says|signed|helped|also)\b)[\w'’-]+|\s*\([^)]{1,40}\)){0,14}?"
                             r"\s+(?:has\s+|had\s+|have\s+|finally\s+|formally\s+|officially\s+|now\s+)*"
                             + _INTO_FORCE)


def enters_into_force(text: str, end: int) -> bool:
    """Whether the instrument named just before ``end`` is the subject of "entered into force" / "came into effect".

    Why: a tax treaty, an investment or a visa agreement is news when it enters into force as well as
    when it is signed, and such a sentence has no signing verb for the reader to find; it is recorded
    with the status ``in_force`` (as an FTA's entry into force already was).
    """
    return _IN_FORCE_AFTER.match(text, end) is not None
