/* skillradar charts: small SVG charts drawn with DOM calls (no library, no innerHTML).
   Exposes window.SkillCharts = {radar, demandBars, trendBars, liftBars, monthlyLines, caption}. */
(function () {
  "use strict";
  const NS = "http://www.w3.org/2000/svg";

  function el(name, attrs, text) {
    const node = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function clear(container) {
    while (container.firstChild) container.removeChild(container.firstChild);
  }

  function empty(container, message) {
    clear(container);
    const p = document.createElement("p");
    p.className = "empty";
    p.textContent = message;
    container.appendChild(p);
  }

  function pct(x, digits) {
    return (100 * x).toFixed(digits === undefined ? 0 : digits) + "%";
  }

  /* A round tick step giving at most ``n`` intervals up to ``max``. */
  function niceStep(max, n) {
    for (const step of [0.01, 0.02, 0.025, 0.05, 0.1, 0.2, 0.25, 0.5, 1]) if (max / step <= n) return step;
    return 1;
  }

  function truncate(s, n) {
    return s.length > n ? s.slice(0, n - 1) + "…" : s;
  }

  /* Radar of family scores (0–100, null = not in the target). */
  function radar(container, families, labels) {
    clear(container);
    const keys = Object.keys(families);
    const width = 440, height = 360, cx = width / 2, cy = height / 2 + 4, r = 118;
    const svg = el("svg", { viewBox: `0 0 ${width} ${height}`, "aria-hidden": "true", focusable: "false" });
    const angle = (i) => -Math.PI / 2 + (2 * Math.PI * i) / keys.length;
    const point = (i, v) => [cx + r * v * Math.cos(angle(i)), cy + r * v * Math.sin(angle(i))];
    for (const level of [0.25, 0.5, 0.75, 1]) {
      const pts = keys.map((_, i) => point(i, level).map((n) => n.toFixed(1)).join(",")).join(" ");
      svg.appendChild(el("polygon", { points: pts, class: "radar-grid" }));
    }
    keys.forEach((k, i) => {
      const [x, y] = point(i, 1);
      svg.appendChild(el("line", { x1: cx, y1: cy, x2: x.toFixed(1), y2: y.toFixed(1), class: "radar-axis" }));
      const [lx, ly] = point(i, 1.2);
      const anchor = Math.abs(lx - cx) < 8 ? "middle" : lx > cx ? "start" : "end";
      const label = el("text", { x: lx.toFixed(1), y: ly.toFixed(1), "text-anchor": anchor, class: "radar-label",
        "dominant-baseline": "middle" }, (labels && labels[k]) || k);
      svg.appendChild(label);
      const v = families[k];
      svg.appendChild(el("text", { x: lx.toFixed(1), y: (ly + 15).toFixed(1), "text-anchor": anchor, class: "radar-value",
        "dominant-baseline": "middle" }, v === null || v === undefined ? "not asked" : Math.round(v)));
    });
    const pts = keys.map((k, i) => point(i, Math.max(0, Math.min(100, families[k] || 0)) / 100));
    svg.appendChild(el("polygon", { points: pts.map((p) => p.map((n) => n.toFixed(1)).join(",")).join(" "), class: "radar-area" }));
    pts.forEach(([x, y]) => svg.appendChild(el("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: 3.5, class: "radar-dot" })));
    container.appendChild(svg);
  }

  /* Horizontal bars of share with Wilson whiskers (rows of /api/market/top). */
  function demandBars(container, rows) {
    if (!rows.length) return empty(container, "No skills in scope.");
    clear(container);
    const left = 210, right = 70, rowH = 24, top = 28, width = 760;
    const step = niceStep(Math.max(...rows.map((r) => r.ci_high || r.share)), 5);
    const maxX = Math.min(1, step * Math.ceil(Math.max(...rows.map((r) => r.ci_high || r.share)) / step));
    const x = (v) => left + (width - left - right) * (v / maxX);
    const height = top + rows.length * rowH + 10;
    const svg = el("svg", { viewBox: `0 0 ${width} ${height}`, "aria-hidden": "true", focusable: "false" });
    for (let v = 0; v <= maxX + 1e-9; v += step) {
      const gx = x(v);
      svg.appendChild(el("line", { x1: gx, y1: top - 6, x2: gx, y2: height - 8, class: "grid" }));
      svg.appendChild(el("text", { x: gx, y: top - 12, "text-anchor": "middle", class: "axis-label" }, pct(v)));
    }
    rows.forEach((row, i) => {
      const y = top + i * rowH;
      svg.appendChild(el("text", { x: left - 10, y: y + rowH / 2, "text-anchor": "end", "dominant-baseline": "middle",
        "font-size": 13 }, truncate(row.label || row.skill_id, 28)));
      const bar = el("rect", { x: left, y: y + 4, width: Math.max(1, x(row.share) - left), height: rowH - 8, rx: 4, class: "bar" });
      bar.appendChild(el("title", {}, `${row.label}: ${pct(row.share, 1)} of ${row.total} postings (95% CI ${pct(row.ci_low, 1)}–${pct(row.ci_high, 1)})`));
      svg.appendChild(bar);
      const cy = y + rowH / 2;
      svg.appendChild(el("line", { x1: x(row.ci_low), y1: cy, x2: x(row.ci_high), y2: cy, class: "whisker" }));
      svg.appendChild(el("line", { x1: x(row.ci_low), y1: cy - 5, x2: x(row.ci_low), y2: cy + 5, class: "whisker" }));
      svg.appendChild(el("line", { x1: x(row.ci_high), y1: cy - 5, x2: x(row.ci_high), y2: cy + 5, class: "whisker" }));
      svg.appendChild(el("text", { x: x(row.ci_high) + 6, y: cy, "dominant-baseline": "middle", class: "axis-label" },
        `${pct(row.share)} (${row.postings})`));
    });
    container.appendChild(svg);
  }

  /* Diverging bars of the change in share (rows of /api/market/trends). */
  function trendBars(container, rows, limit) {
    rows = rows.slice(0, limit || 12);
    if (!rows.length) return empty(container, "No skills with postings in either period.");
    clear(container);
    const left = 200, right = 60, rowH = 24, top = 24, width = 540;
    const m = Math.max(0.01, ...rows.map((r) => Math.abs(r.diff)));
    const mid = left + (width - left - right) / 2;
    const gutter = 48;  // room for the value label beside the longest bar on either side
    const x = (v) => mid + ((width - left - right) / 2 - gutter) * (v / m);
    const height = top + rows.length * rowH + 8;
    const svg = el("svg", { viewBox: `0 0 ${width} ${height}`, "aria-hidden": "true", focusable: "false" });
    svg.appendChild(el("line", { x1: mid, y1: top - 6, x2: mid, y2: height - 6, class: "grid" }));
    svg.appendChild(el("text", { x: x(-m), y: top - 10, class: "axis-label" }, "−" + pct(m)));
    svg.appendChild(el("text", { x: x(m), y: top - 10, "text-anchor": "end", class: "axis-label" }, "+" + pct(m)));
    rows.forEach((row, i) => {
      const y = top + i * rowH, d = row.diff;
      svg.appendChild(el("text", { x: left - 10, y: y + rowH / 2, "text-anchor": "end", "dominant-baseline": "middle",
        "font-size": 13 }, truncate(row.label || row.skill_id, 24)));
      const sig = row.q_value !== null && row.q_value < 0.05;
      const bar = el("rect", { x: Math.min(mid, x(d)), y: y + 4, width: Math.max(1, Math.abs(x(d) - mid)), height: rowH - 8, rx: 3,
        class: "bar" + (d < 0 ? " neg" : "") + (sig ? "" : " faint") });
      bar.appendChild(el("title", {}, `${row.label}: ${pct(row.share_before, 1)} → ${pct(row.share_after, 1)}, q = ${row.q_value === null ? "n/a" : row.q_value.toPrecision(2)}`));
      svg.appendChild(bar);
      svg.appendChild(el("text", { x: d < 0 ? x(d) - 4 : x(d) + 4, y: y + rowH / 2, "text-anchor": d < 0 ? "end" : "start",
        "dominant-baseline": "middle", class: "axis-label" }, (d >= 0 ? "+" : "−") + pct(Math.abs(d), 1)));
    });
    container.appendChild(svg);
  }

  /* Bars of lift (rows of /api/market/cooccur). */
  function liftBars(container, rows, limit) {
    rows = rows.slice(0, limit || 12);
    if (!rows.length) return empty(container, "No skill appears together with this one.");
    clear(container);
    const left = 200, right = 100, rowH = 24, top = 24, width = 540;
    const m = Math.max(1, ...rows.map((r) => r.lift));
    const x = (v) => left + (width - left - right) * (v / m);
    const height = top + rows.length * rowH + 8;
    const svg = el("svg", { viewBox: `0 0 ${width} ${height}`, "aria-hidden": "true", focusable: "false" });
    svg.appendChild(el("line", { x1: x(1), y1: top - 6, x2: x(1), y2: height - 6, class: "grid" }));
    svg.appendChild(el("text", { x: x(1), y: top - 10, "text-anchor": "middle", class: "axis-label" }, "lift 1 (chance)"));
    rows.forEach((row, i) => {
      const y = top + i * rowH;
      svg.appendChild(el("text", { x: left - 10, y: y + rowH / 2, "text-anchor": "end", "dominant-baseline": "middle",
        "font-size": 13 }, truncate(row.other_label || row.other_id, 24)));
      const sig = row.q_value !== null && row.q_value < 0.05;
      const bar = el("rect", { x: left, y: y + 4, width: Math.max(1, x(row.lift) - left), height: rowH - 8, rx: 3,
        class: "bar" + (sig ? "" : " faint") });
      bar.appendChild(el("title", {}, `${row.other_label}: together in ${row.both} postings, lift ${row.lift.toFixed(2)}, p = ${row.p_value === null ? "n/a" : row.p_value.toPrecision(2)}, q = ${row.q_value === null ? "n/a" : row.q_value.toPrecision(2)}`));
      svg.appendChild(bar);
      svg.appendChild(el("text", { x: x(row.lift) + 4, y: y + rowH / 2, "dominant-baseline": "middle", class: "axis-label" },
        `×${row.lift.toFixed(2)} (${row.both})`));
    });
    container.appendChild(svg);
  }

  /* Every month from the first to the last given ("YYYY-MM"), so months without postings are gaps. */
  function monthRange(months) {
    if (!months.length) return [];
    let [y, m] = months[0].split("-").map(Number);
    const [y1, m1] = months[months.length - 1].split("-").map(Number);
    const out = [];
    while (y < y1 || (y === y1 && m <= m1)) {
      out.push(`${y}-${String(m).padStart(2, "0")}`);
      if (m === 12) { y += 1; m = 1; } else m += 1;
    }
    return out;
  }

  const PALETTE = ["#4f46e5", "#e45756", "#0f8a5f", "#f58518", "#72b7b2", "#b279a2", "#9d755d", "#54a24b"];

  /* Monthly share lines (rows of /api/market/monthly). A line is drawn only between consecutive months
     that both have enough postings: a month with no postings, or fewer than minPostings (thin), is a
     gap, never bridged. Bars below give each month's n (thin months in red). Legend right of the plot. */
  function monthlyLines(container, rows, minPostings) {
    if (!rows.length) return empty(container, "No dated postings in scope.");
    clear(container);
    const min = minPostings || 20;
    const months = monthRange([...new Set(rows.map((r) => r.month))].sort());
    const totals = {};
    rows.forEach((r) => { totals[r.month] = r.total; });
    const skills = [...new Set(rows.map((r) => r.skill_id))];
    const labels = {};
    rows.forEach((r) => { labels[r.skill_id] = r.label || r.skill_id; });
    const width = 760, left = 48, legendW = 190, right = legendW + 16, top = 14, plotH = 200, gap = 26, nH = 56;
    const height = top + plotH + gap + nH + 26;
    const plotW = width - left - right;
    const shown = rows.filter((r) => r.total >= min);
    const maxShare = Math.max(0.05, ...shown.map((r) => r.share));
    const step = niceStep(maxShare, 5);
    const maxY = Math.min(1, step * Math.ceil(maxShare / step));
    const bw = Math.max(2, Math.min(24, plotW / Math.max(1, months.length) - 4));
    const pad = bw / 2 + 6;  // the first and last n bars stay inside the plot
    const xi = (i) => left + pad + (months.length === 1 ? (plotW - 2 * pad) / 2 : ((plotW - 2 * pad) * i) / (months.length - 1));
    const y = (v) => top + plotH - (plotH * v) / maxY;
    const svg = el("svg", { viewBox: `0 0 ${width} ${height}`, "aria-hidden": "true", focusable: "false" });
    for (let v = 0; v <= maxY + 1e-9; v += step) {
      svg.appendChild(el("line", { x1: left, y1: y(v), x2: left + plotW, y2: y(v), class: "grid" }));
      svg.appendChild(el("text", { x: left - 6, y: y(v), "text-anchor": "end", "dominant-baseline": "middle", class: "axis-label" }, pct(v)));
    }
    skills.forEach((sid, k) => {
      const color = PALETTE[k % PALETTE.length];
      const by = {};
      rows.filter((r) => r.skill_id === sid).forEach((r) => { by[r.month] = r; });
      let d = "", prev = false;
      months.forEach((m, i) => {
        const r = by[m];
        const ok = r && r.total >= min;
        if (ok) {
          d += `${prev ? "L" : "M"}${xi(i).toFixed(1)},${y(r.share).toFixed(1)} `;
          const dot = el("circle", { cx: xi(i).toFixed(1), cy: y(r.share).toFixed(1), r: 2.6, fill: color, class: "series-dot" });
          dot.appendChild(el("title", {}, `${labels[sid]} ${m}: ${pct(r.share, 1)} of ${r.total} postings`));
          svg.appendChild(dot);
        }
        prev = ok;
      });
      if (d) svg.appendChild(el("path", { d: d.trim(), stroke: color, class: "series", "data-skill": sid }));
      const ly = top + 6 + k * 18;
      svg.appendChild(el("line", { x1: width - legendW, y1: ly, x2: width - legendW + 18, y2: ly, stroke: color, "stroke-width": 3 }));
      svg.appendChild(el("text", { x: width - legendW + 24, y: ly, "dominant-baseline": "middle", class: "series-legend" }, truncate(labels[sid], 24)));
    });
    if (!shown.length) {
      svg.appendChild(el("text", { x: left + plotW / 2, y: top + plotH / 2, "text-anchor": "middle", class: "axis-label" },
        `Every month has fewer than ${min} postings: no share is drawn (postings per month below).`));
    }
    const nTop = top + plotH + gap;
    const maxN = Math.max(1, ...months.map((m) => totals[m] || 0));
    svg.appendChild(el("text", { x: left - 6, y: nTop + nH / 2, "text-anchor": "end", "dominant-baseline": "middle",
      class: "axis-label" }, "n"));
    months.forEach((m, i) => {
      const n = totals[m] || 0;
      const h = (nH * n) / maxN;
      const bar = el("rect", { x: (xi(i) - bw / 2).toFixed(1), y: (nTop + nH - h).toFixed(1), width: bw.toFixed(1), height: h.toFixed(1),
        class: "nbar" + (n < min ? " thin" : ""), "data-month": m, "data-n": n });
      bar.appendChild(el("title", {}, `${m}: ${n} postings${n < min ? ` (fewer than ${min}: not drawn)` : ""}`));
      svg.appendChild(bar);
    });
    const every = Math.max(1, Math.ceil(months.length / 8));
    months.forEach((m, i) => {
      if (i % every === 0) {
        svg.appendChild(el("text", { x: xi(i), y: nTop + nH + 16, "text-anchor": "middle", class: "axis-label" }, m));
      }
    });
    container.appendChild(svg);
  }

  /* The corpus line under a chart: n, source, dates; "SYNTHETIC" in red when the postings are. */
  function caption(node, info) {
    while (node.firstChild) node.removeChild(node.firstChild);
    if (!info) return;
    const syn = info.synthetic > 0;
    if (syn) {
      const s = document.createElement("span");
      s.className = "synthetic";
      s.textContent = (info.synthetic === info.postings ? "SYNTHETIC DATA (demo, not the job market)"
        : `${info.synthetic} of ${info.postings} postings SYNTHETIC`) + " · ";
      node.appendChild(s);
    }
    // the server's caption ends with the same warning: said once, in red, above
    node.appendChild(document.createTextNode(syn ? info.caption.replace(/ · [^·]*SYNTHETIC[^·]*$/, "") : info.caption));
  }

  window.SkillCharts = { radar, demandBars, trendBars, liftBars, monthlyLines, caption, monthRange, clear, empty };
})();
