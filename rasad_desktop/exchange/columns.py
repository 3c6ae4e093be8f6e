"""What every spreadsheet import shares: finding the columns by their headings, reading a
cell as a code, a month or an amount, and listing every bad row before anything is saved."""

from __future__ import annotations

import re
from collections.abc import Container, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from rasad_desktop.core.amounts import AmountError, Unit, format_amount, parse_amount
from rasad_desktop.core.classification import CodeError, Level, normalize_code
from rasad_desktop.core.digits import localize_digits, to_latin_digits
from rasad_desktop.core.errors import RasadError
from rasad_desktop.core.jalali import MONTHS_EN, MONTHS_FA
from rasad_desktop.core.text import BIDI_CONTROLS, search_key
from rasad_desktop.db.models import Agency, ClassificationNode, FiscalYear
from rasad_desktop.exchange.sheets import AMOUNT, CODE, Cell, Table, read_table
from rasad_desktop.services import validate
from rasad_desktop.services.budget import agency_key, find_year
from rasad_desktop.services.errors import ValidationError
from rasad_desktop.services.maintenance import check_open_for_entry
from rasad_desktop.services.roles import Actor, Permission, require

Column = tuple[str, str, str, bool]  # key, Persian heading, English heading, required
COLUMN_NAMES = {"provincial": ("استانی", "Provincial"), "national": ("ملی", "National")}
EXACT_LIMIT = 10**15  # Excel keeps 15 significant digits: larger amounts are written as text
MAX_LISTED = 30  # problems listed before "and N more"
HEADER_SEARCH = 10  # rows searched for the headings


class ImportProblems(ValidationError):
    """The file cannot be imported; ``problems_fa`` / ``problems_en`` list each with its row."""

    def __init__(self, problems_fa: list[str], problems_en: list[str], *,
                 heading_fa: str = "چیزی وارد نشد؛ این موارد را در فایل درست کنید:",
                 heading_en: str = "Nothing was imported; correct these in the file:", code: str = "import_rows") -> None:
        self.problems_fa, self.problems_en = problems_fa, problems_en
        more = len(problems_fa) - MAX_LISTED
        fa = problems_fa[:MAX_LISTED] + ([f"… و {localize_digits(str(more))} مورد دیگر"] if more > 0 else [])
        en = problems_en[:MAX_LISTED] + ([f"… and {more} more"] if more > 0 else [])
        super().__init__(heading_fa + "\n" + "\n".join(fa), heading_en + "\n" + "\n".join(en), code=code)


MAX_CHANGES_KEPT = 500  # old → new pairs a result lists (the count is always whole)


@dataclass(frozen=True)
class Change:
    """One figure an import changes: where (in each language), what it was, what it becomes."""

    what_fa: str
    what_en: str
    old: int | str | None  # an amount, or a document reference
    new: int | str | None

    def shown(self, language: str = "fa") -> str:
        """«دستگاه ۱۰۱ · ردیف ۱۱۰۱۰۴ · فروردین: ۱۲٬۰۰۰ ← ۱۵٬۰۰۰» (old, then new, in reading order)."""
        digits = "latin" if language == "en" else "fa"

        def value(v: int | str | None) -> str:
            if v is None:
                return "(empty)" if language == "en" else "(خالی)"
            return format_amount(v, digits=digits) if isinstance(v, int) else f"\u2068{v}\u2069"

        if language == "en":
            return f"{self.what_en}: {value(self.old)} → {value(self.new)}"
        return f"{self.what_fa}: {value(self.old)} ← {value(self.new)}"


def kinds(columns: Sequence[Column], amount_keys: Sequence[str]) -> list[str]:
    """How an export writes each column: amounts with a thousands format, codes and document
    numbers as text (Excel would make «0012» 12)."""
    return [AMOUNT if key in amount_keys else CODE if key.endswith("_code") or key == "document_ref" else ""
            for key, *_ in columns]


def place(agency: str, line: str, column: str) -> tuple[str, str]:
    """Where a figure is, as a change list names it (fa, en)."""
    fa, en = f"دستگاه {localize_digits(agency)} · ردیف {localize_digits(line)}", f"agency {agency} · line {line}"
    if column != "provincial":
        fa, en = f"{fa} · {COLUMN_NAMES[column][0]}", f"{en} · {column}"
    return fa, en


