"""Kept importable for one release: targets moved to :mod:`bilat.catalog.targets`."""

from bilat.catalog.targets import FIELDS, TARGETS_SCHEMA, TargetStore  # noqa: F401
