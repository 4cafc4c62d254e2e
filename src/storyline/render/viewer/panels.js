// The panels beside the timeline: entities (every name, and the names each outlet uses: the
// framing view), disagreements (the sides of each, next to each other, with their sources) and,
// when the data carries `changes`, what changed since the last build.

const ENTITY_PREVIEW = 15;

function sectionHead(id, title, note) {
  return [el("h2", { id: id + "-title" }, title), note ? el("p", { class: "note" }, note) : null];
}

function outletNames(entity) {
  const by = entity.alias_counts_by_source;
  const rows = [];
  if (by && typeof by === "object") {
    for (const outlet of Object.keys(by).sort()) {
      const counts = by[outlet] && typeof by[outlet] === "object" ? by[outlet] : {};
      const names = Object.keys(counts)
        .map((name) => [name, Number(counts[name]) || 0])
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      rows.push({ outlet: outlet === "unknown" ? "unknown outlet" : outlet, names });
    }
  }
  return rows;
}

function framed(rows) {
  const top = new Set(rows.filter((r) => r.names.length).map((r) => r.names[0][0]));
  return top.size > 1;
}

function buildEntities(ctx, entities) {
  const section = el("section", { id: "entities", "aria-labelledby": "entities-title" });
  section.append(...sectionHead("entities", "Entities", "People, places and organisations, with every name they go by and the names each outlet uses."));
  const find = el("input", { type: "search", id: "entity-find", autocomplete: "off" });
  const onlyFramed = el("input", { type: "checkbox", id: "entity-framed" });
  const controls = el(
    "div",
    { class: "panel-controls" },
    el("label", { for: "entity-find" }, "Find an entity"),
    find,
    el("label", { class: "check" }, onlyFramed, " Only those outlets name differently")
  );
  const tbody = el("tbody");
  const table = el(
    "table",
    { class: "entities" },
    el("caption", { class: "sr-only" }, "Entities and the names each outlet uses"),
    el("thead", null, el("tr", null, el("th", { scope: "col" }, "Entity"), el("th", { scope: "col" }, "Mentions"), el("th", { scope: "col" }, "Names by outlet"), el("th", { scope: "col" }, "Entries")))
  );
  table.appendChild(tbody);
  const more = el("button", { type: "button", class: "more" });
  const empty = el("p", { class: "note", hidden: true }, "No entity matches.");
  section.append(controls, el("div", { class: "table-wrap" }, table), empty, more);
  const rows = entities.map((e) => {
    const outlets = outletNames(e);
    const names = [oneLine(e.name), ...(e.aliases || []).map(oneLine)];
    const search = foldText(names.join("\n"));
    const count = ctx.models.filter((m) => m.entities.has(e.id)).length;
    const usage = el("ul", { class: "names" });
    for (const r of outlets) {
      usage.appendChild(el("li", null, el("span", { class: "outlet" }, r.outlet + ": "), r.names.map(([name, n], i) => [i ? ", " : "", el(name === e.name ? "span" : "em", null, oneLine(name)), el("span", { class: "count" }, " " + n)])));
    }
    const aliases = [...new Set((e.aliases || []).map(oneLine))].filter((a) => a && a !== oneLine(e.name));
    const nameCell = el("th", { scope: "row" }, el("span", { class: "ename" }, oneLine(e.name)), " ", el("span", { class: "etype" }, str(e.type)));
    if (aliases.length) {
      nameCell.append(el("p", { class: "aliases" }, "also: " + aliases.join(", ")));
    }
    if (Array.isArray(e.merges) && e.merges.length) {
      nameCell.append(el("details", null, el("summary", null, "why merged"), el("ul", null, e.merges.map((m) => el("li", null, oneLine(m))))));
    }
    let action = el("span", { class: "note" }, "none");
    if (count) {
      action = el("button", { type: "button", class: "show-entity", "aria-label": "Show " + plural(count, "entry", "entries") + " naming " + oneLine(e.name) }, "Show " + count);
      action.addEventListener("click", () => ctx.showEntity(e.id));
    }
    const tr = el("tr", null, nameCell, el("td", null, String(Number(e.mentions) || 0)), el("td", null, outlets.length ? usage : "—"), el("td", null, action));
    return { tr, search, framed: framed(outlets) };
  });
  let expanded = false;
  const update = () => {
    const terms = queryTerms(find.value);
    const matching = rows.filter((r) => (!onlyFramed.checked || r.framed) && terms.every((t) => r.search.includes(t)));
    const limit = expanded || terms.length ? matching.length : ENTITY_PREVIEW;
    tbody.replaceChildren(...matching.slice(0, limit).map((r) => r.tr));
    empty.hidden = matching.length > 0;
    more.hidden = matching.length <= limit && !expanded;
    more.textContent = expanded ? "Show fewer entities" : "Show all " + matching.length + " entities";
    more.setAttribute("aria-expanded", expanded ? "true" : "false");
  };
  find.addEventListener("input", update);
  onlyFramed.addEventListener("change", update);
  more.addEventListener("click", () => {
    expanded = !expanded;
    update();
  });
  update();
  return section;
}

