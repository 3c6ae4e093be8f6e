"""``rasad-desktop report`` and ``rasad-desktop verify``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from rasad_desktop.cli.context import UsageError
from rasad_desktop.core.amounts import Unit
from rasad_desktop.core.digits import localize_digits
from rasad_desktop.core.errors import RasadError
from rasad_desktop.core.file_errors import file_problem
from rasad_desktop.core.jalali import Period, check_year, format_jalali
from rasad_desktop.formats.atomic import write_user_file

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from rasad_desktop.cli.context import Context
    from rasad_desktop.reports.common import RenderOptions
    from rasad_desktop.services.signing import Credentials


class FileProblem(RasadError):
    pass


def render_options(session: Session, args: argparse.Namespace, unit: Unit) -> RenderOptions:
    """The office settings' options, with the command line's signature overrides."""
    from rasad_desktop.services.reporting import render_options as office_options

    def person(flag: str | None) -> tuple[str, str] | None:
        if not flag:
            return None
        name, _, title = flag.partition("|")
        return name.strip(), title.strip()

    image = getattr(args, "signature_image", None)
    if image and not Path(image).is_file():
        raise FileProblem(f"تصویر امضا «{image}» پیدا نشد.", f"Signature image '{image}' not found.")
    return office_options(session, unit, prepared_by=person(getattr(args, "prepared_by", None)),
                          approved_by=person(getattr(args, "approved_by", None)), signature_image=image)


def check_usage(args: argparse.Namespace) -> None:
    """The options each kind of report needs (argparse cannot say "required for this kind")."""
    from rasad_desktop.services.errors import ValidationError
    from rasad_desktop.services.reporting import ReportRequest

    if args.kind == "text":
        if not args.infile:
            raise UsageError("برای گزارش متن، فایل ورودی (--in) لازم است.", "The text report needs --in FILE.txt.")
        return
    if args.year is None:
        raise UsageError("سال مالی (--year) لازم است.", "The fiscal year (--year) is required.")
    if args.correct and not args.issue:
        raise UsageError("--correct فقط همراه با --issue به کار می‌رود.", "--correct needs --issue.")
    try:  # --through-month and --agency, as the service asks for them
        ReportRequest(args.kind, args.year, args.through_month, args.agency).check()
    except ValidationError as err:
        if err.code not in ("month_required", "agency_required"):
            raise
        raise UsageError(err.message_fa, err.message_en, code=err.code) from None


def cmd_report(ctx: Context, args: argparse.Namespace) -> int:
    check_usage(args)
    if args.kind == "text":
        return _text_report(ctx, args)
    from rasad_desktop.services import reporting
    from rasad_desktop.services.roles import Actor

    check_year(args.year)
    if args.through_month is not None:
        Period(args.year, args.through_month)
    unit = Unit.from_key(args.unit or ctx.settings.get("default_unit"))
    request = reporting.ReportRequest(args.kind, args.year, args.through_month, args.agency, unit)
    db = ctx.open_db()
    with db.session() as session:
        opts = render_options(session, args, unit)
        if args.issue:
            credentials = _credentials(ctx, args, session)
            row = reporting.issue(session, Actor.console(), request, opts, credentials=credentials,
                                  correction_of=args.correct)
            write_user_file(args.out, row.pdf, cls=FileProblem)
            print(ctx.t(
                f"گزارش با شمارهٔ {localize_digits(row.number)} (نسخهٔ {localize_digits(str(row.version))}) "
                f"صادر و در «{args.out}» ذخیره شد. کد تصدیق: {row.verification_code}",
                f"Issued report {row.number} (version {row.version}) to '{args.out}'. "
                f"Verification code: {row.verification_code}",
            ))
            print(f"SHA-256: {row.pdf_sha256}")
            _print_signer(ctx, row.pdf)
            return 0
        pdf = reporting.draft(session, request, opts)
    write_user_file(args.out, pdf, cls=FileProblem)
    print(ctx.t(f"پیش‌نویس گزارش در «{args.out}» ذخیره شد.", f"Draft report written to '{args.out}'."))
    return 0


def _credentials(ctx: Context, args: argparse.Namespace, session: Session) -> Credentials:
    """The signing passphrase (or an official's PKCS#12 file and its password)."""
    from rasad_desktop.cli.console import read_passphrase
    from rasad_desktop.services import signing

    pkcs12 = None
    if args.pkcs12:
        try:
            pkcs12 = Path(args.pkcs12).read_bytes()
        except OSError as err:
            raise file_problem(args.pkcs12, err, writing=False, cls=FileProblem) from None
        secret = read_passphrase(ctx, args, "رمز فایل گواهی: ", "Certificate file password: ")
        return signing.Credentials(secret, pkcs12)
    first = signing.office_certificate(session) is None
    session.rollback()
    if first:
        print(ctx.t("نخستین گزارش صادر می‌شود: گواهی امضای دفتر ساخته می‌شود و عبارت عبوری که اکنون می‌دهید "
                    "از این پس برای صدور هر گزارش لازم است.",
                    "This is the first report issued: the office signing certificate is made now, and the "
                    "passphrase you give now is needed to issue every report from now on."))
    secret = read_passphrase(ctx, args, "عبارت عبور امضا: ", "Signing passphrase: ", twice=first,
                             check=signing.check_passphrase)
    return signing.Credentials(secret)


def _print_signer(ctx: Context, pdf: bytes) -> None:
    from rasad_desktop.reports import signature

    found = signature.inspect(pdf)
    if found.signer is not None:
        print(ctx.t(f"امضاشده با گواهی «{found.signer.subject}»", f"Signed with the certificate '{found.signer.subject}'"))
        print(ctx.t("اثر انگشت گواهی", "Certificate fingerprint") + f" (SHA-256): {signature.grouped(found.signer.fingerprint)}")


def _text_report(ctx: Context, args: argparse.Namespace) -> int:
    import datetime as dt

    from rasad_desktop.reports import text_page
    from rasad_desktop.reports.page import PageInfo

    try:
        raw = Path(args.infile).read_bytes()
    except OSError as err:
        raise file_problem(args.infile, err, writing=False, cls=FileProblem) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileProblem(f"«{args.infile}» با کدگذاری UTF-8 نیست.", f"'{args.infile}' is not UTF-8.") from None
    from rasad_desktop.services.office import office_name

    with ctx.open_db().session() as session:
        office_fa = office_name(session)
    info = PageInfo(office_fa, text_page.TITLE_FA, format_jalali(dt.date.today()), None)
    write_user_file(args.out, text_page.render(text.splitlines(), info), cls=FileProblem)
    print(ctx.t(f"صفحهٔ آزمون در «{args.out}» ذخیره شد.", f"Test page written to '{args.out}'."))
    return 0


def cmd_verify(ctx: Context, args: argparse.Namespace) -> int:
    """Exit status 0 only for "valid"."""
    from rasad_desktop.services import reporting
    from rasad_desktop.services.verification_text import verification_lines

    try:
        data = Path(args.file).read_bytes()
    except OSError as err:
        raise file_problem(args.file, err, writing=False, cls=FileProblem) from None
    db = ctx.open_db()
    try:
        with db.session() as session:
            v = reporting.verify(session, data)
            lines = verification_lines(ctx.lang, v)
    finally:
        db.close()
    for line in lines:
        print(line)
    return 0 if v.status == "valid" else 1