@dataclass
class ImportResult:
    rows: int = 0  # data rows read
    skipped: int = 0  # rows without an amount
    cells: int = 0  # amounts in the file
    changed: int = 0  # amounts that differ from the database (saved unless a dry run)
    months: set[int] = field(default_factory=set)  # collections only
    agencies: set[str] = field(default_factory=set)
    written: bool = False
    unit: Unit = Unit.RIAL  # the unit the file's amounts were in (converted to rials)
    sheet: str = ""  # the workbook sheet read
    notes: list[tuple[str, str]] = field(default_factory=list)  # (fa, en): what was not read
    changes: list[Change] = field(default_factory=list)  # the first MAX_CHANGES_KEPT, in file order
    warnings: list[tuple[int, str, str]] = field(default_factory=list)  # (row, fa, en): plausibility

    def differs(self, what_fa: str, what_en: str, old: int | str | None, new: int | str | None) -> None:
        """Count a figure that the import changes, keeping the first ones to show."""
        self.changed += 1
        if len(self.changes) < MAX_CHANGES_KEPT:
            self.changes.append(Change(what_fa, what_en, old, new))


class Problems:
    """Collects the bad rows of one file, listed in row order."""

    def __init__(self) -> None:
        self.found: list[tuple[int, str, str]] = []

    def add(self, number: int, err: RasadError) -> None:
        self.found.append((number, f"سطر {localize_digits(str(number))}: {err.message('fa')}",
                           f"Row {number}: {err.message('en')}"))

    def raise_if_any(self) -> None:
        if self.found:
            ordered = sorted(self.found, key=lambda f: f[0])
            raise ImportProblems([fa for _, fa, _ in ordered], [en for _, _, en in ordered])


@dataclass
class Sheet:
    """A file's rows as an import reads them."""

    where: dict[str, int]  # column key → position
    rows: list[tuple[int, list[Cell]]]  # (spreadsheet row number, cells) below the headings, to be read
    unit: Unit  # what its amounts are in
    problems: Problems  # rows refused already (hidden, a formula without its result); the import adds its own
    name: str = ""  # the workbook sheet read
    notes: list[tuple[str, str]] = field(default_factory=list)  # what was not read, said with the result
    levels: dict[str, int] = field(default_factory=dict)  # the year's Table 5 codes → their level


def start_import(session: Session, actor: Actor, permission: Permission, year: int, path: Path,
                 columns: Sequence[Column], amount_keys: Sequence[str]) -> tuple[FiscalYear, Sheet, set[str]]:
    """What every import does first: the role, maintenance (a check during it would promise
    what cannot be saved), the year, the file's columns, rows and unit, the known agency codes."""
    require(actor, permission)
    check_open_for_entry(session)
    fy = find_year(session, validate.year(year))
    table = read_table(Path(path))
    heading, where, rows = data_rows(table.rows, columns)
    _refuse_hidden_columns(table, where, columns)
    sheet = Sheet(where, [], sheet_unit(table.rows, heading, where, amount_keys), Problems(), table.sheet)
    widths = table.widths or [len(r) for r in table.rows]  # a CSV's before trailing empty cells were dropped
    for number, cells in rows:
        problem = _unseen(table, number, where) or (
            _shifted(widths[number - 1], widths[heading]) if table.delimited else None)
        if problem is None:
            sheet.rows.append((number, cells))
        else:
            sheet.problems.add(number, problem)
    sheet.notes = [(f"برگهٔ پنهان «{name}» خوانده نشد.", f"The hidden sheet '{name}' was not read.")
                   for name in table.hidden_sheets]
    sheet.levels = {code: level for code, level in session.execute(
        select(ClassificationNode.code, ClassificationNode.level).where(
            ClassificationNode.fiscal_year_id == fy.id, ClassificationNode.table_no == 5))}
    return fy, sheet, set(session.scalars(select(Agency.code)))


DISPLAY_ONLY = frozenset({"agency_name", "line_title"})  # shown in an export, never read back


