"""``rasad-desktop backup`` and ``rasad-desktop restore``.

The passphrase comes from standard input (one line) with ``--passphrase-stdin`` or when
standard input is not a terminal; on a terminal it is asked for without echo — twice for a
backup. A restore first prints where the backup comes from (office, identity, users, rows);
on a terminal it then asks for confirmation; without one, a backup from another installation
needs ``--accept-foreign``. The command line acts as the console administrator
(``Actor.console()``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from rasad_desktop.cli.context import UsageError
from rasad_desktop.core.digits import localize_digits
from rasad_desktop.core.errors import RasadError
from rasad_desktop.core.jalali import format_jalali

if TYPE_CHECKING:
    from rasad_desktop.cli.context import Context


class BackupCliProblem(RasadError):
    pass


def _read_passphrase(ctx: Context, args: argparse.Namespace, *, twice: bool) -> str:
    from rasad_desktop.cli.console import read_passphrase
    from rasad_desktop.services.backup import check_passphrase

    return read_passphrase(ctx, args, "عبارت عبور نسخهٔ پشتیبان: ", "Backup passphrase: ", twice=twice,
                           check=check_passphrase)


def cmd_backup(ctx: Context, args: argparse.Namespace) -> int:
    from rasad_desktop.services.attachments import folder
    from rasad_desktop.services.backup import check_passphrase, human_size, make_backup
    from rasad_desktop.services.roles import Actor

    target = Path(args.out)
    passphrase = _read_passphrase(ctx, args, twice=True)
    check_passphrase(passphrase)
    db = ctx.open_db()
    try:
        info = make_backup(db, Actor.console(), target, passphrase, attachments_dir=folder(ctx.data_dir))
    finally:
        db.close()
    size_fa = f"{human_size(info.size)} ({localize_digits(str(info.size))} بایت)"
    print(ctx.t(f"نسخهٔ پشتیبان رمزشده نوشته و بازبینی شد: {info.path}",
                f"Encrypted backup written and verified: {info.path}"))
    print(ctx.t(f"اندازه: {size_fa}", f"Size: {human_size(info.size, 'en')} ({info.size} bytes)"))
    print(f"SHA-256: {info.sha256}")
    print(ctx.t(f"پیوست‌ها: {localize_digits(str(info.attachments))} فایل", f"Attachments: {info.attachments} files"))
    if info.missing_attachments:
        n = len(info.missing_attachments)
        print(ctx.t(f"هشدار: {localize_digits(str(n))} فایل پیوست در پوشهٔ داده نبود یا تغییر کرده بود و در این "
                    "نسخه نیست: " + "، ".join(info.missing_attachments),
                    f"Warning: {n} attachment files were missing from the data folder or changed, and are not in "
                    "this backup: " + ", ".join(info.missing_attachments)), file=sys.stderr)
    print(ctx.t("عبارت عبور را جایی امن نگه دارید؛ بی آن، این نسخه باز نمی‌شود.",
                "Keep the passphrase somewhere safe; without it this backup cannot be opened."))
    return 0


def cmd_restore(ctx: Context, args: argparse.Namespace) -> int:
    from rasad_desktop.services.attachments import folder
    from rasad_desktop.services.backup import ForeignBackup, clear_restore_flag, inspect, restore_backup
    from rasad_desktop.services.roles import Actor

    if getattr(args, "clear_flag", False):
        db = ctx.open_db()
        try:
            was_set = clear_restore_flag(db, Actor.console())
        finally:
            db.close()
        print(ctx.t("علامت بازگردانی برداشته شد؛ ورود اطلاعات دوباره باز است." if was_set
                    else "علامت بازگردانی برداشته نشد چون گذاشته نشده بود.",
                    "The restore flag was cleared; data entry is open again." if was_set
                    else "No restore flag was set."))
        return 0
    if not args.file:
        raise UsageError("فایل نسخهٔ پشتیبان را بدهید.", "Give the backup file.")
    source = Path(args.file)
    if not source.is_file():
        raise BackupCliProblem(f"فایل «{source}» پیدا نشد.", f"The file '{source}' was not found.")
    passphrase = _read_passphrase(ctx, args, twice=False)
    db = ctx.open_db()
    try:
        actor = Actor.console()
        origin = inspect(db, actor, source, passphrase)  # where it comes from, before anything changes
        print(ctx.t(f"نسخهٔ پشتیبان «{source.name}»:", f"Backup '{source.name}':"))
        for line in origin.lines(ctx.lang):
            print("  " + line)
        if sys.stdin.isatty():
            print(ctx.t(
                f"همهٔ داده‌های فعلی با محتوای «{source.name}» جایگزین می‌شود (رونوشتی از داده‌های فعلی در "
                "پوشهٔ backups نگه داشته می‌شود).",
                f"All current data will be replaced by the contents of '{source.name}' (a copy of the current "
                "data is kept in the backups folder).",
            ))
            if origin.foreign:
                print(ctx.t("این نسخه از این نصب برنامه نیست: کاربران بالا جای کاربران فعلی را می‌گیرند.",
                            "This backup is not from this installation: the users above replace the current ones."))
            answer = input(ctx.t("برای ادامه «بله» بنویسید: ", "Type 'yes' to continue: ")).strip().lower()
            if answer not in ("بله", "yes"):
                print(ctx.t("بازگردانی لغو شد؛ چیزی تغییر نکرد.", "Restore cancelled; nothing was changed."),
                      file=sys.stderr)
                return 1
            accept = origin.foreign
        else:
            accept = bool(getattr(args, "accept_foreign", False))
        try:
            info = restore_backup(db, actor, source, passphrase, backup_dir=ctx.data_dir / "backups",
                                  attachments_dir=folder(ctx.data_dir), accept_foreign=accept)
        except ForeignBackup as err:
            raise BackupCliProblem(
                err.message_fa + " اگر همین را می‌خواهید، فرمان را با --accept-foreign دوباره اجرا کنید.",
                err.message_en + " If that is what you want, run the command again with --accept-foreign.",
                code=err.code) from None
    finally:
        db.close()
    print(ctx.t(
        f"داده‌ها از نسخهٔ پشتیبان «{source.name}» (ساخته‌شده در {format_jalali(info.backup_created_at)}) "
        "بازگردانده شد.",
        f"The data was restored from '{source.name}' (made on {format_jalali(info.backup_created_at, 'latin')}).",
    ))
    if info.upgraded:
        print(ctx.t("نسخهٔ پشتیبان قدیمی‌تر بود و به نسخهٔ فعلی برنامه ارتقا یافت.",
                    "The backup was older and was upgraded to this version of the program."))
    if info.attachments:
        print(ctx.t(f"{localize_digits(str(info.attachments))} فایل پیوست در پوشهٔ داده بازگردانده شد.",
                    f"{info.attachments} attachment files were put back in the data folder."))
    print(ctx.t(f"رونوشت داده‌های پیش از بازگردانی: {info.safety_copy}",
                f"Copy of the data before the restore: {info.safety_copy}"))
    return 0
