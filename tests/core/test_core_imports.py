"""The package layout stays acyclic: no package imports (even lazily, inside a function) a
package that imports it back. A cycle means two rooms share one job."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "storyline"


def _unit(module: str) -> str:
    """The package a module belongs to: storyline.corpus.entities.names -> corpus.entities;
    a top-level module (model, config, pipeline, nlp...) is its own unit."""
    parts = module.split(".")[1:]
    path = SRC.joinpath(*parts)
    while parts and not (path.is_dir() and (path / "__init__.py").is_file()):
        parts = parts[:-1]
        path = SRC.joinpath(*parts)
    if not parts:  # a top-level module
        return module.split(".")[1] if len(module.split(".")) > 1 else "storyline"
    return ".".join(parts)


def _module_of(path: Path) -> str:
    rel = path.relative_to(SRC.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def import_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = defaultdict(set)
    for path in SRC.rglob("*.py"):
        if path == SRC / "__init__.py":
            continue  # the public facade re-exports every package by design
        here = _unit(_module_of(path))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            for name in names:
                if name == "storyline":
                    graph[here].add("storyline")
                elif name.startswith("storyline."):
                    there = _unit(name)
                    if there != here:
                        graph[here].add(there)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one unit (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_no_package_imports_the_public_facade() -> None:
    offenders = sorted(u for u, deps in import_graph().items() if "storyline" in deps)
    assert offenders == [], f"import from the submodule, not `storyline`: {offenders}"


def test_there_is_no_import_cycle_between_packages() -> None:
    assert _cycles(import_graph()) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_the_leaves_stay_leaves() -> None:
    graph = import_graph()
    assert graph.get("nlp", set()) <= {"errors", "attribute_rules"}
    assert graph.get("attribute_rules", set()) == set()
    assert graph.get("model", set()) == set()
    assert graph.get("data", set()) == set()
