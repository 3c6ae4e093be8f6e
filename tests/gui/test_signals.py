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


def test_thousands_of_calls_that_return_nothing_do_not_abort_the_interpreter():
    """PySide6 6.12.0 loses a reference to None on every call like ``setText``: 5,000 of them
    aborted Python 3.11 ("none_dealloc") before the fix. A fresh interpreter, as the program is."""
    import subprocess
    import textwrap

    code = textwrap.dedent("""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        import rasad_desktop.gui  # the fix comes with the Qt layer
        from PySide6.QtWidgets import QApplication, QLabel
        app = QApplication(sys.argv[:1])
        label = QLabel()
        for i in range(30000):
            label.setText(str(i % 7))
            label.setEnabled(i % 2 == 0)
            app.processEvents()
        print("alive", label.text())
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == f"alive {29999 % 7}"


def test_the_singletons_are_guarded_exactly_when_the_running_pyside6_needs_it():
    from rasad_desktop.gui import signals

    if signals.SINGLETONS_GUARDED:
        assert sys.getrefcount(None) > signals.IMMORTAL // 2 and sys.getrefcount(True) > signals.IMMORTAL // 2
    else:
        assert sys.version_info >= (3, 12) or not signals._setter_steals_none()
