"""The role a text gives a person: the noun phrase right before the name.

"Japanese Foreign Minister Taro Kono" -> Role(nationality={"japanese"},
office={"foreign", "minister"}). "his Japanese counterpart, Taro Kano" names a counterpart:
the office is borrowed from the other role in the sentence ("Russian Foreign Minister
Sergei Lavrov ... his Japanese counterpart, Taro Kano" -> Japanese foreign minister).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

HEADS = frozenset(
    {
        "minister", "president", "premier", "chancellor", "spokesman", "spokeswoman",
        "spokesperson", "ambassador", "secretary", "aide", "envoy", "governor", "mayor",
        "king", "queen", "leader", "chairman", "chairwoman", "chief", "general", "senator",
        "adviser", "advisor", "commander", "official", "diplomat", "negotiator", "head",
        "director", "prosecutor", "judge", "counterpart", "pm", "fm",
    }
)  # fmt: skip
PORTFOLIOS = frozenset(
    {
        "foreign", "defence", "defense", "finance", "economy", "trade", "interior",
        "justice", "health", "energy", "cabinet", "prime", "vice", "deputy", "home",
        "agriculture", "environment", "education", "transport", "industry", "labour",
    }
)  # fmt: skip
_FILLER = frozenset({"former", "then", "new", "acting", "top", "senior", "chief", "state"})
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*|[,.;:!?()\"\u201c\u201d]")


@dataclass(frozen=True)
class Role:
    nationality: frozenset[str] = frozenset()
    office: frozenset[str] = frozenset()  # head nouns and portfolios, lower case

    @property
    def heads(self) -> frozenset[str]:
        return self.office & HEADS - {"counterpart"}

    @property
    def portfolios(self) -> frozenset[str]:
        return self.office & PORTFOLIOS

    def is_counterpart(self) -> bool:
        return "counterpart" in self.office

    def describe(self) -> str:
        words = sorted(self.nationality) + sorted(self.portfolios) + sorted(self.heads)
        return " ".join(w.capitalize() if w in self.nationality else w for w in words)


def role_before(text: str, start: int, window: int = 80) -> Role:
    """The role words immediately before a name starting at `start` in `text`."""
    left = text[max(0, start - window) : start]
    tokens = _WORD.findall(left)
    if tokens and tokens[-1] == ",":
        tokens = tokens[:-1]  # "his Japanese counterpart, Taro Kano"
    nationality: set[str] = set()
    office: set[str] = set()
    for tok in reversed(tokens):
        low = tok.lower()
        if low in HEADS or low in PORTFOLIOS or low in _FILLER:
            if low not in _FILLER:
                office.add(low)
        elif tok[:1].isupper() and tok.isalpha() and low.endswith(("an", "ese", "ish", "i")):
            nationality.add(low)
        else:
            break
    if not office:
        return Role()
    return Role(frozenset(nationality), frozenset(office))


def resolve_counterparts(roles: Iterable[Role]) -> list[Role]:
    """Give every counterpart role the office of the other roles in the same sentence."""
    roles = list(roles)
    offices = [r.office - {"counterpart"} for r in roles if not r.is_counterpart() and r.heads]
    out: list[Role] = []
    for r in roles:
        if r.is_counterpart() and len(offices) >= 1:
            borrowed = frozenset().union(*offices)
            out.append(Role(r.nationality, r.office | borrowed))
        else:
            out.append(r)
    return out


def compatible(a: Role, b: Role) -> bool:
    """Both roles describe the same position: a shared head noun, no clash of portfolio or
    nationality."""
    if not a.heads & b.heads:
        return False
    if a.portfolios and b.portfolios and not a.portfolios & b.portfolios:
        return False
    return not (a.nationality and b.nationality and not a.nationality & b.nationality)
