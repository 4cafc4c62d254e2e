// Start-up: read the embedded data, replace the server-rendered timeline, entity and
// disagreement sections with the interactive ones, and wire search, filters, the URL fragment
// and the keyboard (j/k next/previous entry, / search, Esc clear or close).

function readData() {
  const node = document.getElementById("storyline-data");
  if (!node) {
    return null;
  }
  const doc = JSON.parse(node.textContent);
  return doc && typeof doc === "object" && Array.isArray(doc.entries) ? doc : null;
}

function option(value, label) {
  return el("option", { value }, label);
}

function field(id, label, control) {
  return el("div", { class: "field" }, el("label", { for: id }, label), control);
}

function buildFilters(ctx) {
  const f = {};
  f.q = el("input", { type: "search", id: "f-q", autocomplete: "off", spellcheck: "false", "aria-describedby": "keys-help" });
  f.q.placeholder = "Search entries and sentences";
  const outletCounts = new Map();
  for (const m of ctx.models) {
    for (const o of m.outlets) {
      outletCounts.set(o, (outletCounts.get(o) || 0) + 1);
    }
  }
  f.outlet = el("select", { id: "f-outlet" }, option("", "All outlets"),
    [...outletCounts.keys()].sort().map((o) => option(o, o + " (" + outletCounts.get(o) + ")")));
  const named = ctx.entities
    .map((e) => [e, ctx.models.filter((m) => m.entities.has(e.id)).length])
    .filter((pair) => pair[1] > 0)
    .sort((a, b) => b[1] - a[1] || (oneLine(a[0].name) < oneLine(b[0].name) ? -1 : 1));
  f.entity = el("select", { id: "f-entity" }, option("", "All entities"),
    named.map(([e, n]) => option(str(e.id), oneLine(e.name) + " (" + n + ")")));
  const first = ctx.models.length ? ctx.models.reduce((a, m) => (m.start < a ? m.start : a), "9999-12-31") : "";
  const last = ctx.models.length ? ctx.models.reduce((a, m) => (m.end > a ? m.end : a), "0000-01-01") : "";
  f.from = el("input", { type: "date", id: "f-from", min: first || null, max: last || null });
  f.to = el("input", { type: "date", id: "f-to", min: first || null, max: last || null });
  const kinds = [...new Set(ctx.models.map((m) => m.kind).filter(Boolean))].sort();
  f.kind = el("select", { id: "f-kind" }, option("", "All kinds"), kinds.map((k) => option(k, k)));
  f.support = el("select", { id: "f-support" }, option("", "All entries"),
    option("corroborated", "Corroborated (2+ independent sources)"), option("single", "Single source"));
  const reset = el("button", { type: "button", class: "reset" }, "Clear search and filters");
  const count = el("p", { id: "result-count", class: "count", role: "status", "aria-live": "polite" });
  const active = el("span", { class: "active-count" });
  const details = el("details", { class: "more-filters" },
    el("summary", null, "Filters", active),
    field("f-outlet", "Outlet", f.outlet),
    field("f-entity", "Entity", f.entity),
    el("fieldset", { class: "dates" }, el("legend", null, "Dates"),
      field("f-from", "From", f.from), field("f-to", "To", f.to)),
    kinds.length ? field("f-kind", "Kind of event", f.kind) : null,
    field("f-support", "Support", f.support));
  details.open = !window.matchMedia("(max-width: 47.99em)").matches;
  const form = el("form", { class: "filters", role: "search", "aria-label": "Search and filter the timeline" },
    field("f-q", "Search", f.q), details, reset, count,
    el("p", { id: "keys-help", class: "keys" }, "Keys: ", el("kbd", null, "/"), " search, ", el("kbd", null, "j"), " / ", el("kbd", null, "k"), " next / previous entry, ", el("kbd", null, "Esc"), " clear or close."));
  form.addEventListener("submit", (event) => event.preventDefault());
  return { form, fields: f, reset, count, active, details };
}

// On a phone the overview is cut to a few lines, with a button that shows all of it.
function clampSummary() {
  const summary = document.querySelector(".page-head .summary");
  if (!summary || !window.matchMedia("(max-width: 39.99em)").matches) {
    return;
  }
  summary.id = "story-summary";
  summary.classList.add("clamped");
  if (summary.scrollHeight <= summary.clientHeight + 2) {
    summary.classList.remove("clamped");
    return;
  }
  const more = el("button", { type: "button", class: "linklike more-summary", "aria-expanded": "false", "aria-controls": "story-summary" }, "Read the whole overview");
  more.addEventListener("click", () => {
    const open = summary.classList.toggle("clamped") === false;
    more.setAttribute("aria-expanded", open ? "true" : "false");
    more.textContent = open ? "Show less of the overview" : "Read the whole overview";
  });
  summary.after(more);
}

