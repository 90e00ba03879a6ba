"""``ibis`` for the analytics modules, imported on first use rather than when they are imported.

Why: a report or a profile whose answers are kept on disk (:mod:`bilat.questions.kept`) builds no
Ibis expression at all, yet importing the question modules imported Ibis (about 0.2 s: sqlglot,
its expression classes) through every analytics module they name. The analytics modules write
``ibis.literal(...)``, ``ibis.case()`` and so on exactly as before; the first such attribute
imports Ibis, and later ones are one dictionary lookup away.
"""

from __future__ import annotations

import importlib
from typing import Any


class _Ibis:
    """Stands for the ``ibis`` module: any attribute is the real module's, imported on first use."""

    def __getattr__(self, name: str) -> Any:
        module = importlib.import_module("ibis")
        return getattr(module, name)

    def __repr__(self) -> str:
        return "<ibis, imported on first use>"


ibis: Any = _Ibis()