def _unseen(table: Table, number: int, where: dict[str, int]) -> ValidationError | None:
    """Why a row cannot be read as it shows: hidden, a formula whose result was never saved,
    a number format that shows another number (in the columns that are read)."""
    where = {k: p for k, p in where.items() if k not in DISPLAY_ONLY}
    if number in table.hidden_rows:
        return ValidationError("این سطر در Excel پنهان است و دیده نمی‌شود؛ آن را نمایان کنید (یا پاک کنید).",
                               "This row is hidden in Excel; unhide it (or delete it).", code="hidden_row")
    for position in where.values():
        shown = table.disguised.get((number, position))
        if shown is not None:
            return ValidationError(
                f"خانهٔ {_letter(position)}{localize_digits(str(number))} قالب نمایش «{shown}» دارد و عددی جز آنچه در "
                "خود دارد نشان می‌دهد (پنهان، هزارتایی کوچک‌شده یا درصد)؛ قالب خانه را «عدد» کنید تا همان دیده شود که "
                "وارد می‌شود.",
                f"Cell {_letter(position)}{number} has the number format '{shown}', which shows another number than "
                "it holds (hidden, scaled by thousands or a percentage); set its format to Number so that what shows "
                "is what is imported.", code="format_disguises")
        formula = table.uncached.get((number, position))
        if formula is not None:
            return ValidationError(
                f"خانهٔ {_letter(position)}{localize_digits(str(number))} فرمول «{formula}» است و نتیجهٔ آن در فایل "
                "ذخیره نشده (برنامه‌ای که فایل را ساخته آن را حساب نکرده)؛ فایل را در Excel باز و ذخیره کنید.",
                f"Cell {_letter(position)}{number} holds the formula '{formula}' with no saved result (the program "
                "that wrote the file did not calculate it); open and save the file in Excel.",
                code="formula_uncached")
    return None


def _shifted(cells: int, width: int) -> ValidationError | None:
    if cells <= width:
        return None
    return ValidationError(
        f"این سطر {localize_digits(str(cells))} خانه دارد و سطر عنوان {localize_digits(str(width))}؛ جداکننده‌ای "
        "درون یک مقدار (مثلاً «٬» یا «,» در مبلغ) خانه‌های بعد را جابه‌جا کرده است. مقدار را در گیومه بگذارید.",
        f"This row has {cells} cells and the heading {width}: a separator inside a value (a comma in an amount, "
        "say) shifts the cells after it. Put the value in quotes.", code="csv_shifted")


def _refuse_hidden_columns(table: Table, where: dict[str, int], columns: Sequence[Column]) -> None:
    hidden = [(fa, en, pos) for key, fa, en, _ in columns
              if key not in DISPLAY_ONLY and (pos := where.get(key)) in table.hidden_columns]
    if hidden:
        raise ValidationError(
            "این ستون‌ها در Excel پنهان‌اند و دیده نمی‌شوند: "
            + "، ".join(f"«{fa}» (ستون {_letter(p)})" for fa, _, p in hidden) + "؛ آن‌ها را نمایان کنید.",
            "These columns are hidden in Excel: " + ", ".join(f"'{en}' (column {_letter(p)})" for _, en, p in hidden)
            + "; unhide them.", code="hidden_column")


