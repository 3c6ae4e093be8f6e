"""``rasad-desktop report`` and ``rasad-desktop verify``."""

from __future__ import annotations

import argparse
import sys
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
            row = reporting.issue(session, Actor.console(), request, opts, correction_of=args.correct)
            write_user_file(args.out, row.pdf, cls=FileProblem)
            print(ctx.t(
                f"گزارش با شمارهٔ {localize_digits(row.number)} (نسخهٔ {localize_digits(str(row.version))}) "
                f"صادر و در «{args.out}» ذخیره شد. کد تصدیق: {row.verification_code}",
                f"Issued report {row.number} (version {row.version}) to '{args.out}'. "
                f"Verification code: {row.verification_code}",
            ))
            print(f"SHA-256: {row.pdf_sha256}")
            return 0
        pdf = reporting.draft(session, request, opts)
    write_user_file(args.out, pdf, cls=FileProblem)
    print(ctx.t(f"پیش‌نویس گزارش در «{args.out}» ذخیره شد.", f"Draft report written to '{args.out}'."))
    return 0


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
    from rasad_desktop.services import reporting

    try:
        data = Path(args.file).read_bytes()
    except OSError as err:
        raise file_problem(args.file, err, writing=False, cls=FileProblem) from None
    db = ctx.open_db()
    with db.session() as session:
        v = reporting.verify(session, data)
    if v.status == "valid" and v.report is not None:
        r = v.report
        print(ctx.t(
            f"معتبر: این فایل گزارش صادرشدهٔ شمارهٔ {localize_digits(r.number)} (نسخهٔ "
            f"{localize_digits(str(r.version))}) است و تغییری نکرده است؛ صادرشده در {format_jalali(r.issued_at)} "
            f"توسط «{r.issued_by}». کد تصدیق: {r.verification_code}",
            f"VALID: this file is issued report {r.number} (version {r.version}), unaltered; issued on "
            f"{format_jalali(r.issued_at, 'latin')} by '{r.issued_by}'. Verification code: {r.verification_code}",
        ))
        if v.latest_version and v.latest_version > r.version:
            print(ctx.t(f"توجه: نسخهٔ جدیدتری ({localize_digits(str(v.latest_version))}) از این گزارش صادر شده است.",
                        f"Note: a newer version ({v.latest_version}) of this report has been issued."))
        return 0
    if v.status == "altered":
        print(ctx.t(
            f"نامعتبر: این فایل خود را گزارش {_claim_fa(v.claimed)} معرفی می‌کند، اما با فایل صادرشده "
            "یکی نیست؛ پس از صدور تغییر کرده است.",
            f"NOT VALID: this file claims to be report {v.claimed}, but it differs from the issued file; "
            "it was altered after issuing.",
        ), file=sys.stdout)
        return 1
    print(ctx.t("ناشناخته در این‌جا: این فایل در فهرست گزارش‌های صادرشدهٔ این پایگاه داده نیست (شاید از دفتر "
                "دیگری است، یا فهرست گزارش‌های دفتر هنوز به این ایستگاه نرسیده است).",
                "NOT KNOWN HERE: this file is not in this database's registry of issued reports (it may be from "
                "another office, or the office's registry has not reached this workstation yet)."))
    return 1
