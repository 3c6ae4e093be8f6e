"""The yearly circular: each agency's approved lines and monthly targets."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from rasad_desktop.db.models import Assignment, ClassificationNode
from rasad_desktop.reports import circular
from rasad_desktop.services import queries
from rasad_desktop.services.budget import find_year
from rasad_desktop.services.report_data import targets_by_assignment
from rasad_desktop.services.report_kinds import Month, ReportKind, ReportRequest


def gather(session: Session, request: ReportRequest) -> dict[str, Any]:
    fy = find_year(session, request.year)
    titles = queries.line_titles(session, fy.year)
    info = queries.agencies(session)
    targets = targets_by_assignment(session, fy.year)
    q = (
        select(Assignment.id, Assignment.agency_id, ClassificationNode.code, Assignment.budget_column,
               Assignment.approved, Assignment.revised)
        .join(ClassificationNode, ClassificationNode.id == Assignment.line_id)
        .where(Assignment.fiscal_year_id == fy.id)
    )
    by_agency: dict[int, list[dict[str, Any]]] = {}  # each line's values, as the snapshot keeps them
    for aid, agency_id, code, column, approved, revised in session.execute(q):
        by_agency.setdefault(agency_id, []).append({
            "code": code, "title": titles.get(code, ("", False))[0], "column": column,
            "approved": approved, "revised": revised, "months": targets[aid],
        })
    agencies: list[dict[str, Any]] = [
        {"code": info[a].code, "name": info[a].name, "lines": sorted(lines, key=lambda r: (r["code"], r["column"]))}
        for a, lines in by_agency.items()
    ]
    return {"kind": "circular", "year": fy.year, "agencies": sorted(agencies, key=lambda r: r["code"])}


KIND = ReportKind("circular", "بخشنامهٔ تحقق منابع بودجه", "Circular on budget revenue realization", Month.NONE,
                  False, gather, circular.render)
