"""Synchronisation: what this database is (the office, or workstation N), packages made and
taken (a package is previewed before it is taken), the conflicts kept here and, at the
office, its workstations — enrolling, retiring, and the agencies each one enters.

The file choosers and dialogs are attributes tests replace (``choose_save_path``,
``choose_open_path``, ``exec_dialog``, ``confirm``, ``inform``), so every path runs without
a modal loop. Making and taking packages runs through ``ctx.runner`` (progress when slow)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rasad_desktop.core.errors import RasadError
from rasad_desktop.core.jalali import to_jalali
from rasad_desktop.formats.atomic import write_user_file
from rasad_desktop.gui import format as fmt
from rasad_desktop.gui.context import AppContext, Changes
from rasad_desktop.gui.dialogs.sync_dialogs import (
    AssignAgenciesDialog,
    EnrolDialog,
    EnrolmentCodeDialog,
    PackagePreviewDialog,
    outcome_text,
)
from rasad_desktop.gui.models.sync_models import C_HERE, C_THEIRS, C_WHAT, W_NAME, ConflictsModel, WorkstationsModel
from rasad_desktop.gui.operations import ReadOp, Session, Task, WriteOp
from rasad_desktop.gui.pages.base import Page
from rasad_desktop.gui.style import CAPTION_STYLE, DONE_STYLE, LOCKED_STYLE, NOTICE_STYLE
from rasad_desktop.gui.widgets.grid import fit_columns
from rasad_desktop.services.roles import Actor, Permission
from rasad_desktop.services.sync import conflicts as sync_conflicts
from rasad_desktop.services.sync import enrolment, packages
from rasad_desktop.services.sync.conflicts import ConflictRow
from rasad_desktop.services.sync.enrolment import Enrolment, NodeInfo, WorkstationRow
from rasad_desktop.services.sync.merge import Outcome
from rasad_desktop.services.sync.packages import Exported, Preview, place

# what a conflict can be about (its value here may change with any of these), and the page's own
SHOWN = (Changes.SYNC | Changes.COLLECTIONS | Changes.BUDGET | Changes.REQUESTS | Changes.REPORTS | Changes.USERS
         | Changes.NOTICES | Changes.OFFICE | Changes.HOLIDAYS)


def file_date(today: dt.date | None = None) -> str:
    """1405-09-10: the Jalali date with Latin digits, safe in any file name."""
    j = to_jalali(today or dt.date.today())
    return f"{j.year:04d}-{j.month:02d}-{j.day:02d}"


def package_name(here: int, to: int, today: dt.date | None = None) -> str:
    """rasad-1405-09-10-to-ws3.rsp at the office; rasad-1405-09-10-ws3-to-office.rsp at workstation 3."""
    if here == 0:
        return f"rasad-{file_date(today)}-to-ws{to}.rsp"
    return f"rasad-{file_date(today)}-ws{here}-to-office.rsp"


def _table(parent: QWidget, name: str, model: Any, stretch: int) -> QTableView:
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)  # Tab leaves the list for its buttons
    fit_columns(table, stretch)
    return table


class SyncPage(Page):
    refresh_on = SHOWN
    permission = Permission.SYNC
    object_name = "sync"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.exec_dialog: Callable[[QDialog], int] = lambda dialog: dialog.exec()
        self.choose_save_path: Callable[[str, str], Path | None] = self._choose_save_path
        self.choose_open_path: Callable[[], Path | None] = self._choose_open_path
        self.confirm: Callable[[str], bool] = self._confirm
        self.inform: Callable[[str], None] = self._inform
        self.can_manage = ctx.can(Permission.MANAGE_WORKSTATIONS)
        self.node = NodeInfo.of(None)
        self.busy = False
        self._save_dir = Path.home()
        self._build_header()
        self._build_conflicts()
        self._build_workstations()
        self._lay_out()
        self._connect()
        self._update_buttons()

    # --------------------------------------------------------------- building
    def _build_header(self) -> None:
        self.identity = QLabel(self)
        self.identity.setObjectName("identity")
        self.identity.setWordWrap(True)
        bold = self.identity.font()
        bold.setPointSize(bold.pointSize() + 1)
        bold.setBold(True)
        self.identity.setFont(bold)
        self.explain = QLabel(self)
        self.explain.setObjectName("explain")
        self.explain.setWordWrap(True)
        self.explain.setStyleSheet(CAPTION_STYLE)
        self.copy_banner = QLabel(self.tr(
            "Warning: this database is a copy of a workstation's that was not enrolled in this data folder (a "
            "backup restored here, or a copied file). So that tracking codes and changes do not repeat, nothing "
            "can be recorded in it and no package is made or taken. Ask the office's administrator to enrol this "
            "computer again."), self)
        self.copy_banner.setObjectName("copyWarning")
        self.copy_banner.setWordWrap(True)
        self.copy_banner.setStyleSheet(LOCKED_STYLE)
        self.copy_banner.hide()
        self.recipient_label = QLabel(self.tr("For workstation:"), self)
        self.recipient = QComboBox(self)
        self.recipient.setObjectName("recipient")
        self.recipient.setMinimumContentsLength(16)
        self.recipient.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.recipient.setPlaceholderText(self.tr("No workstation enrolled yet"))
        self.recipient_label.setBuddy(self.recipient)
        self.export_button = QPushButton(self.tr("Export a package…"), self)
        self.export_button.setObjectName("exportPackage")
        self.import_button = QPushButton(self.tr("Import a package…"), self)
        self.import_button.setObjectName("importPackage")
        self.import_button.setToolTip(self.tr("Take a package from the other side; you see what it will do first"))
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def _build_conflicts(self) -> None:
        self.conflicts_box = QGroupBox(self.tr("Conflicts"), self)
        self.conflicts_box.setObjectName("conflictsBox")
        self.conflicts_note = QLabel(self.conflicts_box)
        self.conflicts_note.setObjectName("conflictsNote")
        self.conflicts_note.setWordWrap(True)
        self.conflicts_model = ConflictsModel(self.ctx.language, self)
        self.conflicts_table = _table(self.conflicts_box, "conflictsTable", self.conflicts_model, C_WHAT)
        self.conflicts_table.setWordWrap(True)  # what and both values share the width, on two lines if need be
        for col in (C_THEIRS, C_HERE):
            self.conflicts_table.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        self.conflicts_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.keep_office_button = QPushButton(self.tr("Keep the office's value"), self.conflicts_box)
        self.keep_office_button.setObjectName("keepOffice")
        self.keep_workstation_button = QPushButton(self.tr("Keep the workstation's value"), self.conflicts_box)
        self.keep_workstation_button.setObjectName("keepWorkstation")
        self.conflicts_count = QLabel(self.conflicts_box)
        self.conflicts_count.setObjectName("conflictsCount")

    def _build_workstations(self) -> None:
        self.workstations_box = QGroupBox(self.tr("Workstations"), self)
        self.workstations_box.setObjectName("workstationsBox")
        self.workstations_model = WorkstationsModel(self.ctx.language, self)
        self.workstations_table = _table(self.workstations_box, "workstationsTable", self.workstations_model, W_NAME)
        self.enrol_button = QPushButton(self.tr("Enrol a new workstation…"), self.workstations_box)
        self.enrol_button.setObjectName("enrol")
        self.assign_button = QPushButton(self.tr("Agencies…"), self.workstations_box)
        self.assign_button.setObjectName("assignAgencies")
        self.assign_button.setToolTip(self.tr("Choose the agencies whose figures the selected workstation enters"))
        self.retire_button = QPushButton(self.tr("Retire…"), self.workstations_box)
        self.retire_button.setObjectName("retire")
        self.retire_button.setToolTip(self.tr("A lost or reinstalled workstation: its packages are refused from now on"))
        for button in (self.enrol_button, self.assign_button, self.retire_button):
            button.setVisible(self.can_manage)

    def _lay_out(self) -> None:
        actions = QHBoxLayout()
        actions.addWidget(self.recipient_label)
        actions.addWidget(self.recipient)
        actions.addWidget(self.export_button)
        actions.addSpacing(16)
        actions.addWidget(self.import_button)
        actions.addStretch(1)
        box = QVBoxLayout(self.conflicts_box)
        box.addWidget(self.conflicts_note)
        box.addWidget(self.conflicts_table, 1)
        row = QHBoxLayout()
        row.addWidget(self.keep_office_button)
        row.addWidget(self.keep_workstation_button)
        row.addStretch(1)
        row.addWidget(self.conflicts_count)
        box.addLayout(row)
        box = QVBoxLayout(self.workstations_box)
        box.addWidget(self.workstations_table, 1)
        row = QHBoxLayout()
        for button in (self.enrol_button, self.assign_button, self.retire_button):
            row.addWidget(button)
        row.addStretch(1)
        box.addLayout(row)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.conflicts_box)
        self.splitter.addWidget(self.workstations_box)
        self.splitter.setSizes([340, 220])
        layout = QVBoxLayout(self)
        for widget in (self.identity, self.explain, self.copy_banner):
            layout.addWidget(widget)
        layout.addLayout(actions)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.message)

    def _connect(self) -> None:
        self.export_button.clicked.connect(self.export_package)
        self.import_button.clicked.connect(self.import_package)
        self.keep_office_button.clicked.connect(lambda: self.resolve("office"))
        self.keep_workstation_button.clicked.connect(lambda: self.resolve("workstation"))
        self.enrol_button.clicked.connect(self.enrol)
        self.assign_button.clicked.connect(self.assign)
        self.retire_button.clicked.connect(self.retire)
        for table in (self.conflicts_table, self.workstations_table):
            table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
            table.model().modelReset.connect(self._update_buttons)

    def title(self) -> str:
        return self.tr("Synchronisation")

    # --------------------------------------------------------------- showing
    @property
    def at_office(self) -> bool:
        return not self.node.is_workstation

    @property
    def here(self) -> int:
        """This database's origin: 0 the office, N workstation N."""
        return 0 if self.at_office else int(self.node.station or 0)

    def refresh(self) -> None:
        def read(session: Session, actor: Actor) -> tuple[NodeInfo, list[ConflictRow], list[WorkstationRow]]:
            node = enrolment.describe_node(session)
            rows = [] if node.is_workstation else enrolment.workstations(session, actor)
            return node, sync_conflicts.conflicts(session, actor), rows

        found = ReadOp(self, self.ctx, read).failure(self.show_failure).fetch()
        if found is None:
            return
        self.node, conflict_rows, workstation_rows = found
        self._show_identity()
        keep_conflict, keep_station = self.selected_conflict(), self.selected_workstation()
        self.conflicts_model.load(conflict_rows)
        self.workstations_model.load(workstation_rows)
        self._fill_recipients(workstation_rows)
        if keep_conflict is not None:
            self._select(self.conflicts_table, self.conflicts_model.row_of(keep_conflict.id))
        if keep_station is not None:
            self._select(self.workstations_table, self.workstations_model.row_of(keep_station.number))
        self._show_conflicts_note()
        self._update_buttons()

    def _show_identity(self) -> None:
        lang, node = self.ctx.language, self.node
        office = self.at_office
        if office:
            self.identity.setText(self.tr("This database is the office."))
            self.explain.setText(self.tr(
                "Workstations send their changes here as packages, and take the office's changes back the same "
                "way. Conflicts are decided here, and reports are issued here."))
        else:
            self.identity.setText(self.tr("This database is workstation {0} «{1}» of the office.").format(
                fmt.number(node.station or 0, lang), node.name))
            self.explain.setText(self.tr(
                "Send the changes entered here to the office as a package, and take the office's packages here. "
                "Reports are issued at the office."))
        self.copy_banner.setVisible(node.copy)
        self.recipient_label.setVisible(office)
        self.recipient.setVisible(office)
        self.export_button.setText(self.tr("Export a package…") if office
                                   else self.tr("Export a package for the office…"))
        self.workstations_box.setVisible(office)
        self.keep_office_button.setVisible(office and self.can_manage)
        self.keep_workstation_button.setVisible(office and self.can_manage)

    def _fill_recipients(self, rows: list[WorkstationRow]) -> None:
        keep = self.recipient.currentData()
        self.recipient.clear()
        lang = self.ctx.language
        for r in rows:
            if not r.retired:
                self.recipient.addItem(f"{fmt.number(r.number, lang)} — {r.name}", r.number)
        found = self.recipient.findData(keep) if keep is not None else -1
        if self.recipient.count():  # with a placeholder, the box would otherwise choose nothing
            self.recipient.setCurrentIndex(max(found, 0))

    def _show_conflicts_note(self) -> None:
        count = self.conflicts_model.rowCount()
        lang = self.ctx.language
        self.conflicts_count.setText(self.tr("{0} undecided").format(fmt.number(count, lang)))
        if not count:
            text = self.tr("No conflicts: every change that arrived applied, or was already here.")
        elif not self.at_office:
            text = self.tr("These changes arrived where the value had changed meanwhile. Both values are kept; "
                           "they are awaiting the office's decision, which arrives with its next package.")
        elif self.can_manage:
            text = self.tr("These changes arrived where the value had changed meanwhile. Choose one and keep the "
                           "office's value or the workstation's; the decision goes to every workstation with the "
                           "office's next packages.")
        else:
            text = self.tr("These changes arrived where the value had changed meanwhile. The administrator decides "
                           "which value stays.")
        self.conflicts_note.setText(text)
        self.conflicts_note.setStyleSheet(NOTICE_STYLE if count else CAPTION_STYLE)

    def selected_conflict(self) -> ConflictRow | None:
        index = self.conflicts_table.currentIndex()
        row: ConflictRow | None = self.conflicts_model.row_at(index.row()) if index.isValid() else None
        return row

    def selected_workstation(self) -> WorkstationRow | None:
        index = self.workstations_table.currentIndex()
        row: WorkstationRow | None = self.workstations_model.row_at(index.row()) if index.isValid() else None
        return row

    def select_conflict(self, row: int) -> None:
        self._select(self.conflicts_table, row)

    def select_workstation(self, number: int) -> None:
        self._select(self.workstations_table, self.workstations_model.row_of(number))

    def _select(self, table: QTableView, row: int) -> None:
        # not selectRow: right to left, before the first layout, it can miss the row
        if 0 <= row < table.model().rowCount():
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            table.selectionModel().setCurrentIndex(table.model().index(row, 0), flags)

    def _update_buttons(self) -> None:
        copy, idle = self.node.copy, not self.busy
        self.export_button.setEnabled(idle and not copy and (not self.at_office or self.recipient.count() > 0))
        self.import_button.setEnabled(idle and not copy)
        self.export_button.setToolTip(self.tr("Enrol a workstation first") if self.at_office
                                      and not self.recipient.count() else
                                      self.tr("Make a package of what the other side does not hold yet"))
        chosen = self.selected_conflict() is not None and idle
        self.keep_office_button.setEnabled(chosen)
        self.keep_workstation_button.setEnabled(chosen)
        station = self.selected_workstation()
        self.enrol_button.setEnabled(idle)
        self.assign_button.setEnabled(idle and station is not None and not station.retired)
        self.retire_button.setEnabled(idle and station is not None and not station.retired)

    # --------------------------------------------------------------- packages
    def export_package(self) -> None:
        to = self.recipient.currentData() if self.at_office else None
        if self.busy or (self.at_office and to is None):
            return
        path = self.choose_save_path(package_name(self.here, to or 0), "package")
        if path is None:
            return
        if not path.suffix:
            path = path.with_suffix(".rsp")
        data_dir = self.ctx.data_dir

        def work(session: Session, actor: Actor) -> Exported:
            exported = packages.export_package(session, actor, data_dir, to)
            write_user_file(path, exported.data)
            return exported

        WriteOp(self, self.ctx, work, Changes.SYNC, label=self.tr("Making the package…")) \
            .while_busy(self._set_busy).success(lambda e: self._exported(e, path)).failure(self.show_failure).run()

    def _exported(self, e: Exported, path: Path) -> None:
        lang = self.ctx.language
        self._save_dir = path.parent
        self._done(self.tr("Package {0} for {1} was saved as {2}: {3} changes, {4} files.").format(
            fmt.number(e.number, lang), place(e.recipient, lang), fmt.isolate(path.name), fmt.number(e.changes, lang),
            fmt.number(e.files, lang)))

    def import_package(self) -> None:
        if self.busy:
            return
        path = self.choose_open_path()
        if path is None:
            return
        data_dir = self.ctx.data_dir

        def read(session: Session, actor: Actor) -> tuple[bytes, Preview]:
            data = packages.read_package(path)
            return data, packages.preview_package(session, actor, data, data_dir)

        self.message.setText("")
        ReadOp(self, self.ctx, read, label=self.tr("Reading the package…")).while_busy(self._set_busy) \
            .success(lambda found: self._previewed(path, *found)).failure(self.show_failure).run()

    def _previewed(self, path: Path, data: bytes, preview: Preview) -> None:
        self._save_dir = path.parent
        dialog = PackagePreviewDialog(preview, path.name, self.ctx.language, self)
        accepted = self.exec_dialog(dialog) == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if not accepted:
            self._done(self.tr("The package was not taken; nothing changed."))
            return
        data_dir, sender = self.ctx.data_dir, preview.sender
        WriteOp(self, self.ctx, lambda s, actor: packages.import_package(s, actor, data, data_dir), Changes.ALL,
                label=self.tr("Taking the package…")).while_busy(self._set_busy) \
            .success(lambda outcome: self._taken(outcome, sender)).failure(self.show_failure).run()

    def _taken(self, outcome: Outcome, sender: int) -> None:
        text = outcome_text(outcome, sender, self.ctx.language)
        if outcome.conflicts and not self.at_office:
            text += "\n" + self.tr("The conflicts are in the list below, awaiting the office's decision.")
        elif outcome.conflicts and self.can_manage:
            text += "\n" + self.tr("The conflicts are in the list below; decide them there.")
        elif outcome.conflicts:
            text += "\n" + self.tr("The conflicts are in the list below; the administrator decides them.")
        self._done(text)
        self.inform(text)

    # --------------------------------------------------------------- conflicts
    def resolve(self, keep: str) -> None:
        row = self.selected_conflict()
        if row is None or self.busy or not self.at_office:
            return
        lang, en = self.ctx.language, self.ctx.language == "en"
        what = row.what_en if en else row.what_fa
        ours = row.office.value_en if en else row.office.value_fa
        theirs = row.workstation.value_en if en else row.workstation.value_fa
        where = place(row.origin, lang)
        if keep == "office":
            question = self.tr("Keep the office's value for {0}?\n\nStays: {1}\nSet aside: {2} (from {3})\n\nThe "
                               "decision goes to every workstation with the office's next packages.")
            question = question.format(what, ours, theirs, where)
        else:
            question = self.tr("Keep the value from {3} for {0}?\n\nStays: {2}\nReplaced: {1} (the office's)\n\nThe "
                               "decision goes to every workstation with the office's next packages.")
            question = question.format(what, ours, theirs, where)
        if not self.confirm(question):
            return
        change_id, data_dir = row.id, self.ctx.data_dir
        done = self.tr("Decided: the office's value stays for {0}.") if keep == "office" else \
            self.tr("Decided: the value from {1} stays for {0}.")
        WriteOp(self, self.ctx, lambda s, actor: sync_conflicts.resolve(s, actor, change_id, keep, data_dir),
                Changes.ALL).success(lambda _: self._done(done.format(what, where))).failure(self.show_failure).run()

    # --------------------------------------------------------------- workstations
    def enrol(self) -> None:
        if not self.can_manage or self.busy:
            return
        dialog = EnrolDialog(self)
        accepted = self.exec_dialog(dialog) == QDialog.DialogCode.Accepted
        name = dialog.chosen_name()
        dialog.deleteLater()
        if not accepted or not name:
            return
        path = self.choose_save_path(f"rasad-{file_date()}-enrolment.rse", "enrolment")
        if path is None:
            return
        if not path.suffix:
            path = path.with_suffix(".rse")
        data_dir, station, lang = self.ctx.data_dir, self.ctx.settings.get("workstation"), self.ctx.language

        def work(session: Session, actor: Actor) -> tuple[Enrolment, str]:
            made = enrolment.add(session, actor, name, data_dir, office_station=station)
            try:  # the workstation is enrolled: a file that cannot be written is asked for again
                write_user_file(path, made.data)
            except RasadError as err:
                return made, err.message(lang)
            return made, ""

        WriteOp(self, self.ctx, work, Changes.SYNC, label=self.tr("Preparing the enrolment file…")) \
            .while_busy(self._set_busy).success(lambda found: self._enrolled(found[0], path, found[1])) \
            .failure(self.show_failure).run()

    def _enrolled(self, made: Enrolment, path: Path | None, problem: str) -> None:
        while problem:
            self.show_error(problem)
            path = self.choose_save_path(path.name if path else "enrolment.rse", "enrolment")
            if path is None:
                self.show_error(self.tr("Workstation {0} «{1}» was enrolled, but its enrolment file was not saved. "
                                        "Retire it and enrol the workstation again.").format(
                    fmt.number(made.number, self.ctx.language), made.name))
                return
            problem = "" if self._write(path, made.data) else problem
        assert path is not None
        self._save_dir = path.parent
        self.select_workstation(made.number)
        lang = self.ctx.language
        self._done(self.tr("Workstation {0} «{1}» was enrolled; its enrolment file is {2}.").format(
            fmt.number(made.number, lang), made.name, fmt.isolate(path.name)))
        dialog = EnrolmentCodeDialog(made.number, made.name, made.code, path.name, lang, self)
        self.exec_dialog(dialog)
        dialog.deleteLater()

    def retire(self) -> None:
        station = self.selected_workstation()
        if station is None or station.retired or not self.can_manage:
            return
        lang, number = self.ctx.language, station.number
        if not self.confirm(self.tr("Retire workstation {0} «{1}»? Its packages are refused from now on and its "
                                    "number is never given again. Do this for a lost or reinstalled computer; it "
                                    "cannot be undone (enrol it again instead).").format(
                fmt.number(number, lang), station.name)):
            return
        WriteOp(self, self.ctx, lambda s, actor: enrolment.retire(s, actor, number), Changes.SYNC) \
            .success(lambda _: self._done(self.tr("Workstation {0} was retired.").format(fmt.number(number, lang)))) \
            .failure(self.show_failure).run()

    def assign(self) -> None:
        station = self.selected_workstation()
        if station is None or station.retired or not self.can_manage:
            return
        agencies = ReadOp(self, self.ctx, enrolment.assignable_agencies).failure(self.show_failure).fetch()
        if agencies is None:
            return
        dialog = AssignAgenciesDialog(self.ctx, station.number, station.name, agencies, self)
        accepted = self.exec_dialog(dialog) == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if accepted:
            self._done(self.tr("The agencies of workstation {0} were saved; the change reaches the workstations "
                               "with the office's next packages.").format(fmt.number(station.number,
                                                                                     self.ctx.language)))

    # --------------------------------------------------------------- helpers
    def _write(self, path: Path, data: bytes) -> bool:
        """A file written now (the user waits for it); a failure is told in the message line."""
        return Task(self, self.ctx, lambda: write_user_file(path, data)).messages_to(self.show_error).run_now()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._update_buttons()

    def _done(self, text: str) -> None:
        self.message.setStyleSheet(DONE_STYLE)
        self.message.setText(text)

    def _choose_save_path(self, suggested: str, kind: str) -> Path | None:
        if self.ctx.no_dialogs:
            return None
        title, filter_ = (self.tr("Save the package as"), self.tr("Synchronisation packages (*.rsp)")) \
            if kind == "package" else (self.tr("Save the enrolment file as"), self.tr("Enrolment files (*.rse)"))
        path, _ = QFileDialog.getSaveFileName(self, title, str(self._save_dir / suggested), filter_)
        return Path(path) if path else None

    def _choose_open_path(self) -> Path | None:
        if self.ctx.no_dialogs:
            return None
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a package"), str(self._save_dir),
                                              self.tr("Synchronisation packages (*.rsp);;All files (*)"))
        return Path(path) if path else None

    def _confirm(self, text: str) -> bool:
        if self.ctx.no_dialogs:
            return False
        answer = QMessageBox.question(self, self.title(), text, QMessageBox.StandardButton.Yes
                                      | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _inform(self, text: str) -> None:
        if not self.ctx.no_dialogs:
            QMessageBox.information(self, self.title(), text)
