"""The files attached to a request: list them, attach one (staff), save a copy (staff with
access to personal data — attachments often hold it)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from rasad_desktop.formats.atomic import write_bytes
from rasad_desktop.gui import format as fmt
from rasad_desktop.gui.context import AppContext, Changes
from rasad_desktop.gui.operations import ReadOp, WriteOp
from rasad_desktop.services import attachments
from rasad_desktop.services.attachments import AttachmentView
from rasad_desktop.services.roles import Permission


class AttachmentsPanel(QWidget):
    def __init__(self, ctx: AppContext, on_changed: Callable[[str, str], None],
                 on_error: Callable[[BaseException], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.on_changed = on_changed
        self.on_error = on_error
        self.code: str | None = None
        self.items: list[AttachmentView] = []
        self.choose_file: Callable[[], str] = self._ask_file
        self.choose_save_path: Callable[[str], str] = self._ask_save_path
        self.list = QListWidget(self)
        self.list.setObjectName("attachments")
        self.list.setMaximumHeight(90)
        self.add_button = QPushButton(self.tr("Attach a file…"), self)
        self.add_button.setObjectName("attach")
        self.save_button = QPushButton(self.tr("Save a copy…"), self)
        self.save_button.setObjectName("saveAttachment")
        self.add_button.clicked.connect(self.attach)
        self.save_button.clicked.connect(self.save_copy)
        self.list.currentRowChanged.connect(lambda _: self._update_buttons())
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.show_request(None)

    def show_request(self, tracking_code: str | None) -> None:
        self.code = tracking_code
        self.list.clear()
        self.items = []
        if tracking_code is not None:
            data_dir = self.ctx.data_dir
            self.items = ReadOp(self, self.ctx, lambda s, actor: attachments.attachments(
                s, actor, tracking_code, data_dir)).failure(self.on_error).fetch() or []
        for a in self.items:
            size = fmt.number(f"{max(1, a.size // 1024)}", self.ctx.language)
            QListWidgetItem(self.tr("{0} — {1} KB — {2}, {3}").format(
                fmt.isolate(a.file_name), size, fmt.isolate(a.added_by),
                fmt.date_time(a.added_at, self.ctx.language)), self.list)
        self._update_buttons()

    def _update_buttons(self) -> None:
        staff = self.ctx.can(Permission.MANAGE_REQUESTS)
        self.add_button.setVisible(staff)
        self.add_button.setEnabled(self.code is not None and self.ctx.may_follow_up(self.code))
        self.save_button.setVisible(self.ctx.can(Permission.VIEW_PERSONAL_DATA))
        self.save_button.setEnabled(self.list.currentRow() >= 0)

    def attach(self) -> None:
        if self.code is None:
            return
        path = self.choose_file()
        if not path:
            return
        code, data_dir = self.code, self.ctx.data_dir
        WriteOp(self, self.ctx, lambda s, actor: attachments.add_attachment(s, actor, code, Path(path), data_dir),
                Changes.REQUESTS, label=self.tr("Attaching…")).failure(self.on_error).success(
            lambda view: self.on_changed(code, self.tr("Attached: {0}").format(fmt.isolate(view.file_name)))).run()

    def save_copy(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.items):
            return
        item = self.items[row]
        target = self.choose_save_path(item.file_name)
        if not target:
            return
        data_dir = self.ctx.data_dir
        ReadOp(self, self.ctx, lambda s, actor: write_bytes(
            target, attachments.open_attachment(s, actor, item.id, data_dir)), label=self.tr("Saving…")) \
            .failure(self.on_error).run()

    def _ask_file(self) -> str:
        if self.ctx.no_dialogs:
            return ""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Attach a file"), "",
            self.tr("Documents and images (*.pdf *.png *.jpg *.jpeg *.docx *.xlsx *.txt)"))
        return path

    def _ask_save_path(self, suggested: str) -> str:
        if self.ctx.no_dialogs:
            return ""
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save a copy of the attachment"), suggested)
        return path
