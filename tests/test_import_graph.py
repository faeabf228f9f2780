"""The import graph (issue 14): every module imports on its own, and imports form no cycle.

Imports inside functions are allowed for what is optional or heavy (an extra, the web stack,
DuckDB), but not to hide a cycle: a cycle means two modules cannot be understood or tested apart,
and Python only copes with it by the order in which they happen to load. So the graph is checked
twice: module-level imports alone, then every import that can run (inside functions too; only
``if TYPE_CHECKING`` blocks, which never run, are left out).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import skillradar

ROOT = Path(skillradar.__file__).parent


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _top_level_imports(node: ast.AST):
    """Import statements that run when the module loads: top level, and inside top-level
    ``if``/``try`` blocks (but not ``if TYPE_CHECKING``)."""
    for stmt in getattr(node, "body", []):
        if isinstance(stmt, (ast.Import, ast.ImportFrom)):
            yield stmt
        elif isinstance(stmt, ast.If) and not _is_type_checking(stmt):
            yield from _top_level_imports(stmt)
            for other in stmt.orelse:
                yield from _top_level_imports(ast.Module(body=[other], type_ignores=[]))
        elif isinstance(stmt, ast.Try):
            for block in (stmt.body, stmt.orelse, stmt.finalbody, *[h.body for h in stmt.handlers]):
                yield from _top_level_imports(ast.Module(body=block, type_ignores=[]))


def _runnable_imports(node: ast.AST):
    """Every import statement that can run, wherever it sits (functions, methods, branches), except
    under ``if TYPE_CHECKING`` (annotations only)."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, (ast.Import, ast.ImportFrom)):
            yield child
        elif isinstance(child, ast.If) and _is_type_checking(child):
            for other in child.orelse:
                yield from _runnable_imports(ast.Module(body=[other], type_ignores=[]))
        else:
            yield from _runnable_imports(child)


def _edges(modules: dict[str, Path], imports=_top_level_imports) -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for stmt in imports(tree):
            if isinstance(stmt, ast.Import):
                targets = [a.name for a in stmt.names]
            else:
                base = stmt.module or ""
                if stmt.level:
                    anchor = package.split(".")
                    anchor = anchor[: len(anchor) - (stmt.level - 1)]
                    base = ".".join(anchor + ([base] if base else []))
                # "from . import x" and "from .pkg import mod" import submodules when they exist
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in stmt.names]
            for target in targets:
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target and target != name and target.startswith("skillradar"):
                    graph[name].add(target)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on_stack, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 5000))
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def _package_edges(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """The graph without edges into a module's own ancestors: importing ``a.b.c`` runs ``a`` and
    ``a.b`` first, so a package importing its children is how packages work, not a cycle."""
    return {m: {t for t in ts if not m.startswith(t + ".")} for m, ts in graph.items()}


def test_module_level_imports_form_no_cycle():
    cycles = _cycles(_package_edges(_edges(_modules())))
    assert not cycles, "module-level import cycles: " + "; ".join(" -> ".join(c) for c in cycles)


def test_imports_inside_functions_form_no_cycle_either():
    cycles = _cycles(_package_edges(_edges(_modules(), imports=_runnable_imports)))
    assert not cycles, ("import cycles through imports inside functions (move what both sides need to a lower "
                        "module): " + "; ".join(" -> ".join(c) for c in cycles))


def test_the_import_finders_see_what_they_should():
    tree = ast.parse("import a\nif TYPE_CHECKING:\n    import b\nelse:\n    import c\n"
                     "def f():\n    import d\n    class K:\n        def g(self):\n            from e import x\n")
    assert [n.names[0].name for n in _top_level_imports(tree) if isinstance(n, ast.Import)] == ["a"]
    found = [n.names[0].name if isinstance(n, ast.Import) else n.module for n in _runnable_imports(tree)]
    assert sorted(found) == ["a", "c", "d", "e"]


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


# Run in one fresh interpreter: third-party libraries and the package root load once (no submodule
# can be imported without its package root, so this is how every import starts), then each module is
# imported in a forked child that has loaded nothing else (a fresh interpreter per module took ~50 s).
_ALONE = r"""
import importlib, os, sys, traceback
for lib in ("numpy", "duckdb", "fastapi", "pydantic", "starlette", "ahocorasick", "yaml", "onnxruntime",
            "tokenizers", "pypdf", "docx", "lxml", "matplotlib", "pandas", "scipy", "typer", "rich", "click",
            "rich.console", "rich.table", "rich.progress", "fastapi.routing", "multipart", "python_multipart", "bs4"):
    try:
        importlib.import_module(lib)
    except Exception:
        pass
assert not [m for m in sys.modules if m.split(".")[0] == "skillradar"]
import skillradar  # the root alone first: it must import on its own too
with_root = set(sys.modules)  # what the root loads comes with every import: nothing to test alone
failed = []
for name in [n for n in sys.argv[1:] if n not in with_root]:
    pid = os.fork()
    if pid == 0:
        try:
            importlib.import_module(name)
        except BaseException:
            sys.stderr.write(name + ": " + traceback.format_exc().strip().splitlines()[-1] + "\n")
            os._exit(1)
        os._exit(0)
    _, status = os.waitpid(pid, 0)
    if status:
        failed.append(name)
print(",".join(failed))
"""


def test_every_module_imports_alone_in_a_fresh_interpreter():
    names = [m for m in _modules() if not m.endswith("__main__")]
    done = subprocess.run([sys.executable, "-c", _ALONE, *names], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "", f"modules that do not import on their own: {done.stdout}\n{done.stderr}"
