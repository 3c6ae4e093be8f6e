"""The console the commands print to: UTF-8 on every platform, a reader that stops early
(``| head``) ending the command quietly, and the windowed Rasad.exe (which has no console)
pointing to its console twin, rasad-cli.exe."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rasad_desktop.cli.context import Context

# what a shell reports for a program ended by SIGPIPE (128 + 13), as ``yes | head -1`` does
BROKEN_PIPE_STATUS = 141


def console_needed(ctx: Context, args: argparse.Namespace) -> int:
    """Commands need a console; on Windows that is rasad-cli.exe beside Rasad.exe."""
    fa = ("فرمان‌های خط فرمان (پشتیبان‌گیری، بازگردانی، گزارش …) را با rasad-cli.exe در همین پوشه "
          "و در پنجرهٔ فرمان (cmd یا PowerShell) اجرا کنید؛ Rasad.exe پنجرهٔ فرمان ندارد.")
    en = ("Run command-line commands (backup, restore, reports …) with rasad-cli.exe in the same folder, "
          "from a command prompt (cmd or PowerShell); Rasad.exe has no console.")
    logging.getLogger("rasad").warning("command %r refused without a console", args.command)
    if not args.no_dialogs:
        from PySide6.QtWidgets import QApplication, QMessageBox

        app = QApplication.instance() or QApplication([])  # noqa: F841 - the box needs an application
        QMessageBox.information(None, "Rasad", ctx.t(fa, en))
    return 2


def utf8_console() -> None:
    # Windows consoles default to a legacy code page that cannot print Persian
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(encoding="utf-8")
            except (OSError, ValueError):
                pass


def reader_gone() -> int:
    """The program reading standard output closed it (``| head -1``): stop quietly, with no
    traceback. Standard output is pointed at the null device so that Python's own flush at
    exit does not fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no file descriptor (tests, Rasad.exe): nothing to flush
        pass
    return BROKEN_PIPE_STATUS
