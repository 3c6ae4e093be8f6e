"""The list of user accounts the administrator manages, as plain rows (no Qt, no ORM objects).

A row's ``state`` says what the administrator needs to know at a glance: the account is
active, locked by the administrator, or locked out for a while after repeated wrong passwords
(a lockout that has already run out is reported as active).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from rasad_desktop.db.models import User, utcnow
from rasad_desktop.services.roles import Role

State = Literal["active", "locked", "lockout", "inactive"]


@dataclass(frozen=True)
class UserRow:
    username: str
    full_name: str
    role: Role
    active: bool
    locked: bool  # by the administrator
    locked_until: dt.datetime | None  # naive UTC end of a lockout still running, else None
    must_change_password: bool
    failed_attempts: int
    last_login_at: dt.datetime | None  # naive UTC
    created_at: dt.datetime | None  # naive UTC

    @property
    def state(self) -> State:
        if not self.active:
            return "inactive"
        if self.locked:
            return "locked"
        if self.locked_until is not None:
            return "lockout"
        return "active"


def list_users(session: Session, *, now: dt.datetime | None = None) -> list[UserRow]:
    """Every account, ordered by user name. Reads only: no password hashes leave here."""
    now = now or utcnow()
    rows = session.execute(
        select(User.username, User.full_name, User.role, User.active, User.locked, User.locked_until,
               User.must_change_password, User.failed_attempts, User.last_login_at, User.created_at)
        .order_by(User.username)
    ).all()
    return [
        UserRow(
            username=r.username,
            full_name=r.full_name or "",
            role=Role(r.role),
            active=bool(r.active),
            locked=bool(r.locked),
            locked_until=r.locked_until if r.locked_until is not None and r.locked_until > now else None,
            must_change_password=bool(r.must_change_password),
            failed_attempts=r.failed_attempts or 0,
            last_login_at=r.last_login_at,
            created_at=r.created_at,
        )
        for r in rows
    ]
