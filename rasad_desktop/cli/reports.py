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
    from rasad_desktop.services.reporting import Verification
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


def _claim_fa(claimed: str | None) -> str:
    number, _, version = (claimed or "").partition(" v")
    return f"{localize_digits(number)} (نسخهٔ {localize_digits(version)})"


def cmd_verify(ctx: Context, args: argparse.Namespace) -> int:
    """Exit status 0 only for "valid"."""
    from rasad_desktop.services import reporting

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


def verification_lines(lang: str, v: Verification) -> list[str]:
    """What ``verify`` found, as lines to print (the GUI shows the same)."""
    from rasad_desktop.reports.signature import grouped

    def t(fa: str, en: str) -> str:
        return en if lang == "en" else fa

    claimed_fa, claimed = _claim_fa(v.claimed), v.claimed or ""
    signer_fa = f" با گواهی «{v.signer.subject}»" if v.signer else ""
    signer_en = f" with the certificate '{v.signer.subject}'" if v.signer else ""
    head = {
        "valid": t(f"معتبر: این فایل گزارش {claimed_fa} است، همان‌گونه که صادر و{' امضا' if v.signer else ''} شده؛"
                   " هیچ تغییری نکرده است.",
                   f"VALID: this file is report {claimed} exactly as it was issued{' and signed' if v.signer else ''};"
                   " nothing in it was changed."),
        "changed_after_signing": t(
            f"تغییر پس از امضا: محتوای امضاشدهٔ گزارش {claimed_fa} سالم است، اما پس از امضا چیزی به فایل افزوده شده"
            " (مثلاً یادداشتی در نمایشگر PDF، یا صفحه‌ای که روی آن کشیده شده). آنچه نمایشگر نشان می‌دهد ممکن است با"
            " نسخهٔ امضاشده یکی نباشد؛ نسخهٔ صادرشده را از دفتر بخواهید.",
            f"CHANGED AFTER SIGNING: the signed content of report {claimed} is intact, but something was added to "
            "the file after it was signed (a comment in a PDF viewer, or something drawn over a page). What a viewer "
            "shows may differ from what was signed; ask the office for the issued file."),
        "altered": t(
            f"نامعتبر: این فایل خود را گزارش {claimed_fa} معرفی می‌کند، اما با فایل صادرشده یکی نیست"
            f"{' یا امضای آن شکسته است' if v.signer else ''}؛ پس از صدور تغییر کرده است.",
            f"NOT VALID: this file claims to be report {claimed}, but it is not the file that was issued"
            f"{' or its signature is broken' if v.signer else ''}; it was altered after issuing."),
        "untrusted": t(
            f"امضاکنندهٔ ناشناس: محتوای فایل پس از امضا تغییر نکرده، اما{signer_fa} امضا شده که این‌جا مورد اعتماد"
            " نیست. اگر از دفتری دیگر است، گواهی آن دفتر را با «certificate import» وارد کنید.",
            f"UNKNOWN SIGNER: the content is unchanged since it was signed, but it was signed{signer_en}, which is "
            "not trusted here. If it is from another office, import that office's certificate (certificate import)."),
        "unknown": t(
            "ناشناخته در این‌جا: این فایل نه در فهرست گزارش‌های صادرشدهٔ این پایگاه داده است و نه با گواهی مورد "
            "اعتمادی امضا شده (شاید از دفتر دیگری است، یا فهرست گزارش‌های دفتر هنوز به این ایستگاه نرسیده است).",
            "NOT KNOWN HERE: this file is neither in this database's registry of issued reports nor signed with a "
            "trusted certificate (it may be from another office, or the office's registry has not reached this "
            "workstation yet)."),
    }[v.status]
    lines = [head]
    r = v.report
    if r is not None and v.status != "altered":
        lines.append(t(f"صادرشده در {format_jalali(r.issued_at)} توسط «{r.issued_by}»؛ کد تصدیق: {r.verification_code}",
                       f"Issued on {format_jalali(r.issued_at, 'latin')} by '{r.issued_by}'; verification code: "
                       f"{r.verification_code}"))
    if v.signer is not None and v.status in ("valid", "changed_after_signing", "untrusted"):
        lines.append(t(f"امضاکننده: {v.signer.subject}", f"Signer: {v.signer.subject}"))
        lines.append(t("اثر انگشت گواهی", "Certificate fingerprint") + f" (SHA-256): {grouped(v.signer.fingerprint)}")
        if r is None and v.status == "valid":
            lines.append(t("این پایگاه داده سابقه‌ای از این گزارش ندارد؛ اعتبار آن از امضای گواهی مورد اعتماد است.",
                           "This database has no record of this report; it is valid by the trusted certificate's "
                           "signature."))
    if v.latest_version and r is not None and v.latest_version > r.version:
        lines.append(t(f"توجه: نسخهٔ جدیدتری ({localize_digits(str(v.latest_version))}) از این گزارش صادر شده است.",
                       f"Note: a newer version ({v.latest_version}) of this report has been issued."))
    if v.registry_edited:
        lines.append(t("هشدار: ردیف این گزارش در فهرست گزارش‌های صادرشده با گزارش رویدادها نمی‌خواند؛ کسی پایگاه داده را "
                       "مستقیم ویرایش کرده است. «audit verify» را اجرا کنید.",
                       "Warning: this report's row in the registry of issued reports disagrees with the audit trail; "
                       "someone edited the database directly. Run 'audit verify'."))
    return lines
