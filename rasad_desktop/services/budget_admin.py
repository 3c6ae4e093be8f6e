"""Budget administration behind the Budget page: a new fiscal year with last year's
classification copied, several approved amounts saved together, and the read helpers the
page shows (years, the classification tree, agencies, an agency's lines, schedules, locks).

Every write goes through ``uow.writing`` (role check, validation, audit, one commit), with
the same checks and audit records as the single-item services in ``services.budget``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from rasad_desktop.core.classification import Level
from rasad_desktop.core.digits import localize_digits
from rasad_desktop.core.figures import amount_in_force
from rasad_desktop.db.models import (
    Agency,
    Assignment,
    ClassificationNode,
    FiscalYear,
    MonthlySchedule,
    PeriodLock,
)
from rasad_desktop.services import validate
from rasad_desktop.services.budget import _cell, find_agency, find_assignment, find_year
from rasad_desktop.services.errors import Conflict, ValidationError
from rasad_desktop.services.roles import Actor, Permission
from rasad_desktop.services.sql_rules import in_force_sql
from rasad_desktop.services.uow import Audit, writing


# ------------------------------------------------------------------ fiscal years
def new_year(session: Session, actor: Actor, year: int, *, copy_lines_from: int | None = None,
             note: str = "") -> int:
    """Create a fiscal year and, optionally, copy another year's classification lines into
    it, in one transaction. Returns how many lines were copied."""
    with writing(session, actor, Permission.MANAGE_BUDGET) as audit:
        y = validate.year(year)
        note = validate.text(note, "یادداشت", "Note", max_len=500, required=False)
        if session.scalar(select(FiscalYear.id).where(FiscalYear.year == y)) is not None:
            raise Conflict(
                f"سال مالی {localize_digits(str(y))} از پیش تعریف شده است.",
                f"Fiscal year {y} already exists.",
                code="year_exists",
            )
        source = None if copy_lines_from is None else find_year(session, validate.year(copy_lines_from))
        fy = FiscalYear(year=y, note=note)
        session.add(fy)
        session.flush()
        audit.record("year.create", "fiscal_year", y, after={"year": y, "note": note})
        copied = 0
        if source is not None:
            copied = _copy_lines(session, audit, source, fy)
    return copied


def copy_classification(session: Session, actor: Actor, from_year: int, to_year: int) -> int:
    """Copy the classification lines of ``from_year`` that ``to_year`` lacks (titles and
    earmarking as they are). Returns how many were copied."""
    with writing(session, actor, Permission.MANAGE_BUDGET) as audit:
        source = find_year(session, validate.year(from_year))
        target = find_year(session, validate.year(to_year))
        copied = _copy_lines(session, audit, source, target)
        if copied == 0:
            audit.nothing_changed()
    return copied


def _copy_lines(session: Session, audit: Audit, source: FiscalYear, target: FiscalYear) -> int:
    if source.id == target.id:
        raise ValidationError(
            "سال مبدأ و مقصد رونوشت ردیف‌ها یکی است.",
            "The lines cannot be copied into the year they come from.",
            code="copy_same_year",
        )
    nodes = session.scalars(
        select(ClassificationNode)
        .where(ClassificationNode.fiscal_year_id == source.id)
        .order_by(ClassificationNode.table_no, ClassificationNode.level, ClassificationNode.code)
    ).all()
    if not nodes:
        raise ValidationError(
            f"سال مالی {localize_digits(str(source.year))} ردیفی برای رونوشت ندارد.",
            f"Fiscal year {source.year} has no lines to copy.",
            code="copy_nothing",
        )
    existing = {
        (t, c): i for i, t, c in session.execute(
            select(ClassificationNode.id, ClassificationNode.table_no, ClassificationNode.code)
            .where(ClassificationNode.fiscal_year_id == target.id))
    }
    codes_by_id = {n.id: n.code for n in nodes}
    copied: list[str] = []
    for n in nodes:  # parents (lower levels) come first
        if (n.table_no, n.code) in existing:
            continue
        parent_id = None
        if n.parent_id is not None:
            parent_id = existing.get((n.table_no, codes_by_id.get(n.parent_id, "")))
        node = ClassificationNode(fiscal_year_id=target.id, table_no=n.table_no, code=n.code, title=n.title,
                                  level=n.level, parent_id=parent_id, part=n.part, earmarked=n.earmarked)
        session.add(node)
        session.flush()
        existing[(n.table_no, n.code)] = node.id
        copied.append(n.code)
    if copied:
        audit.record("lines.copy", "fiscal_year", target.year,
                     after={"from_year": source.year, "count": len(copied)})
    return len(copied)


# ------------------------------------------------------------- approved amounts
@dataclass(frozen=True)
class ApprovedChange:
    """One row of the approved-amounts grid: ``revised=None`` means no amendment."""

    line_code: str
    approved: int | str
    revised: int | str | None = None
    budget_column: str = "provincial"


def save_approved_many(session: Session, actor: Actor, year: int, agency_code: str,
                       changes: Sequence[ApprovedChange]) -> int:
    """Set several approved (and revised) amounts of one agency in one transaction, with
    the checks and audit records of ``budget.set_approved``; a failure on any line saves
    none. Returns how many assignments changed."""
    return save_approved_for(session, actor, year, {agency_code: changes})


def save_approved_for(session: Session, actor: Actor, year: int,
                      by_agency: Mapping[str, Sequence[ApprovedChange]]) -> int:
    """``save_approved_many`` for several agencies at once (a budget-law workbook): one
    transaction, all or nothing. Returns how many assignments changed."""
    with writing(session, actor, Permission.MANAGE_BUDGET) as audit:
        changed = 0
        for agency_code, changes in by_agency.items():
            changed += _save_approved(session, audit, year, agency_code, changes)
        if changed == 0:
            audit.nothing_changed()
    return changed


def _save_approved(session: Session, audit: Audit, year: int, agency_code: str,
                   changes: Sequence[ApprovedChange]) -> int:
    seen: set[tuple[str, str]] = set()
    changed = 0
    for change in changes:
        fy, agency, line, col = _cell(session, year, agency_code, change.line_code, change.budget_column)
        shown = localize_digits(line.code)
        if (line.code, col) in seen:
            raise ValidationError(
                f"ردیف {shown} دو بار آمده است.", f"Line {line.code} appears twice.", code="duplicate_line")
        seen.add((line.code, col))
        if line.level != Level.ROW:
            raise ValidationError(
                f"مبلغ مصوب فقط برای ردیف (کد سطح چهارم) ثبت می‌شود؛ {shown} "
                f"یک {Level(line.level).label()} است.",
                f"Approved amounts are set on lines (level four); {line.code} is a "
                f"{Level(line.level).label('en')}.",
                code="not_a_row",
            )
        a = validate.amount(change.approved, f"مبلغ مصوب ردیف {shown}", f"Approved amount of line {line.code}")
        r = None if change.revised is None else validate.amount(
            change.revised, f"مبلغ اصلاحی ردیف {shown}", f"Revised amount of line {line.code}")
        row = find_assignment(session, fy, agency, line, col)
        if row is not None and (row.approved, row.revised) == (a, r):
            continue
        before = None if row is None else {"approved": row.approved, "revised": row.revised}
        if row is None:
            row = Assignment(fiscal_year_id=fy.id, agency_id=agency.id, line_id=line.id,
                             budget_column=col, approved=a, revised=r, note="")
            session.add(row)
        else:
            row.approved, row.revised = a, r
        session.flush()
        if row.schedule and sum(s.amount for s in row.schedule) != amount_in_force(a, r):
            raise ValidationError(
                f"ردیف {shown} برنامهٔ ماهانهٔ ابلاغی دارد که جمع آن با مبلغ تازه برابر نیست؛ "
                "نخست برنامهٔ ماهانه را اصلاح کنید.",
                f"Line {line.code} has a monthly schedule whose total differs from the new amount; "
                "update the schedule first.",
                code="schedule_mismatch",
            )
        audit.record("approved.set", "assignment", f"{fy.year}/{agency.code}/{line.code}/{col}",
                     before=before, after={"approved": a, "revised": r})
        changed += 1
    return changed


# ------------------------------------------------------------------ read helpers
@dataclass(frozen=True)
class YearSummary:
    year: int
    note: str
    lines: int
    assignments: int
    in_force: int  # Σ amounts in force (revised, else approved)
    locked_months: int


def year_summaries(session: Session) -> list[YearSummary]:
    def counts(q: Select[int, int]) -> dict[int, int]:
        return {k: int(v or 0) for k, v in session.execute(q)}

    lines = counts(select(ClassificationNode.fiscal_year_id, func.count())
                   .group_by(ClassificationNode.fiscal_year_id))
    assignments = counts(select(Assignment.fiscal_year_id, func.count()).group_by(Assignment.fiscal_year_id))
    in_force = counts(select(Assignment.fiscal_year_id, func.sum(in_force_sql())).group_by(Assignment.fiscal_year_id))
    locks = counts(select(PeriodLock.fiscal_year_id, func.count()).group_by(PeriodLock.fiscal_year_id))
    return [YearSummary(fy.year, fy.note, lines.get(fy.id, 0), assignments.get(fy.id, 0), in_force.get(fy.id, 0),
                        locks.get(fy.id, 0))
            for fy in session.scalars(select(FiscalYear).order_by(FiscalYear.year))]


@dataclass(frozen=True)
class LineNode:
    code: str
    title: str
    level: int
    earmarked: bool
    children: list[LineNode] = field(default_factory=list)


def line_tree(session: Session, year: int, table_no: int = 5) -> list[LineNode]:
    """The year's classification as a tree (part → section → band → row), by code."""
    fy = find_year(session, validate.year(year))
    nodes = session.execute(
        select(ClassificationNode.id, ClassificationNode.parent_id, ClassificationNode.code,
               ClassificationNode.title, ClassificationNode.level, ClassificationNode.earmarked)
        .where(ClassificationNode.fiscal_year_id == fy.id, ClassificationNode.table_no == table_no)
        .order_by(ClassificationNode.code)
    ).all()
    made = {i: LineNode(code, title, level, bool(earmarked)) for i, _, code, title, level, earmarked in nodes}
    roots: list[LineNode] = []
    for i, parent_id, *_ in nodes:
        (made[parent_id].children if parent_id in made else roots).append(made[i])
    return roots


