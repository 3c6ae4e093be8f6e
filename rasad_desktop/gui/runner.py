"""Background work: a function runs off the UI thread, progress shows only when the work
is slow, the result comes back on the UI thread, and failures go to one handler.

Tests use ``SyncRunner``, which runs everything at once on the calling thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from rasad_desktop.gui.signals import emit

SLOW_MS = 600  # show progress only after this long (Anki's habit)


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self.fn = fn
        self.signals = signals

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # noqa: BLE001 - every failure goes to the handler
            emit(self.signals.failed, exc)
        else:
            emit(self.signals.done, result)


class Runner:
    """Runs ``fn`` on the thread pool; calls ``on_done(result)`` or ``on_error(exc)`` on the
    UI thread. ``label`` is shown in a progress dialog if the work takes a while."""

    def __init__(self, on_error: Callable[[QWidget | None, BaseException], None]) -> None:
        self.on_error = on_error
        self.pool = QThreadPool.globalInstance()
        self._alive: dict[_Signals, QTimer] = {}  # keeps signals and timers alive until done

    def run(self, parent: QWidget | None, fn: Callable[[], Any], on_done: Callable[[Any], None], *,
            label: str = "", on_error: Callable[[BaseException], None] | None = None) -> None:
        signals = _Signals()
        progress: list[QProgressDialog] = []

        def show_progress() -> None:
            dialog = QProgressDialog(label, "", 0, 0, parent)
            dialog.setCancelButton(None)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(0)
            dialog.show()
            progress.append(dialog)

        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(show_progress)
        timer.start(SLOW_MS)

        def finish() -> None:
            timer.stop()
            for dialog in progress:
                dialog.close()
            self._alive.pop(signals, None)

        def done(result: Any) -> None:
            finish()
            on_done(result)

        def failed(exc: BaseException) -> None:
            finish()
            (on_error or (lambda e: self.on_error(parent, e)))(exc)

        signals.done.connect(done, Qt.ConnectionType.QueuedConnection)
        signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
        self._alive[signals] = timer
        self.pool.start(_Job(fn, signals))


class SyncRunner(Runner):
    """Runs the work at once, on the calling thread (tests, and the frozen smoke test)."""

    def run(self, parent: QWidget | None, fn: Callable[[], Any], on_done: Callable[[Any], None], *,
            label: str = "", on_error: Callable[[BaseException], None] | None = None) -> None:
        try:
            result = fn()
        except BaseException as exc:  # noqa: BLE001
            (on_error or (lambda e: self.on_error(parent, e)))(exc)
        else:
            on_done(result)
