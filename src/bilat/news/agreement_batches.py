"""What a counted batch of instruments is, and which later singular mentions belong to it.

Why a module of its own: :mod:`.agreement_merge` decides which mentions are one record; a counted
batch ("signed 18 agreements and memoranda") has two questions of its own that real copy keeps
raising, and keeping them here keeps the merge module short:

* its kind: a count over several kinds of paper is plain agreements, unless the sentence says what
  they are for, cooperation ("... and MoUs for cooperation in several fields"), which is how the
  corpus types a batch (news-dev 11, 17);
* its members: a singular, untitled "an agreement to ..." told a sentence or two after the batch,
  with no date of its own, is one of the counted papers, not one more instrument.
"""

from __future__ import annotations

import re

from bilat.news.model import Agreement
from bilat.news.schema import type_code

#: the purpose of a counted batch, named right after its count ("for cooperation in", "to enhance
#: bilateral cooperation", "18 cooperation agreements and MoUs")
_COOPERATION = re.compile(r"\bco-?operat(?:ion|e|ive)\b", re.I)
_PURPOSE_SPAN = 120
#: a singular, untitled instrument word
_SINGULAR = re.compile(r"(?:agreement|deal|pact|accord)")
#: how far after a batch a singular mention may still be one of its papers
MEMBER_GAP = 1200


def mixed_batch_type(view: str, batch: Agreement) -> str:
    """The type of a batch counted over several kinds ("ten agreements, treaties and MoUs").

    Plain agreements, as before, unless cooperation is named as their purpose within the same
    sentence right after the count: then a cooperation agreement, the corpus's type for a batch."""
    stop = view.find(".", batch.end)
    after = view[batch.start : min(batch.end + _PURPOSE_SPAN, stop if stop >= 0 else len(view))]
    return "cooperation agreement" if _COOPERATION.search(after) else "agreements"


def batch_member(view: str, batches: list[Agreement], r: Agreement) -> Agreement | None:
    """The counted batch a singular plain mention belongs to, if any.

    "The seven agreements were signed ... a state oil firm inked an agreement on two blocks": the
    agreement told after the batch, untitled and singular, with no date other than the batch's, is
    one of the seven. Typed instruments (an FTA, an MoU, a joint statement) and titled ones stay apart."""
    word = view[r.start : r.end]
    if r.count is not None or not _SINGULAR.fullmatch(word):
        return None
    if type_code(r.type) not in ("other", "cooperation_agreement"):
        return None
    for b in batches:
        if set(b.parties) != set(r.parties) or not 0 < r.start - b.end < MEMBER_GAP:
            continue
        if r.date is not None and (b.date is None or r.date.value != b.date.value):
            continue
        return b
    return None

