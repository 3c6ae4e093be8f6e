"""Backups (administrator): an encrypted, verified backup now; restoring one, with the
passphrase and a typed confirmation; the files in the data folder's ``backups`` folder.
Before a restore the backup is opened to see where it comes from; one from another
installation is shown (office, identity, users) and restored only after a Yes.

The file choosers and dialogs are reached through attributes tests replace
(``choose_save_path``, ``choose_open_path``, ``exec_dialog``, ``confirm_foreign``), so every
path runs without a modal loop. The work runs through ``ctx.runner`` (progress when it is slow).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rasad_desktop.core.errors import RasadError
from rasad_desktop.core.text import normalize
from rasad_desktop.gui import format as fmt
from rasad_desktop.gui.context import AppContext, Changes
from rasad_desktop.gui.operations import Database, DatabaseOp, ReadOp, Task
from rasad_desktop.gui.pages.base import Page
from rasad_desktop.gui.style import DONE_STYLE
from rasad_desktop.gui.style import NOTICE_STYLE as WARNING_STYLE
from rasad_desktop.gui.widgets.form_dialog import FormDialog
from rasad_desktop.gui.widgets.grid import fit_columns
from rasad_desktop.services import attachments, backup
from rasad_desktop.services.office import restore_in_progress
from rasad_desktop.services.roles import Actor, Permission

NAME, KIND, SIZE, DATE = range(4)
LRM = "\u200e"
T = TypeVar("T")


def _password_edit(parent: QWidget, name: str) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class PassphraseDialog(FormDialog):
    """The passphrase of a new backup, typed twice; at least eight characters."""

    def __init__(self, target: Path, language: str = "fa", parent: QWidget | None = None) -> None:
        super().__init__(parent, name="backupPassphrase", accept_name="backupButton", min_width=480)
        self.set_texts(self.tr("Back up now"), self.tr("Back up"), self.tr("Cancel"))
        self.passphrase = ""
        self.language = language
        intro = self.note(self.tr("The backup {0} is encrypted with this passphrase. Keep it somewhere safe: "
                                  "without it the backup cannot be opened, by anyone.").format(target.name))
        intro.setObjectName("intro")
        self.first = _password_edit(self, "passphrase")
        self.second = _password_edit(self, "passphraseAgain")
        self.show_text = QCheckBox(self.tr("Show the passphrase"), self)
        self.show_text.setObjectName("showPassphrase")
        self.show_text.toggled.connect(self._toggle)
        self.form.addRow(self.tr("Passphrase (at least 8 characters):"), self.first)
        self.form.addRow(self.tr("Passphrase again:"), self.second)
        self.form.addRow("", self.show_text)
        self.lay_out([intro])
        self.first.setFocus()

    def _toggle(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.first.setEchoMode(mode)
        self.second.setEchoMode(mode)

    def try_accept(self) -> None:
        text = self.first.text()
        try:
            backup.check_passphrase(text)
        except RasadError as err:
            self.refuse(err.message(self.language))
            return
        if self.second.text() != text:
            self.refuse(self.tr("The two passphrases differ."))
            return
        self.passphrase = text
        self.accept()


class RestoreDialog(FormDialog):
    """Restoring replaces every current figure: the passphrase, and the confirmation word typed
    out (a click alone is not enough)."""

    def __init__(self, source: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent, name="restoreBackup", accept_name="restoreButton", min_width=520)
        self.set_texts(self.tr("Restore from a backup"), self.tr("Restore"), self.tr("Cancel"))
        self.passphrase = ""
        self.word = self.tr("RESTORE")
        file_label = QLabel(source.name, self)
        file_label.setObjectName("file")
        bold = file_label.font()
        bold.setBold(True)
        file_label.setFont(bold)
        # a Latin label would follow its own text direction (to the left): put it where Persian text starts
        start = Qt.AlignmentFlag.AlignRight if self.isRightToLeft() else Qt.AlignmentFlag.AlignLeft
        file_label.setAlignment(start | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)
        warning = self.note(self.tr("All current data — budgets, collections, users, requests, issued reports — "
                                    "is replaced by the contents of this backup. A copy of the current data is "
                                    "kept in the backups folder. Data entry is closed until the restore "
                                    "finishes."))
        warning.setObjectName("warning")
        warning.setStyleSheet(WARNING_STYLE)
        self.passphrase_edit = _password_edit(self, "passphrase")
        self.confirm_edit = QLineEdit(self)
        self.confirm_edit.setObjectName("confirmWord")
        self.confirm_edit.setPlaceholderText(self.word)
        self.form.addRow(self.tr("Backup file:"), file_label)
        self.form.addRow(self.tr("Passphrase:"), self.passphrase_edit)
        self.form.addRow(self.tr("To confirm, type «{0}»:").format(self.word), self.confirm_edit)
        self.ok.setDefault(False)  # Enter alone never restores
        self.ok.setEnabled(False)
        self.confirm_edit.textChanged.connect(lambda _: self.ok.setEnabled(self.confirmed()))
        self.lay_out([warning])
        self.passphrase_edit.setFocus()

    def confirmed(self) -> bool:
        typed = normalize(self.confirm_edit.text()).casefold()
        return typed in {normalize(self.word).casefold(), "restore"}

    def try_accept(self) -> None:
        if not self.confirmed():
            self.refuse(self.tr("Type «{0}» to confirm.").format(self.word))
            return
        if not self.passphrase_edit.text():
            self.refuse(self.tr("Enter the backup's passphrase."))
            return
        self.passphrase = self.passphrase_edit.text()
        self.accept()


class MaintenancePage(Page):
    refresh_on = Changes.BACKUP | Changes.OFFICE
    permission = Permission.BACKUP
    object_name = "maintenance"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.exec_dialog: Callable[[QDialog], int] = lambda dialog: dialog.exec()
        self.choose_save_path: Callable[[Path], Path | None] = self._choose_save_path
        self.choose_open_path: Callable[[Path], Path | None] = self._choose_open_path
        self.confirm: Callable[[str], bool] = self._confirm
        self.confirm_foreign: Callable[[str], bool] = self._confirm  # a backup from another installation
        self.busy = False
        self._build()
        self._lay_out()
        self.backup_button.clicked.connect(self.back_up)
        self.restore_button.clicked.connect(self.restore)
        self.clear_flag_button.clicked.connect(self.clear_flag)
        self._show_flag(False)

    def _build(self) -> None:
        self.intro = intro = QLabel(self.tr("A backup holds the whole database, encrypted with a passphrase you choose, and "
                               "is checked after it is written. Keep copies away from this computer (a USB "
                               "drive, another building). Restoring replaces all current data; a copy of the "
                               "current data is kept first."), self)
        intro.setObjectName("intro")
        intro.setWordWrap(True)
        self.backup_button = QPushButton(self.tr("Back up now…"), self)
        self.backup_button.setObjectName("backupNow")
        self.restore_button = QPushButton(self.tr("Restore from a backup…"), self)
        self.restore_button.setObjectName("restore")
        self.flag_label = QLabel(self.tr("A restore is marked as running, so data entry is closed. If no restore "
                                         "is running on any computer (one was interrupted), clear the mark."), self)
        self.flag_label.setObjectName("flagWarning")
        self.flag_label.setWordWrap(True)
        self.flag_label.setStyleSheet(WARNING_STYLE)
        self.clear_flag_button = QPushButton(self.tr("Clear the mark"), self)
        self.clear_flag_button.setObjectName("clearFlag")
        self.folder_label = QLabel(self)
        self.folder_label.setObjectName("folder")
        self.folder_label.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("backupsTable")
        self.table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Kind"), self.tr("Size"), self.tr("Date")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        fit_columns(self.table, NAME)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        flag_row = QHBoxLayout()
        flag_row.addWidget(self.flag_label, 1)
        flag_row.addWidget(self.clear_flag_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(buttons)
        layout.addLayout(flag_row)
        layout.addWidget(self.folder_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)

    def title(self) -> str:
        return self.tr("Backups")

    @property
    def folder(self) -> Path:
        return self.ctx.data_dir / "backups"

    # --------------------------------------------------------------- showing
    def refresh(self) -> None:
        self._list_files()
        flagged = ReadOp(self, self.ctx, lambda s, _: restore_in_progress(s)).fetch()
        self._show_flag(bool(flagged) and not self.busy)

    def _list_files(self) -> None:
        files = backup.list_backups(self.folder)
        kinds = {"backup": self.tr("Encrypted backup"), "pre-restore": self.tr("Copy before a restore"),
                 "pre-upgrade": self.tr("Copy before an upgrade"), "other": self.tr("Other file")}
        self.table.setRowCount(len(files))
        lang = self.ctx.language
        for row, f in enumerate(files):
            when = f"{fmt.date(f.modified, lang)} {fmt.number(f'{f.modified:%H:%M}', lang)}"
            cells = (f.path.name, kinds[f.kind], backup.human_size(f.size, lang), when)
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, str(f.path))
                if col == SIZE:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        folder = f"{LRM}{self.folder}{LRM}"  # a path reads left to right, also inside Persian text
        self.folder_label.setText(self.tr("Files in {0}:").format(folder) if files
                                  else self.tr("No backups yet in {0}.").format(folder))

    def file_names(self) -> list[str]:
        return [item.text() for r in range(self.table.rowCount()) if (item := self.table.item(r, NAME)) is not None]

    def _show_flag(self, shown: bool) -> None:
        self.flag_label.setVisible(shown)
        self.clear_flag_button.setVisible(shown)

    # --------------------------------------------------------------- actions
    def back_up(self) -> None:
        target = self.choose_save_path(self.folder / backup.suggested_name())
        if target is None:
            return
        if target.suffix == "":
            target = target.with_suffix(backup.BACKUP_SUFFIX)
        dialog = PassphraseDialog(target, self.ctx.language, self)
        accepted = self.exec_dialog(dialog) == QDialog.DialogCode.Accepted
        passphrase = dialog.passphrase
        dialog.deleteLater()
        if not accepted or not passphrase:
            return
        attachments_dir = attachments.folder(self.ctx.data_dir)

        def done(info: backup.BackupInfo) -> None:
            text = self.tr("The backup {0} was written and checked ({1}, {2} attachments). SHA-256: {3}").format(
                info.path.name, backup.human_size(info.size, self.ctx.language),
                fmt.number(info.attachments, self.ctx.language), info.sha256)
            if info.missing_attachments:
                text += " " + self.tr("Warning: {0} attachment files were missing from the data folder or had "
                                      "changed; they are not in this backup.").format(
                    fmt.number(len(info.missing_attachments), self.ctx.language))
            self._done(text)
            self.refresh()

        self._busy_op(lambda db, actor: backup.make_backup(db, actor, target, passphrase,
                                                           attachments_dir=attachments_dir),
                      self.tr("Writing and checking the backup…"), Changes.BACKUP).success(done).run()

    def restore(self) -> None:
        source = self.choose_open_path(self.folder)
        if source is None:
            return
        dialog = RestoreDialog(source, self)
        accepted = self.exec_dialog(dialog) == QDialog.DialogCode.Accepted
        passphrase = dialog.passphrase
        dialog.deleteLater()
        if not accepted or not passphrase:
            return
        folder, attachments_dir = self.folder, attachments.folder(self.ctx.data_dir)

        def inspected(origin: backup.BackupOrigin) -> None:
            if origin.foreign:
                text = "\n".join([self.tr("This backup is not from this installation of Rasad:"),
                                   *origin.lines(self.ctx.language), "",
                                   self.tr("Restoring it replaces all data and all user accounts here with those "
                                           "above. Restore it?")])
                if not self.confirm_foreign(text):
                    self._done(self.tr("The restore was cancelled; nothing was changed."))
                    return
            restore_it(origin.foreign)

        def done(info: backup.RestoreInfo) -> None:
            text = self.tr("The data was restored from {0} (made on {1}). The data as it was before is kept in "
                           "{2}.").format(info.source.name, fmt.date_time(info.backup_created_at, self.ctx.language),
                                          info.safety_copy.name)
            if info.upgraded:
                text += " " + self.tr("The backup was older and was brought up to this version of the program.")
            if info.attachments:
                text += " " + self.tr("{0} attachment files were put back in the data folder.").format(
                    fmt.number(info.attachments, self.ctx.language))
            self._done(text)
            # the list only: the restored data may not hold this account (the session ends with the restore)
            self._list_files()
            self._show_flag(False)

        def restore_it(accept_foreign: bool) -> None:
            self._busy_op(lambda db, actor: backup.restore_backup(db, actor, source, passphrase, backup_dir=folder,
                                                                  attachments_dir=attachments_dir,
                                                                  accept_foreign=accept_foreign),
                          self.tr("Restoring the backup…"), Changes.RESTORE).success(done).run()

        preview = self._busy_op(lambda db, actor: backup.inspect(db, actor, source, passphrase),
                                self.tr("Opening the backup…"), Changes.NONE)
        preview.changes = Changes.NONE  # it only reads (no audit record): no screen needs to refresh
        preview.success(inspected).run()

    def clear_flag(self) -> None:
        if not self.confirm(self.tr("Clear the mark only if no restore is running on any computer. Clear it?")):
            return
        if DatabaseOp(self, self.ctx, backup.clear_restore_flag, Changes.OFFICE).messages_to(self.show_error) \
                .run_now():
            self._done(self.tr("The mark was cleared; data entry is open again."))
            self.refresh()

    # --------------------------------------------------------------- helpers
    def _busy_op(self, work: Callable[[Database, Actor], T], label: str, changes: Changes) -> Task[T]:
        """A backup or a restore: the buttons wait while it runs; a failure is told here."""
        return DatabaseOp(self, self.ctx, work, changes, label=label).while_busy(self._set_busy) \
            .failure(self._failed)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.backup_button.setEnabled(not busy)
        self.restore_button.setEnabled(not busy)

    def _done(self, text: str) -> None:
        self.message.setStyleSheet(DONE_STYLE)
        self.message.setText(text)

    def _failed(self, exc: BaseException) -> None:
        with suppress(Exception):  # the list and the mark are a courtesy here; the failure is what matters
            self.refresh()
        self.show_failure(exc)

    def _choose_save_path(self, suggested: Path) -> Path | None:
        suggested.parent.mkdir(parents=True, exist_ok=True)
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the backup as"), str(suggested),
                                              self.tr("Rasad backups (*.rbk)"))
        return Path(path) if path else None

    def _choose_open_path(self, folder: Path) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Restore from a backup"), str(folder),
                                              self.tr("Rasad backups (*.rbk);;All files (*)"))
        return Path(path) if path else None

    def _confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Backups"), text)
        return answer == QMessageBox.StandardButton.Yes
