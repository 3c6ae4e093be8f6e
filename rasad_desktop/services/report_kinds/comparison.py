"""This year's approved amounts beside last year's, by line and by agency (also the budget
page's comparison tab)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from rasad_desktop.reports import comparison as drawing
from rasad_desktop.services import queries
from rasad_desktop.services.budget import find_year
from rasad_desktop.services.report_kinds import Month, ReportKind


def comparison(session: Session, year: int) -> dict[str, Any]:
    find_year(session, year)
    titles = queries.line_titles(session, year)
    last_titles = queries.line_titles(session, year - 1)
    # through Esfand, the period share is the whole year: annual and annual_last are A and A′
    by_line = queries.figures(session, year, 12, "line")
    by_agency = queries.figures(session, year, 12, "agency")
    info = queries.agencies(session)
    return {
        "kind": "comparison",
        "year": year,
        "lines": [
            {"code": c, "title": titles.get(c, last_titles.get(c, ("", False)))[0],
             "approved": f.approved, "annual": f.annual, "annual_last": f.annual_last}
            for c, f in sorted(by_line.items()) if f.annual or f.annual_last
        ],
        "agencies": [
            {"code": info[a].code, "name": info[a].name, "annual": f.annual, "annual_last": f.annual_last}
            for a, f in sorted(by_agency.items(), key=lambda kv: info[kv[0]].code)
            if f.annual or f.annual_last
        ],
    }


KIND = ReportKind("comparison", "مقایسهٔ مصوبات بودجه با سال قبل", "Comparison with last year's approved budget",
                  Month.NONE, False, lambda session, request: comparison(session, request.year), drawing.render)
