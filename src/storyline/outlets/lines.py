"""Boilerplate lines that name the page's outlet, read before the cleaner removes them (and
from an HTML page's footer, which the extractor drops).

    site_header(["Harbour Times - Latest News and Updates", "Dravonia detains ...", ...])
        -> Evidence("Harbour Times", "site-header", 0.85, ...)
    line_evidence("© 2019 Port Anselm Gazette. All rights reserved.")
        -> [Evidence("Port Anselm Gazette", "footer", 0.85, ...)]

The shapes (each anchored to the kind of line that carries it, so that a story sentence
quoting an outlet, "As the Harbour Times first reported", never counts):

- site header: the first line, "Name - tagline" or "NAME | Section", above a headline;
- mastheads: "X | Section" (X with an outlet's word, or known);
- bylines: "By Jane Doe, X" (X with an outlet's word, or known), "By X staff",
  "By X Europe correspondent", "Reporting by X correspondents",
  "(Reporting by X desk with Reuters)", a sign-off "(X)" on its own line;
- footers: "© 2019 X", "X © 2022", "X welcomes comments", "Views expressed in the comments do
  not represent those of X", "X, part of Y", "X — independent news since 1998", "X | Terms";
- plugs: "Sign up for the X's morning briefing", "Get the X morning briefing", "X's editors
  pick ...", "X is reader-funded".

A name must be plausible (`outlets.names.plausible_outlet`): one to six capitalised words,
not generic ("Morning Briefing"), not a country. A news agency named in a byline is a credit
(read by `clean.credits`), not the outlet; the comment-policy line is the exception, since
it speaks for the page's own publisher.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from storyline.data import table
from storyline.outlets.evidence import Evidence
from storyline.outlets.names import display_name, plausible_outlet
from storyline.outlets.table import by_name, is_wire

# A capitalised name of one to six words ("Port Anselm Gazette", "Globe & Anchor", "Summit FM").
# A dot ends a name ("© 2019 X. All rights reserved") except in dotted capitals ("U.S.").
_TOKEN = r"(?:[A-Z]\.){2,}|[A-Z0-9][\w&'’\-]*"
_JOIN = r"(?:of|the|and|&|de|du|la|le|el|al|on|for|in)"
# Words that open a line of chrome, never an outlet's name ("Get the Ledger's briefing").
_NOT_FIRST = (
    r"(?!(?:Get|Sign|Subscribe|Join|Follow|Read|Listen|Watch|Every|Support|Download|Register|"
    r"Log|Our|Your|For|From|Contact|About|Home|Terms|Privacy|Advertise|Help|Cookies|Back|Skip|"
    r"More|Latest|Share|Print|Email|Comments?|Tags?|Related|Photo|Credit|Please|Newsletter)\b)"
)
_NAME = rf"{_NOT_FIRST}(?:{_TOKEN})(?: (?:{_TOKEN}|{_JOIN}(?= [A-Z0-9&]))){{0,5}}"
_LAZY_NAME = rf"{_NOT_FIRST}(?:{_TOKEN})(?: (?:{_TOKEN}|{_JOIN}(?= [A-Z0-9&]))){{0,5}}?"
_THE = r"(?:[Tt]he )??"  # lazy: "The Northern Ledger" keeps its "The"
# Desk and beat words between an outlet's name and "correspondent" ("By X Europe correspondent").
_SECTION = (
    r"(?i:europe|european|world|foreign|political|politics|business|economics?|health|science|"
    r"energy|diplomatic|security|defen[cs]e|africa|asia|americas?|middle east|washington|"
    r"london|brussels|paris|moscow|beijing|tokyo|berlin|geneva|un|u\.n\.|"
    r"sports?|environment|climate|technology|tech|legal|courts?|crime|education|culture|"
    r"night|chief|senior|special)"
)
# "staff", "Staff", "correspondent(s)": the role words; "team" and "newsroom" only in lower
# case ("Atlas Newsroom" is a name)
_ROLE = r"(?:[Ss]taff(?: [Ww]riters?| [Rr]eporters?)?|[Rr]eporters?|journalists|team|newsroom)"
_STAFF = rf"(?:(?:{_SECTION} )?{_ROLE})"
_DESK = rf"(?:(?:{_SECTION} )?(?:[Cc]orrespondents?|desk|[Bb]ureau|editors?|team))"

_SITE_SEP = re.compile(r"^(?P<name>.{2,60}?)\s+(?:[|\-–—•·])\s+(?P<tag>.{2,70})$")
_TAG_WORD = re.compile(r"^(?:[A-Z0-9][\w'’\-]*|&|and|of|the|for|in|on|to|,)$")

_BY_STAFF = re.compile(rf"^By {_THE}(?P<name>{_LAZY_NAME}) (?:{_STAFF}|{_DESK})\b")
_REPORTING = re.compile(
    rf"(?i:(?:additional )?reporting (?:by|from)) {_THE}(?P<name>{_LAZY_NAME}) "
    rf"(?:{_STAFF}|{_DESK})\b"
)
_SIGN_OFF = re.compile(rf"^\((?P<name>{_NAME})\)\.?$")
# "By Tomas Ruud, Dravsborg Evening News": a reporter's name, then the outlet, the whole line
_PERSON = r"[A-Z][\w.'’\-]*(?: (?:[A-Z][\w.'’\-]*|van|von|de|da|del|al|bin|le|la)){1,3}"
_BY_PERSON_OUTLET = re.compile(rf"^By {_PERSON}(?:,| for| of) {_THE}(?P<name>{_NAME})\.?$")
# a masthead in the page's chrome: "Dravsborg Evening News | Sport"
_MASTHEAD = re.compile(
    rf"^(?P<name>{_NAME}) [|] (?P<tag>[^|]{{2,30}}(?: [|] [^|]{{2,30}}){{0,3}})$"
)
_COPYRIGHT = re.compile(
    rf"^(?:©|\([cC]\)|(?i:copyright))(?:\s*(?:©|\([cC]\)))?\s*"
    rf"(?:\d{{4}}(?:\s*[-–]\s*\d{{4}})?\s*)?(?:by )?"
    rf"(?P<name>{_NAME})"
)
_NAME_COPYRIGHT = re.compile(rf"^(?P<name>{_NAME})\s*(?:©|\([cC]\)|(?i:copyright))\s*\d{{4}}")
_WELCOMES = re.compile(rf"^{_THE}(?P<name>{_NAME}) welcomes (?:your )?comments\b")
_NOT_VIEWS_OF = re.compile(
    rf"\b(?i:do(?:es)? not (?:necessarily )?(?:represent|reflect) (?:the views of|those of)) "
    rf"{_THE}(?P<name>{_NAME})"
)
_PART_OF = re.compile(rf"^(?P<name>{_NAME}),? (?:is )?(?:a )?part of {_THE}{_NAME}")
_SINCE = re.compile(
    rf"^(?P<name>{_NAME})\s*[—–\-·|•:]\s*[^.!?]{{0,60}}\b(?i:since) (?:1[89]|20)\d\d\b"
)
_FOOTER_LINKS = re.compile(
    rf"^(?P<name>{_NAME})\s*[|·•]\s*(?i:terms|privacy|about|contact|advertise|cookies)\b"
)
_SIGN_UP = re.compile(
    rf"\b(?i:sign up (?:for|to)|subscribe to|get|receive) {_THE}(?P<name>{_LAZY_NAME})"
    r"(?:'s|’s)? (?:[a-z]+ ){0,2}(?i:briefing|newsletter|email|e-mail|digest|bulletin|"
    r"round-?up|alerts?)\b"
)
_POSSESSIVE_PLUG = re.compile(
    rf"(?:^|[,.;:]\s|\bfrom\s){_THE}(?P<name>{_NAME})(?:'s|’s) (?:[a-z]+ ){{0,2}}"
    r"(?:editors?|newsletters?|briefing|team|journalists)\b"
)
_PLUG_LINE = re.compile(
    r"\b(?:sign(?:ing)? up|subscribe|inbox|newsletter|editors pick|editors send)\b",
    re.IGNORECASE,
)
_FUNDED = re.compile(
    rf"^{_THE}(?P<name>{_NAME}) is (?:reader-funded|reader-supported|funded by (?:its )?"
    r"readers|an independent)\b"
)


_NAME_WORDS = frozenset(str(w) for w in table("outlets")["name_words"])


_YEAR_AFTER = re.compile(r"\s+(?:19|20)\d\d$")


def _clean(raw: str) -> str | None:
    name = display_name(_YEAR_AFTER.sub("", raw.strip()))
    return name if plausible_outlet(name) else None


def _evidence(m: re.Match[str] | None, how: str, weight: float, line: str) -> list[Evidence]:
    if m is None:
        return []
    name = _clean(m.group("name"))
    if name is None:
        return []
    return [Evidence(name, how, weight, line)]


def _outletish(name: str) -> bool:
    """A sign-off "(Summit FM)" names an outlet only when the name has an outlet's word
    (radio, news, FM, times...: data/outlets.toml) or is a known outlet; "(Jane Doe)" does not."""
    words = {w.lower() for w in name.split()}
    return by_name(name) is not None or bool(words & _NAME_WORDS)


def _not_wire(found: list[Evidence]) -> list[Evidence]:
    return [e for e in found if not is_wire(e.name)]


def line_evidence(paragraph: str) -> list[Evidence]:
    """Outlet names in one boilerplate line (byline, footer, comment policy, plug)."""
    line = " ".join(paragraph.split())
    if not line or len(line) > 400:
        return []
    found: list[Evidence] = []
    found += _not_wire(_evidence(_BY_STAFF.match(line), "byline", 0.8, line))
    found += _not_wire(_evidence(_REPORTING.search(line), "byline", 0.7, line))
    found += _not_wire(
        [e for e in _evidence(_SIGN_OFF.match(line), "byline", 0.75, line) if _outletish(e.name)]
    )
    found += _not_wire(
        [
            e
            for e in _evidence(_BY_PERSON_OUTLET.match(line), "byline", 0.8, line)
            if _outletish(e.name)
        ]
    )
    masthead = None if _FOOTER_LINKS.match(line) else _MASTHEAD.match(line)
    if masthead is not None and all(_is_tagline(t) for t in masthead.group("tag").split(" | ")):
        # above a wire story, the outlet that printed it: it outweighs the wire's dateline
        found += _not_wire(
            [e for e in _evidence(masthead, "site-header", 0.86, line) if _outletish(e.name)]
        )
    copyright_ = _COPYRIGHT.match(line) or _NAME_COPYRIGHT.match(line)
    found += _evidence(copyright_, "footer", 0.85, line)
    found += _evidence(_WELCOMES.match(line), "footer", 0.8, line)
    found += _evidence(_NOT_VIEWS_OF.search(line), "footer", 0.8, line)
    for pattern in (_PART_OF, _SINCE, _FOOTER_LINKS):
        found += _not_wire(_evidence(pattern.match(line), "footer", 0.75, line))
    if _PLUG_LINE.search(line):
        found += _not_wire(_evidence(_SIGN_UP.search(line), "plug", 0.75, line))
        found += _not_wire(_evidence(_POSSESSIVE_PLUG.search(line), "plug", 0.75, line))
    found += _not_wire(_evidence(_FUNDED.match(line), "plug", 0.7, line))
    seen: set[tuple[str, str]] = set()
    out = []
    for e in found:
        if (e.name, e.how) not in seen:
            seen.add((e.name, e.how))
            out.append(e)
    return out


def _is_tagline(tag: str) -> bool:
    """A section name or tagline: every word capitalised except joining words ("Outbreaks &
    Public Health", "Latest News and Updates", "Markets, Energy, Deals")."""
    tokens = tag.replace(",", " , ").split()
    if not tokens or len(tokens) > 10 or tag.rstrip().endswith((".", "!", "?", ":")):
        return False
    return all(_TAG_WORD.match(t) for t in tokens)


def site_header(
    paragraphs: Sequence[str], is_headline_like: Callable[[str], bool]
) -> tuple[int, Evidence] | None:
    """The site header: the page's first line, "Name - tagline" or "NAME | Section", when a
    headline-like line follows it; (its index, the evidence) or None."""
    first = next((i for i, p in enumerate(paragraphs) if p.strip()), None)
    if first is None or first + 1 >= len(paragraphs):
        return None
    line = " ".join(paragraphs[first].split())
    m = _SITE_SEP.match(line)
    if m is None or not _is_tagline(m.group("tag")):
        return None
    raw = m.group("name")
    if len(raw.split()) > 5 or not re.fullmatch(_NAME, raw):
        return None
    following = next((p for p in paragraphs[first + 1 :] if p.strip()), "")
    if not following or not is_headline_like(following):
        return None
    name = _clean(raw)
    if name is None:
        return None
    return first, Evidence(name, "site-header", 0.85, line)


def dateline_evidence(name: str, line: str) -> Evidence | None:
    """An outlet's own dateline ("GENEVA (Radio Kestrel) -"): evidence unless the name is a
    wire agency, whose dateline credits it instead."""
    shown = _clean(name)
    if shown is None or is_wire(shown):
        return None
    return Evidence(shown, "dateline", 0.85, line)
