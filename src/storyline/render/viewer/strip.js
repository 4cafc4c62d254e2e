// The overview strip: the whole story on one time axis. Bars give the density of entries by
// month (an entry covering a year counts 1/12 in each of its months), ticks mark the entries;
// long empty stretches are shortened (a dashed line marks the cut). Clicking jumps to the
// nearest entry; the year buttons under it jump to a year.

const STRIP_W = 1000;
const BAR_H = 44;
const TICK_Y = 50;
const TICK_H = 10;
const GAP_MONTHS = 24; // an empty stretch longer than this is shortened ...
const GAP_WIDTH = 4; // ... to the width of this many months

function stripAxis(models) {
  if (!models.length) {
    return null;
  }
  let first = Infinity;
  let last = -Infinity;
  const weight = new Map();
  for (const m of models) {
    const a = monthIndex(m.start);
    const b = Math.max(a, monthIndex(m.end));
    first = Math.min(first, a);
    last = Math.max(last, b);
    for (let k = a; k <= b; k++) {
      weight.set(k, (weight.get(k) || 0) + 1 / (b - a + 1));
    }
  }
  // width of each month: 1, or a share of GAP_WIDTH inside a long empty stretch
  const widths = [];
  const gaps = [];
  let k = first;
  while (k <= last) {
    if (weight.has(k)) {
      widths.push(1);
      k++;
      continue;
    }
    let end = k;
    while (end <= last && !weight.has(end)) {
      end++;
    }
    const run = end - k;
    const w = run > GAP_MONTHS ? GAP_WIDTH / run : 1;
    if (run > GAP_MONTHS) {
      gaps.push(widths.length + run / 2);
    }
    for (let i = 0; i < run; i++) {
      widths.push(w);
    }
    k = end;
  }
  const offsets = [0];
  for (const w of widths) {
    offsets.push(offsets[offsets.length - 1] + w);
  }
  const total = offsets[offsets.length - 1] || 1;
  const scale = STRIP_W / total;
  // x of a day ("YYYY-MM-DD"): its month's start plus the share of the month gone
  const x = (day) => {
    const i = Math.min(Math.max(monthIndex(day) - first, 0), widths.length - 1);
    const d = Number(day.slice(8, 10)) || 1;
    return (offsets[i] + (widths[i] * (d - 1)) / 31) * scale;
  };
  const xEnd = (day) => {
    const i = Math.min(Math.max(monthIndex(day) - first, 0), widths.length - 1);
    const d = Number(day.slice(8, 10)) || 31;
    return (offsets[i] + (widths[i] * d) / 31) * scale;
  };
  const gapX = gaps.map((g) => {
    const i = Math.floor(g);
    return (offsets[i] + widths[i] * (g - i)) * scale;
  });
  return { first, last, widths, offsets, scale, x, xEnd, gapX };
}

function buildStrip(models, onJump) {
  const axis = stripAxis(models);
  if (axis === null) {
    return null;
  }
  const figure = el("figure", { class: "overview", "aria-labelledby": "overview-caption" });
  const caption = el("figcaption", { id: "overview-caption", class: "overview-caption" });
  const chart = svg("svg", {
    viewBox: "0 0 " + STRIP_W + " " + (TICK_Y + TICK_H),
    preserveAspectRatio: "none",
    class: "strip",
    "aria-hidden": "true",
    focusable: "false",
  });
  const bars = svg("g", { class: "bars" });
  const ticks = svg("g", { class: "ticks" });
  const marks = svg("g", { class: "gaps" });
  chart.append(bars, ticks, marks);
  for (const gx of axis.gapX) {
    marks.appendChild(svg("line", { x1: gx, x2: gx, y1: 0, y2: TICK_Y + TICK_H, class: "gap" }));
  }
  const years = el("div", { class: "years" });
  figure.append(caption, chart, years);
  for (const m of models) {
    const x0 = axis.x(m.start);
    const w = Math.max(axis.xEnd(m.end) - x0, 3);
    m.tickClass = w > 12 ? "tick wide" : "tick";
    const tick = svg("rect", { x: x0, y: TICK_Y, width: w, height: TICK_H, class: m.tickClass });
    const title = svg("title");
    title.textContent = m.label + ": " + oneLine(m.entry.headline);
    tick.appendChild(title);
    ticks.appendChild(tick);
    m.tick = tick;
  }
  chart.addEventListener("click", (event) => {
    const box = chart.getBoundingClientRect();
    if (box.width > 0) {
      onJump((STRIP_W * (event.clientX - box.left)) / box.width);
    }
  });
  const strip = { axis, figure, caption, bars, years, models, onJump };
  return strip;
}

