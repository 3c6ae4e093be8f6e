"""Emitting Qt signals from Python, safely.

PySide6 6.12.0's ``SignalInstance.emit()`` returns ``True`` without giving the caller a
reference of its own, so every ``emit()`` from Python takes one reference away from
``True``; after some thousands of emits the interpreter aborts with "bool_dealloc:
deallocating True or False" (seen at exit of a benchmark, and in a loop of 600 emits).
``emit()`` here gives the reference back when — and only when — the running PySide6 has
the bug, so it stays right once PySide6 is fixed. All emits in ``gui/`` go through it
(a test checks).
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


class _Probe(QObject):
    fired = Signal()


def _emit_steals_true() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.fired.emit()
    return sys.getrefcount(True) <= before - 8


STEALS_TRUE = _emit_steals_true()
if STEALS_TRUE:  # give back what the probe took
    for _ in range(8):
        _incref(True)


def emit(signal: Any, *args: Any) -> Any:
    """``signal.emit(*args)``, keeping ``True``'s reference count right."""
    result = signal.emit(*args)
    if STEALS_TRUE and result is True:
        _incref(True)
    return result
