"""The covering letter of the monitoring report, to the First Vice President and the Minister."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from rasad_desktop.core.jalali import Period
from rasad_desktop.reports import letter
from rasad_desktop.services import validate
from rasad_desktop.services.budget import find_year
from rasad_desktop.services.report_data import agency_rows
from rasad_desktop.services.report_kinds import Month, ReportKind, ReportRequest


def gather(session: Session, request: ReportRequest) -> dict[str, Any]:
    year, n = request.year, validate.month(request.through_month)
    period = Period(year, n)
    find_year(session, year)
    return {"kind": "letter", "year": period.year, "through_month": period.through_month,
            "agencies": agency_rows(session, year, n)}


KIND = ReportKind("letter", "نامهٔ ارسال گزارش رصد منابع", "Covering letter of the monitoring report",
                  Month.REQUIRED, False, gather, letter.render)
