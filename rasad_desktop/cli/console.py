"""The console the commands print to: UTF-8 on every platform, a reader that stops early
(``| head``) ending the command quietly, and the windowed Rasad.exe (which has no console)
pointing to its console twin, rasad-cli.exe."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from rasad_desktop.core.errors import RasadError

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


class PassphraseProblem(RasadError):
    pass


def read_passphrase(ctx: Context, args: argparse.Namespace, prompt_fa: str, prompt_en: str, *,
                    twice: bool = False, check: Callable[[str], None] | None = None) -> str:
    """A passphrase: one line of standard input with ``--passphrase-stdin`` (or when standard
    input is not a terminal), else asked for without echo — ``twice`` for a new one, after
    ``check`` has accepted it."""
    import getpass

    if getattr(args, "passphrase_stdin", False) or not sys.stdin.isatty():
        passphrase = sys.stdin.readline().rstrip("\r\n")
        if not passphrase:
            raise PassphraseProblem("عبارت عبور از ورودی استاندارد خوانده نشد.", "No passphrase was given on standard input.",
                             code="no_passphrase")
        return passphrase
    passphrase = getpass.getpass(ctx.t(prompt_fa, prompt_en))
    if twice:
        if check is not None:
            check(passphrase)  # say it now, not after typing it twice
        if getpass.getpass(ctx.t("تکرار عبارت عبور: ", "Passphrase again: ")) != passphrase:
            raise PassphraseProblem("دو عبارت عبور یکی نیستند؛ کاری انجام نشد.", "The two passphrases differ; nothing was done.",
                             code="passphrase_mismatch")
    return passphrase
