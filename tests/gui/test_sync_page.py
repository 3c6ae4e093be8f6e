"""The Synchronisation page on an office and an enrolled workstation (each a database of its
own, ``tests/sync_world.py``): packages made and taken through the page, the preview's
counts, the conflicts listed and decided with the buttons, workstations enrolled, retired
and given agencies; joining the office at the first start; no issuing on a workstation.
File choosers and message boxes are the page's attributes, answered by the test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from sync_world import ADMIN, Node, build_office, clerk, enrol

from rasad_desktop.config import Settings
from rasad_desktop.db.database import Database
from rasad_desktop.gui.context import AppContext, AppServices, Changes
from rasad_desktop.gui.dialogs.first_start import FirstStartDialog
from rasad_desktop.gui.dialogs.sync_dialogs import (
    AssignAgenciesDialog,
    EnrolDialog,
    EnrolmentCodeDialog,
    JoinDialog,
    PackagePreviewDialog,
)
from rasad_desktop.gui.models.sync_models import (
    C_FROM,
    C_HERE,
    C_HERE_BY,
    C_THEIRS,
    C_THEIRS_BY,
    C_WHAT,
    W_AGENCIES,
    W_NUMBER,
    W_STATE,
)
from rasad_desktop.gui.pages.reports import ReportsPage
from rasad_desktop.gui.pages.sync import SyncPage, package_name
from rasad_desktop.gui.runner import SyncRunner
from rasad_desktop.services.roles import Actor, Role
from rasad_desktop.services.sync import enrolment, state

CELL = ("3", "140101", 5)


class Errors:
    def __init__(self) -> None:
        self.seen: list[BaseException] = []

    def __call__(self, parent: object, exc: BaseException) -> None:
        self.seen.append(exc)


def context(node: Node, actor: Actor) -> AppContext:
    services = AppServices(db=node.db, settings=Settings(node.data_dir), data_dir=node.data_dir,
                           runner=SyncRunner(Errors()), language="fa", no_dialogs=True)
    return services.signed_in(actor, actor.username)


def _new_db(folder: Path) -> Database:
    folder.mkdir(parents=True, exist_ok=True)
    return Database.open(f"sqlite:///{(folder / 'rasad.db').as_posix()}")


@pytest.fixture
def world(tmp_path: Path) -> Iterator[tuple[Node, Node]]:
    office = build_office(_new_db(tmp_path / "office"), tmp_path / "office")
    ws = enrol(office, tmp_path / "ws", "پیشخوان یک")
    yield office, ws
    ws.db.close()
    office.db.close()


class Answers:
    """Stands in for the modal loops: what each dialog is answered, and what was asked."""

    def __init__(self, *, apply: bool = True, confirm: bool = True, enrol_name: str = "",
                 ticked: set[str] | None = None) -> None:
        self.apply, self.answer, self.enrol_name, self.ticked = apply, confirm, enrol_name, ticked
        self.dialogs: list[QDialog] = []
        self.questions: list[str] = []
        self.told: list[str] = []
        self.preview: dict[str, str] = {}
        self.preview_lines: list[str] = []
        self.code = ""

    def __call__(self, dialog: QDialog) -> int:
        self.dialogs.append(dialog)
        if isinstance(dialog, PackagePreviewDialog):
            self.preview = {key: label.text() for key, label in dialog.counts.items()}
            self.preview_lines = [dialog.model.data(dialog.model.index(r, 0), Qt.ItemDataRole.UserRole)
                                  for r in range(dialog.model.rowCount())]
            (dialog.ok if self.apply else dialog.buttons.buttons()[-1]).click()
        elif isinstance(dialog, EnrolDialog):
            dialog.name.setText(self.enrol_name)
            dialog.ok.click()
        elif isinstance(dialog, EnrolmentCodeDialog):
            self.code = dialog.code.text()
            dialog.copy_button.click()
            dialog.accept()
        elif isinstance(dialog, AssignAgenciesDialog):
            dialog.set_ticked(self.ticked or set())
            dialog.ok.click()
        return dialog.result()

    def confirm(self, question: str) -> bool:
        self.questions.append(question)
        return self.answer


def open_page(qtbot, node: Node, actor: Actor, answers: Answers, folder: Path) -> SyncPage:  # type: ignore[no-untyped-def]
    page = SyncPage(context(node, actor))
    qtbot.addWidget(page)
    page.exec_dialog = answers
    page.confirm = answers.confirm
    page.inform = answers.told.append
    folder.mkdir(parents=True, exist_ok=True)
    page.choose_save_path = lambda suggested, kind: folder / suggested
    page.resize(1180, 700)
    page.show()
    return page


def carry(qtbot, sender: SyncPage, receiver: SyncPage, to: int | None = None) -> Path:  # type: ignore[no-untyped-def]
    """A package made on one page and taken on the other, as a user would."""
    made: list[Path] = []
    choose = sender.choose_save_path
    sender.choose_save_path = lambda suggested, kind: made.append(choose(suggested, kind)) or made[-1]  # type: ignore[func-returns-value]
    if to is not None:
        sender.recipient.setCurrentIndex(sender.recipient.findData(to))
    qtbot.mouseClick(sender.export_button, Qt.MouseButton.LeftButton)
    sender.choose_save_path = choose
    [path] = made
    assert path.exists()
    receiver.choose_open_path = lambda: path
    qtbot.mouseClick(receiver.import_button, Qt.MouseButton.LeftButton)
    return path


def cell_text(page: SyncPage, row: int, col: int) -> str:
    return str(page.conflicts_model.data(page.conflicts_model.index(row, col)))


# ------------------------------------------------------------------ what the page shows
def test_the_office_page_says_what_it_is_and_lists_its_workstations(qtbot, world, tmp_path, persian):
    office, ws = world
    page = open_page(qtbot, office, ADMIN, Answers(), tmp_path / "out")
    assert page.title() == "همگام‌سازی"
    assert page.identity.text() == "این پایگاه داده، پایگاه دفتر است."
    assert not page.copy_banner.isVisible() and page.workstations_box.isVisible()
    assert page.recipient.count() == 1 and page.recipient.currentData() == ws.number
    m = page.workstations_model
    assert m.rowCount() == 1 and m.data(m.index(0, W_NUMBER), Qt.ItemDataRole.UserRole) == ws.number
    assert m.data(m.index(0, W_NUMBER)) == "۲"  # Persian digits
    assert m.data(m.index(0, W_AGENCIES)) == "همه" and m.data(m.index(0, W_STATE)) == "فعال"
    assert page.keep_office_button.isVisible() and not page.keep_office_button.isEnabled()  # nothing chosen
    assert page.conflicts_model.rowCount() == 0 and "تعارضی نیست" in page.conflicts_note.text()
    assert page.layoutDirection() == Qt.LayoutDirection.RightToLeft


def test_the_workstation_page_has_no_workstations_and_no_decisions(qtbot, world, tmp_path, persian):
    _, ws = world
    page = open_page(qtbot, ws, clerk(ws.name), Answers(), tmp_path / "out")
    assert page.identity.text() == "این پایگاه داده ایستگاه کاری ۲ «پیشخوان یک» دفتر است."
    assert not page.workstations_box.isVisible() and not page.recipient.isVisible()
    assert not page.keep_office_button.isVisible() and not page.keep_workstation_button.isVisible()
    assert page.export_button.text() == "ساختن بسته برای دفتر…" and page.export_button.isEnabled()


def test_a_copy_of_a_workstation_says_so_and_makes_no_package(qtbot, world, tmp_path, persian):
    from rasad_desktop.services.sync.node import check_copy

    _, ws = world
    (ws.data_dir / "workstation.json").unlink()  # the database opened in a folder it was not enrolled in
    with ws.db.session() as s:
        assert check_copy(s, ws.data_dir)
    page = open_page(qtbot, ws, clerk(ws.name), Answers(), tmp_path / "out")
    assert page.copy_banner.isVisible() and "رونوشت" in page.copy_banner.text()
    assert not page.export_button.isEnabled() and not page.import_button.isEnabled()


def test_package_names_say_the_date_and_the_recipient():
    import datetime as dt

    assert package_name(0, 3, dt.date(2026, 12, 1)) == "rasad-1405-09-10-to-ws3.rsp"
    assert package_name(3, 0, dt.date(2026, 12, 1)) == "rasad-1405-09-10-ws3-to-office.rsp"


# ------------------------------------------------------------------ packages, preview, conflicts
def test_export_import_preview_conflict_and_its_decision(qtbot, world, tmp_path, persian):
    office, ws = world
    office.set_cell(*CELL, 1_000)
    office_page = open_page(qtbot, office, ADMIN, office_answers := Answers(), tmp_path / "out")
    ws_page = open_page(qtbot, ws, clerk(ws.name), ws_answers := Answers(), tmp_path / "out")
    carry(qtbot, office_page, ws_page, to=ws.number)
    assert ws_answers.preview["applied"] == "۱" and ws_answers.preview["conflicts"] == "۰"
    assert ws.cells()[CELL][0] == 1_000
    assert "۱ تغییر اعمال شد" in ws_page.message.text() and ws_answers.told

    # both sides change the cell; the workstation also enters a new figure
    office.set_cell(*CELL, 1_700)
    ws.set_cell(*CELL, 1_500)
    ws.set_cell("1", "110104", 2, 42_000)
    changes: list[Changes] = []
    office_page.ctx.events.data_changed.connect(changes.append)
    carry(qtbot, ws_page, office_page)
    assert office_answers.preview == {"applied": "۱", "present": "۰", "held": "۰", "conflicts": "۱"}
    assert sorted(office_answers.preview_lines) == ["applied", "conflict"]
    assert changes and changes[-1] & Changes.ALL == Changes.ALL  # anything may have changed
    assert office.cells()[CELL][0] == 1_700  # nothing overwritten
    assert office.cells()[("1", "110104", 2)][0] == 42_000
    assert "۱ تعارض" in office_page.message.text()

    # the conflict, listed with both values, users and local Jalali times
    assert office_page.conflicts_model.rowCount() == 1
    assert cell_text(office_page, 0, C_FROM) == "ایستگاه ۲ «پیشخوان یک»"
    assert "«اداره کل پ»" in cell_text(office_page, 0, C_WHAT)
    assert "۱٬۵۰۰" in cell_text(office_page, 0, C_THEIRS) and "۱٬۷۰۰" in cell_text(office_page, 0, C_HERE)
    assert f"clerk-{ws.name}" in cell_text(office_page, 0, C_THEIRS_BY)
    assert "admin-office" in cell_text(office_page, 0, C_HERE_BY) and "۱۴" in cell_text(office_page, 0, C_HERE_BY)
    assert office_page.workstations_model.data(office_page.workstations_model.index(0, 3)) == "۱"

    # a refused confirmation changes nothing
    office_page.select_conflict(0)
    assert office_page.keep_workstation_button.isEnabled()
    office_answers.answer = False
    qtbot.mouseClick(office_page.keep_workstation_button, Qt.MouseButton.LeftButton)
    assert office.cells()[CELL][0] == 1_700 and office_page.conflicts_model.rowCount() == 1
    assert "۱٬۵۰۰" in office_answers.questions[-1] and "ایستگاه ۲" in office_answers.questions[-1]

    office_answers.answer = True
    qtbot.mouseClick(office_page.keep_workstation_button, Qt.MouseButton.LeftButton)
    assert office.cells()[CELL][0] == 1_500
    assert office_page.conflicts_model.rowCount() == 0 and office.conflicts() == []
    assert "تعارضی نیست" in office_page.conflicts_note.text()

    # the decision reaches the workstation with the office's next package
    carry(qtbot, office_page, ws_page, to=ws.number)
    assert ws.cells()[CELL][0] == 1_500 and ws_page.conflicts_model.rowCount() == 0


def test_keeping_the_office_value(qtbot, world, tmp_path, persian):
    office, ws = world
    office_page = open_page(qtbot, office, ADMIN, answers := Answers(), tmp_path / "out")
    ws_page = open_page(qtbot, ws, clerk(ws.name), Answers(), tmp_path / "out")
    office.set_cell(*CELL, 9)
    ws.set_cell(*CELL, 8)
    carry(qtbot, ws_page, office_page)
    office_page.select_conflict(0)
    qtbot.mouseClick(office_page.keep_office_button, Qt.MouseButton.LeftButton)
    assert "دفتر" in answers.questions[-1]
    assert office.cells()[CELL][0] == 9 and office_page.conflicts_model.rowCount() == 0
    carry(qtbot, office_page, ws_page, to=ws.number)
    assert ws.cells()[CELL][0] == 9


def test_a_conflict_at_the_workstation_is_read_only_until_the_office_decides(qtbot, world, tmp_path, persian):
    office, ws = world
    office_page = open_page(qtbot, office, ADMIN, Answers(), tmp_path / "out")
    ws_page = open_page(qtbot, ws, clerk(ws.name), answers := Answers(), tmp_path / "out")
    office.set_cell(*CELL, 5)
    ws.set_cell(*CELL, 6)
    carry(qtbot, office_page, ws_page, to=ws.number)
    assert answers.preview["conflicts"] == "۱"
    assert ws_page.conflicts_model.rowCount() == 1
    assert "در انتظار تصمیم دفتر" in ws_page.conflicts_note.text()
    assert "در انتظار تصمیم دفتر" in ws_page.message.text()
    assert cell_text(ws_page, 0, C_FROM) == "دفتر"
    ws_page.select_conflict(0)
    assert not ws_page.keep_office_button.isVisible()
    ws_page.resolve("office")  # even called directly, a workstation decides nothing
    assert ws.cells()[CELL][0] == 6 and ws_page.conflicts_model.rowCount() == 1


def test_declining_the_preview_takes_nothing(qtbot, world, tmp_path, persian):
    office, ws = world
    office_page = open_page(qtbot, office, ADMIN, Answers(apply=False), tmp_path / "out")
    ws_page = open_page(qtbot, ws, clerk(ws.name), Answers(), tmp_path / "out")
    ws.set_cell("1", "110104", 4, 77)
    carry(qtbot, ws_page, office_page)
    assert ("1", "110104", 4) not in office.cells()
    assert "چیزی تغییر نکرد" in office_page.message.text()


def test_after_taking_a_package_the_gaps_are_named(qtbot, world, tmp_path, persian):
    office, ws = world
    office_page = open_page(qtbot, office, ADMIN, answers := Answers(), tmp_path / "out")
    ws_page = open_page(qtbot, ws, clerk(ws.name), Answers(), tmp_path / "out")
    for month in (1, 2, 3, 4):
        ws.set_cell("1", "110104", month, month * 100)
    office.take(ws.export())  # changes 1–4
    for month in (5, 6, 7):
        ws.set_cell("1", "110104", month, month * 100)  # changes 5–7, whose package is lost
    ws.set_cell("1", "110104", 8, 800)
    with ws.db.session() as s:  # as if the office had said it holds up to 7
        state.set_have(s, 0, {ws.number: 7})
        s.commit()
    carry(qtbot, ws_page, office_page)
    assert answers.preview["held"] == "۱"
    assert "تغییرهای ۵ تا ۷ از ایستگاه ۲ هنوز نرسیده است" in office_page.message.text()
    assert ("1", "110104", 8) not in office.cells()


def test_a_damaged_package_is_refused_with_its_message(qtbot, world, tmp_path, persian):
    office, _ = world
    page = open_page(qtbot, office, ADMIN, answers := Answers(), tmp_path / "out")
    bad = tmp_path / "bad.rsp"
    bad.write_bytes(b"not a package at all")
    page.choose_open_path = lambda: bad
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert answers.dialogs == [] and page.message.text()  # told in the message line, no preview
    assert page.ctx.runner.on_error.seen == []  # type: ignore[attr-defined]  # not a crash


# ------------------------------------------------------------------ workstations
def test_enrol_a_workstation_shows_its_code_and_the_file_joins(qtbot, world, tmp_path, persian):
    office, _ = world
    page = open_page(qtbot, office, ADMIN, answers := Answers(enrol_name="شهرستان مرند"), tmp_path / "out")
    qtbot.mouseClick(page.enrol_button, Qt.MouseButton.LeftButton)
    [made] = (tmp_path / "out").glob("*.rse")
    assert answers.code and len([c for c in answers.code if c.isdigit()]) == 20
    assert all(c in "۰۱۲۳۴۵۶۷۸۹-" for c in answers.code)  # Persian digits
    assert QApplication.clipboard().text() == answers.code
    rows = page.workstations_model.rows
    assert [r.name for r in rows] == ["پیشخوان یک", "شهرستان مرند"]
    assert page.selected_workstation() is not None and page.selected_workstation().name == "شهرستان مرند"
    assert page.recipient.count() == 2
    # the file and the code (as shown, Persian digits) make a new database the workstation
    target = tmp_path / "new-ws"
    db = _new_db(target)
    try:
        with db.session() as s:
            node = enrolment.join(s, Actor.console(), made.read_bytes(), answers.code, target)
            assert node.station == rows[1].number
    finally:
        db.close()


def test_retire_a_workstation_after_confirming(qtbot, world, tmp_path, persian):
    office, ws = world
    page = open_page(qtbot, office, ADMIN, answers := Answers(confirm=False), tmp_path / "out")
    page.select_workstation(ws.number)
    qtbot.mouseClick(page.retire_button, Qt.MouseButton.LeftButton)
    assert not page.workstations_model.rows[0].retired and "پیشخوان یک" in answers.questions[0]
    answers.answer = True
    qtbot.mouseClick(page.retire_button, Qt.MouseButton.LeftButton)
    assert page.workstations_model.rows[0].retired
    assert page.recipient.count() == 0 and not page.export_button.isEnabled()
    assert not page.retire_button.isEnabled()


def owners(node: Node) -> dict[str, int | None]:
    from sqlalchemy import select

    from rasad_desktop.db.models import Agency

    with node.db.session() as s:
        return {code: owner for code, owner in s.execute(select(Agency.code, Agency.owner_station))}


def test_give_and_take_back_agencies(qtbot, world, tmp_path, persian):
    office, ws = world
    page = open_page(qtbot, office, ADMIN, answers := Answers(ticked={"1", "3"}), tmp_path / "out")
    page.select_workstation(ws.number)
    qtbot.mouseClick(page.assign_button, Qt.MouseButton.LeftButton)
    assert page.workstations_model.rows[0].owned_agencies == 2
    assert page.workstations_model.data(page.workstations_model.index(0, W_AGENCIES)) == "۲"
    dialog = answers.dialogs[-1]
    assert isinstance(dialog, AssignAgenciesDialog)
    answers.ticked = {"3"}
    qtbot.mouseClick(page.assign_button, Qt.MouseButton.LeftButton)
    assert page.workstations_model.rows[0].owned_agencies == 1
    reopened = answers.dialogs[-1]
    assert isinstance(reopened, AssignAgenciesDialog) and reopened.owner == {"1": ws.number, "2": None, "3": ws.number}
    assert owners(office) == {"1": None, "2": None, "3": ws.number}  # "1" given back to every workstation


def test_the_agency_list_is_searchable_in_either_digits(qtbot, world, tmp_path, persian):
    office, ws = world
    ctx = context(office, ADMIN)
    dialog = AssignAgenciesDialog(ctx, ws.number, ws.name, [("1", "اداره کل الف", None), ("2", "اداره کل ب", 3),
                                                          ("12", "اداره کل پ", ws.number)])
    qtbot.addWidget(dialog)
    assert dialog.ticked() == {"12"} and "(اکنون ایستگاه ۳)" in dialog.list.item(1).text()
    dialog.search.setText("۲")
    assert [dialog.list.item(i).isHidden() for i in range(3)] == [True, False, False]
    dialog.search.setText("الف")
    assert [dialog.list.item(i).isHidden() for i in range(3)] == [False, True, True]


# ------------------------------------------------------------------ keyboard
def test_keyboard_in_the_dialogs(qtbot, world, tmp_path, persian):
    from keys import press, type_text

    from rasad_desktop.services.sync import packages

    office, ws = world
    ws.set_cell("1", "110104", 4, 77)
    with office.db.session() as s:
        preview = packages.preview_package(s, ADMIN, ws.export(), office.data_dir)
    dialog = PackagePreviewDialog(preview, "p.rsp")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.focusWidget() is dialog.ok
    press(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()

    enrol_dialog = EnrolDialog()
    qtbot.addWidget(enrol_dialog)
    enrol_dialog.show()
    type_text(enrol_dialog.name, "پیشخوان")
    press(enrol_dialog.name, Qt.Key.Key_Return)
    assert enrol_dialog.result() == QDialog.DialogCode.Accepted and enrol_dialog.chosen_name() == "پیشخوان"

    agencies = AssignAgenciesDialog(context(office, ADMIN), ws.number, ws.name, [("1", "الف", None), ("2", "ب", None)])
    qtbot.addWidget(agencies)
    agencies.show()
    agencies.search.setText("ب")
    press(agencies.search, Qt.Key.Key_Return)  # goes to the list; it does not save
    assert agencies.isVisible() and agencies.result() != QDialog.DialogCode.Accepted
    assert agencies.focusWidget() is agencies.list and agencies.list.currentItem().text().endswith("ب")


def test_the_page_is_reached_in_a_sensible_tab_order(qtbot, world, tmp_path, persian):
    office, _ = world
    page = open_page(qtbot, office, ADMIN, Answers(), tmp_path / "out")
    order = [page.recipient, page.export_button, page.import_button, page.conflicts_table,
             page.keep_office_button, page.keep_workstation_button, page.workstations_table, page.enrol_button,
             page.assign_button, page.retire_button]
    chain, w = [], page.recipient
    for _ in range(len(order)):
        chain.append(w)
        w = w.nextInFocusChain()
        while w not in order:
            w = w.nextInFocusChain()
    assert chain == order


# ------------------------------------------------------------------ the first start
def _enrolment_file(office: Node, folder: Path) -> tuple[Path, str, int]:
    with office.db.session() as s:
        made = enrolment.add(s, ADMIN, "پیشخوان دو", office.data_dir, office_station=1)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "ws.rse"
    path.write_bytes(made.data)
    return path, made.code, made.number


def test_joining_at_the_first_start(qtbot, world, tmp_path, persian):
    from rasad_desktop.core.digits import to_persian_digits
    from rasad_desktop.gui.app import start
    from rasad_desktop.gui.dialogs.sign_in import SignInDialog
    from rasad_desktop.services import accounts

    office, _ = world
    with office.db.session() as s:
        accounts.create_user(s, ADMIN, "maryam", Role.DATA_ENTRY, "office-password-1", full_name="مریم")
    path, code, number = _enrolment_file(office, tmp_path / "files")
    folder = tmp_path / "joining"
    db = _new_db(folder)
    services = AppServices(db=db, settings=Settings(folder), data_dir=folder, runner=SyncRunner(Errors()),
                           no_dialogs=True)
    seen: list[str] = []

    def exec_dialog(dialog: QDialog) -> int:
        seen.append(type(dialog).__name__)
        if isinstance(dialog, FirstStartDialog):
            dialog.join_button.click()
        elif isinstance(dialog, JoinDialog):
            dialog.choose_file = lambda: path
            dialog.browse.click()
            dialog.code.setText("0")
            dialog.ok.click()
            assert dialog.result() != QDialog.DialogCode.Accepted and dialog.joined is None
            assert "بیست رقم" in dialog.message.text()  # refused, the dialog stays open
            dialog.code.setText(to_persian_digits(code.replace("-", "")))  # Persian digits, no dashes
            dialog.ok.click()
        elif isinstance(dialog, SignInDialog):
            assert f"ایستگاه کاری {to_persian_digits(str(number))}" in dialog.note_label.text()
            dialog.username.setText("maryam")
            dialog.password.setText("office-password-1")
            dialog.try_accept()
        return dialog.result()

    questions: list[str] = []
    try:
        window = start(services, exec_dialog=exec_dialog, ask=lambda q: questions.append(q) or True)
        qtbot.addWidget(window)
        assert seen == ["FirstStartDialog", "JoinDialog", "SignInDialog"]
        assert questions == []  # no demo province on a workstation
        with db.session() as s:
            info = enrolment.describe_node(s)
        assert (info.role, info.station, info.name) == ("workstation", number, "پیشخوان دو")
        assert window.page("sync") is not None
        window.show_page("sync")
        assert "ایستگاه کاری" in window.page("sync").identity.text()  # type: ignore[union-attr]
    finally:
        db.close()


def test_a_wrong_code_keeps_the_join_dialog_open(qtbot, world, tmp_path, persian):
    office, _ = world
    path, code, _ = _enrolment_file(office, tmp_path / "files")
    folder = tmp_path / "joining"
    db = _new_db(folder)
    services = AppServices(db=db, settings=Settings(folder), data_dir=folder, runner=SyncRunner(Errors()),
                           no_dialogs=True)
    try:
        dialog = JoinDialog(services)
        qtbot.addWidget(dialog)
        dialog.file.setText(str(path))
        wrong = ("1" if code[0] != "1" else "2") + code[1:]
        dialog.code.setText(wrong)
        dialog.ok.click()
        assert dialog.joined is None and dialog.result() != QDialog.DialogCode.Accepted
        assert "نمی‌خواند" in dialog.message.text()
        with db.session() as s:
            assert enrolment.is_empty(s)
    finally:
        db.close()


# ------------------------------------------------------------------ reports on a workstation
def test_reports_are_issued_at_the_office_only(qtbot, world, persian):
    office, ws = world
    pages = {}
    for name, node in (("office", office), ("ws", ws)):
        page = ReportsPage(context(node, Actor(f"admin-{name}", Role.ADMIN)))
        qtbot.addWidget(page)
        page.show()
        pages[name] = page
    assert pages["office"].issue_button is not None and pages["office"].issue_button.isEnabled()
    button = pages["ws"].issue_button
    assert button is not None and not button.isEnabled()
    assert "در دفتر صادر" in button.toolTip()
    pages["ws"].confirm_issue = lambda q: pytest.fail("a workstation must not even ask")  # type: ignore[assignment]
    pages["ws"].issue()


def test_a_workstation_offers_no_office_only_screens(qtbot, world, persian):
    """An administrator at a workstation sees no users, budget or notice forms: the office
    makes those changes (and the service layer refuses them there)."""
    from rasad_desktop.gui.main_window import MainWindow
    from rasad_desktop.gui.pages.notices import NoticesPage
    from rasad_desktop.services.roles import Permission

    office, ws = world
    names = {}
    for name, node in (("office", office), ("ws", ws)):
        ctx = context(node, Actor(f"admin-{name}", Role.ADMIN))
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        names[name] = {window.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(window.nav.count())}
        if name == "ws":
            assert ctx.at_workstation and not ctx.can(Permission.MANAGE_USERS)
            assert ctx.can(Permission.ENTER_COLLECTIONS) and ctx.can(Permission.SYNC)
            notices = window.show_page("notices")
            assert isinstance(notices, NoticesPage) and notices.form is None
    assert {"users", "budget"} <= names["office"]
    assert not {"users", "budget"} & names["ws"]
    assert {"dataEntry", "requests", "sync"} <= names["ws"]


def test_a_request_registered_elsewhere_is_read_only_at_a_workstation(qtbot, world, persian):
    from rasad_desktop.gui.pages.requests import RequestsPage

    office, ws = world
    theirs = office.register("ثبت در دفتر")
    ws.take(office.export(to=ws.number))
    mine = ws.register("ثبت در ایستگاه")
    page = RequestsPage(context(ws, clerk(ws.name)))
    qtbot.addWidget(page)
    page.show()
    assert page.select(theirs)
    assert not page.action_buttons["answer"].isEnabled() and not page.action_buttons["addNote"].isEnabled()
    assert "در دفتر" in page.action_buttons["answer"].toolTip()
    assert page.action_buttons["printReceipt"].isEnabled()  # reading and printing it are fine
    assert not page.attachments.add_button.isEnabled()
    assert page.select(mine)
    assert page.action_buttons["answer"].isEnabled() and page.attachments.add_button.isEnabled()
    office_page = RequestsPage(context(office, ADMIN))
    qtbot.addWidget(office_page)
    office_page.show()
    assert office_page.select(theirs) and office_page.action_buttons["answer"].isEnabled()
