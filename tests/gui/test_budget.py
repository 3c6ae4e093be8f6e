"""The Budget page: fiscal years (with last year's classification copied), classification
lines, agencies, approved amounts typed in Persian digits and saved in one transaction,
monthly schedules that must add up, period locks, and this year beside last year."""

from __future__ import annotations

import pytest
from keys import press, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication
from sqlalchemy import func, select

from rasad_desktop.core.amounts import Unit
from rasad_desktop.core.figures import monthly_targets
from rasad_desktop.db.models import Agency, AuditLog, ClassificationNode, FiscalYear, MonthlySchedule, PeriodLock
from rasad_desktop.gui.context import Changes
from rasad_desktop.gui.models.budget_models import (
    A_APPROVED,
    A_REVISED,
    C_CODE,
    C_LAST,
    C_THIS,
    S_AMOUNT,
    AgenciesModel,
    ApprovedModel,
    ComparisonModel,
    LocksModel,
    ScheduleModel,
    YearsModel,
)
from rasad_desktop.gui.pages import budget as budget_page
from rasad_desktop.gui.pages.budget import BudgetPage
from rasad_desktop.services import budget
from rasad_desktop.services.budget_admin import ApprovedChange, save_approved_many
from rasad_desktop.services.collections import Entry, save_month
from rasad_desktop.services.errors import PeriodLocked, PermissionDenied
from rasad_desktop.services.report_kinds.comparison import comparison
from rasad_desktop.services.roles import Actor, Permission, Role


# ----------------------------------------------------------------- helpers
def approved_of(db, agency: str, line: str, year: int = 1405, column: str = "provincial"):  # type: ignore[no-untyped-def]
    with db.session() as s:
        fy = budget.find_year(s, year)
        row = budget.find_assignment(s, fy, budget.find_agency(s, agency), budget.find_line(s, fy.id, line), column)
        return None if row is None else (row.approved, row.revised)


def schedule_of(db, agency: str, line: str, year: int = 1405) -> list[int]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        fy = budget.find_year(s, year)
        row = budget.find_assignment(s, fy, budget.find_agency(s, agency), budget.find_line(s, fy.id, line),
                                     "provincial")
        return [m.amount for m in sorted(row.schedule, key=lambda m: m.month)]


def count(db, model, *where) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def choose_unit(tab, unit: Unit) -> None:  # type: ignore[no-untyped-def]
    """Pick a unit as the user does (activated is not emitted by setCurrentIndex)."""
    i = tab.unit.findData(unit.key)
    tab.unit.setCurrentIndex(i)
    tab.unit.activated.emit(i)


