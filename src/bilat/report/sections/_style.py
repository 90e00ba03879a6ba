"""Chart conventions every section shares: a title, the unit on the axis, the source under the plot."""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go

COLORS = ("#1f5fa8", "#d2691e", "#2e8b57", "#8b3a62", "#6a5acd", "#b8860b")
USD_AXIS = "current USD, nominal"


def figure(title: str, source: str, *, y_title: str = USD_AXIS, height: int = 420, **layout: Any) -> go.Figure:
    """An empty figure with bilat's layout: title, y-axis unit and a source line below the plot."""
    fig = go.Figure()
    fig.update_layout(
        title={"text": title, "x": 0.01, "xanchor": "left"},
        template="plotly_white",
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
