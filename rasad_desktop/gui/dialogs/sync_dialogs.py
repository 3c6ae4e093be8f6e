"""The dialogs of synchronisation: what a package will do before it is taken, a new
workstation's name and then its enrolment code, the agencies a workstation enters, and
joining an office with an enrolment file (at the first start).

Each dialog's file chooser is an attribute tests replace (``choose_file``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import cast

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rasad_desktop.core.digits import localize_digits
from rasad_desktop.gui import format as fmt
from rasad_desktop.gui.context import AppContext, AppServices, Changes
from rasad_desktop.gui.models.sync_models import P_WHAT, PreviewModel
from rasad_desktop.gui.operations import Session, StartOp, WriteOp
from rasad_desktop.gui.style import CAPTION_STYLE, NOTICE_STYLE
from rasad_desktop.gui.widgets.form_dialog import FormDialog
from rasad_desktop.gui.widgets.grid import fit_columns
from rasad_desktop.services.roles import Actor
from rasad_desktop.services.sync import enrolment
from rasad_desktop.services.sync.merge import Outcome
from rasad_desktop.services.sync.packages import Preview, place, read_package

ENROLMENT_FILTER = "*.rse"
PACKAGE_FILTER = "*.rsp"


# ------------------------------------------------------------------ what a package does, in words
def waiting_lines(outcome: Outcome, language: str) -> list[str]:
    """One sentence per gap: «changes 11–14 from workstation 2 have not arrived yet …»."""
    translate = QCoreApplication.translate
    lines = []
    for origin, first, last in outcome.waiting:
        where = place(origin, language)
        if first == last:
            text = translate("SyncSummary", "Change {0} from {1} has not arrived yet; the changes after it wait "
                                            "until it does (a newer package from there brings it).")
            lines.append(text.format(fmt.number(first, language), where))
        else:
            text = translate("SyncSummary", "Changes {0}–{1} from {2} have not arrived yet; the changes after them "
                                            "wait until they do (a newer package from there brings them).")
            lines.append(text.format(fmt.number(first, language), fmt.number(last, language), where))
    return lines


def outcome_text(outcome: Outcome, sender: int, language: str) -> str:
    """What taking a package did, as a sentence and its gaps."""
    translate = QCoreApplication.translate

    def n(value: int) -> str:
        return fmt.number(value, language)

    text = translate("SyncSummary", "The package from {0} was taken: {1} changes applied, {2} already present ({3} "
                                    "of them received before), {4} held, {5} in conflict.").format(
        place(sender, language), n(outcome.applied), n(outcome.present + outcome.repeated), n(outcome.repeated),
        n(outcome.held), n(outcome.conflicts))
    if outcome.withheld:
        text += " " + translate("SyncSummary", "{0} changes are in conflict at the office and were not applied "
                                               "here.").format(n(outcome.withheld))
    return "\n".join([text, *waiting_lines(outcome, language)])


# ------------------------------------------------------------------ preview
class PackagePreviewDialog(FormDialog):
    """The counts a package would give and its first lines; «Apply» takes it, «Cancel» leaves
    everything as it was (the preview wrote nothing)."""

    def __init__(self, preview: Preview, file_name: str, language: str = "fa",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, name="packagePreview", accept_name="applyButton", min_width=760)
        self.set_texts(self.tr("Take the package?"), self.tr("Apply"), self.tr("Cancel"))
        self.language = language
        o = preview.outcome

        def n(value: int) -> str:
            return fmt.number(value, language)

        intro = self.note(self.tr("Package {0} from {1}. Nothing has been written yet: this is what taking it "
                                  "will do.").format(fmt.isolate(file_name), place(preview.sender, language)))
        intro.setObjectName("intro")
        self.counts: dict[str, QLabel] = {}
        rows = [("applied", self.tr("Will be applied:"), o.applied),
                ("present", self.tr("Already present:"), o.present + o.repeated),
                ("held", self.tr("Held until earlier changes arrive:"), o.held),
                ("conflicts", self.tr("In conflict:"), o.conflicts)]
        if o.withheld:
            rows.append(("withheld", self.tr("In conflict at the office (not applied here):"), o.withheld))
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)  # each count by its label
        for key, label, value in rows:
            shown = QLabel(n(value), self)
            bold = shown.font()
            bold.setBold(True)
            shown.setFont(bold)
            shown.setObjectName(f"count_{key}")
            self.counts[key] = shown
            self.form.addRow(label, shown)
        below: list[QWidget] = []
        for text in waiting_lines(o, language):
            gap = self.note(text)
            gap.setStyleSheet(NOTICE_STYLE)
            below.append(gap)
        if o.conflicts:
            below.append(self.note(self.tr("A conflict changes nothing here: both values are kept and the office's "
                                           "administrator decides which one stays.")))
        self.model = PreviewModel(language, self)
        self.model.load(preview.lines)
        self.table = QTableView(self)
        self.table.setObjectName("previewLines")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setMinimumHeight(220)
        fit_columns(self.table, P_WHAT)
        decided = o.applied + o.present + o.conflicts + o.withheld
        caption = self.tr("The changes, in the order they are decided:") if len(preview.lines) >= decided else \
            self.tr("The first {0} of {1} changes, in the order they are decided:").format(
                n(len(preview.lines)), n(decided))
        self.caption = self.note(caption)
        self.caption.setStyleSheet(CAPTION_STYLE)
        self.caption.setVisible(bool(preview.lines))
        self.table.setVisible(bool(preview.lines))
        self.lay_out([intro], [*below, self.caption, self.table])
        self.resize(860, 560)
        self.ok.setFocus()

    def try_accept(self) -> None:
        self.accept()


# ------------------------------------------------------------------ enrolling
class EnrolDialog(FormDialog):
    """The new workstation's name (where it stands, who works at it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, name="enrolWorkstation", accept_name="nextButton", min_width=480)
        self.set_texts(self.tr("Enrol a new workstation"), self.tr("Next…"), self.tr("Cancel"))
        self.name = QLineEdit(self)
        self.name.setObjectName("name")
        self.name.setMaxLength(100)
        self.name.setPlaceholderText(self.tr("e.g. Counter 1, or the name of the county office"))
        intro = self.note(self.tr("The workstation receives a number and the office's data as it stands now, in an "
                                  "enrolment file you save next. Its users sign in with their accounts from here."))
        self.form.addRow(self.tr("Workstation name:"), self.name)
        self.lay_out([intro])
        self.name.setFocus()

    def chosen_name(self) -> str:
        return self.name.text().strip()

    def try_accept(self) -> None:
        if not self.chosen_name():
            self.refuse(self.tr("Give the workstation a name."))
            return
        self.accept()


