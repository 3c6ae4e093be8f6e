"""The figures each report shows, gathered from the database into plain JSON-able data.

This data is the report's snapshot: an issued report stores it, and the PDF is drawn
from it alone, so later corrections of the database never change what was sent.
Metrics (percentages, ranks, bands) are not stored: the core derives them from these
integer figures, the same way every time.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from rasad_desktop.core.figures import Figures, amount_in_force, monthly_targets
from rasad_desktop.core.jalali import Period
from rasad_desktop.db.models import Assignment, ClassificationNode, MonthlySchedule
from rasad_desktop.services import queries, read_models, request_stats, validate
from rasad_desktop.services.budget import find_agency, find_year

KINDS = ("monitoring", "agency", "letter", "circular", "comparison", "responses")
PERIOD_KINDS = ("monitoring", "agency", "letter")


def figures_dict(f: Figures) -> dict[str, int]:
    return asdict(f)


def figures_of(d: dict[str, int]) -> Figures:
    return Figures(**d)


def _agency_rows(session: Session, year: int, n: int) -> list[dict[str, Any]]:
    return [{"code": r.agency.code, "name": r.agency.name, "figures": figures_dict(r.figures)}
            for r in read_models.agencies_in_period(session, year, n)]


def _line(line: read_models.LineFigures) -> dict[str, Any]:
    return {"code": line.code, "title": line.title, "figures": figures_dict(line.figures)}


def monitoring(session: Session, year: int, through_month: int) -> dict[str, Any]:
    period = Period(year, through_month)
    find_year(session, year)
    names = read_models.titles(session, year)
    lines = read_models.lines_in_period(session, year, through_month)
    found = read_models.exceptions(session, year, through_month, lines)
    classification = [
        {"code": r.code, "kind": r.kind.value,
         "title": names.get(r.code, ("", False))[0] if r.code else "", "figures": figures_dict(r.figures)}
        for r in queries.classification_rows(session, year, through_month, {line.code: line.figures for line in lines})
    ]
    series = read_models.monthly(session, year)
    return {
        "kind": "monitoring",
        "year": period.year,
        "through_month": period.through_month,
        "agencies": _agency_rows(session, year, through_month),
        "classification": classification,
        "exceptions": {
            "nothing_collected": [{"agency": e.agency.name, "code": e.code, "title": e.title, "annual": e.amount}
                                  for e in found.nothing_collected],
            "unapproved": [{"agency": e.agency.name, "code": e.code, "title": e.title, "collected": e.amount}
                           for e in found.unapproved],
            "earmarked": [_line(line) for line in found.earmarked],
        },
        "monthly": series.this_year,
        "monthly_last": series.last_year,
    }


def agency(session: Session, year: int, through_month: int, agency_code: str) -> dict[str, Any]:
    period = Period(year, through_month)
    find_year(session, year)
    a = find_agency(session, agency_code)
    targets = targets_by_assignment(session, year, agency_id=a.id)
    series = read_models.monthly(session, year, agency_id=a.id)
    return {
        "kind": "agency",
        "year": period.year,
        "through_month": period.through_month,
        "agency": {"code": a.code, "name": a.name},
        "lines": [{**_line(line), "earmarked": line.earmarked}
                  for line in read_models.lines_in_period(session, year, through_month, agency_id=a.id)],
        "monthly": series.this_year,
        "monthly_last": series.last_year,
        "monthly_target": [sum(t[m] for t in targets.values()) for m in range(12)],
    }


def letter(session: Session, year: int, through_month: int) -> dict[str, Any]:
    period = Period(year, through_month)
    find_year(session, year)
    return {
        "kind": "letter",
        "year": period.year,
        "through_month": period.through_month,
        "agencies": _agency_rows(session, year, through_month),
    }


def targets_by_assignment(session: Session, year: int, *, agency_id: int | None = None) -> dict[int, list[int]]:
    """assignment id → its twelve monthly targets (the schedule, or an even split)."""
    fy = find_year(session, year)
    q = select(Assignment.id, Assignment.approved, Assignment.revised).where(Assignment.fiscal_year_id == fy.id)
    if agency_id is not None:
        q = q.where(Assignment.agency_id == agency_id)
    rows = session.execute(q).all()
    sched: dict[int, list[int]] = {}
    for aid, month, amount in session.execute(
        select(MonthlySchedule.assignment_id, MonthlySchedule.month, MonthlySchedule.amount)
        .join(Assignment, Assignment.id == MonthlySchedule.assignment_id)
        .where(Assignment.fiscal_year_id == fy.id)
    ):
        sched.setdefault(aid, [0] * 12)[month - 1] = amount
    return {aid: monthly_targets(amount_in_force(approved, revised), sched.get(aid))
            for aid, approved, revised in rows}


def circular(session: Session, year: int) -> dict[str, Any]:
    fy = find_year(session, year)
    titles = queries.line_titles(session, year)
    info = queries.agencies(session)
    targets = targets_by_assignment(session, year)
    q = (
        select(Assignment.id, Assignment.agency_id, ClassificationNode.code, Assignment.budget_column,
               Assignment.approved, Assignment.revised)
        .join(ClassificationNode, ClassificationNode.id == Assignment.line_id)
        .where(Assignment.fiscal_year_id == fy.id)
    )
    by_agency: dict[int, list[dict[str, Any]]] = {}
    for aid, agency_id, code, column, approved, revised in session.execute(q):
        by_agency.setdefault(agency_id, []).append({
            "code": code, "title": titles.get(code, ("", False))[0], "column": column,
            "approved": approved, "revised": revised, "months": targets[aid],
        })
    agencies = [
        {"code": info[a].code, "name": info[a].name, "lines": sorted(lines, key=lambda r: (r["code"], r["column"]))}
        for a, lines in by_agency.items()
    ]
    return {"kind": "circular", "year": fy.year, "agencies": sorted(agencies, key=lambda r: r["code"])}


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
            for c, f in sorted(by_line.items()) if f.annual or f.annual_last  # type: ignore[arg-type]
        ],
        "agencies": [
            {"code": info[a].code, "name": info[a].name, "annual": f.annual, "annual_last": f.annual_last}
            for a, f in sorted(by_agency.items(), key=lambda kv: info[kv[0]].code)  # type: ignore[index]
            if f.annual or f.annual_last
        ],
    }


def gather(session: Session, kind: str, year: int, through_month: int | None = None,
           agency_code: str | None = None) -> dict[str, Any]:
    """The snapshot of one report kind."""
    if kind == "monitoring":
        return monitoring(session, year, _month(through_month))
    if kind == "agency":
        return agency(session, year, _month(through_month), agency_code or "")
    if kind == "letter":
        return letter(session, year, _month(through_month))
    if kind == "circular":
        return circular(session, year)
    if kind == "comparison":
        return comparison(session, year)
    if kind == "responses":  # yearly, optionally through a month; counted as of today
        return request_stats.snapshot(session, year, None if through_month is None else _month(through_month))
    raise ValueError(kind)


def _month(value: int | None) -> int:
    return validate.month(value)
