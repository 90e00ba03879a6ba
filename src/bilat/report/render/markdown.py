"""The report as Markdown: text and tables (charts are HTML-only; the data are in JSON/CSV)."""

from __future__ import annotations

from bilat.report.model import Report, Table
from bilat.report.render.cells import format_cell


def _escape(text: str) -> str:
    """Markdown-safe text: no raw HTML, no table breaks."""
    return (str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")
            .replace("\n", " "))


def render(report: Report) -> str:
    lines = [f"# {_escape(report.title)}", "", f"{report.years[0]}-{report.years[1]} · generated "
             f"{report.generated_at:%Y-%m-%d %H:%M} UTC", ""]
    for section in report.sections:
        lines += [f"## {_escape(section.title)}", ""]
        for p in section.paragraphs:
            lines += [_escape(p), ""]
        if section.figures:
            lines += [f"_{len(section.figures)} chart(s) in the HTML report._", ""]
        for table in section.tables:
            if table.display:
                lines += _table(table)
        for note in section.notes:
            lines.append(f"- {_escape(note)}")
        if section.notes:
            lines.append("")
        if section.preformatted:
            lines += ["<details><summary>Embedded dataset provenance</summary>", "", "```",
                      section.preformatted.replace("```", "'''"), "```", "", "</details>", ""]
    return "\n".join(lines)


def _table(table: Table, limit: int = 40) -> list[str]:
    frame = table.frame.head(limit)
    out = [f"**{_escape(table.caption)}**", "", "| " + " | ".join(_escape(c) for c in frame.columns) + " |",
           "|" + "---|" * len(frame.columns)]
    for record in frame.itertuples(index=False):
        out.append("| " + " | ".join(_escape(format_cell(v, table.formats.get(c))) for c, v in zip(frame.columns, record, strict=True)) + " |")
    if len(table.frame) > limit:
        out.append(f"\n_{len(table.frame) - limit} more rows in --format json/csv._")
    return [*out, ""]