class EnrolmentCodeDialog(QDialog):
    """The enrolment code, shown large and selectable, with a button that copies it; the
    file does not open without it, so it travels apart from the file."""

    def __init__(self, number: int, name: str, code: str, file_name: str, language: str = "fa",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("enrolmentCode")
        self.setWindowTitle(self.tr("Enrolment code"))
        self.setMinimumWidth(560)
        intro = QLabel(self.tr("Workstation {0} «{1}» was enrolled. Its enrolment file is {2}.").format(
            fmt.number(number, language), name, fmt.isolate(file_name)), self)
        intro.setObjectName("intro")
        intro.setWordWrap(True)
        self.code = QLineEdit(localize_digits(code, "latin" if language == "en" else "fa"), self)
        self.code.setObjectName("code")
        self.code.setReadOnly(True)
        self.code.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # the groups read in their own order
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        big = QFont(QApplication.font())
        big.setPointSize(QApplication.font().pointSize() + 8)
        big.setWeight(QFont.Weight.Bold)
        big.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 2)
        self.code.setFont(big)
        self.code.setMinimumHeight(self.code.fontMetrics().height() + 16)
        self.copy_button = QPushButton(self.tr("Copy"), self)
        self.copy_button.setObjectName("copy")
        self.copy_button.clicked.connect(self.copy)
        row = QHBoxLayout()
        row.addWidget(self.code, 1)
        row.addWidget(self.copy_button)
        warning = QLabel(self.tr("Give this code to the workstation separately from the file — by telephone or on "
                                 "paper, never in the same e-mail or on the same USB drive. The file does not open "
                                 "without it. It is not shown again: write it down now."), self)
        warning.setObjectName("warning")
        warning.setWordWrap(True)
        warning.setStyleSheet(NOTICE_STYLE)
        steps = QLabel(self.tr("On the workstation: start Rasad with a new, empty data folder and choose «This "
                               "computer is a workstation of the office» at the first start."), self)
        steps.setObjectName("steps")
        steps.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        done = buttons.addButton(self.tr("Done"), QDialogButtonBox.ButtonRole.AcceptRole)
        done.setObjectName("done")
        done.setDefault(True)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        for part in (warning, steps, buttons):
            layout.addWidget(part)
        self.code.setFocus()
        self.code.selectAll()

    def copy(self) -> None:
        QApplication.clipboard().setText(self.code.text())
        self.copy_button.setText(self.tr("Copied"))


