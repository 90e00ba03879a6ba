"""Kept importable for one release: the row checks moved to :mod:`bilat.ingest.validate`."""

from bilat.ingest.validate import *  # noqa: F401,F403
from bilat.ingest.validate import checks_for, collect_problems, mark_duplicates, mark_problems  # noqa: F401
from bilat.schema import FIRST_YEAR, year_bounds  # noqa: F401
