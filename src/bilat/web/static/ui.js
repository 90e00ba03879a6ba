/* bilat dashboard: the small helpers every card uses (DOM, numbers, fetch, charts, messages).
 *
 * Every piece of text that comes from data is set with textContent (never innerHTML).
 */
"use strict";

window.bilatUI = (function () {
  const PLOT_CONFIG = { displayModeBar: false, responsive: true };

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined) continue;
      if (key === "className") node.className = value;
      else node.setAttribute(key, String(value));
    }
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function usd(value) {
    if (value === null || value === undefined || Number.isNaN(value)) return "–";
    const abs = Math.abs(value);
    if (abs >= 1e9) return "$" + (value / 1e9).toFixed(2) + " B";
    if (abs >= 1e6) return "$" + (value / 1e6).toFixed(1) + " M";
    if (abs >= 1e3) return "$" + (value / 1e3).toFixed(1) + " k";
    return "$" + value.toFixed(0);
  }

  function pct(value, digits) {
    if (value === null || value === undefined || Number.isNaN(value)) return "–";
    return (value * 100).toFixed(digits === undefined ? 1 : digits) + " %";
  }

  async function getJSON(url) {
    let response;
    try {
      response = await fetch(url, { headers: { Accept: "application/json" } });
    } catch (err) {
      return { ok: false, status: 0, detail: "the bilat service did not answer (" + err.message + ")" };
    }
    let body = null;
    try {
      body = await response.json();
    } catch (err) {
      body = null;
    }
    if (!response.ok) {
      const detail = body && typeof body.detail === "string" ? body.detail : "HTTP " + response.status;
      return { ok: false, status: response.status, detail: detail };
    }
    return { ok: true, status: response.status, body: body };
  }

  function section(id) {
    const root = document.getElementById(id);
    return {
      root: root,
      explain: root.querySelector(".explain"),
      notes: root.querySelector(".notes"),
    };
  }

  /* One line saying why a section is empty; `command` (optional) is shown as code. */
  function explain(sec, text, command) {
    clear(sec.explain);
    sec.explain.appendChild(document.createTextNode(text));
    if (command) {
      sec.explain.appendChild(document.createTextNode(": load it with "));
      sec.explain.appendChild(el("code", {}, command));
    }
    sec.explain.hidden = false;
    sec.root.dataset.state = "empty";
  }

  function reset(sec) {
    sec.explain.hidden = true;
    clear(sec.explain);
    if (sec.notes) clear(sec.notes);
    sec.root.dataset.state = "loading";
    for (const chart of sec.root.querySelectorAll(".chart")) {
      if (window.Plotly) window.Plotly.purge(chart);
      chart.classList.remove("drawn");
    }
    for (const table of sec.root.querySelectorAll("table, dl, ol, .scroll")) table.hidden = true;
  }

  function showNotes(sec, notes) {
    if (!sec.notes) return;
    clear(sec.notes);
    for (const note of notes || []) sec.notes.appendChild(el("li", {}, note));
  }

  /* A failed request: 404 from a route that exists means "no data"; a missing route means "not installed". */
  function explainFailure(sec, result, what, command) {
    if (result.status === 404 && result.detail === "Not Found") {
      explain(sec, what + " is not available in this bilat installation");
    } else if (result.status === 404) {
      // A message that already names the command to run needs no second "load it with".
      explain(sec, result.detail, result.detail.includes("bilat ingest") ? undefined : command);
    } else {
      explain(sec, "could not load " + what + ": " + result.detail);
    }
  }

  function draw(chart, traces, layout) {
    if (!window.Plotly) {
      chart.textContent = "charts need /static/plotly.min.js, which did not load";
      return;
    }
    chart.classList.add("drawn");
    const base = {
      margin: { t: 30, r: 10, b: 40, l: 70 },
      font: { family: "system-ui, sans-serif", size: 13 },
      paper_bgcolor: "#fff",
      plot_bgcolor: "#fff",
      legend: { orientation: "h", y: -0.18 },
    };
    window.Plotly.newPlot(chart, traces, Object.assign(base, layout), PLOT_CONFIG);
  }

  function shorten(text, n) {
    text = String(text || "");
    return text.length <= n ? text : text.slice(0, n - 1).trimEnd() + "…";
  }

  return { el, clear, usd, pct, getJSON, section, explain, reset, showNotes, explainFailure, draw, shorten };
})();
