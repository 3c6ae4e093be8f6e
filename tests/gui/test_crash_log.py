"""Crash discipline: every report says what was running; a hard crash (in C code) is caught
by faulthandler and told to the user once, at the next start; a clean exit leaves nothing."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from PySide6.QtCore import qVersion

from rasad_desktop import __version__
from rasad_desktop.gui.app import tell_previous_crash
from rasad_desktop.gui.crash_log import FAULTS, Environment, FaultLog, previous_crash
from rasad_desktop.gui.errors import ErrorHandler


def test_a_crash_report_says_what_was_running(app, tmp_path, gui_db, caplog):
    handler = ErrorHandler(tmp_path, "fa", no_dialogs=True, database=gui_db.backend_and_revision)
    try:
        raise ZeroDivisionError("a bug")
    except ZeroDivisionError as exc:
        handler(None, exc)
    text = handler.last_crash_log.read_text(encoding="utf-8")
    assert f"Rasad {__version__}" in text and f"Qt {qVersion()}" in text
    backend, revision = gui_db.backend_and_revision()
    assert backend == "sqlite" and revision.startswith("000")
    assert f"database: sqlite, schema revision {revision}" in text
    assert "ZeroDivisionError: a bug" in text
    assert "unexpected error" in caplog.text


def test_a_report_is_written_even_when_the_database_cannot_be_asked(app, tmp_path, caplog):
    def broken() -> tuple[str, str]:
        raise OSError("the database file is gone")

    handler = ErrorHandler(tmp_path, "fa", no_dialogs=True, database=broken)
    try:
        raise KeyError("x")
    except KeyError as exc:
        handler(None, exc)
    assert "database: ?, schema revision ?" in handler.last_crash_log.read_text(encoding="utf-8")
    assert "unexpected error" in caplog.text


def test_a_hard_crash_is_told_once_at_the_next_start(app, tmp_path, caplog):
    crash = textwrap.dedent(f"""
        import faulthandler, sys
        from pathlib import Path
        from rasad_desktop.gui.crash_log import Environment, FaultLog
        FaultLog(Path({str(tmp_path)!r})).start(Environment("sqlite", "0003"))
        faulthandler._sigsegv()
    """)
    done = subprocess.run([sys.executable, "-c", crash], capture_output=True, text=True, timeout=120)
    assert done.returncode != 0  # it really crashed
    told: list[str] = []
    found = tell_previous_crash(tmp_path, show=told.append)
    assert found is not None and found.hard and found.path.name.startswith("fault-")
    report = found.path.read_text(encoding="utf-8")
    assert "Fatal Python error" in report and "database: sqlite, schema revision 0003" in report
    assert len(told) == 1 and str(found.path) in told[0] and "غیرمنتظره" in told[0]
    assert "crash" in caplog.text
    assert tell_previous_crash(tmp_path, show=told.append) is None and len(told) == 1  # once


def test_a_python_crash_report_is_told_once_and_a_clean_exit_leaves_nothing(app, tmp_path, caplog):
    faults = FaultLog(tmp_path)
    assert faults.start(Environment("postgresql", "0003"))
    faults.stop()  # a clean exit
    assert (tmp_path / FAULTS).read_text(encoding="utf-8") == ""
    assert previous_crash(tmp_path) is None
    handler = ErrorHandler(tmp_path, "fa", no_dialogs=True)  # no dialog: the user has not seen it
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        handler(None, exc)
    found = previous_crash(tmp_path)
    assert found is not None and not found.hard and found.path == handler.last_crash_log
    told: list[str] = []
    assert tell_previous_crash(tmp_path, show=told.append) is not None
    assert previous_crash(tmp_path) is None and len(told) == 1
