"""The data-entry grid: Persian digits in, integers stored; invalid input kept and not saved;
unsaved changes ask; locked months are read-only; Enter moves down; pasting a column."""

from __future__ import annotations

import pytest
from keys import press, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication
from sqlalchemy import select

from rasad_desktop.core.amounts import format_amount
from rasad_desktop.core.digits import localize_digits
from rasad_desktop.db.models import Agency, ClassificationNode, Collection, FiscalYear
from rasad_desktop.gui.dialogs import unsaved
from rasad_desktop.gui.models.entry_model import THIS_MONTH, EntryModel
from rasad_desktop.gui.pages.data_entry import DataEntryPage
from rasad_desktop.services import budget
from rasad_desktop.services.roles import Role


def stored(db, agency_code: str, line: str, month: int, year: int = 1405) -> int | None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return s.scalar(
            select(Collection.amount)
            .join(Agency, Agency.id == Collection.agency_id)
            .join(ClassificationNode, ClassificationNode.id == Collection.line_id)
            .join(FiscalYear, FiscalYear.id == Collection.fiscal_year_id)
            .where(Agency.code == agency_code, ClassificationNode.code == line, Collection.month == month,
                   FiscalYear.year == year))


def agency_id(db, code: str) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return s.scalar(select(Agency.id).where(Agency.code == code))


@pytest.fixture
def page(make_ctx, gui_db, qtbot):  # type: ignore[no-untyped-def]
    p = DataEntryPage(make_ctx(Role.DATA_ENTRY))
    qtbot.addWidget(p)
    p.show()
    p.ask_reason = p.sheets.ask_reason = lambda text: "رقم آزمایشی"  # unusual figures confirmed (tested below)
    assert p.select(1405, 9, agency_id(gui_db, "101"))  # Azar: no figures yet in the demo
    return p


