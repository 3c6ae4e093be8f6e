"""Monthly collections to and from a spreadsheet: one row per agency × line × month.

Columns are found by their heading (Persian or English, in any order), so a sheet an
agency filled in by hand imports as well as one Rasad exported. An import is checked
completely first — every problem is listed with its row number — and then written in one
transaction through the service layer (audited, locked months refused), or not at all."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from rasad_desktop.core.classification import CodeError, normalize_code
from rasad_desktop.core.digits import localize_digits, to_latin_digits
from rasad_desktop.core.errors import RasadError
from rasad_desktop.core.jalali import MONTHS_EN, MONTHS_FA, month_name
from rasad_desktop.core.text import search_key
from rasad_desktop.db.models import Agency, ClassificationNode, Collection
from rasad_desktop.exchange.sheets import Cell, read_rows, write_rows
from rasad_desktop.services import validate
from rasad_desktop.services.budget import agency_key, find_year, is_locked
from rasad_desktop.services.collections import Entry, save_months
from rasad_desktop.services.errors import ValidationError
from rasad_desktop.services.roles import Actor, Permission, require

# (key, Persian heading, English heading, required)
COLUMNS = (
    ("agency_code", "کد دستگاه", "Agency code", True),
    ("agency_name", "دستگاه اجرایی", "Agency", False),
    ("line_code", "کد ردیف", "Line code", True),
    ("line_title", "شرح ردیف", "Line title", False),
    ("budget_column", "ستون بودجه", "Budget column", False),
    ("month", "ماه", "Month", True),
    ("amount", "مبلغ (ریال)", "Amount (rials)", True),
    ("document_ref", "شمارهٔ سند", "Document reference", False),
)
WIDTHS = (12, 40, 10, 50, 12, 10, 22, 16)
COLUMN_NAMES = {"provincial": ("استانی", "Provincial"), "national": ("ملی", "National")}
EXACT_LIMIT = 2**53  # larger integers lose digits as Excel numbers: written as text
MAX_LISTED = 30  # problems listed before "and N more"
HEADER_SEARCH = 10  # rows searched for the headings
GUIDE = (
    "راهنمای کارپوشهٔ وصولی رصد منابع",
    "هر سطر: وصولی یک دستگاه اجرایی در یک ردیف درآمدی و یک ماه، به ریال.",
    "ستون‌های لازم: کد دستگاه، کد ردیف (شش رقمی)، ماه (۱ تا ۱۲ یا نام ماه) و مبلغ (ریال).",
    "نام دستگاه و شرح ردیف فقط برای خواندن است و در ورود داده خوانده نمی‌شود.",
    "ستون بودجه «استانی» یا «ملی» است؛ خالی یعنی استانی.",
    "سطری که مبلغ ندارد نادیده گرفته می‌شود؛ مبلغ منفی (برگشتی) پذیرفته است.",
    "ارقام فارسی، عربی یا لاتین و جداکنندهٔ هزارگان پذیرفته است.",
)


class ImportProblems(ValidationError):
    """The file cannot be imported; ``problems`` lists each with its row number."""

    def __init__(self, problems_fa: list[str], problems_en: list[str]) -> None:
        self.problems_fa, self.problems_en = problems_fa, problems_en
        more = len(problems_fa) - MAX_LISTED
        fa = problems_fa[:MAX_LISTED] + ([f"… و {localize_digits(str(more))} مورد دیگر"] if more > 0 else [])
        en = problems_en[:MAX_LISTED] + ([f"… and {more} more"] if more > 0 else [])
        super().__init__("چیزی وارد نشد؛ این موارد را در فایل درست کنید:\n" + "\n".join(fa),
                         "Nothing was imported; correct these in the file:\n" + "\n".join(en), code="import_rows")


@dataclass
class ImportResult:
    rows: int = 0  # data rows read
    skipped: int = 0  # rows without an amount
    cells: int = 0  # figures in the file
    changed: int = 0  # figures that differed from the database (written unless a dry run)
    months: set[int] = field(default_factory=set)
    agencies: set[str] = field(default_factory=set)
    written: bool = False


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
        shown: Cell = amount if abs(amount) < EXACT_LIMIT else str(amount)
        rows.append([a_code, a_name, l_code, l_title, COLUMN_NAMES[column][0], month, shown, ref or None])
    write_rows(path, [c[1] for c in COLUMNS], rows, sheet_title=f"وصولی {fy.year}", widths=WIDTHS, notes=GUIDE)
    return len(rows)


# ------------------------------------------------------------------------------ import
def import_collections(session: Session, actor: Actor, year: int, path: Path, *,
                       dry_run: bool = False) -> ImportResult:
    """Check every row of ``path``, then save all its figures in one transaction (unless
    ``dry_run``). Raises ImportProblems listing every bad row; nothing is written then."""
    require(actor, Permission.ENTER_COLLECTIONS)
    fy = find_year(session, validate.year(year))
    table = read_rows(Path(path))
    header_at, where = _find_header(table)

    agencies = set(session.scalars(select(Agency.code)))
    lines = set(session.scalars(select(ClassificationNode.code).where(
        ClassificationNode.fiscal_year_id == fy.id, ClassificationNode.table_no == 5)))
    current = {(a, l_, col, m): amt for a, l_, col, m, amt in session.execute(
        select(Agency.code, ClassificationNode.code, Collection.budget_column, Collection.month, Collection.amount)
        .join(Agency, Agency.id == Collection.agency_id)
        .join(ClassificationNode, ClassificationNode.id == Collection.line_id)
        .where(Collection.fiscal_year_id == fy.id))}

    result = ImportResult()
    problems_fa: list[str] = []
    problems_en: list[str] = []
    seen: dict[tuple[str, str, str, int], int] = {}
    groups: dict[tuple[int, str], list[Entry]] = defaultdict(list)
    locked: dict[int, bool] = {}
    for index in range(header_at + 1, len(table)):
        row = table[index]
        number = index + 1  # as the spreadsheet numbers its rows
        if all(c is None or (isinstance(c, str) and not c.strip()) for c in row):
            continue
        result.rows += 1

        def get(key: str, row: list[Cell] = row) -> Cell:
            i = where.get(key)
            return row[i] if i is not None and i < len(row) else None

        if _blank(get("amount")):
            result.skipped += 1
            continue
        try:
            agency = agency_key(_text(get("agency_code")))
            if not agency:
                raise ValidationError("کد دستگاه خالی است.", "The agency code is empty.", code="agency_missing")
            if agency not in agencies:
                raise ValidationError(f"دستگاهی با کد «{localize_digits(agency)}» تعریف نشده است.",
                                      f"No agency has the code '{agency}'.", code="agency_missing")
            line = _line(get("line_code"))
            if line not in lines:
                raise ValidationError(
                    f"ردیف {localize_digits(line)} در طبقه‌بندی سال {localize_digits(str(fy.year))} نیست.",
                    f"Line {line} is not in the classification of {fy.year}.", code="line_missing")
            column = _budget_column(get("budget_column"))
            month = _month(get("month"))
            if month not in locked:
                locked[month] = is_locked(session, fy.id, month) is not None
            if locked[month]:
                raise ValidationError(f"ماه {month_name(month)} بسته شده است.", f"{month_name(month, 'en')} is locked.",
                                      code="period_locked")
            amount = validate.amount(_amount_text(get("amount")), "مبلغ", "Amount", allow_negative=True)
            ref = validate.text(_text(get("document_ref")), "شمارهٔ سند", "Document reference", max_len=100,
                                required=False)
            key = (agency, line, column, month)
            if key in seen:
                raise ValidationError(
                    f"همان دستگاه، ردیف و ماه در سطر {localize_digits(str(seen[key]))} هم آمده است.",
                    f"The same agency, line and month is also on row {seen[key]}.", code="duplicate_row")
            seen[key] = number
        except RasadError as err:
            problems_fa.append(f"سطر {localize_digits(str(number))}: {err.message('fa')}")
            problems_en.append(f"Row {number}: {err.message('en')}")
            continue
        groups[(month, agency)].append(Entry(line, amount, column, ref))
        result.cells += 1
        result.months.add(month)
        result.agencies.add(agency)
        if current.get(key) != amount:
            result.changed += 1
    if problems_fa:
        raise ImportProblems(problems_fa, problems_en)
    if not dry_run and groups:
        result.changed = save_months(session, actor, fy.year, dict(groups), source="import")
        result.written = True
    return result


def _find_header(table: list[list[Cell]]) -> tuple[int, dict[str, int]]:
    """The heading row: the first that names the required columns (a title may sit above)."""
    filled = [i for i, r in enumerate(table[:HEADER_SEARCH]) if any(not _blank(c) for c in r)]
    if not filled:
        raise ValidationError("فایل خالی است.", "The file is empty.", code="import_empty")
    for i in filled:
        try:
            return i, _columns(table[i])
        except ValidationError:
            continue
    return filled[0], _columns(table[filled[0]])  # raises, naming the missing columns


def _columns(header: list[Cell]) -> dict[str, int]:
    names = {}
    for key, fa, en, _required in COLUMNS:
        for label in (fa, en, fa.split(" (")[0], en.split(" (")[0], key):
            names[search_key(label)] = key
    where: dict[str, int] = {}
    for i, cell in enumerate(header):
        key = names.get(search_key(str(cell))) if cell is not None else None
        if key is not None and key not in where:
            where[key] = i
    missing = [(fa, en) for key, fa, en, required in COLUMNS if required and key not in where]
    if missing:
        raise ValidationError(
            "ستون‌های لازم در سطر عنوان پیدا نشد: " + "، ".join(f"«{fa}»" for fa, _ in missing)
            + ". سطر نخست فایل باید عنوان ستون‌ها باشد (نمونه را با «خروجی Excel» بگیرید).",
            "Required columns not found in the heading row: " + ", ".join(f"'{en}'" for _, en in missing)
            + ". The file's first row must hold the column headings (export one to see the layout).",
            code="import_columns")
    return where


def _blank(value: Cell) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value: Cell) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value).strip()


def _line(value: Cell) -> str:
    try:
        return normalize_code(_text(value))
    except CodeError as err:
        raise ValidationError(err.message_fa, err.message_en, code=err.code) from None


def _budget_column(value: Cell) -> str:
    text = search_key(_text(value))
    if not text:
        return "provincial"
    for key, (fa, en) in COLUMN_NAMES.items():
        if text in (search_key(fa), search_key(en), key):
            return key
    raise ValidationError(f"ستون بودجه «{_text(value)}» شناخته نیست؛ «استانی» یا «ملی» بنویسید.",
                          f"Budget column '{_text(value)}' is unknown; write provincial or national.",
                          code="budget_column")


def _month(value: Cell) -> int:
    text = to_latin_digits(_text(value))
    if text.isdigit() and 1 <= int(text) <= 12:
        return int(text)
    key = search_key(text)
    for i, (fa, en) in enumerate(zip(MONTHS_FA, MONTHS_EN), start=1):
        if key in (search_key(fa), search_key(en)):
            return i
    raise ValidationError(f"ماه «{localize_digits(text)}» معتبر نیست؛ عددی از ۱ تا ۱۲ یا نام ماه بنویسید.",
                          f"Month '{text}' is not valid; write 1 to 12 or the month's name.", code="month")


def _amount_text(value: Cell) -> int | str:
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer() and abs(value) < EXACT_LIMIT:
            return int(value)
        raise ValidationError("مبلغ باید عدد صحیح ریال باشد (بدون اعشار).",
                              "The amount must be a whole number of rials.", code="amount_fraction")
    return _text(value)
