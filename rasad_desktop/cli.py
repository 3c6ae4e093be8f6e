"""The command line, ``rasad-desktop``: the GUI by default, plus subcommands.

Messages are Persian by default (``--lang en`` for English). Exit status: 0 success,
1 a problem reported in a message (nothing half-done), 2 a usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
from pathlib import Path

from rasad_desktop import APP_NAME_FA, __version__
from rasad_desktop.config import Settings, database_url, default_data_dir
from rasad_desktop.core.amounts import Unit
from rasad_desktop.core.digits import localize_digits
from rasad_desktop.core.errors import RasadError
from rasad_desktop.core.jalali import Period
from rasad_desktop.core.metrics import Thresholds
from rasad_desktop.db.database import Database

log = logging.getLogger("rasad")


class Context:
    """What every subcommand needs: the data folder, settings, language, database."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.data_dir = Path(args.data_dir) if args.data_dir else default_data_dir()
        self.settings = Settings(self.data_dir)
        self.lang = args.lang or self.settings.get("language")
        self.url = args.database_url or database_url(self.data_dir, self.settings)
        self.no_dialogs = bool(getattr(args, "no_dialogs", False))

    def t(self, fa: str, en: str) -> str:
        return en if self.lang == "en" else fa

    def digits(self, text: str) -> str:
        return text if self.lang == "en" else localize_digits(text)

    def open_db(self) -> Database:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        return Database.open(self.url, backup_dir=self.data_dir / "backups")


def _common(parser: argparse.ArgumentParser, *, top: bool) -> None:
    default = None if top else argparse.SUPPRESS
    parser.add_argument("--data-dir", metavar="DIR", default=default,
                        help="data folder (default: the per-user application-data folder)")
    parser.add_argument("--database-url", metavar="URL", default=default,
                        help="SQLAlchemy database URL, e.g. postgresql+psycopg://user@host/rasad")
    parser.add_argument("--lang", choices=("fa", "en"), default=default, help="message language")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rasad-desktop",
        description=f"{APP_NAME_FA} (Rasad): monitoring the realization of provincial budget resources.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _common(parser, top=True)
    parser.add_argument("--no-dialogs", action="store_true",
                        help="GUI: write messages to the log instead of showing dialogs")
    parser.add_argument("--smoke-test", action="store_true",
                        help="check this installation in a temporary data folder, then exit (0: works)")
    parser.add_argument("--smoke-out", metavar="DIR", help="with --smoke-test: write the result and PDF here")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("gui", help="open the application (the default)")
    _common(p, top=False)

    p = sub.add_parser("init", help="create or upgrade the database and the first administrator")
    _common(p, top=False)
    p.add_argument("--admin", default="admin", metavar="NAME", help="administrator user name (default: admin)")
    p.add_argument("--full-name", default="مدیر سامانه", help="administrator's full name")

    p = sub.add_parser("demo", help="load the demo province (two fiscal years)")
    _common(p, top=False)
    p.add_argument("--year", type=int, help="the later demo year (default: the current fiscal year)")
    p.add_argument("--months", type=int, help="months of collections in the later year "
                   "(default: completed months of the current year; 12 for a past year)")

    p = sub.add_parser("summary", help="print the by-agency realization table")
    _common(p, top=False)
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--through-month", type=int, required=True, metavar="N")
    p.add_argument("--unit", default=None, help="rial, million or billion (default: the setting)")
    p.add_argument("--digits", choices=("fa", "latin"), default=None,
                   help="digit form (default: Persian; Latin with --lang en)")
    p = sub.add_parser("report", help="render a report to PDF (and optionally issue it)")
    _common(p, top=False)
    p.add_argument("kind", choices=("monitoring", "agency", "letter", "circular", "comparison", "responses", "text"))
    p.add_argument("--year", type=int)
    p.add_argument("--through-month", type=int, metavar="N")
    p.add_argument("--agency", metavar="CODE", help="agency code (agency report)")
    p.add_argument("--unit", default=None, help="rial, million or billion (default: the setting)")
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    p.add_argument("--in", dest="infile", metavar="FILE.txt", help="text report: a UTF-8 file, one paragraph per line")
    p.add_argument("--issue", action="store_true", help="issue: number, freeze and store the report")
    p.add_argument("--correct", metavar="NUMBER", help="with --issue: a corrected version of this report number")
    p.add_argument("--prepared-by", metavar="NAME|TITLE", help="signature block: who prepared it")
    p.add_argument("--approved-by", metavar="NAME|TITLE", help="signature block: who approves it")
    p.add_argument("--signature-image", metavar="FILE", help="scanned signature of the approver")

    p = sub.add_parser("backup", help="write an encrypted, verified backup of the database")
    _common(p, top=False)
    p.add_argument("--out", required=True, metavar="FILE", help="the backup file to write (e.g. rasad-1405-09-04.rbk)")
    p.add_argument("--passphrase-stdin", action="store_true",
                   help="read the passphrase from standard input instead of asking for it")

    p = sub.add_parser("restore", help="restore the database from an encrypted backup")
    _common(p, top=False)
    p.add_argument("file", metavar="FILE", nargs="?")
    p.add_argument("--clear-flag", action="store_true",
                   help="only clear a restore-in-progress flag left by a restore that was killed")
    p.add_argument("--passphrase-stdin", action="store_true",
                   help="read the passphrase from standard input instead of asking for it")

    p = sub.add_parser("audit", help="the audit trail: verify its hash chain, or list recent entries")
    _common(p, top=False)
    p.add_argument("action", choices=("verify", "list"))
    p.add_argument("--limit", type=int, default=50, help="list: how many entries (newest first)")
    p.add_argument("--anchor", action="append", metavar="ROW:HEX",
                   help="verify: an anchor printed by an earlier verify; the trail must still match it (repeatable)")

    p = sub.add_parser("verify", help="check whether a PDF is an unaltered issued report")
    _common(p, top=False)
    p.add_argument("file", metavar="FILE.pdf")

    from rasad_desktop.cli_exchange import add_parsers
    from rasad_desktop.cli_users import add_parser as add_users_parser

    add_parsers(sub, _common)
    add_users_parser(sub, _common)
    return parser


