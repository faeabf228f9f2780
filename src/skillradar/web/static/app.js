/* skillradar page logic. User text only ever reaches the DOM through textContent / text nodes. */
(function () {
  "use strict";
  const $ = (id) => document.getElementById(id);
  const C = window.SkillCharts;
  const FAMILY_LABELS = { technical: "Technical", data: "Data", thinking: "Thinking", soft: "Soft", domain: "Domain" };

  function node(tag, props, children) {
    const n = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (k === "text") n.textContent = v;
      else if (k === "class") n.className = v;
      else n.setAttribute(k, v);
    }
    for (const c of children || []) if (c) n.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    return n;
  }

  function clear(n) { while (n.firstChild) n.removeChild(n.firstChild); }

  function setStatus(el, message, isError) {
    el.textContent = message;
    el.classList.toggle("error", !!isError);
  }

  async function api(url, options) {
    let res;
    try {
      res = await fetch(url, Object.assign({ headers: { Accept: "application/json" } }, options || {}));
    } catch (e) {
      throw new Error("The server could not be reached.");
    }
    let body = null;
    try { body = await res.json(); } catch (e) { body = null; }
    if (!res.ok) {
      const err = new Error(body && body.error ? body.error.message : `Request failed (${res.status})`);
      err.code = body && body.error ? body.error.code : "http_" + res.status;
      err.status = res.status;
      throw err;
    }
    return body;
  }

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

  /* ------------------------------------------------------------------ assess form */
  const targetRadios = document.querySelectorAll('input[name="target"]');
  function syncTarget() {
    const role = document.querySelector('input[name="target"]:checked').value === "role";
    $("target-role-fields").hidden = !role;
    $("target-posting-fields").hidden = role;
  }
  targetRadios.forEach((r) => r.addEventListener("change", syncTarget));
  syncTarget();

  async function loadRoles() {
    const select = $("role-select");
    try {
      const data = await api("/api/roles");
      clear(select);
      select.appendChild(node("option", { value: "", text: "Choose a role…" }));
      for (const r of data.roles) {
        const extra = r.source === "market" ? ` · measured from ${r.postings} postings` : " · curated";
        select.appendChild(node("option", { value: r.name, text: (r.label || r.name) + extra }));
      }
    } catch (e) {
      clear(select);
      select.appendChild(node("option", { value: "", text: "Roles unavailable" }));
      $("role-note").textContent = e.message;
    }
  }
  loadRoles();

  $("assess-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const status = $("assess-status");
    const form = new FormData();
    const resumeFile = $("resume-file").files[0];
    const resumeText = $("resume-text").value;
    if (resumeFile) form.append("resume", resumeFile, resumeFile.name);
    else if (resumeText.trim()) form.append("resume_text", resumeText);
    else { setStatus(status, "Add your résumé: upload a file or paste the text.", true); $("resume-file").focus(); return; }
    const useRole = document.querySelector('input[name="target"]:checked').value === "role";
    if (useRole) {
      const role = $("role-select").value;
      if (!role) { setStatus(status, "Choose a role to compare against.", true); $("role-select").focus(); return; }
      form.append("role", role);
    } else {
      const pf = $("posting-file").files[0];
      const pt = $("posting-text").value;
      if (pf) form.append("posting", pf, pf.name);
      else if (pt.trim()) form.append("posting_text", pt);
      else { setStatus(status, "Add the job posting (file or text), or choose a role.", true); $("posting-file").focus(); return; }
    }
    form.append("include_text", "1");
    const button = $("assess-button");
    button.disabled = true;
    setStatus(status, "Assessing…", false);
    try {
      const result = await api("/api/assess", { method: "POST", body: form });
      renderAssessment(result);
      setStatus(status, `Done: overall match ${Math.round(result.overall)} out of 100, ${result.gaps.length} gaps.`, false);
      $("assess-results").scrollIntoView({ behavior: "smooth", block: "start" });
    } catch (err) {
      setStatus(status, err.message, true);
    } finally {
      button.disabled = false;
    }
  });

  function reqBadge(req) {
    if (!req) return null;
    return node("span", { class: "badge " + (req === "required" || req === "preferred" ? req : "other"), text: req });
  }

  function renderAssessment(a) {
    $("assess-results").hidden = false;
    $("overall-score").textContent = Math.round(a.overall);
    const t = a.target || {};
    $("target-label").textContent = t.kind === "role"
      ? `against the role “${t.label || t.name}” (${t.profile_source === "market" ? "measured profile" : "curated profile"})`
      : (t.source === "posting_text" ? "against the pasted posting" : `against the posting ${t.source || ""}`);
    C.radar($("radar"), a.families, FAMILY_LABELS);
    const summary = Object.entries(a.families).map(([k, v]) => `${FAMILY_LABELS[k] || k} ${v === null ? "not asked" : Math.round(v)}`);
    $("radar").setAttribute("aria-label", "Radar chart of family scores: " + summary.join(", "));

    const rows = $("family-rows");
    clear(rows);
    for (const [k, v] of Object.entries(a.families)) {
      rows.appendChild(node("tr", {}, [node("td", { text: FAMILY_LABELS[k] || k }),
        node("td", { text: v === null ? "not asked" : v.toFixed(1) })]));
    }

    renderGaps(a.gaps, false);

    const plan = $("plan-list");
    clear(plan);
    if (!a.plan.length) plan.appendChild(node("li", { text: "Nothing to learn for this target." }));
    for (const p of a.plan.slice(0, 10)) {
      const li = node("li", {}, [node("strong", { text: p.label })]);
      const after = p.after_labels && p.after_labels.length ? p.after_labels : p.after;
      if (after && after.length) li.appendChild(node("span", { class: "why", text: "after: " + after.join(", ") }));
      if (p.why && p.why !== "gap") li.appendChild(node("span", { class: "why", text: p.why }));
      for (const r of p.resources || []) {
        if (!/^https?:\/\//i.test(r.url)) continue;
        const a2 = node("a", { href: r.url, rel: "noopener noreferrer", target: "_blank", text: r.title });
        li.appendChild(node("span", { class: "why" }, [a2]));
      }
      plan.appendChild(li);
    }

    const matches = $("match-list");
    clear(matches);
    $("match-count").textContent = String(a.matched.length);
    if (!a.matched.length) matches.appendChild(node("li", { class: "chip", text: "No skill of the target was found." }));
    a.matched.forEach((m, idx) => {
      const b = node("button", { type: "button", "data-skill": String(idx), "aria-label": `Show evidence for ${m.label}` },
        [m.label, node("span", { class: "n", text: `×${(m.evidence || []).length}` })]);
      b.addEventListener("click", () => focusEvidence(idx));
      matches.appendChild(node("li", { class: "chip" }, [b]));
    });
    const practice = $("practice-line");
    if (practice) {
      const pr = a.practice;
      practice.textContent = !pr ? "" : pr.sentences
        ? `AI/ML practice: ${pr.explanation} (AI/ML core credit ×${pr.factor}).`
        : "AI/ML practice: no sentence describes building, training or evaluating a model, so AI/ML skills " +
          "count at half weight. Describe that work in your experience.";
    }
    renderResume(a.resume_text || "", a.matched);
  }

  const GAPS_SHOWN = 8;
  let lastGaps = [];
  function renderGaps(all, showAll) {
    lastGaps = all;
    const gaps = $("gap-list");
    clear(gaps);
    $("gap-count").textContent = String(all.length);
    if (!all.length) gaps.appendChild(node("li", { text: "No gaps: the résumé shows every skill asked for." }));
    for (const g of showAll ? all : all.slice(0, GAPS_SHOWN)) {
      const why = node("details", {}, [node("summary", { text: "why" }), node("span", { class: "why", text: g.reason || "" })]);
      gaps.appendChild(node("li", {}, [node("strong", { text: g.label }), reqBadge(g.requirement), why]));
    }
    const more = $("gap-more");
    more.hidden = showAll || all.length <= GAPS_SHOWN;
    more.textContent = `Show all ${all.length} gaps`;
  }
  $("gap-more").addEventListener("click", () => { renderGaps(lastGaps, true); $("gap-list").focus(); });

  /* Offsets are code-point indices (Python); JS strings are UTF-16, so slice an array of code points. */
  function renderResume(text, matched) {
    const view = $("resume-view");
    clear(view);
    if (!text) { view.textContent = "(The résumé text was not returned.)"; return; }
    const cps = Array.from(text);
    const spans = [];
    // a skill met through an alternative ("PyTorch" for "TensorFlow") shares its evidence: mark it once, as itself
    matched.forEach((m, idx) => m.via || (m.evidence || []).forEach((e) => spans.push({ start: e.start, end: e.end, idx, label: m.label })));
    spans.sort((x, y) => x.start - y.start || y.end - x.end);
    let pos = 0;
    for (const s of spans) {
      if (s.start < pos || s.end <= s.start || s.end > cps.length) continue; // overlapping or out of range
      if (s.start > pos) view.appendChild(document.createTextNode(cps.slice(pos, s.start).join("")));
      const mark = node("mark", { class: "evidence", "data-skill": String(s.idx), title: s.label, text: cps.slice(s.start, s.end).join("") });
      view.appendChild(mark);
      pos = s.end;
    }
    if (pos < cps.length) view.appendChild(document.createTextNode(cps.slice(pos).join("")));
  }

  function focusEvidence(idx) {
    const marks = document.querySelectorAll("#resume-view mark.evidence");
    let first = null;
    marks.forEach((m) => {
      const on = m.getAttribute("data-skill") === String(idx);
      m.classList.toggle("active", on);
      if (on && !first) first = m;
    });
    if (first) first.scrollIntoView({ behavior: "smooth", block: "center" });
  }

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
