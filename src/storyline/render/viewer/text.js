// DOM and text helpers. Every string from the data reaches the page through `el` (as a text
// node or an attribute value) or `safeHref`; nothing is ever parsed as HTML.

const SVG_NS = "http://www.w3.org/2000/svg";

// Characters no link target may hold (controls, bidi overrides, quotes, angle brackets).
// eslint-disable-next-line no-control-regex
const URL_BAD = /[\u0000-\u0020\u007f-\u009f\u202a-\u202e\u2066-\u2069"<>\\`]/;

function setAttrs(node, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (/^on/i.test(key) || key === "href" || key === "src" || key === "style") {
      throw new Error("el: attribute " + key + " is not allowed here");
    }
    if (key === "text") {
      node.textContent = String(value);
    } else if (key === "class") {
      node.setAttribute("class", String(value));
    } else if (key === "hidden") {
      node.hidden = true;
    } else {
      node.setAttribute(key, value === true ? "" : String(value));
    }
  }
}

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(node, child);
    } else if (typeof child === "string" || typeof child === "number") {
      node.appendChild(document.createTextNode(String(child)));
    } else {
      node.appendChild(child);
    }
  }
  return node;
}

// el("p", {class: "x"}, "text", child, ...): an element with attributes and children.
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  return append(node, children);
}

function svg(tag, attrs) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  return node;
}

// The URL when it is an absolute http(s) URL without suspicious characters, else null.
function safeHref(url) {
  if (typeof url !== "string" || url === "" || URL_BAD.test(url)) {
    return null;
  }
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if ((parsed.protocol !== "http:" && parsed.protocol !== "https:") || !parsed.host) {
    return null;
  }
  return url;
}

// A link out of the page, or the plain text when the URL is not a safe http(s) URL.
function outLink(url, text) {
  const href = safeHref(url);
  if (href === null) {
    return el("span", null, text);
  }
  const a = el("a", { rel: "noopener noreferrer", referrerpolicy: "no-referrer" }, text);
  a.href = href;
  return a;
}

// An in-page link ("#id"); ids come from the data, so they are set as properties.
function pageLink(id, attrs, ...children) {
  const a = el("a", attrs, ...children);
  a.href = "#" + id;
  return a;
}

function str(value) {
  return typeof value === "string" ? value : value === null || value === undefined ? "" : String(value);
}

function oneLine(value) {
  return str(value).replace(/\s+/g, " ").trim();
}

function plural(n, word, many) {
  return n + " " + (n === 1 ? word : many || word + "s");
}

// Case- and accent-insensitive text: `folded` with `map[i]` = index in the original string.
function fold(text) {
  let folded = "";
  const map = [];
  for (let i = 0; i < text.length; i++) {
    const piece = text[i].normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    for (let k = 0; k < piece.length; k++) {
      map.push(i);
    }
    folded += piece;
  }
  map.push(text.length);
  return { folded, map };
}

function foldText(text) {
  return fold(str(text)).folded;
}

// Search terms of a query: words, or "quoted phrases", folded.
function queryTerms(query) {
  const terms = [];
  const re = /"([^"]+)"|(\S+)/g;
  let m;
  while ((m = re.exec(str(query))) !== null) {
    const term = foldText((m[1] || m[2]).trim());
    if (term) {
      terms.push(term);
    }
  }
  return terms;
}

// `text` as a fragment whose parts matching any term are wrapped in <mark class="hit">.
function highlighted(text, terms) {
  const value = str(text);
  const frag = document.createDocumentFragment();
  if (!terms || terms.length === 0) {
    frag.appendChild(document.createTextNode(value));
    return frag;
  }
  const { folded, map } = fold(value);
  const ranges = [];
  for (const term of terms) {
    let at = folded.indexOf(term);
    while (at >= 0) {
      ranges.push([map[at], map[at + term.length - 1] + 1]);
      at = folded.indexOf(term, at + term.length);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let pos = 0;
  for (const [start, end] of ranges) {
    if (end <= pos) {
      continue;
    }
    const from = Math.max(start, pos);
    if (from > pos) {
      frag.appendChild(document.createTextNode(value.slice(pos, from)));
    }
    frag.appendChild(el("mark", { class: "hit" }, value.slice(from, end)));
    pos = end;
  }
  if (pos < value.length) {
    frag.appendChild(document.createTextNode(value.slice(pos)));
  }
  return frag;
}

function setHighlighted(node, text, terms) {
  node.replaceChildren(highlighted(text, terms));
}

// Dates are ISO strings ("YYYY-MM-DD"), compared as strings.
const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];

function monthIndex(day) {
  return Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
}

function monthLabel(index) {
  return MONTHS[index % 12] + " " + Math.floor(index / 12);
}

function isDay(value) {
  return /^\d{4}-\d{2}-\d{2}$/.test(str(value));
}
