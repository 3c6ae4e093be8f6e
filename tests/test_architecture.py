"""Invariants of the layering: no Qt below the GUI; each layer imports only those below it; the GUI
works on data only through its operations; one atomic file write; money never as float."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "rasad_desktop"
QT_FREE = ["core", "db", "formats", "services", "reports", "exchange"]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_no_qt_import_below_the_gui():
    offenders = []
    for layer in QT_FREE:
        for path in (PACKAGE / layer).rglob("*.py"):
            if _imports(path) & {"PySide6", "shiboken6", "PyQt5", "PyQt6"}:
                offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []


def _rasad_modules(path: Path) -> list[str]:
    """Rasad's own modules that ``path`` imports, by full name (relative imports as written)."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            # "from rasad_desktop.db import models" imports rasad_desktop.db.models
            out += [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            out.append("." * node.level + (node.module or ""))
    return [m for m in out if m.startswith((".", "rasad_desktop"))]


# What each layer may import of Rasad's own code (its first name after ``rasad_desktop.``).
# Data flows one way: core ← db, formats ← services (which use the report builders) ←
# exchange ← gui, cli. ``reports`` renders plain data and never reaches the services.
LAYERS: dict[str, set[str]] = {
    "core": {"core"},
    "db": {"core", "db"},
    "formats": {"core", "formats"},
    "reports": {"core", "reports", "resources"},
    "services": {"core", "db", "formats", "reports", "services", "config"},
    "exchange": {"core", "db", "formats", "services", "exchange"},
    "gui": {"core", "db", "formats", "services", "exchange", "gui", "config", "resources"},
    "config": {"config", "core", "formats"},
    "textreport": {"core", "textreport"},
    "resources": {"resources"},
}
# gui reaches the database only through its operation helper, which names the session type
GUI_DB_MODULES = {"gui/operations.py", "gui/context.py", "gui/app.py"}


def _layer_of(module: str) -> str:
    """The layer of ``rasad_desktop.X…``; names the package itself exports (its version,
    the application's name) belong to every layer."""
    parts = module.split(".")
    first = parts[1] if len(parts) > 1 else ""
    if not first or not ((PACKAGE / first).is_dir() or (PACKAGE / f"{first}.py").is_file()):
        return "__init__"
    return first


def test_each_layer_imports_only_the_layers_below_it():
    offenders = []
    for layer, allowed in LAYERS.items():
        files = (PACKAGE / layer).rglob("*.py") if (PACKAGE / layer).is_dir() else [PACKAGE / f"{layer}.py"]
        for path in files:
            for m in _rasad_modules(path):
                if m.startswith(".") or _layer_of(m) not in allowed | {"__init__"}:
                    offenders.append(f"{path.relative_to(PACKAGE)}: {m}")
    assert offenders == []


def test_the_gui_reaches_no_orm_and_no_command_line():
    """No SQLAlchemy, no ``db.models`` (or engine), no ``cli`` import under gui/; the database
    module (for the session type) only in the operation helper and the start-up."""
    offenders = []
    for path in (PACKAGE / "gui").rglob("*.py"):
        name = path.relative_to(PACKAGE).as_posix()
        if _imports(path) & {"sqlalchemy", "alembic"}:
            offenders.append(f"{name}: sqlalchemy")
        for m in _rasad_modules(path):
            if m.startswith(("rasad_desktop.cli", "rasad_desktop.db.models", "rasad_desktop.db.engine",
                             "rasad_desktop.db.migrate")):
                offenders.append(f"{name}: {m}")
            elif m.startswith("rasad_desktop.db") and name not in GUI_DB_MODULES:
                offenders.append(f"{name}: {m}")
    assert offenders == []


def _calls(path: Path) -> list[tuple[int, str]]:
    """(line, dotted name) of every call in ``path``, e.g. (12, "self.ctx.db.session")."""
    def dotted(node: ast.AST) -> str:
        if isinstance(node, ast.Name):
            return node.id
        if isinstance(node, ast.Attribute):
            return f"{dotted(node.value)}.{node.attr}"
        return "?"

    return [(n.lineno, dotted(n.func)) for n in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(n, ast.Call)]


def _with_parents(tree: ast.AST) -> ast.AST:
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            child.parent = node  # type: ignore[attr-defined]  # (the test's own mark on ast nodes)
    return tree


def test_the_gui_works_on_data_only_through_its_operations():
    """The database, its sessions and engine, the background runner's ``run`` and the change
    notice belong to ``gui/operations.py``: a page never touches the database (not even
    through an alias), starts a thread or announces a change by hand; it may only listen
    to the notice. (The start-up and the context hold the database to hand it over.)"""
    offenders = []
    for path in (PACKAGE / "gui").rglob("*.py"):
        name = path.relative_to(PACKAGE).as_posix()
        if name == "gui/operations.py":
            continue
        tree = _with_parents(ast.parse(path.read_text(encoding="utf-8")))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Attribute):
                continue
            parent = getattr(node, "parent", None)
            if node.attr in ("session", "sessions", "engine") or node.attr == "db" and name not in GUI_DB_MODULES:
                offenders.append(f"{name}:{node.lineno}: .{node.attr}")
            elif node.attr == "run" and isinstance(node.value, ast.Attribute) and node.value.attr == "runner":
                offenders.append(f"{name}:{node.lineno}: runner.run")
            elif node.attr == "data_changed" and not (isinstance(parent, ast.Attribute) and parent.attr == "connect"):
                offenders.append(f"{name}:{node.lineno}: data_changed used other than to listen")
    assert offenders == []


