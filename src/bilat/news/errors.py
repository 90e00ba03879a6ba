"""Errors of the news module (all :class:`~bilat.errors.BilatError`: one line, no traceback)."""

from __future__ import annotations

from bilat.errors import BilatError


class ArticleError(BilatError):
    """An article file that cannot be read as text (binary, empty, too large, unknown type)."""

    exit_code = 2


class ArticleNotFoundError(BilatError, LookupError):
    """No stored article has that id."""
