"""The command line, ``rasad-desktop``: the GUI by default, plus subcommands.

Messages are Persian by default (``--lang en`` for English). Exit status: 0 success,
1 a problem reported in a message (nothing half-done), 2 a usage error, 141 (quietly) when
the program reading standard output closed it early (``| head -1``).

The arguments are declared in ``parser``, what every command is given in ``context``,
and each group of commands has its module (``audit``, ``backup``, ``demo``, ``exchange``,
``init``, ``reports``, ``summary``, ``users``), imported only when its command runs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from rasad_desktop.cli.console import console_needed, reader_gone, utf8_console
from rasad_desktop.cli.context import Context, UsageError
from rasad_desktop.cli.parser import build_parser
from rasad_desktop.core.errors import RasadError

__all__ = ["Context", "UsageError", "build_parser", "main"]

Command = Callable[[Context, argparse.Namespace], int]


def main(argv: list[str] | None = None) -> int:
    utf8_console()
    try:
        try:
            return _run(argv)
        finally:  # here, not at exit: a reader that is gone must be noticed while it can be handled
            if sys.stdout is not None:
                sys.stdout.flush()
    except BrokenPipeError:  # ``rasad-desktop summary … | head -1``
        return reader_gone()


def _run(argv: list[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.smoke_test:
        from rasad_desktop.smoke import run_smoke_test

        return run_smoke_test(Path(args.smoke_out) if args.smoke_out else None)
    ctx = Context(args)
    command = args.command or "gui"
    try:
        if command == "gui":
            from rasad_desktop.gui.app import run_gui  # Qt is imported only here

            return run_gui(ctx)
        if sys.stdout is None:  # the windowed Rasad.exe: nowhere to print, nothing to read from
            return console_needed(ctx, args)
        return _commands()[command](ctx, args)
    except UsageError as err:
        usage = getattr(args, "command_parser", parser)
        usage.print_usage(sys.stderr)
        print(f"{usage.prog}: error: {err.message(ctx.lang)}", file=sys.stderr)  # argparse's form
        return 2
    except RasadError as err:
        print(err.message(ctx.lang), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _commands() -> dict[str, Command]:
    from rasad_desktop.cli.audit import cmd_audit
    from rasad_desktop.cli.backup import cmd_backup, cmd_restore
    from rasad_desktop.cli.certificates import cmd_certificate
    from rasad_desktop.cli.demo import cmd_demo
    from rasad_desktop.cli.exchange import cmd_export, cmd_import
    from rasad_desktop.cli.init import cmd_init
    from rasad_desktop.cli.reports import cmd_report, cmd_verify
    from rasad_desktop.cli.server import cmd_server
    from rasad_desktop.cli.summary import cmd_summary
    from rasad_desktop.cli.sync import cmd_sync, cmd_workstation, cmd_workstations
    from rasad_desktop.cli.users import cmd_users

    return {"init": cmd_init, "demo": cmd_demo, "summary": cmd_summary, "report": cmd_report,
            "verify": cmd_verify, "backup": cmd_backup, "restore": cmd_restore, "audit": cmd_audit,
            "export": cmd_export, "import": cmd_import, "users": cmd_users, "workstations": cmd_workstations,
            "workstation": cmd_workstation, "sync": cmd_sync,
            "certificate": cmd_certificate, "server": cmd_server}
