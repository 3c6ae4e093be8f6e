"""``rasad-desktop server setup``: make a shared PostgreSQL server enforce Rasad's roles.

IT runs it with the database owner's URL (``--database-url``, the password from
``PGPASSWORD`` or a prompt of the server's own tools, never written in a workstation's
settings); again after every upgrade of the program. It upgrades the schema, creates
the groups, grants and functions (``db.server_setup``), then gives every user a login:
on a database without users it makes the first administrator (password from standard
input, or generated and shown once); users who have no login yet get a temporary
password, printed once, that they change at their first sign-in. Workstations then use
the URL without user or password that it prints."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from sqlalchemy import select, text
from sqlalchemy.engine import make_url

from rasad_desktop.cli.context import UsageError

if TYPE_CHECKING:
    from rasad_desktop.cli.context import Context


def cmd_server(ctx: Context, args: argparse.Namespace) -> int:
    from rasad_desktop.db import logins, server_setup
    from rasad_desktop.db.models import User
    from rasad_desktop.services import accounts, personal
    from rasad_desktop.services.roles import Actor, Role

    url = make_url(ctx.url)
    if url.get_backend_name() != "postgresql" or logins.per_user(url):
        raise UsageError("«server setup» به نشانی PostgreSQL با نام مالک پایگاه داده نیاز دارد، مانند: "
                         "--database-url postgresql+psycopg://rasad_owner@db-server/rasad",
                         "'server setup' needs a PostgreSQL URL with the database owner's name, e.g. "
                         "--database-url postgresql+psycopg://rasad_owner@db-server/rasad")
    db = ctx.open_db()
    with db.engine.begin() as conn:
        server_setup.apply(conn)
    print(ctx.t("گروه‌ها، دسترسی‌ها و تابع‌های سرور آماده شد.", "The server's groups, grants and functions are ready."))
    actor = Actor.console()
    with db.session() as session:
        sealed = personal.seal_written_before(session, actor)  # the key made (once), IDs in clear sealed
        if sealed:
            print(ctx.t(f"کد ملی و شمارهٔ همراه {sealed} درخواست رمز شد.",
                        f"The national IDs and mobiles of {sealed} requests were sealed."))
    with db.session() as session:
        if accounts.count_users(session) == 0:
            password = sys.stdin.readline().rstrip("\r\n") if not sys.stdin.isatty() else None
            user, generated = accounts.create_user(session, actor, args.admin, Role.ADMIN, password or None,
                                                   full_name=args.full_name)
            print(ctx.t(f"مدیر سامانه «{user.username}» ساخته شد.", f"Administrator '{user.username}' created."))
            if generated:
                _temporary(ctx, user.username, generated)
        for user in session.scalars(select(User).order_by(User.username)).all():
            has_login = session.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"),
                                        {"n": user.username}).scalar()
            if not has_login:
                _temporary(ctx, user.username, accounts.reset_password(session, actor, user.username))
            else:
                accounts.refresh_login(session, actor, user.username)  # its group follows its role again
    workstation_url = logins.workstation_url(url)
    print(ctx.t(f"نشانی پایگاه داده برای ایستگاه‌ها (بدون نام و گذرواژه؛ هر کاربر با حساب خودش وارد می‌شود): "
                f"{workstation_url}",
                f"The database URL for workstations (no user, no password: each user signs in with their own "
                f"login): {workstation_url}"))
    return 0


def _temporary(ctx: Context, username: str, password: str) -> None:
    print(ctx.t(f"گذرواژهٔ موقت «{username}» (فقط همین یک بار؛ در نخستین ورود عوض می‌شود): {password}",
                f"Temporary password of '{username}' (shown only this once; changed at the first sign-in): "
                f"{password}"))
