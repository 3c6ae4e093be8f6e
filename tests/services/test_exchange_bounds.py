"""Files that would exhaust an office PC are refused at once, in Persian, before they are
read whole; what Excel keeps from view (hidden rows, columns and sheets, formulas without
a saved result) is reported, never read unseen."""

from __future__ import annotations

import time
import tracemalloc

import hostile_sheets as h
import pytest
from openpyxl import Workbook
from tests_exchange_helpers import amounts

from rasad_desktop.exchange.collections_file import ImportProblems, import_collections
from rasad_desktop.exchange.sheets import SheetError, read_table
from rasad_desktop.exchange.workbook import MAX_COLUMNS, MAX_ROWS
from rasad_desktop.services.errors import ValidationError

LIMIT_SECONDS = 2.0  # the bound for any file up to 10,000 rows
LIMIT_MB = 200


@pytest.mark.parametrize("name", sorted(h.HOSTILE))
def test_a_hostile_file_is_refused_in_persian_within_bounds(session, tiny, clerk, tmp_path, name):
    path = h.HOSTILE[name](tmp_path / (name + h.HOSTILE_SUFFIX.get(name, ".xlsx")))
    before = amounts(session)
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises((SheetError, ValidationError)) as err:
            import_collections(session, clerk, 1404, path)
        took = time.perf_counter() - started  # a safety bound, not a speed goal: tracemalloc slows it
        peak = tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()
    assert took < 3 * LIMIT_SECONDS and peak < LIMIT_MB, (took, peak)
    assert any("\u0600" <= ch <= "\u06ff" for ch in err.value.message_fa) and "Traceback" not in err.value.message_fa
    assert amounts(session) == before


def test_the_refusals_say_what_limit_was_reached(tmp_path):
    for make, words in ((h.far_row, "۹۹۹٬۹۹۹٬۹۹۹"), (h.far_row_declared, "۹۹۹٬۹۹۹٬۹۹۹"), (h.far_column, "XFD20002"),
                        (h.zip_bomb, "مگابایت"), (h.wide_row, "خانه"), (h.many_parts, "بخش")):
        with pytest.raises(SheetError) as err:
            read_table(make(tmp_path / f"{make.__name__}.xlsx"))
        assert err.value.code == "sheet_too_large" and words in err.value.message_fa, err.value.message_fa


def test_empty_styled_cells_far_right_are_no_reason_to_refuse(tmp_path):
    table = read_table(h.empty_cells_far(tmp_path / "e.xlsx"))
    assert len(table.rows) == 20_001 and table.rows[5] == ["101", "110101", 1, 6]


def test_the_rows_a_file_leaves_out_are_empty_rows_at_their_place(session, tiny, clerk, tmp_path):
    path = h.one_sheet(tmp_path / "gap.xlsx", [h.row(5_000, ["1", "110104", 2, 77])])
    table = read_table(path)
    assert len(table.rows) == 5_000 and table.rows[4_999] == ["1", "110104", 2, 77]
    assert import_collections(session, clerk, 1404, path).cells == 1
    assert amounts(session)[("1", "110104", 2)] == 77


def test_a_file_at_the_limits_is_still_read(tmp_path):
    last = h.row(MAX_ROWS, ["1"] + [None] * (MAX_COLUMNS - 2) + ["end"])
    table = read_table(h.one_sheet(tmp_path / "edge.xlsx", [last]))
    assert len(table.rows) == MAX_ROWS and table.rows[-1][MAX_COLUMNS - 1] == "end"


def test_a_hidden_row_is_refused_with_its_number(session, tiny, clerk, tmp_path):
    path = h.one_sheet(tmp_path / "hr.xlsx", [h.row(2, ["1", "110104", 1, 5]),
                                              h.row(3, ["1", "110104", 2, 6], ' hidden="1"'),
                                              h.row(4, ["1", "110104", 3, 7], ' ht="0" customHeight="1"')])
    before = amounts(session)
    with pytest.raises(ImportProblems) as err:
        import_collections(session, clerk, 1404, path)
    assert [p.split(":")[0] for p in err.value.problems_en] == ["Row 3", "Row 4"]
    assert "پنهان" in err.value.message_fa
    assert amounts(session) == before


