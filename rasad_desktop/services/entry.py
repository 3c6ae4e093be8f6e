"""What the data-entry grid shows for one agency and month."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from rasad_desktop.core.plausibility import Limits, Reference
from rasad_desktop.db.models import Assignment, ClassificationNode, Collection
from rasad_desktop.services import plausibility, validate
from rasad_desktop.services.budget import find_year, is_locked
from rasad_desktop.services.maintenance import MaintenanceMode, check_open_for_entry
from rasad_desktop.services.sql_rules import in_force_sql, period_share_sql


@dataclass(frozen=True)
class EntryRow:
    line_code: str
    title: str
    earmarked: bool
    budget_column: str
    annual: int  # the amount in force
    share: int  # period share through this month
    before: int  # collected in the months before this one
    this_month: int | None  # None: nothing entered yet
    document_ref: str
    reference: Reference = Reference(None)  # what a figure here is compared with (plausibility)
    note: str = ""  # the reason the figure's warnings were confirmed with


@dataclass(frozen=True)
class EntrySheet:
    year: int
    month: int
    agency_id: int
    rows: list[EntryRow]
    locked_by: str | None  # set when the month is locked
    locked_at: dt.datetime | None = None
    closed: tuple[str, str] | None = None  # (fa, en): why entry is closed now (maintenance, a restore)
    limits: Limits = Limits()  # the office's plausibility thresholds


def entry_sheet(session: Session, year: int, month: int, agency_id: int) -> EntrySheet:
    """The agency's lines (approved ones, and any it collected on) with the figures the
    grid shows for ``month``."""
    fy = find_year(session, validate.year(year))
    m = validate.month(month)
    sched, share = period_share_sql(fy.id, m)
    in_force = in_force_sql()
    budget = session.execute(
        select(Assignment.line_id, Assignment.budget_column, in_force, share)
        .outerjoin(sched, sched.c.assignment_id == Assignment.id)
        .where(Assignment.fiscal_year_id == fy.id, Assignment.agency_id == agency_id)
    ).all()
    collected = session.execute(
        select(
            Collection.line_id,
            Collection.budget_column,
            func.sum(case((Collection.month < m, Collection.amount), else_=0)),
            func.max(case((Collection.month == m, Collection.amount))),
            func.max(case((Collection.month == m, Collection.document_ref))),
            func.max(case((Collection.month == m, Collection.note))),
        )
        .where(Collection.fiscal_year_id == fy.id, Collection.agency_id == agency_id)
        .group_by(Collection.line_id, Collection.budget_column)
    ).all()
    cells: dict[tuple[int, str], dict] = {}
    for line_id, column, annual, line_share in budget:
        cells[(line_id, column)] = {"annual": int(annual), "share": int(line_share)}
    for line_id, column, before, this_month, ref, note in collected:
        cell = cells.setdefault((line_id, column), {"annual": 0, "share": 0})
        cell.update(before=int(before or 0), this_month=None if this_month is None else int(this_month),
                    ref=ref or "", note=note or "")
    nodes = {
        n.id: n for n in session.scalars(
            select(ClassificationNode).where(ClassificationNode.id.in_({k[0] for k in cells})))
    }
    checker = plausibility.Checker(session, fy, [agency_id], [m])
    rows = [
        EntryRow(nodes[line_id].code, nodes[line_id].title, nodes[line_id].earmarked, column, c["annual"],
                 c["share"], c.get("before", 0), c.get("this_month"), c.get("ref", ""),
                 checker.reference((agency_id, nodes[line_id].code, column), m), c.get("note", ""))
        for (line_id, column), c in cells.items()
    ]
    rows.sort(key=lambda r: (r.line_code, r.budget_column != "provincial"))
    lock = is_locked(session, fy.id, m)
    try:
        check_open_for_entry(session)
        closed = None
    except MaintenanceMode as err:  # the grid shows it read-only, with the notice's text
        closed = (err.message("fa"), err.message("en"))
    return EntrySheet(fy.year, m, agency_id, rows, lock.locked_by if lock else None,
                      lock.locked_at if lock else None, closed, checker.limits)


def addable_lines(session: Session, year: int) -> list[tuple[str, str]]:
    """(code, title) of the year's lines an agency may collect on (level-4 rows)."""
    fy = find_year(session, validate.year(year))
    q = (select(ClassificationNode.code, ClassificationNode.title)
         .where(ClassificationNode.fiscal_year_id == fy.id, ClassificationNode.level == 4)
         .order_by(ClassificationNode.code))
    return [(c, t) for c, t in session.execute(q)]
