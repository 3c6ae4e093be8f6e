"""A signed-in user is checked against the database at every action, not only at sign-in:
an administrator's lock, a disabled account or a new role takes effect at the next read or
write (the screens were built for the old role, so it ends the session rather than
carrying on with another one)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from rasad_desktop.db.models import User
from rasad_desktop.services.errors import SessionEnded
from rasad_desktop.services.roles import Actor


def check_current(session: Session, actor: Actor) -> Actor:
    """``actor`` if their account still lets them act as signed in; else ``SessionEnded``.
    Actors without an account (the command line, the sync node) pass. A lockout after
    wrong passwords typed by someone else does not end a session (it would let anyone
    sign out anyone)."""
    if actor.user_id is None:
        return actor
    row = session.execute(
        select(User.username, User.role, User.active, User.locked).where(User.id == actor.user_id)
    ).one_or_none()
    if row is None or not row.active or row.username != actor.username:
        raise SessionEnded(
            "حساب کاربری شما دیگر فعال نیست؛ از سامانه خارج می‌شوید.",
            "Your account is no longer active; you are being signed out.",
            code="session_ended",
        )
    if row.locked:
        raise SessionEnded(
            "مدیر سامانه حساب کاربری شما را قفل کرده است؛ از سامانه خارج می‌شوید.",
            "The administrator has locked your account; you are being signed out.",
            code="session_ended",
        )
    if row.role != actor.role.value:
        raise SessionEnded(
            "نقش شما در سامانه تغییر کرده است؛ برای ادامه دوباره وارد شوید.",
            "Your role has changed; sign in again to go on.",
            code="session_ended",
        )
    return actor
