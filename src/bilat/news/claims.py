"""Numeric claims: what each number in an article measures, between whom, and for which year.

Rules, in the order they are tried for one amount (each is a small pattern on the tagged clause,
see :mod:`bilat.news.cues`):

1. percentages: "… of Japan's total imports" is a share of imports; "rose 12%" is growth;
2. money followed by "in new contracts", "of investment"… measures that thing (``other``);
3. money near "GDP"/"gross domestic product" is a country's GDP;
4. otherwise the nearest flow word (trade / export / import) decides, and its country tokens the
   direction; a country left open is filled from the article's pair.

The year is the one written next to the amount ("$3 billion in 2016"), else the nearest year of
the sentence, else the year the article's discourse state carries (:mod:`.discourse`: the
paragraph's, else the last year a figure was stated for).
Amounts inside a declared target are recorded on the target instead (see :mod:`.targets`).
"""

from __future__ import annotations

import datetime as dt
import re

import bilat.news.cues as cues
from bilat.news.dates import point_years, step_years
from bilat.news.economy_ranks import economy_ranks
from bilat.news.discourse import Discourse, restated_years
from bilat.news.direction import cue_after, ranking_goes_on, subject_side, tariff_sides
from bilat.news.finance_sides import FINANCE_AFTER, buys_stake, finance_sides, firms_sides, gives_money
from bilat.news.rate_changes import change_sign
from bilat.news.receivers import receiver_after
from bilat.news.growth_claims import ANAPHOR as _ANAPHOR, growth_claim
from bilat.news.fiscal_years import current_fiscal_year, latest_fiscal_year, relative_fiscal_periods
from bilat.news.periods import find_periods
from bilat.news.timing import (apply_period, change_to_figure, is_conversion, modality_of, respective_period,
                               settle_year)
from bilat.news.model import Claim, CountryRef
from bilat.news.claim_sides import (anaphoric_figure, change_takes_sides, has_own_flow, item_list_goes_on, settle_sides,
                                    text_exporter)
from bilat.news.claim_context import assume_currencies, date_bases, is_base, mark_base
from bilat.news.comparison import (base_at, comparison_bases, date_by_base, goes_on_from_before, since_year,
                                   span_end)
from bilat.news.money import Amount, find_amounts
from bilat.news.decimal_commas import rescale, uses_decimal_commas
from bilat.news.own_base import own_base, year_before_from
from bilat.news.balance_sides import balance_sides, compared_balance, signed_balance
from bilat.news.change_words import GROWTH_AFTER as _GROWTH_AFTER, GROWTH_BEFORE as _GROWTH_BEFORE, bracketed_change
from bilat.news.product_claims import product_claims
from bilat.news.scope import out_of_scope
from bilat.news.shares import share_claim, share_of_told_flow
from bilat.news.text import Sentence, clause_bounds, tagged
from bilat.news.year_picker import YearPicker

_OTHER_HEAD = re.compile(
    r"^\s*(?:worth\s+)?(?:of|in)\s+(?P<phrase>(?:(?!\d)[\w@'-]+\s+){0,3}?"
    r"(?P<noun>contracts|deals|investments?|FDI|orders|aid|loans?|funding|grants?|assets|revenues?|profits?|deposits|"
    r"bonds|capital|spending|budget|subsidies|remittances|tourism|services|defen[cs]e)\b(?:[^,.;§]{0,40})?)",
    re.I,
)
_OTHER_BEFORE = re.compile(
    r"\b(?:invest(?:s|ed|ing|ments?)?|fund(?:s|ing)?|loans?|credit|grants?|budget|spend(?:s|ing)?|aid|contracts?|valuation|"
    r"market cap\w*|deal worth|raised|revenue|profit)\s+(?:(?:[a-z-]+|\([^()]{1,20}\))\s+){0,3}$",  # "Line of Credit (LoC) of"
    re.I,
)
_TOTAL_IMPORTS = re.compile(r"\b(?:total|overall|global)\s+imports\b", re.I)
_SAME_YEAR = re.compile(r"\b(?:the\s+same\s+(?:year|period|time)|that\s+year|over\s+the\s+same\s+period)\b", re.I)
#: a flow named before a colon that opens a list of its items ("The top export categories were: ...")
_LISTED_FLOW = re.compile(r"^(?P<head>[^:§]{0,80}?\b(?:exports?|imports?|shipments|purchases)\b[^:§]{0,80}?"
                          r"\b(?:were|are|was|is|include[sd]?|including|comprised?|categories|products|items|goods)):\s", re.I)
