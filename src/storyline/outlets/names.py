"""Outlet names as strings: the key two spellings share, the form shown, domain labels.

    squash("The Valley Courier") == squash("valley courier") == "valleycourier"
    squash("Globe & Anchor") == "globeanchor"
    display_name("DRAVONIA TODAY") == "Dravonia Today"
    domain_label("www.nilebasinmonitor.example") == "nilebasinmonitor"
    split_label("nilebasinmonitor", {"nile", "basin", "monitor"}) == ["nile", "basin", "monitor"]

Pure string functions: which name an article gets is decided in `outlets.evidence` and the
corpus stage `corpus.outlets`.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Collection
from urllib.parse import urlsplit

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_THE = re.compile(r"^the\s+", re.IGNORECASE)
_AND = re.compile(r"(?:&|\band\b)", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
# Company-form words a footer adds to the outlet's name ("© 2019 The Northern Ledger Ltd").
_COMPANY = re.compile(
    r"[\s,]+(?:ltd|limited|plc|inc|llc|l\.l\.c|gmbh|ag|s\.a|sa|co|corp|corporation|pty|srl)\.?$",
    re.IGNORECASE,
)
# Words kept in capitals when an all-caps name is shown in title case.
_SHORT_CAPS = 3
# Second-level labels under which a country registers names (bbc.co.uk, smh.com.au).
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "or", "ne", "go", "edu"})
_HOST_PREFIXES = ("www.", "m.", "amp.", "mobile.", "edition.", "english.", "en.")


_HOST_RE = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]")
_URL_LINE = re.compile(r"^<?(https?://[^\s<>\"']+)>?$")


def host_of(url: str | None) -> str | None:
    """The host name of `url` without a leading "www.", or None when it has none."""
    if not url or not isinstance(url, str):
        return None
    candidate = url.strip()
    if "://" not in candidate:
        candidate = "//" + candidate
    try:
        host = urlsplit(candidate).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return host.removeprefix("www.")


def looks_like_host(value: str) -> bool:
    """A host name ("www.example.com") rather than an outlet's name."""
    return bool(_HOST_RE.fullmatch(value.strip()))


def url_line(line: str) -> str | None:
    """The URL when `line` is nothing but an http(s) URL."""
    m = _URL_LINE.match(line.strip())
    return m.group(1) if m else None


def fold(text: str) -> str:
    """Lower case without accents."""
    nfkd = unicodedata.normalize("NFKD", text)
    return "".join(c for c in nfkd if not unicodedata.combining(c)).lower()


@functools.lru_cache(maxsize=4096)
def squash(name: str) -> str:
    """The key two spellings of one outlet share: lower-case letters and digits only, a
    leading "The" and every "&" / "and" dropped."""
    s = _THE.sub("", fold(name).strip())
    s = _AND.sub(" ", s)
    return _NON_ALNUM.sub("", s)


def words(name: str) -> list[str]:
    """The squashed words of a name ("The Northern Ledger" -> ["northern", "ledger"])."""
    out = [_NON_ALNUM.sub("", w) for w in _AND.sub(" ", fold(name)).split()]
    out = [w for w in out if w]
    return out[1:] if out and out[0] == "the" and len(out) > 1 else out


def fits(part: str, whole: str) -> bool:
    """True when `part` names the same outlet as `whole`: the same squashed name, or a run of
    its words at the start or the end ("Ledger" / "The Northern Ledger", "Harbour Times" /
    "Harbour Times Europe", "Bluefin Business" / "Bluefin Business Media")."""
    if squash(part) == squash(whole):
        return True
    p, w = words(part), words(whole)
    if not p or len(p) >= len(w):
        return False
    return w[: len(p)] == p or w[-len(p) :] == p


def display_name(name: str) -> str:
    """The form shown: single spaces, no possessive or company form, and an all-caps name of
    several words in title case (short words such as "FM" or "TV" stay in capitals)."""
    s = _SPACES.sub(" ", name.replace("\u00a0", " ")).strip(" .,;:-–—|·•")
    s = _POSSESSIVE.sub("", s).strip()
    s = _COMPANY.sub("", s).strip(" ,")
    tokens = s.split(" ")
    letters = [c for c in s if c.isalpha()]
    if len(tokens) > 1 and letters and all(c.isupper() for c in letters):
        tokens = [t if len(t) <= _SHORT_CAPS else t.capitalize() for t in tokens]
    return " ".join(tokens)


def host_name(host: str) -> str:
    """A host without a leading "www." (or "m.", "amp."...), lower-cased."""
    h = host.strip().lower().rstrip(".")
    for prefix in _HOST_PREFIXES:
        if h.startswith(prefix) and h.count(".") >= 2:
            h = h[len(prefix) :]
    return h


def domain_label(host: str) -> str:
    """The label that names the site: "nilebasinmonitor" in www.nilebasinmonitor.example,
    "bbc" in bbc.co.uk."""
    labels = host_name(host).split(".")
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2:
        return labels[-3]
    return labels[-2] if len(labels) >= 2 else labels[0]


def tld(host: str) -> str:
    """The last label of a host ("us" in news.example.us)."""
    return host_name(host).rsplit(".", 1)[-1]


def split_label(
    label: str,
    vocabulary: Collection[str],
    min_word: int = 3,
    short: Collection[str] = (),
) -> list[str] | None:
    """`label` cut into the fewest words of `vocabulary` (each at least `min_word` letters
    unless listed in `short`; a run of digits is a word), or None when it cannot be cut so.
    Ties go to the cut whose shortest word is longest: "nilebasinmonitor" -> nile basin
    monitor."""
    n = len(label)
    # best[i] = (words, -shortest, cut) for label[:i]
    best: list[tuple[int, int, list[str]] | None] = [None] * (n + 1)
    best[0] = (0, 0, [])
    for end in range(1, n + 1):
        for start in range(end):
            prev = best[start]
            if prev is None:
                continue
            piece = label[start:end]
            known = piece in short or (len(piece) >= min_word and piece in vocabulary)
            if not (piece.isdigit() or known):
                continue
            shortest = min(-prev[1], len(piece)) if prev[2] else len(piece)
            cand = (prev[0] + 1, -shortest, [*prev[2], piece])
            cur = best[end]
            if cur is None or cand[:2] < cur[:2]:
                best[end] = cand
    found = best[n]
    return found[2] if found is not None else None


_DOTTED = re.compile(r"^[A-Za-z](?:\.[A-Za-z])+\.?$")


def plausible_outlet(name: str) -> bool:
    """A name that can be an outlet's: one to six words, at most 50 characters, capitalised,
    not only generic words ("Morning Briefing"), not a country or continent, not a dotted
    abbreviation ("U.N.")."""
    from storyline.data import countries, table

    if _DOTTED.match(name.replace(" ", "")):
        return False
    shown = display_name(name)
    tokens = shown.split()
    if not tokens or len(tokens) > 6 or len(shown) > 50:
        return False
    if not (shown[0].isupper() or shown[0].isdigit()):
        return False
    if _DOTTED.match(shown.replace(" ", "")):
        return False
    generic = frozenset(str(w) for w in table("outlets")["generic_words"])
    if all(fold(t).strip(".,'’") in generic for t in tokens):
        return False
    return fold(shown) not in countries() and fold(shown).removeprefix("the ") not in countries()
