"""``rasad-desktop certificate show|export|import|new``: the certificate reports are signed with.

``show`` prints the office certificate's name and SHA-256 fingerprint (the one each issued
report prints in its footer) and the certificates trusted here; ``export FILE.pem`` writes
the office certificate for the reports' recipients, who ``import`` it into their own
Rasad (or their PDF reader) to verify a report without this office's database. ``new``
replaces the office certificate (a forgotten passphrase); the old one stays trusted.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from rasad_desktop.cli.context import UsageError
from rasad_desktop.core.errors import RasadError
from rasad_desktop.core.file_errors import file_problem
from rasad_desktop.formats.atomic import write_user_file

if TYPE_CHECKING:
    from rasad_desktop.cli.context import Context

SOURCES = {"office": ("گواهی دفتر", "office"), "imported": ("واردشده", "imported"),
           "official": ("گواهی شخصی مقام امضاکننده", "an official's own")}


class CertificateFileProblem(RasadError):
    pass


def cmd_certificate(ctx: Context, args: argparse.Namespace) -> int:
    from rasad_desktop.services import signing
    from rasad_desktop.services.office import office_name
    from rasad_desktop.services.roles import Actor

    if args.action in ("export", "import") and not args.file:
        raise UsageError("فایل گواهی را بدهید.", "Give the certificate file.")
    db = ctx.open_db()
    try:
        with db.session() as session:
            if args.action == "export":
                pem = signing.export_certificate(session, Actor.console())
                write_user_file(args.file, pem, cls=CertificateFileProblem)
                print(ctx.t(f"گواهی امضای دفتر در «{args.file}» نوشته شد؛ آن را برای گیرندگان گزارش‌ها بفرستید.",
                            f"The office signing certificate was written to '{args.file}'; send it to the "
                            "reports' recipients."))
                return _show(ctx, session)
            if args.action == "import":
                try:
                    data = Path(args.file).read_bytes()
                except OSError as err:
                    raise file_problem(args.file, err, writing=False, cls=CertificateFileProblem) from None
                row = signing.import_certificate(session, Actor.console(), data)
                print(ctx.t(f"گواهی «{row.subject}» مورد اعتماد است.", f"Certificate '{row.subject}' is trusted."))
                print(f"SHA-256: {_grouped(row.fingerprint)}")
                return 0
            if args.action == "new":
                from rasad_desktop.cli.console import read_passphrase

                passphrase = read_passphrase(ctx, args, "عبارت عبور امضای تازه: ", "New signing passphrase: ",
                                             twice=True, check=signing.check_passphrase)
                signing.new_office_certificate(session, Actor.console(), passphrase, office_name(session))
                print(ctx.t("گواهی امضای تازهٔ دفتر ساخته شد؛ گواهی پیشین برای تصدیق گزارش‌های گذشته مورد اعتماد "
                            "می‌ماند.", "A new office signing certificate was made; the previous one stays trusted "
                            "for verifying past reports."))
            return _show(ctx, session)
    finally:
        db.close()


def _grouped(fingerprint: str) -> str:
    from rasad_desktop.reports.signature import grouped

    return grouped(fingerprint)


def _show(ctx: Context, session: object) -> int:
    from sqlalchemy import select

    from rasad_desktop.db.models import SigningCertificate

    rows = list(session.scalars(select(SigningCertificate).order_by(SigningCertificate.id)))  # type: ignore[attr-defined]  # a Session
    active = [r for r in rows if r.active]
    if not active:
        print(ctx.t("این دفتر هنوز گواهی امضا ندارد؛ با صدور نخستین گزارش ساخته می‌شود.",
                    "This office has no signing certificate yet; it is made when the first report is issued."))
    for r in active:
        print(ctx.t(f"گواهی امضای دفتر: {r.subject}", f"Office signing certificate: {r.subject}"))
        print(f"SHA-256: {_grouped(r.fingerprint)}")
    others = [r for r in rows if not r.active]
    if others:
        print(ctx.t("گواهی‌های مورد اعتماد دیگر:", "Other trusted certificates:"))
        for r in others:
            label = SOURCES.get(r.source, (r.source, r.source))
            print(f"  • {r.subject} ({ctx.t(label[0], label[1])}) SHA-256: {_grouped(r.fingerprint)}")
    return 0
