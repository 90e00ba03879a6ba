"""Kept importable for one release: moved to :mod:`bilat.questions.potential` and :mod:`bilat.questions.probe`."""

from bilat.questions.probe import FULL_BASKET_CHAPTERS as FULL_COVERAGE_CHAPTERS  # noqa: F401
from bilat.questions.probe import Coverage, coverage, pick  # noqa: F401
from bilat.questions.hints import LOAD_BACI  # noqa: F401
from bilat.questions.potential import (  # noqa: F401
    POTENTIAL_COLUMNS,
    PotentialAnswer,
    describe_codes,
    rca_table,
    untapped_potential,
)
