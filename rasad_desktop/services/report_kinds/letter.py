"""The covering letter of the monitoring report, to the First Vice President and the Minister."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session

from rasad_desktop.core.jalali import Period
from rasad_desktop.reports import letter
from rasad_desktop.services import validate
from rasad_desktop.services.budget import find_year
from rasad_desktop.services.report_data import agency_rows
from rasad_desktop.services.report_kinds import Month, ReportKind, ReportRequest


def issued_reports(session: Session) -> list[Any]:
    from rasad_desktop.services.reporting import issued_reports as newest_first  # reporting imports report_kinds

    return newest_first(session)


def gather(session: Session, request: ReportRequest) -> dict[str, Any]:
    year, n = request.year, validate.month(request.through_month)
    period = Period(year, n)
    find_year(session, year)
    return {"kind": "letter", "year": period.year, "through_month": period.through_month,
            "agencies": agency_rows(session, year, n), "attached_report": attached_report(session, period)}


def attached_report(session: Session, period: Period) -> dict[str, Any] | None:
    """The newest issued monitoring report of the same period: the letter cites its number
    (None when none was issued yet: the letter then says only that it is attached)."""
    for row in issued_reports(session):  # newest first
        if row.kind != "monitoring":
            continue
        params = json.loads(row.params or "{}")
        if (params.get("year"), params.get("through_month")) == (period.year, period.through_month):
            return {"number": row.number, "version": row.version}
    return None


KIND = ReportKind("letter", "نامهٔ ارسال گزارش رصد منابع", "Covering letter of the monitoring report",
                  Month.REQUIRED, False, gather, letter.render)