def row_lines(session: Session, year: int) -> list[tuple[str, str]]:
    """(code, title) of the year's level-four lines, which carry approved amounts."""
    fy = find_year(session, validate.year(year))
    return [(c, t) for c, t in session.execute(
        select(ClassificationNode.code, ClassificationNode.title)
        .where(ClassificationNode.fiscal_year_id == fy.id, ClassificationNode.table_no == 5,
               ClassificationNode.level == int(Level.ROW))
        .order_by(ClassificationNode.code))]


@dataclass(frozen=True)
class AgencyRow:
    code: str
    name: str
    active: bool


def agency_rows(session: Session) -> list[AgencyRow]:
    return [AgencyRow(c, n, bool(a)) for c, n, a in session.execute(
        select(Agency.code, Agency.name, Agency.active).order_by(Agency.code))]


@dataclass(frozen=True)
class AssignmentRow:
    line_code: str
    title: str
    earmarked: bool
    budget_column: str
    approved: int
    revised: int | None
    scheduled: bool  # has a communicated monthly schedule

    @property
    def in_force(self) -> int:
        return amount_in_force(self.approved, self.revised)


def agency_assignments(session: Session, year: int, agency_code: str) -> list[AssignmentRow]:
    """An agency's approved lines in a year, by code (provincial before national)."""
    fy = find_year(session, validate.year(year))
    agency = find_agency(session, agency_code)
    scheduled = set(session.scalars(
        select(MonthlySchedule.assignment_id).join(Assignment, Assignment.id == MonthlySchedule.assignment_id)
        .where(Assignment.fiscal_year_id == fy.id, Assignment.agency_id == agency.id)))
    rows = session.execute(
        select(Assignment.id, ClassificationNode.code, ClassificationNode.title, ClassificationNode.earmarked,
               Assignment.budget_column, Assignment.approved, Assignment.revised)
        .join(ClassificationNode, ClassificationNode.id == Assignment.line_id)
        .where(Assignment.fiscal_year_id == fy.id, Assignment.agency_id == agency.id)
    ).all()
    out = [AssignmentRow(code, title, bool(earmarked), column, int(approved),
                         None if revised is None else int(revised), aid in scheduled)
           for aid, code, title, earmarked, column, approved, revised in rows]
    return sorted(out, key=lambda r: (r.line_code, r.budget_column != "provincial"))


