"""One place for failures: known ones become a clear message; anything unexpected goes to
a crash dialog and a report in the log folder (qutebrowser's KnownError / BugError)."""

from __future__ import annotations

import errno
import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from rasad_desktop.core.errors import RasadError
from rasad_desktop.gui.crash_log import PreviousCrash, environment_of, mark_seen, write_report
from rasad_desktop.services.errors import SessionEnded
from rasad_desktop.services.uow import translate_db_error

log = logging.getLogger("rasad.gui")


def known_message(exc: BaseException, language: str = "fa") -> str | None:
    """The message for a failure the user can act on, or None for a bug."""
    if isinstance(exc, RasadError):
        return exc.message(language)
    db = translate_db_error(exc)
    if db is not None:
        return db.message(language)
    if isinstance(exc, OSError):
        name = f" ({exc.filename})" if exc.filename else ""
        if exc.errno == errno.ENOSPC:
            return QCoreApplication.translate("Errors", "The disk is full; free some space and try again.") + name
        if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EBUSY):
            return QCoreApplication.translate("Errors", "The file is open in another program or cannot be written; close it and try again.") + name
        if isinstance(exc, FileNotFoundError):
            return QCoreApplication.translate("Errors", "The file was not found.") + name
        return QCoreApplication.translate("Errors", "The file could not be read or written.") + name
    return None


def _quit() -> None:
    app = QApplication.instance()
    if app is not None:
        app.quit()


class ErrorHandler:
    """Shows known failures as messages and unexpected ones as a crash report. ``database``
    tells the report the backend and schema revision (``Database.backend_and_revision``)."""

    def __init__(self, log_dir: Path, language: str = "fa", no_dialogs: bool = False,
                 database: Callable[[], tuple[str, str]] | None = None) -> None:
        self.log_dir = log_dir
        self.language = language
        self.no_dialogs = no_dialogs
        self.database = database
        self.last_crash_log: Path | None = None
        self.on_session_ended: Callable[[], None] = _quit  # signing out closes Rasad (as the idle lock's)

    def __call__(self, parent: QWidget | None, exc: BaseException) -> None:
        message = known_message(exc, self.language)
        if message is None:
            self.crash(type(exc), exc, exc.__traceback__, parent)
            return
        log.info("told the user: %s", message)  # the user's to act on, not a fault of the program
        if not self.no_dialogs:
            QMessageBox.warning(parent, QCoreApplication.translate("Errors", "Rasad"), message)
        if isinstance(exc, SessionEnded):
            self.on_session_ended()

    def crash(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None,
              parent: QWidget | None = None) -> None:
        path = write_report(self.log_dir, environment_of(self.database), exc_type, exc, tb)
        self.last_crash_log = path
        log.error("unexpected error, log at %s", path, exc_info=(exc_type, exc, tb))
        if self.no_dialogs or QApplication.instance() is None:
            return
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(QCoreApplication.translate("Errors", "Unexpected error"))
        box.setText(QCoreApplication.translate(
            "Errors", "Something went wrong that Rasad did not expect. Your saved data is safe; "
                      "work not yet saved may need to be entered again."))
        box.setInformativeText(QCoreApplication.translate("Errors", "A report was written to:") + f"\n{path}" if path else "")
        box.setDetailedText("".join(traceback.format_exception(exc_type, exc, tb)))
        box.exec()
        if path is not None:  # the user saw it: the next start need not tell it again
            mark_seen(self.log_dir, PreviousCrash(path, hard=False))

    def install(self) -> None:
        """Route uncaught exceptions (e.g. in Qt slots) here instead of losing them."""
        def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
            if issubclass(exc_type, KeyboardInterrupt):
                sys.__excepthook__(exc_type, exc, tb)
                return
            self.crash(exc_type, exc, tb)
        sys.excepthook = hook
