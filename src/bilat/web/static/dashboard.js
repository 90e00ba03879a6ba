/* bilat dashboard: fetches the JSON API and draws each section.
 *
 * Every piece of text that comes from data is set with textContent (never innerHTML): article
 * sentences and country names are data, and a later article may well contain a <script> tag.
 */
"use strict";

(function () {
  const LOAD_BACI = "bilat ingest baci BACI_HS17_Y2020_V202401.csv";
  const COLORS = { a: "#0b5cad", b: "#c2571a" };
  const { el, clear, usd, pct, getJSON, section, explain, reset, showNotes, explainFailure, draw, shorten } = window.bilatUI;
  const { drawTreemap, showMovers } = window.bilatComposition;
  const form = document.getElementById("pair-form");
  const inputA = document.getElementById("country-a");
  const inputB = document.getElementById("country-b");
  const statusLine = document.getElementById("status");
  let generation = 0; // a newer pair request makes older answers stale

  // ---- sections --------------------------------------------------------------------------------
  async function showFlows(a, b, gen) {
    const sec = section("flows");
    reset(sec);
    const result = await getJSON(`/api/flows/${encodeURIComponent(a)}/${encodeURIComponent(b)}`);
    if (gen !== generation) return;
    if (!result.ok) {
      explainFailure(sec, result, "goods flows", "bilat ingest imf_dots FILE (or baci)");
      return;
    }
    const rows = result.body.data;
    const years = Array.from(new Set(rows.map((r) => r.year))).sort((x, y) => x - y);
    const value = (exp, imp, year) => {
      const row = rows.find((r) => r.exporter === exp && r.importer === imp && r.year === year);
      return row ? row.value_usd : null;
    };
    const ab = years.map((y) => value(a, b, y));
    const ba = years.map((y) => value(b, a, y));
    const mode = years.length > 1 ? "lines+markers" : "markers";
    const kind = years.length > 1 ? "scatter" : "bar";
    draw(
      document.getElementById("flows-chart"),
      [
        { x: years, y: ab, name: `${a} → ${b}`, type: kind, mode: mode, marker: { color: COLORS.a }, line: { color: COLORS.a } },
        { x: years, y: ba, name: `${b} → ${a}`, type: kind, mode: mode, marker: { color: COLORS.b }, line: { color: COLORS.b } },
      ],
      {
        title: { text: `Goods flows, current USD (${result.body.source})`, font: { size: 14 } },
        yaxis: { tickprefix: "$", exponentformat: "B", rangemode: "tozero" },
        // Years as numbers: a gap stays a gap, and fifty years do not print fifty labels.
        xaxis: { type: "linear", tickformat: "d", dtick: years.length > 25 ? 10 : years.length > 8 ? 2 : 1 },
      }
    );
    const table = document.getElementById("flows-table");
    table.querySelector("th.ab").textContent = `${a} → ${b}`;
    table.querySelector("th.ba").textContent = `${b} → ${a}`;
    for (const th of table.querySelectorAll("thead th:not(:first-child)")) th.className = th.className + " num";
    const body = table.querySelector("tbody");
    clear(body);
    const latestFirst = years.map((year, i) => [year, i]).reverse();
    latestFirst.forEach(([year, i]) => {
      const tr = el("tr", { "data-year": year });
      tr.appendChild(el("th", { scope: "row" }, year));
      const total = ab[i] !== null && ba[i] !== null ? ab[i] + ba[i] : null;
      for (const [cls, v] of [["ab", ab[i]], ["ba", ba[i]], ["total", total]]) {
        tr.appendChild(el("td", { className: "num " + cls, "data-value": v === null ? "" : v }, usd(v)));
      }
      body.appendChild(tr);
    });
    table.hidden = false;
    table.parentElement.hidden = false;
    showNotes(sec, result.body.notes.concat(rows.length ? [rows[0].basis] : []));
    sec.root.dataset.state = "ready";
  }

  async function showComposition(a, b, gen) {
    const sec = section("composition");
    reset(sec);
    const [result, reach] = await Promise.all([
      getJSON(`/api/composition/${encodeURIComponent(a)}/${encodeURIComponent(b)}?by=section`),
      getJSON(`/api/coverage/${encodeURIComponent(a)}/${encodeURIComponent(b)}`),
    ]);
    if (gen !== generation) return;
    const coverage = reach.ok ? reach.body.data.filter((r) => r.table === "coverage") : [];
    const slice = coverage.some((r) => r.is_slice);
    const sliceText = coverage.map((r) => r.label).join("; ");
    if (!result.ok) {
      explainFailure(sec, result, "product-level data", LOAD_BACI);
      return;
    }
    const rows = result.body.data;
    const latest = Math.max(...rows.map((r) => r.year));
    const top = (exp) =>
      rows.filter((r) => r.year === latest && r.exporter === exp).sort((x, y) => y.value_usd - x.value_usd).slice(0, 6);
    const traces = [];
    const table = document.getElementById("composition-table");
    table.querySelector("caption").textContent = slice
      ? `Slice of the flow, not its composition: ${sliceText} (${result.body.source})`
      : `Largest HS sections each way, ${latest} (${result.body.source})`;
    sec.root.dataset.slice = slice ? "yes" : "no";
    const body = table.querySelector("tbody");
    clear(body);
    for (const [exp, imp, color] of [[a, b, COLORS.a], [b, a, COLORS.b]]) {
      const picked = top(exp);
      const all = rows.filter((r) => r.year === latest && r.exporter === exp).reduce((s, r) => s + r.value_usd, 0);
      traces.push({
        type: "bar",
        orientation: "h",
        name: `${exp} → ${imp}`,
        y: picked.map((r) => `${exp}→${imp} · ${r.section} ${shorten(r.description, 34)}`),
        x: picked.map((r) => r.value_usd),
        marker: { color: color },
        hovertext: picked.map((r) => r.description),
      });
      for (const r of picked) {
        const tr = el("tr");
        tr.appendChild(el("td", {}, `${exp} → ${imp}`));
        tr.appendChild(el("td", {}, `${r.section} ${r.description}`));
        tr.appendChild(el("td", { className: "num", "data-value": r.value_usd }, usd(r.value_usd)));
        tr.appendChild(el("td", { className: "num" }, all ? pct(r.value_usd / all) : "–"));
        body.appendChild(tr);
      }
    }
    const chart = document.getElementById("composition-chart");
    if (!slice) {
      // Product data cover the flow: each direction as a treemap by HS section -> chapter, and its movers.
      const chapters = await getJSON(`/api/composition/${encodeURIComponent(a)}/${encodeURIComponent(b)}?by=chapter`);
      if (gen !== generation) return;
      if (chapters.ok && chapters.body.data.length) {
        const names = Object.fromEntries(rows.map((r) => [r.section, r.description]));
        drawTreemap(chart, chapters.body.data, names, latest, [[a, b], [b, a]]);
        showMovers(chapters.body.data, latest, [[a, b], [b, a]]);
        table.hidden = false;
        showNotes(sec, result.body.notes);
        sec.root.dataset.state = "ready";
        return;
      }
    }
    chart.dataset.kind = "bars";
    draw(chart, traces, {
      // The slice's share of each flow is long: the caption below carries it, the title stays short.
      title: { text: slice ? `Slice of the flow, ${latest} (not its composition)` : `Largest HS sections, ${latest}`, font: { size: 14 } },
      xaxis: { tickprefix: "$", exponentformat: "B" },
      yaxis: { automargin: true, autorange: "reversed", tickfont: { size: 11 } },
      margin: { t: 30, r: 10, b: 40, l: 10 },
      height: 380,
      showlegend: false,
    });
    table.hidden = false;
    // The coverage labels are already in the caption; a note repeating them is noise.
    const notes = result.body.notes.filter((n) => !coverage.some((r) => r.label === n));
    const hinted = notes.some((n) => n.includes("bilat ingest baci"));
    const sliceNote = slice && !hinted ? [`the full composition needs ${LOAD_BACI}`] : [];
    showNotes(sec, sliceNote.concat(notes));
    sec.root.dataset.state = "ready";
  }

  /* Each direction's latest figure in its own year: a mirror or "data end" is said, never hidden. */
  async function showReach(a, b, gen) {
    const result = await getJSON(`/api/coverage/${encodeURIComponent(a)}/${encodeURIComponent(b)}`);
    if (gen !== generation || !result.ok) return;
    const box = document.getElementById("flows-latest");
    if (!box) return;
    clear(box);
    for (const r of result.body.data.filter((row) => row.table === "headline")) {
      const li = el("li", { className: "latest " + r.basis, "data-exporter": r.exporter }, `${r.label}: ${usd(r.value_usd)}`);
      if (r.note) li.appendChild(el("span", { className: "why" }, ` (${r.note})`));
      box.appendChild(li);
    }
  }


  async function showPotential(a, b, gen) {
    const sec = section("potential");
    reset(sec);
    const result = await getJSON(`/api/potential/${encodeURIComponent(a)}/${encodeURIComponent(b)}?top=10`);
    if (gen !== generation) return;
    if (!result.ok) {
      explainFailure(sec, result, "bilateral product data", LOAD_BACI);
      return;
    }
    const rows = result.body.data;
    const table = document.getElementById("potential-table");
    table.querySelector("caption").textContent = `What ${a} could sell more of to ${b} (${result.body.source})`;
    for (const th of Array.from(table.querySelectorAll("thead th")).slice(3)) th.className = "num";
    const body = table.querySelector("tbody");
    clear(body);
    for (const r of rows) {
      const tr = el("tr", { "data-hs": r.hs_code });
      tr.appendChild(el("td", { className: "num" }, r.rank));
      tr.appendChild(el("td", {}, r.hs_code));
      tr.appendChild(el("td", {}, shorten(r.description, 70)));
      tr.appendChild(el("td", { className: "num", "data-value": r.potential_usd }, usd(r.potential_usd)));
      tr.appendChild(el("td", { className: "num", "data-value": r.actual_usd }, usd(r.actual_usd)));
      tr.appendChild(el("td", { className: "num untapped", "data-value": r.untapped_usd }, usd(r.untapped_usd)));
      body.appendChild(tr);
    }
    table.hidden = rows.length === 0;
    showNotes(sec, result.body.notes);
    sec.root.dataset.state = rows.length ? "ready" : "empty";
  }

  async function showTarget(a, b, gen) {
    const sec = section("target");
    reset(sec);
    clear(document.getElementById("target-facts"));
    const result = await getJSON(`/api/targets/status?pair=${encodeURIComponent(a + "-" + b)}`);
    if (gen !== generation) return;
    if (!result.ok) {
      explainFailure(sec, result, "declared targets", "bilat target add (or bilat news add ARTICLE.txt)");
      return;
    }
    const rows = result.body.data;
    if (!rows.length) {
      explain(sec, `no declared target for ${a}–${b}`, "bilat news add ARTICLE.txt");
      return;
    }
    const t = rows[0];
    sec.root.dataset.goalPair = `${t.a}-${t.b}`;
    const progress = typeof t.progress === "number" ? t.progress : null;
    draw(
      document.getElementById("target-chart"),
      [
        {
          type: "indicator",
          mode: "gauge+number",
          value: progress === null ? 0 : progress * 100,
          number: { suffix: " %", valueformat: ".0f" },
          title: { text: "of the way to the goal", font: { size: 13 } },
          gauge: {
            axis: { range: [Math.min(0, Math.floor((progress || 0) * 10) * 10), 100] },
            bar: { color: COLORS.a },
            threshold: { line: { color: "#1d2733", width: 3 }, value: 100 },
          },
        },
      ],
      { height: 250, margin: { t: 50, r: 45, b: 10, l: 45 } }
    );
    const facts = document.getElementById("target-facts");
    clear(facts);
    const add = (label, value, attrs) => {
      facts.appendChild(el("dt", {}, label));
      facts.appendChild(el("dd", attrs || {}, value));
    };
    add("Goal", t.goal || "");
    if (t.quote) add("Declared as", t.quote);
    const verdict = el("dd");
    verdict.appendChild(el("span", { className: "verdict " + String(t.verdict).replace(/\s+/g, "_") }, t.verdict));
    facts.appendChild(el("dt", {}, "Verdict"));
    facts.appendChild(verdict);
    add("Required growth", pct(t.required_cagr, 2) + " a year", { className: "required", "data-value": t.required_cagr });
    add("Actual growth", t.actual_cagr === null || t.actual_cagr === undefined ? "–" : pct(t.actual_cagr, 2) + ` a year (${t.base_year}–${t.year})`,
      { className: "actual", "data-value": t.actual_cagr });
    add("Base → goal", `${usd(t.base_value_usd)} (${t.base_year}) → ${usd(t.goal_usd)} (${t.by_year})`);
    if (t.year !== null && t.year !== undefined) add(`Latest (${t.year})`, usd(t.value_usd), { "data-value": t.value_usd });
    add("Data", t.source || "–");
    if (t.year !== null && t.year !== undefined && t.year < t.by_year) {
      add("Judged on", `data that end in ${t.year}, before the goal's year ${t.by_year}`, { className: "data-end" });
    }
    facts.hidden = false;
    showNotes(sec, (t.summary ? [t.summary] : []).concat(t.arithmetic || [], rows.length > 1 ? [`${rows.length - 1} more target(s): /api/targets/status`] : []));
    sec.root.dataset.state = "ready";
  }

  async function showAgreements(a, b, gen) {
    const sec = section("agreements");
    reset(sec);
    const result = await getJSON(`/api/agreements?pair=${encodeURIComponent(a + "-" + b)}`);
    if (gen !== generation) return;
    if (!result.ok) {
      explainFailure(sec, result, "agreements from the news", "bilat news add ARTICLE.txt");
      return;
    }
    const rows = result.body.data;
    if (!rows.length) {
      explain(sec, `no agreement between ${a} and ${b} in the ingested articles`, "bilat news add ARTICLE.txt");
      return;
    }
    const list = document.getElementById("agreements-list");
    clear(list);
    for (const r of rows) {
      const li = el("li");
      li.appendChild(el("time", (r.date_text || r.date) ? { datetime: r.date_text || r.date } : {}, r.date_text || r.date || "undated"));
      const who = (r.parties || []).join("–");
      li.appendChild(el("a", { href: articleLink(r.article_id, r.start, r.end) }, `${r.type}${who ? " (" + who + ")" : ""}`));
      const detail = [r.place, (r.sectors || []).join(", "), r.article].filter(Boolean).join(" · ");
      if (detail) li.appendChild(el("div", { className: "detail" }, detail));
      list.appendChild(li);
    }
    list.hidden = false;
    sec.root.dataset.state = "ready";
  }

  function articleLink(id, start, end) {
    const anchor = start !== undefined && start !== null ? `#at-${start}-${end}` : "";
    return `/article.html?id=${encodeURIComponent(id)}${anchor}`;
  }

  async function showClaims(a, b, gen) {
    const sec = section("claims");
    reset(sec);
    const result = await getJSON(`/api/claims?pair=${encodeURIComponent(a + "-" + b)}`);
    if (gen !== generation) return;
    if (!result.ok) {
      explainFailure(sec, result, "claims from the news", "bilat news add ARTICLE.txt");
      return;
    }
    const rows = result.body.data;
    if (!rows.length) {
      explain(sec, `no claim about ${a}–${b} trade in the ingested articles`, "bilat news add ARTICLE.txt");
      return;
    }
    const table = document.getElementById("claims-table");
    const body = table.querySelector("tbody");
    clear(body);
    for (const r of rows) {
      const tr = el("tr");
      const claim = el("td");
      claim.appendChild(el("a", { href: articleLink(r.article_id, r.start, r.end), className: "claim" }, r.text));
      if (r.sentence && r.sentence !== r.text) claim.appendChild(el("div", { className: "detail" }, shorten(r.sentence, 220)));
      tr.appendChild(claim);
      const verdict = el("td");
      verdict.appendChild(el("span", { className: "verdict " + String(r.verdict || "").replace(/\s+/g, "_") }, String(r.verdict || "unchecked").replace(/_/g, " ")));
      if (typeof r.data_usd === "number") {
        const shown = typeof r.claimed_usd === "number" ? usd(r.data_usd)
          : /rank/.test(r.measure) ? "#" + r.data_usd : String(Number(r.data_usd.toPrecision(3)));
        verdict.appendChild(el("div", { className: "detail", "data-value": r.data_usd }, "data: " + shown + (r.year ? ` (${r.year})` : "")));
      }
      tr.appendChild(verdict);
      tr.appendChild(el("td", {}, r.why || ""));
      body.appendChild(tr);
    }
    table.hidden = false;
    sec.root.dataset.state = "ready";
  }

  async function showProvenance(gen) {
    const sec = section("provenance");
    reset(sec);
    const result = await getJSON("/api/sources");
    if (gen !== generation) return;
    const list = document.getElementById("provenance-list");
    clear(list);
    if (!result.ok) {
      explain(sec, "could not list the sources: " + result.detail);
      return;
    }
    for (const f of result.body.data) {
      const years = f.first_year === f.last_year ? f.first_year : `${f.first_year}–${f.last_year}`;
      list.appendChild(
        el("li", {}, `${f.name} (${f.source}, ${years}, ${Number(f.rows).toLocaleString("en")} rows, sha256 ${String(f.sha256).slice(0, 12)}…)`)
      );
    }
    for (const note of result.body.notes) list.appendChild(el("li", {}, note));
    sec.root.dataset.state = "ready";
  }

  // ---- the pair --------------------------------------------------------------------------------
  async function resolve(text) {
    const result = await getJSON(`/api/countries/${encodeURIComponent(text.trim())}`);
    if (!result.ok) throw new Error(result.detail);
    return result.body.data[0];
  }

  async function showPair(textA, textB, pushHistory) {
    const gen = ++generation;
    statusLine.className = "";
    statusLine.textContent = "Loading…";
    let a, b;
    try {
      [a, b] = await Promise.all([resolve(textA), resolve(textB)]);
    } catch (err) {
      statusLine.className = "error";
      statusLine.textContent = err.message;
      return;
    }
    if (gen !== generation) return;
    if (a.iso3 === b.iso3) {
      statusLine.className = "error";
      statusLine.textContent = `a pair needs two different countries (both are ${a.short_name})`;
      return;
    }
    inputA.value = a.iso3;
    inputB.value = b.iso3;
    document.title = `bilat: ${a.short_name} – ${b.short_name}`;
    if (pushHistory) history.replaceState(null, "", `?a=${encodeURIComponent(a.iso3)}&b=${encodeURIComponent(b.iso3)}`);
    await Promise.all([
      showFlows(a.iso3, b.iso3, gen),
      showReach(a.iso3, b.iso3, gen),
      showComposition(a.iso3, b.iso3, gen),
      showTarget(a.iso3, b.iso3, gen),
      showPotential(a.iso3, b.iso3, gen),
      showAgreements(a.iso3, b.iso3, gen),
      showClaims(a.iso3, b.iso3, gen),
      showProvenance(gen),
    ]);
    if (gen !== generation) return;
    statusLine.textContent = `${a.short_name} (${a.iso3}) and ${b.short_name} (${b.iso3})`;
    document.body.dataset.pair = `${a.iso3}-${b.iso3}`;
  }

  async function fillCountries() {
    const result = await getJSON("/api/countries?limit=500");
    if (!result.ok) return;
    const list = document.getElementById("country-list");
    clear(list);
    for (const c of result.body.data) {
      const option = el("option", { value: c.iso3 }, c.short_name);
      list.appendChild(option);
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    showPair(inputA.value, inputB.value, true);
  });
  document.getElementById("swap-pair").addEventListener("click", () => {
    [inputA.value, inputB.value] = [inputB.value, inputA.value];
    showPair(inputA.value, inputB.value, true);
  });

  const params = new URLSearchParams(window.location.search);
  if (params.get("a")) inputA.value = params.get("a").slice(0, 100);
  if (params.get("b")) inputB.value = params.get("b").slice(0, 100);
  fillCountries();
  showPair(inputA.value, inputB.value, false);
})();
