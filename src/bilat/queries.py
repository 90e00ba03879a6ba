"""Kept importable for one release: flows and composition moved to :mod:`bilat.questions`."""

from bilat.questions.answer import Answer  # noqa: F401
from bilat.questions.products import composition, pair_composition  # noqa: F401
from bilat.questions.yearly import flows, pair_flows  # noqa: F401
from bilat.questions.hints import LOAD_HINT  # noqa: F401
from bilat.session import resolve_pair  # noqa: F401
