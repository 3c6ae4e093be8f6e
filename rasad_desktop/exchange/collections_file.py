"""Monthly collections to and from a spreadsheet: one row per agency × line × month.

Columns are found by their heading (Persian or English, in any order), so a sheet an
agency filled in by hand imports as well as one Rasad exported. An import is checked
completely first — every problem is listed with its row number — and then written in one
transaction through the service layer (audited, locked months refused), or not at all."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from rasad_desktop.core.digits import localize_digits
from rasad_desktop.core.errors import RasadError
from rasad_desktop.core.jalali import month_name
from rasad_desktop.db.models import Agency, ClassificationNode, Collection
from rasad_desktop.exchange import columns as col
from rasad_desktop.exchange.columns import COLUMN_NAMES, Column, ImportProblems, ImportResult
from rasad_desktop.exchange.sheets import Cell, write_rows
from rasad_desktop.services import plausibility, validate
from rasad_desktop.services.budget import find_year, is_locked
from rasad_desktop.services.collections import Entry, save_months
from rasad_desktop.services.errors import ValidationError
from rasad_desktop.services.roles import Actor, Permission, require

__all__ = ["COLUMNS", "ImportProblems", "ImportResult", "export_collections", "import_collections"]

# (key, Persian heading, English heading, required)
COLUMNS: tuple[Column, ...] = (
    ("agency_code", "کد دستگاه", "Agency code", True),
    ("agency_name", "دستگاه اجرایی", "Agency", False),
    ("line_code", "کد ردیف", "Line code", True),
    ("line_title", "شرح ردیف", "Line title", False),
    ("budget_column", "ستون بودجه", "Budget column", False),
    ("month", "ماه", "Month", True),
    ("amount", "مبلغ (ریال)", "Amount (rials)", True),
    ("document_ref", "شمارهٔ سند", "Document reference", False),
)
AMOUNT_KEYS = ("amount",)
WIDTHS = (12, 40, 10, 50, 12, 10, 22, 16)
GUIDE = (
    "راهنمای کارپوشهٔ وصولی رصد منابع",
    "هر سطر: وصولی یک دستگاه اجرایی در یک ردیف درآمدی و یک ماه، به ریال.",
    "ستون‌های لازم: کد دستگاه، کد ردیف (شش رقمی)، ماه (۱ تا ۱۲ یا نام ماه) و مبلغ (ریال).",
    "نام دستگاه و شرح ردیف فقط برای خواندن است و در ورود داده خوانده نمی‌شود.",
    "ستون بودجه «استانی» یا «ملی» است؛ خالی یعنی استانی.",
    "سطری که مبلغ ندارد نادیده گرفته می‌شود؛ مبلغ منفی (برگشتی) پذیرفته است.",
    "ارقام فارسی، عربی یا لاتین و جداکنندهٔ هزارگان پذیرفته است.",
)


# ------------------------------------------------------------------------------ export
def export_collections(session: Session, actor: Actor, year: int, path: Path, *,
                       through_month: int | None = None) -> int:
    """Write the year's collections (through ``through_month``) to ``path``; returns the rows."""
    require(actor, Permission.VIEW)
    fy = find_year(session, validate.year(year))
    last = validate.month(through_month) if through_month is not None else 12
    q = (select(Agency.code, Agency.name, ClassificationNode.code, ClassificationNode.title,
                Collection.budget_column, Collection.month, Collection.amount, Collection.document_ref)
         .join(Agency, Agency.id == Collection.agency_id)
         .join(ClassificationNode, ClassificationNode.id == Collection.line_id)
         .where(Collection.fiscal_year_id == fy.id, Collection.month <= last)
         .order_by(Agency.code, ClassificationNode.code, Collection.budget_column, Collection.month))
    rows: list[list[Cell]] = []
    for a_code, a_name, l_code, l_title, column, month, amount, ref in session.execute(q):
        rows.append([a_code, a_name, l_code, l_title, COLUMN_NAMES[column][0], month, col.shown_amount(amount),
                     ref or None])
    write_rows(path, [c[1] for c in COLUMNS], rows, sheet_title=f"وصولی {fy.year}", widths=WIDTHS, notes=GUIDE,
               kinds=col.kinds(COLUMNS, AMOUNT_KEYS))
    return len(rows)


# ------------------------------------------------------------------------------ import
def _month_or_none(value: Cell) -> int | None:
    try:
        return col.month(value)
    except RasadError:
        return None  # refused with its row later


