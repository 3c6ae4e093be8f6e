"""The single write path: role check → validation → change → audit → one commit.

Usage inside a service::

    with writing(session, actor, Permission.MANAGE_BUDGET) as audit:
        ...validate, change the session...
        audit.record("agency.create", "agency", agency.code, after={...})

Anything raised inside rolls the whole transaction back, so nothing is half-written.
Database failures the user can do something about become Persian messages.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session

from rasad_desktop.core.audit_hash import FIELDS, row_hash
from rasad_desktop.db.engine import begin_write
from rasad_desktop.db.models import AuditHead, AuditLog, utcnow
from rasad_desktop.services import personal, state_seal
from rasad_desktop.services.errors import Conflict, PermissionDenied, ServiceError
from rasad_desktop.services.roles import Actor, Permission, require
from rasad_desktop.services.session_check import check_current
from rasad_desktop.services.sync import capture

# Writes refused while maintenance is in force or a restore runs (settings, users, notices
# and backups stay open: they are how maintenance is run and ended).
DATA_ENTRY = frozenset({Permission.ENTER_COLLECTIONS, Permission.MANAGE_BUDGET, Permission.MANAGE_REQUESTS})


def to_json(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


class Audit:
    """Collects the audit records of one write; they commit with it or not at all."""

    def __init__(self, session: Session, actor: Actor) -> None:
        self.session = session
        self.actor = actor
        self.count = 0
        self.rows: list[AuditLog] = []
        self.no_op = False
        self._at = utcnow()

    def nothing_changed(self) -> None:
        """Mark a write that turned out to change nothing (e.g. saving an unchanged month)."""
        self.no_op = True

    def _chain(self) -> None:
        """Link this write's audit rows into the hash chain, in id order (one flush)."""
        if not self.rows:
            return
        self.session.flush()
        head = self.session.get(AuditHead, 1, with_for_update=True)
        if head is None:
            head = AuditHead(id=1, last_id=0, last_hash="")
            self.session.add(head)
        key = personal.chain_key(self.session, make=True)
        last_id, last_hash = head.last_id, head.last_hash
        for row in sorted(self.rows, key=lambda r: r.id):
            row.prev_hash = last_hash
            row.hash = row_hash(row.prev_hash, {f: getattr(row, f) for f in FIELDS}, key)
            last_id, last_hash = row.id, row.hash
        self.session.flush()  # the rows are chained before the head moves onto them (a server checks)
        head.last_id, head.last_hash = last_id, last_hash

    def record(
        self,
        action: str,
        entity: str,
        entity_id: object = "",
        *,
        before: Any = None,
        after: Any = None,
    ) -> None:
        row = AuditLog(
            at=self._at,
            user_id=self.actor.user_id,
            username=self.actor.username,
            action=action,
            entity=entity,
            entity_id=str(entity_id),
            before=to_json(before),
            after=to_json(after),
        )
        self.session.add(row)
        self.rows.append(row)
        self.count += 1


@contextmanager
def writing(session: Session, actor: Actor, permission: Permission, *, changes: bool = True) -> Iterator[Audit]:
    """``changes`` False: the write records no change of its own in the change log (it is
    applying changes that came from elsewhere, or marks this database's own state)."""
    require(actor, permission)
    if session.in_transaction():
        if session.new or session.dirty or session.deleted:
            raise RuntimeError("changes were made outside a write")
        session.commit()  # end the read transaction; the write begins its own
    try:
        begin_write(session)
        if permission is not Permission.SIGN_IN:  # sign-in checks the account itself
            check_current(session, actor)
        if permission in DATA_ENTRY:
            from rasad_desktop.services.maintenance import check_open_for_entry  # it reads office settings

            check_open_for_entry(session)
        audit = Audit(session, actor)
        if changes:
            capture.start(session)
        state_seal.start(session)
        yield audit
        if audit.count == 0 and not audit.no_op:
            raise RuntimeError("a write must record at least one audit entry")
        capture.finish(session, actor.username, audit._at)
        seals = state_seal.finish(session)
        if seals:  # the trail vouches for what this write left in the data
            audit.record(state_seal.ACTION, "state", "", after=seals)
        audit._chain()
        session.commit()
    except BaseException as exc:
        capture.stop(session)
        state_seal.stop(session)
        session.rollback()
        translated = translate_db_error(exc)
        if translated is not None:
            raise translated from exc
        raise


def translate_db_error(exc: BaseException) -> ServiceError | None:
    """A Persian message for database failures a user can act on; None otherwise."""
    sqlstate = getattr(getattr(exc, "orig", None), "sqlstate", None)
    if sqlstate == "RS001":  # db.server_setup: the name is another server role's
        return Conflict(
            "در سرور پایگاه داده نقش دیگری با همین نام هست که از آنِ رصد نیست؛ نام کاربری دیگری برگزینید.",
            "The database server has another role of this name that is not Rasad's; choose another user name.",
            code="server_name_taken",
        )
    if sqlstate == "42501":  # the server refused the role
        return PermissionDenied(
            "سرور پایگاه داده این کار را برای نقش شما نمی‌پذیرد؛ چیزی ذخیره نشد.",
            "The database server does not allow this for your role; nothing was saved.",
            code="server_permission",
        )
    if isinstance(exc, sa_exc.IntegrityError):
        return Conflict(
            "این تغییر با اطلاعات موجود تداخل دارد (رکورد تکراری یا وابسته)؛ چیزی ذخیره نشد.",
            "This change conflicts with existing data (a duplicate or dependent record); nothing was saved.",
            code="integrity",
        )
    if isinstance(exc, sa_exc.OperationalError):
        text = str(exc.orig).lower() if exc.orig else str(exc).lower()
        if "locked" in text or "busy" in text:
            return ServiceError(
                "پایگاه داده در حال استفادهٔ کاربر دیگری است؛ چند لحظه بعد دوباره تلاش کنید. چیزی ذخیره نشد.",
                "The database is busy with another user; try again in a moment. Nothing was saved.",
                code="db_locked",
            )
        if "disk" in text and "full" in text or "no space" in text:
            return ServiceError(
                "فضای دیسک پر است؛ پس از آزاد کردن فضا دوباره تلاش کنید. چیزی ذخیره نشد.",
                "The disk is full; free some space and try again. Nothing was saved.",
                code="disk_full",
            )
        if "readonly" in text or "read-only" in text:
            return ServiceError(
                "پایگاه داده فقط‌خواندنی است؛ دسترسی پوشهٔ داده را بررسی کنید.",
                "The database is read-only; check the data folder's permissions.",
                code="db_readonly",
            )
    return None
