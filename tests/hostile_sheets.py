"""Small workbooks and CSV files built byte by byte, each one a way a file can exhaust an
office PC or hide what it holds. Shared by the tests and ``benchmarks/bench_exchange.py``."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path
from xml.sax.saxutils import escape

HEADINGS = ("کد دستگاه", "کد ردیف", "ماه", "مبلغ (ریال)")

_TYPES = ('<?xml version="1.0" encoding="UTF-8"?>'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" '
          'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>{sheets}'
          '</Types>')
_SHEET_TYPE = ('<Override PartName="/xl/worksheets/sheet{n}.xml" '
               'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')
_RELS = ('<?xml version="1.0" encoding="UTF-8"?>'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
         'officeDocument" Target="xl/workbook.xml"/></Relationships>')
_BOOK = ('<?xml version="1.0" encoding="UTF-8"?>'
         '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
         'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>{sheets}</sheets>'
         '</workbook>')
_BOOK_RELS = ('<?xml version="1.0" encoding="UTF-8"?>'
              '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}'
              '</Relationships>')
_BOOK_REL = ('<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
             'relationships/worksheet" Target="worksheets/sheet{n}.xml"/>')
_SHEET_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>'
               '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')


def cell(ref: str, value: object, extra: str = "") -> str:
    if isinstance(value, str):
        return f'<c r="{ref}" t="inlineStr"{extra}><is><t>{escape(value)}</t></is></c>'
    return f'<c r="{ref}"{extra}><v>{value}</v></c>'


def row(number: int, values: Iterable[object], attrs: str = "") -> str:
    from openpyxl.utils import get_column_letter

    return f'<row r="{number}"{attrs}>' + "".join(cell(f"{get_column_letter(i + 1)}{number}", v)
                                                 for i, v in enumerate(values) if v is not None) + "</row>"


def heading_row() -> str:
    return row(1, HEADINGS)


def sheet_xml(rows: Iterable[str], *, before: str = "", dimension: str | None = None) -> Iterable[bytes]:
    yield _SHEET_HEAD.encode()
    if dimension:
        yield f'<dimension ref="{dimension}"/>'.encode()
    yield (before + "<sheetData>").encode()
    for r in rows:
        yield r.encode()
    yield b"</sheetData></worksheet>"


def workbook(path: Path, sheets: list[Iterable[bytes]], *, states: Iterable[str] = (),
             extra: dict[str, bytes] | None = None) -> Path:
    """A workbook whose sheets are the given XML pieces (streamed into the archive)."""
    states = list(states) + ["visible"] * len(sheets)
    entries = "".join(f'<sheet name="برگه{n}" sheetId="{n}" r:id="rId{n}"'
                      + ("" if states[n - 1] == "visible" else f' state="{states[n - 1]}"') + "/>"
                      for n in range(1, len(sheets) + 1))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   _TYPES.format(sheets="".join(_SHEET_TYPE.format(n=n) for n in range(1, len(sheets) + 1))))
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.xml", _BOOK.format(sheets=entries))
        z.writestr("xl/_rels/workbook.xml.rels",
                   _BOOK_RELS.format(rels="".join(_BOOK_REL.format(n=n) for n in range(1, len(sheets) + 1))))
        for n, pieces in enumerate(sheets, start=1):
            with z.open(f"xl/worksheets/sheet{n}.xml", "w", force_zip64=True) as out:
                for piece in pieces:
                    out.write(piece)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return path


def one_sheet(path: Path, rows: Iterable[str], **kw: object) -> Path:
    return workbook(path, [sheet_xml([heading_row(), *rows], **kw)])  # type: ignore[arg-type]


# ---------------------------------------------------------------- the hostile files
def far_row(path: Path) -> Path:
    """6 KB: one cell at row 999,999,999."""
    return one_sheet(path, [row(999_999_999, ["101"])])


def far_row_declared(path: Path) -> Path:
    """The same, its size declared up front."""
    return one_sheet(path, [row(999_999_999, ["101"])], dimension="A1:D999999999")


def far_column(path: Path) -> Path:
    """20,000 rows, and a value in column XFD."""
    rows = [row(n, ["101", "110101", 1, n]) for n in range(2, 20_002)]
    rows.append('<row r="20002"><c r="XFD20002"><v>1</v></c></row>')
    return one_sheet(path, rows)


def empty_cells_far(path: Path) -> Path:
    """20,000 rows each ending in an empty styled cell at XFD: nothing to read there."""
    rows = [row(n, ["101", "110101", 1, n])[:-6] + f'<c r="XFD{n}" s="0"/></row>' for n in range(2, 20_002)]
    return one_sheet(path, rows)


def wide_row(path: Path) -> Path:
    """One row of a million empty cells."""
    def rows() -> Iterable[str]:
        yield '<row r="2">'
        for _ in range(1_000):
            yield "<c/>" * 1_000
        yield "</row>"
    return workbook(path, [sheet_xml([heading_row(), *rows()])])


def zip_bomb(path: Path) -> Path:
    """A 300 KB file whose sheet unpacks to 300 MB (of spaces)."""
    def pieces() -> Iterable[bytes]:
        yield from sheet_xml([heading_row()], before="")
    chunks = list(pieces())
    filler = [b" " * 2**20] * 300
    return workbook(path, [[chunks[0], *filler, *chunks[1:]]])


def laughs(path: Path) -> Path:
    """Entities that double ten times over in the shared strings."""
    entities = '<!ENTITY a0 "ha">' + "".join(f'<!ENTITY a{i} "&a{i - 1};&a{i - 1};">' for i in range(1, 30))
    strings = (f'<?xml version="1.0"?><!DOCTYPE sst [{entities}]>'
               '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&a29;</t></si></sst>')
    types = _TYPES.replace("{sheets}", _SHEET_TYPE.format(n=1) + '<Override PartName="/xl/sharedStrings.xml" '
                           'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings'
                           '+xml"/>')
    book = workbook(path, [sheet_xml([heading_row(), '<row r="2"><c r="A2" t="s"><v>0</v></c></row>'])])
    rebuilt = io.BytesIO()
    with zipfile.ZipFile(book) as old, zipfile.ZipFile(rebuilt, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = types.encode() if item.filename == "[Content_Types].xml" else old.read(item)
            new.writestr(item, data)
        new.writestr("xl/sharedStrings.xml", strings)
    path.write_bytes(rebuilt.getvalue())
    return path


def many_parts(path: Path) -> Path:
    """5,000 tiny parts in the archive."""
    return workbook(path, [sheet_xml([heading_row()])], extra={f"xl/x{i}.xml": b"<x/>" for i in range(5_000)})


def csv_huge(path: Path) -> Path:
    """A 70 MB CSV file."""
    with path.open("w", encoding="utf-8") as f:
        f.write(",".join(HEADINGS) + "\n")
        line = "101,110101,1,1000\n"
        for _ in range(70 * 2**20 // len(line) + 1):
            f.write(line)
    return path


def csv_wide(path: Path) -> Path:
    """A CSV row with a value at its 500,000th separator."""
    path.write_text(",".join(HEADINGS) + "\n" + "," * 500_000 + "1\n", encoding="utf-8")
    return path


HOSTILE: dict[str, Callable[[Path], Path]] = {
    "far_row": far_row, "far_row_declared": far_row_declared, "far_column": far_column,
    "wide_row": wide_row, "zip_bomb": zip_bomb, "laughs": laughs, "many_parts": many_parts,
    "csv_huge": csv_huge, "csv_wide": csv_wide,
}
HOSTILE_SUFFIX = {"csv_huge": ".csv", "csv_wide": ".csv"}
