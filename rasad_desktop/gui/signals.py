"""PySide6 6.12.0's reference-count bugs, worked around in one place.

``SignalInstance.emit()`` returns ``True`` without giving the caller a reference of its
own, and every method that returns nothing (``label.setText(…)``, ``setEnabled``,
``processEvents`` …) does the same with ``None``: each call takes one reference away, and
after some thousands of calls the interpreter aborts ("bool_dealloc", "none_dealloc" —
5,000 ``setText`` calls were enough on Python 3.11). Python 3.12 makes these singletons
immortal; on 3.11 ``make_singletons_immortal`` gives them the same huge reference count,
once, when — and only when — the running PySide6 has the bug. ``emit()`` also gives back
what an emit takes (it was the first fix, and all emits in ``gui/`` go through it: a test
checks), so either fix alone keeps the program alive.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal

IMMORTAL = 1 << 40  # added to a singleton's count: 10¹² lost references before it could matter

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


def _setter_steals_none() -> bool:
    probe = _Probe()
    before = sys.getrefcount(None)
    for _ in range(8):
        probe.setObjectName("probe")
    lost = before - sys.getrefcount(None)
    for _ in range(max(lost, 0)):  # give back what the probe took
        _incref(None)
    return lost >= 8


def make_singletons_immortal() -> bool:
    """True when the counts of None, True and False had to be raised (PySide6 6.12.0 on a
    Python older than 3.12). ``ob_refcnt`` is the first field of every CPython object."""
    if sys.version_info >= (3, 12) or not (STEALS_TRUE or _setter_steals_none()):
        return False
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += IMMORTAL
    return True


SINGLETONS_GUARDED = make_singletons_immortal()
