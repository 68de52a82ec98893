"""The shape of the package: layers, arrows pointing down, no cycles, only the CLI prints.

Read from the source with ``ast`` (every import counts, module-level or inside a function: a
function-level import may delay an import, never hide an upward arrow or a cycle).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "iaterr"

#: package → layer. A module may import its own package and lower layers; packages of the same layer do
#: not import each other, except in the ground layer (0), whose modules depend on nothing above them.
LAYERS = {
    "iaterr": 0, "iaterr.base": 0, "iaterr.i18n": 0,
    "iaterr.model": 1,
    "iaterr.repo": 2,
    "iaterr.check": 3,
    "iaterr.lint": 4, "iaterr.publish": 4, "iaterr.authoring": 4,
    "iaterr.ingest": 5, "iaterr.aggregate": 5,
    "iaterr.cli": 6,
}


def _module_name(path: Path) -> str:
    rel = path.relative_to(SRC.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(SRC.rglob("*.py"))}


MODULES = _modules()


def _package(module: str) -> str:
    if module == "iaterr.__main__":  # ``python -m iaterr``: the command line's own entry
        return "iaterr.cli"
    best = ""
    for package in LAYERS:
        if (module == package or module.startswith(package + ".")) and len(package) > len(best):
            best = package
    return best


def _resolve(module: str, node: ast.ImportFrom) -> str:
    if node.level == 0:
        return node.module or ""
    is_package = MODULES.get(module, Path()).name == "__init__.py"
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _imports(module: str) -> list[tuple[str, int]]:
    """The iaterr modules ``module`` imports (``from a import b`` counts ``a.b`` when it is a module)."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    found: list[tuple[str, int]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names if alias.name.startswith("iaterr")]
        elif isinstance(node, ast.ImportFrom):
            target = _resolve(module, node)
            if not target.startswith("iaterr"):
                continue
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.append((sub if sub in MODULES else target, node.lineno))
    return found


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for module in MODULES:
        targets = set()
        for target, _line in _imports(module):
            while target and target not in MODULES:
                target = target.rpartition(".")[0]
            if target and target != module:
                targets.add(target)
        graph[module] = targets
    return graph


def test_every_module_has_a_layer():
    assert [m for m in MODULES if not _package(m)] == []


def test_arrows_point_down():
    wrong = []
    for module in MODULES:
        package = _package(module)
        layer = LAYERS[package]
        for target, line in _imports(module):
            other = _package(target)
            if not other or other == package:
                continue
            if LAYERS[other] > layer or (LAYERS[other] == layer and layer != 0):
                wrong.append(f"{MODULES[module].relative_to(SRC.parent)}:{line} imports {target}")
    assert wrong == [], "imports that do not point down:\n" + "\n".join(wrong)


def test_no_import_cycles():
    graph = _graph()
    # the package's own __init__ modules import their children for convenience: not an arrow back
    def edges(module: str) -> set[str]:
        return {t for t in graph[module] if not (module.startswith(t + ".") and MODULES[t].name == "__init__.py")}

    state: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(module: str) -> None:
        state[module] = 1
        stack.append(module)
        for target in sorted(edges(module)):
            if state.get(target) == 1:
                cycles.append(stack[stack.index(target):] + [target])
            elif target not in state:
                visit(target)
        stack.pop()
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module)
    assert cycles == [], "import cycles:\n" + "\n".join(" → ".join(c) for c in cycles)


@pytest.mark.parametrize("module", [m for m in MODULES if _package(m) != "iaterr.cli"])
def test_only_the_cli_prints(module):
    """The core returns results: no print, no write to the standard streams, no typer, no exit."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("print", "exit"):
            found.append(f"{node.func.id}() line {node.lineno}")
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "sys" \
                and node.attr in ("stdout", "stderr", "exit"):
            found.append(f"sys.{node.attr} line {node.lineno}")
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            found += [f"import {n} line {node.lineno}" for n in names if n.split(".")[0] in ("typer", "click")]
    assert found == []
