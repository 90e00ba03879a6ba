"""Kept importable for one release: the pair questions moved to :mod:`bilat.questions`.

``profile`` is :mod:`bilat.questions.overview`, targets :mod:`bilat.questions.targets`, the goal
grammar :mod:`bilat.questions.goals`, reconciliation :mod:`bilat.questions.side_by_side`.
"""

from bilat.questions.probe import FULL_BASKET_CHAPTERS as FULL_COVERAGE_CHAPTERS  # noqa: F401
from bilat.questions.goals import parse_goal  # noqa: F401
from bilat.questions.hints import BACI_HINT  # noqa: F401
from bilat.questions.overview import PairProfile, cagr_table, profile  # noqa: F401
from bilat.questions.profile_parts import LEVELS, world_exports  # noqa: F401
from bilat.questions.side_by_side import Reconciliation, reconcile  # noqa: F401
from bilat.questions.targets import (  # noqa: F401
    SEED_TARGETS,
    add_target,
    evaluate_target,
    list_targets,
    make_target,
    remove_target,
    same_goal,
    seed_targets,
    target_status,
)
from bilat.session import country_label  # noqa: F401
