"""Imports that read exactly what the sheet shows or refuse, with the row: figures only on
level-four lines, CSV quoting errors loud, every list separator an office's Excel writes,
direction marks that make a cell show another number, and a "columns not found" message
that names the row it took as the heading."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from tests_exchange_helpers import amounts

from rasad_desktop.exchange.collections_file import ImportProblems, import_collections
from rasad_desktop.exchange.sheets import SheetError, delimiter_of
from rasad_desktop.services.errors import ValidationError

HEAD = ["کد دستگاه", "کد ردیف", "ماه", "مبلغ"]

CONFIRMED = "رقم آزمایشی"  # the reason unusual figures are confirmed with (warnings: test_plausibility)


def _sheet(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_a_figure_on_a_heading_line_is_refused_with_its_row(session, tiny, clerk, tmp_path):
    path = _sheet(tmp_path / "h.xlsx", [HEAD, ["1", "110104", 1, 5], ["1", "100000", 1, 100_000_000_000]])
    before = amounts(session)
    with pytest.raises(ImportProblems) as err:
        import_collections(session, clerk, 1404, path, reason=CONFIRMED)
    assert "سطر ۳" in err.value.message_fa and "سطح چهارم" in err.value.message_fa
    assert err.value.problems_en == ["Row 3: Collections are set on lines (level four); 100000 is a Part."]
    assert amounts(session) == before


@pytest.mark.parametrize("sep", [",", ";", "\t", "؛", "،"])
def test_every_list_separator_is_recognised(session, tiny, clerk, tmp_path, sep):
    path = tmp_path / "s.csv"
    path.write_text(sep.join(HEAD) + "\n" + sep.join(["1", "110104", "2", "4321"]) + "\n"
                    + sep.join(["2", "110104", "3", "9"]) + "\n", encoding="utf-8")
    assert delimiter_of(path.read_text(encoding="utf-8")) == sep
    result = import_collections(session, clerk, 1404, path, reason=CONFIRMED)
    assert result.cells == 2
    assert amounts(session)[("1", "110104", 2)] == 4321 and amounts(session)[("2", "110104", 3)] == 9


def test_a_comma_inside_a_quoted_persian_name_does_not_change_the_separator():
    assert delimiter_of('کد،نام;مبلغ\n1;"راه، شهرسازی";5\n2;"آب";6\n') == ";"


@pytest.mark.parametrize(("body", "row"), [
    ('1,110104,1,5\n1,110104,2,"6\n1,110104,3,7\n1,110104,4,8\n', 3),  # open quote: the rest would vanish
    ('1,110104,1,5\n1,110104,2,"6"x\n', 3),  # text after a closing quote
    ('1,110104,1,"5\n', 2),  # open at the end
])
def test_a_quoting_error_refuses_the_file_naming_its_row(session, tiny, clerk, tmp_path, body, row):
    path = tmp_path / "q.csv"
    path.write_text(",".join(HEAD) + "\n" + body, encoding="utf-8")
    before = amounts(session)
    with pytest.raises(SheetError) as err:
        import_collections(session, clerk, 1404, path, dry_run=True)
    assert err.value.code == "csv_quote"
    assert f"سطر {'۰۱۲۳۴۵۶۷۸۹'[row]}" in err.value.message_fa and f"Row {row}" in err.value.message_en
    assert amounts(session) == before


def test_a_note_typed_on_two_lines_is_still_read(session, tiny, clerk, tmp_path):
    path = tmp_path / "n.csv"
    path.write_text(",".join(HEAD + ["شمارهٔ سند"]) + '\n1,110104,6,40,"سند ۱۲\nپیوست دوم"\n2,110104,6,41,\n',
                    encoding="utf-8")
    assert import_collections(session, clerk, 1404, path, reason=CONFIRMED).cells == 2
    assert amounts(session)[("2", "110104", 6)] == 41


def test_quotes_used_properly_still_read(session, tiny, clerk, tmp_path):
    path = tmp_path / "ok.csv"
    path.write_text('"کد دستگاه","کد ردیف","ماه","مبلغ","شمارهٔ سند"\n"1","110104","5","1,200","سند ""الف"""\n',
                    encoding="utf-8")
    assert import_collections(session, clerk, 1404, path, reason=CONFIRMED).cells == 1
    assert amounts(session)[("1", "110104", 5)] == 1200