@dataclass(frozen=True)
class ScheduleInfo:
    approved: int
    revised: int | None
    months: list[int] | None  # the communicated schedule, or None (an even split applies)

    @property
    def in_force(self) -> int:
        return amount_in_force(self.approved, self.revised)


def schedule_info(session: Session, year: int, agency_code: str, line_code: str,
                  budget_column: str = "provincial") -> ScheduleInfo | None:
    """The amounts and schedule of one assignment; None if it has no approved amount."""
    fy, agency, line, col = _cell(session, year, agency_code, line_code, budget_column)
    row = find_assignment(session, fy, agency, line, col)
    if row is None:
        return None
    months = [s.amount for s in sorted(row.schedule, key=lambda s: s.month)] or None
    return ScheduleInfo(row.approved, row.revised, months)


@dataclass(frozen=True)
class LockRow:
    month: int
    locked_by: str | None
    locked_at: dt.datetime | None
    reason: str

    @property
    def locked(self) -> bool:
        return self.locked_by is not None


def period_locks(session: Session, year: int) -> list[LockRow]:
    """The twelve months of a year, locked or open."""
    fy = find_year(session, validate.year(year))
    locks = {lock.month: lock for lock in session.scalars(select(PeriodLock).where(PeriodLock.fiscal_year_id == fy.id))}
    return [LockRow(m, locks[m].locked_by, locks[m].locked_at, locks[m].reason) if m in locks
            else LockRow(m, None, None, "") for m in range(1, 13)]

