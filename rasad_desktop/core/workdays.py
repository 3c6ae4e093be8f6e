"""Working days for response deadlines: Fridays are off, Thursdays by office policy,
and official holidays come from a table the office keeps."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

THURSDAY, FRIDAY = 3, 4  # datetime.weekday()


def is_working_day(day: dt.date, holidays: Collection[dt.date] = (), thursday_off: bool = True) -> bool:
    wd = day.weekday()
    if wd == FRIDAY or (thursday_off and wd == THURSDAY):
        return False
    return day not in holidays


def add_working_days(start: dt.date, days: int, holidays: Collection[dt.date] = (),
                     thursday_off: bool = True) -> dt.date:
    """The date on which ``days`` working days after ``start`` have passed (``start``
    itself is not counted: a request registered today and due in 1 day is due on the
    next working day)."""
    if days < 0:
        raise ValueError("days must not be negative")
    day = start
    left = days
    while left:
        day += dt.timedelta(days=1)
        if is_working_day(day, holidays, thursday_off):
            left -= 1
    return day


def working_days_between(start: dt.date, end: dt.date, holidays: Collection[dt.date] = (),
                         thursday_off: bool = True) -> int:
    """Working days after ``start`` up to and including ``end`` (0 when end ≤ start)."""
    count, day = 0, start
    while day < end:
        day += dt.timedelta(days=1)
        if is_working_day(day, holidays, thursday_off):
            count += 1
    return count
