"""Alias rules: a user TOML file that forces or forbids merges, and the curated gazetteer.

[[merge]]
names = ["Kuril Islands", "Northern Territories"]
reason = "same islands"          # optional, shown in the merge explanation

[[forbid]]
names = ["May", "Theresa May"]   # never in the same entity (every pair of them)

[outlets]                        # the user's additions to the outlet table: domain -> name
"nilebasinmonitor.example" = "Nile Basin Monitor"
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from storyline.corpus.entities.names import name_key
from storyline.data import table
from storyline.errors import ConfigError
from storyline.outlets.names import host_name, looks_like_host


@dataclass(frozen=True)
class MergeRule:
    names: tuple[str, ...]
    reason: str = ""


@dataclass(frozen=True)
class AliasRules:
    merges: tuple[MergeRule, ...] = ()
    forbids: tuple[tuple[str, ...], ...] = ()
    # [outlets]: host (lower case, without "www.") -> the outlet's name
    outlets: tuple[tuple[str, str], ...] = ()

    def forbidden_pairs(self) -> frozenset[frozenset[str]]:
        """Every pair of name keys that must never share an entity."""
        return frozenset(
            frozenset((name_key(a), name_key(b)))
            for names in self.forbids
            for a, b in combinations(names, 2)
            if name_key(a) != name_key(b)
        )


def _names(entry: Any, where: str) -> tuple[str, ...]:
    if not isinstance(entry, Mapping):
        raise ConfigError(f'{where} must be a table like {{names = ["A", "B"]}}')
    unknown = sorted(set(entry) - {"names", "reason"})
    if unknown:
        raise ConfigError(f"{where} has unknown key(s) {unknown}: only 'names' and 'reason'")
    names = entry.get("names")
    if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
        raise ConfigError(f"{where}.names must be a list of non-empty strings")
    if len({name_key(n) for n in names}) < 2:
        raise ConfigError(f"{where}.names must list at least two different names")
    if "reason" in entry and not isinstance(entry["reason"], str):
        raise ConfigError(f"{where}.reason must be a string")
    return tuple(n.strip() for n in names)


def _outlets(table_: Any, where: str) -> tuple[tuple[str, str], ...]:
    """The [outlets] table: "domain" = "Outlet name"."""
    if not isinstance(table_, Mapping):
        raise ConfigError(f'{where}: [outlets] must be a table of "domain" = "Outlet name"')
    out: list[tuple[str, str]] = []
    for domain, name in table_.items():
        host = host_name(str(domain))
        if not looks_like_host(host):
            raise ConfigError(
                f'{where}: [outlets] key {domain!r} is not a domain such as "example.com"'
            )
        if not isinstance(name, str) or not name.strip():
            raise ConfigError(f"{where}: [outlets] {domain!r} must name an outlet (a string)")
        out.append((host, name.strip()))
    return tuple(sorted(out))


def parse_alias_rules(data: Mapping[str, Any], where: str = "alias file") -> AliasRules:
    """Validate a parsed alias TOML document."""
    unknown = sorted(set(data) - {"merge", "forbid", "outlets"})
    if unknown:
        raise ConfigError(
            f"{where}: unknown section(s) {unknown}; use [[merge]] and [[forbid]] tables "
            "and an [outlets] table"
        )
    merges: list[MergeRule] = []
    forbids: list[tuple[str, ...]] = []
    for kind in ("merge", "forbid"):
        entries = data.get(kind, [])
        if not isinstance(entries, list):
            raise ConfigError(f"{where}: '{kind}' must be an array of tables: write [[{kind}]]")
        for i, entry in enumerate(entries):
            names = _names(entry, f"{where}: [[{kind}]] #{i + 1}")
            if kind == "merge":
                merges.append(MergeRule(names, str(entry.get("reason", ""))))
            else:
                forbids.append(names)
    rules = AliasRules(tuple(merges), tuple(forbids), _outlets(data.get("outlets", {}), where))
    forbidden = rules.forbidden_pairs()
    for rule in rules.merges:
        for a, b in combinations(rule.names, 2):
            if frozenset((name_key(a), name_key(b))) in forbidden:
                raise ConfigError(
                    f"{where}: {a!r} and {b!r} are both forced together ([[merge]]) and kept "
                    f"apart ([[forbid]]); remove one of the two rules"
                )
    return rules


def load_alias_file(path: str | Path) -> AliasRules:
    """Read and validate a user alias file; a bad file raises ConfigError saying why."""
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        raise ConfigError(
            f"alias file {p} does not exist: check corpus.alias_file in your config"
        ) from e
    except UnicodeDecodeError as e:
        raise ConfigError(f"alias file {p} is not UTF-8 text: save it as UTF-8") from e
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"alias file {p} is not valid TOML: {e}") from e
    return parse_alias_rules(data, f"alias file {p}")


@functools.lru_cache(maxsize=1)
def gazetteer() -> AliasRules:
    """The curated list of contested and variant place names shipped with storyline."""
    return parse_alias_rules(table("contested_places"), "gazetteer contested_places.toml")