# a file moved aside, not written: the rest of the package writes through formats/atomic.py
RENAMES_ALLOWED = {"formats/atomic.py", "gui/crash_log.py"}


def test_one_atomic_file_write():
    """Files Rasad must not leave half-written go through ``formats/atomic.py``: no other
    rename-over anywhere — ``os.replace``/``os.rename``/``shutil.move`` in any form, and no
    ``X.replace(target)``/``X.rename(target)`` (``Path``'s; ``str.replace`` takes two)."""
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        name = path.relative_to(PACKAGE).as_posix()
        if name in RENAMES_ALLOWED or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            owner = node.func.value.id if isinstance(node.func.value, ast.Name) else ""
            if owner in ("os", "shutil") and node.func.attr in ("replace", "rename", "renames", "move"):
                offenders.append(f"{name}:{node.lineno}: {owner}.{node.func.attr}")
            elif node.func.attr in ("replace", "rename") and len(node.args) == 1 and not node.keywords:
                offenders.append(f"{name}:{node.lineno}: .{node.func.attr}(target)")
    assert offenders == []


def test_modules_are_loaded_by_name_only_by_the_registries():
    """``importlib`` belongs to the two registries (their modules are bundled by build.spec)."""
    registries = {"services/report_kinds/__init__.py", "exchange/datasets.py"}
    offenders = [path.relative_to(PACKAGE).as_posix() for path in PACKAGE.rglob("*.py")
                 if "importlib" in _imports(path) and path.relative_to(PACKAGE).as_posix() not in registries]
    assert offenders == []


def test_importing_the_core_layers_loads_no_qt():
    modules = [f"rasad_desktop.{layer}.{p.stem}" for layer in QT_FREE
               for p in sorted((PACKAGE / layer).glob("*.py")) if p.stem != "__init__"]
    code = "import sys\n" + "".join(f"import {m}\n" for m in modules) + (
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "print(len(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0"


def test_no_float_in_the_core():
    """Money and rates stay integers and Fractions: no float() and no float literals."""
    offenders = []
    for path in (PACKAGE / "core").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, float):
                offenders.append(f"{path.name}:{node.lineno}")
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "float":
                offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == []


def test_colours_are_defined_once():
    """Every colour comes from ``core/palette.py`` (the GUI and the PDFs alike), so a status
    band is the same green on the screen and on paper."""
    hex_colour = re.compile(r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?\b")
    offenders = [f"{path.relative_to(PACKAGE)}:{n}" for path in PACKAGE.rglob("*.py")
                 if path.relative_to(PACKAGE).as_posix() != "core/palette.py"
                 for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
                 if hex_colour.search(line)]
    assert offenders == []


def test_page_constructors_only_build_lay_out_and_connect():
    """A page's ``__init__`` stays short: building the widgets, laying them out and connecting
    them are methods of their own (about 60 lines is where a constructor stops being read)."""
    offenders = []
    for path in (PACKAGE / "gui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and node.name == "__init__":
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > 60:
                    offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno} ({length} lines)")
    assert offenders == []


def test_every_type_ignore_names_its_reason():
    """A ``# type: ignore`` is kept only where a library's type stubs are wrong, and says so."""
    ignore = re.compile(r"#\s*type:\s*ignore(\[[^\]]*\])?(?P<rest>.*)$")
    offenders = [f"{path.relative_to(PACKAGE)}:{n}" for path in PACKAGE.rglob("*.py")
                 for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
                 if (found := ignore.search(line)) and not re.match(r"\s*#\s*\S", found.group("rest"))]
    assert offenders == []
