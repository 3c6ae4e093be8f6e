"""The console the commands print to: UTF-8 on every platform, and the windowed Rasad.exe
(which has none) pointing to its console twin, rasad-cli.exe."""

from __future__ import annotations

import argparse
import logging
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rasad_desktop.cli.context import Context


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