@pytest.mark.parametrize("mark", ["\u202e", "\u202d", "\u2067", "\u200f", "\u061c"])
def test_a_direction_mark_that_shows_another_number_is_refused(session, tiny, clerk, tmp_path, mark):
    path = _sheet(tmp_path / "b.xlsx", [HEAD, ["1", "110104", 6, mark + "0001"]])
    with pytest.raises(ImportProblems) as err:
        import_collections(session, clerk, 1404, path, dry_run=True)
    assert "سطر ۲" in err.value.message_fa and "جهت‌نما" in err.value.message_fa


def test_missing_columns_are_named_from_the_row_taken_as_the_heading(session, tiny, clerk, tmp_path):
    path = _sheet(tmp_path / "t.xlsx", [["گزارش وصولی استان — ۱۴۰۴"], ["کد دستگاه", "کد ردیف", "مبلغ"],
                                       ["1", "110104", 5]])
    with pytest.raises(ValidationError) as err:
        import_collections(session, clerk, 1404, path, dry_run=True)
    text = err.value.message_fa
    assert err.value.code == "import_columns" and "سطر ۲" in text and "«ماه»" in text
    assert "«کد دستگاه»" not in text.split("پیدا نشد")[1].split(".")[0]  # present: not called missing
    assert "آن سطر این‌ها را دارد: «کد دستگاه»، «کد ردیف»، «مبلغ»" in text


def test_a_unit_in_a_title_row_is_honoured_and_said(session, tiny, clerk, tmp_path, capsys):
    path = _sheet(tmp_path / "m.xlsx", [["ارقام: میلیون ریال"], HEAD, ["1", "110104", 7, 12], ["2", "110104", 7, 1.5],
                                       ["3", "110104", 7, "۲٫۲۵"]])
    result = import_collections(session, clerk, 1404, path, reason=CONFIRMED)
    assert result.unit.factor == 10**6 and result.cells == 3
    got = amounts(session)
    assert (got[("1", "110104", 7)], got[("2", "110104", 7)], got[("3", "110104", 7)]) == \
        (12_000_000, 1_500_000, 2_250_000)


def test_a_unit_in_the_heading_is_honoured(session, tiny, clerk, tmp_path):
    path = _sheet(tmp_path / "h.xlsx", [["کد دستگاه", "کد ردیف", "ماه", "مبلغ (میلیارد ریال)"], ["1", "110104", 8, 2]])
    assert import_collections(session, clerk, 1404, path, reason=CONFIRMED).unit.factor == 10**9
    assert amounts(session)[("1", "110104", 8)] == 2_000_000_000


@pytest.mark.parametrize(("title", "heading"), [("ارقام: میلیون ریال", "مبلغ (ریال)"),
                                                ("Figures in billion rials", "Amount (million rials)")])
def test_a_title_unit_that_contradicts_the_heading_is_refused(session, tiny, clerk, tmp_path, title, heading):
    path = _sheet(tmp_path / "c.xlsx", [[title], ["کد دستگاه", "کد ردیف", "ماه", heading], ["1", "110104", 8, 2]])
    before = amounts(session)
    with pytest.raises(ValidationError) as err:
        import_collections(session, clerk, 1404, path, dry_run=True)
    assert err.value.code == "import_unit" and "واحد" in err.value.message_fa
    assert amounts(session) == before


def test_thousand_rials_and_a_fraction_of_a_rial_are_refused(session, tiny, clerk, tmp_path):
    path = _sheet(tmp_path / "k.xlsx", [["مبالغ به هزار ریال"], HEAD, ["1", "110104", 8, 2]])
    with pytest.raises(ValidationError) as err:
        import_collections(session, clerk, 1404, path, dry_run=True)
    assert err.value.code == "import_unit"
    path = _sheet(tmp_path / "f.xlsx", [["ارقام: میلیون ریال"], HEAD, ["1", "110104", 8, 0.0000001]])
    with pytest.raises(ImportProblems) as err2:
        import_collections(session, clerk, 1404, path, dry_run=True)
    assert "سطر ۳" in err2.value.message_fa


def test_a_plain_file_stays_in_rials(session, tiny, clerk, tmp_path):
    path = _sheet(tmp_path / "p.xlsx", [["وصولی دستگاه‌ها"], HEAD, ["1", "110104", 9, 77]])
    assert import_collections(session, clerk, 1404, path, reason=CONFIRMED).unit.factor == 1
    assert amounts(session)[("1", "110104", 9)] == 77


