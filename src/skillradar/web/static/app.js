/* skillradar page logic: the tabs and the market view (the assess view is in assess.js). User text only
   ever reaches the DOM through textContent / text nodes. */
(function () {
  "use strict";
  const { $, node, clear, setStatus, api } = window.SkillDom;
  const C = window.SkillCharts;
  const FAMILY_LABELS = { technical: "Technical", data: "Data", thinking: "Thinking", soft: "Soft skills", domain: "Domain" };

  /* ------------------------------------------------------------------ tabs */
  const tabs = [$("tab-assess"), $("tab-market")];
  let marketLoaded = false;
  function selectTab(tab, focus) {
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute("aria-selected", on ? "true" : "false");
      t.tabIndex = on ? 0 : -1;
      $(t.getAttribute("aria-controls")).hidden = !on;
    }
    if (focus) tab.focus();
    if (tab.id === "tab-market" && !marketLoaded) { marketLoaded = true; loadMarket(); }
  }
  tabs.forEach((t, i) => {
    t.addEventListener("click", () => selectTab(t, false));
    t.addEventListener("keydown", (e) => {
      if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
        e.preventDefault();
        selectTab(tabs[(i + (e.key === "ArrowRight" ? 1 : tabs.length - 1)) % tabs.length], true);
      } else if (e.key === "Home") { e.preventDefault(); selectTab(tabs[0], true); }
      else if (e.key === "End") { e.preventDefault(); selectTab(tabs[tabs.length - 1], true); }
    });
  });

  /* The assess view lives in assess.js. */

  /* ------------------------------------------------------------------ market */
  let families = null;
  async function loadFamilies() {
    if (families) return;
    try {
      const tax = await api("/api/taxonomy");
      families = tax.families || {};
      const sel = $("market-family");
      for (const [id, f] of Object.entries(families)) {
        sel.appendChild(node("option", { value: id, text: (f && f.label) || FAMILY_LABELS[id] || id }));
      }
    } catch (e) { families = {}; }
  }

  function marketQuery() {
    const q = new URLSearchParams();
    const fam = $("market-family").value, title = $("market-title").value.trim();
    if (fam) q.set("family", fam);
    if (title) q.set("title_contains", title);
    return q;
  }

  async function loadMarket() {
    await loadFamilies();
    const ticket = ++latest.top;
    const status = $("market-status");
    setStatus(status, "Loading market statistics…", false);
    const q = marketQuery();
    const limit = Math.max(1, Math.min(100, parseInt($("market-limit").value, 10) || 20));
    q.set("limit", String(limit));
    try {
      const top = await api("/api/market/top?" + q.toString());
      if (ticket !== latest.top) return;
      const rows = top.rows;
      C.demandBars($("demand-chart"), rows);
      $("demand-chart").setAttribute("aria-label", "Bar chart of skill demand: " +
        rows.slice(0, 10).map((r) => `${r.label} ${Math.round(100 * r.share)}%`).join(", "));
      const sel = $("cooccur-skill");
      const keep = sel.value;
      clear(sel);
      for (const r of rows) sel.appendChild(node("option", { value: r.skill_id, text: r.label }));
      if (keep && rows.some((r) => r.skill_id === keep)) sel.value = keep;
      const total = rows.length ? rows[0].total : 0;
      setStatus(status, `${total} postings in scope; ${rows.length} skills shown.`, false);
      if (rows.length) loadCooccur();
      await defaultSplit();
      if ($("trend-split").value) loadTrends();
    } catch (err) {
      if (ticket !== latest.top) return;
      C.empty($("demand-chart"), err.code === "no_database"
        ? "No market database on this server." : "Market statistics are unavailable.");
      setStatus(status, err.message, true);
    }
  }

  async function defaultSplit() {
    if ($("trend-split").value) return;
    try {
      const m = await api("/api/market/monthly?top_n=1&" + marketQuery().toString());
      const months = [...new Set(m.rows.map((r) => r.month))].sort();
      if (months.length >= 2) $("trend-split").value = months[Math.floor(months.length / 2)] + "-01";
    } catch (e) { /* no dated postings: leave the split empty */ }
  }

  /* Only the latest request of each kind may draw (answers can arrive out of order). */
  const latest = { top: 0, trends: 0, cooccur: 0 };

  async function loadTrends() {
    const ticket = ++latest.trends;
    const split = $("trend-split").value;
    const chart = $("trend-chart");
    if (!split) { C.empty(chart, "Pick a date to compare before and after."); return; }
    const q = marketQuery();
    q.set("split", split);
    try {
      const data = await api("/api/market/trends?" + q.toString());
      if (ticket !== latest.trends) return;
      const rows = data.rows.slice().sort((a, b) => Math.abs(b.diff) - Math.abs(a.diff) || a.skill_id.localeCompare(b.skill_id));
      C.trendBars(chart, rows, 12);
    } catch (err) { if (ticket === latest.trends) C.empty(chart, err.message); }
  }

  async function loadCooccur() {
    const ticket = ++latest.cooccur;
    const skill = $("cooccur-skill").value;
    const chart = $("cooccur-chart");
    if (!skill) { C.empty(chart, "Pick a skill."); return; }
    const q = marketQuery();
    q.set("skill", skill);
    try {
      const data = await api("/api/market/cooccur?" + q.toString());
      if (ticket !== latest.cooccur) return;
      C.liftBars(chart, data.rows, 12);
    } catch (err) { if (ticket === latest.cooccur) C.empty(chart, err.message); }
  }

  $("market-form").addEventListener("submit", (e) => { e.preventDefault(); loadMarket(); });
  $("trend-form").addEventListener("submit", (e) => { e.preventDefault(); loadTrends(); });
  $("cooccur-form").addEventListener("submit", (e) => { e.preventDefault(); loadCooccur(); });

  if (location.hash === "#market") selectTab($("tab-market"), false);
})();
