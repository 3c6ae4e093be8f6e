"""Crash reports in the log folder, qutebrowser's way: every report says what was running
(Rasad's and Qt's versions, the database backend and its schema revision); a hard crash
in C code (a segfault in Qt, a refcount abort) is written by ``faulthandler``; and the
next start tells the user that the last session ended in a crash, once.

Qt-light on purpose: it is imported by the error handler before any window exists."""

from __future__ import annotations

import datetime as dt
import faulthandler
import platform
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO

from rasad_desktop import __version__

FAULTS = "faults.log"  # what faulthandler writes; empty when the last session ended well
SEEN = ".crash-seen"  # the newest report the user was already told about


@dataclass(frozen=True)
class Environment:
    """What a crash report says about the program that crashed."""

    backend: str = "?"
    schema: str = "?"

    def header(self) -> str:
        from PySide6 import __version__ as pyside
        from PySide6.QtCore import qVersion

        return "\n".join((
            f"Rasad {__version__}",
            f"Python {platform.python_version()} on {platform.platform()}",
            f"Qt {qVersion()} (PySide6 {pyside})",
            f"frozen: {bool(getattr(sys, 'frozen', False))}",
            f"database: {self.backend}, schema revision {self.schema}",
            f"at: {dt.datetime.now().isoformat(timespec='seconds')}",
        ))


def write_report(log_dir: Path, environment: Environment, exc_type: type[BaseException], exc: BaseException,
                 tb: TracebackType | None) -> Path | None:
    """``crash-YYYYmmdd-HHMMSS.log`` with the environment and the traceback; None if the
    folder cannot be written (the crash must not crash the handler)."""
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        stamp = dt.datetime.now()
        path = log_dir / f"crash-{stamp:%Y%m%d-%H%M%S}-{stamp.microsecond:06d}.log"
        text = environment.header() + "\n\n" + "".join(traceback.format_exception(exc_type, exc, tb))
        path.write_text(text, encoding="utf-8")
        return path
    except OSError:
        return None


class FaultLog:
    """``faulthandler`` on, writing to ``faults.log`` in the log folder for as long as the
    program runs. A clean exit empties the file, so a non-empty one at the next start means
    the last session ended in a hard crash."""

    def __init__(self, log_dir: Path) -> None:
        self.path = log_dir / FAULTS
        self.file: IO[str] | None = None

    def start(self, environment: Environment) -> bool:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.file = self.path.open("a", encoding="utf-8")
            self.file.write(environment.header() + "\n")
            self.file.flush()
        except OSError:
            return False
        faulthandler.enable(file=self.file, all_threads=True)
        return True

    def stop(self) -> None:
        """A clean exit: nothing to report next time."""
        if self.file is None:
            return
        faulthandler.disable()
        self.file.close()
        self.file = None
        try:
            self.path.write_text("", encoding="utf-8")
        except OSError:
            pass


@dataclass(frozen=True)
class PreviousCrash:
    path: Path  # the report to look at
    hard: bool  # a crash in C code (faulthandler), not a Python exception


def previous_crash(log_dir: Path) -> PreviousCrash | None:
    """The last session's crash the user has not been told about, or None. A hard crash
    (``faults.log`` left non-empty) is kept as a ``fault-….log`` report of its own."""
    faults = log_dir / FAULTS
    try:
        if faults.is_file() and _has_fault(faults.read_text(encoding="utf-8", errors="replace")):
            kept = log_dir / f"fault-{dt.datetime.fromtimestamp(faults.stat().st_mtime):%Y%m%d-%H%M%S}.log"
            faults.replace(kept)  # a report of its own; faulthandler starts a new file
            return PreviousCrash(kept, hard=True)
        reports = sorted(log_dir.glob("crash-*.log"))
    except OSError:
        return None
    seen = _read(log_dir / SEEN)
    if reports and reports[-1].name > seen:
        return PreviousCrash(reports[-1], hard=False)
    return None


def mark_seen(log_dir: Path, crash: PreviousCrash) -> None:
    try:
        (log_dir / SEEN).write_text(crash.path.name, encoding="utf-8")
    except OSError:
        pass


def _has_fault(text: str) -> bool:
    """faulthandler writes "Fatal Python error" or a thread dump; the header alone is no fault."""
    return "Fatal Python error" in text or "Current thread" in text or "Thread 0x" in text


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").strip()
    except OSError:
        return ""


def environment_of(describe: Callable[[], tuple[str, str]] | None) -> Environment:
    """The environment, with the database's backend and revision when they can be read."""
    if describe is None:
        return Environment()
    try:
        backend, schema = describe()
    except Exception:  # noqa: BLE001 - a report is written even when the database is what failed
        return Environment()
    return Environment(backend, schema)