# ------------------------------------------------------------------------------ exports an office prints
@pytest.mark.parametrize("what", ["collections", "approved"])
def test_an_export_is_set_up_to_print_and_keeps_codes_as_text(session, tiny, admin, tmp_path, what):
    from openpyxl import load_workbook

    from rasad_desktop.exchange.datasets import DATASETS

    path = tmp_path / f"{what}.xlsx"
    DATASETS[what].export(session, admin, 1404, path)
    sheet = load_workbook(path).worksheets[0]
    assert sheet.sheet_view.rightToLeft and sheet.freeze_panes == "A2"
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth == 1
    assert sheet.page_setup.fitToHeight == 0 and sheet.print_title_rows == "$1:$1"  # the heading on every page
    heading = [c.value for c in sheet[1]]
    first = sheet[2]
    for i, name in enumerate(heading):
        c = first[i]
        if name.startswith("کد"):
            assert c.data_type == "s" and c.number_format == "@", name
        if "(ریال)" in name and c.value is not None:
            assert isinstance(c.value, int) and c.number_format == "#,##0", name


# ------------------------------------------------------------------ found attacking the reader
def test_an_unquoted_thousands_separator_in_a_csv_amount_is_refused(session, tiny, clerk, tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("کد دستگاه,کد ردیف,ماه,مبلغ (ریال),شمارهٔ سند\n1,110104,9,12,000,\n", encoding="utf-8")
    with pytest.raises(ImportProblems) as err:
        import_collections(session, clerk, 1404, path, reason=CONFIRMED)
    assert "جداکننده" in err.value.problems_fa[0]


def test_two_headings_that_read_as_one_column_are_refused(session, tiny, clerk, tmp_path):
    path = tmp_path / "two.csv"
    path.write_text("Agency code,Line code,Month,Amount (last year),Amount (rials)\n1,110104,9,5,6\n", encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        import_collections(session, clerk, 1404, path, reason=CONFIRMED)
    assert "Amount (last year)" in err.value.message_fa and "Amount (rials)" in err.value.message_fa


@pytest.mark.parametrize("heading", ["مبلغ (هزارریال)", "Amount (thousands of rials)", "مبلغ (تومان)",
                                     "مبلغ (میلیون تومان)"])
def test_thousand_rials_and_tomans_are_refused_in_any_spelling(session, tiny, clerk, tmp_path, heading):
    path = tmp_path / "u.csv"
    path.write_text(f"کد دستگاه,کد ردیف,ماه,{heading}\n1,110104,9,5\n", encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        import_collections(session, clerk, 1404, path, reason=CONFIRMED)
    assert err.value.code == "import_unit"


def test_a_legend_naming_a_quantity_is_not_a_unit_but_a_title_with_a_year_is(session, tiny, clerk, tmp_path):
    legend = tmp_path / "l.csv"
    legend.write_text("ارقام بالای ۱۰۰ میلیون ریال زرد شده‌اند\nکد دستگاه,کد ردیف,ماه,مبلغ\n1,110104,9,5\n",
                      encoding="utf-8")
    assert import_collections(session, clerk, 1404, legend, reason=CONFIRMED).unit.factor == 1
    titled = tmp_path / "y.csv"
    titled.write_text("وصولی سال ۱۴۰۴ — ارقام به میلیون ریال\nکد دستگاه,کد ردیف,ماه,مبلغ\n1,110104,9,5\n",
                      encoding="utf-8")
    assert import_collections(session, clerk, 1404, titled, dry_run=True).unit.factor == 10**6


def test_a_utf8_file_with_a_stray_byte_is_refused_not_read_as_windows_1256(session, tiny, clerk, tmp_path):
    path = tmp_path / "m.csv"
    path.write_bytes("Agency code,Line code,Month,Amount,Document reference\n1,110104,9,5,سند ۱۲\n".encode()
                     + b"1,110104,10,6,caf\xe9\n")
    with pytest.raises(SheetError) as err:
        import_collections(session, clerk, 1404, path, reason=CONFIRMED)
    assert "UTF-8" in err.value.message_fa and "سطر ۳" in err.value.message_fa
