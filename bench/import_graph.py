"""Mirror's import structure, as figures: modules, function-local imports of Mirror's own
modules, `dict[str, Any]` occurrences, import cycles (strongly connected components of the
module graph) and edges that point up the layers of DESIGN §2. The contracts in
pyproject.toml (`lint-imports`) enforce the rules; this prints the counts, for any checkout.

    python bench/import_graph.py        # figures for the checkout this file is in
    python bench/import_graph.py -v     # and every function-local import
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's `mirror`, whatever the venv has installed

import grimp  # noqa: E402

#: DESIGN §2, top to bottom; a package not listed (models, errors, …) is the bottom.
ORDER = {"cli": 0, "tui": 0, "services": 1, "engine": 2, "bundles": 2,
         "storage": 3, "adapters": 3, "constitution": 3}


def local_imports() -> list[tuple[str, int, str]]:
    found: set[tuple[str, int, str]] = set()
    for path in (ROOT / "mirror").rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        for fn in ast.walk(tree):
            if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for node in ast.walk(fn):
                if isinstance(node, ast.ImportFrom) and (
                        node.level > 0 or (node.module or "").startswith("mirror")):
                    found.add((str(path.relative_to(ROOT)), node.lineno, node.module or ""))
                elif isinstance(node, ast.Import) and any(a.name.startswith("mirror") for a in node.names):
                    found.add((str(path.relative_to(ROOT)), node.lineno, node.names[0].name))
    return sorted(found)


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "mirror"


def main() -> None:
    built = grimp.build_graph("mirror", include_external_packages=False)
    graph = {m: set(built.find_modules_directly_imported_by(m)) for m in sorted(built.modules)}
    locals_ = local_imports()
    any_dicts = sum(p.read_text("utf-8").count("dict[str, Any]") for p in (ROOT / "mirror").rglob("*.py"))
    found = cycles(graph)
    back = sorted((m, w) for m, targets in graph.items() for w in targets
                  if layer(m) in ORDER and layer(w) in ORDER and ORDER[layer(w)] < ORDER[layer(m)])
    print(f"modules {len(graph)}")
    print(f"function-local imports of Mirror's modules {len(locals_)}")
    print(f"dict[str, Any] occurrences {any_dicts}")
    print(f"import cycles {len(found)}, modules in them {sum(map(len, found))}")
    for component in found:
        print("  ", " <-> ".join(component))
    print(f"back-edges {len(back)}")
    for edge in back:
        print("  ", " -> ".join(edge))
    if "-v" in sys.argv:
        for item in locals_:
            print(*item)


if __name__ == "__main__":
    main()