// Redraw the bars for the visible entries and the year buttons for the current width.
function updateStrip(strip, visible) {
  const { axis, bars } = strip;
  const all = new Map();
  const shown = new Map();
  for (const m of strip.models) {
    const a = monthIndex(m.start);
    const b = Math.max(a, monthIndex(m.end));
    for (let k = a; k <= b; k++) {
      all.set(k, (all.get(k) || 0) + 1 / (b - a + 1));
      if (visible.has(m)) {
        shown.set(k, (shown.get(k) || 0) + 1 / (b - a + 1));
      }
    }
    m.tick.setAttribute("class", visible.has(m) ? m.tickClass : m.tickClass + " off");
  }
  const peak = Math.max(...all.values(), 1);
  bars.replaceChildren();
  for (const [k, count] of [...all.entries()].sort((p, q) => p[0] - q[0])) {
    const i = k - axis.first;
    const x = axis.offsets[i] * axis.scale;
    const w = Math.max(axis.widths[i] * axis.scale - 0.5, 1);
    const h = Math.max((BAR_H * count) / peak, 2);
    bars.appendChild(svg("rect", { x, y: BAR_H - h, width: w, height: h, class: "bar all" }));
    const s = shown.get(k) || 0;
    if (s > 0) {
      const hs = Math.max((BAR_H * s) / peak, 2);
      const bar = svg("rect", { x, y: BAR_H - hs, width: w, height: hs, class: "bar shown" });
      const title = svg("title");
      const n = Math.round(s * 10) / 10;
      title.textContent = monthLabel(k) + ": " + n + (n === 1 ? " entry" : " entries");
      bar.appendChild(title);
      bars.appendChild(bar);
    }
  }
  const span = Math.floor(axis.first / 12) + "–" + Math.floor(axis.last / 12);
  strip.caption.textContent =
    "Overview, " + span + ": " + plural(visible.size, "entry", "entries") + " shown" +
    (axis.gapX.length ? "; dashed lines shorten long empty stretches" : "") + ".";
  drawYears(strip, visible);
}

function drawYears(strip, visible) {
  const { axis, years } = strip;
  const width = years.clientWidth || 600;
  const minGap = (56 / width) * STRIP_W; // keep labels ~56 px apart
  const firstYear = Math.floor(axis.first / 12);
  const lastYear = Math.floor(axis.last / 12);
  const candidates = [];
  for (let y = firstYear; y <= lastYear; y++) {
    const k = Math.max(y * 12, axis.first) - axis.first;
    const inside = axis.widths.slice(k, Math.min(y * 12 + 12, axis.last + 1) - axis.first);
    if (inside.some((w) => w === 1)) {
      candidates.push({ y, x: axis.offsets[k] * axis.scale });
    }
  }
  years.replaceChildren();
  let lastX = -Infinity;
  for (const c of candidates) {
    if (c.x - lastX < minGap || c.x > STRIP_W - minGap / 2) {
      continue;
    }
    const has = strip.models.some(
      (m) => visible.has(m) && Number(m.end.slice(0, 4)) >= c.y
    );
    const button = el("button", {
      type: "button",
      class: "year",
      "aria-label": "Jump to " + c.y,
      disabled: !has,
    }, String(c.y));
    button.style.left = ((100 * c.x) / STRIP_W).toFixed(2) + "%";
    button.addEventListener("click", () => strip.onJump(c.x, c.y));
    years.appendChild(button);
    lastX = c.x;
  }
}

// The visible entry nearest to x (strip units); with `year`, the first one ending in or after it.
function nearestEntry(strip, visible, x, year) {
  let best = null;
  let bestDist = Infinity;
  for (const m of strip.models) {
    if (!visible.has(m)) {
      continue;
    }
    if (year !== undefined) {
      if (Number(m.end.slice(0, 4)) >= year) {
        return m;
      }
      continue;
    }
    const x0 = strip.axis.x(m.start);
    const x1 = strip.axis.xEnd(m.end);
    const dist = x < x0 ? x0 - x : x > x1 ? x - x1 : 0;
    if (dist < bestDist) {
      best = m;
      bestDist = dist;
    }
  }
  return best;
}
