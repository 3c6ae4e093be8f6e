"""Invariants of the layering: no Qt below the GUI; file formats below the services; money never as float."""

from __future__ import annotations

import ast
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
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module == "rasad_desktop":
            out += [f"rasad_desktop.{a.name}" for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            out.append("." * node.level + (node.module or ""))
    return [m for m in out if m.startswith((".", "rasad_desktop"))]


def test_the_formats_import_only_the_core():
    """``formats`` sits below the services (and db, gui, reports, exchange, the CLI): of Rasad's
    own code it imports only ``core`` and itself, by absolute name."""
    allowed = ("rasad_desktop.core", "rasad_desktop.formats")
    offenders = [f"{path.name}: {m}" for path in (PACKAGE / "formats").rglob("*.py") for m in _rasad_modules(path)
                 if not (m in allowed or m.startswith(tuple(a + "." for a in allowed)))]
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
