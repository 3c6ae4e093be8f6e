"""Users (administrator): accounts with roles; password reset by the administrator only, with a
temporary password shown once and changed at the next sign-in; lock and unlock; change a role
(a signed-in holder is signed out at their next action).

The dialogs are reached through attributes tests replace (``exec_dialog``, ``show_once``,
``confirm``, ``choose_role``), so every path runs without a modal loop.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rasad_desktop.gui.context import AppContext, Changes
from rasad_desktop.gui.models.users_model import FULL_NAME, UsersModel
from rasad_desktop.gui.operations import ReadOp, Session, WriteOp
from rasad_desktop.gui.pages.base import Page
from rasad_desktop.gui.style import DONE_STYLE, NOTICE_STYLE
from rasad_desktop.gui.widgets.form_dialog import FormDialog
from rasad_desktop.gui.widgets.forms import latin_edit
from rasad_desktop.services import accounts
from rasad_desktop.services.roles import Actor, Permission, Role
from rasad_desktop.services.users_view import UserRow, list_users


class AddUserDialog(FormDialog):
    """User name, full name, title and role; the account is created when the administrator presses
    Create, with a generated password. A refused value keeps the dialog open with its message."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, name="addUser", accept_name="createButton")
        self.set_texts(self.tr("Add a user"), self.tr("Create user"), self.tr("Cancel"))
        self.ctx = ctx
        self.created: tuple[str, str] | None = None  # (user name, generated password)
        self.username = latin_edit(self, "username")
        self.full_name = QLineEdit(self)
        self.full_name.setObjectName("fullName")
        self.job_title = QLineEdit(self)
        self.job_title.setObjectName("jobTitle")
        self.role = QComboBox(self)
        self.role.setObjectName("role")
        for role in (Role.ADMIN, Role.DATA_ENTRY, Role.REPORT_OFFICER, Role.VIEWER):
            self.role.addItem(role.label(ctx.language), role.value)
        self.role.setCurrentIndex(self.role.findData(Role.VIEWER.value))  # the least a new account may do
        hint = self.note(self.tr("A password is generated and shown to you once; the user must change it at "
                                 "their first sign-in."))
        self.form.addRow(self.tr("User name (Latin letters):"), self.username)
        self.form.addRow(self.tr("Full name:"), self.full_name)
        self.form.addRow(self.tr("Title (printed under the name as preparer):"), self.job_title)
        self.form.addRow(self.tr("Role:"), self.role)
        self.lay_out(below=[hint])
        self.username.setFocus()

    def try_accept(self) -> None:
        role, username, full_name = Role(self.role.currentData()), self.username.text(), self.full_name.text()
        title = self.job_title.text()

        def create(session: Session, actor: Actor) -> tuple[str, str]:
            user, generated = accounts.create_user(session, actor, username, role, full_name=full_name, title=title)
            return user.username, generated or ""

        self.submit(WriteOp(self, self.ctx, create, Changes.USERS), lambda created: setattr(self, "created", created))


