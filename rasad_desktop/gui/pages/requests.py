"""Requests, complaints and suggestions: the register with its filters, the selected request
with its history, and — for staff — registering, reviewing, answering, closing, reopening,
internal notes and the requester's receipt. Anyone may find a request by its code; without
the last four digits of the mobile only its status is told.

The dialogs are reached through attributes tests replace (``exec_dialog``, ``confirm``,
``choose_save_path``, ``print_dialog``), so every path runs without a modal loop."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rasad_desktop.core import palette
from rasad_desktop.core.text import normalize
from rasad_desktop.formats.atomic import write_user_file
from rasad_desktop.gui import format as fmt
from rasad_desktop.gui.context import AppContext, Changes
from rasad_desktop.gui.dialogs.request_dialogs import (
    RegisterRequestDialog,
    RequestFields,
    RequestLookupDialog,
    RequestRegisteredDialog,
    RequestTextDialog,
)
from rasad_desktop.gui.models.requests_model import SUBJECT, RequestsModel, code_text
from rasad_desktop.gui.operations import ReadOp, Session, Task, WriteOp
from rasad_desktop.gui.pages.base import Page
from rasad_desktop.gui.style import DONE_STYLE
from rasad_desktop.gui.widgets.attachments_panel import AttachmentsPanel
from rasad_desktop.gui.widgets.grid import fit_columns
from rasad_desktop.gui.widgets.pdf_preview import print_pdf
from rasad_desktop.services import requests as service
from rasad_desktop.services.receipts import office_receipt_pdf
from rasad_desktop.services.requests import KINDS, STATUSES, EventView, RequestView, label
from rasad_desktop.services.roles import Actor, Permission

log = logging.getLogger("rasad.gui")
INTERNAL_BACKGROUND = QColor(palette.NOTICE_FILL)


class RequestsPage(Page):
    refresh_on = Changes.REQUESTS | Changes.BUDGET  # agencies' names are shown
    permission = Permission.VIEW_REQUESTS
    object_name = "requests"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.exec_dialog: Callable[[QDialog], int] = lambda dialog: dialog.exec()
        self.confirm: Callable[[str], bool] = self._confirm
        self.choose_save_path: Callable[[str], str] = self._ask_save_path
        self.print_dialog: Callable[[], QPrinter | None] = self._ask_printer
        self.today: Callable[[], dt.date] = dt.date.today
        self.staff = ctx.can(Permission.MANAGE_REQUESTS)
        self.current: RequestView | None = None
        self.events: list[EventView] = []
        self._save_dir = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        self._build_filters()
        self._build_list()
        self._build_detail()
        self._lay_out()
        self._connect()
        self.show_request(None)

    def _build_filters(self) -> None:
        lang = self.ctx.language
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.addItem(self.tr("All"), None)
        for key in STATUSES:
            self.status_filter.addItem(label(STATUSES, key, lang), key)
        self.kind_filter = QComboBox(self)
        self.kind_filter.setObjectName("kindFilter")
        self.kind_filter.addItem(self.tr("All"), None)
        for key in KINDS:
            self.kind_filter.addItem(label(KINDS, key, lang), key)
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Code, subject or requester"))
        self.overdue_only = QCheckBox(self.tr("Overdue only"), self)
        self.overdue_only.setObjectName("overdueOnly")
        self.find_button = QPushButton(self.tr("Find by code…"), self)
        self.find_button.setObjectName("findByCode")
        self.register_button: QPushButton | None = None
        if self.staff:  # a role that may not register sees no button for it
            self.register_button = QPushButton(self.tr("Register…"), self)
            self.register_button.setObjectName("register")
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(300)

    def _build_list(self) -> None:
        self.model = RequestsModel(self.ctx.language, self, today=lambda: self.today())
        self.table = QTableView(self)
        self.table.setObjectName("requestsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        fit_columns(self.table, SUBJECT)
        self.count = QLabel(self)
        self.count.setObjectName("count")

    def _build_detail(self) -> None:
        self.placeholder = QLabel(self.tr("Choose a request in the list to see it here."), self)
        self.placeholder.setObjectName("placeholder")
        self.placeholder.setStyleSheet(f"color: {palette.HINT}; padding: 8px;")
        self.fields = RequestFields(self.ctx.language, self)
        self.fields.setObjectName("detail")
        self.history = QListWidget(self)
        self.history.setObjectName("history")
        self.history.setWordWrap(True)
        self.history.setAlternatingRowColors(False)
        self.history.setMinimumHeight(120)
        self.action_buttons: dict[str, QPushButton] = {}
        if self.staff:
            for name, text, slot in (
                ("startReview", self.tr("Start review"), self.start_review),
                ("answer", self.tr("Answer…"), self.answer),
                ("close", self.tr("Close"), self.close_request),
                ("reopen", self.tr("Reopen…"), self.reopen),
                ("addNote", self.tr("Internal note…"), self.add_note),
                ("saveReceipt", self.tr("Save receipt…"), self.save_receipt),
                ("printReceipt", self.tr("Print receipt…"), self.print_receipt),
            ):
                button = QPushButton(text, self)
                button.setObjectName(name)
                button.clicked.connect(lambda _=False, s=slot: s())
                self.action_buttons[name] = button
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.attachments = AttachmentsPanel(self.ctx, self._changed, self.show_failure, self)

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        for caption, widget in ((self.tr("Status:"), self.status_filter), (self.tr("Kind:"), self.kind_filter),
                                (self.tr("Search:"), self.search)):
            text = QLabel(caption, self)
            text.setBuddy(widget)
            filters.addWidget(text)
            filters.addWidget(widget, 1 if widget is self.search else 0)
        filters.addWidget(self.overdue_only)
        filters.addSpacing(16)
        filters.addWidget(self.find_button)
        if self.register_button is not None:
            filters.addWidget(self.register_button)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self._detail_column())
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([640, 400])  # the list gets the larger part
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.message)

    def _detail_column(self) -> QWidget:
        """The request shown, its history and attachments, and the staff's actions."""
        body = QWidget(self)
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(self.placeholder)
        body_layout.addWidget(self.fields)
        body_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setObjectName("detailScroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        history_box = QGroupBox(self.tr("History"), self)
        history_layout = QVBoxLayout(history_box)
        history_layout.addWidget(self.history)
        history_layout.addWidget(QLabel(self.tr("Attachments:"), self))
        history_layout.addWidget(self.attachments)
        self.detail_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.detail_splitter.setObjectName("detailSplitter")
        self.detail_splitter.setChildrenCollapsible(False)
        self.detail_splitter.addWidget(scroll)
        self.detail_splitter.addWidget(history_box)
        self.detail_splitter.setStretchFactor(0, 3)
        self.detail_splitter.setStretchFactor(1, 2)
        self.detail_splitter.setSizes([450, 190])
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.detail_splitter, 1)
        if self.action_buttons:
            for names in (("startReview", "answer", "close", "reopen"), ("addNote", "saveReceipt", "printReceipt")):
                row = QHBoxLayout()
                for name in names:
                    row.addWidget(self.action_buttons[name])
                row.addStretch(1)
                right_layout.addLayout(row)
        return right

    def _connect(self) -> None:
        self.status_filter.currentIndexChanged.connect(lambda _: self.refresh())
        self.kind_filter.currentIndexChanged.connect(lambda _: self.refresh())
        self.overdue_only.toggled.connect(lambda _: self.refresh())
        self.search.textChanged.connect(lambda _: self._search_timer.start())
        self.search.returnPressed.connect(self.refresh)
        self._search_timer.timeout.connect(self.refresh)
        self.find_button.clicked.connect(self.find_by_code)
        if self.register_button is not None:
            self.register_button.clicked.connect(self.register)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_selected())

    def title(self) -> str:
        return self.tr("Requests")

    # ----------------------------------------------------------------- list
    def refresh(self) -> None:
        self._search_timer.stop()
        keep = self.current.tracking_code if self.current else None
        status, kind = self.status_filter.currentData(), self.kind_filter.currentData()
        text = normalize(self.search.text())
        overdue_on = self.today() if self.overdue_only.isChecked() else None
        rows = ReadOp(self, self.ctx, lambda s, actor: service.search(
            s, actor, status=status, kind=kind, text=text, overdue_on=overdue_on)).failure(self.show_failure).fetch()
        if rows is not None:  # read at once: an action selects its request in the fresh list
            self._show_rows(rows, keep)

    def _show_rows(self, rows: list[RequestView], keep: str | None) -> None:
        self.model.load(rows)
        lang = self.ctx.language
        self.count.setText(self.tr("{0} requests; {1} overdue").format(
            fmt.number(len(rows), lang), fmt.number(self.model.overdue_count(), lang)))
        if keep is None or not self.select(keep):
            self.show_request(None)

    def clear_filters(self) -> None:
        """All requests (the caller refreshes)."""
        widgets = (self.status_filter, self.kind_filter, self.search, self.overdue_only)
        for w in widgets:
            w.blockSignals(True)
        self.status_filter.setCurrentIndex(0)
        self.kind_filter.setCurrentIndex(0)
        self.search.clear()
        self.overdue_only.setChecked(False)
        for w in widgets:
            w.blockSignals(False)

    def select(self, tracking_code: str) -> bool:
        row = self.model.row_of(tracking_code)
        if row < 0:
            return False
        # not QTableView.selectRow: right to left, before the first layout, it can miss
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        already = self.table.currentIndex().row() == row
        self.table.selectionModel().setCurrentIndex(self.model.index(row, 0), flags)
        if already:  # no currentRowChanged: show the request as it is now
            self.show_selected()
        return True

    def open_request(self, tracking_code: str) -> None:
        """Show a request found by its code, whatever the filters were."""
        self.clear_filters()
        self.refresh()
        self.select(tracking_code)

    # --------------------------------------------------------------- detail
    def show_selected(self) -> None:
        index = self.table.currentIndex()
        row = self.model.row_at(index.row()) if index.isValid() else None
        if row is None:
            self.show_request(None)
            return
        code = row.tracking_code
        found = ReadOp(self, self.ctx, lambda s, actor: (service.get(s, actor, code), service.history(s, actor, code))) \
            .messages_to(self.show_error).fetch()
        if found is not None:
            self.show_request(*found)
        else:  # e.g. removed by a restore meanwhile
            self.show_request(None)

    def show_request(self, view: RequestView | None, events: list[EventView] | None = None) -> None:
        self.current, self.events = view, list(events or [])
        self.placeholder.setVisible(view is None)
        self.fields.setVisible(view is not None)
        self.history.clear()
        self.attachments.show_request(view.tracking_code if view is not None else None)
        if view is None:
            self.fields.clear()
        else:
            self.fields.show_view(view, self.today())
            for event in self.events:
                self._add_event(event)
        self._update_buttons()

    def _add_event(self, e: EventView) -> None:
        lang = self.ctx.language
        what = self.event_text(e)
        head = f"{fmt.date_time(e.at, lang)} — {fmt.isolate(e.username)} — {what}"
        if e.action == "attachment":
            head, body = f"{head}: {fmt.isolate(e.text)}", ""
        else:
            body = e.text
        item = QListWidgetItem(f"{head}\n{body}" if body else head)
        item.setData(Qt.ItemDataRole.UserRole, e.action)
        if e.internal:
            item.setBackground(QBrush(INTERNAL_BACKGROUND))
            item.setToolTip(self.tr("Internal note: staff only, never shown to the requester"))
        self.history.addItem(item)

    def event_text(self, e: EventView) -> str:
        lang = self.ctx.language
        if e.action == "registered":
            return self.tr("Registered")
        if e.action == "answer":
            return self.tr("Answered")
        if e.action == "note":
            return self.tr("Internal note (not shown to the requester)")
        if e.action == "reopen":
            return self.tr("Reopened")
        if e.action == "attachment":
            return self.tr("File attached")
        return self.tr("Status changed from {0} to {1}").format(label(STATUSES, e.from_status, lang),
                                                                label(STATUSES, e.to_status, lang))

    def history_texts(self) -> list[str]:
        return [self.history.item(i).text() for i in range(self.history.count())]

    def _update_buttons(self) -> None:
        status = self.current.status if self.current else None
        allowed = {
            "startReview": status == "registered",
            "answer": status in ("registered", "in_review", "answered"),
            "close": status in ("registered", "in_review", "answered"),
            "reopen": status in ("answered", "closed"),
            "addNote": status is not None,
            "saveReceipt": status is not None,
            "printReceipt": status is not None,
        }
        here = self.current is None or self.ctx.may_follow_up(self.current.tracking_code)
        elsewhere = self.tr("Registered at another computer of the office: it is answered and followed up at the "
                            "office")
        for name, button in self.action_buttons.items():
            mine = here or name in ("saveReceipt", "printReceipt")
            button.setEnabled(allowed[name] and mine)
            button.setToolTip("" if mine else elsewhere)

    # -------------------------------------------------------------- actions
    def register(self) -> None:
        if not self.staff:
            return
        dialog = RegisterRequestDialog(self.ctx, self)
        accepted = self.exec_dialog(dialog) == QDialog.DialogCode.Accepted
        view = dialog.registered
        dialog.deleteLater()
        if not accepted or view is None:
            return
        self.clear_filters()
        self._changed(view.tracking_code, self.tr("Registered with the tracking code {0}.").format(
            code_text(view, self.ctx.language)))
        shown = RequestRegisteredDialog(view, self.ctx.language, lambda: self.save_receipt(view),
                                 lambda: self.print_receipt(view), self)
        self.exec_dialog(shown)
        shown.deleteLater()

    def find_by_code(self) -> None:
        dialog = RequestLookupDialog(self.ctx, self.open_request, lambda: self.today(), self)
        self.exec_dialog(dialog)
        dialog.deleteLater()

    def start_review(self) -> None:
        self._move("in_review", self.tr("The review of {0} has started."))

    def close_request(self) -> None:
        if self.current is None:
            return
        if not self.confirm(self.tr("Close the request {0}? It can be reopened later.").format(
                code_text(self.current, self.ctx.language))):
            return
        self._move("closed", self.tr("The request {0} was closed."))

    def _move(self, to_status: str, done_text: str, reason: str = "") -> None:
        if self.current is None:
            return
        code = self.current.tracking_code
        self._write(lambda s, actor: service.move(s, actor, code, to_status, text=reason)) \
            .success(lambda _: self._changed(code, done_text.format(self._code(code)))).failure(self.show_failure).run()

    def answer(self) -> None:
        if self.current is None:
            return
        code = self.current.tracking_code

        def submit(text: str) -> Task[object]:
            return self._write(lambda s, actor: service.answer(s, actor, code, text))

        self._ask_text(self.tr("Answer the request"), self.tr("The answer the requester is given (they see it "
                                                             "when they look the request up):"),
                       self.tr("Save the answer"), submit, "answerDialog", self.current.answer,
                       self.tr("The request {0} was answered."), code)

    def reopen(self) -> None:
        if self.current is None:
            return
        code = self.current.tracking_code

        def submit(text: str) -> Task[object]:
            return self._write(lambda s, actor: service.move(s, actor, code, "in_review", text=text))

        self._ask_text(self.tr("Reopen the request"), self.tr("Why is the request reopened?"),
                       self.tr("Reopen"), submit, "reopenDialog", "", self.tr("The request {0} was reopened."), code)

    def add_note(self) -> None:
        if self.current is None:
            return
        code = self.current.tracking_code

        def submit(text: str) -> Task[object]:
            return self._write(lambda s, actor: service.add_note(s, actor, code, text))

        self._ask_text(self.tr("Internal note"), self.tr("A note for the staff; the requester never sees it:"),
                       self.tr("Add the note"), submit, "noteDialog", "", self.tr("A note was added to {0}."), code)

    def _ask_text(self, title: str, prompt: str, accept: str, submit: Callable[[str], Task[object]], name: str,
                  text: str, done_text: str, code: str) -> None:
        dialog = RequestTextDialog(title, prompt, accept, submit, text=text, name=name, parent=self)
        accepted = self.exec_dialog(dialog) == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if accepted:
            self._changed(code, done_text.format(self._code(code)))

    # -------------------------------------------------------------- receipt
    def receipt_pdf(self, view: RequestView) -> bytes | None:
        """The receipt under the office's name; None if it could not be made (shown)."""
        today = self.today()
        return ReadOp(self, self.ctx, lambda s, _: office_receipt_pdf(s, view, today)).failure(self.show_failure).fetch()

    def save_receipt(self, view: RequestView | None = None) -> None:
        view = view or self.current
        if view is None:
            return
        path = self.choose_save_path(f"receipt-{view.code_display}.pdf")
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        self._save_dir = str(Path(path).parent)
        today = self.today()
        ReadOp(self, self.ctx, lambda s, _: write_user_file(path, office_receipt_pdf(s, view, today)),
               label=self.tr("Saving…")) \
            .success(lambda _: self._say(self.tr("The receipt was saved to {0}").format("\u200e" + path + "\u200e"))) \
            .failure(self.show_failure).run()

    def print_receipt(self, view: RequestView | None = None) -> None:
        view = view or self.current
        if view is None:
            return
        printer = self.print_dialog()
        if printer is None:
            return
        data = self.receipt_pdf(view)
        if data is None:
            return
        Task(self, self.ctx, lambda: print_pdf(data, printer), label=self.tr("Printing…")) \
            .success(lambda _: self._say(self.tr("The receipt was sent to the printer."))) \
            .failure(self.show_failure).run()

    # -------------------------------------------------------------- helpers
    def _code(self, code: str) -> str:
        return code_text(code, self.ctx.language)

    def _write(self, op: Callable[[Session, Actor], object]) -> WriteOp[object]:
        return WriteOp(self, self.ctx, op, Changes.REQUESTS)

    def _changed(self, code: str, text: str) -> None:
        """After a write (whose op announced it): show the request it was about."""
        if not self.isVisible():
            self.refresh()  # a hidden page only marks itself stale; the selection must follow now
        if not self.select(code):  # filtered out by the filters in force: show it all the same
            self.open_request(code)
        self._say(text)

    def _say(self, text: str) -> None:
        self.message.setStyleSheet(DONE_STYLE)
        self.message.setText(text)

    def _confirm(self, text: str) -> bool:
        if self.ctx.no_dialogs:
            log.info("not confirmed (no dialogs): %s", text)
            return False
        return QMessageBox.question(self, self.tr("Requests"), text) == QMessageBox.StandardButton.Yes

    def _ask_save_path(self, suggested: str) -> str:
        if self.ctx.no_dialogs:
            log.info("save dialog skipped (no dialogs)")
            return ""
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the receipt as PDF"),
                                              str(Path(self._save_dir) / suggested), self.tr("PDF files (*.pdf)"))
        return path

    def _ask_printer(self) -> QPrinter | None:
        if self.ctx.no_dialogs:
            log.info("print dialog skipped (no dialogs)")
            return None
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName("receipt")
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the receipt"))
        return printer if dialog.exec() == QPrintDialog.DialogCode.Accepted else None
