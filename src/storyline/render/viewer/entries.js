// Entry cards: date, headline, supporting sentences with their source numbers, a meta line
// (support, outlets, kind of event, score) and the expandable sources, where each cited
// sentence is shown highlighted inside its paragraph of the article.

const HOW_WORDS = {
  "text-inferred": "date inferred from the text",
  "cross-reference": "date inferred from other articles",
};

function sourceName(ctx, n, fallback) {
  const s = ctx.sources.get(n);
  return s ? s.name : oneLine(fallback) || "unknown outlet";
}

function refLink(ctx, model, n) {
  if (n === null || n === undefined || !ctx.sources.has(n)) {
    return el("sup", null, "[?]");
  }
  const a = pageLink("src-" + n, { class: "ref", title: "source " + n + ": " + sourceName(ctx, n) }, "[" + n + "]");
  a.addEventListener("click", (event) => {
    event.preventDefault();
    ctx.openSource(model, n);
  });
  return el("sup", null, a);
}

function supportText(entry, view) {
  const n = Number(entry.sources) || 0;
  const ind = Number(entry.independent_sources) || 0;
  if (view && view.single_note) {
    return "single source: no other outlet publishing in these days reports it";
  }
  if (n <= 1) {
    return "1 report";
  }
  if (ind < n) {
    return plural(n, "report") + " from " + plural(ind, "independent source");
  }
  return plural(n, "independent report");
}

function buildEntry(ctx, model) {
  const entry = model.entry;
  const headId = "h-" + model.index;
  const citesId = "cites-" + model.index;
  const headText = el("span", { class: "text" });
  const head = el("h3", { id: headId }, headText);
  const sentences = (entry.sentences || []).map((s) => {
    const span = el("span", { class: "text" });
    const ref = refLink(ctx, model, ctx.numbers.get(s.article));
    return { text: oneLine(s.text), span, ref, node: el("p", null, span, ref) };
  });
  // a sentence that is the headline itself is not repeated: its source number goes on the headline
  const same = (a, b) => foldText(a).replace(/[\s.…]+$/, "") === foldText(b).replace(/[\s.…]+$/, "");
  const shown = sentences.filter((s) => {
    if (same(s.text, entry.headline) && head.childNodes.length === 1) {
      head.appendChild(s.ref);
      return false;
    }
    return true;
  });
  const outlets = [...new Set(model.cites.map((c) => sourceName(ctx, c.n, c.source)))];
  const shownOutlets = outlets.slice(0, 3).join(", ") + (outlets.length > 3 ? " +" + (outlets.length - 3) : "");
  const score = Number(entry.score);
  const toggle = el("button", {
    type: "button",
    class: "toggle",
    "aria-expanded": "false",
    "aria-controls": citesId,
  });
  const meta = el(
    "p",
    { class: "meta" },
    el("span", { class: model.single ? "support single" : "support corroborated" }, supportText(entry, model.view)),
    outlets.length ? [" · ", el("span", { class: "outlets" }, shownOutlets)] : null,
    model.kind ? [" · ", el("span", { class: "kind" }, model.kind)] : null,
    " ",
    toggle
  );
  const scoreNode = Number.isFinite(score)
    ? el("span", { class: "score", title: "ranking score: higher is more important" }, "score " + score.toFixed(2))
    : null;
  const citesNode = el("div", { id: citesId, class: "cites", hidden: true });
  const time = el("time", { datetime: model.start }, model.label);
  const li = el(
    "li",
    { class: "entry", id: "entry-" + model.id, tabindex: "-1", "aria-labelledby": headId },
    el("p", { class: "when" }, time, el("span", { class: "gran" }, str(entry.granularity)), scoreNode),
    el("div", { class: "body" }, head, shown.length ? el("blockquote", null, shown.map((s) => s.node)) : null, meta, citesNode)
  );
  toggle.addEventListener("click", () => ctx.toggle(model));
  Object.assign(model, { ctx, node: li, head, sentences, toggle, citesNode, open: false, citesTerms: null });
  return li;
}

