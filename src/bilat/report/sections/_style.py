"""Chart conventions every section shares: a title, the unit on the axis, the source under the plot.

Charts are plain plotly figure dicts (``{"data": [trace, ...], "layout": {...}}``), not
``plotly.graph_objects`` figures. Why: graph_objects costs about 0.3 s of a report (its import,
then the validation of every property set on a figure), and the report is meant to answer at
once (issue #17). plotly.js draws the same dict; ``tests/report/test_figure_dicts.py`` holds every
chart valid for plotly (``go.Figure(fig)`` accepts it) and equal to what plotly would write.
"""

from __future__ import annotations

import math
from typing import Any

COLORS = ("#1f5fa8", "#d2691e", "#2e8b57", "#8b3a62", "#6a5acd", "#b8860b")
USD_AXIS = "current USD, nominal"
#: The plotly template of every chart, named in the layout; the HTML renderer writes it out in full.
TEMPLATE = "plotly_white"

Figure = dict[str, Any]


def figure(title: str, source: str, *, y_title: str = USD_AXIS, x_title: str | None = None, height: int = 420,
           **layout: Any) -> Figure:
    """An empty figure with bilat's layout: title, y-axis unit and a source line below the plot.

    ``layout`` adds top-level layout properties (``barmode="group"``). The template is named
    (:data:`TEMPLATE`) as a plotly figure dict may name it; :func:`bilat.report.render.html.figure_json`
    puts the template's content in its place, as plotly.js needs it.
    """
    spec: dict[str, Any] = {
        "template": TEMPLATE,
        "title": {"text": title, "x": 0.01, "xanchor": "left"},
        "height": height,
        "margin": {"l": 70, "r": 30, "t": 60, "b": 90},
        "legend": {"orientation": "h", "y": -0.18},
        "yaxis": {"title": {"text": y_title}},
        "annotations": [{
            "text": f"Source: {source}", "xref": "paper", "yref": "paper", "x": 0, "y": -0.32,
            "showarrow": False, "font": {"size": 11, "color": "#555"}, "xanchor": "left",
        }],
    }
    if x_title is not None:
        spec["xaxis"] = {"title": {"text": x_title}}
    spec.update(layout)
    return {"data": [], "layout": spec}


def trace(kind: str, **props: Any) -> dict[str, Any]:
    """One trace of ``kind`` (``"bar"``, ``"scatter"``, ``"treemap"``) with plain JSON values.

    Why plain: pandas Series and numpy arrays become lists (a missing value becomes ``None``, a
    gap for plotly.js, as NaN was), so the figure is JSON as it stands, whatever the section gave.
    """
    return {"type": kind, **{key: plain(value) for key, value in props.items()}}


def plain(value: Any) -> Any:
    """``value`` as JSON types: arrays, Series and tuples as lists, numpy scalars as Python, NaN as None."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (str, bool)) or value is None:
        return value
    if type(value).__name__ == "NAType":  # pandas' missing value, as a nullable column lists it
        return None
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if isinstance(value, int):
        return value
    if hasattr(value, "tolist"):  # a numpy array or scalar, a pandas Series or Index
        return plain(value.tolist())
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value
