/* Small DOM and fetch helpers shared by the page's views (window.SkillDom).
   User text only ever reaches the DOM through textContent / text nodes. */
(function () {
  "use strict";
  const $ = (id) => document.getElementById(id);

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

  /* The taxonomy's families ({id: {label, short, groups}}), fetched once and shared by both views: the
     page names families as the taxonomy the server uses declares them, never from a list of its own. */
  let familiesPromise = null;
  function families() {
    if (!familiesPromise) familiesPromise = api("/api/taxonomy").then((t) => t.families || {}, () => ({}));
    return familiesPromise;
  }
  /* A family's name where space is tight (radar axes, tables): its short label, else its label, else its id. */
  function familyName(fams, id) {
    const f = fams && fams[id];
    return (f && (f.short || f.label)) || id;
  }

  window.SkillDom = { $, node, clear, setStatus, api, families, familyName };
})();
