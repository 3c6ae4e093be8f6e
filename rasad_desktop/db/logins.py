"""Per-user database logins: on a shared PostgreSQL server each Rasad user connects with
their own login, so the server, not only the program, enforces what their role may do.

A PostgreSQL URL with neither user nor password (``postgresql+psycopg://db-server/rasad``)
means this mode: the workstation holds no password at all, and nothing is read before
someone signs in. Signing in is connecting: the server checks the password (SCRAM), an
unknown name and a wrong password get the same refusal from it, and a locked account
(``NOLOGIN``) is told so only after its right password. The groups, grants and functions
the server needs are made by ``db.server_setup``.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError, OperationalError

from rasad_desktop.core.errors import RasadError

ROLES = ("admin", "data_entry", "report_officer", "viewer")  # Rasad's roles, each a group on the server


def per_user(url: str | URL) -> bool:
    """A PostgreSQL URL without user and password: each user signs in with their own login."""
    u = make_url(url) if isinstance(url, str) else url
    return u.get_backend_name() == "postgresql" and not u.username and u.password is None


def workstation_url(url: str | URL) -> str:
    """``url`` without its user and password: what every workstation is given."""
    u = make_url(url) if isinstance(url, str) else url
    bare = URL.create(u.drivername, host=u.host, port=u.port, database=u.database, query=u.query)
    return bare.render_as_string(hide_password=False)


def group_name(database: str, role: str) -> str:
    """The server group of a Rasad role in one database (roles are the server's, databases
    are many: two offices on one server keep apart)."""
    return f"{database}_{role}"[:63]


class NotSignedIn(RasadError):
    """A per-user database was used before anyone signed in."""


class LoginRefused(RasadError):
    """The server refused the login; ``locked`` says its password was right but the login
    may not connect (an account the administrator locked)."""

    def __init__(self, fa: str, en: str, *, code: str, locked: bool = False) -> None:
        super().__init__(fa, en, code=code)
        self.locked = locked


@dataclass
class _Login:
    user: str | None = None
    password: str | None = field(default=None, repr=False)


_LOGINS: weakref.WeakKeyDictionary[Engine, _Login] = weakref.WeakKeyDictionary()


def install(engine: Engine) -> None:
    """Make ``engine`` connect as whoever signed in last (``use``)."""
    login = _LOGINS.setdefault(engine, _Login())

    @event.listens_for(engine, "do_connect")
    def _as_signed_in(_dialect: Any, _record: Any, _cargs: Any, cparams: dict[str, Any]) -> None:
        if login.user is None:
            raise NotSignedIn("پیش از ورود به سامانه نمی‌توان به پایگاه داده وصل شد.",
                              "Sign in first: this database is reached with each user's own login.",
                              code="not_signed_in")
        cparams["user"], cparams["password"] = login.user, login.password


def is_installed(engine: Engine) -> bool:
    return engine in _LOGINS


def use(engine: Engine, user: str, password: str) -> None:
    """Connect as ``user`` from now on and check the server accepts them; the pool's
    connections of the previous user are closed first."""
    login = _LOGINS[engine]
    before = (login.user, login.password)  # kept when refused: a wrong password on the lock screen
    engine.dispose()
    login.user, login.password = user, password
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except (OperationalError, DBAPIError) as exc:
        login.user, login.password = before
        engine.dispose()
        raise refusal(exc) from exc


def remember(engine: Engine, user: str, password: str) -> None:
    """The signed-in user's new password, for the connections opened from now on."""
    login = _LOGINS[engine]
    if login.user == user:
        login.password = password


def forget(engine: Engine) -> None:
    """Sign out: nobody's password stays in memory, no connection stays open."""
    login = _LOGINS.get(engine)
    if login is not None:
        login.user = login.password = None
    engine.dispose()


def signed_in_as(engine: Engine) -> str | None:
    login = _LOGINS.get(engine)
    return login.user if login is not None else None


def refusal(exc: BaseException) -> LoginRefused:
    """What the server's refusal means for the person signing in. The server sends no
    SQLSTATE before a session exists, so its (English) message is read."""
    message = str(getattr(exc, "orig", exc))
    if "password authentication failed" in message or "no password supplied" in message:
        return LoginRefused("نام کاربری یا گذرواژه نادرست است.", "The user name or password is wrong.",
                            code="wrong_password")
    if "not permitted to log in" in message:
        return LoginRefused("حساب کاربری شما قفل شده است؛ برای بازکردن آن با مدیر سامانه تماس بگیرید.",
                            "Your account is locked; ask the administrator to unlock it.",
                            code="account_locked", locked=True)
    detail = message.strip().splitlines()[0][:300] if message.strip() else type(exc).__name__
    return LoginRefused(f"سرور پایگاه داده در دسترس نیست یا ورود را نپذیرفت: {detail}",
                        f"The database server cannot be reached or refused the sign-in: {detail}",
                        code="server_unreachable")


def scram_verifier(conn: Connection, user: str, password: str) -> str:
    """The SCRAM-SHA-256 verifier of a password, made here: the password itself never
    travels in a statement the server could log."""
    raw: Any = conn.connection.driver_connection
    encrypted: bytes = raw.pgconn.encrypt_password(password.encode(), user.encode(), b"scram-sha-256")
    return encrypted.decode("ascii")


def groups_of(conn: Connection) -> list[str]:
    """The Rasad roles the connected login holds, by its server groups."""
    database = conn.exec_driver_sql("SELECT current_database()").scalar_one()
    held = []
    for role in ROLES:
        name = group_name(database, role)
        if conn.execute(text("SELECT pg_has_role(session_user, :g, 'MEMBER') "
                             "FROM pg_roles WHERE rolname = :g"), {"g": name}).scalar():
            held.append(role)
    return held
