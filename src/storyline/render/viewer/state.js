// The view's state (search, filters, open entries) and its URL fragment, and the entry models
// that the filters test.
//
// Fragment: #q=dam+filling&outlet=Reuters&entity=ID&from=2020-01-01&to=2020-12-31
//           &kind=statement&support=single&open=ID1,ID2&at=ID

const FILTER_KEYS = ["q", "outlet", "entity", "from", "to", "kind", "support"];
const SUPPORT_VALUES = ["", "corroborated", "single"];

function emptyState() {
  return { q: "", outlet: "", entity: "", from: "", to: "", kind: "", support: "", open: [], at: "" };
}

function isStateHash(hash) {
  return /^#?[a-z]+=/.test(str(hash));
}

function parseHash(hash) {
  const state = emptyState();
  if (!isStateHash(hash)) {
    return state;
  }
  const params = new URLSearchParams(str(hash).replace(/^#/, ""));
  for (const key of FILTER_KEYS) {
    state[key] = oneLine(params.get(key) || "").slice(0, 500);
  }
  for (const key of ["from", "to"]) {
    if (!isDay(state[key])) {
      state[key] = "";
    }
  }
  if (!SUPPORT_VALUES.includes(state.support)) {
    state.support = "";
  }
  state.open = (params.get("open") || "").split(",").filter(Boolean);
  state.at = params.get("at") || "";
  return state;
}

function stateHash(state) {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    if (state[key]) {
      params.set(key, state[key]);
    }
  }
  if (state.open.length) {
    params.set("open", state.open.join(","));
  }
  if (state.at) {
    params.set("at", state.at);
  }
  const text = params.toString();
  return text ? "#" + text : "";
}

function activeFilters(state) {
  return FILTER_KEYS.filter((key) => key !== "q" && state[key]).length;
}

// One model per entry: what the filters and the search look at.
function entryModels(doc) {
  const view = doc.viewer || {};
  const sources = new Map((view.sources || []).map((s) => [s.n, s]));
  const entities = new Set((doc.entities || []).map((e) => e.id));
  const views = view.entries || [];
  return (doc.entries || []).map((entry, index) => {
    const v = views[index] && views[index].id === entry.id ? views[index] : {};
    const cites = Array.isArray(v.cites) ? v.cites : [];
    const outlets = new Set();
    for (const c of cites) {
      const s = sources.get(c.n);
      outlets.add(s ? s.name : oneLine(c.source) || "unknown outlet");
    }
    const named = new Set((v.entities || []).filter((id) => entities.has(id)));
    const event = entry.event && typeof entry.event === "object" ? entry.event : null;
    for (const p of (event && Array.isArray(event.participants) ? event.participants : [])) {
      const id = typeof p === "string" ? p : p && p.id;
      if (entities.has(id)) {
        named.add(id);
      }
    }
    const sentences = (entry.sentences || []).map((s) => oneLine(s.text));
    const texts = [oneLine(entry.headline), ...sentences, ...cites.map((c) => oneLine(c.text))];
    return {
      index,
      id: str(entry.id),
      entry,
      view: v,
      cites,
      label: str(v.label) || str(entry.date),
      start: isDay(v.start) ? v.start : str(entry.date),
      end: isDay(v.end) ? v.end : str(entry.date),
      outlets,
      entities: named,
      kind: event && typeof event.kind === "string" ? event.kind : "",
      single: Boolean(entry.single_source) || Number(entry.independent_sources) <= 1,
      search: foldText(texts.join("\n")),
      citeSearch: cites.map((c) => foldText(c.text)),
      node: null,
    };
  });
}

function matches(model, state, terms) {
  if (state.outlet && !model.outlets.has(state.outlet)) {
    return false;
  }
  if (state.entity && !model.entities.has(state.entity)) {
    return false;
  }
  if (state.from && model.end < state.from) {
    return false;
  }
  if (state.to && model.start > state.to) {
    return false;
  }
  if (state.kind && model.kind !== state.kind) {
    return false;
  }
  if (state.support === "single" && !model.single) {
    return false;
  }
  if (state.support === "corroborated" && model.single) {
    return false;
  }
  return terms.every((t) => model.search.includes(t));
}

// How many of an entry's citations hold every term (shown on its "sources" button).
function citeHits(model, terms) {
  if (!terms.length) {
    return 0;
  }
  return model.citeSearch.filter((text) => terms.every((t) => text.includes(t))).length;
}
