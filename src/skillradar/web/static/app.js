/* skillradar page logic: the tabs and the market view (the assess view is in assess.js). User text only
   ever reaches the DOM through textContent / text nodes. */
(function () {
  "use strict";
  const { $, node, clear, setStatus, api } = window.SkillDom;
  const C = window.SkillCharts;

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
    families = await window.SkillDom.families();
    const sel = $("market-family");
    for (const [id, f] of Object.entries(families)) {
      sel.appendChild(node("option", { value: id, text: (f && f.label) || id }));
    }
  }

  /* Seniority and contract-type menus: every valid value, with how many postings in the database have it. */
  let facetsLoaded = false;
  async function loadFacetMenus() {
    if (facetsLoaded) return;
    facetsLoaded = true;
    try {
      const f = await api("/api/market/facets");
      for (const [id, key] of [["market-seniority", "seniority"], ["market-contract", "contract_type"]]) {
        const sel = $(id);
        for (const [value, n] of Object.entries(f[key])) {
          sel.appendChild(node("option", { value, text: `${value} (${n})` }));
        }
      }
    } catch (e) { /* an outdated database: the menus stay at "any"; the status line says why on use */ }
  }

  const TEXT_FILTERS = [["market-title", "title_contains"], ["market-location", "location"],
    ["market-company", "company"], ["market-sector", "sector"]];

  /* The filters every market request carries (family only where it applies). */
  function filterQuery(withFamily) {
    const q = new URLSearchParams();
    if (withFamily && $("market-family").value) q.set("family", $("market-family").value);
    for (const [id, name] of TEXT_FILTERS) {
      const v = $(id).value.trim();
      if (v) q.set(name, v);
    }
    if ($("market-seniority").value) q.set("seniority", $("market-seniority").value);
    if ($("market-contract").value) q.set("contract_type", $("market-contract").value);
    if ($("market-since").value) q.set("since", $("market-since").value);
    if ($("market-until").value) q.set("until", $("market-until").value);
    if ($("market-boilerplate").checked) q.set("count_boilerplate", "true");
    return q;
  }
  function marketQuery() { return filterQuery(true); }

  /* Only the latest request of each kind may draw (answers can arrive out of order). */
  const latest = { top: 0, trends: 0, cooccur: 0, monthly: 0, skills: 0 };
  let corpusAll = null, corpusDated = null;

  async function loadMarket() {
    await loadFamilies();
    await loadFacetMenus();
    const ticket = ++latest.top;
    const status = $("market-status");
    setStatus(status, "Loading market statistics…", false);
    const q = marketQuery();
    const limit = Math.max(1, Math.min(100, parseInt($("market-limit").value, 10) || 20));
    q.set("limit", String(limit));
    const fq = filterQuery(false);
    const dq = filterQuery(false);
    dq.set("dated", "true");
    try {
      const [top, corpus, dated] = await Promise.all([api("/api/market/top?" + q.toString()),
        api("/api/market/corpus?" + fq.toString()), api("/api/market/corpus?" + dq.toString())]);
      if (ticket !== latest.top) return;
      corpusAll = corpus;
      corpusDated = dated;
      const rows = top.rows;
      $("market-synthetic").hidden = !(corpus.synthetic > 0);
      if (rows.length) C.demandBars($("demand-chart"), rows);
      else C.empty($("demand-chart"), top.empty_reason || "No skills in scope.");
      C.caption($("demand-caption"), corpus);
      $("demand-chart").setAttribute("aria-label", "Bar chart of skill demand: " +
        rows.slice(0, 10).map((r) => `${r.label} ${Math.round(100 * r.share)}%`).join(", "));
      setStatus(status, rows.length ? `${corpus.postings} postings in scope; ${rows.length} skills shown.`
        : (top.empty_reason || "No skills in scope."), false);
      await Promise.all([loadSkillMenu(), loadMonthly()]);
      if (ticket !== latest.top) return;  // the filters changed meanwhile: the newer request draws the trends
      if (!dated.postings) {
        C.empty($("trend-chart"), top.empty_reason || "No dated postings in scope: trends need dates.");
        C.caption($("trend-caption"), dated);
      } else if ($("trend-split").value) loadTrends();
    } catch (err) {
      if (ticket !== latest.top) return;
      C.empty($("demand-chart"), err.code === "no_database"
        ? "No market database on this server." : "Market statistics are unavailable.");
      setStatus(status, err.message, true);
    }
  }

  /* The co-occurrence menu offers every skill named in the postings in scope (not only those on screen),
     A–Z with its postings; the most asked-for one is chosen unless the user chose one that is still there. */
  async function loadSkillMenu() {
    const ticket = ++latest.skills;
    const q = filterQuery(false);
    q.set("limit", "1000");
    q.set("rollup", "false");
    const sel = $("cooccur-skill");
    try {
      const data = await api("/api/market/top?" + q.toString());
      if (ticket !== latest.skills) return;
      const keep = sel.value;
      clear(sel);
      const rows = data.rows.slice().sort((x, y) => x.label.localeCompare(y.label) || x.skill_id.localeCompare(y.skill_id));
      for (const r of rows) sel.appendChild(node("option", { value: r.skill_id, text: `${r.label} (${r.postings})` }));
      if (keep && rows.some((r) => r.skill_id === keep)) sel.value = keep;
      else if (data.rows.length) sel.value = data.rows[0].skill_id;
      if (rows.length) loadCooccur();
      else { C.empty($("cooccur-chart"), data.empty_reason || "No skills in scope."); C.caption($("cooccur-caption"), corpusAll); }
    } catch (err) { if (ticket === latest.skills) C.empty($("cooccur-chart"), err.message); }
  }

  async function loadMonthly() {
    const ticket = ++latest.monthly;
    const q = marketQuery();
    q.set("top_n", "6");
    const chart = $("monthly-chart");
    try {
      const data = await api("/api/market/monthly?" + q.toString());
      if (ticket !== latest.monthly) return;
      if (data.rows.length) C.monthlyLines(chart, data.rows, 20);
      else C.empty(chart, data.empty_reason || "No dated postings in scope.");
      C.caption($("monthly-caption"), corpusDated);
      const months = [...new Set(data.rows.map((r) => r.month))].sort();
      if (!$("trend-split").value && months.length >= 2) $("trend-split").value = months[Math.floor(months.length / 2)] + "-01";
    } catch (err) { if (ticket === latest.monthly) C.empty(chart, err.message); }
  }

  async function loadTrends() {
    const ticket = ++latest.trends;
    const split = $("trend-split").value;
    const chart = $("trend-chart");
    if (!split) { C.empty(chart, "Pick a date to compare before and after."); return; }
    if (corpusDated && !corpusDated.postings) { C.empty(chart, "No dated postings in scope: trends need dates."); return; }
    const q = marketQuery();
    q.set("split", split);
    try {
      const data = await api("/api/market/trends?" + q.toString());
      if (ticket !== latest.trends) return;
      const rows = data.rows.slice().sort((a, b) => Math.abs(b.diff) - Math.abs(a.diff) || a.skill_id.localeCompare(b.skill_id));
      if (rows.length) C.trendBars(chart, rows, 12);
      else C.empty(chart, data.empty_reason || "No skills with postings in either period.");
      C.caption($("trend-caption"), corpusDated);
    } catch (err) { if (ticket === latest.trends) C.empty(chart, err.message); }
  }

  async function loadCooccur() {
    const ticket = ++latest.cooccur;
    const skill = $("cooccur-skill").value;
    const chart = $("cooccur-chart");
    if (!skill) { C.empty(chart, "Pick a skill."); return; }
    const q = filterQuery(false);
    q.set("skill", skill);
    try {
      const data = await api("/api/market/cooccur?" + q.toString());
      if (ticket !== latest.cooccur) return;
      if (data.rows.length) C.liftBars(chart, data.rows, 12);
      else C.empty(chart, data.empty_reason || "No skill appears together with this one.");
      C.caption($("cooccur-caption"), corpusAll);
    } catch (err) { if (ticket === latest.cooccur) C.empty(chart, err.message); }
  }

  $("market-form").addEventListener("submit", (e) => { e.preventDefault(); loadMarket(); });
  $("trend-form").addEventListener("submit", (e) => { e.preventDefault(); loadTrends(); });
  $("cooccur-form").addEventListener("submit", (e) => { e.preventDefault(); loadCooccur(); });
  $("cooccur-skill").addEventListener("change", () => loadCooccur());

  if (location.hash === "#market") selectTab($("tab-market"), false);
})();