// Refresh the highlighted text of a (visible) entry for the current search terms.
function paintEntry(model, terms) {
  setHighlighted(model.head.firstChild, oneLine(model.entry.headline), terms);
  for (const s of model.sentences) {
    setHighlighted(s.span, s.text, terms);
  }
  const hits = citeHits(model, terms);
  const count = plural(model.cites.length, "source");
  model.toggle.textContent = (model.open ? "Hide " : "Show ") + count + (hits ? " (" + hits + " matching)" : "");
  if (model.open && model.citesTerms !== terms.join("\u0000")) {
    fillCites(model, terms);
  }
}

function setOpen(model, open, terms) {
  model.open = open;
  model.toggle.setAttribute("aria-expanded", open ? "true" : "false");
  model.citesNode.hidden = !open;
  model.node.classList.toggle("is-open", open);
  if (open) {
    fillCites(model, terms);
  }
  paintEntry(model, terms);
}

function fillCites(model, terms) {
  const ctx = model.ctx;
  model.citesTerms = terms.join("\u0000");
  const list = el("ol", { class: "cite-list" });
  const order = (c) => (ctx.sources.has(c.n) ? c.n : Infinity);
  for (const c of [...model.cites].sort((a, b) => order(a) - order(b))) {
    list.appendChild(citeItem(ctx, model, c, terms));
  }
  model.citesNode.replaceChildren(list);
}

function citeItem(ctx, model, cite, terms) {
  const s = ctx.sources.get(cite.n);
  const name = sourceName(ctx, cite.n, cite.source);
  const head = el("p", { class: "cite-head" });
  if (s) {
    head.append(pageLink("src-" + s.n, { class: "num", title: "in the list of sources" }, "[" + s.n + "]"), " ");
  }
  head.append(el("strong", { class: "outlet", title: s && s.source_how ? "outlet from: " + s.source_how : null }, name));
  if (s && Array.isArray(s.credits) && s.credits.length) {
    head.append(el("span", { class: "credits" }, " · credits " + s.credits.map(oneLine).join(", ")));
  }
  if (s) {
    head.append(el("span", { class: "date" }, " · " + str(s.published_label)));
    if (HOW_WORDS[s.published_how]) {
      head.append(el("span", { class: "how" }, " (" + HOW_WORDS[s.published_how] + ")"));
    }
  }
  const item = el("li", { class: "cite", value: s ? s.n : null, "data-n": s ? s.n : null }, head);
  if (s && (s.title || s.href)) {
    const title = el("p", { class: "cite-title" });
    if (s.title) {
      title.append(el("span", null, "“" + oneLine(s.title) + "”"), " ");
    }
    if (safeHref(s.href)) {
      title.append(outLink(s.href, "open the article"));
    }
    item.appendChild(title);
  }
  item.appendChild(citedParagraph(ctx, cite, terms));
  return item;
}

// The paragraph holding the cited sentence, the sentence marked; the sentence alone when the
// page carries no paragraph for it.
function citedParagraph(ctx, cite, terms) {
  const p = el("p");
  const para = Number.isInteger(cite.para) ? ctx.paragraphs[cite.para] : null;
  let parts = null;
  if (para && typeof para.text === "string" && para.article === cite.article) {
    const a = cite.start - para.start;
    const b = cite.end - para.start;
    if (Number.isInteger(a) && Number.isInteger(b) && a >= 0 && a < b && b <= para.text.length) {
      parts = [para.text.slice(0, a), para.text.slice(a, b), para.text.slice(b)];
    }
  }
  if (parts === null) {
    parts = ["", oneLine(cite.text), ""];
  }
  const mark = el("mark", { class: "cited" }, highlighted(parts[1], terms));
  p.append(highlighted(parts[0], terms), mark, highlighted(parts[2], terms));
  return el("blockquote", { class: parts[0] || parts[2] ? "para" : "para alone" }, p);
}
