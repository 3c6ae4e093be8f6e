"""Reports: choose a report, preview it inside the application, print it, save it as a
PDF, or issue it (numbered and frozen); the issued reports can be reopened from the list.

Rendering and issuing run off the UI thread (``ctx.runner``). The dialogs are attributes
(``choose_save_path``, ``confirm_issue``, ``ask_passphrase``, ``print_dialog``) so tests can answer them."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QStandardPaths, Qt
from PySide6.QtGui import QKeySequence, QPageLayout, QPageSize, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rasad_desktop.core import palette
from rasad_desktop.core.amounts import Unit
from rasad_desktop.core.errors import RasadError
from rasad_desktop.formats.atomic import write_user_file
from rasad_desktop.gui import format as fmt
from rasad_desktop.gui.context import AppContext, Changes
from rasad_desktop.gui.dialogs.signing_passphrase import SigningPassphraseDialog
from rasad_desktop.gui.models.issued_model import KIND, IssuedModel, kind_label, ltr
from rasad_desktop.gui.operations import ReadOp, Session, Task, WriteOp
from rasad_desktop.gui.pages.base import Page
from rasad_desktop.gui.widgets.grid import fit_columns
from rasad_desktop.gui.widgets.pdf_preview import PdfPreview, print_pdf
from rasad_desktop.gui.widgets.period_picker import PeriodPicker
from rasad_desktop.services import queries, report_kinds, reporting, signing
from rasad_desktop.services.budget import list_years
from rasad_desktop.services.report_kinds import Month, ReportRequest, kind, kinds
from rasad_desktop.services.reporting import IssuedRow
from rasad_desktop.services.roles import Actor, Permission
from rasad_desktop.services.sync.enrolment import describe_node
from rasad_desktop.services.verification_text import verification_lines

log = logging.getLogger("rasad.gui")
T = TypeVar("T")


@dataclass(frozen=True)
class Shown:
    """What the preview holds: the exact bytes, a file name to offer, and, for an issued
    report, its row."""

    pdf: bytes
    file_name: str
    issued: IssuedRow | None = None


class ReportsPage(Page):
    refresh_on = Changes.REPORTS | Changes.BUDGET
    permission = Permission.VIEW
    object_name = "reports"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.choose_save_path: Callable[[str], str] = self._ask_save_path
        self.confirm_issue: Callable[[str], bool] = self._ask_confirm_issue
        # the signing passphrase; True: the office certificate is made now (asked twice)
        self.ask_passphrase: Callable[[bool], str | None] = self._ask_passphrase
        self.has_certificate = True
        self.print_dialog: Callable[[], QPrinter | None] = self._ask_printer
        self.choose_file_to_check: Callable[[], str] = self._ask_file_to_check
        self.show_verification: Callable[[bool, list[str]], None] = self._show_verification
        self.shown: Shown | None = None
        self._ticket = 0  # only the newest request's result is shown
        self._busy = False
        self._save_dir = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        self.can_issue = ctx.can(Permission.ISSUE_REPORTS)
        self.at_office = True  # reports are issued at the office only; a workstation makes drafts
        self._build_choice()
        self._build_actions()
        self._build_views()
        self._lay_out()
        self._connect()
        self._kind_changed()
        self._show_caption()

    def _build_choice(self) -> None:
        lang = self.ctx.language
        self.kind = QComboBox(self)
        self.kind.setObjectName("kind")
        for report_kind in kinds():
            self.kind.addItem(report_kind.title(lang), report_kind.key)
        self.kind.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.kind.setMinimumContentsLength(12)
        self.kind.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.period = PeriodPicker(self, lang, searchable=False)
        self.year, self.month, self.agency = self.period.year, self.period.month, self.period.agency_box
        self.unit = QComboBox(self)
        self.unit.setObjectName("unit")
        for u in (Unit.RIAL, Unit.MILLION, Unit.BILLION):
            self.unit.addItem(u.label(lang), u.key)
        self.unit.setCurrentIndex(max(self.unit.findData(self.ctx.settings.get("default_unit")), 0))

    def _build_actions(self) -> None:
        self.preview_button = QPushButton(self.tr("Preview"), self)
        self.preview_button.setObjectName("preview")
        self.preview_button.setToolTip(self.tr("Prepare the report from the current figures (F5)"))
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.print_button.setObjectName("print")
        self.print_button.setToolTip(self.tr("Print the report shown (Ctrl+P)"))
        self.save_button = QPushButton(self.tr("Save as PDF…"), self)
        self.save_button.setObjectName("savePdf")
        self.correction: QComboBox | None = None
        self.issue_button: QPushButton | None = None
        if self.can_issue:  # a role that may not issue sees no issuing controls at all
            self.correction = QComboBox(self)
            self.correction.setObjectName("correctionOf")
            self.correction.setMinimumWidth(200)
            self.issue_button = QPushButton(self.tr("Issue…"), self)
            self.issue_button.setObjectName("issue")
            self.issue_button.setToolTip(self.tr("Give the report a number and freeze its figures"))
        self.shown_label = QLabel(self)
        self.shown_label.setObjectName("shownLabel")
        self.shown_label.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)

    def _build_views(self) -> None:
        self.preview = PdfPreview(self.ctx.language, self)
        self.preview.setObjectName("pdfPreview")
        self.issued_model = IssuedModel(self.ctx.language, self)
        self.issued = QTableView(self)
        self.issued.setObjectName("issuedList")
        self.issued.setModel(self.issued_model)
        self.issued.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.issued.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.issued.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.issued.setAlternatingRowColors(True)
        self.issued.setWordWrap(False)
        fit_columns(self.issued, KIND)
        self.reopen_button = QPushButton(self.tr("Reopen"), self)
        self.reopen_button.setObjectName("reopen")
        self.reopen_button.setToolTip(self.tr("Show the issued report exactly as it was issued"))
        self.issued_count = QLabel(self)
        self.issued_count.setObjectName("issuedCount")
        self.check_button = QPushButton(self.tr("Check a PDF file…"), self)
        self.check_button.setObjectName("checkFile")
        self.check_button.setToolTip(self.tr("Is a PDF the report it claims to be, as it was issued and signed?"))

    def _lay_out(self) -> None:
        choose = QHBoxLayout()
        year, month, agency = self.period.labelled(self.tr("Year:"), self.tr("Through month:"), self.tr("Agency:"))
        for (label, widget), stretch in (((self.tr("Report:"), self.kind), 2), (year, 0), (month, 0), (agency, 3),
                                         ((self.tr("Unit:"), self.unit), 0)):
            text = QLabel(label, self)
            text.setBuddy(widget)
            choose.addWidget(text)
            choose.addWidget(widget, stretch)
        actions = QHBoxLayout()
        for button in (self.preview_button, self.print_button, self.save_button):
            actions.addWidget(button)
        if self.correction is not None and self.issue_button is not None:
            actions.addSpacing(24)
            correction_label = QLabel(self.tr("Correction of:"), self)
            correction_label.setBuddy(self.correction)
            actions.addWidget(correction_label)
            actions.addWidget(self.correction)
            actions.addWidget(self.issue_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addLayout(actions)
        layout.addWidget(self._splitter(), 1)
        layout.addWidget(self.status)

    def _splitter(self) -> QSplitter:
        """The preview takes the full width (landscape reports stay readable); the list below it."""
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.shown_label)
        top_layout.addWidget(self.preview, 1)
        box = QGroupBox(self.tr("Issued reports"), self)
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(self.issued, 1)
        box_buttons = QHBoxLayout()
        box_buttons.addWidget(self.reopen_button)
        box_buttons.addWidget(self.check_button)
        box_buttons.addStretch(1)
        box_buttons.addWidget(self.issued_count)
        box_layout.addLayout(box_buttons)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(top)
        self.splitter.addWidget(box)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([520, 200])
        return self.splitter

    def _connect(self) -> None:
        self.kind.currentIndexChanged.connect(lambda _: self._kind_changed())
        self.preview_button.clicked.connect(self.make_preview)
        self.print_button.clicked.connect(self.print_report)
        self.save_button.clicked.connect(self.save_pdf)
        if self.issue_button is not None:
            self.issue_button.clicked.connect(self.issue)
        self.reopen_button.clicked.connect(lambda: self.reopen())
        self.check_button.clicked.connect(self.check_file)
        self.issued.doubleClicked.connect(self.reopen)
        self.issued.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.issued_model.modelReset.connect(self._update_buttons)
        for key, slot in ((QKeySequence(Qt.Key.Key_F5), self.make_preview),
                          (QKeySequence(QKeySequence.StandardKey.Print), self.print_report)):
            shortcut = QShortcut(key, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def title(self) -> str:
        return self.tr("Reports")

    # ------------------------------------------------------------ choosing
    def refresh(self) -> None:
        found = ReadOp(self, self.ctx, lambda s, _: (
            list_years(s), [(a.code, a.name) for a in queries.agencies(s).values()],
            reporting.issued_rows(s), describe_node(s).role, signing.office_certificate(s) is not None)) \
            .failure(self.show_failure).fetch()
        if found is None:
            return
        years, agencies, rows, role, self.has_certificate = found
        self.at_office = role == "office"
        self.period.fill(years, [(code, code, name) for code, name in agencies])
        self._load_issued(rows)

    def _load_issued(self, rows: list[IssuedRow]) -> None:
        selected = self.selected_issued()
        self.issued_model.load(rows)
        if selected is not None:
            self.select_issued(self.issued_model.row_of(selected.id))
        self.issued_count.setText(self.tr("{0} issued").format(fmt.number(len(rows), self.ctx.language)))
        self._fill_corrections()

    def _fill_corrections(self) -> None:
        """The reports of the chosen kind a correction may replace (their newest versions)."""
        if self.correction is None:
            return
        keep = self.correction.currentData()
        kind = self.kind.currentData()
        latest: dict[str, IssuedRow] = {}
        for r in self.issued_model.rows:
            if r.kind == kind and (r.number not in latest or r.version > latest[r.number].version):
                latest[r.number] = r
        self.correction.clear()
        self.correction.addItem(self.tr("A new report (not a correction)"), None)
        lang = self.ctx.language
        for number in sorted(latest, reverse=True):
            r = latest[number]
            self.correction.addItem(self.tr("{0} (version {1})").format(fmt.number(number, lang),
                                                                         fmt.number(r.version, lang)), number)
        if keep is not None and self.correction.findData(keep) >= 0:
            self.correction.setCurrentIndex(self.correction.findData(keep))

    def chosen_kind(self) -> report_kinds.ReportKind | None:
        key = self.kind.currentData()
        return kind(key) if key is not None else None

    def _kind_changed(self) -> None:
        chosen = self.chosen_kind()
        self.month.setEnabled(chosen is not None and chosen.month is Month.REQUIRED)
        self.agency.setEnabled(chosen is not None and chosen.needs_agency)
        self._fill_corrections()

    def select(self, kind: str, year: int, through_month: int | None = None, agency: str | None = None,
               unit: Unit | None = None) -> None:
        """Choose a report as the user would."""
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.year.setCurrentIndex(self.year.findData(year))
        if through_month is not None:
            self.month.setCurrentIndex(self.month.findData(through_month))
        if agency is not None:
            self.agency.setCurrentIndex(self.agency.findData(agency))
        if unit is not None:
            self.unit.setCurrentIndex(self.unit.findData(unit.key))

    def request(self) -> ReportRequest | None:
        chosen, year = self.chosen_kind(), self.year.currentData()
        if chosen is None or year is None:
            return None
        return ReportRequest(chosen.key, year,
                             self.month.currentData() if chosen.month is Month.REQUIRED else None,
                             self.agency.currentData() if chosen.needs_agency else None,
                             Unit.from_key(self.unit.currentData()))

    def describe(self, request: ReportRequest) -> str:
        lang = self.ctx.language
        text = kind_label(request.kind, lang)
        if request.agency_code:
            text += " — " + self.agency.currentText()
        if request.through_month is not None:
            return self.tr("{0}, {1} through {2}").format(text, fmt.number(request.year, lang),
                                                          fmt.month(request.through_month, lang))
        return self.tr("{0}, {1}").format(text, fmt.number(request.year, lang))

    # ------------------------------------------------------------- preview
    def make_preview(self) -> None:
        request = self.request()
        if request is None or self._busy:
            return
        name = "-".join(str(p) for p in (request.kind, request.year, request.through_month, request.agency_code)
                        if p is not None) + "-draft.pdf"
        ticket = self._start()
        self.status.setText(self.tr("Preparing {0}…").format(self.describe(request)))
        self._busy_op(ReadOp(self, self.ctx, lambda s, actor: reporting.draft(s, request, issuer=actor),  # as the office settings say
                             label=self.tr("Preparing the report…"))) \
            .success(lambda pdf: self._finish(ticket, Shown(pdf, name))).run()

    def _start(self) -> int:
        self._ticket += 1
        return self._ticket

    def _busy_op(self, op: Task[T]) -> Task[T]:
        """While a report is prepared, printed, issued or opened, the buttons wait."""
        return op.while_busy(self._set_busy).failure(self._failed)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText("")
        self.ctx.runner.on_error(self, exc)

    def _finish(self, ticket: int, shown: Shown) -> None:
        if ticket == self._ticket:
            self.show_pdf(shown)

    def show_pdf(self, shown: Shown) -> None:
        if not self.preview.load(shown.pdf):
            self.shown = None
            self._show_caption()
            self.ctx.runner.on_error(self, RasadError("فایل PDF گزارش خوانده نشد.", "The report's PDF could not be read.",
                                                      code="pdf_unreadable"))
            return
        self.shown = shown
        self._show_caption()
        if shown.issued is None:
            self.status.setText(self.tr("The draft is ready."))
        self._update_buttons()

    def _show_caption(self) -> None:
        shown, lang = self.shown, self.ctx.language
        if shown is None:
            self.shown_label.setText(self.tr("Choose a report and press Preview."))
            self.shown_label.setStyleSheet(f"color: {palette.HINT}; padding: 4px;")
        elif shown.issued is None:
            self.shown_label.setText(self.tr("Draft: not numbered; the figures are as entered now."))
            self.shown_label.setStyleSheet(f"background: {palette.EDITED_FILL}; color: {palette.NOTICE_INK}; padding: 4px;")
        else:
            r = shown.issued
            self.shown_label.setText(
                self.tr("Issued report no. {0}, version {1}, issued on {2} by {3}. Verification code: {4}").format(
                    fmt.number(r.number, lang), fmt.number(r.version, lang), fmt.date(r.local_issued_at, lang),
                    r.issued_by, ltr(r.verification_code)))
            self.shown_label.setStyleSheet(f"background: {palette.DONE_FILL}; color: {palette.DONE_INK}; padding: 4px;")

    # -------------------------------------------------------- print, save
    def print_report(self) -> None:
        if self.shown is None or self.preview.page_count() == 0 or self._busy:
            return
        printer = self.print_dialog()
        if printer is None:
            return
        data, lang = self.shown.pdf, self.ctx.language

        # each page is rasterised for the printer (≈ 1–2 s a page): off the UI thread, with progress
        self.status.setText(self.tr("Printing…"))
        self._busy_op(Task(self, self.ctx, lambda: print_pdf(data, printer), label=self.tr("Printing…"))).success(
            lambda pages: self.status.setText(self.tr("{0} pages sent to the printer.").format(fmt.number(pages, lang)))
        ).run()

    def _ask_printer(self) -> QPrinter | None:
        if self.ctx.no_dialogs:
            log.info("print dialog skipped (no dialogs)")
            return None
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.shown.file_name if self.shown else "rasad")
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        first = self.preview.document.pagePointSize(0)
        landscape = first.width() > first.height()
        printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape
                                   else QPageLayout.Orientation.Portrait)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the report"))
        dialog.setMinMax(1, self.preview.page_count())
        return printer if dialog.exec() == QPrintDialog.DialogCode.Accepted else None

    def save_pdf(self) -> None:
        if self.shown is None:
            return
        path = self.choose_save_path(self.shown.file_name)
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        self._save_dir = str(Path(path).parent)
        data = self.shown.pdf
        Task(self, self.ctx, lambda: write_user_file(path, data), label=self.tr("Saving…")) \
            .success(lambda _: self.status.setText(self.tr("Saved to {0}").format(ltr(path)))).run()

    def _ask_save_path(self, suggested: str) -> str:
        if self.ctx.no_dialogs:
            log.info("save dialog skipped (no dialogs)")
            return ""
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the report as PDF"),
                                              str(Path(self._save_dir) / suggested), self.tr("PDF files (*.pdf)"))
        return path

    # --------------------------------------------------------------- issue
    def issue(self) -> None:
        if not self.can_issue or not self.at_office or self._busy:
            return
        request = self.request()
        if request is None:
            return
        correction_of = self.correction.currentData() if self.correction is not None else None
        what = self.describe(request)
        if correction_of:
            question = self.tr("Issue {0} as a new version of report no. {1}? The earlier version stays on record; "
                               "an issued report can no longer be changed.").format(
                what, fmt.number(correction_of, self.ctx.language))
        else:
            question = self.tr("Issue {0}? It receives the next number and its figures are frozen; an issued "
                               "report can no longer be changed.").format(what)
        if not self.confirm_issue(question):
            return
        passphrase = self.ask_passphrase(not self.has_certificate)
        if not passphrase:
            return
        credentials = signing.Credentials(passphrase)

        def work(session: Session, actor: Actor) -> Shown:
            report = reporting.issue(session, actor, request, credentials=credentials,
                                     correction_of=correction_of)  # office settings
            row = IssuedRow.of(report)
            return Shown(report.pdf, row.file_name, row)

        ticket = self._start()
        self.status.setText(self.tr("Issuing {0}…").format(what))
        self._busy_op(WriteOp(self, self.ctx, work, Changes.REPORTS, label=self.tr("Issuing the report…"))) \
            .success(lambda shown: self._issued(ticket, shown)).run()

    def _issued(self, ticket: int, shown: Shown) -> None:
        self.has_certificate = True
        self._finish(ticket, shown)
        r = shown.issued
        assert r is not None
        lang = self.ctx.language
        self.status.setText(self.tr("Issued: number {0}, version {1}; verification code {2}.").format(
            fmt.number(r.number, lang), fmt.number(r.version, lang), ltr(r.verification_code)))
        self.select_issued(self.issued_model.row_of(r.id))

    def _ask_confirm_issue(self, question: str) -> bool:
        if self.ctx.no_dialogs:
            log.info("issuing not confirmed (no dialogs): %s", question)
            return False
        answer = QMessageBox.question(self, self.tr("Issue the report"), question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _ask_passphrase(self, first: bool) -> str | None:
        if self.ctx.no_dialogs:
            log.info("signing passphrase not asked (no dialogs)")
            return None
        dialog = SigningPassphraseDialog(self, first=first, language=self.ctx.language)
        return dialog.passphrase.text() if dialog.exec() else None

    # -------------------------------------------------------------- reopen
    def select_issued(self, row: int) -> None:
        """Select a row of the issued list (QTableView.selectRow can miss in right-to-left:
        it looks for the column at the viewport's far edge)."""
        if not 0 <= row < self.issued_model.rowCount():
            return
        index = self.issued_model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.issued.selectionModel().setCurrentIndex(index, flags)

    def selected_issued(self) -> IssuedRow | None:
        rows = self.issued.selectionModel().selectedRows() if self.issued.selectionModel() else []
        return self.issued_model.row_at(rows[0].row()) if rows else None

    def reopen(self, index: QModelIndex | None = None) -> None:
        row = self.issued_model.row_at(index.row()) if index is not None and index.isValid() \
            else self.selected_issued()
        if row is None or self._busy:
            return
        report_id = row.id
        ticket = self._start()
        self.status.setText("")
        self._busy_op(ReadOp(self, self.ctx, lambda s, actor: reporting.issued_pdf(s, actor, report_id),
                             label=self.tr("Opening the issued report…"))) \
            .success(lambda pdf: self._finish(ticket, Shown(pdf, row.file_name, row))).run()

    # -------------------------------------------------------------- check a file
    def check_file(self) -> None:
        """What ``rasad-desktop verify`` says of a PDF someone holds, against this database
        and its trusted certificates."""
        path = self.choose_file_to_check()
        if not path:
            return
        lang = self.ctx.language

        def check(session: Session, _actor: Actor) -> tuple[bool, list[str]]:
            v = reporting.verify(session, Path(path).read_bytes())
            return v.status == "valid", verification_lines(lang, v)

        ReadOp(self, self.ctx, check, label=self.tr("Checking the file…")) \
            .success(lambda found: self.show_verification(*found)).run()

    def _ask_file_to_check(self) -> str:
        if self.ctx.no_dialogs:
            log.info("open dialog skipped (no dialogs)")
            return ""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Check a PDF file"), self._save_dir,
                                              self.tr("PDF files (*.pdf)"))
        return path

    def _show_verification(self, valid: bool, lines: list[str]) -> None:
        self.status.setText(lines[0])
        if self.ctx.no_dialogs:
            return
        box = QMessageBox.information if valid else QMessageBox.warning
        box(self, self.tr("Check a PDF file"), "\n\n".join(lines))

    # -------------------------------------------------------------- state
    def _update_buttons(self) -> None:
        has_pdf = self.shown is not None and self.preview.page_count() > 0 and not self._busy
        self.preview_button.setEnabled(not self._busy)
        self.print_button.setEnabled(has_pdf)
        self.save_button.setEnabled(has_pdf)
        if self.issue_button is not None:
            self.issue_button.setEnabled(not self._busy and self.at_office)
            self.issue_button.setToolTip(
                self.tr("Give the report a number and freeze its figures") if self.at_office else
                self.tr("Reports are issued at the office, so that every number is unique office-wide; on this "
                        "workstation preview, print or save a draft."))
        if self.correction is not None:
            self.correction.setEnabled(self.at_office)
        self.reopen_button.setEnabled(not self._busy and self.selected_issued() is not None)

