"""Reading the first sheet of an Excel workbook with bounded work, and what Excel hides.

openpyxl alone fills every gap up to the last cell a file names: one cell at row
999,999,999 in a 6 KB file takes gigabytes. Here the archive's sizes are checked before
anything is unpacked, the sheet is read as a stream (each cell dropped once read) and the
rows, the cells and the columns are counted while reading, so a file that exceeds a limit
is refused at that point, within a bounded time and memory.

Hidden rows, hidden columns, hidden sheets and formulas without a saved result are kept
with the rows: the import reports them instead of reading what the user does not see."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rasad_desktop.core.digits import localize_digits

Cell = int | float | str | None

MAX_ROWS = 200_000  # far more than a province's year in one file
MAX_COLUMNS = 100  # an import sheet has eight; a value further right is not read
MAX_MEMBERS = 2_000  # parts in the archive
MAX_SHEET_BYTES = 128 * 2**20  # the sheet's XML unpacked: ~2.5 × a 200,000-row year
MAX_STRINGS_BYTES = 64 * 2**20  # the shared strings, held in memory while reading
MAX_PART_BYTES = 16 * 2**20  # any other part (styles, workbook …)
MAX_UNPACKED = 256 * 2**20  # all parts together
MAX_RATIO = 200  # unpacked ÷ packed: well-compressed XML reaches ~30
MAX_CELL_PARTS = 5_000  # elements inside one cell (rich text runs): Excel writes a few


@dataclass
class Table:
    """One sheet's cells as a grid (``rows[i]`` is spreadsheet row i + 1), and what Excel
    keeps from view."""

    rows: list[list[Cell]]
    sheet: str = ""  # the sheet read ("" for a CSV file)
    hidden_rows: set[int] = field(default_factory=set)  # spreadsheet row numbers
    hidden_columns: set[int] = field(default_factory=set)  # positions (0 = column A)
    uncached: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, position) → formula
    hidden_sheets: list[str] = field(default_factory=list)  # other sheets, not read
    delimited: bool = False  # a CSV file: a separator typed inside a value shifts the cells after it
    widths: list[int] = field(default_factory=list)  # CSV: each row's cells before trailing empty ones go
    disguised: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, position) → a number format
    # that shows a number other than the cell's (hidden, scaled by thousands, a percentage)


class TooLarge(Exception):
    """A limit was reached: ``fa`` / ``en`` say which."""

    def __init__(self, fa: str, en: str) -> None:
        super().__init__(en)
        self.fa, self.en = fa, en


class HiddenSheet(Exception):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def _n(value: int) -> str:
    return localize_digits(f"{value:,}").replace(",", "٬")


def mb(size: int) -> str:
    return _n(size // 2**20)


def check_archive(path: Path) -> None:
    """Refuse, from the archive's directory alone, a workbook that would unpack too much."""
    packed = max(Path(path).stat().st_size, 1)
    with zipfile.ZipFile(path) as archive:
        parts = archive.infolist()
    if len(parts) > MAX_MEMBERS:
        raise TooLarge(f"کارپوشه {_n(len(parts))} بخش دارد (بیش از {_n(MAX_MEMBERS)}).",
                       f"The workbook has {len(parts):,} parts (more than {MAX_MEMBERS:,}).")
    total = sum(p.file_size for p in parts)
    for part in parts:  # any part may be what a relationship points the reader to: all are capped
        _check_part(part.filename, part.file_size, MAX_SHEET_BYTES)
    if total > MAX_UNPACKED or total > MAX_RATIO * packed + MAX_PART_BYTES:
        raise TooLarge(f"کارپوشه باز شده {mb(total)} مگابایت می‌شود؛ برای یک فایل ورود داده بیش از اندازه است.",
                       f"The workbook unpacks to {total // 2**20:,} MB: too much for an import file.")


def _check_part(name: str, size: int, limit: int) -> None:
    if size > limit:
        raise TooLarge(f"بخش «{name}» کارپوشه باز شده {mb(size)} مگابایت است (بیش از {mb(limit)}).",
                       f"The workbook part '{name}' unpacks to {size // 2**20:,} MB (more than {limit // 2**20:,}).")


class Strict(Exception):
    """The workbook is in Strict Open XML, which openpyxl does not read."""


STRICT_NS = b"purl.oclc.org/ooxml/spreadsheetml"


