"""The shape of ``annotator/ui``, read from the source: nothing imports the main window
but the entry point, and no module imports itself back through others (every import,
also those only for type checking or inside functions, counts)."""

import ast
from pathlib import Path

import annotator.ui

UI = Path(annotator.ui.__file__).parent
ENTRY_POINT = "annotator.ui.app"


def module_name(path: Path) -> str:
    parts = path.relative_to(UI.parent.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def ui_imports(path: Path, modules: set[str]) -> set[str]:
    """The ``annotator.ui`` modules ``path`` imports."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name in modules)
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module in modules:
                out.add(node.module)
            for alias in node.names:  # from annotator.ui import coding_actions
                if f"{node.module}.{alias.name}" in modules:
                    out.add(f"{node.module}.{alias.name}")
    return out


def graph() -> dict[str, set[str]]:
    files = {module_name(p): p for p in UI.rglob("*.py")}
    modules = set(files)
    return {name: ui_imports(path, modules) - {name} for name, path in files.items()}


def test_only_the_entry_point_imports_the_main_window() -> None:
    importers = sorted(m for m, deps in graph().items() if "annotator.ui.main_window" in deps)
    assert importers == [ENTRY_POINT]


def test_no_import_circle_in_ui() -> None:
    g = graph()
    state: dict[str, int] = {}  # 1: on the path, 2: done
    path: list[str] = []
    circles: list[list[str]] = []

    def visit(m: str) -> None:
        state[m] = 1
        path.append(m)
        for dep in sorted(g.get(m, ())):
            # a package's __init__ is imported with any of its modules; not a circle
            if m.startswith(dep + "."):
                continue
            if state.get(dep) == 1:
                circles.append([*path[path.index(dep):], dep])
            elif dep not in state:
                visit(dep)
        path.pop()
        state[m] = 2

    for m in sorted(g):
        if m not in state:
            visit(m)
    assert circles == []


def test_the_checks_see_imports() -> None:
    """The graph is not empty by mistake: the window imports its parts."""
    deps = graph()["annotator.ui.main_window"]
    assert {"annotator.ui.session", "annotator.ui.actions"} <= deps
