"""The pair report: one self-contained HTML file (or Markdown, JSON, CSV) from one library call.

Example::

    from bilat.report import build_report, write_report
    report = build_report("ISR", "JPN")
    write_report(report, "bilat-report-ISR-JPN.html")

Sections live one per file in :mod:`bilat.report.sections`; renderers in :mod:`bilat.report.render`.
"""

from __future__ import annotations

from pathlib import Path

from typing import Any

from bilat.engines import Engine
from bilat.errors import BilatError
from bilat.report.model import Report, Section, Table
from bilat.report.render import FORMATS

SUFFIXES = {"html": ".html", "md": ".md", "json": ".json", "csv": ".csv"}


def default_path(a: str, b: str, fmt: str = "html") -> Path:
    """``./bilat-report-ISR-JPN.html`` (in the current directory)."""
    return Path.cwd() / f"bilat-report-{a}-{b}{SUFFIXES[fmt]}"


def build_report(
    a: str,
    b: str,
    years: str | tuple[int, int] | None = None,
    *,
    lens: str | None = None,
    reconcile_year: int | None = None,
    top: int = 10,
    engine: Engine | str | None = None,
    session: Any = None,
) -> Report:
    """Compute and lay out the report for the pair (see :mod:`bilat.report.sections` for the parts)."""
    from bilat.report.context import gather
    from bilat.report.sections import build_all
    from bilat.report.sections.summary import key_figures

    ctx = gather(a, b, years, lens=lens, reconcile_year=reconcile_year, top=top, engine=engine, session=session)
    return Report(a=ctx.a, b=ctx.b, names=ctx.names, years=ctx.profile.years, sections=build_all(ctx),
                  summary=key_figures(ctx))


def render(report: Report, fmt: str = "html", *, self_contained: bool = True) -> str:
    """The report as text in ``fmt`` (html, md, json or csv); see :func:`write_report` for ``self_contained``."""
    if fmt == "html":
        from bilat.report.render.html import render as html

        return html(report, self_contained=self_contained)
    if fmt == "md":
        from bilat.report.render.markdown import render as md

        return md(report)
    if fmt == "json":
        from bilat.report.render.data import render_json

        return render_json(report)
    if fmt == "csv":
        from bilat.report.render.data import render_csv

        return render_csv(report)
    raise BilatError(f"report format must be one of {', '.join(FORMATS)}; got {fmt!r}")


def write_report(report: Report, path: Path | str, fmt: str = "html", *, self_contained: bool = False) -> Path:
    """Write the report; the file appears whole or not at all (written beside, then renamed).

    HTML loads plotly.js from a file written once beside it (so a pair's report stays under
    1.5 MB and opens offline); ``self_contained=True`` inlines plotly.js instead (one 5 MB file).
    """
    path = Path(path)
    text = render(report, fmt, self_contained=self_contained)
    if path.parent and not path.parent.exists():
        raise BilatError(f"cannot write {path}: folder {path.parent} does not exist")
    if fmt == "html" and not self_contained:
        from bilat.report.render.html import write_plotly_beside

        write_plotly_beside(path.parent if str(path.parent) else Path.cwd())
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)
    return path


__all__ = ["FORMATS", "Report", "Section", "Table", "build_report", "default_path", "render", "write_report"]