def read_first_sheet(path: Path) -> Table:
    """The first sheet's cells (refused if it is hidden), with what Excel hides."""
    # openpyxl's reader in parts: its read-only workbook sizes every sheet on opening, and a
    # sheet that declares no size is then parsed whole, held in memory
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.styles.stylesheet import apply_stylesheet
    from openpyxl.xml.constants import SHARED_STRINGS

    check_archive(path)
    reader = ExcelReader(path, read_only=True, data_only=True)
    try:
        reader.read_manifest()
        strings = reader.package.find(SHARED_STRINGS)
        if strings is not None:  # held in memory while reading: its own, lower limit
            _check_part(strings.PartName[1:], _size(reader, strings.PartName[1:]), MAX_STRINGS_BYTES)
        reader.read_strings()
        reader.read_workbook()
        apply_stylesheet(reader.archive, reader.wb)  # which number formats are dates
        sheets = [(sheet.name, sheet.state or "visible", rel.target) for sheet, rel in reader.parser.find_sheets()
                  if rel.Type.endswith("/worksheet")]
        if not sheets:
            if any(STRICT_NS in reader.archive.read(n)[:4096] for n in reader.valid_files if n.endswith(".xml")):
                raise Strict()
            raise TooLarge("کارپوشه هیچ برگهٔ داده‌ای ندارد.", "The workbook has no worksheet.")
        name, state, target = sheets[0]
        if state != "visible":
            raise HiddenSheet(name)
        if target not in reader.valid_files:  # never the second sheet in its place
            raise ValueError(f"the first sheet's part {target} is missing")
        table = Table(rows=[], sheet=name, hidden_sheets=[n for n, s, _ in sheets[1:] if s != "visible"])
        calc = getattr(reader.wb, "calculation", None)
        recalc = bool(getattr(calc, "fullCalcOnLoad", False))  # the writer left its results to Excel
        with reader.archive.open(target) as source:
            _SheetReader(reader.wb, reader.shared_strings, table, recalc).read(source)
        return table
    finally:
        reader.archive.close()


def _size(reader: Any, name: str) -> int:
    try:
        return int(reader.archive.getinfo(name).file_size)
    except KeyError:
        return 0


