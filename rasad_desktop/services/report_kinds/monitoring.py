"""The resource-monitoring report (A4 landscape): agencies ranked, the classification,
the exceptions and the monthly chart of a period «through month n»."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from rasad_desktop.core.jalali import Period
from rasad_desktop.reports import monitoring
from rasad_desktop.services import queries, read_models, validate
from rasad_desktop.services.budget import find_year
from rasad_desktop.services.report_data import agency_rows, figures_dict, line_dict
from rasad_desktop.services.report_kinds import Month, ReportKind, ReportRequest


def gather(session: Session, request: ReportRequest) -> dict[str, Any]:
    year, n = request.year, validate.month(request.through_month)
    period = Period(year, n)
    find_year(session, year)
    names = read_models.titles(session, year)
    lines = read_models.lines_in_period(session, year, n)
    found = read_models.exceptions(session, year, n, lines)
    classification = [
        {"code": r.code, "kind": r.kind.value,
         "title": names.get(r.code, ("", False))[0] if r.code else "", "figures": figures_dict(r.figures)}
        for r in queries.classification_rows(session, year, n, {line.code: line.figures for line in lines})
    ]
    series = read_models.monthly(session, year)
    return {
        "kind": "monitoring",
        "year": period.year,
        "through_month": period.through_month,
        "agencies": agency_rows(session, year, n),
        "classification": classification,
        "exceptions": {
            "nothing_collected": [{"agency": e.agency.name, "code": e.code, "title": e.title, "annual": e.amount}
                                  for e in found.nothing_collected],
            "unapproved": [{"agency": e.agency.name, "code": e.code, "title": e.title, "collected": e.amount}
                           for e in found.unapproved],
            "earmarked": [line_dict(line) for line in found.earmarked],
        },
        "monthly": series.this_year,
        "monthly_last": series.last_year,
    }


KIND = ReportKind("monitoring", "گزارش رصد منابع", "Resource monitoring report", Month.REQUIRED, False,
                  gather, monitoring.render)