_COMPARISON = re.compile(r"\b(?:(?:up|down)\s+from|compared\s+(?:with|to)|against)\s+$")



def extract_claims(
    view: str,
    sents: list[Sentence],
    refs: list[CountryRef],
    pair: list[str],
    published: dt.date | None,
    reserved: list[tuple[int, int]],
) -> list[Claim]:
    """Claims in the view (offsets are view offsets; :mod:`.extract` maps them back)."""
    state = Discourse(pair, published.year if published is not None else None,
                      text_exporter(tagged(view, 0, min(len(view), 1500), refs), pair))
    claims = state.claims  # the figures kept so far, in reading order: the state's own list
    latest_fy, current_fy = latest_fiscal_year(view), current_fiscal_year(view)
    decimal = uses_decimal_commas(view)
    for sent in sents:
        if sent.headline and not _HEADLINE_FIGURE.search(sent.text):
            continue  # a title is read only when it states a trade figure ("trade with X up 5.6 pct in H1")
        years = point_years(sent.text, published)
        carried = state.carried_year(sent, _FIGURE_FLOW.search(sent.text) is not None, _SAME_YEAR.search(sent.text) is not None)
        steps = [(p, y) for p, y in step_years(sent.text, state.step_base(carried)) if y is not None]
        recalled = steps if carried is None and state.year is None else []  # counted from the figure or the day
        if steps:
            years = sorted(years + steps)
        bases = comparison_bases(sent.text)
        base_years = [b.year for b in bases if b.year is not None]
        years = [(p, y) for p, y in years if base_at(bases, p) is None]  # a base's year is not the figure's
        if not years and carried is None:
            carried = state.compared_year(base_years)
        before = state.last_figure()
        carried_period = None
        if not years and before is not None and goes_on_from_before(sent.text):
            carried, carried_period = before.year, before.period  # "during the period under review"
        periods = [p for p in find_periods(sent.text) + relative_fiscal_periods(sent.text, published, pair, latest_fy,
                                                                               current_fy, carried)
                   if base_at(bases, p.start) is None]
        if not years:  # "in January-February" after "in January-February 2019": the period named before, its year
            carried = state.period_year(periods, carried)
        state.note_periods(periods)
        year_of = YearPicker(sent, years, carried)
        all_amounts = find_amounts(sent.text)
        previous: Claim | None = None
        last_amount = None
        for amount in find_amounts(sent.text):
            a_start, a_end = sent.start + amount.hedge_start, sent.start + amount.end
            conversion = last_amount is not None and is_conversion(sent.text, last_amount, amount)
            last_amount = amount
            # a goal's base: "from $13.6 billion at present" just before the target's own figure
            base = is_base(sent.text, amount) and any(s <= a_end + 60 and e >= a_start for s, e in reserved)
            if not base and any(s <= a_start < e or s < a_end <= e for s, e in reserved):
                continue  # the target's own figure; its base ("from $13.6 billion at present") is a stated level
            if conversion:
                if previous is not None and previous.end == sent.start + _prev_end:
                    previous.alt_values.append({"value": amount.value, "currency": amount.currency})
                continue
            if amount.unit == "money" and _PRICE_AFTER.match(sent.text[amount.end :]):
                continue  # "$80 a barrel": a price, not a flow
            money_anchor = state.money_figure(sent.paragraph)
            anchor = previous or money_anchor
            zone = base_at(bases, amount.hedge_start)
            figure = None
            if zone is not None:  # the figure this base is compared with: one of the sentence's, else the one before
                figure = next((c for c in reversed(claims) if c.start >= sent.start and base_at(bases, c.start - sent.start)
                               is None), None) or money_anchor
            compared = None if zone is None or has_own_flow(view, sent, zone, amount, refs) else next(
                (c for c in reversed(claims) if c.start >= sent.start and c.unit is None and c.currency
                 and base_at(bases, c.start - sent.start) is None), None) or anaphoric_figure(view, sent, zone, refs, money_anchor)
            claim = _classify(view, sent, amount, refs, pair, previous, anchor, compared)
            if claim is None:
                continue
            if decimal:
                rescale(claim, amount.text)  # "$1,858 billion" beside "$585,76 million": 1.858 billion
            claim.year = year_of(amount)
            mark_base(claim, sent.text, amount, base)
            if zone is not None:
                date_by_base(claim, zone, figure)
                if claim.year is None or (zone.year is None and not zone.back):
                    claim.year = since_year(sent.text[: zone.start]) or claim.year
                    if zone.year is None and not zone.back and since_year(sent.text[: zone.start]) is None:
                        year_before_from(claim, sent.text, zone.start, zone.end, amount.end, next(
                            (c for c in reversed(claims) if c.start >= sent.start and c.unit is None and c.currency
                             and base_at(bases, c.start - sent.start) is None), None), sent.start)
                claim._in_base = True
            else:
                apply_period(claim, periods, amount, published, all_amounts, sent.text)
                if claim.period is None and carried_period is not None and claim.year == carried:
                    claim.period = carried_period
                respective_period(claim, amount, all_amounts, sent.text)
                if previous is not None and amount.unit == "money":
                    between = sent.text[previous.end - sent.start : amount.hedge_start]
                    if claim.year is None and previous.unit is None and (
                            _LIST_NEXT.match(between) or _NAMED_LIST.match(between)):
                        claim.year, claim.period = previous.year, previous.period  # the list goes on, same date
                    change_to_figure(previous, claim, between)
            c_left, c_right = clause_bounds(sent.text, amount.hedge_start, amount.end)
            if claim.measure == "growth" and zone is None:
                claim.year = span_end(sent.text[c_left:c_right]) or claim.year
            claim.modality = None if claim._base else modality_of(sent.text[c_left:c_right], published, claim.year)
            settle_year(claim, sent.text, published)
            settle_sides(view, sent, amount, refs, claim, pair, previous, state, c_left)
            if previous is not None and amount.unit == "money":  # "jumped 285% to $585 million": that flow's change
                change_takes_sides(previous, claim, sent.text[previous.end - sent.start : amount.hedge_start])
            if zone is None:  # "($2.3 billion over the same period of 2030)": the base after the figure
                own_base(claim, sent.text, amount, next((c for c in reversed(claims) if c.start >= sent.start
                                                        and c.unit is None and c.currency), None))
            state.note_claim(claim, sent.paragraph)
            previous = claim
            _prev_end = amount.end
        for extra in economy_ranks(sent, refs, year_of) + product_claims(view, sent, refs, pair, year_of):
            state.note_claim(extra, None)
        written = [y for p, y in years if y is not None and (p, y) not in recalled] or [p.year for p in periods if p.year is not None][-1:]
        state.after_sentence(sent, written, carried)  # a fiscal year or dated part-year moves the year on too
    date_bases(claims)
    restated_years(claims)
    for claim in claims:
        claim.__dict__.pop("_paragraph", None)
        claim.__dict__.pop("_base", None)
        claim.__dict__.pop("_base_now", None)
        claim.__dict__.pop("_in_base", None)
        claim.__dict__.pop("_world", None)
    assume_currencies(claims)
    return sorted(claims, key=lambda c: c.start)