# ------------------------------------------------------------------ agencies of a workstation
class AssignAgenciesDialog(FormDialog):
    """The agencies whose figures workstation N enters: ticked ones are its own (entered
    nowhere else); unticking one gives it back to every workstation."""

    def __init__(self, ctx: AppContext, number: int, name: str, agencies: Sequence[tuple[str, str, int | None]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, name="assignAgencies", accept_name="saveButton", min_width=560)
        self.set_texts(self.tr("Agencies of a workstation"), self.tr("Save"), self.tr("Cancel"))
        self.ctx, self.number = ctx, number
        lang = ctx.language
        self.owner = {code: owner for code, _, owner in agencies}
        intro = self.note(self.tr("Tick the agencies whose figures workstation {0} «{1}» enters. Their figures are "
                                  "then refused at every other workstation; an agency nobody has is entered "
                                  "anywhere.").format(fmt.number(number, lang), name))
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Find by code or name"))
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setObjectName("agencies")
        self.list.setMinimumHeight(300)
        for code, agency_name, owner in agencies:
            text = f"{fmt.number(code, lang)} — {agency_name}"
            if owner is not None and owner != number:
                text += " " + self.tr("(now workstation {0})").format(fmt.number(owner, lang))
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if owner == number else Qt.CheckState.Unchecked)
        self.search.textChanged.connect(self._filter)
        self.search.installEventFilter(self)  # Enter in the search goes to the list, it does not save
        self.form.addRow(self.tr("Find:"), self.search)
        self.lay_out([intro], stretch=self._body())
        self.search.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.search and event.type() == QEvent.Type.KeyPress and cast(QKeyEvent, event).key() in (
                Qt.Key.Key_Return, Qt.Key.Key_Enter):
            first = next((self.list.item(i) for i in range(self.list.count()) if not self.list.item(i).isHidden()),
                         None)
            if first is not None:
                self.list.setCurrentItem(first)
            self.list.setFocus()
            return True
        return super().eventFilter(watched, event)

    def _body(self) -> QWidget:
        body = QWidget(self)
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self.form)
        column.addWidget(self.list, 1)
        return body

    def _filter(self, text: str) -> None:
        wanted = localize_digits(text.strip(), "latin").casefold()
        for i in range(self.list.count()):
            item = self.list.item(i)
            shown = localize_digits(item.text(), "latin").casefold()
            item.setHidden(bool(wanted) and wanted not in shown)

    def ticked(self) -> set[str]:
        return {str(self.list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked}

    def set_ticked(self, codes: set[str]) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in codes
                               else Qt.CheckState.Unchecked)

    def try_accept(self) -> None:
        ticked, number = self.ticked(), self.number
        given = sorted(c for c in ticked if self.owner.get(c) != number)
        taken_back = sorted(c for c, owner in self.owner.items() if owner == number and c not in ticked)
        if not given and not taken_back:
            self.accept()
            return

        def save(session: Session, actor: Actor) -> int:
            return enrolment.assign_exactly(session, actor, number, sorted(ticked))  # one transaction

        self.submit(WriteOp(self, self.ctx, save, Changes.SYNC | Changes.BUDGET))


# ------------------------------------------------------------------ joining (first start)
class JoinDialog(FormDialog):
    """This computer becomes a workstation: the enrolment file and its code (Persian or Latin
    digits, with or without dashes) turn this new, empty database into the office's copy."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent, name="joinOffice", accept_name="joinButton", min_width=560)
        self.set_texts(self.tr("Join the office as a workstation"), self.tr("Join"), self.tr("Cancel"))
        self.services = services
        self.choose_file: Callable[[], Path | None] = self._choose_file
        self.joined: tuple[int, str] | None = None  # (number, name) once joined
        intro = self.note(self.tr("The office's administrator enrolled this computer and gave you an enrolment file "
                                  "(.rse) and, separately, its twenty-digit enrolment code. This computer then "
                                  "receives the office's data and its users' accounts."))
        self.file = QLineEdit(self)
        self.file.setObjectName("file")
        self.file.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # a path reads left to right
        self.browse = QPushButton(self.tr("Choose…"), self)
        self.browse.setObjectName("browse")
        self.browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(self.browse)
        self.code = QLineEdit(self)
        self.code.setObjectName("code")
        self.code.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.code.setPlaceholderText(localize_digits("12345-12345-12345-12345", services.digits))
        self.form.addRow(self.tr("Enrolment file:"), file_row)
        self.form.addRow(self.tr("Enrolment code:"), self.code)
        self.lay_out([intro])
        self.browse.setFocus()

    def _choose_file(self) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("The enrolment file"), "",
                                              self.tr("Enrolment files (*.rse);;All files (*)"))
        return Path(path) if path else None

    def _browse(self) -> None:
        path = self.choose_file()
        if path is not None:
            self.file.setText(str(path))
            self.code.setFocus()

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.ok, self.browse, self.file, self.code):
            widget.setEnabled(not busy)

    def try_accept(self) -> None:
        path, code = self.file.text().strip(), self.code.text()
        if not path:
            self.refuse(self.tr("Choose the enrolment file."))
            return
        data_dir = self.services.data_dir

        def join(session: Session) -> tuple[int, str]:
            node = enrolment.join(session, Actor.console(), read_package(Path(path)), code, data_dir)
            return int(node.station or 0), node.name

        def joined(result: tuple[int, str]) -> None:
            self.joined = result
            self.accept()

        self.refuse("")
        StartOp(self, self.services, join, changes=Changes.ALL, label=self.tr("Receiving the office's data…")) \
            .while_busy(self._set_busy).messages_to(self.refuse).success(joined).run()
