"""The office's table of official holidays, which response deadlines skip.

Dates are stored as Gregorian dates and entered and shown in Jalali (۱۴۰۵/۰۱/۰۱). Only
the administrator (``MANAGE_SETTINGS``) changes the table; every change is audited.

``seed_official_holidays`` adds the official holidays of a Jalali year that fall on a
fixed solar date. The religious holidays follow the lunar (Hijri) calendar, move by
about eleven days a year and are announced each year: they are not guessed here — the
administrator adds them from the official calendar.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import jdatetime
from sqlalchemy import select
from sqlalchemy.orm import Session

from rasad_desktop.core.jalali import CalendarError, FiscalYear, format_jalali, parse_jalali
from rasad_desktop.db.models import Holiday
from rasad_desktop.services import validate
from rasad_desktop.services.errors import Conflict, NotFound, ValidationError
from rasad_desktop.services.roles import Actor, Permission
from rasad_desktop.services.uow import writing

# (month, day, title): the official holidays on a fixed day of the solar Hijri calendar
FIXED_OFFICIAL: tuple[tuple[int, int, str], ...] = (
    (1, 1, "عید نوروز"),
    (1, 2, "عید نوروز"),
    (1, 3, "عید نوروز"),
    (1, 4, "عید نوروز"),
    (1, 12, "روز جمهوری اسلامی"),
    (1, 13, "روز طبیعت"),
    (3, 14, "رحلت امام خمینی"),
    (3, 15, "قیام ۱۵ خرداد"),
    (11, 22, "پیروزی انقلاب اسلامی"),
    (12, 29, "ملی شدن صنعت نفت"),
)


@dataclass(frozen=True)
class HolidayView:
    day: dt.date
    title: str

    @property
    def jalali(self) -> str:
        """۱۴۰۵/۰۱/۰۱"""
        return format_jalali(self.day)


def _day(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        raise ValidationError("تاریخ روز تعطیل را به صورت ۱۴۰۵/۰۱/۰۱ وارد کنید.",
                              "Enter the holiday's date as 1405/01/01.", code="date")
    try:
        return parse_jalali(value)
    except CalendarError as err:
        raise ValidationError(err.message_fa, err.message_en, code=err.code) from None


def _title(value: object) -> str:
    return validate.text(value, "عنوان روز تعطیل", "Holiday title", max_len=200)


def list_holidays(session: Session, year: int | None = None) -> list[HolidayView]:
    """The holidays in date order; of one Jalali year when ``year`` is given."""
    q = select(Holiday.day, Holiday.title).order_by(Holiday.day)
    if year is not None:
        fy = FiscalYear(validate.year(year))
        q = q.where(Holiday.day >= fy.first_day, Holiday.day <= fy.last_day)
    return [HolidayView(day, title) for day, title in session.execute(q)]


def add_holiday(session: Session, actor: Actor, day: str | dt.date, title: str) -> HolidayView:
    """Add a holiday (a Jalali date as text, or a date) with its title."""
    with writing(session, actor, Permission.MANAGE_SETTINGS) as audit:
        when = _day(day)
        name = _title(title)
        existing = session.scalar(select(Holiday).where(Holiday.day == when))
        if existing is not None:
            raise Conflict(f"روز {format_jalali(when)} پیش‌تر با عنوان «{existing.title}» تعطیل ثبت شده است.",
                           f"{format_jalali(when, 'latin')} is already a holiday ('{existing.title}').",
                           code="holiday_exists")
        session.add(Holiday(day=when, title=name))
        audit.record("holiday.add", "holiday", when.isoformat(), after={"day": when, "title": name})
    return HolidayView(when, name)


def remove_holiday(session: Session, actor: Actor, day: str | dt.date) -> None:
    with writing(session, actor, Permission.MANAGE_SETTINGS) as audit:
        when = _day(day)
        row = session.scalar(select(Holiday).where(Holiday.day == when))
        if row is None:
            raise NotFound(f"روز {format_jalali(when)} در فهرست تعطیلات نیست.",
                           f"{format_jalali(when, 'latin')} is not in the holiday table.", code="holiday_missing")
        audit.record("holiday.remove", "holiday", when.isoformat(), before={"day": when, "title": row.title})
        session.delete(row)


def official_holidays(year: int) -> list[HolidayView]:
    """The fixed-date official holidays of a Jalali year (the lunar ones are not included)."""
    validate.year(year)
    return [HolidayView(jdatetime.date(year, m, d).togregorian(), title) for m, d, title in FIXED_OFFICIAL]


def seed_official_holidays(session: Session, actor: Actor, year: int) -> list[HolidayView]:
    """Add the fixed-date official holidays of ``year`` that are not in the table yet;
    returns those added (a day already listed, under any title, is left as it is)."""
    with writing(session, actor, Permission.MANAGE_SETTINGS) as audit:
        wanted = official_holidays(year)
        fy = FiscalYear(year)
        present = set(session.scalars(select(Holiday.day).where(Holiday.day >= fy.first_day,
                                                                Holiday.day <= fy.last_day)))
        added = [h for h in wanted if h.day not in present]
        for h in added:
            session.add(Holiday(day=h.day, title=h.title))
            audit.record("holiday.add", "holiday", h.day.isoformat(), after={"day": h.day, "title": h.title})
        if not added:
            audit.nothing_changed()
    return added
