"""The command line's arguments: every command and option of ``rasad-desktop`` (the
README's command table) is declared here, and nothing else is imported to build it."""

from __future__ import annotations

import argparse

from rasad_desktop import APP_NAME_FA, __version__
from rasad_desktop.exchange.datasets import DATASETS
from rasad_desktop.services.report_kinds import REGISTERED
from rasad_desktop.services.roles import Role


def common(parser: argparse.ArgumentParser, *, top: bool) -> None:
    default = None if top else argparse.SUPPRESS
    parser.add_argument("--data-dir", metavar="DIR", default=default,
                        help="data folder (default: the per-user application-data folder)")
    parser.add_argument("--database-url", metavar="URL", default=default,
                        help="SQLAlchemy database URL, e.g. postgresql+psycopg://user@host/rasad")
    parser.add_argument("--lang", choices=("fa", "en"), default=default, help="message language")


def command(sub: argparse._SubParsersAction[argparse.ArgumentParser], name: str, help: str) -> argparse.ArgumentParser:
    """A subcommand with the options every command accepts; ``args.command_parser`` is its
    parser, whose usage line a usage error found after parsing is shown with."""
    parser = sub.add_parser(name, help=help)
    common(parser, top=False)
    parser.set_defaults(command_parser=parser)
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rasad-desktop",
        description=f"{APP_NAME_FA} (Rasad): monitoring the realization of provincial budget resources.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    common(parser, top=True)
    parser.add_argument("--no-dialogs", action="store_true",
                        help="GUI: write messages to the log instead of showing dialogs")
    parser.add_argument("--smoke-test", action="store_true",
                        help="check this installation in a temporary data folder, then exit (0: works)")
    parser.add_argument("--smoke-out", metavar="DIR", help="with --smoke-test: write the result and PDF here")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    command(sub, "gui", "open the application (the default)")

    p = command(sub, "init", "create or upgrade the database and the first administrator")
    p.add_argument("--admin", default="admin", metavar="NAME", help="administrator user name (default: admin)")
    p.add_argument("--full-name", default="مدیر سامانه", help="administrator's full name")

    p = command(sub, "demo", "load the demo province (two fiscal years)")
    p.add_argument("--year", type=int, help="the later demo year (default: the current fiscal year)")
    p.add_argument("--months", type=int, help="months of collections in the later year "
                   "(default: completed months of the current year; 12 for a past year)")

    p = command(sub, "summary", "print the by-agency realization table")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--through-month", type=int, required=True, metavar="N")
    p.add_argument("--unit", default=None, help="rial, million or billion (default: the setting)")
    p.add_argument("--digits", choices=("fa", "latin"), default=None,
                   help="digit form (default: Persian; Latin with --lang en)")

    p = command(sub, "report", "render a report to PDF (and optionally issue it)")
    p.add_argument("kind", choices=(*REGISTERED, "text"))
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
    p.add_argument("--passphrase-stdin", action="store_true",
                   help="with --issue: read the signing passphrase (or the --pkcs12 password) from standard input")
    p.add_argument("--pkcs12", metavar="FILE.p12",
                   help="with --issue: sign with this certificate (an official's own) instead of the office's")

    p = command(sub, "backup", "write an encrypted, verified backup of the database")
    p.add_argument("--out", required=True, metavar="FILE", help="the backup file to write (e.g. rasad-1405-09-04.rbk)")
    p.add_argument("--passphrase-stdin", action="store_true",
                   help="read the passphrase from standard input instead of asking for it")

    p = command(sub, "restore", "restore the database from an encrypted backup")
    p.add_argument("file", metavar="FILE", nargs="?")
    p.add_argument("--clear-flag", action="store_true",
                   help="only clear a restore-in-progress flag left by a restore that was killed")
    p.add_argument("--passphrase-stdin", action="store_true",
                   help="read the passphrase from standard input instead of asking for it")
    p.add_argument("--accept-foreign", action="store_true",
                   help="without a terminal: restore even a backup from another installation (its office and "
                        "users are printed first); on a terminal you are asked")

    p = command(sub, "audit", "the audit trail: verify its hash chain and the data against it, list recent "
                              "entries, or seal today's data as a baseline")
    p.add_argument("action", choices=("verify", "list", "baseline"))
    p.add_argument("--limit", type=int, default=50, help="list: how many entries (newest first)")
    p.add_argument("--anchor", action="append", metavar="ROW:HEX",
                   help="verify: an anchor printed by an earlier verify; the trail must still match it (repeatable)")
    p.add_argument("--reports", metavar="DIR",
                   help="verify: also check the trail against the audit anchor in every issued PDF in DIR")

    p = command(sub, "certificate", "the certificate issued reports are signed with")
    p.add_argument("action", choices=("show", "export", "import", "new"))
    p.add_argument("file", nargs="?", metavar="FILE",
                   help="export: the PEM file to write; import: a certificate to trust (PEM or DER)")
    p.add_argument("--passphrase-stdin", action="store_true",
                   help="new: read the new signing passphrase from standard input")

    p = command(sub, "verify", "check whether a PDF is an unaltered issued report")
    p.add_argument("file", metavar="FILE.pdf")

    p = command(sub, "export", "write a year's monthly collections or approved amounts to Excel (or CSV)")
    p.add_argument("what", choices=tuple(DATASETS))
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--through-month", type=int, metavar="N", help="collections: only months 1 to N (default: all)")
    p.add_argument("--out", required=True, metavar="FILE.xlsx", help="the file to write (.xlsx or .csv)")

    p = command(sub, "import", "read monthly collections or approved amounts from Excel (or CSV)")
    p.add_argument("what", choices=tuple(DATASETS))
    p.add_argument("file", metavar="FILE.xlsx")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--dry-run", action="store_true", help="check the file and count the changes; write nothing")
    p.add_argument("--reason", default="", metavar="TEXT",
                   help="collections: why the figures with plausibility warnings are right (kept with each)")

    p = command(sub, "users", "user accounts: list, add, reset a password, lock, unlock, change a role")
    p.add_argument("action", choices=("list", "add", "reset", "lock", "unlock", "role"))
    p.add_argument("username", nargs="?", help="the account (all actions but list)")
    p.add_argument("--role", choices=[r.value for r in Role], help="add: the new account's role; role: its new role")
    p.add_argument("--full-name", default="", help="add: the person's full name")
    p.add_argument("--title", default="", help="add: the person's title (سمت), printed under their name as preparer")

    p = command(sub, "workstations", "at the office: enrol a workstation, list them, give them agencies, retire one")
    p.add_argument("action", choices=("add", "list", "assign", "unassign", "retire"))
    p.add_argument("name", nargs="?", metavar="NAME|NUMBER",
                   help="add: the new workstation's name; assign, retire: its number")
    p.add_argument("--out", metavar="FILE.rse", help="add: the enrolment file to write")
    p.add_argument("--agencies", nargs="+", metavar="CODE", help="assign, unassign: agency codes")

    p = command(sub, "workstation", "on a workstation: join the office with its enrolment file, or show its state")
    p.add_argument("action", choices=("join", "status"))
    p.add_argument("file", nargs="?", metavar="FILE.rse", help="join: the enrolment file")
    p.add_argument("--code-stdin", action="store_true",
                   help="join: read the enrolment code from standard input instead of asking for it")

    p = command(sub, "server", "on a shared PostgreSQL server (with the owner's --database-url): make the server "
                               "enforce the roles with a login per user")
    p.add_argument("action", choices=("setup",))
    p.add_argument("--admin", default="admin", metavar="NAME",
                   help="a database without users: the first administrator's name (default: admin)")
    p.add_argument("--full-name", default="مدیر سامانه", help="the first administrator's full name")

    p = command(sub, "sync", "synchronisation packages between the office and its workstations")
    p.add_argument("action", choices=("export", "import", "conflicts", "resolve"))
    p.add_argument("target", nargs="?", metavar="FILE.rsp|ID", help="import: the package; resolve: the conflict's ID")
    p.add_argument("--out", metavar="FILE.rsp", help="export: the package to write")
    p.add_argument("--to", type=int, metavar="NUMBER", help="export at the office: the workstation it is for")
    p.add_argument("--keep", choices=("office", "workstation"), help="resolve: which value stays")
    p.add_argument("--all", action="store_true", help="conflicts: the decided ones too")
    return parser