class _SheetReader:
    """Streams one sheet's XML into a Table, counting as it goes."""

    def __init__(self, book: Any, strings: list[str], table: Table, recalc: bool = False) -> None:
        from openpyxl.worksheet._reader import WorkSheetParser

        self.table = table
        # its cell reader only: the stream is read here
        self.cells = WorkSheetParser(b"", strings, data_only=True, epoch=book.epoch,
                                     date_formats=book._date_formats, timedelta_formats=book._timedelta_formats)
        self.seen = 0  # cell elements so far, empty ones too
        from openpyxl.utils.cell import coordinate_to_tuple
        from openpyxl.xml.constants import SHEET_MAIN_NS

        self.to_tuple = coordinate_to_tuple
        self.tags = {t: f"{{{SHEET_MAIN_NS}}}{t}" for t in ("is", "t", "r", "v")}
        self.rows_seen = 0  # row elements so far (not the numbers they claim)
        self.inside = 0  # elements within the current cell
        self.recalc = recalc  # every formula's saved result is a placeholder
        self.last_column = 0  # of the row being read: cells come left to right, once each
        self.book = book
        self.formats: dict[int, str] = {}  # style id → its number format

    def read(self, source: Any) -> None:
        from openpyxl.xml.constants import SHEET_MAIN_NS
        from openpyxl.xml.functions import iterparse

        ns = f"{{{SHEET_MAIN_NS}}}"
        cell_tag, row_tag, col_tag, dim_tag = ns + "c", ns + "row", ns + "col", ns + "dimension"
        formula_tag, value_tag = ns + "f", ns + "v"
        stack: list[Any] = []
        in_cell = 0
        row: list[Cell] = []
        for event, element in iterparse(source, events=("start", "end")):
            tag = element.tag
            if event == "start":
                if not stack and STRICT_NS.decode() in tag:  # its elements would all go unseen: «empty»
                    raise Strict()
                stack.append(element)
                if in_cell:
                    self._count_inside()
                elif tag == cell_tag:
                    in_cell += 1
                    self.inside = 0
                    self._count_cell()
                elif tag == row_tag:
                    self._start_row(element)
                    row = []
                continue
            stack.pop()
            if tag == cell_tag:
                in_cell -= 1
                # no result: no <v>, or an empty one that is not a text result (Excel's "" is t="str")
                uncached = element.find(value_tag) is None or (not element.findtext(value_tag)
                                                               and element.get("t") != "str")
                self._cell(element, row, element.find(formula_tag), uncached)
            elif in_cell:
                continue  # a value, a formula, rich text: read with its cell
            elif tag == row_tag:
                self._end_row(row)
            elif tag == col_tag:
                self._columns(element)
            elif tag == dim_tag:
                self._declared(element.get("ref", ""))
            if stack:  # drop what was read: the tree never holds more than the open elements
                del stack[-1][-1]

    def _declared(self, ref: str) -> None:
        from openpyxl.utils.cell import range_boundaries

        try:
            _c1, _r1, _c2, last = range_boundaries(ref.upper())
        except (ValueError, TypeError):
            return  # a missing or odd size says nothing: the rows are counted as they come
        if last is not None and last > MAX_ROWS:
            raise too_many_rows(last)

    def _count_inside(self) -> None:
        """A cell's parts (value, formula, rich-text runs) stay in memory until it ends."""
        self.inside += 1
        if self.inside > MAX_CELL_PARTS:
            raise TooLarge(f"خانه‌ای در سطر {_n(self.cells.row_counter)} بیش از اندازه جزء دارد.",
                           f"A cell on row {self.cells.row_counter:,} holds far too many parts.")

    def _count_cell(self) -> None:
        self.seen += 1
        # empty cells only cost time: allowed up to a full width on every row present so far
        if self.seen > MAX_COLUMNS * (self.rows_seen + 1) + 10_000:
            raise TooLarge(
                f"برگهٔ «{self.table.sheet}» در سطر {_n(self.cells.row_counter)} بیش از اندازه خانه دارد.",
                f"Sheet '{self.table.sheet}' holds far too many cells by row {self.cells.row_counter:,}.")

    def _start_row(self, element: Any) -> None:
        parser = self.cells
        number = element.get("r")
        try:
            parser.row_counter = int(float(number)) if number is not None else parser.row_counter + 1
        except ValueError:
            raise TooLarge(f"شمارهٔ سطر «{number}» در کارپوشه معتبر نیست.", f"Row number '{number}' is not valid.") \
                from None
        parser.col_counter = 0
        self.rows_seen += 1
        self.last_column = 0
        if parser.row_counter > MAX_ROWS:
            raise too_many_rows(parser.row_counter)
        if parser.row_counter <= len(self.table.rows):
            raise TooLarge(f"سطر {_n(parser.row_counter)} در کارپوشه دوبار یا نابه‌جا آمده است.",
                           f"Row {parser.row_counter:,} appears twice or out of order in the workbook.")
        if element.get("hidden") in ("1", "true") or _zero(element.get("ht")):
            self.table.hidden_rows.add(parser.row_counter)

    def _parse(self, element: Any) -> dict[str, Any]:
        """openpyxl's ``parse_cell``, with the common cells (numbers, shared and inline text)
        read here: its inline-string reader costs ~10 µs a cell."""
        kind = element.get("t", "n")
        style = int(element.get("s", 0) or 0)
        if kind not in ("n", "s", "inlineStr") or (kind == "n" and style in self.cells.date_formats):
            return self.cells.parse_cell(element)
        coordinate = element.get("r")
        parser = self.cells
        if coordinate:
            row, column = self.to_tuple(coordinate)
            parser.col_counter = column
        else:
            parser.col_counter += 1
            row, column = parser.row_counter, parser.col_counter
        value: Any = None
        if kind == "inlineStr":
            box = element.find(self.tags["is"])
            if box is not None:
                value = "".join((c.text or "") if c.tag == self.tags["t"] else (c.findtext(self.tags["t"]) or "")
                                for c in box if c.tag in (self.tags["t"], self.tags["r"]))  # not phonetic runs
        else:
            raw = element.findtext(self.tags["v"]) or None
            if raw is not None:
                value = parser.shared_strings[int(raw)] if kind == "s" else _number(raw)
        return {"row": row, "column": column, "value": value, "style_id": style}

    def _cell(self, element: Any, row: list[Cell], formula: Any, no_value: bool) -> None:
        found = self._parse(element)
        column, value = found["column"], _plain(found["value"])
        if column <= self.last_column:  # Excel writes each cell once, left to right
            from openpyxl.utils import get_column_letter

            where = f"{get_column_letter(column)}{found['row']}"
            raise TooLarge(f"خانهٔ {where} در کارپوشه دوبار یا نابه‌جا آمده است.",
                           f"Cell {where} appears twice or out of order in the workbook.")
        self.last_column = column
        if formula is not None and (no_value or self.recalc) and column <= MAX_COLUMNS:
            self.table.uncached[(found["row"], column - 1)] = "=" + (formula.text or "")
        if value is None:
            return
        if column > MAX_COLUMNS:
            raise beyond_columns(column, found["row"])
        if column > len(row):
            row.extend([None] * (column - len(row)))
        row[column - 1] = value
        style = found["style_id"]
        if style and isinstance(value, (int, float)):
            if style not in self.formats:
                self.formats[style] = number_format(self.book, style)
            if disguises(self.formats[style], value):
                self.table.disguised[(found["row"], column - 1)] = self.formats[style]

    def _end_row(self, row: list[Cell]) -> None:
        rows = self.table.rows
        number = self.cells.row_counter
        rows.extend([] for _ in range(number - 1 - len(rows)))  # rows the file leaves out are empty
        rows.append(row)

    def _columns(self, element: Any) -> None:
        if element.get("hidden") in ("1", "true") or _zero(element.get("width")):
            try:
                first, last = int(element.get("min", "0")), int(element.get("max", "0"))
            except ValueError:
                return
            self.table.hidden_columns.update(range(max(first, 1) - 1, min(last, MAX_COLUMNS)))


