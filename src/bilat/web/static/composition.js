/* bilat dashboard: the composition card's treemap (HS section -> chapter) and its top movers.
 *
 * Used only when product data cover the flow; a slice is drawn as bars by dashboard.js.
 */
"use strict";

window.bilatComposition = (function () {
  const { el, clear, usd, draw, shorten } = window.bilatUI;

  /* Treemap: a root per direction, its HS sections, their chapters (values of the latest year). */
  function drawTreemap(chart, chapters, sectionNames, latest, directions) {
    const ids = [], labels = [], parents = [], values = [];
    for (const [exp, imp] of directions) {
      const mine = chapters.filter((r) => r.year === latest && r.exporter === exp && r.value_usd > 0);
      if (!mine.length) continue;
      const root = `${exp} → ${imp}`;
      ids.push(root); labels.push(root); parents.push(""); values.push(mine.reduce((s, r) => s + r.value_usd, 0));
      const bySection = {};
      for (const r of mine) (bySection[r.section || "?"] = bySection[r.section || "?"] || []).push(r);
      for (const [code, list] of Object.entries(bySection)) {
        const sid = `${root}/${code}`;
        ids.push(sid); labels.push(`${code} ${shorten(sectionNames[code] || "", 28)}`); parents.push(root);
        values.push(list.reduce((s, r) => s + r.value_usd, 0));
        for (const r of list) {
          ids.push(`${sid}/${r.hs_code}`); labels.push(`HS ${r.hs_code} ${shorten(r.description, 28)}`);
          parents.push(sid); values.push(r.value_usd);
        }
      }
    }
    const money = values.map(usd);
    draw(chart, [{ type: "treemap", ids: ids, labels: labels, parents: parents, values: values, text: money,
                   branchvalues: "total", texttemplate: "%{label}<br>%{text} · %{percentParent:.0%}",
                   hovertemplate: "%{label}<br>%{text}, %{percentRoot:.1%} of the direction<extra></extra>" }], {
      title: { text: `Each direction by HS section and chapter, ${latest}`, font: { size: 14 } },
      margin: { t: 30, r: 5, b: 5, l: 5 },
      height: 460,
    });
    chart.setAttribute("aria-label", "Treemap of each direction by HS section and chapter; the table below lists the largest sections");
    chart.dataset.kind = "treemap";
  }

  /* The chapters whose value rose and fell most on the previous year, each way. */
  function showMovers(chapters, latest, directions) {
    const movers = document.getElementById("composition-movers");
    const body = movers.querySelector("tbody");
    clear(body);
    let any = false;
    for (const [exp, imp] of directions) {
      const before = Object.fromEntries(chapters.filter((r) => r.year === latest - 1 && r.exporter === exp)
        .map((r) => [r.hs_code, r.value_usd]));
      if (!Object.keys(before).length) continue;
      const now = chapters.filter((r) => r.year === latest && r.exporter === exp)
        .map((r) => Object.assign({ change: r.value_usd - (before[r.hs_code] || 0) }, r));
      now.sort((x, y) => y.change - x.change);
      const picked = now.slice(0, 3).concat(now.slice(-3).filter((r) => r.change < 0 && !now.slice(0, 3).includes(r)));
      for (const r of picked) {
        const tr = el("tr");
        tr.appendChild(el("td", {}, `${exp} → ${imp}`));
        tr.appendChild(el("td", {}, `${r.hs_code} ${shorten(r.description, 50)}`));
        tr.appendChild(el("td", { className: "num" }, (r.change >= 0 ? "+" : "−") + usd(Math.abs(r.change))));
        tr.appendChild(el("td", { className: "num" }, usd(r.value_usd)));
        body.appendChild(tr);
        any = true;
      }
    }
    movers.querySelector("caption").textContent = `Top movers by HS chapter, ${latest - 1} → ${latest}`;
    movers.hidden = !any;
  }

  return { drawTreemap, showMovers };
})();