class Unconfirmed(ImportProblems):
    """Figures of the file have plausibility warnings and no reason was given: nothing saved."""

    def __init__(self, warnings: list[tuple[int, str, str]]) -> None:
        super().__init__(
            [f"سطر {localize_digits(str(n))}: {fa}" for n, fa, _ in warnings], [f"Row {n}: {en}" for n, _, en in warnings],
            heading_fa="این ارقام نامعمول‌اند و بی‌دلیلِ تأیید وارد نمی‌شوند (در خط فرمان: «--reason» و دلیل)؛ "
                       "چیزی وارد نشد:",
            heading_en="These figures are unusual and are not imported without a reason (on the command line: "
                       "--reason and the reason); nothing was imported:", code="warnings_unconfirmed")


def import_collections(session: Session, actor: Actor, year: int, path: Path, *,
                       dry_run: bool = False, reason: str = "") -> ImportResult:
    """Check every row of ``path``, then save all its figures in one transaction (unless
    ``dry_run``). Raises ImportProblems listing every bad row; nothing is written then.
    Figures with plausibility warnings are listed in the result; saving them takes a
    ``reason`` (kept with each and audited), without one nothing is saved."""
    fy, sheet, agencies = col.start_import(session, actor, Permission.ENTER_COLLECTIONS, year, path, COLUMNS,
                                           AMOUNT_KEYS)
    where, rows = sheet.where, sheet.rows
    levels = sheet.levels
    current = {(a, l_, c, m): (amt, ref) for a, l_, c, m, amt, ref in session.execute(
        select(Agency.code, ClassificationNode.code, Collection.budget_column, Collection.month, Collection.amount,
               Collection.document_ref)
        .join(Agency, Agency.id == Collection.agency_id)
        .join(ClassificationNode, ClassificationNode.id == Collection.line_id)
        .where(Collection.fiscal_year_id == fy.id))}

    ids = dict(session.execute(select(Agency.code, Agency.id)).all())
    months = {m for _, row in rows if isinstance(m := _month_or_none(col.cell(row, where, "month")), int)}
    checker = plausibility.Checker(session, fy, ids.values(), months)
    given = plausibility.reason(reason)
    result = ImportResult(unit=sheet.unit, sheet=sheet.name, notes=sheet.notes)
    problems = sheet.problems
    seen: dict[tuple[str, str, str, int], int] = {}
    groups: dict[tuple[int, str], list[Entry]] = defaultdict(list)
    locked: dict[int, bool] = {}
    for number, row in rows:
        result.rows += 1
        if col.blank(col.cell(row, where, "amount")):
            result.skipped += 1
            continue
        try:
            agency = col.agency(col.cell(row, where, "agency_code"), agencies)
            line = col.row_line(col.cell(row, where, "line_code"), levels, fy.year, "وصولی", "Collections")
            column = col.budget_column(col.cell(row, where, "budget_column"))
            month = col.month(col.cell(row, where, "month"))
            if month not in locked:
                locked[month] = is_locked(session, fy.id, month) is not None
            if locked[month]:
                raise ValidationError(f"ماه {month_name(month)} بسته شده است.", f"{month_name(month, 'en')} is locked.",
                                      code="period_locked")
            amount = validate.amount(col.amount(col.cell(row, where, "amount"), sheet.unit), "مبلغ", "Amount",
                                     allow_negative=True)
            key = (agency, line, column, month)
            if "document_ref" in where:
                ref = validate.text(col.text(col.cell(row, where, "document_ref")), "شمارهٔ سند",
                                    "Document reference", max_len=100, required=False)
            else:  # a file without the column keeps the references already recorded
                ref = current.get(key, (None, ""))[1] or ""
            if key in seen:
                raise ValidationError(
                    f"همان دستگاه، ردیف و ماه در سطر {localize_digits(str(seen[key]))} هم آمده است.",
                    f"The same agency, line and month is also on row {seen[key]}.", code="duplicate_row")
            seen[key] = number
        except RasadError as err:
            problems.add(number, err)
            continue
        groups[(month, agency)].append(Entry(line, amount, column, ref, given))
        result.cells += 1
        result.months.add(month)
        result.agencies.add(agency)
        was = current.get(key)
        if was is None or was[0] != amount:
            warned = checker.warnings((ids[agency], line, column), month, amount)
            if warned:
                result.warnings.append((number, " ".join(w.fa for w in warned), " ".join(w.en for w in warned)))
        if was != (amount, ref):
            where_fa, where_en = col.place(agency, line, column)
            where_fa, where_en = f"{where_fa} · {month_name(month)}", f"{where_en} · {month_name(month, 'en')}"
            if was is not None and was[0] == amount:
                result.differs(where_fa + " · شمارهٔ سند", where_en + " · document", was[1] or None, ref or None)
            else:
                result.differs(where_fa, where_en, None if was is None else was[0], amount)
    problems.raise_if_any()
    if result.warnings and not given and not dry_run:
        raise Unconfirmed(result.warnings)
    if not dry_run and groups:
        result.changed = save_months(session, actor, fy.year, dict(groups), source="import", audit_per_month=True,
                                     confirm=True)
        result.written = True
    return result
