"""Claims that name what a flow is made of ("exports of machinery, vehicles and chemicals").

Each becomes a ``top_products`` claim with the HS chapters of the goods named (:mod:`.products`).
"""

from __future__ import annotations

import bilat.news.cues as cues
from bilat.news.model import Claim, CountryRef
from bilat.news.products import CUE as PRODUCT_CUE
from bilat.news.products import product_list
from bilat.news.text import Sentence, clause_bounds, tagged
from bilat.news.year_picker import YearPicker


def product_claims(
    view: str, sent: Sentence, refs: list[CountryRef], pair: list[str], year_of: YearPicker
) -> list[Claim]:
    """One ``top_products`` claim per product list of the sentence that a flow word governs."""
    out: list[Claim] = []
    for cue in PRODUCT_CUE.finditer(sent.text):
        found = product_list(sent.text, cue.end())
        if found is None:
            continue
        start, end, chapters = found
        c_left, _ = clause_bounds(sent.text, cue.start(), cue.end())
        clause = tagged(view, sent.start + c_left, sent.start + cue.start(), refs) + " " + cues.AMOUNT
        flow_cue = cues.nearest_cue(clause)
        if flow_cue is None or flow_cue[0] == "trade":
            continue
        flow = cues.flow_of(clause, flow_cue[0], flow_cue[1], pair)
        out.append(
            Claim(
                text="", start=sent.start + start, end=sent.start + end, measure="top_products",
                from_=flow.origin, to=flow.destination, year=year_of(None, start), hs_chapters=chapters,
                basis=flow_cue[0],
            )
        )
    return out
