"""The stylesheet inlined into timeline.html (screen and print). Allowed by its CSP hash."""

CSS = """
:root { --ink: #1d1d1f; --muted: #5f6368; --rule: #d0d4d9; --accent: #8a2c0d; --bg: #fff; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 46rem; padding: 1.5rem 1rem 3rem; color: var(--ink);
  background: var(--bg); font: 17px/1.55 Georgia, "Times New Roman", serif; }
h1, h2, h3 { font-family: "Helvetica Neue", Arial, sans-serif; line-height: 1.25; }
h1 { font-size: 1.9rem; margin: 0 0 .5rem; }
h2 { font-size: 1.3rem; margin-top: 2.5rem; border-bottom: 1px solid var(--rule); }
nav { font: .9rem "Helvetica Neue", Arial, sans-serif; color: var(--muted); }
nav a { margin-right: .8rem; }
a { color: var(--accent); }
.query, .meta, .note, .gran, footer { color: var(--muted); font-size: .9rem; }
.summary { font-size: 1.05rem; }
ol.timeline { list-style: none; margin: 1rem 0; padding: 0 0 0 1.4rem;
  border-left: 3px solid var(--rule); }
ol.timeline > li { position: relative; margin: 0 0 2rem; break-inside: avoid; }
ol.timeline > li::before { content: ""; position: absolute; left: -1.95rem; top: .45rem;
  width: .8rem; height: .8rem; border-radius: 50%; background: var(--accent); }
ol.timeline time { font: bold .95rem "Helvetica Neue", Arial, sans-serif; color: var(--accent); }
ol.timeline h3 { margin: .2rem 0 .5rem; font-size: 1.1rem; }
blockquote { margin: .4rem 0; padding-left: .8rem; border-left: 2px solid var(--rule); }
blockquote p { margin: .3rem 0; }
sup a { text-decoration: none; font-size: .75rem; }
.sources { font-size: .9rem; margin: .3rem 0; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem;
  border-bottom: 1px solid var(--rule); }
ol.sources-list li { margin-bottom: .4rem; }
code, pre { font: .85rem Menlo, Consolas, monospace; overflow-wrap: anywhere; }
pre { white-space: pre-wrap; background: #f6f7f8; padding: .6rem; }
@media print {
  body { max-width: none; font-size: 11pt; }
  nav { display: none; }
  a { color: inherit; }
  ol.timeline > li::before { background: #000; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .8em; }
}
"""