function buildDisagreements(ctx, disagreements) {
  const section = el("section", { id: "disagreements", "aria-labelledby": "disagreements-title" });
  section.append(...sectionHead("disagreements", "Disagreements", "Where the sources give different figures, dates, places or speakers for the same thing."));
  disagreements.forEach((d, i) => {
    const sides = new Map();
    for (const c of d.claims || []) {
      const key = foldText(oneLine(c.value));
      if (!sides.has(key)) {
        sides.set(key, { value: oneLine(c.value), claims: [] });
      }
      sides.get(key).claims.push(c);
    }
    const grid = el("div", { class: "sides" });
    for (const side of sides.values()) {
      const claims = el("ul", { class: "claims" });
      for (const c of side.claims) {
        const n = ctx.numbers.get(c.article);
        const who = el("p", { class: "who" });
        if (n !== undefined) {
          who.append(pageLink("src-" + n, { class: "num" }, "[" + n + "]"), " ");
        }
        who.append(sourceName(ctx, n, c.source));
        claims.appendChild(el("li", null, el("blockquote", null, el("p", null, oneLine(c.text))), who));
      }
      grid.appendChild(el("div", { class: "side" }, el("p", { class: "value" }, side.value), claims));
    }
    section.appendChild(
      el("article", { class: "disagreement", "aria-labelledby": "dis-" + i }, el("h3", { id: "dis-" + i }, oneLine(d.about), " ", el("span", { class: "gran" }, str(d.kind))), grid)
    );
  });
  return section;
}

function changeItems(ctx, items, retired) {
  const list = el("ul", { class: "changes-list" });
  for (const item of items) {
    const id = typeof item === "string" ? item : item && typeof item === "object" ? str(item.id) : "";
    const model = retired ? null : ctx.models.find((m) => m.id === id);
    if (model) {
      const button = el("button", { type: "button", class: "linklike" }, model.label + ": " + oneLine(model.entry.headline));
      button.addEventListener("click", () => ctx.jump(model));
      list.appendChild(el("li", null, button));
      continue;
    }
    const obj = item && typeof item === "object" ? item : {};
    const when = oneLine(obj.label || obj.date || "");
    const what = oneLine(obj.headline || obj.title || obj.text || "");
    list.appendChild(el("li", null, what ? (when ? when + ": " : "") + what : retired ? "an entry no longer in the timeline" : "an entry"));
  }
  if (!items.length) {
    list.appendChild(el("li", { class: "note" }, "none"));
  }
  return list;
}

function buildChanges(ctx, changes) {
  const lists = ["new", "updated", "retired"].map((k) => (Array.isArray(changes[k]) ? changes[k] : []));
  const section = el("section", { id: "changes", "aria-labelledby": "changes-title" });
  const summary = lists[0].length + " new, " + lists[1].length + " updated, " + lists[2].length + " retired since the last build.";
  section.append(...sectionHead("changes", "Since last build", summary));
  const names = ["New", "Updated", "Retired"];
  const grid = el("div", { class: "change-cols" });
  lists.forEach((items, i) => {
    grid.appendChild(el("div", { class: "change-col" }, el("h3", null, names[i] + " (" + items.length + ")"), changeItems(ctx, items, i === 2)));
  });
  section.appendChild(grid);
  return section;
}

function hasChanges(changes) {
  return Boolean(changes) && typeof changes === "object" && ["new", "updated", "retired"].some((k) => Array.isArray(changes[k]));
}