def main(argv: list[str] | None = None) -> int:
    _utf8_console()
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
            return _console_needed(ctx, args)
        from rasad_desktop.cli_audit import cmd_audit
        from rasad_desktop.cli_backup import cmd_backup, cmd_restore
        from rasad_desktop.cli_exchange import cmd_export, cmd_import
        from rasad_desktop.cli_reports import cmd_report, cmd_verify
        from rasad_desktop.cli_users import cmd_users

        commands = {"init": cmd_init, "demo": cmd_demo, "summary": cmd_summary, "report": cmd_report,
                    "verify": cmd_verify, "backup": cmd_backup, "restore": cmd_restore, "audit": cmd_audit,
                    "export": cmd_export, "import": cmd_import, "users": cmd_users}
        return commands[command](ctx, args)
    except RasadError as err:
        print(err.message(ctx.lang), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _console_needed(ctx: Context, args: argparse.Namespace) -> int:
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


def _utf8_console() -> None:
    # Windows consoles default to a legacy code page that cannot print Persian
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(encoding="utf-8")
            except (OSError, ValueError):
                pass


def cmd_init(ctx: Context, args: argparse.Namespace) -> int:
    from rasad_desktop.services import accounts
    from rasad_desktop.services.roles import Actor, Role

    db = ctx.open_db()
    print(ctx.t(f"پایگاه داده آماده است: {db.describe()}", f"Database ready: {db.describe()}"))
    with db.session() as session:
        if accounts.count_users(session) > 0:
            print(ctx.t("کاربران از پیش تعریف شده‌اند؛ مدیر تازه‌ای ساخته نشد.",
                        "Users already exist; no new administrator was created."))
            return 0
        password = None
        if not sys.stdin.isatty():
            password = sys.stdin.readline().rstrip("\r\n")
            if not password:
                print(ctx.t("گذرواژه از ورودی استاندارد خوانده نشد.", "No password was given on standard input."),
                      file=sys.stderr)
                return 1
        user, generated = accounts.create_user(
            session, Actor.console(), args.admin, Role.ADMIN, password, full_name=args.full_name
        )
    print(ctx.t(f"مدیر سامانه «{user.username}» ساخته شد.", f"Administrator '{user.username}' created."))
    if generated:
        print(ctx.t(
            f"گذرواژهٔ موقت (فقط همین یک بار نمایش داده می‌شود؛ در نخستین ورود باید عوض شود): {generated}",
            f"Temporary password (shown only this once; it must be changed at first sign-in): {generated}",
        ))
    return 0


def cmd_demo(ctx: Context, args: argparse.Namespace) -> int:
    from rasad_desktop.services.demo import default_demo_year, load_demo
    from rasad_desktop.services.roles import Actor

    current, done = default_demo_year(dt.date.today())
    year = args.year or current
    months = args.months or (done if year == current else 12)
    db = ctx.open_db()
    with db.session() as session:
        result = load_demo(session, Actor.console(), year, months)
    y0, y1 = result.years
    print(ctx.t(
        f"استان نمونه بارگذاری شد: {ctx.digits(str(result.agencies))} دستگاه، "
        f"{ctx.digits(str(result.assignments))} ردیف مصوب و {ctx.digits(str(result.collections))} "
        f"رقم وصولی ماهانه برای سال‌های {ctx.digits(str(y0))} (۱۲ ماه) و {ctx.digits(str(y1))} "
        f"({ctx.digits(str(result.months[1]))} ماه).",
        f"Demo province loaded: {result.agencies} agencies, {result.assignments} approved lines and "
        f"{result.collections} monthly collections for {y0} (12 months) and {y1} ({result.months[1]} months).",
    ))
    print(ctx.t(
        f"نمونه: rasad-desktop summary --year {y1} --through-month {min(6, result.months[1])}",
        f"Try: rasad-desktop summary --year {y1} --through-month {min(6, result.months[1])}",
    ))
    return 0


def cmd_summary(ctx: Context, args: argparse.Namespace) -> int:
    from rasad_desktop.services.budget import find_year
    from rasad_desktop.services.queries import agency_table
    from rasad_desktop.textreport import render_agency_table

    period = Period(args.year, args.through_month)  # validates, with a Persian message
    unit = Unit.from_key(args.unit or ctx.settings.get("default_unit"))
    digits = args.digits or ("latin" if ctx.lang == "en" else "fa")
    thresholds = Thresholds(ctx.settings.get("status_good"), ctx.settings.get("status_watch"))
    db = ctx.open_db()
    with db.session() as session:
        find_year(session, period.year)
        table = agency_table(session, period.year, period.through_month, thresholds=thresholds,
                             total_title=ctx.t("جمع کل", "Total"))
    if not table.rows:
        print(ctx.t("برای این سال هیچ مصوب یا وصولی ثبت نشده است.",
                    "No approved amounts or collections are recorded for this year."))
        return 0
    print(ctx.t("گزارش رصد منابع — عملکرد دستگاه‌های اجرایی", "Resource monitoring — agencies' performance"))
    print(period.label(ctx.lang))
    print(ctx.t(f"ارقام: {unit.label('fa')}", f"Amounts in {unit.label('en')}"))
    print()
    print(render_agency_table(table, unit, digits=digits, language=ctx.lang))
    return 0