def edit_cell(table, index, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type into a grid cell and press Enter, as a user would."""
    editing = table.state() == QAbstractItemView.State.EditingState and table.currentIndex() == index
    if not editing:  # Enter on the row above already opened this cell's editor
        table.setCurrentIndex(index)
        table.edit(index)
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not table
    type_text(editor, text)
    press(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits and closes the editor in a queued call


@pytest.fixture
def ctx(make_ctx):  # type: ignore[no-untyped-def]
    return make_ctx(Role.ADMIN)


@pytest.fixture
def page(ctx, qtbot):  # type: ignore[no-untyped-def]
    p = BudgetPage(ctx)
    qtbot.addWidget(p)
    p.resize(1100, 700)
    p.show()
    assert p.year() == 1405  # the latest year is chosen
    return p


# --------------------------------------------------------------- fiscal years
def test_creating_a_fiscal_year_with_last_years_classification_shows_it(page, gui_db, qtbot):
    tab = page.years_tab
    assert [r.year for r in tab.model.rows] == [1404, 1405]
    assert tab.new_year.value() == 1406 and tab.copy.isEnabled() and tab.copy.isChecked()
    assert "۱۴۰۵" in tab.copy.text() or "1405" in tab.copy.text()
    with qtbot.waitSignal(page.ctx.events.data_changed) as changed:
        tab.create_button.click()
    assert changed.args == [Changes.BUDGET | Changes.AUDIT]
    assert [r.year for r in tab.model.rows] == [1404, 1405, 1406]
    assert page.year() == 1406 and page.year_combo.currentData() == 1406
    assert page.year_combo.currentText() == "۱۴۰۶"
    with gui_db.session() as s:
        fy = budget.find_year(s, 1406)
        codes = set(s.scalars(select(ClassificationNode.code).where(ClassificationNode.fiscal_year_id == fy.id)))
        last = budget.find_year(s, 1405)
        last_codes = set(s.scalars(select(ClassificationNode.code)
                                   .where(ClassificationNode.fiscal_year_id == last.id)))
        actions = list(s.scalars(select(AuditLog.action).order_by(AuditLog.id.desc()).limit(2)))
    assert codes == last_codes and len(codes) > 40
    assert actions == ["lines.copy", "year.create"]
    row = next(r for r in tab.model.rows if r.year == 1406)
    assert row.lines == len(codes) and row.assignments == 0
    page.show_tab(page.classification_tab)
    assert page.classification_tab.item("110104") is not None
    assert page.classification_tab.item("140101").text(3) != ""  # earmarked, marked


def test_a_year_without_copying_and_a_year_that_exists(page, gui_db):
    tab = page.years_tab
    tab.new_year.setValue(1407)
    tab.copy.setChecked(False)
    assert tab.create_year()
    with gui_db.session() as s:
        assert s.scalar(select(func.count()).select_from(ClassificationNode)
                        .join(FiscalYear).where(FiscalYear.year == 1407)) == 0
    tab.new_year.setValue(1405)
    assert not tab.create_year()
    assert "از پیش تعریف شده" in page.status.text()  # the service's Persian message
    assert count(gui_db, FiscalYear) == 3


# ------------------------------------------------------------- classification
def test_adding_a_classification_line(page, gui_db):
    page.show_tab(page.classification_tab)
    tab = page.classification_tab
    type_text(tab.code, "۱۶۰۱۸۷")  # Persian digits
    type_text(tab.title_edit, "درآمد حاصل از خدمات آزمایشی")
    tab.earmarked.setChecked(True)
    tab.add_button.click()
    item = tab.item("160187")
    assert item is not None and item.text(1) == "درآمد حاصل از خدمات آزمایشی"
    assert item.parent().data(0, Qt.ItemDataRole.UserRole) == "160100"
    assert item.background(1).color().name() != "#000000" and item.text(3)  # earmarked is marked
    assert tab.code.text() == "" and tab.tree.currentItem() is item
    with gui_db.session() as s:
        node = budget.find_line(s, budget.find_year(s, 1405).id, "160187")
        assert node.earmarked and node.level == 4


def test_a_line_whose_group_is_missing_is_refused_in_persian(page, gui_db):
    page.show_tab(page.classification_tab)
    tab = page.classification_tab
    tab.code.setText("170101")
    tab.title_edit.setText("ردیف بی‌گروه")
    before = count(gui_db, ClassificationNode)
    assert not tab.add()
    assert "گروه بالاتر" in page.status.text()
    assert tab.code.text() == "170101"  # what was typed is kept
    assert count(gui_db, ClassificationNode) == before


# ------------------------------------------------------------------ agencies
def test_adding_renaming_and_deactivating_an_agency(page, gui_db):
    page.show_tab(page.agencies_tab)
    tab = page.agencies_tab
    tab.new_button.click()
    type_text(tab.code, "201")
    type_text(tab.name, "اداره کل آزمایشی استان")
    tab.save_button.click()
    row = tab.model.row_of("201")
    assert row >= 0 and tab.model.rows[row].name == "اداره کل آزمایشی استان"
    assert tab.code.isReadOnly()  # the selected agency is being edited now
    tab.name.setText("اداره کل آزمایشی استان (نام تازه)")
    assert tab.save_agency()
    tab.toggle_button.click()
    assert not tab.selected().active
    with gui_db.session() as s:
        agency = s.scalar(select(Agency).where(Agency.code == "201"))
        assert agency.name == "اداره کل آزمایشی استان (نام تازه)" and not agency.active
    page.show_tab(page.approved_tab)  # the new agency is offered in the other tabs
    assert page.approved_tab.agency.findData("201") >= 0


# ---------------------------------------------------------- approved amounts
def test_approved_amounts_typed_in_persian_digits_are_saved_as_integers(page, gui_db, qtbot):
    page.show_tab(page.approved_tab)
    tab = page.approved_tab
    assert tab.select("101")
    lines = [r.line_code for r in tab.model.rows]
    assert lines[:2] == ["110104", "110112"]
    audits = count(gui_db, AuditLog)
    edit_cell(tab.table, tab.model.index(0, A_APPROVED), "۴۰٬۰۰۰٬۰۰۰")  # million rials by default
    assert tab.table.currentIndex().row() == 1  # Enter moved down
    choose_unit(tab, Unit.RIAL)
    edit_cell(tab.table, tab.model.index(1, A_REVISED), "٩٬٠٠٠٬٠٠٠٬٠٠٠٬٠٠٠")  # Arabic-Indic digits
    edit_cell(tab.table, tab.model.index(2, A_APPROVED), "7.5 billion")  # Latin, a unit typed after
    assert tab.model.data(tab.model.index(0, A_APPROVED)) == "۴۰٬۰۰۰٬۰۰۰٬۰۰۰٬۰۰۰"
    assert tab.save_button.isEnabled()
    with qtbot.waitSignal(page.ctx.events.data_changed) as changed:
        assert tab.save()
    assert changed.args == [Changes.BUDGET | Changes.AUDIT]
    assert approved_of(gui_db, "101", "110104") == (40_000_000_000_000, None)
    assert approved_of(gui_db, "101", "110112") == (9_200_000_000_000, 9_000_000_000_000)
    assert approved_of(gui_db, "101", lines[2])[0] == 7_500_000_000
    assert count(gui_db, AuditLog) == audits + 3 + 1  # one record per changed line and its seal, one transaction
    assert not tab.model.is_dirty and not tab.save_button.isEnabled()
    assert tab.model.data(tab.model.index(0, A_APPROVED), Qt.ItemDataRole.UserRole) == 40_000_000_000_000


def test_a_line_added_in_the_grid_is_saved_with_its_amount(page, gui_db):
    page.show_tab(page.approved_tab)
    tab = page.approved_tab
    assert tab.select("101")
    assert approved_of(gui_db, "101", "160186", column="national") is None
    tab.column.setCurrentIndex(tab.column.findData("national"))
    tab.line.setCurrentIndex(tab.line.findData("160186"))
    tab.add_button.click()
    row = len(tab.model.rows) - 1
    assert tab.model.rows[row].line_code == "160186" and tab.model.rows[row].new
    assert tab.table.state() == QAbstractItemView.State.EditingState  # typing starts at once
    assert not tab.save()  # no amount yet: refused, nothing saved
    assert approved_of(gui_db, "101", "160186", column="national") is None
    edit_cell(tab.table, tab.model.index(row, A_APPROVED), "۲۵۰")
    assert tab.save()
    assert approved_of(gui_db, "101", "160186", column="national") == (250_000_000, None)


def test_approved_amounts_pasted_with_their_codes_go_to_their_lines(page):
    from PySide6.QtWidgets import QApplication

    page.show_tab(page.approved_tab)
    tab = page.approved_tab
    assert tab.select("101")
    lines = [r.line_code for r in tab.model.rows]
    QApplication.clipboard().setText(f"{lines[1]}\t۷\r\n{lines[0]}\t۸\r\n")
    tab.table.setCurrentIndex(tab.model.index(3, A_APPROVED))
    tab.paste()
    assert tab.model.data(tab.model.index(1, A_APPROVED), Qt.ItemDataRole.EditRole) == "۷"
    assert tab.model.data(tab.model.index(0, A_APPROVED), Qt.ItemDataRole.EditRole) == "۸"
    assert tab.model.is_dirty


def test_the_approved_amounts_go_out_to_excel_and_an_edited_workbook_comes_back(page, gui_db, tmp_path):
    from openpyxl import load_workbook

    page.show_tab(page.approved_tab)
    tab = page.approved_tab
    assert tab.select("101")
    target = tmp_path / "law.xlsx"
    tab.sheets.choose_save_path = lambda suggested: target
    tab.sheets.export_button.click()
    book = load_workbook(target)
    row = next(r for r in book.worksheets[0].iter_rows(min_row=2) if r[0].value == "101" and r[2].value == "110104")
    row[5].value = 41_000_000_000_000
    book.save(target)
    tab.sheets.choose_open_path = lambda: target
    asked: list[str] = []
    tab.sheets.confirm = lambda text: asked.append(text) or True
    tab.sheets.import_button.click()
    assert len(asked) == 1 and "۱ رقم" in asked[0]
    assert approved_of(gui_db, "101", "110104") == (41_000_000_000_000, None)
    assert tab.model.data(tab.model.index(0, A_APPROVED), Qt.ItemDataRole.UserRole) == 41_000_000_000_000
    assert "ثبت شد" in page.status.text()


def test_invalid_amount_text_is_kept_and_nothing_is_saved(page, gui_db):
    page.show_tab(page.approved_tab)
    tab = page.approved_tab
    assert tab.select("101")
    before = (approved_of(gui_db, "101", "110104"), approved_of(gui_db, "101", "110112"), count(gui_db, AuditLog))
    edit_cell(tab.table, tab.model.index(0, A_APPROVED), "۱۲۳")
    edit_cell(tab.table, tab.model.index(1, A_APPROVED), "۱۲الف")
    index = tab.model.index(1, A_APPROVED)
    assert tab.model.data(index) == "۱۲الف"  # what was typed is kept
    tip = tab.model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert tip and "معتبر" in tip
    assert tab.model.data(index, Qt.ItemDataRole.BackgroundRole).color().name() == "#f6d5d5"
    assert not tab.save()
    assert (approved_of(gui_db, "101", "110104"), approved_of(gui_db, "101", "110112"),
            count(gui_db, AuditLog)) == before  # not even the valid cell
    assert "معتبر" in page.status.text()
    assert tab.table.currentIndex() == index and tab.model.is_dirty


def test_a_negative_amount_or_a_schedule_broken_by_a_new_amount_is_refused(page, gui_db):
    page.show_tab(page.approved_tab)
    tab = page.approved_tab
    assert tab.select("104")  # 160112 has a communicated schedule
    tab.model.setData(tab.model.index(0, A_APPROVED), "-5")
    assert tab.model.errors() and not tab.save()
    tab.model.setData(tab.model.index(0, A_APPROVED), "۵٬۰۰۰٬۰۰۰")
    before = approved_of(gui_db, "104", "160112")
    assert not tab.save()
    assert "برنامهٔ ماهانه" in page.status.text()  # the service's Persian message
    assert approved_of(gui_db, "104", "160112") == before and tab.model.is_dirty


def test_leaving_with_unsaved_amounts_asks(page, gui_db):
    page.show_tab(page.approved_tab)
    tab = page.approved_tab
    assert tab.select("101")
    tab.model.setData(tab.model.index(0, A_APPROVED), "۱")
    asked = []
    page.ask_unsaved = lambda: asked.append(1) or budget_page.CANCEL
    assert not tab.select("102")
    assert asked and tab.agency.currentData() == "101" and tab.model.is_dirty
    assert not page.select_year(1404) and page.year() == 1405
    assert not page.can_leave()
    page.ask_unsaved = lambda: budget_page.DISCARD
    assert tab.select("102") and not tab.model.is_dirty
    assert approved_of(gui_db, "101", "110104")[0] != 1_000_000
    assert tab.select("101")
    tab.model.setData(tab.model.index(0, A_APPROVED), "۱")
    page.ask_unsaved = lambda: budget_page.SAVE
    assert page.select_year(1404) and page.year() == 1404
    assert approved_of(gui_db, "101", "110104")[0] == 1_000_000
    assert tab.model.rows and all(r.line_code for r in tab.model.rows)  # 1404's lines now


# ------------------------------------------------------------ monthly schedule
def test_a_schedule_that_does_not_add_up_is_refused_and_spread_evenly_fixes_it(page, gui_db):
    page.show_tab(page.schedule_tab)
    tab = page.schedule_tab
    assert tab.select("101", "110104")
    annual = approved_of(gui_db, "101", "110104")[0]
    assert tab.model.implied and tab.model.amounts() == monthly_targets(annual)  # no schedule yet
    assert schedule_of(gui_db, "101", "110104") == []
    edit_cell(tab.table, tab.model.index(0, S_AMOUNT), "۱٬۰۰۰")  # Farvardin: 1,000 million
    assert tab.table.currentIndex().row() == 1
    assert tab.model.total() != annual
    assert "9b1c1c" in tab.sum_label.styleSheet()  # the sum that does not add up shows in red
    assert not tab.save()
    assert "برابر نیست" in page.status.text()  # the service's Persian message
    assert schedule_of(gui_db, "101", "110104") == [] and tab.model.is_dirty
    tab.spread_button.click()
    assert tab.model.total() == annual
    assert tab.save()
    assert schedule_of(gui_db, "101", "110104") == monthly_targets(annual)
    assert not tab.model.implied and tab.remove_button.isEnabled()


def test_a_communicated_schedule_is_edited_and_removed(page, gui_db):
    page.show_tab(page.schedule_tab)
    tab = page.schedule_tab
    assert tab.select("104", "160112")
    months = schedule_of(gui_db, "104", "160112")
    assert not tab.model.implied and tab.model.amounts() == months
    choose_unit(tab, Unit.RIAL)
    # move a million rials from Farvardin to Esfand: the total still matches
    tab.model.setData(tab.model.index(0, S_AMOUNT), str(months[0] - 1_000_000))
    tab.model.setData(tab.model.index(11, S_AMOUNT), str(months[11] + 1_000_000))
    assert tab.save()
    assert schedule_of(gui_db, "104", "160112")[::11] == [months[0] - 1_000_000, months[11] + 1_000_000]
    assert tab.remove()
    assert schedule_of(gui_db, "104", "160112") == [] and tab.model.implied


def test_the_approved_grid_opens_a_lines_schedule(page):
    page.show_tab(page.approved_tab)
    tab = page.approved_tab
    assert tab.select("104")
    tab.table.setCurrentIndex(tab.model.index(0, A_APPROVED))
    tab.schedule_button.click()
    assert page.current_tab() is page.schedule_tab
    assert page.schedule_tab.choice() == (1405, "104", "160112/provincial")


# -------------------------------------------------------------- period locks
def test_locking_a_month_stops_its_collections(page, gui_db, make_ctx):
    clerk = make_ctx(Role.DATA_ENTRY).actor
    page.show_tab(page.locks_tab)
    tab = page.locks_tab
    tab.select_month(9)
    type_text(tab.reason, "تطبیق با خزانه")
    assert tab.lock_button.isEnabled() and not tab.unlock_button.isEnabled()
    tab.lock_button.click()
    assert tab.model.rows[8].locked and tab.model.rows[8].reason == "تطبیق با خزانه"
    assert tab.model.data(tab.model.index(8, 2)) == "boss"
    assert count(gui_db, PeriodLock) == 1
    with gui_db.session() as s, pytest.raises(PeriodLocked) as err:
        save_month(s, clerk, 1405, 9, "101", [Entry("110104", 5)])
    assert "بسته شده" in err.value.message_fa
    assert tab.unlock_button.isEnabled()
    tab.unlock_button.click()
    assert not tab.model.rows[8].locked
    with gui_db.session() as s:
        assert save_month(s, clerk, 1405, 9, "101", [Entry("110104", 5)]) == 1


# ----------------------------------------------------- this year beside last
def test_the_comparison_rows_match_the_report_data(page, gui_db):
    page.show_tab(page.comparison_tab)
    model = page.comparison_tab.model
    with gui_db.session() as s:
        data = comparison(s, 1405)
    assert len(model.rows) == len(data["lines"]) + 1  # and a total row
    for row, line in enumerate(data["lines"]):
        assert model.data(model.index(row, C_CODE), Qt.ItemDataRole.UserRole) == line["code"]
        assert model.data(model.index(row, C_THIS), Qt.ItemDataRole.UserRole) == line["annual"]
        assert model.data(model.index(row, C_LAST), Qt.ItemDataRole.UserRole) == line["annual_last"]
    total = model.rows[-1]
    assert total.total and total.annual == sum(r["annual"] for r in data["lines"])
    assert model.data(model.index(0, C_CODE)) == "۱۱۰۱۰۴"  # Persian digits
    assert model.data(model.index(0, 5)).endswith("٪")
    tab = page.comparison_tab
    tab.by.setCurrentIndex(tab.by.findData("agency"))
    tab.by.activated.emit(tab.by.currentIndex())
    assert [r.code for r in model.rows[:-1]] == [a["code"] for a in data["agencies"]]


def test_the_comparison_follows_the_year(page):
    page.show_tab(page.comparison_tab)
    assert page.select_year(1404)
    model = page.comparison_tab.model
    assert model.year == 1404 and all(r.annual_last == 0 for r in model.rows)  # no 1403 in the demo


# -------------------------------------------------------------------- roles
@pytest.mark.parametrize("role", [Role.DATA_ENTRY, Role.REPORT_OFFICER, Role.VIEWER])
def test_other_roles_are_refused_by_the_services(make_ctx, gui_db, role):
    ctx = make_ctx(role)
    assert not ctx.can(BudgetPage.permission) and BudgetPage.permission is Permission.MANAGE_BUDGET
    before = approved_of(gui_db, "101", "110104")
    schedules = count(gui_db, MonthlySchedule)
    with gui_db.session() as s, pytest.raises(PermissionDenied) as err:
        save_approved_many(s, ctx.actor, 1405, "101", [ApprovedChange("110104", 1)])
    assert "اجازه" in err.value.message_fa
    assert approved_of(gui_db, "101", "110104") == before
    with gui_db.session() as s, pytest.raises(PermissionDenied):
        budget.set_schedule(s, ctx.actor, 1405, "101", "110104", monthly_targets(before[0]))
    assert count(gui_db, MonthlySchedule) == schedules


# ------------------------------------------------------------------- models
def test_every_budget_model_passes_the_model_tester(page, qtmodeltester):
    for model in (YearsModel(), AgenciesModel(), ApprovedModel(), ScheduleModel(), LocksModel(), ComparisonModel()):
        qtmodeltester.check(model)
    page.approved_tab.select("101")
    page.approved_tab.add_line("160186")
    page.approved_tab.model.setData(page.approved_tab.model.index(0, A_APPROVED), "۱۲الف")
    page.schedule_tab.select("104", "160112")
    for tab in page.all_tabs:
        tab.ensure_loaded()
    for model in (page.years_tab.model, page.agencies_tab.model, page.approved_tab.model,
                  page.schedule_tab.model, page.locks_tab.model, page.comparison_tab.model):
        assert model.rowCount() > 0
        qtmodeltester.check(model)


def test_numbers_align_on_the_trailing_side_and_text_on_the_leading_side(page):
    """AlignTrailing is AlignRight without AlignAbsolute: Qt mirrors it in right to left."""
    page.show_tab(page.approved_tab)
    model = page.approved_tab.model

    def alignment(col: int) -> Qt.AlignmentFlag:
        return Qt.AlignmentFlag(model.data(model.index(0, col), Qt.ItemDataRole.TextAlignmentRole))

    assert alignment(A_APPROVED) & Qt.AlignmentFlag.AlignHorizontal_Mask == Qt.AlignmentFlag.AlignTrailing
    assert alignment(1) & Qt.AlignmentFlag.AlignHorizontal_Mask == Qt.AlignmentFlag.AlignLeading
    assert not alignment(A_APPROVED) & Qt.AlignmentFlag.AlignAbsolute
    assert page.layoutDirection() == Qt.LayoutDirection.RightToLeft


def test_ctrl_s_saves_the_grid_and_a_click_elsewhere_keeps_the_clicked_cell(page, gui_db):
    page.show_tab(page.approved_tab)
    tab = page.approved_tab
    assert tab.select("101")
    page.activateWindow()
    index = tab.model.index(0, A_APPROVED)
    tab.table.setCurrentIndex(index)
    tab.table.edit(index)
    type_text(QApplication.focusWidget(), "۴۱٬۰۰۰٬۰۰۰")
    clicked = tab.model.index(3, A_REVISED)
    tab.table.setCurrentIndex(clicked)  # as a mouse click on another row while editing
    QApplication.processEvents()
    assert tab.table.currentIndex() == clicked  # committed, and not moved one row further
    assert tab.model.value(0, A_APPROVED) == 41_000_000_000_000
    tab.table.setFocus()
    press(tab.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert approved_of(gui_db, "101", "110104") == (41_000_000_000_000, None)
    assert not tab.model.is_dirty


def test_an_empty_database_starts_with_the_first_year(make_ctx, qtbot, tmp_path):
    from rasad_desktop.db.database import Database

    ctx = make_ctx(Role.ADMIN)
    ctx.db = Database.open(f"sqlite:///{(tmp_path / 'empty.db').as_posix()}")
    ctx.actor = Actor("setup", Role.ADMIN)  # the empty database has no accounts (the command line's kind of actor)
    try:
        page = BudgetPage(ctx)
        qtbot.addWidget(page)
        page.show()
        assert page.year() is None
        for tab in page.all_tabs:
            page.show_tab(tab)  # every tab copes with no year at all
        page.show_tab(page.years_tab)
        assert not page.years_tab.copy.isEnabled()  # nothing to copy from
        page.years_tab.new_year.setValue(1405)
        assert page.years_tab.create_year() and page.year() == 1405
        page.show_tab(page.agencies_tab)
        page.agencies_tab.code.setText("101")
        page.agencies_tab.name.setText("اداره کل امور مالیاتی استان")
        assert page.agencies_tab.save_agency()
        page.show_tab(page.schedule_tab)
        assert page.schedule_tab.line.count() == 0 and page.schedule_tab.info.text()
    finally:
        ctx.db.close()
