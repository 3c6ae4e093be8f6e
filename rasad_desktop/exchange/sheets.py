"""Reading and writing one table as an Excel workbook (.xlsx) or a CSV file.

CSV written by Excel on a Persian Windows is in the Windows-1256 code page, not UTF-8;
both are read. Cells come back as Excel gave them (int, float, str or None): the caller
interprets them."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO

from rasad_desktop.core.digits import localize_digits
from rasad_desktop.core.errors import RasadError
from rasad_desktop.core.file_errors import file_problem
from rasad_desktop.exchange import workbook
from rasad_desktop.formats import atomic

MAX_CSV_BYTES = 64 * 2**20  # a 200,000-row year is ~50 MB
Cell = workbook.Cell
Table = workbook.Table


class SheetError(RasadError):
    pass


def kind_of(path: Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    if suffix in (".csv", ".txt"):
        return "csv"
    raise SheetError(f"«{Path(path).name}» نه کارپوشهٔ Excel (xlsx) است نه CSV.",
                     f"'{Path(path).name}' is neither an Excel workbook (xlsx) nor a CSV file.", code="sheet_type")


def read_table(path: Path) -> Table:
    """The first sheet (or the CSV file) as a grid, trailing empty cells removed; a file
    beyond the limits is refused as soon as that shows, before it is read whole."""
    path = Path(path)
    xlsx = kind_of(path) == "xlsx"
    try:
        if xlsx:
            table = workbook.read_first_sheet(path)
        else:
            table = Table(rows=[], delimited=True)
            for cells in _csv_rows(path):
                table.widths.append(len(cells))  # before trimming: a separator in a value adds a cell
                table.rows.append(cells)
    except SheetError:
        raise
    except workbook.TooLarge as err:
        raise SheetError(f"«{path.name}» خوانده نشد: {err.fa}", f"'{path.name}' was not read: {err.en}",
                         code="sheet_too_large") from None
    except workbook.Strict:
        raise SheetError(f"«{path.name}» با قالب «Strict Open XML» ذخیره شده است؛ آن را در Excel با «Save As» و "
                         "قالب «Excel Workbook (*.xlsx)» دوباره ذخیره کنید.",
                         f"'{path.name}' is saved as Strict Open XML; save it again in Excel as an Excel Workbook "
                         "(*.xlsx).", code="sheet_strict") from None
    except workbook.HiddenSheet as err:
        raise SheetError(
            f"برگهٔ نخست «{path.name}»، «{err.name}»، پنهان است و رصد برگهٔ نخست را می‌خواند. آن را نمایان کنید "
            "یا برگه‌ای را که می‌خواهید نخست بگذارید.",
            f"The first sheet of '{path.name}', '{err.name}', is hidden, and Rasad reads the first sheet. Unhide it "
            "or move the sheet you mean to the front.", code="sheet_hidden") from None
    except OSError as err:
        raise file_problem(path, err, writing=False, cls=SheetError) from None
    except Exception as err:  # noqa: BLE001 - a damaged file fails anywhere inside the parser
        what_fa, what_en = ("کارپوشهٔ سالم Excel (xlsx)", "a readable Excel workbook (xlsx)") if xlsx else \
            ("فایل CSV سالم", "a readable CSV file")
        raise SheetError(f"«{path.name}» {what_fa} نیست.", f"'{path.name}' is not {what_en}: {err}",
                         code="sheet_damaged") from None
    for cells in table.rows:
        while cells and (cells[-1] is None or (isinstance(cells[-1], str) and not cells[-1].strip())):
            cells.pop()
    return table


def _csv_rows(path: Path) -> Iterator[list[Cell]]:
    size = path.stat().st_size
    if size > MAX_CSV_BYTES:
        raise workbook.TooLarge(f"فایل {workbook.mb(size)} مگابایت است (بیش از {workbook.mb(MAX_CSV_BYTES)}).",
                                f"The file is {size // 2**20:,} MB (more than {MAX_CSV_BYTES // 2**20:,}).")
    raw = path.read_bytes()
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        text = raw.decode("utf-16")  # Excel's "Unicode Text"
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            _refuse_mixed(raw, err)
            text = raw.decode("cp1256", errors="replace")  # Excel's "CSV" on a Persian Windows
    del raw
    delimiter = delimiter_of(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    line = 1
    try:
        for number, row in enumerate(reader, start=1):
            if number > workbook.MAX_ROWS:
                raise workbook.too_many_rows(number)
            if any(_swallowed(c, delimiter) for c in row):  # one quote left open takes in the rows after it
                raise _quote_problem(line)
            if len(row) > workbook.MAX_COLUMNS and any(c.strip() for c in row[workbook.MAX_COLUMNS:]):
                raise workbook.beyond_columns(workbook.MAX_COLUMNS + 1, number)
            yield [_unguarded(c) if c.strip() else None for c in row[:workbook.MAX_COLUMNS]]
            line = reader.line_num + 1
    except csv.Error as err:
        if "field larger" in str(err):
            raise workbook.TooLarge(f"سطر {localize_digits(str(line))} خانه‌ای بیش از اندازه بلند دارد.",
                                    f"Row {line} holds a cell far too long.") from None
        raise _quote_problem(line) from None


def _refuse_mixed(raw: bytes, err: UnicodeDecodeError) -> None:
    """A file mostly in UTF-8 with a few stray bytes is not Windows-1256: read as that, its
    Persian would turn to «ط³ظ†ط¯»."""
    shown = raw.decode("utf-8", errors="replace")
    valid = sum(1 for ch in shown if ord(ch) > 127 and ch != "\ufffd")
    if valid > shown.count("\ufffd"):
        line = raw[: err.start].count(b"\n") + 1
        raise workbook.TooLarge(
            f"فایل UTF-8 است ولی در سطر {localize_digits(str(line))} بایت‌هایی دارد که UTF-8 نیست؛ آن را در ویرایشگر "
            "متن با کدگذاری UTF-8 دوباره ذخیره کنید.",
            f"The file is UTF-8 but row {line} holds bytes that are not; save it again as UTF-8 in a text editor.")


def _swallowed(cell: str, delimiter: str) -> bool:
    """A cell running over line ends that holds separators or quotes: rows taken in, not a
    note typed on two lines (Alt+Enter in Excel)."""
    return ("\n" in cell or "\r" in cell) and (delimiter in cell or '"' in cell)


def _quote_problem(line: int) -> SheetError:
    n = localize_digits(str(line))
    return SheetError(
        f"سطر {n} فایل CSV گیومهٔ («\"») باز یا نابه‌جا دارد؛ خانه‌ای از این سطر تا سطرهای بعد کشیده می‌شد. "
        "گیومه را در Excel یا ویرایشگر متن درست کنید؛ چیزی وارد نشد.",
        f"Row {line} of the CSV file has an open or misplaced quote (\"); a cell would run on into the rows after "
        "it. Correct the quote in Excel or a text editor; nothing was imported.", code="csv_quote")


DELIMITERS = (",", ";", "\t", "؛", "،")  # Excel writes «;» or «؛» where the list separator is not a comma


def delimiter_of(text: str) -> str:
    """The separator the file's first lines use most consistently (the standard library's
    sniffer counts only ASCII characters: «؛» and «،» it never finds)."""
    lines = [t for t in text.splitlines() if t.strip()][:30]
    best, score = ",", (0, 0)
    for candidate in DELIMITERS:
        try:
            counts = [len(r) for r in csv.reader(lines, delimiter=candidate)]
        except csv.Error:
            continue
        if not counts:
            continue
        mode = max(set(counts), key=lambda c: (counts.count(c), c))
        found = (counts.count(mode), mode) if mode > 1 else (0, 0)
        if found > score:
            best, score = candidate, found
    return best


# a cell text Excel would run as a formula; written with a leading apostrophe in CSV
_FORMULA_START = ("=", "+", "-", "@")


def _guarded(value: Cell) -> Cell:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _unguarded(value: str) -> str:
    return value[1:] if value.startswith("'") and value[1:].startswith(_FORMULA_START) else value


AMOUNT, CODE = "amount", "code"  # column kinds an export declares: a thousands format; text that stays text
AMOUNT_FORMAT = "#,##0"


def write_rows(path: Path, header: Sequence[str], rows: Sequence[Sequence[Cell]], *, sheet_title: str,
               widths: Sequence[int] = (), notes: Sequence[str] = (), kinds: Sequence[str] = ()) -> None:
    """Write a right-to-left workbook set up for printing (or a UTF-8 CSV that Excel opens
    correctly), replacing ``path`` only once the whole file is written."""
    path = Path(path)
    kind = kind_of(path)
    try:
        with atomic.replacing(path) as f:
            if kind == "csv":
                text = io.TextIOWrapper(f, encoding="utf-8-sig", newline="")  # the BOM tells Excel it is UTF-8
                writer = csv.writer(text)
                writer.writerow(header)
                writer.writerows([_guarded(v) for v in row] for row in rows)
                text.flush()
                text.detach()
            else:
                _write_xlsx(f, header, rows, sheet_title, widths, notes, kinds)
    except OSError as err:
        raise file_problem(path, err, writing=True, cls=SheetError) from None


def _write_xlsx(path: Path | BinaryIO, header: Sequence[str], rows: Sequence[Sequence[Cell]], title: str,
                widths: Sequence[int], notes: Sequence[str], kinds: Sequence[str]) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title)
    _page_setup(sheet)
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    bold = Font(bold=True)
    heading = []
    for name in header:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = bold
        heading.append(cell)
    sheet.append(heading)

    def special(v: Cell) -> bool:  # most text goes in as it is: building a cell is slower
        return isinstance(v, str) and (v.startswith("=") or ILLEGAL_CHARACTERS_RE.search(v) is not None)

    amounts = {i for i, k in enumerate(kinds) if k == AMOUNT}
    codes = {i for i, k in enumerate(kinds) if k == CODE}
    for row in rows:
        out: list[Any] = []
        for i, v in enumerate(row):
            if v is None:
                out.append(v)
            elif i in codes:
                out.append(_text_cell(sheet, str(v)))
            elif i in amounts and isinstance(v, int):
                cell = WriteOnlyCell(sheet, value=v)
                cell.number_format = AMOUNT_FORMAT
                out.append(cell)
            else:
                out.append(_text_cell(sheet, v) if isinstance(v, str) and special(v) else v)
        sheet.append(out)
    if notes:
        guide = book.create_sheet("راهنما")
        guide.sheet_view.rightToLeft = True
        guide.column_dimensions["A"].width = 110
        for line in notes:
            guide.append([line])
    book.save(path)


def _page_setup(sheet: Any) -> None:
    """Right to left, the heading row frozen on screen and repeated on every printed page,
    A4 landscape, as wide as one page."""
    from openpyxl.worksheet.properties import PageSetupProperties

    sheet.sheet_view.rightToLeft = True
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = 9  # A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as the rows need
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_options.gridLines = True


def _text_cell(sheet: Any, value: str) -> Any:  # openpyxl write-only sheet and cell
    """A string cell that stays a string («=12/3» is a document number, not a formula), with
    the control characters a workbook cannot hold removed."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", value))
    cell.data_type = "s"
    cell.number_format = "@"  # stays text when edited in Excel
    return cell
