"""The budget: fiscal years, classification lines, agencies, approved amounts, monthly
schedules and period locks."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from rasad_desktop.core.amounts import format_amount
from rasad_desktop.core.classification import Level, level_of, parent
from rasad_desktop.core.digits import localize_digits, to_latin_digits
from rasad_desktop.core.figures import amount_in_force
from rasad_desktop.core.jalali import month_name
from rasad_desktop.core.text import normalize, search_key
from rasad_desktop.db.models import (
    Agency,
    Assignment,
    ClassificationNode,
    FiscalYear,
    MonthlySchedule,
    PeriodLock,
)
from rasad_desktop.services import validate
from rasad_desktop.services.errors import Conflict, NotFound, ValidationError
from rasad_desktop.services.roles import Actor, Permission
from rasad_desktop.services.uow import writing


# ------------------------------------------------------------------------ lookups
def find_year(session: Session, year: int) -> FiscalYear:
    fy = session.scalar(select(FiscalYear).where(FiscalYear.year == year))
    if fy is None:
        raise NotFound(
            f"سال مالی {localize_digits(str(year))} در پایگاه داده تعریف نشده است.",
            f"Fiscal year {year} is not defined in the database.",
            code="year_missing",
        )
    return fy


def list_years(session: Session) -> list[int]:
    return list(session.scalars(select(FiscalYear.year).order_by(FiscalYear.year)))


def find_line(session: Session, fiscal_year_id: int, code: str, table_no: int = 5) -> ClassificationNode:
    node = session.scalar(
        select(ClassificationNode).where(
            ClassificationNode.fiscal_year_id == fiscal_year_id,
            ClassificationNode.table_no == table_no,
            ClassificationNode.code == code,
        )
    )
    if node is None:
        raise NotFound(
            f"ردیف {localize_digits(code)} در طبقه‌بندی این سال تعریف نشده است.",
            f"Line {code} is not in this year's classification.",
            code="line_missing",
        )
    return node


def agency_key(code: object) -> str:
    """An agency code as stored: normalised, with Latin digits, so «۱۲», «١٢» and «12»
    are one agency and a code finds the agency it was saved as."""
    return to_latin_digits(normalize(str(code)))


def find_agency(session: Session, code: str) -> Agency:
    agency = session.scalar(select(Agency).where(Agency.code == agency_key(code)))
    if agency is None:
        raise NotFound(
            f"دستگاهی با کد «{localize_digits(str(code))}» پیدا نشد.",
            f"No agency has the code '{code}'.",
            code="agency_missing",
        )
    return agency


def find_assignment(session: Session, fy: FiscalYear, agency: Agency, line: ClassificationNode,
                    budget_column: str) -> Assignment | None:
    return session.scalar(
        select(Assignment).where(
            Assignment.fiscal_year_id == fy.id,
            Assignment.agency_id == agency.id,
            Assignment.line_id == line.id,
            Assignment.budget_column == budget_column,
        )
    )


def _cell(session: Session, year: int, agency_code: str, line_code: str,
          budget_column: str) -> tuple[FiscalYear, Agency, ClassificationNode, str]:
    """The validated (year, agency, line, column) an approved amount belongs to."""
    fy = find_year(session, validate.year(year))
    agency = find_agency(session, agency_code)
    line = find_line(session, fy.id, validate.code(line_code))
    return fy, agency, line, validate.budget_column(budget_column)


# ------------------------------------------------------------------------- writes
def create_year(session: Session, actor: Actor, year: int, note: str = "") -> FiscalYear:
    with writing(session, actor, Permission.MANAGE_BUDGET) as audit:
        y = validate.year(year)
        note = validate.text(note, "یادداشت", "Note", max_len=500, required=False)
        if session.scalar(select(FiscalYear).where(FiscalYear.year == y)) is not None:
            raise Conflict(
                f"سال مالی {localize_digits(str(y))} از پیش تعریف شده است.",
                f"Fiscal year {y} already exists.",
                code="year_exists",
            )
        fy = FiscalYear(year=y, note=note)
        session.add(fy)
        session.flush()
        audit.record("year.create", "fiscal_year", y, after={"year": y, "note": note})
    return fy


def add_line(
    session: Session,
    actor: Actor,
    year: int,
    code: str,
    title: str,
    *,
    earmarked: bool = False,
    table_no: int = 5,
) -> ClassificationNode:
    """Add a classification code to a year; its parent group must already exist."""
    with writing(session, actor, Permission.MANAGE_BUDGET) as audit:
        node = _new_line(session, year, code, title, earmarked, table_no)
        audit.record("line.create", "classification_node", f"{year}/{table_no}/{node.code}",
                     after={"title": node.title, "level": node.level, "earmarked": node.earmarked})
    return node


def _new_line(session: Session, year: int, code: str, title: str, earmarked: bool,
              table_no: int) -> ClassificationNode:
    fy = find_year(session, validate.year(year))
    c = validate.code(code)
    t = validate.text(title, "عنوان ردیف", "Line title", max_len=300)
    if isinstance(table_no, bool) or not isinstance(table_no, int) or not 1 <= table_no <= 99:
        raise ValidationError("شمارهٔ جدول طبقه‌بندی باید عددی از ۱ تا ۹۹ باشد.",
                              "The classification table number must be 1 to 99.", code="table_no")
    parent_code = parent(c)
    parent_node = None
    if parent_code:
        try:
            parent_node = find_line(session, fy.id, parent_code, table_no)
        except NotFound:
            raise ValidationError(
                f"نخست گروه بالاتر {localize_digits(parent_code)} را تعریف کنید، سپس {localize_digits(c)} را.",
                f"Define the parent group {parent_code} before {c}.",
                code="parent_missing",
            ) from None
    exists = session.scalar(
        select(ClassificationNode.id).where(
            ClassificationNode.fiscal_year_id == fy.id,
            ClassificationNode.table_no == table_no,
            ClassificationNode.code == c,
        )
    )
    if exists is not None:
        raise Conflict(
            f"کد {localize_digits(c)} در این سال از پیش تعریف شده است.",
            f"Code {c} already exists in this year.",
            code="line_exists",
        )
    node = ClassificationNode(
        fiscal_year_id=fy.id,
        table_no=table_no,
        code=c,
        title=t,
        level=int(level_of(c)),
        parent_id=parent_node.id if parent_node else None,
        part=int(c[0]),
        earmarked=bool(earmarked),
    )
    session.add(node)
    session.flush()
    return node


def save_agency(session: Session, actor: Actor, code: str, name: str, *, active: bool = True) -> Agency:
    """Create an agency or rename it."""
    with writing(session, actor, Permission.MANAGE_BUDGET) as audit:
        c = agency_key(validate.text(code, "کد دستگاه", "Agency code", max_len=20))
        n = validate.text(name, "نام دستگاه", "Agency name", max_len=300)
        agency = session.scalar(select(Agency).where(Agency.code == c))
        before = None if agency is None else {"name": agency.name, "active": agency.active}
        if agency is None:
            agency = Agency(code=c, name=n, search_key=search_key(n), active=active)
            session.add(agency)
        else:
            agency.name, agency.search_key, agency.active = n, search_key(n), active
        session.flush()
        audit.record("agency.save", "agency", c, before=before, after={"name": n, "active": active})
    return agency


def set_approved(
    session: Session,
    actor: Actor,
    year: int,
    agency_code: str,
    line_code: str,
    approved: int | str,
    *,
    revised: int | str | None = None,
    budget_column: str = "provincial",
    note: str = "",
) -> Assignment:
    """Set the approved (and optionally revised) annual amount of agency × line × column."""
    with writing(session, actor, Permission.MANAGE_BUDGET) as audit:
        fy, agency, line, col = _cell(session, year, agency_code, line_code, budget_column)
        if line.level != Level.ROW:
            raise ValidationError(
                f"مبلغ مصوب فقط برای ردیف (کد سطح چهارم) ثبت می‌شود؛ {localize_digits(line.code)} "
                f"یک {Level(line.level).label()} است.",
                f"Approved amounts are set on lines (level four); {line.code} is a {Level(line.level).label('en')}.",
                code="not_a_row",
            )
        a = validate.amount(approved, "مبلغ مصوب", "Approved amount")
        r = None if revised is None else validate.amount(revised, "مبلغ اصلاحی", "Revised amount")
        note = validate.text(note, "یادداشت", "Note", max_len=500, required=False)
        row = find_assignment(session, fy, agency, line, col)
        before = None if row is None else {"approved": row.approved, "revised": row.revised}
        if row is None:
            row = Assignment(fiscal_year_id=fy.id, agency_id=agency.id, line_id=line.id,
                             budget_column=col, approved=a, revised=r, note=note)
            session.add(row)
        else:
            row.approved, row.revised, row.note = a, r, note
        session.flush()
        if row.schedule and sum(s.amount for s in row.schedule) != amount_in_force(a, r):
            raise ValidationError(
                "این ردیف برنامهٔ ماهانهٔ ابلاغی دارد که جمع آن با مبلغ تازه برابر نیست؛ "
                "نخست برنامهٔ ماهانه را اصلاح کنید.",
                "This line has a monthly schedule whose total differs from the new amount; "
                "update the schedule first.",
                code="schedule_mismatch",
            )
        audit.record("approved.set", "assignment",
                     f"{fy.year}/{agency.code}/{line.code}/{col}",
                     before=before, after={"approved": a, "revised": r})
    return row


def set_schedule(
    session: Session,
    actor: Actor,
    year: int,
    agency_code: str,
    line_code: str,
    amounts: Sequence[int] | None,
    *,
    budget_column: str = "provincial",
) -> None:
    """Set (or with None remove) the monthly schedule; it must add up to the amount in force."""
    with writing(session, actor, Permission.MANAGE_BUDGET) as audit:
        fy, agency, line, col = _cell(session, year, agency_code, line_code, budget_column)
        row = find_assignment(session, fy, agency, line, col)
        if row is None:
            raise NotFound(
                "برای این دستگاه و ردیف مبلغ مصوبی ثبت نشده است.",
                "No approved amount exists for this agency and line.",
                code="assignment_missing",
            )
        before = [s.amount for s in row.schedule] or None
        row.schedule.clear()
        session.flush()
        after = None
        if amounts is not None:
            if len(amounts) != 12:
                raise ValidationError("برنامهٔ ماهانه باید دوازده مبلغ داشته باشد.",
                                      "A monthly schedule has twelve amounts.", code="schedule_len")
            after = [validate.amount(v, f"برنامهٔ {month_name(i + 1)}", f"Schedule month {i + 1}")
                     for i, v in enumerate(amounts)]
            in_force = amount_in_force(row.approved, row.revised)
            if sum(after) != in_force:
                raise ValidationError(
                    f"جمع برنامهٔ ماهانه ({format_amount(sum(after))} ریال) با مبلغ مصوب "
                    f"({format_amount(in_force)} ریال) برابر نیست.",
                    f"The schedule adds up to {sum(after):,} rials, not the approved {in_force:,}.",
                    code="schedule_sum",
                )
            row.schedule.extend(MonthlySchedule(month=i + 1, amount=v) for i, v in enumerate(after))
        session.flush()
        audit.record("schedule.set", "assignment", f"{fy.year}/{agency.code}/{line.code}/{row.budget_column}",
                     before=before, after=after)


def is_locked(session: Session, fiscal_year_id: int, month: int) -> PeriodLock | None:
    return session.scalar(
        select(PeriodLock).where(PeriodLock.fiscal_year_id == fiscal_year_id, PeriodLock.month == month)
    )


def set_period_lock(session: Session, actor: Actor, year: int, month: int, locked: bool,
                    reason: str = "") -> None:
    with writing(session, actor, Permission.LOCK_PERIODS) as audit:
        fy = find_year(session, validate.year(year))
        m = validate.month(month)
        reason = validate.text(reason, "دلیل", "Reason", max_len=500, required=False)
        lock = is_locked(session, fy.id, m)
        if locked and lock is None:
            session.add(PeriodLock(fiscal_year_id=fy.id, month=m, locked_by=actor.username, reason=reason))
        elif not locked and lock is not None:
            session.delete(lock)
        session.flush()
        audit.record("period.lock" if locked else "period.unlock", "period", f"{fy.year}/{m}",
                     before={"locked": lock is not None}, after={"locked": locked, "reason": reason})
