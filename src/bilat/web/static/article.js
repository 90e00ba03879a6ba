/* bilat article view: the stored text, with each extracted record highlighted at its offsets.
 *
 * The text is inserted as text nodes only (never innerHTML): an article may contain markup, and
 * here it must show as the characters it is. The page's fragment (#at-START-END) names the record
 * a dashboard link points to; that record is outlined, scrolled to and focused.
 */
"use strict";

(function () {
  const status = document.getElementById("status");
  const holder = document.getElementById("article-text");

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value !== null && value !== undefined) node.setAttribute(key, String(value));
    }
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function render(article) {
    document.getElementById("article-title").textContent = article.title || article.name;
    document.title = "bilat: " + (article.title || article.name);
    const meta = [article.name, article.source, article.published, "countries: " + article.countries.join(", ")];
    document.getElementById("article-meta").textContent = meta.filter(Boolean).join(" · ");
    const text = article.text;
    const records = article.records.filter((r) => r.start >= 0 && r.end <= text.length && r.start < r.end);
    const cuts = new Set([0, text.length]);
    for (const r of records) {
      cuts.add(r.start);
      cuts.add(r.end);
    }
    const points = Array.from(cuts).sort((x, y) => x - y);
    const anchored = new Set();
    for (let i = 0; i + 1 < points.length; i++) {
      const from = points[i];
      const to = points[i + 1];
      const covering = records.filter((r) => r.start <= from && to <= r.end);
      for (const r of records) {
        const id = `at-${r.start}-${r.end}`;
        if (r.start === from && !anchored.has(id)) {
          anchored.add(id);
          holder.appendChild(el("span", { id: id, class: "anchor", "data-start": r.start, "data-end": r.end }));
        }
      }
      const piece = text.slice(from, to);
      if (!covering.length) {
        holder.appendChild(document.createTextNode(piece));
        continue;
      }
      const kinds = Array.from(new Set(covering.map((r) => r.kind)));
      const mark = el("mark", { class: kinds.join(" "), title: kinds.join(", "), "data-start": from, "data-end": to }, piece);
      holder.appendChild(mark);
    }
    focusTarget();
  }

  function focusTarget() {
    const match = /^#at-(\d+)-(\d+)$/.exec(window.location.hash);
    for (const m of holder.querySelectorAll("mark.current")) m.classList.remove("current");
    if (!match) return;
    const start = Number(match[1]);
    const end = Number(match[2]);
    const marks = Array.from(holder.querySelectorAll("mark")).filter(
      (m) => Number(m.dataset.start) >= start && Number(m.dataset.end) <= end
    );
    for (const m of marks) m.classList.add("current");
    if (marks.length) {
      marks[0].setAttribute("tabindex", "-1");
      marks[0].focus();
      marks[0].scrollIntoView({ block: "center" });
      status.textContent = "Showing the linked words: " + marks.map((m) => m.textContent).join("");
    }
  }

  async function load() {
    const id = new URLSearchParams(window.location.search).get("id") || "";
    if (!/^\d{1,18}$/.test(id)) {
      status.textContent = "no article id in the address (article.html?id=1)";
      return;
    }
    const response = await fetch(`/api/articles/${id}`);
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      status.textContent = (body && body.detail) || "HTTP " + response.status;
      return;
    }
    render(body.data[0]);
    document.body.dataset.loaded = "true";
  }

  window.addEventListener("hashchange", focusTarget);
  load();
})();
