"""Known failures become Persian messages; unexpected ones a crash log; background work
comes back on the UI thread."""

from __future__ import annotations

import errno

from PySide6.QtCore import QThread

from rasad_desktop.gui.errors import ErrorHandler, known_message
from rasad_desktop.gui.runner import Runner
from rasad_desktop.services.errors import ValidationError


def test_known_failures_have_persian_messages(app):
    assert known_message(ValidationError("مبلغ معتبر نیست.", "Bad amount.")) == "مبلغ معتبر نیست."
    assert "دیسک" in known_message(OSError(errno.ENOSPC, "No space left on device"))
    assert "باز است" in known_message(PermissionError(errno.EACCES, "denied", "report.pdf"))
    from sqlalchemy.exc import OperationalError

    locked = OperationalError("INSERT", {}, Exception("database is locked"))
    assert "کاربر دیگری" in known_message(locked)
    assert known_message(ZeroDivisionError("bug")) is None


def test_an_unexpected_error_writes_a_crash_log(app, tmp_path, caplog):
    handler = ErrorHandler(tmp_path / "logs", "fa", no_dialogs=True)
    try:
        raise ZeroDivisionError("a bug")
    except ZeroDivisionError as exc:
        handler(None, exc)
    assert handler.last_crash_log is not None
    text = handler.last_crash_log.read_text(encoding="utf-8")
    assert "ZeroDivisionError: a bug" in text and "Traceback" in text
    assert "unexpected error" in caplog.text  # logged as an error, and the test says it expects it


def test_background_work_reports_back_on_the_ui_thread(app, qtbot):
    failures = []
    runner = Runner(lambda parent, exc: failures.append(exc))
    results = []
    ui_thread = QThread.currentThread()

    runner.run(None, lambda: QThread.currentThread() is not ui_thread, lambda r: results.append(
        (r, QThread.currentThread() is ui_thread)))
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert results == [(True, True)]  # ran on a worker, reported on the UI thread

    runner.run(None, lambda: 1 / 0, lambda r: results.append(r))
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert isinstance(failures[0], ZeroDivisionError)