function boot() {
  const doc = readData();
  const section = document.getElementById("timeline");
  if (doc === null || section === null) {
    return;
  }
  const view = doc.viewer || {};
  const sources = new Map((view.sources || []).map((s) => [s.n, s]));
  const numbers = new Map((view.sources || []).map((s) => [s.article, s.n]));
  const ctx = {
    doc,
    sources,
    numbers,
    paragraphs: Array.isArray(view.paragraphs) ? view.paragraphs : [],
    entities: Array.isArray(doc.entities) ? doc.entities : [],
    models: entryModels(doc),
    state: emptyState(),
    terms: [],
    visible: new Set(),
    current: null,
  };
  const ui = buildFilters(ctx);
  const list = el("ol", { class: "entries", id: "entries", "aria-label": "Timeline entries" });
  for (const m of ctx.models) {
    list.appendChild(buildEntry(ctx, m));
  }
  const none = el("p", { class: "none", hidden: true }, "No entry matches the search and filters. ");
  const noneReset = el("button", { type: "button", class: "linklike" }, "Clear them");
  none.appendChild(noneReset);
  const strip = buildStrip(ctx.models, (x, year) => {
    const m = nearestEntry(strip, ctx.visible, x, year);
    if (m) {
      jump(m);
    }
  });
  section.replaceChildren(
    el("h2", { id: "timeline-title" }, "Timeline"),
    strip ? strip.figure : null,
    el("div", { class: "layout" }, ui.form, el("div", { class: "list" }, list, none,
      ctx.models.length ? null : el("p", { class: "note" }, "No dated events were found.")))
  );
  document.body.classList.add("js");
  clampSummary();

  function writeHash() {
    const hash = stateHash(ctx.state);
    const url = location.pathname + location.search + hash;
    if (location.hash !== hash) {
      history.replaceState(null, "", url);
    }
  }

  function apply(write) {
    const s = ctx.state;
    ctx.terms = queryTerms(s.q);
    ctx.visible = new Set(ctx.models.filter((m) => matches(m, s, ctx.terms)));
    for (const m of ctx.models) {
      const show = ctx.visible.has(m);
      m.node.hidden = !show;
      if (show) {
        paintEntry(m, ctx.terms);
      }
    }
    const n = ctx.visible.size;
    const total = ctx.models.length;
    ui.count.textContent = n === total ? "All " + plural(total, "entry", "entries") : "Showing " + n + " of " + plural(total, "entry", "entries");
    const active = activeFilters(s);
    ui.active.textContent = active ? " (" + active + " active)" : "";
    none.hidden = n > 0 || total === 0;
    if (strip) {
      updateStrip(strip, ctx.visible);
    }
    if (write) {
      writeHash();
    }
  }

  function readForm() {
    for (const key of FILTER_KEYS) {
      ctx.state[key] = oneLine(ui.fields[key].value);
    }
    apply(true);
  }

  function fillForm() {
    for (const key of FILTER_KEYS) {
      const input = ui.fields[key];
      input.value = ctx.state[key];
      if (input.value !== ctx.state[key]) {
        ctx.state[key] = ""; // an outlet, entity or kind this timeline does not have
        input.value = "";
      }
    }
  }

  function setCurrent(m) {
    if (ctx.current && ctx.current.node) {
      ctx.current.node.classList.remove("current");
    }
    ctx.current = m;
    if (m) {
      m.node.classList.add("current");
    }
  }

  // Show entry `m` (clearing filters that hide it), make it current, scroll to it, focus it.
  function jump(m) {
    if (m.node.hidden) {
      ctx.state = Object.assign(emptyState(), { open: ctx.state.open });
      fillForm();
      apply(false);
    }
    setCurrent(m);
    ctx.state.at = m.id;
    writeHash();
    m.node.scrollIntoView({ block: "start" });
    m.node.focus({ preventScroll: true });
  }
  ctx.jump = jump;

  function toggle(m, open) {
    const want = open === undefined ? !m.open : open;
    setOpen(m, want, ctx.terms);
    const ids = new Set(ctx.state.open);
    if (want) {
      ids.add(m.id);
    } else {
      ids.delete(m.id);
    }
    ctx.state.open = ctx.models.filter((x) => ids.has(x.id)).map((x) => x.id);
    writeHash();
  }
  ctx.toggle = toggle;

  ctx.openSource = (m, n) => {
    if (!m.open) {
      toggle(m, true);
    }
    const item = m.citesNode.querySelector('li[data-n="' + Number(n) + '"]');
    if (item) {
      item.setAttribute("tabindex", "-1");
      item.scrollIntoView({ block: "nearest" });
      item.focus({ preventScroll: true });
    }
  };

  ctx.showEntity = (id) => {
    ctx.state.entity = str(id);
    fillForm();
    apply(true);
    ui.details.open = true;
    section.scrollIntoView({ block: "start" });
    ui.fields.entity.focus({ preventScroll: true });
  };

  function move(step) {
    const shown = ctx.models.filter((m) => ctx.visible.has(m));
    if (!shown.length) {
      return;
    }
    let i = ctx.current ? shown.indexOf(ctx.current) : -1;
    i = i < 0 ? (step > 0 ? 0 : shown.length - 1) : Math.min(Math.max(i + step, 0), shown.length - 1);
    jump(shown[i]);
  }

  function fromHash() {
    ctx.state = parseHash(location.hash);
    fillForm();
    for (const m of ctx.models) {
      setOpen(m, ctx.state.open.includes(m.id), ctx.terms);
    }
    apply(false);
    const at = ctx.models.find((m) => m.id === ctx.state.at && ctx.visible.has(m));
    if (at) {
      setCurrent(at);
      at.node.scrollIntoView({ block: "start" });
    }
  }

  // panels
  const entitiesSection = document.getElementById("entities");
  if (entitiesSection && ctx.entities.length) {
    entitiesSection.replaceWith(buildEntities(ctx, ctx.entities));
  }
  const disSection = document.getElementById("disagreements");
  if (disSection && Array.isArray(doc.disagreements) && doc.disagreements.length) {
    disSection.replaceWith(buildDisagreements(ctx, doc.disagreements));
  }
  if (hasChanges(doc.changes)) {
    section.after(buildChanges(ctx, doc.changes));
    const nav = document.querySelector("nav.sections");
    if (nav) {
      nav.insertBefore(pageLink("changes", null, "Since last build"), nav.children[1] || null);
    }
  }

  // events
  for (const key of FILTER_KEYS) {
    ui.fields[key].addEventListener(key === "q" ? "input" : "change", readForm);
  }
  const clear = () => {
    ctx.state = Object.assign(emptyState(), { open: ctx.state.open });
    fillForm();
    apply(true);
  };
  ui.reset.addEventListener("click", clear);
  noneReset.addEventListener("click", () => {
    clear();
    ui.fields.q.focus();
  });
  window.addEventListener("hashchange", () => {
    if (isStateHash(location.hash)) {
      fromHash();
      return;
    }
    const target = location.hash.startsWith("#entry-") ? ctx.models.find((m) => "#entry-" + m.id === location.hash) : null;
    if (target) {
      jump(target);
    }
  });
  // In-page links scroll without replacing the fragment, so the view stays shareable.
  document.addEventListener("click", (event) => {
    const a = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null;
    if (!a || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) {
      return;
    }
    const target = document.getElementById(decodeURIComponent(a.getAttribute("href").slice(1)));
    if (!target) {
      return;
    }
    event.preventDefault();
    const model = ctx.models.find((m) => m.node === target);
    if (model) {
      jump(model);
      return;
    }
    if (!target.hasAttribute("tabindex") && !target.matches("a, button, input, select, textarea")) {
      target.setAttribute("tabindex", "-1");
    }
    target.scrollIntoView({ block: "start" });
    target.focus({ preventScroll: true });
  });
  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    const t = event.target;
    const typing = t instanceof Element && t.matches("input, select, textarea, [contenteditable]");
    if (event.key === "Escape") {
      if (t === ui.fields.q && ui.fields.q.value) {
        ui.fields.q.value = "";
        readForm();
      } else if (typing) {
        t.blur();
      } else if (ctx.current && ctx.current.open) {
        toggle(ctx.current, false);
        ctx.current.node.focus({ preventScroll: true });
      } else if (ctx.current) {
        setCurrent(null);
        ctx.state.at = "";
        writeHash();
      }
      return;
    }
    if (typing) {
      return;
    }
    if (event.key === "/") {
      event.preventDefault();
      ui.fields.q.focus();
      ui.fields.q.select();
    } else if (event.key === "j" || event.key === "k") {
      event.preventDefault();
      move(event.key === "j" ? 1 : -1);
    } else if ((event.key === "Enter" || event.key === "o") && t instanceof Element && t.classList.contains("entry")) {
      event.preventDefault();
      const m = ctx.models.find((x) => x.node === t);
      if (m) {
        toggle(m);
      }
    }
  });
  document.addEventListener("focusin", (event) => {
    const li = event.target instanceof Element ? event.target.closest("li.entry") : null;
    const m = li ? ctx.models.find((x) => x.node === li) : null;
    if (m && m !== ctx.current) {
      setCurrent(m);
    }
  });
  let resizeTimer = 0;
  window.addEventListener("resize", () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => strip && drawYears(strip, ctx.visible), 150);
  });

  if (isStateHash(location.hash)) {
    fromHash();
  } else {
    apply(false);
    const target = location.hash.startsWith("#entry-") ? ctx.models.find((m) => "#entry-" + m.id === location.hash) : null;
    if (target) {
      jump(target);
    }
  }
  document.documentElement.setAttribute("data-viewer", "ready");
}

boot();
