"""The one way a value that is not bilat's own SQL reaches a DuckDB statement as text.

DuckDB binds parameters (``?``) in queries and table functions, but not in ``COPY ... TO``,
``SET`` or a view's definition. Where a path, a file id or a user's option must be written into
such a statement, it goes through :func:`quote_literal` (a string literal) or
:func:`quote_identifier` (a column name); nowhere else does bilat paste text into SQL. Every
statement that takes a path is tested with hostile names (quotes, semicolons, newlines, unicode)
in ``tests/trust/test_sql_names.py``.
"""

from __future__ import annotations

from bilat.errors import BilatError


def _checked(text: object, what: str) -> str:
    text = str(text)
    if "\x00" in text:  # no file name can hold one, and DuckDB would cut the string there
        raise BilatError(f"{what} contains a NUL character: {text!r}")
    return text


def quote_literal(text: object) -> str:
    """``it's`` -> ``'it''s'``: a DuckDB string literal that means exactly ``text``.

    Inside a single-quoted DuckDB literal only the quote itself is special (backslashes are not
    escapes, and newlines, semicolons and ``--`` are plain characters), so doubling quotes is
    the whole of it.
    """
    return "'" + _checked(text, "a SQL string").replace("'", "''") + "'"


_GLOB = {"*": "[*]", "?": "[?]", "[": "[[]", "]": "[]]"}


def quote_read_path(path: object) -> str:
    """A path for DuckDB's readers (``read_csv``, ``read_parquet``) as a literal that names that file only.

    Those readers expand ``*``, ``?`` and ``[...]`` as a glob: a file named ``x[1]*?.parquet``
    would read ``x1ab.parquet`` instead, and ``BACI*.csv`` every BACI file beside it. Each glob
    character is escaped as a one-character class (``[*]``), which matches only itself.
    """
    text = _checked(path, "a path")
    if any(c in text for c in _GLOB):
        text = "".join(_GLOB.get(c, c) for c in text)
    return quote_literal(text)


def quote_identifier(name: object) -> str:
    """``a"b`` -> ``"a""b"``: a DuckDB identifier (column or table name) that means exactly ``name``."""
    return '"' + _checked(name, "a SQL name").replace('"', '""') + '"'


__all__ = ["quote_identifier", "quote_literal", "quote_read_path"]
