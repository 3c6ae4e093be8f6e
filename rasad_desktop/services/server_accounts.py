"""Accounts on a server that enforces the roles (``db.server_setup``): each user is a
server login in the group of their role, and the password lives only in the server (SCRAM).

``services.accounts`` keeps one set of rules for both kinds of database and calls here
for what differs: signing in is connecting as the login; an administrator's change to an
account (created, reset, locked, given a role) is applied to its login in the same
transaction, through the server's definer function; a user changes their own password
through the server's other function.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from rasad_desktop.db import logins, server_setup
from rasad_desktop.db.migrate import HEAD, current_revision
from rasad_desktop.db.models import User
from rasad_desktop.services.errors import ServiceError

PASSWORD_HASH = "!server-login"  # users.password_hash on such a server: every group can read the row


class ServerSignInError(ServiceError):
    pass


def enforced(session: Session) -> bool:
    """Whether the database's server enforces the roles (its set-up ran)."""
    return server_setup.is_set_up(session.connection())


def per_user(session: Session) -> bool:
    """Whether this session's engine connects with the signed-in user's own login."""
    return logins.is_installed(session.get_bind().engine)


def connect(session: Session, username: str, password: str) -> None:
    """Sign in by connecting as ``username``; the server's refusal becomes the answer
    (an unknown name and a wrong password get the same one)."""
    engine = session.get_bind().engine
    session.close()
    try:
        logins.use(engine, username, password)
    except logins.LoginRefused as exc:
        raise ServerSignInError(exc.message_fa, exc.message_en, code=exc.code) from exc
    from rasad_desktop.services import personal

    personal.forget(engine)  # what the key is for this login is asked afresh (a role may have changed)
    if current_revision(engine) != HEAD:
        logins.forget(engine)
        raise ServerSignInError(
            "پایگاه دادهٔ سرور با این نسخهٔ برنامه هم‌خوان نیست؛ از واحد فناوری اطلاعات بخواهید "
            "«rasad-cli server setup» را اجرا کند.",
            "The server's database does not match this version of the program; ask IT to run "
            "'rasad-cli server setup'.", code="server_schema")


def check_groups(session: Session, user: User) -> None:
    """The login's server group must be the role its row says, or the two disagree about
    what this person may do: refused until the administrator applies the account again."""
    held = logins.groups_of(session.connection())
    if held != [user.role]:
        logins.forget(session.get_bind().engine)
        raise ServerSignInError(
            "نقش شما در سرور پایگاه داده با نقش ثبت‌شده در رصد یکی نیست؛ از مدیر سامانه بخواهید نقش "
            "شما را دوباره تعیین کند.",
            "Your role on the database server differs from your role in Rasad; ask the administrator "
            "to set your role again.", code="server_role")


def note_sign_in(session: Session) -> None:
    session.execute(text("SELECT rasad_signed_in()"))


def stored_hash(session: Session, password: str) -> str:
    """What users.password_hash holds for ``password``: nothing of it where the server keeps it."""
    from rasad_desktop.services.passwords import hash_password

    return PASSWORD_HASH if enforced(session) else hash_password(password)


def apply(session: Session, user: User, password: str | None = None) -> None:
    """Make ``user``'s login follow its row (exists; may connect unless locked or inactive;
    in its role's group; ``password`` set) — nothing on a database that does not enforce."""
    if not enforced(session):
        return
    session.flush()
    conn = session.connection()
    verifier = logins.scram_verifier(conn, user.username, password) if password else None
    session.execute(text("SELECT rasad_apply_account(:u, :v)"), {"u": user.username, "v": verifier})


def password_accepted(session: Session, username: str, password: str) -> bool:
    """Whether the server accepts ``password`` for ``username`` (a new connection tried)."""
    engine = session.get_bind().engine
    cargs, cparams = engine.dialect.create_connect_args(engine.url)
    try:
        engine.dialect.loaded_dbapi.connect(*cargs, **{**cparams, "user": username, "password": password}).close()
    except engine.dialect.loaded_dbapi.OperationalError as exc:
        if logins.refusal(exc).code == "wrong_password":
            return False
        raise
    return True


def change_own_password(session: Session, username: str, new_password: str) -> None:
    verifier = logins.scram_verifier(session.connection(), username, new_password)
    session.execute(text("SELECT rasad_change_own_password(:v)"), {"v": verifier})


def remember(session: Session, username: str, password: str) -> None:
    """New connections use the new password (the server already holds it)."""
    logins.remember(session.get_bind().engine, username, password)