class OneTimePasswordDialog(QDialog):
    """A password shown this once, with a button that copies it; it is kept nowhere else."""

    def __init__(self, title: str, username: str, password: str, note: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("oneTimePassword")
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        intro = QLabel(note, self)
        intro.setObjectName("note")
        intro.setWordWrap(True)
        who = QLabel(username, self)
        who.setObjectName("username")
        # a Latin label would follow its own text direction (to the left): put it where Persian text starts
        start = Qt.AlignmentFlag.AlignRight if self.isRightToLeft() else Qt.AlignmentFlag.AlignLeft
        who.setAlignment(start | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)
        bold = who.font()
        bold.setBold(True)
        who.setFont(bold)
        self.password = QLineEdit(password, self)
        self.password.setObjectName("password")
        self.password.setReadOnly(True)
        self.password.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSize(QApplication.font().pointSize() + 4)
        mono.setWeight(QFont.Weight.Bold)
        self.password.setFont(mono)
        self.copy_button = QPushButton(self.tr("Copy"), self)
        self.copy_button.setObjectName("copy")
        self.copy_button.clicked.connect(self.copy)
        row = QHBoxLayout()
        row.addWidget(self.password, 1)
        row.addWidget(self.copy_button)
        warning = QLabel(self.tr("This password will not be shown again. Give it to the user in person; "
                                 "they must change it at their next sign-in."), self)
        warning.setObjectName("warning")
        warning.setWordWrap(True)
        warning.setStyleSheet(NOTICE_STYLE)
        form = QFormLayout()
        form.addRow(self.tr("User name:"), who)
        form.addRow(self.tr("Password:"), row)
        buttons = QDialogButtonBox(self)
        done = buttons.addButton(self.tr("Done"), QDialogButtonBox.ButtonRole.AcceptRole)
        done.setObjectName("done")
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(warning)
        layout.addWidget(buttons)

    def copy(self) -> None:
        QApplication.clipboard().setText(self.password.text())
        self.copy_button.setText(self.tr("Copied"))


class UsersPage(Page):
    refresh_on = Changes.USERS
    permission = Permission.MANAGE_USERS
    object_name = "users"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.exec_dialog: Callable[[QDialog], int] = lambda dialog: dialog.exec()
        self.show_once: Callable[[str, str, str, str], None] = self._show_once
        self.confirm: Callable[[str], bool] = self._confirm
        self.choose_role: Callable[[str, Role], Role | None] = self._choose_role
        intro = QLabel(self.tr("A user who forgot their password asks you: reset it here and give them the "
                               "temporary password, which is shown only once and must be changed at their "
                               "next sign-in."), self)
        intro.setObjectName("intro")
        intro.setWordWrap(True)
        self.model = UsersModel(ctx.language, self)
        self.table = QTableView(self)
        self.table.setObjectName("usersTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FULL_NAME, QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(self.tr("Add a user…"), self)
        self.add_button.setObjectName("addUser")
        self.reset_button = QPushButton(self.tr("Reset password…"), self)
        self.reset_button.setObjectName("resetPassword")
        self.lock_button = QPushButton(self.tr("Lock"), self)
        self.lock_button.setObjectName("lock")
        self.unlock_button = QPushButton(self.tr("Unlock"), self)
        self.unlock_button.setObjectName("unlock")
        self.role_button = QPushButton(self.tr("Change role…"), self)
        self.role_button.setObjectName("changeRole")
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.reset_button, self.lock_button, self.unlock_button, self.role_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

        self.add_button.clicked.connect(self.add_user)
        self.reset_button.clicked.connect(self.reset_password)
        self.lock_button.clicked.connect(lambda: self.set_locked(True))
        self.unlock_button.clicked.connect(lambda: self.set_locked(False))
        self.role_button.clicked.connect(self.change_role)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        self._update_buttons()

    def title(self) -> str:
        return self.tr("Users")

    # --------------------------------------------------------------- showing
    def refresh(self) -> None:
        keep = self.selected()
        rows = ReadOp(self, self.ctx, lambda s, _: list_users(s)).fetch()  # at once: an action selects in it
        if rows is None:
            return
        self.model.load(rows)
        if keep is not None:
            self.select(keep.username)

    def selected(self) -> UserRow | None:
        index = self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() and index.row() < len(self.model.rows) else None

    def select(self, username: str) -> bool:
        row = self.model.row_of(username)
        if row < 0:
            return False
        # not QTableView.selectRow: right to left, before the first layout, it makes the current index invalid
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(self.model.index(row, 0), flags)
        return True

    def _update_buttons(self) -> None:
        row = self.selected()
        self.reset_button.setEnabled(row is not None)
        self.lock_button.setEnabled(row is not None and row.state in ("active", "lockout"))
        self.unlock_button.setEnabled(row is not None and row.state in ("locked", "lockout"))
        self.role_button.setEnabled(row is not None and row.username != self.ctx.actor.username)

    # --------------------------------------------------------------- actions
    def add_user(self) -> None:
        dialog = AddUserDialog(self.ctx, self)
        accepted = self.exec_dialog(dialog) == QDialog.DialogCode.Accepted
        created = dialog.created
        dialog.deleteLater()
        if not accepted or created is None:
            return
        username, password = created
        self._changed(username, self.tr("User {0} was created.").format(username))
        self.show_once(self.tr("New user's password"), username, password,
                       self.tr("The account {0} was created with this password.").format(username))

    def reset_password(self) -> None:
        row = self.selected()
        if row is None:
            return
        if not self.confirm(self.tr("Reset the password of {0}? Their current password stops working at "
                                    "once.").format(row.username)):
            return
        username = row.username

        def done(temporary: str) -> None:
            self._changed(username, self.tr("The password of {0} was reset; they must change it at their next "
                                            "sign-in.").format(username))
            self.show_once(self.tr("Temporary password"), username, temporary,
                           self.tr("The password of {0} was reset to this temporary password.").format(username))

        WriteOp(self, self.ctx, lambda s, actor: accounts.reset_password(s, actor, username), Changes.USERS,
                label=self.tr("Resetting the password…")).success(done).failure(self.show_failure).run()

    def set_locked(self, locked: bool) -> None:
        row = self.selected()
        if row is None:
            return
        username = row.username

        def done(_: object) -> None:
            text = self.tr("The account {0} was locked.") if locked else self.tr("The account {0} was unlocked.")
            self._changed(username, text.format(username))

        WriteOp(self, self.ctx, lambda s, actor: accounts.set_locked(s, actor, username, locked), Changes.USERS) \
            .success(done).failure(self.show_failure).run()

    def change_role(self) -> None:
        row = self.selected()
        if row is None:
            return
        username = row.username
        role = self.choose_role(username, row.role)
        if role is None or role is row.role:
            return

        def done(_: object) -> None:
            self._changed(username, self.tr("{0} is now {1}; if signed in, they are signed out at their next "
                                            "action.").format(username, role.label(self.ctx.language)))

        WriteOp(self, self.ctx, lambda s, actor: accounts.set_role(s, actor, username, role), Changes.USERS) \
            .success(done).failure(self.show_failure).run()

    # --------------------------------------------------------------- helpers
    def _changed(self, username: str, text: str) -> None:
        """After a write (whose op announced it): select the user it was about."""
        if not self.isVisible():
            self.refresh()  # a hidden page only marks itself stale; the selection must follow now
        self.select(username)
        self.message.setStyleSheet(DONE_STYLE)
        self.message.setText(text)

    def _show_once(self, title: str, username: str, password: str, note: str) -> None:
        dialog = OneTimePasswordDialog(title, username, password, note, self)
        self.exec_dialog(dialog)
        dialog.deleteLater()

    def _choose_role(self, username: str, current: Role) -> Role | None:
        roles = list(Role)
        labels = [r.label(self.ctx.language) for r in roles]
        label, ok = QInputDialog.getItem(self, self.tr("Change role"), self.tr("New role of {0}:").format(username),
                                         labels, roles.index(current), False)
        return roles[labels.index(label)] if ok and label in labels else None

    def _confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Users"), text)
        return answer == QMessageBox.StandardButton.Yes
