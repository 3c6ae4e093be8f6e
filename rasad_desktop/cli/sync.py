"""``rasad-desktop workstations`` (at the office), ``workstation`` (on a workstation) and
``sync`` (both): enrolment, packages and conflicts. ``sync import`` exits 0 when the
package was read (whatever it held), 1 when it was refused with nothing written."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from rasad_desktop.cli.context import UsageError
from rasad_desktop.core.digits import localize_digits
from rasad_desktop.core.errors import RasadError
from rasad_desktop.services.roles import Actor

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from rasad_desktop.cli.context import Context
    from rasad_desktop.services.sync.merge import Outcome


def _number(ctx: Context, text: str | None, what: str) -> int:
    from rasad_desktop.core.digits import to_latin_digits

    try:
        value = int(to_latin_digits((text or "").strip()))
        if not 0 <= value < 2 ** 53:
            raise ValueError(text)
        return value
    except ValueError:
        if what == "resolve":
            raise UsageError("شناسهٔ تعارض را بدهید (از sync conflicts)، مانند: sync resolve 12 --keep office",
                             "Give the conflict's ID (from sync conflicts), e.g. sync resolve 12 --keep office") from None
        raise UsageError(f"شمارهٔ ایستگاه را بدهید، مانند: workstations {what} 3",
                         f"Give the workstation's number, e.g. workstations {what} 3") from None


# -------------------------------------------------------------------------- workstations (office)
def cmd_workstations(ctx: Context, args: argparse.Namespace) -> int:
    from rasad_desktop.services.sync import enrolment

    if args.action == "add" and (not args.name or not args.out):
        raise UsageError("نام ایستگاه و فایل عضویت را بدهید، مانند: workstations add «پیشخوان ۱» --out ws1.rse",
                         "Give the workstation's name and the enrolment file, e.g. workstations add "
                         "\"Counter 1\" --out ws1.rse")
    if args.action in ("assign", "unassign") and not args.agencies:
        raise UsageError("کد دستگاه‌ها را با --agencies بدهید.", "Give the agency codes with --agencies.")
    db = ctx.open_db()
    actor = Actor.console()
    try:
        with db.session() as session:
            if args.action == "list":
                return _list(ctx, session)
            if args.action == "add":
                return _add(ctx, session, actor, args.name, Path(args.out))
            if args.action == "retire":
                n = _number(ctx, args.name, "retire")
                enrolment.retire(session, actor, n)
                print(ctx.t(f"ایستگاه {localize_digits(str(n))} کنار گذاشته شد؛ بسته‌هایش دیگر پذیرفته نمی‌شود و "
                            "شماره‌اش دوباره داده نمی‌شود.",
                            f"Workstation {n} retired: its packages are no longer taken and its number is never "
                            "given again."))
                return 0
            number = _number(ctx, args.name, "assign") if args.action == "assign" else None
            changed = enrolment.assign(session, actor, number, list(args.agencies))
            k = ctx.digits(str(changed))
            if number is None:
                print(ctx.t(f"{k} دستگاه به هیچ ایستگاهی سپرده نیست (هر ایستگاهی ارقامشان را وارد می‌کند).",
                            f"{changed} agencies now belong to no workstation (any may enter their figures)."))
            else:
                print(ctx.t(f"{k} دستگاه به ایستگاه {localize_digits(str(number))} سپرده شد؛ ارقامشان در "
                            "ایستگاه‌های دیگر پذیرفته نمی‌شود.",
                            f"{changed} agencies assigned to workstation {number}; their figures are refused at "
                            "other workstations."))
            return 0
    finally:
        db.close()


def _add(ctx: Context, session: Session, actor: Actor, name: str, out: Path) -> int:
    from rasad_desktop.formats import atomic
    from rasad_desktop.services.sync import enrolment

    if out.exists():
        raise UsageError(f"فایل «{out}» هست؛ نام دیگری بدهید.", f"'{out}' exists; give another name.")
    e = enrolment.add(session, actor, name, ctx.data_dir, office_station=ctx.settings.get("workstation"))
    try:
        atomic.write_user_file(out, e.data)
    except RasadError as err:
        print(err.message(ctx.lang), file=sys.stderr)
        print(ctx.t(f"ایستگاه {localize_digits(str(e.number))} ساخته شد اما فایلش نه؛ آن را کنار بگذارید "
                    "(workstations retire) و دوباره عضو کنید.",
                    f"Workstation {e.number} was made but not its file; retire it (workstations retire) and "
                    "enrol again."), file=sys.stderr)
        return 1
    n = ctx.digits(str(e.number))
    print(ctx.t(f"ایستگاه کاری «{e.name}» با شمارهٔ {n} عضو شد. فایل عضویت: {out}",
                f"Workstation '{e.name}' enrolled with number {e.number}. Enrolment file: {out}"))
    print(ctx.t(f"کد عضویت: {e.code}", f"Enrolment code: {e.code}"))
    print(ctx.t("کد را جدا از فایل به ایستگاه برسانید (تلفنی یا روی کاغذ)؛ فایل بی کد باز نمی‌شود. روی ایستگاه: "
                f"rasad-desktop workstation join {out.name}",
                "Give the code to the workstation apart from the file (by phone or on paper); the file does not "
                f"open without it. On the workstation: rasad-desktop workstation join {out.name}"))
    return 0


def _list(ctx: Context, session: Session) -> int:
    from rasad_desktop.cli.audit import local_time
    from rasad_desktop.services.sync import enrolment
    from rasad_desktop.textreport import render

    rows = enrolment.workstations(session, Actor.console())
    if not rows:
        print(ctx.t("هنوز ایستگاه کاری عضو نشده است (workstations add).", "No workstations enrolled yet (workstations add)."))
        return 0
    en = ctx.lang == "en"
    digits = "latin" if en else "fa"
    headers = ("No.", "Name", "Enrolled", "Last package", "Pending conflicts", "Agencies", "State") if en else \
        ("شماره", "نام", "عضویت", "آخرین بسته", "تعارض حل‌نشده", "دستگاه‌ها", "وضعیت")
    table = [[ctx.digits(str(r.number)), r.name, local_time(r.enrolled_at, digits),
              local_time(r.last_package_at, digits) if r.last_package_at else "—",
              ctx.digits(str(r.pending_conflicts)), ctx.digits(str(r.owned_agencies)) if r.owned_agencies else "—",
              ctx.t("کنار گذاشته", "retired") if r.retired else ctx.t("فعال", "active")] for r in rows]
    print(render(headers, table, [True, False, False, False, True, True, False]))
    return 0


# -------------------------------------------------------------------------- workstation (joining)
def cmd_workstation(ctx: Context, args: argparse.Namespace) -> int:
    from rasad_desktop.services.sync import enrolment

    if args.action == "join" and not args.file:
        raise UsageError("فایل عضویت را بدهید: workstation join FILE.rse", "Give the enrolment file: workstation join FILE.rse")
    db = ctx.open_db()
    try:
        with db.session() as session:
            if args.action == "status":
                return _status(ctx, session)
            from rasad_desktop.services.sync.packages import read_package

            data = read_package(Path(args.file))
            code = _read_code(ctx, args)
            node = enrolment.join(session, Actor.console(), data, code, ctx.data_dir)
            n = ctx.digits(str(node.station))
            print(ctx.t(f"این رایانه ایستگاه کاری {n} («{node.name}») دفتر شد و دادهٔ دفتر را گرفت. "
                        "ارقام را وارد کنید و با «sync export» برای دفتر بسته بسازید.",
                        f"This computer is now workstation {node.station} ('{node.name}') of the office, with the "
                        "office's data. Enter figures, and make packages for the office with 'sync export'."))
            return 0
    finally:
        db.close()


def _read_code(ctx: Context, args: argparse.Namespace) -> str:
    if args.code_stdin or not sys.stdin.isatty():
        code = sys.stdin.readline().strip()
    else:
        code = getpass.getpass(ctx.t("کد عضویت (بیست رقم): ", "Enrolment code (twenty digits): "))
    if not code:
        raise UsageError("کد عضویت داده نشد.", "No enrolment code was given.")
    return code


def _status(ctx: Context, session: Session) -> int:
    from rasad_desktop.services.sync import enrolment

    info = enrolment.describe_node(session)
    if not info.is_workstation:
        print(ctx.t("این پایگاه داده، پایگاه دفتر است (ایستگاه‌ها: workstations list).",
                    "This database is the office's (its workstations: workstations list)."))
    else:
        n = ctx.digits(str(info.station))
        print(ctx.t(f"این پایگاه داده ایستگاه کاری {n} («{info.name}») است.",
                    f"This database is workstation {info.station} ('{info.name}')."))
        if info.copy:
            print(ctx.t("هشدار: این پایگاه رونوشتی است که در این پوشه عضو نشده؛ چیزی در آن ثبت نمی‌شود.",
                        "Warning: this database is a copy not enrolled in this folder; nothing is recorded in it."))
    print(ctx.t(f"تغییرهای ثبت‌شده در این‌جا: {ctx.digits(str(info.last_seq))}",
                f"Changes made here: {info.last_seq}"))
    return 0


# -------------------------------------------------------------------------- sync
def cmd_sync(ctx: Context, args: argparse.Namespace) -> int:
    if args.action == "export" and not args.out:
        raise UsageError("فایل بسته را با --out بدهید.", "Give the package file with --out.")
    if args.action == "import" and not args.target:
        raise UsageError("فایل بسته را بدهید: sync import FILE.rsp", "Give the package file: sync import FILE.rsp")
    if args.action == "resolve" and (not args.target or not args.keep):
        raise UsageError("شناسهٔ تعارض و --keep office یا --keep workstation را بدهید.",
                         "Give the conflict's ID and --keep office or --keep workstation.")
    db = ctx.open_db()
    actor = Actor.console()
    try:
        with db.session() as session:
            if args.action == "export":
                return _export(ctx, session, actor, Path(args.out), args.to)
            if args.action == "import":
                return _import(ctx, session, actor, Path(args.target))
            if args.action == "conflicts":
                return _conflicts(ctx, session, actor, args.all)
            from rasad_desktop.services.sync.conflicts import resolve

            change_id = _number(ctx, args.target, "resolve")
            resolve(session, actor, change_id, args.keep, ctx.data_dir)
            kept = ctx.t("دفتر", "the office's") if args.keep == "office" else ctx.t("ایستگاه", "the workstation's")
            print(ctx.t(f"تعارض {ctx.digits(str(change_id))} حل شد: مقدار {kept} ماند. تصمیم با بستهٔ بعدی دفتر به "
                        "ایستگاه‌ها می‌رسد.",
                        f"Conflict {change_id} decided: {kept} value stays. The decision reaches the workstations "
                        "with the office's next packages."))
            return 0
    finally:
        db.close()


def _export(ctx: Context, session: Session, actor: Actor, out: Path, to: int | None) -> int:
    from rasad_desktop.services.sync.packages import export_package, place

    exported = export_package(session, actor, ctx.data_dir, to)
    exported.write(out)
    where = place(exported.recipient, ctx.lang)
    print(ctx.t(f"بستهٔ شمارهٔ {ctx.digits(str(exported.number))} برای {where} نوشته شد: {out} — "
                f"{ctx.digits(str(exported.changes))} تغییر، {ctx.digits(str(exported.files))} فایل، "
                f"{ctx.digits(f'{len(exported.data):,}')} بایت.",
                f"Package {exported.number} for {where} written: {out} — {exported.changes} changes, "
                f"{exported.files} files, {len(exported.data):,} bytes."))
    return 0


def _import(ctx: Context, session: Session, actor: Actor, path: Path) -> int:
    from rasad_desktop.services.sync.packages import import_package, read_package

    outcome = import_package(session, actor, read_package(path), ctx.data_dir)
    print_outcome(ctx, outcome)
    return 0


def print_outcome(ctx: Context, o: Outcome) -> None:
    from rasad_desktop.services.sync.packages import place

    d = ctx.digits
    present = o.present + o.repeated
    print(ctx.t(f"بسته خوانده شد: {d(str(o.applied))} تغییر اعمال شد، {d(str(present))} از پیش بود "
                f"({d(str(o.repeated))} پیش‌تر رسیده بود)، {d(str(o.held))} در انتظار، {d(str(o.conflicts))} تعارض.",
                f"Package read: {o.applied} applied, {present} already present ({o.repeated} received before), "
                f"{o.held} held, {o.conflicts} in conflict."))
    for origin, first, last in o.waiting:
        span = d(str(first)) if first == last else f"{d(str(first))} تا {d(str(last))}"
        span_en = str(first) if first == last else f"{first} to {last}"
        print(ctx.t(f"در انتظار: تغییرهای {span} از {place(origin)} هنوز نرسیده است؛ بستهٔ تازه‌تری از آن بگیرید.",
                    f"Waiting: changes {span_en} from {place(origin, 'en')} have not arrived; get a newer package "
                    "from it."))
    if o.withheld:
        print(ctx.t(f"{d(str(o.withheld))} تغییر را دفتر تا تصمیم دربارهٔ تعارضشان نگه داشته است؛ تصمیم با بستهٔ "
                    "بعدی می‌رسد.",
                    f"{o.withheld} changes are kept back by the office until their conflicts are decided; the "
                    "decision comes with a later package."))
    if o.conflicts:
        print(ctx.t("تعارض‌ها: rasad-desktop sync conflicts", "Conflicts: rasad-desktop sync conflicts"))


def _conflicts(ctx: Context, session: Session, actor: Actor, include_decided: bool) -> int:
    from rasad_desktop.cli.audit import local_time
    from rasad_desktop.services.sync.conflicts import conflicts
    from rasad_desktop.services.sync.node import is_workstation
    from rasad_desktop.textreport import render

    rows = conflicts(session, actor, include_decided=include_decided)
    waiting = ctx.t("در انتظار تصمیم دفتر", "awaiting the office") if is_workstation(session) else \
        ctx.t("در انتظار تصمیم", "to decide")
    if not rows:
        print(ctx.t("تعارضی نیست.", "No conflicts."))
        return 0
    en = ctx.lang == "en"
    digits = "latin" if en else "fa"
    headers = ("ID", "From", "What", "Its value", "By, at", "Value here", "By, at", "State") if en else \
        ("شناسه", "از", "چه", "مقدار آن", "کاربر، زمان", "مقدار این‌جا", "کاربر، زمان", "وضعیت")
    decided = {"office": ("مقدار دفتر ماند", "office kept"), "workstation": ("مقدار ایستگاه ماند", "workstation kept"),
               "superseded": ("تغییر بعدی جایش را گرفت", "superseded")}
    def when(at: dt.datetime | None) -> str:
        return local_time(at, digits) if at else "—"

    table = []
    for r in rows:
        state = decided[r.resolution][1 if en else 0] if r.resolution else \
            (r.problem_text(ctx.lang) or waiting)
        table.append([ctx.digits(str(r.id)), r.origin_label(ctx.lang), r.what_en if en else r.what_fa,
                      r.workstation.value_en if en else r.workstation.value_fa,
                      f"{r.workstation.username}، {when(r.workstation.at)}" if not en else
                      f"{r.workstation.username}, {when(r.workstation.at)}",
                      r.office.value_en if en else r.office.value_fa,
                      f"{r.office.username}، {when(r.office.at)}" if not en else f"{r.office.username}, {when(r.office.at)}",
                      state])
    print(render(headers, table, [True, False, False, False, False, False, False, False]))
    if not is_workstation(session):
        print(ctx.t("حل کردن: rasad-desktop sync resolve ID --keep office|workstation",
                    "To decide: rasad-desktop sync resolve ID --keep office|workstation"))
    return 0
