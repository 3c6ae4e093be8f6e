"""Approved amounts of the budget law to and from a spreadsheet: one row per agency × line.

The budget law's table for the province usually arrives as a workbook; importing it is
checked row by row like the collections (``collections_file``) and saved in one
transaction through ``budget_admin.save_approved_for`` — or not at all."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rasad_desktop.core.digits import localize_digits
from rasad_desktop.core.errors import RasadError
from rasad_desktop.core.figures import amount_in_force
from rasad_desktop.db.models import Agency, Assignment, ClassificationNode, MonthlySchedule
from rasad_desktop.exchange import columns as col
from rasad_desktop.exchange.columns import COLUMN_NAMES, Column, ImportResult
from rasad_desktop.exchange.sheets import Cell, write_rows
from rasad_desktop.services import validate
from rasad_desktop.services.budget import find_year
from rasad_desktop.services.budget_admin import ApprovedChange, save_approved_for
from rasad_desktop.services.errors import ValidationError
from rasad_desktop.services.roles import Actor, Permission, require

COLUMNS: tuple[Column, ...] = (
    ("agency_code", "کد دستگاه", "Agency code", True),
    ("agency_name", "دستگاه اجرایی", "Agency", False),
    ("line_code", "کد ردیف", "Line code", True),
    ("line_title", "شرح ردیف", "Line title", False),
    ("budget_column", "ستون بودجه", "Budget column", False),
    ("approved", "مصوب (ریال)", "Approved (rials)", True),
    ("revised", "اصلاحیه (ریال)", "Revised (rials)", False),
)
AMOUNT_KEYS = ("approved", "revised")
WIDTHS = (12, 40, 10, 50, 12, 22, 22)
GUIDE = (
    "راهنمای کارپوشهٔ مصوب رصد منابع",
    "هر سطر: مبلغ مصوب یک دستگاه اجرایی در یک ردیف درآمدی (کد سطح چهارم)، به ریال.",
    "ستون‌های لازم: کد دستگاه، کد ردیف و مصوب. «اصلاحیه» فقط وقتی پر شود که مبلغ با اصلاحیه تغییر کرده است.",
    "نام دستگاه و شرح ردیف فقط برای خواندن است. ستون بودجه «استانی» یا «ملی» است؛ خالی یعنی استانی.",
    "سطری که مصوب ندارد نادیده گرفته می‌شود. ارقام فارسی، عربی یا لاتین و جداکنندهٔ هزارگان پذیرفته است.",
)


def export_approved(session: Session, actor: Actor, year: int, path: Path) -> int:
    """Write the year's approved (and revised) amounts to ``path``; returns the rows."""
    require(actor, Permission.VIEW)
    fy = find_year(session, validate.year(year))
    q = (select(Agency.code, Agency.name, ClassificationNode.code, ClassificationNode.title,
                Assignment.budget_column, Assignment.approved, Assignment.revised)
         .join(Agency, Agency.id == Assignment.agency_id)
         .join(ClassificationNode, ClassificationNode.id == Assignment.line_id)
         .where(Assignment.fiscal_year_id == fy.id)
         .order_by(Agency.code, ClassificationNode.code, Assignment.budget_column))
    rows: list[list[Cell]] = [
        [a_code, a_name, l_code, l_title, COLUMN_NAMES[column][0], col.shown_amount(approved),
         None if revised is None else col.shown_amount(revised)]
        for a_code, a_name, l_code, l_title, column, approved, revised in session.execute(q)]
    write_rows(path, [c[1] for c in COLUMNS], rows, sheet_title=f"مصوب {fy.year}", widths=WIDTHS, notes=GUIDE,
               kinds=col.kinds(COLUMNS, AMOUNT_KEYS))
    return len(rows)


