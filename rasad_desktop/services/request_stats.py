"""Response times of requests, complaints and suggestions, per Jalali month of
registration and kind (no Qt: used by the dashboard, the report and the command line).

For each request registered in the year (its code's Jalali date, i.e. the local day of
registration):
- *answered*: it has an answer time (a reopened request keeps the time of its last answer);
- *in time*: answered on or before its due date (the one fixed at registration);
- *days*: working days from the registration day to the answer day, counted with the
  office's holiday table and Thursday policy as they are now (``core.workdays``);
- *overdue*: still open (registered or in review) and past its due date on ``today``.
The share in time is of the answered requests; the median is of their working days.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import jdatetime
from sqlalchemy import select
from sqlalchemy.orm import Session

from rasad_desktop.core.jalali import FiscalYear, Period, format_jalali
from rasad_desktop.core.stats import Cell, StatRow, summarize
from rasad_desktop.core.workdays import working_days_between
from rasad_desktop.db.models import Holiday, ServiceRequest
from rasad_desktop.services import office, validate
from rasad_desktop.services.requests import KINDS, OPEN

__all__ = ["Cell", "StatRow", "cells", "policy", "response_times", "rows_of", "snapshot"]


def local_day(utc: dt.datetime) -> dt.date:
    """The local calendar day of a stored (naive UTC) time, as registration counts it."""
    return utc.replace(tzinfo=dt.UTC).astimezone().date()


def _bounds(year: int, through_month: int | None) -> tuple[str, str]:
    last = 12 if through_month is None else validate.month(through_month)
    return f"{year:04d}0101", f"{year:04d}{last:02d}31"


def cells(session: Session, year: int, *, today: dt.date | None = None,
          through_month: int | None = None) -> list[Cell]:
    """The raw month × kind counts of the requests registered in ``year`` (through
    ``through_month`` when given)."""
    validate.year(year)
    today = today or dt.date.today()
    holidays = set(session.scalars(select(Holiday.day)))
    thursday_off = office.get(session, "thursday_off")
    first, last = _bounds(year, through_month)
    q = (select(ServiceRequest.jalali_day, ServiceRequest.kind, ServiceRequest.status, ServiceRequest.due_date,
                ServiceRequest.answered_at)
         .where(ServiceRequest.jalali_day >= first, ServiceRequest.jalali_day <= last))
    acc: dict[tuple[int, str], dict[str, Any]] = {}
    for jday, kind, status, due, answered_at in session.execute(q):
        month = int(jday[4:6])
        c = acc.setdefault((month, kind), {"registered": 0, "answered": 0, "in_time": 0, "overdue": 0, "days": []})
        c["registered"] += 1
        if answered_at is not None:
            registered = jdatetime.date(int(jday[:4]), month, int(jday[6:])).togregorian()
            answered = local_day(answered_at)
            c["answered"] += 1
            c["in_time"] += answered <= due
            c["days"].append(working_days_between(registered, answered, holidays, thursday_off))
        if status in OPEN and due < today:
            c["overdue"] += 1
    return [Cell(m, k, v["registered"], v["answered"], v["in_time"], v["overdue"], tuple(sorted(v["days"])))
            for (m, k), v in sorted(acc.items())]


def response_times(session: Session, year: int, *, today: dt.date | None = None,
                   through_month: int | None = None) -> list[StatRow]:
    """Per month × kind (months with requests only), a total per kind, and the overall
    total last (see ``core.stats.summarize``)."""
    return summarize(cells(session, year, today=today, through_month=through_month), tuple(KINDS))


def policy(session: Session) -> dict[str, Any]:
    """The working-day rules the figures were counted with."""
    return {"thursday_off": office.get(session, "thursday_off"),
            "targets": {k: office.get(session, f"response_days_{k}") for k in KINDS}}


def snapshot(session: Session, year: int, through_month: int | None = None, *,
             today: dt.date | None = None) -> dict[str, Any]:
    """The frozen figures of the response-time report (JSON-able; see report_data)."""
    validate.year(year)
    if through_month is not None:
        Period(year, validate.month(through_month))
    today = today or dt.date.today()
    fy = FiscalYear(year)
    holiday_count = len(list(session.scalars(
        select(Holiday.day).where(Holiday.day >= fy.first_day, Holiday.day <= fy.last_day))))
    return {
        "kind": "responses",
        "year": year,
        "through_month": through_month,
        "as_of": today.isoformat(),
        "as_of_jalali": format_jalali(today),
        "kinds": [[k, fa] for k, (fa, _en) in KINDS.items()],
        **policy(session),
        "holidays_in_year": holiday_count,
        "cells": [c.as_dict() for c in cells(session, year, today=today, through_month=through_month)],
    }


def rows_of(data: dict[str, Any]) -> list[StatRow]:
    """The table rows of a snapshot."""
    return summarize([Cell.from_dict(c) for c in data["cells"]], [k for k, _label in data["kinds"]])