def test_a_hidden_empty_row_is_no_reason_to_refuse(session, tiny, clerk, tmp_path):
    path = h.one_sheet(tmp_path / "he.xlsx", ['<row r="2" hidden="1"/>', h.row(3, ["1", "110104", 1, 5])])
    assert import_collections(session, clerk, 1404, path).cells == 1


def test_a_hidden_column_that_is_read_is_refused(session, tiny, clerk, tmp_path):
    path = h.one_sheet(tmp_path / "hc.xlsx", [h.row(2, ["1", "110104", 1, 5])],
                       before='<cols><col min="4" max="4" width="0" customWidth="1"/></cols>')
    with pytest.raises(ValidationError) as err:
        import_collections(session, clerk, 1404, path)
    assert err.value.code == "hidden_column" and "«مبلغ (ریال)» (ستون D)" in err.value.message_fa


def test_a_hidden_first_sheet_is_refused_and_other_hidden_sheets_are_said(session, tiny, clerk, tmp_path):
    data = h.sheet_xml([h.heading_row(), h.row(2, ["1", "110104", 1, 5])])
    hidden_first = h.workbook(tmp_path / "hs.xlsx", [data, h.sheet_xml([h.heading_row()])], states=["hidden"])
    with pytest.raises(SheetError) as err:
        import_collections(session, clerk, 1404, hidden_first)
    assert err.value.code == "sheet_hidden" and "برگه1" in err.value.message_fa
    data = h.sheet_xml([h.heading_row(), h.row(2, ["1", "110104", 1, 5])])
    later = h.workbook(tmp_path / "hs2.xlsx", [data, h.sheet_xml([h.heading_row()])], states=["visible", "veryHidden"])
    result = import_collections(session, clerk, 1404, later)
    assert result.cells == 1 and result.sheet == "برگه1"
    assert result.notes == [("برگهٔ پنهان «برگه2» خوانده نشد.", "The hidden sheet 'برگه2' was not read.")]


def test_a_formula_without_its_saved_result_is_refused_by_row_with_the_reason(session, tiny, clerk, tmp_path):
    rows = [h.row(2, ["1", "110104", 1]) [:-6] + '<c r="D2"><f>SUM(1,2)</f></c></row>',
            h.row(3, ["1", "110104", 2]) [:-6] + '<c r="D3"><f>SUM(1,2)</f><v>3</v></c></row>']
    path = h.one_sheet(tmp_path / "f.xlsx", rows)
    with pytest.raises(ImportProblems) as err:
        import_collections(session, clerk, 1404, path)
    assert len(err.value.problems_fa) == 1 and err.value.problems_fa[0].startswith("سطر ۲:")
    assert "=SUM(1,2)" in err.value.problems_fa[0] and "نتیجهٔ آن در فایل ذخیره نشده" in err.value.problems_fa[0]


def test_a_formula_with_its_saved_result_imports_that_result(session, tiny, clerk, tmp_path):
    rows = [h.row(2, ["1", "110104", 2])[:-6] + '<c r="D2"><f>SUM(1,2)</f><v>3</v></c></row>']
    import_collections(session, clerk, 1404, h.one_sheet(tmp_path / "f.xlsx", rows))
    assert amounts(session)[("1", "110104", 2)] == 3


def test_openpyxl_formulas_never_calculated_are_refused(session, tiny, clerk, tmp_path):
    book = Workbook()  # openpyxl writes formulas without results, as many generators do
    book.active.append(list(h.HEADINGS))
    book.active.append(["1", "110104", 1, "=2*3"])
    book.save(tmp_path / "o.xlsx")
    with pytest.raises(ImportProblems) as err:
        import_collections(session, clerk, 1404, tmp_path / "o.xlsx")
    assert err.value.problems_en[0].startswith("Row 2: Cell D2 holds the formula '=2*3'")


def test_a_csv_cell_beyond_the_columns_and_an_overlong_cell_are_refused(tmp_path):
    with pytest.raises(SheetError) as err:
        read_table(h.csv_wide(tmp_path / "w.csv"))
    assert "CW2" in err.value.message_fa
    long = tmp_path / "l.csv"
    long.write_text("a,b\n" + "x" * 200_000 + ",1\n", encoding="utf-8")
    with pytest.raises(SheetError) as err:
        read_table(long)
    assert err.value.code == "sheet_too_large" and "سطر ۲" in err.value.message_fa