_BALANCE = re.compile(r"\b(?:surplus|deficit|trade\s+balance|balance\s+of\s+trade|gap)\s+(?:of|at|was|stood\s+at|to|reached)?"
                      r"\s*(?:about\s+|some\s+|nearly\s+)?$", re.I)
_IN_FAVOUR = re.compile(r"^\s*in\s+(?:the\s+)?@([A-Z]{3,8})(?:'s|’s)?\s+favou?r\b")
_BALANCE_AFTER = re.compile(r"^\s*(?:trade\s+)?(?:surplus|deficit)\b", re.I)
#: "Peru's deficit with Ghana was $70 million", "the trade gap with India widened to $5 billion"
_BALANCE_WITH = re.compile(r"\b(?:surplus|deficit|gap)\s+with\s+(?:the\s+)?@[A-Z]{3,8}\s+(?:was|stood\s+at|reached|"
                           r"(?:[a-z]+ed|rose|fell|grew|shrank)(?:\s+(?:by\s+)?[\d.,]+\s*(?:%|per\s?cent|percent))?\s+to)\s+"
                           r"(?:about\s+|some\s+|nearly\s+)?$", re.I)
_PRICE_AFTER = re.compile(r"^\s*(?:a|an|per|each|/)\s*(?:barrel|bbl|tonne|ton|kg|kilo(?:gram)?|pound|ounce|litre|liter|"
                          r"gallon|share|unit|head|night|month|hour|day|square\s+metre)\b", re.I)
