"""Office-wide policies kept in the database, so every workstation on a shared server
applies the same ones: working days, account lockout, idle lock, attachments, response
targets, and the restore-in-progress flag."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from rasad_desktop.db.models import OfficeSetting
from rasad_desktop.services.errors import ValidationError
from rasad_desktop.services.roles import Actor, Permission
from rasad_desktop.services.uow import writing


@dataclass(frozen=True)
class Policy:
    key: str
    type: type
    default: Any
    low: int = 0
    high: int = 10_000
    label_fa: str = ""


POLICIES: tuple[Policy, ...] = (
    Policy("thursday_off", bool, True, label_fa="پنجشنبه‌ها تعطیل است"),
    Policy("lockout_attempts", int, 5, 1, 100, "تعداد ورود نادرست تا قفل موقت"),
    Policy("lockout_minutes", int, 15, 1, 24 * 60, "مدت قفل موقت (دقیقه)"),
    Policy("idle_lock_minutes", int, 10, 1, 24 * 60, "قفل صفحه پس از بی‌کاری (دقیقه)"),
    Policy("attachment_max_mb", int, 5, 1, 100, "بیشینهٔ حجم پیوست (مگابایت)"),
    Policy("response_days_request", int, 10, 1, 365, "مهلت پاسخ به درخواست (روز کاری)"),
    Policy("response_days_complaint", int, 7, 1, 365, "مهلت پاسخ به شکایت (روز کاری)"),
    Policy("response_days_suggestion", int, 15, 1, 365, "مهلت پاسخ به انتقاد و پیشنهاد (روز کاری)"),
)
_BY_KEY = {p.key: p for p in POLICIES}
RESTORE_FLAG = "restore_in_progress"


def get(session: Session, key: str) -> Any:
    policy = _BY_KEY.get(key)
    row = session.get(OfficeSetting, key)
    if row is None:
        return policy.default if policy else None
    value = json.loads(row.value)
    if policy is not None and not _valid(policy, value):
        return policy.default  # a damaged value falls back to the default
    return value


def get_all(session: Session) -> dict[str, Any]:
    stored = {r.key: r.value for r in session.scalars(select(OfficeSetting))}
    out = {}
    for p in POLICIES:
        value = json.loads(stored[p.key]) if p.key in stored else p.default
        out[p.key] = value if _valid(p, value) else p.default
    return out


def _valid(p: Policy, value: Any) -> bool:
    if p.type is bool:
        return isinstance(value, bool)
    return isinstance(value, int) and not isinstance(value, bool) and p.low <= value <= p.high


def set_policy(session: Session, actor: Actor, key: str, value: Any) -> None:
    with writing(session, actor, Permission.MANAGE_SETTINGS) as audit:
        p = _BY_KEY.get(key)
        if p is None:
            raise ValidationError("این تنظیم شناخته نیست.", f"Unknown setting '{key}'.", code="setting")
        if not _valid(p, value):
            raise ValidationError(
                f"مقدار «{p.label_fa}» معتبر نیست (از {p.low} تا {p.high}).".translate(
                    str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")),
                f"The value of '{key}' is not valid ({p.low} to {p.high}).",
                code="setting_value",
            )
        row = session.get(OfficeSetting, key)
        before = None if row is None else json.loads(row.value)
        if row is None:
            session.add(OfficeSetting(key=key, value=json.dumps(value)))
        else:
            row.value = json.dumps(value)
        audit.record("office.set", "office_setting", key, before=before, after=value)


def restore_in_progress(session: Session) -> bool:
    row = session.get(OfficeSetting, RESTORE_FLAG)
    return row is not None and json.loads(row.value) is True
