"""Locking the screen after the office's idle time (being built)."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

from rasad_desktop.gui.context import AppContext


def install_idle_lock(window: QMainWindow, ctx: AppContext) -> object | None:
    """Watch for user activity and lock the window after the idle time; returns the watcher."""
    return None