def _letter(position: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(position + 1)


def data_rows(table: list[list[Cell]], columns: Sequence[Column]
              ) -> tuple[int, dict[str, int], list[tuple[int, list[Cell]]]]:
    """The heading row (the first that names the required columns), the column positions
    and the (spreadsheet row number, cells) of every non-empty row below it."""
    filled = [i for i, r in enumerate(table[:HEADER_SEARCH]) if any(not blank(c) for c in r)]
    if not filled:
        raise ValidationError("فایل خالی است.", "The file is empty.", code="import_empty")
    found = [(i, *_positions(table[i], columns)) for i in filled]
    for i, where, missing in found:
        if not missing:
            _positions(table[i], columns, strict=True)
            rows = [(j + 1, table[j]) for j in range(i + 1, len(table)) if any(not blank(c) for c in table[j])]
            return i, where, rows
    i, where, missing = max(found, key=lambda f: len(f[1]))  # the likeliest heading row (a title may sit above)
    held = [text(c) for c in table[i] if not blank(c)][:12]
    n = localize_digits(str(i + 1))
    raise ValidationError(
        f"ستون‌های لازم در سطر عنوان (سطر {n}) پیدا نشد: " + "، ".join(f"«{fa}»" for fa, _ in missing)
        + ". آن سطر این‌ها را دارد: " + "، ".join(f"«{h}»" for h in held)
        + ". نمونهٔ درست را با «خروجی Excel» بگیرید.",
        f"Required columns not found in the heading row (row {i + 1}): " + ", ".join(f"'{en}'" for _, en in missing)
        + ". That row holds: " + ", ".join(f"'{h}'" for h in held) + ". Export a file to see the layout.",
        code="import_columns")


def _positions(header: list[Cell], columns: Sequence[Column], *, strict: bool = False
               ) -> tuple[dict[str, int], list[tuple[str, str]]]:
    """Where each column's heading is in this row, and the required ones it lacks; ``strict``
    (the heading row taken) refuses two headings that read as one column."""
    names: dict[str, str] = {}
    for key, fa, en, _required in columns:
        for label in (fa, en, fa.split(" (")[0], en.split(" (")[0], key):
            names[search_key(label)] = key
    where: dict[str, int] = {}
    for i, cell in enumerate(header):
        found = None if cell is None else names.get(search_key(str(cell))) or names.get(search_key(str(cell).split("(")[0]))
        if found is not None and found in where and strict:  # «مبلغ (پارسال)» beside «مبلغ (ریال)»: which?
            label = next(fa for key, fa, _en, _r in columns if key == found)
            raise ValidationError(
                f"دو ستون «{text(header[where[found]])}» و «{text(cell)}» هر دو «{label}» خوانده می‌شوند؛ یکی را "
                "تغییر نام دهید یا حذف کنید.",
                f"The columns '{text(header[where[found]])}' and '{text(cell)}' both read as '{label}'; rename or "
                "delete one.", code="import_columns")
        if found is not None and found not in where:
            where[found] = i
    return where, [(fa, en) for key, fa, en, required in columns if required and key not in where]


def cell(row: list[Cell], where: dict[str, int], key: str) -> Cell:
    i = where.get(key)
    return row[i] if i is not None and i < len(row) else None


def blank(value: Cell) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def text(value: Cell) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    shown = "" if value is None else str(value).strip()
    if any(ch in BIDI_CONTROLS for ch in shown):
        raise ValidationError(
            "این خانه نویسهٔ نامرئی جهت‌نما دارد و Excel آن را به ترتیب دیگری نشان می‌دهد (مثلاً «۰۰۰۱» را «۱۰۰۰»)؛ "
            "خانه را پاک کنید و دوباره بنویسید.",
            "This cell holds an invisible direction mark, so Excel shows it in another order (0001 as 1000, say); "
            "clear the cell and type it again.", code="bidi_control")
    return shown


def agency(value: Cell, known: set[str]) -> str:
    code = agency_key(text(value))
    if not code:
        raise ValidationError("کد دستگاه خالی است.", "The agency code is empty.", code="agency_missing")
    if code not in known:
        raise ValidationError(f"دستگاهی با کد «{localize_digits(code)}» تعریف نشده است.",
                              f"No agency has the code '{code}'.", code="agency_missing")
    return code


def line(value: Cell, known: Container[str], year: int) -> str:
    """A classification code that the year's Table 5 holds."""
    try:
        code = normalize_code(text(value))
    except CodeError as err:
        raise ValidationError(err.message_fa, err.message_en, code=err.code) from None
    if code not in known:
        raise ValidationError(f"ردیف {localize_digits(code)} در طبقه‌بندی سال {localize_digits(str(year))} نیست.",
                              f"Line {code} is not in the classification of {year}.", code="line_missing")
    return code


def row_line(value: Cell, levels: dict[str, int], year: int, what_fa: str, what_en: str) -> str:
    """A level-four line (a row) of the year's Table 5: figures are never on a heading."""
    code = line(value, levels, year)
    if levels[code] != Level.ROW:
        raise ValidationError(
            f"{what_fa} فقط برای ردیف (کد سطح چهارم) ثبت می‌شود؛ {localize_digits(code)} "
            f"یک {Level(levels[code]).label()} است.",
            f"{what_en} are set on lines (level four); {code} is a {Level(levels[code]).label('en')}.",
            code="not_a_row")
    return code


def budget_column(value: Cell) -> str:
    key = search_key(text(value))
    if not key:
        return "provincial"
    for column, (fa, en) in COLUMN_NAMES.items():
        if key in (search_key(fa), search_key(en), column):
            return column
    raise ValidationError(f"ستون بودجه «{text(value)}» شناخته نیست؛ «استانی» یا «ملی» بنویسید.",
                          f"Budget column '{text(value)}' is unknown; write provincial or national.",
                          code="budget_column")


def month(value: Cell) -> int:
    shown = to_latin_digits(text(value))
    if shown.isascii() and shown.isdecimal() and len(shown) <= 2 and 1 <= int(shown) <= 12:
        return int(shown)
    key = search_key(shown)
    for i, (fa, en) in enumerate(zip(MONTHS_FA, MONTHS_EN), start=1):
        if key in (search_key(fa), search_key(en)):
            return i
    raise ValidationError(f"ماه «{localize_digits(shown)}» معتبر نیست؛ عددی از ۱ تا ۱۲ یا نام ماه بنویسید.",
                          f"Month '{shown}' is not valid; write 1 to 12 or the month's name.", code="month")


def amount(value: Cell, unit: Unit = Unit.RIAL) -> int | str:
    """A number cell as int rials (a sheet in millions: ×10⁶, exactly), or the typed text
    for ``validate.amount`` to parse."""
    if isinstance(value, int):
        return value * unit.factor
    if isinstance(value, float):
        if abs(value) >= EXACT_LIMIT:  # Excel has already rounded it: its last digits are lost
            raise ValidationError(
                "این مبلغ برای خانهٔ عددی Excel بزرگ است و رقم‌های آخرش گرد شده؛ آن را به‌صورت متن بنویسید.",
                "This amount is too large for an Excel number cell and was rounded; type it as text.",
                code="amount_rounded")
        exact = Fraction(repr(value)) * unit.factor  # the number as Excel shows it, not its binary neighbour
        if exact.denominator == 1:
            return int(exact)
        raise ValidationError("مبلغ باید عدد صحیح ریال باشد (بدون اعشار).",
                              "The amount must be a whole number of rials.", code="amount_fraction")
    shown = text(value)
    if unit is Unit.RIAL or not shown:
        return shown
    try:
        return parse_amount(shown, unit)
    except AmountError as err:
        raise ValidationError(err.message_fa, err.message_en, code=err.code) from None


# -------------------------------------------------------------------------- the unit
_THOUSAND = re.compile(r"هزار\s*ریال|thousands?\s*(of\s*)?rials?|\bk\s*rials?")
_TOMAN = re.compile(r"تومان|toman")
_QUANTITY = re.compile(r"\d[\d,٬.]*\s*(هزار|میلیون|میلیارد|thousand|million|billion|ریال|rial|تومان)")


def sheet_unit(table: list[list[Cell]], heading: int, where: dict[str, int], amount_keys: Sequence[str]) -> Unit:
    """The unit the sheet's amounts are in: named in a title row above the headings or in
    an amount heading («مبلغ (میلیون ریال)»); rials when neither names one. Two that differ
    are refused: the file does not say which it means."""
    titles = {u for row in table[:heading] for c in row if (u := _unit_in(c)) is not None}
    headed = {u for k in amount_keys if k in where and (u := _unit_in(table[heading][where[k]], heading=True))}
    found = titles | headed
    if len(found) > 1:
        names_fa = "، ".join(f"«{u.label()}»" for u in found)
        names_en = ", ".join(f"'{u.label('en')}'" for u in found)
        raise ValidationError(
            f"واحد مبلغ‌ها روشن نیست: فایل هم {names_fa} را نام می‌برد (سطر عنوان و عنوان ستون). یکی را نگه دارید؛ "
            "چیزی وارد نشد.",
            f"The unit of the amounts is unclear: the file names {names_en} (a title row and a heading). Keep one; "
            "nothing was imported.", code="import_unit")
    return found.pop() if found else Unit.RIAL


def _unit_in(value: Cell, *, heading: bool = False) -> Unit | None:
    """The unit a title cell («ارقام: میلیون ریال») or an amount heading's brackets name. A
    quantity is a note, not a unit («ارقام بالای ۱۰۰ میلیون ریال زرد است»)."""
    if not isinstance(value, str):
        return None
    if heading:
        key = search_key(value.split("(", 1)[1]) if "(" in value else ""
    else:
        key = search_key(value)
        if _QUANTITY.search(key):
            return None
    if _TOMAN.search(key):
        raise ValidationError("مبلغ‌های این فایل به «تومان» است؛ آن‌ها را به ریال (یا میلیون ریال) برگردانید.",
                              "This file's amounts are in tomans; convert them to rials (or million rials).",
                              code="import_unit")
    if _THOUSAND.search(key):
        raise ValidationError("مبلغ‌های این فایل به «هزار ریال» است؛ آن‌ها را به ریال یا میلیون ریال برگردانید.",
                              "This file's amounts are in thousand rials; convert them to rials or million rials.",
                              code="import_unit")
    for unit in (Unit.BILLION, Unit.MILLION):
        if search_key(unit.label()).split()[0] in key or unit.key in key:
            return unit
    return Unit.RIAL if ("ریال" in key or "rial" in key) else None


def shown_amount(value: int) -> Cell:
    """An amount as a spreadsheet cell: a number while Excel keeps every digit, else text."""
    return value if abs(value) < EXACT_LIMIT else str(value)