_FLOW_VERB_BEFORE = re.compile(
    r"\b(?:import|export|ship|sell|sold|bought|purchase)(?:ed|s|ped)?\s+(?:[a-z-]+\s+){0,2}?(?:worth\s+)?(?:of\s+)?$", re.I
)
_FIGURE_FLOW = re.compile(r"^(?:\W*)(?:(?:[A-Z][\w’'-]*|main|major|key|top|total|overall)\s+){0,3}?"
                          r"(?:exports?|imports?|exporters|importers|shipments|trade|sales)\b", re.I)
#: a figure told as the same measure as the one before it: "the figure rose to", "it reached"
#: "hit $4 billion in 2018, but fell to $3.5 billion in 2019": a bare movement goes on with the figure before
_MOVE_ONLY = re.compile(r"^\W*(?:(?:in|by)\s+(?:19|20)\d\d\W*)?(?:(?:and|but|then|before|after|while|only\s+to)\s+)*"
                        # "..., and for the FY 2024-25 reached $X": the time the next figure is for (round nine)
                        r"(?:(?:in|for|during)\s+(?:the\s+)?(?:FY\s?|fiscal\s+|year\s+)?(?:19|20)\d\d(?:[-–/]\d{2,4})?,?\s+)?"
                        r"(?:then\s+)?(?:it\s+)?"
                        r"(?:(?:[a-z]+ed|fell|rose|grew|sank|shrank|stood|came|went|hit|rising|falling|climbing|dropping|jumping|slipping|recovering|rebounding|reaching|"
                        r"easing|growing|sliding)\s+(?:again\s+|back\s+|further\s+)?(?:to|at)|reached|totall?ed|touched)\s+(?:about\s+|some\s+|nearly\s+)?$",
                        re.I)
_LIST_NEXT = re.compile(r"^\)?\s*(?:(?:for|to|from|in|with|of)\s+(?:the\s+)?(?:[A-Z][\w.'-]*\s*){1,4})?\)?"
                        r"(?:,\s*(?:and\s+)?|\s*and\s+)(?:(?:the\s+)?[A-Z][\w.'-]*\s*){0,3}\(?\s*$")
#: "Chile with $7.5 billion, Peru with $4.1 billion": a list of partners, each with its figure
_NAMED_LIST = re.compile(r"^,?\s*(?:and\s+)?(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){1,4}(?:with|at)\s+$")
_HEADLINE_FIGURE = re.compile(r"^(?!SOURCE:).*\b(?:trade|exports?|imports?|credit\s+line|loans?|investments?|aid)\b.*\d",
                              re.I)