def import_approved(session: Session, actor: Actor, year: int, path: Path, *,
                    dry_run: bool = False) -> ImportResult:
    """Check every row of ``path``, then save all its amounts in one transaction (unless
    ``dry_run``). Raises ImportProblems listing every bad row; nothing is written then."""
    fy, sheet, agencies = col.start_import(session, actor, Permission.MANAGE_BUDGET, year, path, COLUMNS,
                                           AMOUNT_KEYS)
    where, rows = sheet.where, sheet.rows
    levels = sheet.levels
    current = {(a, l_, c): (ap, rv) for a, l_, c, ap, rv in session.execute(
        select(Agency.code, ClassificationNode.code, Assignment.budget_column, Assignment.approved, Assignment.revised)
        .join(Agency, Agency.id == Assignment.agency_id)
        .join(ClassificationNode, ClassificationNode.id == Assignment.line_id)
        .where(Assignment.fiscal_year_id == fy.id))}

    scheduled = {(a, l_, c): total for a, l_, c, total in session.execute(
        select(Agency.code, ClassificationNode.code, Assignment.budget_column, func.sum(MonthlySchedule.amount))
        .join(Assignment, Assignment.id == MonthlySchedule.assignment_id)
        .join(Agency, Agency.id == Assignment.agency_id)
        .join(ClassificationNode, ClassificationNode.id == Assignment.line_id)
        .where(Assignment.fiscal_year_id == fy.id)
        .group_by(Agency.code, ClassificationNode.code, Assignment.budget_column))}

    result = ImportResult(unit=sheet.unit, sheet=sheet.name, notes=sheet.notes)
    problems = sheet.problems
    seen: dict[tuple[str, str, str], int] = {}
    by_agency: dict[str, list[ApprovedChange]] = defaultdict(list)
    for number, row in rows:
        result.rows += 1
        if col.blank(col.cell(row, where, "approved")):
            result.skipped += 1
            continue
        try:
            agency = col.agency(col.cell(row, where, "agency_code"), agencies)
            line = col.row_line(col.cell(row, where, "line_code"), levels, fy.year, "مبلغ مصوب", "Approved amounts")
            column = col.budget_column(col.cell(row, where, "budget_column"))
            approved = validate.amount(col.amount(col.cell(row, where, "approved"), sheet.unit), "مصوب",
                                       "Approved")
            revised_cell = col.cell(row, where, "revised")
            revised = None if col.blank(revised_cell) else validate.amount(
                col.amount(revised_cell, sheet.unit), "اصلاحیه", "Revised")
            key = (agency, line, column)
            in_force = amount_in_force(approved, revised)
            if key in scheduled and scheduled[key] != in_force:
                raise ValidationError(
                    f"این ردیف برنامهٔ ماهانهٔ ابلاغی به جمع {localize_digits(str(scheduled[key]))} ریال دارد؛ "
                    "نخست برنامهٔ ماهانه را در صفحهٔ بودجه اصلاح کنید.",
                    f"This line has a communicated monthly schedule totalling {scheduled[key]} rials; "
                    "update the schedule on the Budget page first.", code="schedule_mismatch")
            if key in seen:
                raise ValidationError(
                    f"همان دستگاه و ردیف در سطر {localize_digits(str(seen[key]))} هم آمده است.",
                    f"The same agency and line is also on row {seen[key]}.", code="duplicate_row")
            seen[key] = number
        except RasadError as err:
            problems.add(number, err)
            continue
        by_agency[agency].append(ApprovedChange(line, approved, revised, column))
        result.cells += 1
        result.agencies.add(agency)
        was = current.get(key)
        if was != (approved, revised):
            where_fa, where_en = col.place(agency, line, column)
            if was is None or was[0] != approved:
                result.differs(where_fa + " · مصوب", where_en + " · approved", None if was is None else was[0],
                               approved)
            else:
                result.differs(where_fa + " · اصلاحیه", where_en + " · revised", was[1], revised)
    problems.raise_if_any()
    if not dry_run and by_agency:
        result.changed = save_approved_for(session, actor, fy.year, dict(by_agency))
        result.written = True
    return result
