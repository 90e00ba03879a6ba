"""The report as Markdown: text and tables (charts are HTML-only; the data are in JSON/CSV)."""

from __future__ import annotations

from bilat.questions.labels import kind_of, label
from bilat.report.model import Report, Table
from bilat.report.render.cells import KINDS, format_cell, ordered


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
    columns = ordered([str(c) for c in table.frame.columns])
    frame = table.frame.head(limit)[columns]
    out = [f"**{_escape(table.caption)}**", "", "| " + " | ".join(_escape(label(c)) for c in columns) + " |",
           "|" + "---|" * len(columns)]
    for record in frame.itertuples(index=False):
        cells = [format_cell(v, table.formats.get(c) or KINDS.get(kind_of(c) or "")) for c, v in zip(columns, record, strict=True)]
        out.append("| " + " | ".join(_escape(text) for text in cells) + " |")
    if len(table.frame) > limit:
        out.append(f"\n_{len(table.frame) - limit} more rows in --format json/csv._")
    return [*out, ""]
