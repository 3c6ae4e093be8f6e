"""``rasad-desktop users``: list, add, reset, lock, unlock accounts and change their role from the command line.

The person at the command line controls the data folder and acts as the administrator
(``Actor.console``), so this is also how IT gets a forgotten *administrator* password
reset: ``users reset admin`` prints a temporary password that must be changed at the next
sign-in. Every change is audited like one made in the application."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from rasad_desktop.cli.context import UsageError
from rasad_desktop.services.roles import Actor, Role

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from rasad_desktop.cli.context import Context

STATES = {"active": ("فعال", "active"), "locked": ("قفل‌شده به دست مدیر", "locked by the administrator"),
          "lockout": ("قفل موقت پس از گذرواژهٔ نادرست", "locked out after wrong passwords"),
          "inactive": ("غیرفعال", "inactive")}


def cmd_users(ctx: Context, args: argparse.Namespace) -> int:
    from rasad_desktop.services import accounts

    if args.action != "list" and not args.username:
        raise UsageError("نام کاربری را بنویسید، مانند: users reset admin", "Give the user name, e.g. users reset admin")
    if args.action in ("add", "role") and not args.role:
        raise UsageError("نقش کاربر را با --role بدهید.", "Give the account's role with --role.")
    db = ctx.open_db()
    actor = Actor.console()
    with db.session() as session:
        if args.action == "list":
            return _list(ctx, session)
        if args.action == "add":
            password = sys.stdin.readline().rstrip("\r\n") if not sys.stdin.isatty() else None
            user, generated = accounts.create_user(session, actor, args.username, Role(args.role),
                                                   password or None, full_name=args.full_name,
                                                   title=args.title)
            print(ctx.t(f"کاربر «{user.username}» ({Role(args.role).label('fa')}) ساخته شد.",
                        f"User '{user.username}' ({Role(args.role).label('en')}) created."))
            if generated:
                _temporary(ctx, generated)
        elif args.action == "reset":
            _temporary(ctx, accounts.reset_password(session, actor, args.username))
            account = accounts.get_user(session, args.username)
            if account is not None and (account.locked or not account.active):
                print(ctx.t(f"حساب «{account.username}» قفل یا غیرفعال است؛ برای ورود، آن را باز کنید: "
                            f"users unlock {account.username}",
                            f"Account '{account.username}' is locked or inactive; to sign in, unlock it: "
                            f"users unlock {account.username}"))
        elif args.action == "role":
            accounts.set_role(session, actor, args.username, Role(args.role))
            print(ctx.t(f"نقش «{args.username}» اکنون {Role(args.role).label('fa')} است.",
                        f"'{args.username}' is now {Role(args.role).label('en')}."))
        else:
            accounts.set_locked(session, actor, args.username, args.action == "lock")
            print(ctx.t(f"حساب «{args.username}» {'قفل شد' if args.action == 'lock' else 'باز شد'}.",
                        f"Account '{args.username}' {'locked' if args.action == 'lock' else 'unlocked'}."))
    return 0


def _temporary(ctx: Context, password: str) -> None:
    print(ctx.t(f"گذرواژهٔ موقت (فقط همین یک بار نمایش داده می‌شود؛ در ورود بعدی باید عوض شود): {password}",
                f"Temporary password (shown only this once; it must be changed at the next sign-in): {password}"))


def _list(ctx: Context, session: Session) -> int:
    from rasad_desktop.cli.audit import local_time
    from rasad_desktop.services.users_view import list_users
    from rasad_desktop.textreport import render

    users = list_users(session)
    if not users:
        print(ctx.t("هنوز کاربری تعریف نشده است؛ rasad-desktop init را اجرا کنید.",
                    "No users yet; run rasad-desktop init."))
        return 0
    en = ctx.lang == "en"
    headers = ("User", "Name", "Role", "State", "Last sign-in") if en else \
        ("کاربر", "نام", "نقش", "وضعیت", "آخرین ورود")
    rows = [[u.username, u.full_name, u.role.label("en" if en else "fa"), STATES[u.state][1 if en else 0],
             local_time(u.last_login_at, "latin" if en else "fa") if u.last_login_at else "—"] for u in users]
    print(render(headers, rows, [False] * 5))
    return 0
