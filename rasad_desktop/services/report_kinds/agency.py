"""One agency's performance: its lines for the period, and its months against last year and
against its monthly targets."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from rasad_desktop.core.classification import Level, ancestor
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
    lines = read_models.lines_in_period(session, year, n, agency_id=a.id)
    names = read_models.titles(session, year)
    sections = {ancestor(line.code, Level.SECTION) for line in lines}
    return {
        "kind": "agency",
        "year": period.year,
        "through_month": period.through_month,
        "agency": {"code": a.code, "name": a.name},
        "lines": [{**line_dict(line), "earmarked": line.earmarked} for line in lines],
        # the year's own section titles, so the subtotals read as the law names them
        "section_titles": {code: names[code][0] for code in sorted(sections) if names.get(code, ("",))[0]},
        "monthly": series.this_year,
        "monthly_last": series.last_year,
        "monthly_target": [sum(t[m] for t in targets.values()) for m in range(12)],
    }


KIND = ReportKind("agency", "گزارش عملکرد دستگاه اجرایی", "Agency performance report", Month.REQUIRED, True,
                  gather, agency.render)
