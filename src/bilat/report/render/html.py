"""One self-contained HTML file: plotly.js inlined once, every figure drawn from inline JSON.

Escaping: every text that comes from data or users (country names, product descriptions, a
target's quote, news claims) goes through :func:`html.escape`; figure JSON is embedded with
``</`` written as ``<\\/`` so that no string can close the ``<script>`` element.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from string import Template
from typing import Any

from bilat.report.model import Report, Section, Table
from bilat.questions.labels import kind_of, label
from bilat.report.render.cells import KINDS, LEAD, format_cell, ordered

MAX_ROWS = 30
#: A table with more columns shows the first ones and puts the rest in a second table below.
MAX_COLUMNS = 8


def plotly_file_name() -> str:
    """The name of the plotly.js file a report loads from its own folder (one per plotly version)."""
    import plotly

    return f"bilat-plotly-{plotly.__version__}.min.js"


def write_plotly_beside(folder) -> None:  # noqa: ANN001 - a Path
    """Write plotly.js into ``folder`` once, so that every report there opens offline and stays small."""
    from plotly.offline import get_plotlyjs

    path = folder / plotly_file_name()
    if not path.exists():
        partial = path.with_name(path.name + ".partial")
        partial.write_text(get_plotlyjs(), encoding="utf-8")
        partial.replace(path)


def render(report: Report, self_contained: bool = True) -> str:
    """The report as a complete HTML document (no network needed to open it).

    ``self_contained``: plotly.js inlined (one 5 MB file); otherwise loaded once from
    :func:`plotly_file_name` in the report's folder (a pair's report is then a few hundred KB).
    """
    from plotly.offline import get_plotlyjs

    template = Template(resources.files("bilat.report").joinpath("templates/report.html").read_text(encoding="utf-8"))
    nav = "".join(f'<li><a href="#{s.name}">{html.escape(s.title)}</a></li>' for s in report.sections)
    body = "\n".join(_section(s, i) for i, s in enumerate(report.sections))
    return template.substitute(
        title=html.escape(report.title),
        subtitle=html.escape(f"{report.years[0]}-{report.years[1]} · generated {report.generated_at:%Y-%m-%d %H:%M} UTC"),
        plotlyjs=("<script>" + get_plotlyjs().replace("</script", "<\\/script") + "</script>" if self_contained
                  else f'<script src="{plotly_file_name()}"></script>'),
        nav=nav,
        body=body,
    )


def _section(section: Section, index: int) -> str:
    parts = [f'<section id="{html.escape(section.name)}"><h2>{html.escape(section.title)}</h2>']
    parts += [f"<p>{html.escape(p)}</p>" for p in section.paragraphs]
    for n, fig in enumerate(section.figures):
        parts.append(_figure(fig, f"fig-{index}-{n}"))
    for table in section.tables:
        if table.display:
            parts.append(_table(table))
    if section.notes:
        parts.append('<ul class="notes">' + "".join(f"<li>{html.escape(n)}</li>" for n in section.notes) + "</ul>")
    if section.preformatted:
        parts.append(f'<details><summary>Embedded dataset provenance</summary><pre>{html.escape(section.preformatted)}</pre></details>')
    parts.append("</section>")
    return "\n".join(parts)


_TEMPLATES: dict[str, dict] = {}


def _template_json(name: str) -> dict:
    """A plotly template's content, read from the JSON file plotly ships (once per process).

    Why the file and not ``plotly.io.templates``: that registry validates the template through
    ``plotly.graph_objects``, which a report no longer imports (about 0.3 s); the file holds the
    same values (plotly writes them in another key order, which plotly.js does not read).
    """
    if name not in _TEMPLATES:
        import plotly

        path = Path(plotly.__file__).parent / "package_data" / "templates" / f"{name}.json"
        _TEMPLATES[name] = json.loads(path.read_text(encoding="utf-8"))
    return _TEMPLATES[name]


def figure_json(fig: Mapping[str, Any] | Any) -> dict:
    """``{"data": ..., "layout": ...}`` of ``fig``, as plotly.js takes it: a named template written out in full.

    ``fig`` is a figure dict (what :func:`bilat.report.sections._style.figure` makes); a
    ``plotly.graph_objects.Figure`` put in a section by other code is also taken (through plotly.io).
    """
    if not isinstance(fig, Mapping):
        import plotly.io as pio

        fig = json.loads(pio.to_json(fig, validate=False))
    layout = dict(fig.get("layout", {}))
    name = layout.get("template")
    if isinstance(name, str):  # plotly.js knows no template names: the template itself, first in the layout
        layout = {"template": _template_json(name), **{k: v for k, v in layout.items() if k != "template"}}
    return {"data": list(fig.get("data", [])), "layout": layout}


def _figure(fig: Mapping[str, Any] | Any, element_id: str) -> str:
    payload = json.dumps(figure_json(fig), ensure_ascii=False, default=_plain)
    payload = payload.replace("</", "<\\/").replace("<!--", "<\\!--")
    return (
        f'<div class="chart" id="{element_id}"></div>\n'
        f'<script>(function(){{var f={payload};Plotly.newPlot("{element_id}",f.data,f.layout,'
        f'{{responsive:true,displaylogo:false}});}})();</script>'
    )


def _plain(value: Any) -> Any:
    """A numpy array or scalar left in a hand-made figure dict, as a list or number (json.dumps's fallback)."""
    if hasattr(value, "tolist"):
        return value.tolist()
    raise TypeError(f"not JSON: {type(value).__name__}")


def _table(table: Table) -> str:
    frame = table.frame
    shown = frame.head(MAX_ROWS)
    columns = ordered([str(c) for c in shown.columns])
    parts = [_html_table(table, shown, columns[:MAX_COLUMNS], table.caption)]
    if len(columns) > MAX_COLUMNS:
        ids = [c for c in columns[:MAX_COLUMNS] if c in LEAD][:3]
        rest = ids + columns[MAX_COLUMNS:]
        parts.append(f"<details><summary>{len(columns) - MAX_COLUMNS} more columns</summary>"
                     f"{_html_table(table, shown, rest, table.caption + ' (more columns)')}</details>")
    more = f'<p class="more">{len(frame) - MAX_ROWS} more rows in --format json/csv</p>' if len(frame) > MAX_ROWS else ""
    return f'<div class="table-wrap">{"".join(parts)}{more}</div>'


def _html_table(table: Table, shown, columns: list[str], caption: str) -> str:  # noqa: ANN001 - a DataFrame
    head = "".join(f"<th>{html.escape(label(c))}</th>" for c in columns)
    rows = []
    # Column by column (as Python values) rather than itertuples: it builds a namedtuple class per
    # table, a third of the report's rendering time for tables of a dozen rows.
    for record in zip(*(shown[c].tolist() for c in columns)):
        cells = []
        for column, value in zip(columns, record, strict=True):
            kind = table.formats.get(column) or KINDS.get(kind_of(column) or "")
            numeric = kind in ("usd", "pct", "pp", "ratio", "int", "growth") or (
                isinstance(value, (int, float)) and not isinstance(value, bool))
            text = format_cell(value, kind)
            cls = ' class="num"' if numeric else (' class="long"' if len(text) > 40 else "")
            cells.append(f"<td{cls}>{html.escape(text)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (f"<table><caption>{html.escape(caption)}</caption>"
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")
