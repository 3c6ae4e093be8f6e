"""What the report kinds' snapshots share: figures as plain JSON-able data, the agencies'
rows, a line's row, each assignment's monthly targets.

A snapshot is what an issued report stores, and the PDF is drawn from it alone, so later
corrections of the database never change what was sent. Metrics (percentages, ranks,
bands) are not stored: the core derives them from these integer figures, the same way
every time. Each kind gathers its own in ``report_kinds``.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from rasad_desktop.core.figures import Figures, amount_in_force, monthly_targets
from rasad_desktop.db.models import Assignment, MonthlySchedule
from rasad_desktop.services import read_models
from rasad_desktop.services.budget import find_year


def figures_dict(f: Figures) -> dict[str, int]:
    return asdict(f)


def figures_of(d: dict[str, int]) -> Figures:
    return Figures(**d)


def agency_rows(session: Session, year: int, n: int) -> list[dict[str, Any]]:
    return [{"code": r.agency.code, "name": r.agency.name, "figures": figures_dict(r.figures)}
            for r in read_models.agencies_in_period(session, year, n)]


def line_dict(line: read_models.LineFigures) -> dict[str, Any]:
    return {"code": line.code, "title": line.title, "figures": figures_dict(line.figures)}


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
