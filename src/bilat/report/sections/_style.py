"""Chart conventions every section shares: a title, the unit on the axis, the source under the plot."""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go

COLORS = ("#1f5fa8", "#d2691e", "#2e8b57", "#8b3a62", "#6a5acd", "#b8860b")
USD_AXIS = "current USD, nominal"
#: The plotly template of every chart; set on the figure's JSON when it is written, not here.
TEMPLATE = "plotly_white"


def figure(title: str, source: str, *, y_title: str = USD_AXIS, height: int = 420, **layout: Any) -> go.Figure:
    """An empty figure with bilat's layout: title, y-axis unit and a source line below the plot.

    The template (:data:`TEMPLATE`) is named in ``fig._bilat_template`` and written into the
    figure's JSON by :func:`bilat.report.render.html.figure_json`, exactly as plotly writes it:
    given to ``update_layout``, plotly validates and deep-copies the whole template into each
    figure (about 10 ms a chart, 0.1 s for the first), and the report draws a dozen charts.
    """
    fig = go.Figure()
    fig._bilat_template = TEMPLATE  # noqa: SLF001 - read by the HTML renderer
    fig.update_layout(
        title={"text": title, "x": 0.01, "xanchor": "left"},
        height=height,
        margin={"l": 70, "r": 30, "t": 60, "b": 90},
        legend={"orientation": "h", "y": -0.18},
        yaxis_title=y_title,
        annotations=[{
            "text": f"Source: {source}", "xref": "paper", "yref": "paper", "x": 0, "y": -0.32,
            "showarrow": False, "font": {"size": 11, "color": "#555"}, "xanchor": "left",
        }],
        **layout,
    )
    return fig
