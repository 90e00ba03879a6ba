"""Command-line values of the plain kinds (text, whole numbers, choices) taken without pydantic.

Why: typer 0.29 converts every parameter value through a pydantic ``TypeAdapter``; the first
command-line value a process converts imports pydantic and builds adapters (about 0.15-0.25 s),
which was most of what ``bilat country Japanese`` cost after Python itself. Almost every bilat
parameter is ``str``, ``list[str]``, ``int``, ``bool`` or an ``Enum`` of output formats, whose
conversion of a valid value is trivial: the text itself, ``int("2020")``, the matching member,
``Path(text)`` (then typer's own checks of the path).

So :func:`install` gives typer's parameters a converter that does exactly that for a value it
is sure of, and hands everything else to typer's own pydantic path, unchanged: other types
(paths, floats, files), custom parsers, clamping, and every value that is invalid or unusual
(an out-of-range number, a choice that matches nothing, ``"007"``). Error messages therefore
stay typer's. The converted values are the same objects typer would return (``list`` for
several values, ``()`` or ``None`` for none). If typer's internals move, nothing is installed.
"""

from __future__ import annotations

import re
from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_origin

_UNSURE = object()
_INTEGER = re.compile(r"0|-?[1-9][0-9]{0,17}")


def install() -> bool:
    """Route typer parameters through the fast converter; False if typer's internals are not as expected."""
    try:
        from typer._coercion import build_runtime_param
        from typer._param_types import coerce_cli_choice, coerce_cli_path
        from typer.core import _TyperParameter
    except ImportError:
        return False
    if getattr(_TyperParameter, "_bilat_fast", False) or not hasattr(_TyperParameter, "get_runtime_param"):
        return getattr(_TyperParameter, "_bilat_fast", False)

    class _FastRuntimeParam:
        """typer's RuntimeParam contract (``coerce``), pydantic's one built only when needed."""

        def __init__(self, descriptor: Any) -> None:
            self.descriptor = descriptor
            self._typer: Any = None

        def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
            try:
                fast = _coerce(self.descriptor, value, param, ctx, (coerce_cli_choice, coerce_cli_path))
            except Exception:  # noqa: BLE001 - any doubt: typer decides (and words the error)
                fast = _UNSURE
            if fast is not _UNSURE:
                return fast
            if self._typer is None:
                self._typer = build_runtime_param(self.descriptor)
            return self._typer.coerce(value, param=param, ctx=ctx)

    def get_runtime_param(self: Any) -> Any:
        if self._runtime_param is None:
            self._runtime_param = _FastRuntimeParam(self.type_descriptor)
        return self._runtime_param

    _TyperParameter.get_runtime_param = get_runtime_param
    _TyperParameter._bilat_fast = True
    return True


def _coerce(descriptor: Any, value: Any, param: Any, ctx: Any, typer_helpers: tuple[Any, Any]) -> Any:
    """The converted value, or ``_UNSURE`` when typer's own conversion must decide."""
    several = param.multiple or param.nargs == -1
    if value is None:
        return () if several else None
    info = descriptor.parameter_info
    if descriptor.file_annotation is not None or info.parser is not None or info.clamp:
        return _UNSURE
    annotation = descriptor.annotation
    if several or get_origin(annotation) is list:
        if isinstance(value, str) or not isinstance(value, (list, tuple)) or get_origin(annotation) is not list:
            return _UNSURE
        (item,) = get_args(annotation)
        out = [_leaf(item, v, info, param, ctx, typer_helpers) for v in value]
        return _UNSURE if any(v is _UNSURE for v in out) else out
    return _leaf(annotation, value, info, param, ctx, typer_helpers)


def _leaf(annotation: Any, value: Any, info: Any, param: Any, ctx: Any, typer_helpers: tuple[Any, Any]) -> Any:
    choose, check_path = typer_helpers
    if annotation is str:
        return value if isinstance(value, str) else _UNSURE
    if annotation is bool:
        return value if isinstance(value, bool) else _UNSURE
    if annotation is int:
        if isinstance(value, bool):
            return _UNSURE
        if isinstance(value, str) and _INTEGER.fullmatch(value):
            value = int(value)
        if not isinstance(value, int):
            return _UNSURE
        if (info.min is not None and value < info.min) or (info.max is not None and value > info.max):
            return _UNSURE
        return value
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        if not isinstance(value, (str, Enum)):
            return _UNSURE
        return choose(value, choices=list(annotation), case_sensitive=info.case_sensitive, ctx=ctx)
    if annotation is Path and info.path_type is None and isinstance(value, str) and value and "\0" not in value:
        # typer's own checks (exists, file_okay...) on the Path pydantic would have made of the text
        return check_path(Path(value), info, path_type=Path, param=param, ctx=ctx)
    return _UNSURE


def defer_markdown() -> None:
    """Let typer's help import without rich's Markdown renderer (markdown-it, pygments: ~0.1 s).

    typer's ``rich_utils`` imports ``rich.markdown.Markdown`` at the top but only uses it when a
    command's help is written in Markdown mode; bilat's is in rich mode. Until something asks,
    ``rich.markdown`` is a stand-in whose ``Markdown`` (and any other name) loads the real module,
    which then replaces the stand-in. Nothing changes when it is already imported.
    """
    import sys
    import types

    if "rich.markdown" in sys.modules:
        return
    import rich

    stand_in = types.ModuleType("rich.markdown", "Stand-in until rich's Markdown is needed (bilat.cli.fast_params).")

    def real() -> types.ModuleType:
        import importlib

        if sys.modules.get("rich.markdown") is stand_in:
            del sys.modules["rich.markdown"]
        module = importlib.import_module("rich.markdown")
        rich.markdown = module  # type: ignore[attr-defined]
        return module

    class Markdown:  # noqa: D101 - stands for rich.markdown.Markdown
        def __new__(cls, *args: Any, **kwargs: Any) -> Any:
            return real().Markdown(*args, **kwargs)

    def __getattr__(name: str) -> Any:  # noqa: N807 - a module's attribute hook
        if name.startswith("__"):  # the import system asks for __path__, __spec__...: not a use
            raise AttributeError(name)
        return getattr(real(), name)

    stand_in.Markdown = Markdown  # type: ignore[attr-defined]
    stand_in.__getattr__ = __getattr__  # type: ignore[attr-defined]
    sys.modules["rich.markdown"] = stand_in
    rich.markdown = stand_in  # type: ignore[attr-defined]
