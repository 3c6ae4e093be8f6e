"""Reading and verifying the audit trail (who, when, what, before → after)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from rasad_desktop.core.audit_hash import FIELDS, row_hash
from rasad_desktop.db.models import AuditHead, AuditLog
from rasad_desktop.services.roles import Actor, Permission, require


@dataclass(frozen=True)
class ChainProblem:
    audit_id: int
    kind: str  # "edited", "missing_before", "head"

    def message(self, language: str = "fa") -> str:
        from rasad_desktop.core.digits import localize_digits

        n = str(self.audit_id) if language == "en" else localize_digits(str(self.audit_id))
        if self.kind == "edited":
            return (f"Audit row {n} was changed after it was written." if language == "en"
                    else f"ردیف {n} گزارش رویدادها پس از ثبت تغییر کرده است.")
        if self.kind == "missing_before":
            return (f"Audit rows before row {n} were deleted or reordered." if language == "en"
                    else f"ردیف‌هایی پیش از ردیف {n} گزارش رویدادها حذف یا جابه‌جا شده‌اند.")
        return (f"The newest audit rows (after row {n}) were deleted." if language == "en"
                else f"آخرین ردیف‌های گزارش رویدادها (پس از ردیف {n}) حذف شده‌اند.")


def verify_chain(session: Session) -> tuple[int, list[ChainProblem]]:
    """(rows checked, problems). Reads the whole trail in id order, in batches."""
    problems: list[ChainProblem] = []
    prev, last_id, count = "", 0, 0
    q = select(AuditLog).order_by(AuditLog.id).execution_options(yield_per=5000)
    for row in session.scalars(q):
        count += 1
        if row.prev_hash != prev:
            problems.append(ChainProblem(row.id, "missing_before"))
        if row_hash(row.prev_hash, {f: getattr(row, f) for f in FIELDS}) != row.hash:
            problems.append(ChainProblem(row.id, "edited"))
        prev, last_id = row.hash, row.id
    head = session.get(AuditHead, 1)
    if head is not None and (head.last_id != last_id or head.last_hash != prev):
        problems.append(ChainProblem(last_id, "head"))
    return count, problems


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: dt.datetime
    username: str
    action: str
    entity: str
    entity_id: str
    before: str | None
    after: str | None


def search(session: Session, actor: Actor, *, username: str = "", action: str = "", entity: str = "",
           since: dt.datetime | None = None, until: dt.datetime | None = None, limit: int = 500) -> list[AuditEntry]:
    """The newest audit rows matching the filters (administrator only)."""
    require(actor, Permission.VIEW_AUDIT)
    q = select(AuditLog).order_by(AuditLog.id.desc()).limit(limit)
    if username:
        q = q.where(AuditLog.username.contains(username.strip()))
    if action:
        q = q.where(AuditLog.action.startswith(action.strip()))
    if entity:
        q = q.where(AuditLog.entity == entity.strip())
    if since is not None:
        q = q.where(AuditLog.at >= since)
    if until is not None:
        q = q.where(AuditLog.at < until)
    return [AuditEntry(r.id, r.at, r.username, r.action, r.entity, r.entity_id, r.before, r.after)
            for r in session.scalars(q)]


def changed_parts(before: str | None, after: str | None) -> tuple[str | None, str | None]:
    """Before and after (JSON). When both are objects, only the keys whose values differ are
    kept, so a change of one field in a long record shows that field."""
    try:
        old = json.loads(before) if before is not None else None
        new = json.loads(after) if after is not None else None
    except ValueError:
        return before, after
    if not (isinstance(old, dict) and isinstance(new, dict)):
        return before, after
    missing = object()
    keys = {k for k in old.keys() | new.keys() if old.get(k, missing) != new.get(k, missing)}
    if not keys:
        return before, after

    def dump(value: dict[str, object]) -> str:
        return json.dumps({k: v for k, v in value.items() if k in keys}, ensure_ascii=False, sort_keys=True)

    return dump(old), dump(new)
