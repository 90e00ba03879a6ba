"""What the terminal is shown of third-party text: control characters made visible, no markup.

An article, a file's header or a cell of someone else's CSV may carry terminal control sequences
(``ESC[2J`` clears the screen, OSC 8 hides a hyperlink behind innocent text, a bidi override
reorders what is read) or text that rich would interpret (``[link=...]`` markup, ``:x:`` emoji
codes). Every terminal view of such text goes through :func:`terminal_safe` and is printed as a
:class:`rich.text.Text` (never parsed as markup or emoji). The mapping keeps the length of the
text, so offsets into it (the spans ``bilat news show`` highlights) still point at the same
characters.
"""

from __future__ import annotations

import re
from typing import Any

#: C0 controls except newline and tab, DEL, C1 controls, and the bidi embedding/override/isolate
#: marks: each becomes one visible character (C0 and DEL their Unicode "control picture", ␛ for
#: ESC; the others U+FFFD).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f\x80-\x9f\u202a-\u202e\u2066-\u2069]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


def terminal_safe(text: Any) -> str:
    """``text`` with every control character shown as one visible character (same length)."""
    return _UNSAFE.sub(_visible, str(text))


def safe_console(**options: Any) -> Any:
    """A rich Console whose ``print`` shows control characters in every plain string it is given.

    The net under every command's output: a file name, a loader's note or an error that quotes a
    file cannot clear the screen or open a hidden link, whichever command prints it. (Markup in
    bilat's own strings, ``[bold]...[/]``, still works: brackets are not control characters.)
    """
    from rich.console import Console

    class SafeConsole(Console):
        def print(self, *objects: Any, **kwargs: Any) -> None:  # noqa: A003 - rich's name
            super().print(*(terminal_safe(o) if isinstance(o, str) else o for o in objects), **kwargs)

    return SafeConsole(**options)


def safe_text(text: Any, style: str = "") -> Any:
    """:func:`terminal_safe` text as a rich Text: printed as is, never read as markup or emoji."""
    from rich.text import Text

    return Text(terminal_safe(text), style=style)


__all__ = ["safe_console", "safe_text", "terminal_safe"]
