"""Evidence of who published an article, and the decision between pieces of evidence.

Each reader (HTML metadata, JSON fields, the cleaner's boilerplate lines, datelines) reports
`Evidence(name, how, weight, text)`; `decide` picks the outlet:

1. the piece with the highest weight wins (a tie goes to the earlier kind in `HOWS`);
2. a host (`is_host`: a URL's domain or a `source_domain` field) names the outlet only by its
   domain; when another piece's name matches the domain ("Summit FM" / summitfm.example) that
   name is shown, otherwise the host is kept for the corpus stage to name;
3. confidence = the winner's weight, raised by each agreeing piece (noisy-or at half its
   weight) and multiplied by 0.8 for each piece naming another outlet.

Weights (a signal's reliability alone): og:site_name / JSON-LD publisher 0.95, a JSON
`source`/`publisher` field 0.9, a `source_domain` field 0.88, a site header, an outlet's own
dateline or a copyright footer 0.85, a page URL 0.8, "By X staff" and comment-policy lines
0.8, newsletter plugs and "(X)" sign-offs 0.75, "Reporting by X correspondents" 0.7, a title
suffix ("... | X") 0.7, a bare URL line in the text 0.6.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from storyline.outlets.names import domain_label, fits, squash, words

HOWS = ("meta", "field", "site-header", "dateline", "byline", "footer", "plug", "url", "none")
_DISAGREE = 0.8


@dataclass(frozen=True)
class Evidence:
    """One signal naming the outlet. `name` is a display name, or a host when `is_host`."""

    name: str
    how: str  # one of HOWS (not "none")
    weight: float
    text: str = ""  # the line or field it was read from
    is_host: bool = False


@dataclass(frozen=True)
class Decision:
    """The outlet chosen from the evidence: `name` is a host when `is_host` (to be named by
    the corpus stage), None when nothing names the outlet."""

    name: str | None
    how: str = "none"
    confidence: float = 0.0
    is_host: bool = False


NO_OUTLET = Decision(None)


def host_matches(name: str, host: str) -> bool:
    """True when `name` is the site's name written out ("Globe & Anchor" / globeanchor.example;
    "Northern Ledger" / northernledger.example)."""
    key, label = squash(name), domain_label(host).replace("-", "")
    return bool(key) and (key == label or (len(words(name)) >= 2 and key in label))


def agrees(a: Evidence, b: Evidence) -> bool:
    """True when two pieces name the same outlet."""
    if a.is_host and b.is_host:
        return domain_label(a.name) == domain_label(b.name)
    if a.is_host:
        return host_matches(b.name, a.name)
    if b.is_host:
        return host_matches(a.name, b.name)
    return fits(a.name, b.name) or fits(b.name, a.name)


def _rank(e: Evidence) -> tuple[float, int]:
    return (-e.weight, HOWS.index(e.how))


def decide(evidence: Sequence[Evidence]) -> Decision:
    """The outlet named by the strongest piece of `evidence` (see the module docstring)."""
    pieces = [e for e in evidence if e.name.strip() and e.how in HOWS and e.how != "none"]
    if not pieces:
        return NO_OUTLET
    ordered = sorted(pieces, key=_rank)
    best = ordered[0]
    confidence = best.weight
    for other in ordered[1:]:
        if agrees(best, other):
            confidence = 1 - (1 - confidence) * (1 - other.weight / 2)
        else:
            confidence *= _DISAGREE
    name, is_host = best.name, best.is_host
    if is_host:
        named = [e for e in ordered if not e.is_host and host_matches(e.name, best.name)]
        if named:
            name, is_host = named[0].name, False
    elif len(words(name)) == 1:
        # a one-word piece ("the Ledger's briefing") shown by the longer name it fits
        longer = [e for e in ordered if not e.is_host and e is not best and fits(name, e.name)]
        if longer:
            name = longer[0].name
    return Decision(name, best.how, round(min(confidence, 0.99), 3), is_host)
