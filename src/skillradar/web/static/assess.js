/* The assess view: upload a résumé and a posting (or pick a role), read the result, tick "I have this"
   on a gap to see the score recalculated. Every score comes from the server (/api/assess): the page never
   scores anything itself, so the page, the CLI and the API cannot disagree. */
(function () {
  "use strict";
  const { $, node, clear, setStatus, api, families, familyName } = window.SkillDom;
  const C = window.SkillCharts;
  const GAPS_SHOWN = 8;

  /* ------------------------------------------------------------------ the form */
  function syncTarget() {
    const role = document.querySelector('input[name="target"]:checked').value === "role";
    $("target-role-fields").hidden = !role;
    $("target-posting-fields").hidden = role;
  }
  document.querySelectorAll('input[name="target"]').forEach((r) => r.addEventListener("change", syncTarget));
  syncTarget();

  async function loadRoles() {
    const select = $("role-select");
    try {
      const data = await api("/api/roles");
      clear(select);
      select.appendChild(node("option", { value: "", text: "Choose a role…" }));
      for (const r of data.roles) {
        const extra = r.source === "measured" ? ` · measured from ${r.postings} postings` : " · curated profile";
        select.appendChild(node("option", { value: r.name, "data-source": r.source, text: (r.label || r.name) + extra }));
      }
    } catch (e) {
      clear(select);
      select.appendChild(node("option", { value: "", text: "Roles unavailable" }));
      $("role-note").textContent = e.message;
    }
  }
  loadRoles();

  /* The inputs of the last assessment, kept so that "I have this" re-runs exactly that one. */
  let entries = null;
  let claimed = [];
  let latest = 0;
  let lastOverall = null;

  function formEntries() {
    const status = $("assess-status");
    const out = [];
    const resumeFile = $("resume-file").files[0];
    const resumeText = $("resume-text").value;
    if (resumeFile) out.push(["resume", resumeFile, resumeFile.name]);
    else if (resumeText.trim()) out.push(["resume_text", resumeText]);
    else { setStatus(status, "Add your résumé: upload a file or paste the text.", true); $("resume-file").focus(); return null; }
    if (document.querySelector('input[name="target"]:checked').value === "role") {
      const role = $("role-select").value;
      if (!role) { setStatus(status, "Choose a role to compare against.", true); $("role-select").focus(); return null; }
      out.push(["role", role]);
      // the profile chosen, curated or measured: the server must not swap one for the other
      out.push(["role_source", $("role-select").selectedOptions[0].getAttribute("data-source") || "auto"]);
    } else {
      const pf = $("posting-file").files[0];
      const pt = $("posting-text").value;
      if (pf) out.push(["posting", pf, pf.name]);
      else if (pt.trim()) out.push(["posting_text", pt]);
      else { setStatus(status, "Add the job posting (file or text), or choose a role.", true); $("posting-file").focus(); return null; }
    }
    out.push(["include_text", "1"]);
    return out;
  }

  async function run(claimedNow, message) {
    const status = $("assess-status");
    const ticket = ++latest;
    const form = new FormData();
    for (const e of entries) form.append(...e);
    for (const c of claimedNow) form.append("claimed", c);
    const button = $("assess-button");
    button.disabled = true;
    setStatus(status, message || "Assessing…", false);
    try {
      const [result, fams] = await Promise.all([api("/api/assess", { method: "POST", body: form }), families()]);
      if (ticket !== latest) return null;  // a newer request (another tick) answers instead
      const before = lastOverall;
      claimed = claimedNow.slice();
      render(result, before, fams);
      lastOverall = result.overall;
      return { result, before };
    } catch (err) {
      if (ticket === latest) setStatus(status, err.message, true);
      return null;
    } finally {
      if (ticket === latest) button.disabled = false;
    }
  }

  $("assess-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const got = formEntries();
    if (!got) return;
    entries = got;
    lastOverall = null;
    const done = await run([]);
    if (done) {
      const a = done.result;
      setStatus($("assess-status"), `Done: overall match ${Math.round(a.overall)} out of 100, ${a.gaps.length} gaps, ` +
        `${a.plan.length} steps in the learning plan.`, false);
      $("assess-results").scrollIntoView({ behavior: "smooth", block: "start" });
    }
  });

  async function setClaimed(next, id, skillLabel, added) {
    const done = await run(next, "Recalculating…");
    if (!done) return;
    const a = done.result;
    const was = done.before === null ? "" : `${Math.round(done.before)} → `;
    setStatus($("assess-status"), `${added ? "Counted" : "No longer counted"}: ${skillLabel}. Overall match ` +
      `${was}${Math.round(a.overall)} out of 100.`, false);
    const again = document.querySelector(`input[data-claim="${CSS.escape(id)}"]`);
    (again || $("gap-list")).focus();
  }

  /* ------------------------------------------------------------------ rendering */
  function targetPhrase(t) {
    if (t.kind === "posting") {
      const src = t.source || "";
      return /_text$/.test(src) ? "the pasted posting" : `the posting ${src.split(/[\\/]/).pop()}`;
    }
    const named = t.label && t.label !== t.name ? `${t.label} (${t.name})` : (t.label || t.name);
    return t.profile_source === "measured"
      ? `the role ${named}, measured from ${t.postings} postings in the market database`
      : `the curated role profile ${named}`;
  }

  function reqBadge(req) {
    const r = req || "named";
    return node("span", { class: "badge " + (r === "required" || r === "preferred" ? r : "other"), text: r });
  }

  function render(a, before, fams) {
    const names = {};
    for (const k of Object.keys(a.families)) names[k] = familyName(fams, k);
    $("assess-results").hidden = false;
    $("overall-score").textContent = Math.round(a.overall);
    const delta = $("score-delta");
    delta.textContent = before === null || Math.round(before) === Math.round(a.overall) ? "" : `was ${Math.round(before)}`;
    const t = a.target || {};
    // a measured profile's note is for the CLI (--role-source); the page lists both profiles already
    const note = t.note && t.profile_source !== "measured" ? `. ${t.note}` : "";
    $("target-label").textContent = "against " + targetPhrase(t) + note;
    C.radar($("radar"), a.families, names);
    const summary = Object.entries(a.families).map(([k, v]) => `${names[k]} ${v === null ? "not asked" : Math.round(v)}`);
    $("radar").setAttribute("aria-label", "Radar chart of family scores: " + summary.join(", "));
    const rows = $("family-rows");
    clear(rows);
    for (const [k, v] of Object.entries(a.families)) {
      rows.appendChild(node("tr", {}, [node("td", { text: names[k] }),
        node("td", { text: v === null ? "not asked" : v.toFixed(0) })]));
    }
    renderGaps(a, false);
    renderClaimed(a);
    renderPlan(a.plan, t);
    renderMatched(a);
    renderTexts(a);
  }

  let lastResult = null;
  function renderGaps(a, showAll) {
    lastResult = a;
    const list = $("gap-list");
    clear(list);
    $("gap-count").textContent = String(a.gaps.length);
    if (!a.gaps.length) list.appendChild(node("li", { text: "No gaps: the résumé shows every skill asked for." }));
    for (const g of showAll ? a.gaps : a.gaps.slice(0, GAPS_SHOWN)) {
      const box = node("input", { type: "checkbox", "data-claim": g.skill_id, "aria-label": `I have ${g.label}` });
      box.addEventListener("change", () => setClaimed(claimed.concat([g.skill_id]), g.skill_id, g.label, true));
      const have = node("label", { class: "have" }, [box, "I have this"]);
      const why = node("details", {}, [node("summary", { text: "the numbers" }),
        node("span", { class: "why", text: `importance ${g.importance.toFixed(3)} · ${g.reason}` })]);
      list.appendChild(node("li", { "data-skill": g.skill_id }, [
        // a choice the target offers is one gap: "PyTorch (or JAX, TensorFlow)"
        node("div", { class: "gap-head" }, [node("strong", { text: (g.alternatives_labels || []).length
          ? `${g.label} (or ${g.alternatives_labels.join(", ")})` : g.label }), reqBadge(g.requirement), have]),
        node("span", { class: "words", text: g.summary || g.reason }), why]));
    }
    const more = $("gap-more");
    more.hidden = showAll || a.gaps.length <= GAPS_SHOWN;
    more.textContent = `Show all ${a.gaps.length} gaps`;
  }
  $("gap-more").addEventListener("click", () => { renderGaps(lastResult, true); $("gap-list").focus(); });

  function renderClaimed(a) {
    const box = $("claimed-box");
    const list = $("claimed-list");
    clear(list);
    const ids = a.claimed || [];
    box.hidden = !ids.length;
    const label = (id) => (a.claimed_labels || [])[ids.indexOf(id)] || id;
    for (const id of ids) {
      const input = node("input", { type: "checkbox", "data-claim": id, "aria-label": `I have ${label(id)}` });
      input.checked = true;
      input.addEventListener("change", () => setClaimed(claimed.filter((c) => c !== id), id, label(id), false));
      list.appendChild(node("li", { class: "chip" }, [node("label", { class: "have" }, [input, label(id)])]));
    }
  }

  function renderPlan(plan, target) {
    const list = $("plan-list");
    clear(list);
    $("plan-count").textContent = String(plan.length);
    if (!plan.length) list.appendChild(node("li", { text: "Nothing to learn for this target." }));
    const asker = target.kind === "posting" ? "the posting" : "the role";
    for (const p of plan) {
      const li = node("li", {}, [node("strong", { text: p.label })]);
      const why = p.why === "gap" ? `asked for by ${asker}`
        : p.why.startsWith("gap; ") ? `asked for by ${asker}; ${p.why.slice(5)}`
        : p.why.startsWith("prerequisite of ") ? "needed first for " + p.why.slice("prerequisite of ".length) : p.why;
      li.appendChild(node("span", { class: "why", text: why }));
      const after = p.after_labels && p.after_labels.length ? p.after_labels : p.after;
      if (after && after.length) li.appendChild(node("span", { class: "why", text: "after " + after.join(", ") }));
      const links = (p.resources || []).filter((r) => /^https?:\/\//i.test(r.url));
      if (links.length) {
        const fors = [...new Set(links.map((r) => r.for_label).filter(Boolean))];
        const line = node("span", { class: "why" }, fors.length ? [`for ${fors.join(", ")}, which it is part of: `] : []);
        links.forEach((r, i) => {
          if (i) line.appendChild(document.createTextNode(" · "));
          line.appendChild(node("a", { href: r.url, rel: "noopener noreferrer", target: "_blank", text: r.title }));
        });
        li.appendChild(line);
      } else {
        const note = p.resources_note || "no learning resource is listed for this skill";
        li.appendChild(node("span", { class: "why none", text: note.charAt(0).toUpperCase() + note.slice(1) + "." }));
      }
      list.appendChild(li);
    }
  }

  function renderMatched(a) {
    const list = $("match-list");
    clear(list);
    $("match-count").textContent = String(a.matched.length);
    if (!a.matched.length) list.appendChild(node("li", { class: "chip", text: "No skill of the target was found." }));
    for (const m of a.matched) {
      const claimedOnly = (m.evidence || []).every((e) => e.section === "claimed");
      const b = node("button", { type: "button", class: "fam-" + (m.family || "none"), title: m.summary || "",
        "aria-label": `${m.label}: ${m.summary || ""} Show it in the texts.` },
        [node("span", { class: "dot" }), m.label, node("span", { class: "n", text: claimedOnly ? "your word" : `×${(m.evidence || []).length}` })]);
      b.addEventListener("click", () => focusSkill(m.skill_id));
      list.appendChild(node("li", { class: "chip" }, [b]));
    }
    const practice = $("practice-line");
    const pr = a.practice;
    practice.textContent = !pr ? "" : pr.sentences
      ? `AI/ML practice: ${pr.explanation} (AI/ML core credit ×${pr.factor}).`
      : "AI/ML practice: no sentence describes building, training or evaluating a model, so AI/ML skills " +
        "count at half weight. Describe that work in your experience.";
  }

  /* Offsets are code-point indices (Python); JS strings are UTF-16, so slice an array of code points. */
  function marked(view, text, spans) {
    clear(view);
    const cps = Array.from(text);
    spans.sort((x, y) => x.start - y.start || y.end - x.end || (x.prio || 0) - (y.prio || 0));
    let pos = 0;
    for (const s of spans) {
      if (s.start < pos || s.end <= s.start || s.end > cps.length) continue; // overlapping, empty or out of range
      if (s.start > pos) view.appendChild(document.createTextNode(cps.slice(pos, s.start).join("")));
      view.appendChild(node("mark", { class: s.cls, "data-skill": s.skill, title: s.title, text: cps.slice(s.start, s.end).join("") }));
      pos = s.end;
    }
    if (pos < cps.length) view.appendChild(document.createTextNode(cps.slice(pos).join("")));
  }

  function renderTexts(a) {
    const resumeSpans = [];
    // a skill met through another's evidence marks it too, unless a skill's own evidence already does
    for (const m of a.matched) {
      for (const e of m.evidence || []) {
        resumeSpans.push({ start: e.start, end: e.end, skill: m.skill_id, cls: `evidence fam-${m.family}`, prio: m.via ? 1 : 0,
          title: m.via ? `${m.label} (via ${m.via_label || m.via})` : m.label });
      }
    }
    if (a.resume_text) marked($("resume-view"), a.resume_text, resumeSpans);
    else $("resume-view").textContent = "(The résumé text was not returned.)";
    const posting = a.posting_text;
    $("posting-card").hidden = !posting;
    $("texts").classList.toggle("single", !posting);
    if (posting) {
      const spans = (a.posting_mentions || []).map((m) => ({
        start: m.start, end: m.end, skill: m.skill_id,
        cls: `skill fam-${m.family} ${m.matched ? "matched" : "missing"}`,
        title: `${m.label}: ${m.matched ? "shown in your résumé" : "a gap"}${m.requirement ? ` (${m.requirement})` : ""}`,
      }));
      marked($("posting-view"), posting, spans);
      const shown = spans.filter((s) => s.cls.includes("matched")).length;
      $("posting-note").textContent = `${shown} of ${spans.length} mentions of the skills it asks for are shown in your résumé.`;
    }
  }

  function focusSkill(id) {
    let first = {};
    document.querySelectorAll("#resume-view mark, #posting-view mark").forEach((m) => {
      const on = m.getAttribute("data-skill") === id;
      m.classList.toggle("active", on);
      const where = m.closest(".doc-view").id;
      if (on && !first[where]) first[where] = m;
    });
    for (const m of Object.values(first)) m.scrollIntoView({ behavior: "smooth", block: "nearest" });
  }
})();
