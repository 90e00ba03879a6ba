"""The report's charts are plain figure dicts that plotly accepts and would write the same way.

Why: the sections build ``{"data": [...], "layout": {...}}`` dicts instead of
``plotly.graph_objects`` figures, to spare a report about 0.3 s (issue #17). Nothing then checks
a property name when the chart is built, so these tests do: every chart of a real report goes
through ``go.Figure`` (which raises on a misspelt property), and plotly's own JSON of it holds the
same values as the JSON the report embeds. A last test holds the report free of graph_objects in
a fresh process, so that the time saved cannot come back unnoticed.
"""

from __future__ import annotations

import base64
import json
import math
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"


def _values(value: Any) -> Any:
    """JSON values as plotly.js reads them: typed arrays (``bdata``) as lists, NaN as None (a gap either way)."""
    import numpy as np

    if isinstance(value, dict):
        if "bdata" in value and "dtype" in value:
            array = np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"]))
            if "shape" in value:
                array = array.reshape([int(n) for n in str(value["shape"]).split(",")])
            return _values(array.tolist())
        return {k: _values(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_values(v) for v in value]
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _check_charts(report) -> set[str]:  # noqa: ANN001 - a Report
    """Assert every chart of ``report`` valid and equal to plotly's JSON of it; the trace types seen."""
    import plotly.graph_objects as go
    import plotly.io as pio

    from bilat.report.render.html import figure_json

    kinds: set[str] = set()
    figures = [(s.name, fig) for s in report.sections for fig in s.figures]
    assert len(figures) >= 9
    for name, fig in figures:
        assert isinstance(fig, dict), name
        validated = go.Figure(fig)  # raises ValueError on any property plotly does not know
        assert len(validated.data) == len(fig["data"]) > 0, name
        embedded = figure_json(fig)
        json.dumps(embedded, allow_nan=False)  # plain JSON: no numpy value, no NaN
        assert _values(embedded) == _values(json.loads(pio.to_json(validated))), name
        kinds.update(t["type"] for t in fig["data"])
    return kinds


def test_every_chart_of_the_embedded_report_is_a_plotly_figure() -> None:
    from bilat.report import build_report

    kinds = _check_charts(build_report("ISR", "JPN", lens="robotics"))
    assert {"bar", "scatter"} <= kinds


def test_the_treemap_of_a_full_composition_is_a_plotly_figure(shared_data: Path) -> None:
    from bilat.report import build_report
    from bilat.store import open_store

    open_store().ingest("baci", shared_data / "baci_fixture_iopspackage" / "BACI_HS17_Y2020_V202301_exporters_4_710.csv.gz")
    kinds = _check_charts(build_report("ZAF", "JPN", lens="robotics"))
    assert {"bar", "scatter", "treemap"} <= kinds


def test_plotly_refuses_a_misspelt_property() -> None:
    """Control: the check above has teeth (a wrong name in a figure dict raises)."""
    import plotly.graph_objects as go

    from bilat.report.sections._style import figure, trace

    fig = figure("t", "s")
    fig["data"].append(trace("bar", x=[1], y=[2], marker={"colour": "red"}))
    with pytest.raises(ValueError, match="colour"):
        go.Figure(fig)


def test_a_report_does_not_import_plotly_graph_objects(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from bilat.report import build_report, write_report\n"
        "write_report(build_report('ISR', 'JPN', lens='robotics'), sys.argv[1])\n"
        "print(sorted(m for m in sys.modules if m.startswith('plotly.')))\n"
    )
    out = tmp_path / "report.html"
    env = {**os.environ, "BILAT_HOME": str(tmp_path / "home"), "BILAT_KEEP_ANSWERS": "0", "PYTHONPATH": str(SRC)}
    done = subprocess.run([sys.executable, "-c", code, str(out)], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    loaded = done.stdout.strip().splitlines()[-1]
    assert "plotly.graph_objects" not in loaded and "plotly.io" not in loaded, loaded
    html = out.read_text(encoding="utf-8")
    assert html.count("Plotly.newPlot(") >= 9 and html.count('"template": {') >= 9  # each with its template written out
