"""The shape of the code: no import cycle in src/bilat, no module over 400 lines, one question layer.

Imports are read with ``ast`` (nothing is imported), function-local ones included: a lazy import
hides a cycle from Python, not from the design. ``from pkg import name`` is an edge to
``pkg.name`` when that is a module, else to ``pkg``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "bilat"
MAX_LINES = 400


def _modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def import_graph() -> dict[str, set[str]]:
    """Module -> the bilat modules it imports (anywhere in the file)."""
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        edges: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                edges.update(a.name for a in node.names if a.name in modules)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                if not target.startswith("bilat"):
                    continue
                subs = {f"{target}.{a.name}" for a in node.names if f"{target}.{a.name}" in modules}
                edges.update(subs)
                if len(subs) < len(node.names) and target in modules:
                    edges.add(target)
        graph[name] = edges - {name}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a path (a -> b -> ... -> a), or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_src_bilat_has_no_import_cycle() -> None:
    graph = import_graph()
    assert len(graph) > 100, "the import graph was not read"
    cycle = find_cycle(graph)
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_the_layers_point_one_way() -> None:
    """engines -> catalog <- ingest -> sources: the catalog imports none of the others."""
    graph = import_graph()
    for module, edges in graph.items():
        if module.startswith("bilat.catalog"):
            bad = {e for e in edges if e.split(".")[1] in ("engines", "ingest", "sources", "questions", "store")}
            assert not bad, f"{module} imports {sorted(bad)}"
        if module.startswith(("bilat.analytics", "bilat.engines", "bilat.sources")):
            bad = {e for e in edges if e.split(".")[1] in ("questions", "cli", "web", "report", "session")}
            assert not bad, f"{module} imports {sorted(bad)}"


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(SRC)))
def test_no_module_is_over_400_lines(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(SRC)} has {lines} lines; split it by job"


FACES = ("bilat.cli", "bilat.web", "bilat.report")
OLD_HUBS = {"bilat.pair_api", "bilat.queries", "bilat.product_sources", "bilat.store"}


def test_faces_import_answers_from_the_question_layer_only() -> None:
    """The CLI, web and report never import the 0.1 hubs (kept as shims for outside code)."""
    graph = import_graph()
    for module, edges in graph.items():
        if module.startswith(FACES):
            old = edges & OLD_HUBS | {e for e in edges if e.startswith("bilat.store.")}
            assert not old, f"{module} imports {sorted(old)}; use bilat.questions / bilat.session"
