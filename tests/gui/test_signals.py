"""Emitting signals many times must not corrupt the interpreter (PySide6 6.12 emit bug)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from rasad_desktop.gui.signals import emit

GUI = Path(__file__).resolve().parents[2] / "rasad_desktop" / "gui"


class Source(QObject):
    changed = Signal(str)


def test_many_emits_keep_the_reference_count_of_true(app):
    source = Source()
    received = []
    source.changed.connect(received.append)
    before = sys.getrefcount(True)
    for i in range(5000):
        emit(source.changed, str(i))
    assert len(received) == 5000
    assert abs(sys.getrefcount(True) - before) < 50


def test_the_gui_emits_only_through_the_helper():
    offenders = []
    for path in GUI.rglob("*.py"):
        if path.name == "signals.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "emit":
                offenders.append(f"{path.relative_to(GUI)}:{node.lineno}")
    assert offenders == []
