"""The outlet table (`storyline/data/outlets.toml`): known outlets by domain and by name, which
agencies are wires, and how a site writes numeric dates.

    by_domain("www.reuters.com").name == "Reuters"
    by_name("Deutsche Welle").name == "DW"
    is_wire("Reuters") and not is_wire("Sputnik")
    date_order(host="news.example.us") == "mdy"
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from storyline.data import agencies, table
from storyline.outlets.names import host_name, squash, tld

DATE_ORDERS = ("dmy", "mdy")


@dataclass(frozen=True)
class KnownOutlet:
    name: str
    domains: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    dates: str | None = None  # dmy | mdy | None (unknown)
    wire: bool = False


@functools.cache
def known_outlets() -> tuple[KnownOutlet, ...]:
    """Every outlet of the table, in file order."""
    out = []
    for row in table("outlets").get("outlet", []):
        dates = row.get("dates")
        if dates is not None and dates not in DATE_ORDERS:
            raise ValueError(f"outlets.toml: {row['name']}: dates must be one of {DATE_ORDERS}")
        out.append(
            KnownOutlet(
                name=str(row["name"]),
                domains=tuple(host_name(str(d)) for d in row.get("domains", [])),
                aliases=tuple(str(a) for a in row.get("aliases", [])),
                dates=dates,
                wire=bool(row.get("wire", False)),
            )
        )
    return tuple(out)


@functools.cache
def _domains() -> dict[str, KnownOutlet]:
    return {d: o for o in known_outlets() for d in o.domains}


@functools.cache
def _names() -> dict[str, KnownOutlet]:
    out: dict[str, KnownOutlet] = {}
    for o in known_outlets():
        for n in (o.name, *o.aliases):
            out.setdefault(squash(n), o)
    return out


def by_domain(host: str) -> KnownOutlet | None:
    """The known outlet publishing on `host` (or on a domain it is a sub-domain of)."""
    h = host_name(host)
    table_ = _domains()
    while h:
        if h in table_:
            return table_[h]
        if "." not in h:
            return None
        h = h.split(".", 1)[1]
    return None


def by_name(name: str) -> KnownOutlet | None:
    """The known outlet that goes by `name` (its name or an alias, any case)."""
    return _names().get(squash(name))


@functools.cache
def _agency_keys() -> frozenset[str]:
    return frozenset(squash(s) for spellings in agencies().values() for s in spellings)


@functools.cache
def _agency_names() -> dict[str, str]:
    return {squash(s): canon for canon, spellings in agencies().items() for s in spellings}


def agency_name(name: str) -> str | None:
    """The canonical name of a news agency spelling ("Agence France-Presse" -> "AFP")."""
    return _agency_names().get(squash(name))


def is_agency(name: str) -> bool:
    """A news agency of agencies.toml (any of its spellings)."""
    return squash(name) in _agency_keys()


def is_wire(name: str) -> bool:
    """A news agency whose name in a dateline credits it rather than naming the publisher:
    every agency of agencies.toml unless the outlet table says `wire = false`."""
    known = by_name(name)
    if known is not None:
        return known.wire
    return is_agency(name)


def date_order(host: str | None = None, name: str | None = None) -> str | None:
    """How the site writes numeric dates ("dmy" or "mdy") when the table or the domain's
    country says so, else None."""
    known = (by_domain(host) if host else None) or (by_name(name) if name else None)
    if known is not None and known.dates is not None:
        return known.dates
    if host:
        order = table("outlets").get("dates_by_tld", {}).get(tld(host))
        if order in DATE_ORDERS:
            return str(order)
    return None