def edit_cell(page: DataEntryPage, row: int, text: str) -> None:
    index = page.model.index(row, THIS_MONTH)
    editing = page.table.state() == QAbstractItemView.State.EditingState and page.table.currentIndex() == index
    if not editing:  # Enter on the row above already opened this cell's editor
        page.table.setCurrentIndex(index)
        page.table.edit(index)
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not page.table
    type_text(editor, text)
    press(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits and closes the editor in a queued call


def test_typing_persian_digits_and_saving_stores_the_integer(page, gui_db):
    line = page.model.rows[0].line_code
    edit_cell(page, 0, "۱۲۳٬۴۵۶")
    assert page.table.currentIndex().row() == 1  # Enter moved down
    assert page.model.data(page.model.index(0, THIS_MONTH)) == "۱۲۳٬۴۵۶"
    press(page, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert stored(gui_db, "101", line, 9) == 123456
    assert not page.model.is_dirty and page.model.rows[0].this_month == 123456


def test_arabic_indic_and_latin_digits_with_a_unit(page, gui_db):
    edit_cell(page, 0, "٢٫٥ میلیون")
    edit_cell(page, 1, "7,000")
    assert page.save()
    assert stored(gui_db, "101", page.model.rows[0].line_code, 9) == 2_500_000
    assert stored(gui_db, "101", page.model.rows[1].line_code, 9) == 7000


def test_invalid_input_keeps_the_text_and_saves_nothing(page, gui_db):
    edit_cell(page, 0, "۱۲۳")
    edit_cell(page, 1, "۱۲الف")
    index = page.model.index(1, THIS_MONTH)
    assert page.model.data(index) == "۱۲الف"  # what was typed is kept
    tip = page.model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert tip and "معتبر" in tip
    assert not page.save()
    assert stored(gui_db, "101", page.model.rows[0].line_code, 9) is None  # not even the valid cell
    assert "ذخیره نشد" in page.status.text()
    assert page.model.is_dirty


def test_leaving_with_unsaved_changes_asks(page, gui_db):
    asked = []
    edit_cell(page, 0, "۵۰۰")
    page.ask_unsaved = lambda: asked.append(1) or unsaved.CANCEL
    assert not page.select(1405, 8, agency_id(gui_db, "101"))
    assert asked and page.month.currentData() == 9 and page.model.is_dirty  # stayed, kept the figure
    page.ask_unsaved = lambda: unsaved.DISCARD
    assert page.select(1405, 8, agency_id(gui_db, "101"))
    assert stored(gui_db, "101", page.model.rows[0].line_code, 9) is None
    page.select(1405, 9, agency_id(gui_db, "101"))
    edit_cell(page, 0, "۷۰۰")
    page.ask_unsaved = lambda: unsaved.SAVE
    assert page.can_leave()
    assert stored(gui_db, "101", page.model.rows[0].line_code, 9) == 700


def test_a_locked_month_is_read_only_and_says_why(make_ctx, gui_db, qtbot):
    admin = make_ctx(Role.ADMIN)
    with gui_db.session() as s:
        budget.set_period_lock(s, admin.actor, 1405, 3, True, reason="بستن فصل")
    page = DataEntryPage(make_ctx(Role.DATA_ENTRY))
    qtbot.addWidget(page)
    page.show()
    page.select(1405, 3, agency_id(gui_db, "101"))
    index = page.model.index(0, THIS_MONTH)
    assert not page.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert page.lock_label.isVisible() and "boss" in page.lock_label.text()
    assert not page.save_button.isEnabled() and not page.add_button.isEnabled()


def test_pasting_a_column_from_excel(page, gui_db):
    QApplication.clipboard().setText("1,000\r\n۲۰۰۰\r\n3000\r\n")
    page.table.setCurrentIndex(page.model.index(0, THIS_MONTH))
    press(page.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert [page.model.this_month(r) for r in range(3)] == [1000, 2000, 3000]
    assert page.save()
    assert stored(gui_db, "101", page.model.rows[2].line_code, 9) == 3000


def test_pasting_codes_and_amounts_puts_each_on_its_line_never_the_codes_as_amounts(page):
    codes = [r.line_code for r in page.model.rows]
    QApplication.clipboard().setText(f"{codes[2]}\t5000\r\n{codes[0]}\t7000\r\n")
    page.table.setCurrentIndex(page.model.index(1, THIS_MONTH))  # wherever the cursor is
    press(page.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert page.model.this_month(2) == 5000 and page.model.this_month(0) == 7000
    assert page.model.this_month(1) is None and "در ردیف کد خود" in page.status.text()
    QApplication.clipboard().setText(f"9000\t{localize_digits(codes[1])}\n")  # an RTL sheet: the code on the right
    press(page.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert page.model.this_month(1) == 9000


def test_values_without_a_line_are_shown_and_asked_never_dropped_silently(page):
    rows = len(page.model.rows)
    asked: list[str] = []
    page.paster.ask = lambda text: asked.append(text) or False  # the user says no …
    QApplication.clipboard().setText("\n".join(str(100 + i) for i in range(rows + 4)))
    page.table.setCurrentIndex(page.model.index(0, THIS_MONTH))
    press(page.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 1 and f"• {100 + rows + 3}" in asked[0]  # the last value is listed, as copied
    assert not page.model.is_dirty and "چیزی جای‌گذاری نشد" in page.status.text()
    page.paster.ask = lambda text: True  # … then yes: the ones that fit, nothing shifted
    press(page.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert [page.model.this_month(r) for r in range(rows)] == [100 + i for i in range(rows)]
    code = page.model.rows[0].line_code
    asked.clear()
    page.paster.ask = lambda text: asked.append(text) or False
    QApplication.clipboard().setText(f"{code}\t1\n999999\t2\n")
    press(page.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "۹۹۹۹۹۹: 2" in asked[0] and page.model.this_month(0) == 100  # unchanged: the user said no


def test_two_columns_without_codes_are_refused_with_a_reason(page):
    warned: list[str] = []
    page.paster.warn = warned.append
    QApplication.clipboard().setText("1,000\tx\n2000\ty\n")
    page.table.setCurrentIndex(page.model.index(0, THIS_MONTH))
    press(page.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert warned and "ستون کد ردیف" in warned[0] and not page.model.is_dirty


def test_fill_down_copy_as_numbers_and_the_totals_row(page):
    model = page.model
    model.setData(model.index(0, THIS_MONTH), "۱٬۲۳۴٬۵۶۷")
    selection = page.table.selectionModel()
    page.table.setCurrentIndex(model.index(0, THIS_MONTH))
    selection.clearSelection()
    for r in (0, 1, 2):  # as a drag from the first cell down selects them
        selection.select(model.index(r, THIS_MONTH), selection.SelectionFlag.Select)
    press(page.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert [model.this_month(r) for r in range(3)] == [1_234_567] * 3
    totals = model.rowCount() - 1
    assert model.is_totals(totals) and model.data(model.index(totals, 1)) == "جمع"
    assert model.data(model.index(totals, THIS_MONTH), Qt.ItemDataRole.UserRole) == 3 * 1_234_567
    assert not model.flags(model.index(totals, THIS_MONTH)) & Qt.ItemFlag.ItemIsEditable
    page.table.clearSelection()
    page.table.setCurrentIndex(model.index(0, 0))
    selection.select(model.index(0, THIS_MONTH), selection.SelectionFlag.Select)
    press(page.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QApplication.clipboard().text()
    assert copied.split("\t") == [model.rows[0].line_code, "1234567"]  # Latin digits, no separators


def test_saving_says_how_many_figures_were_saved_and_it_stays(page):
    page.model.setData(page.model.index(0, THIS_MONTH), "5")
    page.model.setData(page.model.index(1, THIS_MONTH), "6")
    assert page.save()
    assert "ذخیره شد: ۲ رقم" in page.status.text()


@pytest.mark.qt_log_ignore("This plugin does not support")  # the suggestions popup, offscreen
def test_an_agency_typed_in_latin_digits_is_found_and_the_grid_follows(page, gui_db):
    box = page.agency
    box.lineEdit().setFocus()
    box.lineEdit().selectAll()
    type_text(box.lineEdit(), "103")
    assert "۱۰۳" in box.lineEdit().text()  # the digits as the list writes them
    press(box.lineEdit(), Qt.Key.Key_Return)
    QApplication.processEvents()
    assert box.currentData() == agency_id(gui_db, "103") and page.choice()[2] == agency_id(gui_db, "103")
    assert page._shown[2] == agency_id(gui_db, "103")  # the grid shows the agency the box names


def test_an_agency_code_that_names_none_puts_the_box_back(page, gui_db):
    box = page.agency
    before = box.currentText()
    box.lineEdit().setText("99999")
    box.lineEdit().editingFinished.emit()
    assert box.lineEdit().text() == before and page._shown[2] == agency_id(gui_db, "101")
    assert "99999" in page.status.text()


def test_during_maintenance_the_grid_is_read_only_with_the_notice(make_ctx, gui_db, qtbot):
    import datetime as dt

    from rasad_desktop.services.notices import post_notice
    from rasad_desktop.services.roles import Actor

    with gui_db.session() as s:
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        post_notice(s, Actor("admin", Role.ADMIN), "به‌روزرسانی کارگزار", "تا ساعت ۱۴",
                    now - dt.timedelta(minutes=5), now + dt.timedelta(hours=1))
    p = DataEntryPage(make_ctx(Role.DATA_ENTRY))
    qtbot.addWidget(p)
    p.show()
    p.select(1405, 9, agency_id(gui_db, "101"))
    assert p.model.read_only and not p.model.flags(p.model.index(0, THIS_MONTH)) & Qt.ItemFlag.ItemIsEditable
    assert p.lock_label.isVisible() and "به‌روزرسانی کارگزار" in p.lock_label.text()


def test_a_line_without_an_approved_amount_can_be_added(page, gui_db):
    page.add_line_code("160186", "سایر درآمدهای متفرقه")
    row = next(i for i, r in enumerate(page.model.rows) if r.line_code == "160186")
    page.model.setData(page.model.index(row, THIS_MONTH), "۴۲۰۰۰")
    assert page.save()
    assert stored(gui_db, "101", "160186", 9) == 42000


def test_clearing_a_cell_deletes_the_figure(page, gui_db):
    page.select(1405, 6, agency_id(gui_db, "101"))
    line = page.model.rows[0].line_code
    assert stored(gui_db, "101", line, 6)
    page.model.setData(page.model.index(0, THIS_MONTH), "")
    assert page.save()
    assert stored(gui_db, "101", line, 6) is None


def test_the_entry_model_passes_the_model_tester(page, qtmodeltester):
    qtmodeltester.check(page.model)
    qtmodeltester.check(EntryModel())


def test_clicking_another_row_while_editing_does_not_jump_further(page, qtbot):
    index = page.model.index(0, THIS_MONTH)
    page.table.setCurrentIndex(index)
    page.table.edit(index)
    type_text(QApplication.focusWidget(), "۹۹")
    target = page.model.index(3, THIS_MONTH)
    page.table.setCurrentIndex(target)  # what a mouse click on row 4 does
    QApplication.processEvents()
    assert page.table.currentIndex().row() == 3
    assert page.model.this_month(0) == 99  # the typed figure was committed


# ------------------------------------------------------------------------------ spreadsheets
def test_export_then_import_an_edited_workbook_after_confirming(page, gui_db, tmp_path, persian):
    from openpyxl import load_workbook

    page.sheets.choose_save_path = lambda suggested: tmp_path / "out"  # typed without ".xlsx"
    page.sheets.export_button.click()
    target = tmp_path / "out.xlsx"
    assert target.exists() and "نوشته شد" in page.status.text()
    book = load_workbook(target)
    row = next(book.worksheets[0].iter_rows(min_row=2))
    agency, line, month, old = row[0].value, row[2].value, row[5].value, row[6].value
    row[6].value = old + 7
    book.save(target)

    asked: list[str] = []
    page.sheets.choose_open_path = lambda: target
    page.sheets.confirm = lambda text: asked.append(text) or False  # the user says no …
    page.sheets.import_button.click()
    assert len(asked) == 1 and "۱ رقم" in asked[0] and stored(gui_db, agency, line, month) == old
    fa = lambda n: format_amount(n)  # noqa: E731
    assert f"{fa(old)} ← {fa(old + 7)}" in asked[0]  # the value that changes, old → new, not only a count
    assert f"دستگاه {localize_digits(agency)} · ردیف {localize_digits(line)}" in asked[0]
    page.sheets.confirm = lambda text: True  # … then yes
    page.sheets.import_button.click()
    assert stored(gui_db, agency, line, month) == old + 7
    assert "۱ رقم ثبت شد" in page.status.text()
    page.sheets.import_button.click()  # again: nothing differs any more
    assert "چیزی برای ورود نیست" in page.status.text()


def test_a_bad_workbook_is_reported_and_nothing_changes(page, gui_db, tmp_path):
    from openpyxl import Workbook

    bad = tmp_path / "bad.xlsx"
    book = Workbook()
    book.active.append(["کد دستگاه", "کد ردیف", "ماه", "مبلغ (ریال)"])
    book.active.append(["101", "110104", 1, "نامعلوم"])
    book.save(bad)
    before = stored(gui_db, "101", "110104", 1)
    page.sheets.choose_open_path = lambda: bad
    page.sheets.confirm = lambda text: pytest.fail("a bad file must not reach the question")
    page.sheets.import_button.click()
    seen = page.ctx.errors.seen
    assert len(seen) == 1 and "سطر ۲" in seen[0].message_fa
    assert stored(gui_db, "101", "110104", 1) == before
    assert page.sheets.import_button.isEnabled() and page.sheets.export_button.isEnabled()  # usable again


def test_viewers_can_export_but_not_import(make_ctx, qtbot):
    page = DataEntryPage(make_ctx(Role.VIEWER))
    qtbot.addWidget(page)
    assert page.sheets.export_button.isVisibleTo(page) and not page.sheets.import_button.isVisibleTo(page)


def test_a_file_edited_while_the_question_was_open_is_not_imported(page, gui_db, tmp_path):
    from openpyxl import Workbook

    path = tmp_path / "edited.xlsx"

    def write(amount: int) -> None:
        book = Workbook()
        book.active.append(["کد دستگاه", "کد ردیف", "ماه", "مبلغ (ریال)"])
        book.active.append(["101", "110104", 9, amount])
        book.save(path)

    write(111)

    def answer(text: str) -> bool:
        write(222_222_222)  # someone saves the workbook again in Excel meanwhile
        return True

    page.sheets.choose_open_path = lambda: path
    page.sheets.confirm = answer
    page.sheets.import_button.click()
    assert [e.code for e in page.ctx.errors.seen] == ["import_changed"]
    assert stored(gui_db, "101", "110104", 9) is None


def test_an_unusual_figure_is_marked_as_typed_and_saved_with_the_reason_shown_beside_it(page, gui_db):
    from rasad_desktop.gui.models.entry_model import NOTE

    model = page.model
    usual = model.rows[0].reference.usual or model.rows[0].reference.planned
    assert usual
    model.setData(model.index(0, THIS_MONTH), str(usual * 1_000))  # a thousand rials slip
    assert [w.code for w in model.warnings(0)][0] == "unit_slip"  # the likeliest cause first
    assert "هزار" in model.data(model.index(0, THIS_MONTH), Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(0, NOTE)).startswith("⚠")
    asked: list[str] = []
    page.ask_reason = lambda text: asked.append(text) or None  # the clerk cancels …
    assert not page.save() and "تأیید نشدند" in page.status.text()
    assert stored(gui_db, "101", model.rows[0].line_code, 9) is None and "هزار" in asked[0]
    page.ask_reason = lambda text: "طبق نامهٔ خزانه"  # … then confirms
    assert page.save()
    assert stored(gui_db, "101", model.rows[0].line_code, 9) == usual * 1_000
    assert page.model.data(page.model.index(0, NOTE)) == "طبق نامهٔ خزانه"  # beside the figure, after reloading


def test_an_import_with_unusual_figures_asks_why_and_keeps_it(page, gui_db, tmp_path):
    line = page.model.rows[0].line_code
    target = tmp_path / "slip.csv"
    usual = page.model.rows[0].reference.usual or page.model.rows[0].reference.planned
    target.write_text(f"کد دستگاه,کد ردیف,ماه,مبلغ (ریال)\n101,{line},9,{usual * 1_000}\n", encoding="utf-8")
    asked: list[str] = []
    page.sheets.choose_open_path = lambda: target
    page.sheets.confirm = lambda text: asked.append(text) or True
    page.sheets.ask_reason = lambda text: ""  # no reason: nothing imported
    page.sheets.import_button.click()
    assert "نامعمول" in asked[0] and "سطر ۲" in asked[0] and stored(gui_db, "101", line, 9) is None
    assert "تأیید نشدند" in page.status.text()
    page.sheets.ask_reason = lambda text: "رقم اصلاحی سامانهٔ خزانه"
    page.sheets.import_button.click()
    assert stored(gui_db, "101", line, 9) == usual * 1_000
    assert page.model.rows[0].note == "رقم اصلاحی سامانهٔ خزانه"
