"""One agency's performance: its lines for the period, and its months against last year and
against its monthly targets."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from rasad_desktop.core.jalali import Period
from rasad_desktop.reports import agency
from rasad_desktop.services import read_models, validate
from rasad_desktop.services.budget import find_agency, find_year
from rasad_desktop.services.report_data import line_dict, targets_by_assignment
from rasad_desktop.services.report_kinds import Month, ReportKind, ReportRequest


def gather(session: Session, request: ReportRequest) -> dict[str, Any]:
    year, n = request.year, validate.month(request.through_month)
    period = Period(year, n)
    find_year(session, year)
    a = find_agency(session, request.agency_code or "")
    targets = targets_by_assignment(session, year, agency_id=a.id)
    series = read_models.monthly(session, year, agency_id=a.id)
    return {
        "kind": "agency",
        "year": period.year,
        "through_month": period.through_month,
        "agency": {"code": a.code, "name": a.name},
        "lines": [{**line_dict(line), "earmarked": line.earmarked}
                  for line in read_models.lines_in_period(session, year, n, agency_id=a.id)],
        "monthly": series.this_year,
        "monthly_last": series.last_year,
        "monthly_target": [sum(t[m] for t in targets.values()) for m in range(12)],
    }


KIND = ReportKind("agency", "گزارش عملکرد دستگاه اجرایی", "Agency performance report", Month.REQUIRED, True,
                  gather, agency.render)
