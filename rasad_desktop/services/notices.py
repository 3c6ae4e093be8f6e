"""Notices: announcements such as maintenance windows, shown to users while in force."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from rasad_desktop.db.models import Notice, utcnow
from rasad_desktop.services import validate
from rasad_desktop.services.errors import ValidationError
from rasad_desktop.services.roles import Actor, Permission
from rasad_desktop.services.uow import writing

KINDS = ("maintenance", "info")


def post_notice(
    session: Session,
    actor: Actor,
    title: str,
    body: str,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    *,
    kind: str = "maintenance",
) -> Notice:
    """Announce something for a time window (naive UTC datetimes; an aware one is converted)."""
    with writing(session, actor, Permission.POST_NOTICES) as audit:
        t = validate.text(title, "عنوان اطلاعیه", "Notice title", max_len=200)
        b = validate.text(body, "متن اطلاعیه", "Notice text", max_len=4000, required=False, multiline=True)
        if kind not in KINDS:
            raise ValidationError("نوع اطلاعیه معتبر نیست.", "The notice type is not valid.", code="kind")
        start, end = _naive_utc(starts_at), _naive_utc(ends_at)
        if start is None or end is None or end <= start:
            raise ValidationError(
                "پایان بازهٔ اطلاعیه باید پس از آغاز آن باشد.",
                "The notice must end after it starts.",
                code="window",
            )
        notice = Notice(kind=kind, title=t, body=b, starts_at=start, ends_at=end,
                        created_by=actor.username)
        session.add(notice)
        session.flush()
        audit.record("notice.post", "notice", notice.id,
                     after={"title": t, "kind": kind, "starts_at": start, "ends_at": end})
    return notice


def _naive_utc(value: object) -> dt.datetime | None:
    """Notices keep naive UTC: an aware time is converted (comparing it with a naive one
    would fail, and storing it would drop its offset); None for anything not a datetime."""
    if not isinstance(value, dt.datetime):
        return None
    if value.tzinfo is None:
        return value
    try:
        return value.astimezone(dt.UTC).replace(tzinfo=None)
    except OverflowError:
        raise ValidationError(
            "زمان آغاز یا پایان اطلاعیه بیرون از بازهٔ پذیرفتنی است.",
            "The notice's start or end is out of range.",
            code="window_range",
        ) from None


def notices_in_force(session: Session, now: dt.datetime | None = None) -> list[Notice]:
    now = now or utcnow()
    q = select(Notice).where(Notice.starts_at <= now, Notice.ends_at > now).order_by(Notice.starts_at)
    return list(session.scalars(q))


def upcoming_notices(session: Session, now: dt.datetime | None = None) -> list[Notice]:
    """Notices in force or still to come (maintenance is announced in advance)."""
    now = now or utcnow()
    return list(session.scalars(select(Notice).where(Notice.ends_at > now).order_by(Notice.starts_at)))