def number_format(book: Any, style: int) -> str:
    """The number format code of a cell style ("" for General or one not found)."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE

    try:
        number = book._cell_styles[style].numFmtId
        code = BUILTIN_FORMATS.get(number) if number < BUILTIN_FORMATS_MAX_SIZE else \
            book._number_formats[number - BUILTIN_FORMATS_MAX_SIZE]
    except (IndexError, AttributeError, TypeError):
        return ""
    return code or ""


def disguises(code: str, value: float) -> bool:
    """Whether ``code`` shows ``value`` as another number: an empty section («;;;» hides
    it), thousands scaling («#,##0,» shows 1234567 as 1235) or a percentage."""
    if not code or code == "General":
        return False
    literals = "".join(quoted + escaped for quoted, escaped in re.findall(r'"([^"]*)"|\\(.)', code))
    if re.search(r"[0-9۰-۹]|هزار|میلیون|میلیارد|thousand|million|billion", literals, re.IGNORECASE):
        return True  # «#,##0",000"» shows 1,800 as 1,800,000: digits or a unit the value does not have
    plain = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", code)  # quoted text, escapes, colours and conditions
    sections = plain.split(";")
    index = 0 if value > 0 or len(sections) == 1 else 1 if value < 0 else 2 if len(sections) > 2 else 0
    section = sections[index] if index < len(sections) else sections[0]
    return not section.strip() or re.search(r"[0#?],+(?![0#?,])", section) is not None or "%" in section


def _number(raw: str) -> int | float:
    return float(raw) if "." in raw or "e" in raw or "E" in raw else int(raw)


def _zero(size: str | None) -> bool:
    try:
        return size is not None and float(size) == 0
    except ValueError:
        return False


def _plain(value: object) -> Cell:
    if value is None or isinstance(value, (int, float, str)) and not isinstance(value, bool):
        return value
    return str(value)  # dates, booleans …: shown as text, refused by whoever reads them


def too_many_rows(last: int) -> TooLarge:
    return TooLarge(f"فایل تا سطر {_n(last)} می‌رسد؛ رصد تا {_n(MAX_ROWS)} سطر را می‌خواند.",
                    f"The file reaches row {last:,}; Rasad reads up to {MAX_ROWS:,} rows.")


def beyond_columns(column: int, row: int) -> TooLarge:
    from openpyxl.utils import get_column_letter

    where = f"{get_column_letter(column)}{row}"
    return TooLarge(f"خانهٔ {where} مقدار دارد و دورتر از {_n(MAX_COLUMNS)} ستون اول است؛ "
                    "آن را پاک کنید یا به ستون‌های جدول بیاورید.",
                    f"Cell {where} holds a value beyond the first {MAX_COLUMNS} columns; clear it or move it "
                    "into the table.")