def _classify(
    view: str, sent: Sentence, amount: Amount, refs: list[CountryRef], pair: list[str], previous: Claim | None,
    anchor: Claim | None = None, compared: Claim | None = None,
) -> Claim | None:
    s0 = sent.start
    c_left, c_right = clause_bounds(sent.text, amount.hedge_start, amount.end)
    left = tagged(view, s0 + c_left, s0 + amount.hedge_start, refs)
    right = tagged(view, s0 + amount.end, s0 + c_right, refs)
    right = re.sub(r"^\s*\([^()]{0,40}\)", "", right)  # "27 billion reais (US$4.8 billion) of investment"
    clause = left + " " + cues.AMOUNT + " " + right
    if out_of_scope(left, right, amount.unit):
        return None  # a company's revenue, a market's size, inflation: not a trade figure
    sentence_left = tagged(view, s0, s0 + amount.hedge_start, refs)
    claim = Claim(
        text="", start=s0 + amount.hedge_start, end=s0 + amount.end, measure="other", value=amount.value,
        currency=amount.currency, approximate=amount.hedge is not None, hedge=amount.hedge,
    )
    claim.unit = {"money": None, "percent": "percent", "multiple": "multiple"}[amount.unit]
    claim.value_high = amount.high
    claim.truncated = amount.truncated
    scope = re.search(r"\bgoods and services\b|\bservices\b|\bgoods\b|\bmerchandise\b", clause, re.I)
    if scope:
        word = scope.group().lower()
        claim.scope = {"goods and services": "goods_and_services", "services": "services"}.get(word, "goods")

    if previous is not None and previous.unit == claim.unit and _COMPARISON.search(sent.text[: amount.hedge_start]):
        compared = previous
    if compared is not None and amount.unit == "money":
        # "…reached $900 million, up from $190 million in 2020", "… compared to 2018 ($56.8 million)":
        # the base is the same measure as the figure it is compared with, another year
        claim.measure, claim.from_, claim.to, claim.country = compared.measure, compared.from_, compared.to, compared.country
        claim.basis, claim.scope, claim.about = compared.basis, compared.scope, compared.about
        if compared.about == "trade balance":  # "a deficit of $N compared to a surplus of $M": the other way
            claim.from_, claim.to = compared_balance(sentence_left, (claim.from_, claim.to)) or (claim.from_, claim.to)
        return claim
    if amount.unit == "percent":
        sign = bracketed_change(sent.text[previous.end - s0 : amount.hedge_start]) if previous is not None else None
        if sign is not None and previous.unit is None:  # "$20 bln (+5%)": that figure's change
            claim.measure, claim.value, claim.basis, claim.from_, claim.to = "growth", sign * abs(claim.value or 0), \
                previous.basis, previous.from_, previous.to
            return claim
        if share_claim(claim, left, right, sentence_left, pair) or share_of_told_flow(
                claim, left, right, previous if previous is not None and previous.end >= s0 else None):
            return claim
        sign = change_sign(sent.text, s0, amount.hedge_start, right, previous)
        if sign is not None:  # "(-8.4% between 2030 and 2031)", "a fall of 6.5% in exports and 9.5% in imports"
            return growth_claim(claim, clause, left, right, pair, sentence_left, anchor, sign=sign)
        if _GROWTH_BEFORE.search(left) or _GROWTH_AFTER.match(right):
            return growth_claim(claim, clause, left, right, pair, sentence_left, anchor)
        tariff = tariff_sides(left, right, sentence_left, pair)
        if tariff is not None:  # "a 15 percent tariff on Chilean salmon": from the goods' side
            claim.from_, claim.to = tariff
            return claim
        of_flow = re.match(r"^\s*of\s+(?:the\s+)?(?:[\w@'-]+\s+){0,3}?(?=@[A-Z]{3,8})", right)
        flow_cue = cues.nearest_cue(right[:80]) if of_flow else None
        if flow_cue is not None and flow_cue[0] != "trade":  # "99 percent of Australian exports"
            flow = cues.flow_of(right[:80], flow_cue[0], flow_cue[1], pair)
            claim.from_, claim.to = flow.origin, flow.destination
            return claim
        if of_flow and re.match(r"^\s*of\s+(?:the\s+)?@[A-Z]{3,8}(?:'s)?\s+(?:[a-z-]+\s+){0,2}?(?:goods|products|exports)",
                                right):
            claim.from_ = re.search(r"@([A-Z]{3,8})", right).group(1)
            return claim
        claim.from_ = cues.first_country(sentence_left) or cues.first_country(right)
        return claim
    if amount.unit == "multiple":
        if re.fullmatch(r"(?i)doubled|tripled|trebled|quadrupled", amount.text) and not re.search(
                r"\b(?:trade|exports?|imports?|investments?|turnover|commerce|volume)\b", clause, re.I):
            return None  # "have doubled their sales to Asia": no measured flow named
        return growth_claim(claim, clause, left, right, pair, sentence_left)

    signed = signed_balance(left, right, pair)  # "the positive balance of trade with Y is $N": the other side's surplus
    if signed or _BALANCE.search(left[-40:]) or _BALANCE_AFTER.match(right) or _BALANCE_WITH.search(left[-70:]):
        claim.about = "trade balance"  # "a surplus of $6 billion"
        claim.from_ = cues.country_before(left) or cues.first_country(sentence_left)
        sides = signed or balance_sides(left, right, pair)  # "X's deficit with Y": the goods flow from Y into X
        if sides is None and previous is not None and previous.about == "trade balance":
            sides = compared_balance(sentence_left, (previous.from_, previous.to))
        if sides is not None:
            claim.from_, claim.to = sides
        favour = _IN_FAVOUR.match(right)
        if favour and re.search(r"surplus|balance", left[-40:] + right[:20], re.I) and favour.group(1) in pair \
                and len(pair) == 2:  # "a surplus of $20 billion in China's favour": China sells more
            claim.from_, claim.to = favour.group(1), pair[1 - pair.index(favour.group(1))]
        return claim
    flow_verb = _FLOW_VERB_BEFORE.search(left)  # "imported $11 billion worth of goods and services"
    other = None if flow_verb else _OTHER_HEAD.match(right)
    if other and other.group("noun").lower() in ("services", "tourism") and (
            cues.EXPORT.search(other.group("phrase")) or cues.IMPORT.search(other.group("phrase"))):
        other = None  # "$2 billion of services sold by Chilean firms to Japan": a flow of services
    if other or (_OTHER_BEFORE.search(left) and not flow_verb) or FINANCE_AFTER.match(right) or gives_money(left) \
            or buys_stake(sentence_left):
        claim.about = re.sub(r"@([A-Z]{3,8})", r"\1", re.sub(r"\s+", " ", other.group("phrase"))).strip() if other else None
        finance = FINANCE_AFTER.match(right)
        if finance and claim.about is None:
            claim.about = " ".join(finance.group().split())
        finance_sides(claim, left, right, sentence_left, pair)
        return claim
    if cues.GDP.search(left) or cues.GDP.match(right.strip()):
        claim.measure = "gdp"
        claim.country = _gdp_country(sentence_left, right)
        return claim
    found = cue_after(clause) or cues.nearest_cue(clause)
    listed = _LISTED_FLOW.match(sentence_left) if found is None and ":" in sentence_left else None
    if listed is not None:  # "The top export categories in 2031 were: tea ($120 million), ...": that flow's items
        clause = listed.group("head") + " " + cues.AMOUNT + " " + right
        found = cues.nearest_cue(clause)
    if found is None and anchor is not None and amount.unit == "money" and (
            _ANAPHOR.search(left) or ranking_goes_on(left, view[max(0, anchor.start - 12) : anchor.start])
            or (anchor is previous and _MOVE_ONLY.match(sent.text[previous.end - s0 : amount.hedge_start]))):
        # "In 2018 Chile shipped $400 million of copper to Vietnam. The figure rose to $450 million"
        claim.measure, claim.from_, claim.to, claim.country = anchor.measure, anchor.from_, anchor.to, anchor.country
        claim.basis, claim.scope = anchor.basis, anchor.scope
        return claim
    between = sent.text[previous.end - s0 : amount.hedge_start] if previous is not None else ""
    if found is None and previous is not None and previous.unit is None and amount.unit == "money" and (
            _LIST_NEXT.match(between) or item_list_goes_on(between)):
        # "after $31.4 billion for Chile and $12.8 billion for Norway": the list goes on
        claim.measure, claim.from_, claim.to, claim.country = previous.measure, previous.from_, previous.to, previous.country
        claim.basis, claim.scope = previous.basis, previous.scope
        return claim
    if found is None:
        claim.from_ = cues.first_country(sentence_left) or cues.first_country(right)
        claim.from_, claim.to = receiver_after(right, pair) or firms_sides(clause, pair) or (claim.from_, claim.to)
        return claim  # ("will go toward Ghana's ports", "agreements with French arms makers for €400 million")
    kind, match = found
    flow = cues.flow_of(clause, kind, match, pair)
    claim.basis = kind
    if kind == "trade":
        claim.measure = "bilateral_trade_total"
    elif kind == "imports" and _TOTAL_IMPORTS.search(clause) and not re.search(r"\bfrom\s", clause):
        claim.measure = "imports_total"
        claim.country = cues.country_before(clause[: match.start()]) or flow.destination
        return claim
    else:
        claim.measure = "exports"
    claim.from_, claim.to = flow.origin, flow.destination
    if flow.world:
        claim._world = True  # the world or a region on the open side: the pair must not fill it
        if kind == "exports" and claim.from_ and cues.is_total_flow(clause[: match.start()]):
            claim.measure, claim.country = "exports_total", claim.from_  # "Peru's total exports": to the world
        return claim
    if kind in ("exports", "imports"):
        subject_side(claim, cues.flow_of(clause, kind, match, []), sentence_left, pair)
        market = cues.MARKET_OF.search(sentence_left)
        raw = cues.flow_of(clause, kind, match, [])
        if market is not None and (not re.search(r"@[A-Z]{3,8}", left) or (raw.origin, raw.destination) in (
                (market.group(2), None), (None, None))):
            # "the US is India's largest export market, with exports of", "listed India as Nigeria's largest export market"
            claim.from_, claim.to = market.group(2), market.group(1)
    return claim


def _gdp_country(sentence_left: str, right: str) -> str | None:
    m = re.search(r"(?:GDP|gross domestic product|economic output)\s+of\s+(?:the\s+)?@([A-Z]{3,8})", right)
    if m:
        return m.group(1)
    return cues.country_before(sentence_left)
