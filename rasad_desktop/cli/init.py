"""``rasad-desktop init``: create or upgrade the database and its first administrator.

The password is read from standard input when that is not a terminal; otherwise one is
generated, shown once, and must be changed at the first sign-in."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rasad_desktop.cli.context import Context


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
