"""Settings, built from their declarations (``core/settings_schema.py``): a box per group,
an input per declared setting chosen by its type.

Those of this workstation (``settings.json`` in the data folder: the language for
everyone; the default unit and the workstation number for the administrator) come first;
then the office's, kept in the database and the same on every workstation (office and
province, the status thresholds, the signature block with the approver's scan, working
days, response targets, lockout, idle lock, attachments): shown to everyone, changed by
the administrator only. One Save writes this workstation's file and the office's changes
in one audited transaction (``services.office.save_office_settings``); «Undo changes»
shows the stored values again. Below, the table of official holidays (not a setting:
each change is written at once)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from rasad_desktop.core.settings_schema import GROUPS, SETTINGS, Group, Kind, Scope, first_problem
from rasad_desktop.gui.context import AppContext, Changes
from rasad_desktop.gui.operations import ReadOp, Task, WriteOp
from rasad_desktop.gui.pages.base import Page
from rasad_desktop.gui.style import CAPTION_STYLE, DONE_STYLE
from rasad_desktop.gui.widgets.holidays_box import OfficeHolidays
from rasad_desktop.gui.widgets.setting_fields import Field, ImageField, make_field
from rasad_desktop.services import office
from rasad_desktop.services.roles import Permission

ADMIN_ONLY = Permission.MANAGE_SETTINGS
# the boxes of each column, in page order (the first column is on the right in Persian)
COLUMNS = {Scope.WORKSTATION: (("interface",), ("workstation",)),
           Scope.OFFICE: (("office", "status", "signature"), ("workdays", "security", "attachments"))}
T = TypeVar("T")


class SettingsPage(Page):
    permission = Permission.VIEW
    refresh_on = Changes.SETTINGS | Changes.OFFICE
    object_name = "settings"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.is_admin = ctx.can(ADMIN_ONLY)
        self.loaded_office: dict[str, Any] | None = None  # None until the stored values are shown
        self.choose_image: Callable[[], str] | None = None  # tests replace the file chooser here
        body = QWidget(self)
        self._build(body)
        self._lay_out(body)
        # what only the administrator may change (the services check it too)
        self.admin_widgets: list[QWidget] = [w for f in self.fields.values() if not f.setting.everyone
                                             for w in f.inputs]
        for f in self.fields.values():
            f.set_enabled(self.may_change(f) and f.setting.scope is Scope.WORKSTATION)
        self.load()

    def _build(self, body: QWidget) -> None:
        """A field per declared setting (by its type), a box per group, the buttons."""
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.fields: dict[str, Field] = {}
        self.groups: dict[str, QGroupBox] = {}
        for setting in SETTINGS:
            if setting.on_page:
                self.fields[setting.key] = make_field(setting, self.ctx, body, self.show_error)
        for group in GROUPS:
            box = self._group_box(group, body)
            if box is not None:
                self.groups[group.key] = box
        image = self.fields["signature_image"].input
        assert isinstance(image, ImageField)  # the declaration's kind is IMAGE
        self.image = image
        self.image.chooser = self._chooser

        self.admin_note = QLabel(self.tr("Only the system administrator can change the settings other than "
                                         "the language."), body)
        self.admin_note.setObjectName("adminNote")
        self.admin_note.setWordWrap(True)
        self.admin_note.setVisible(not self.is_admin)
        self.holidays = OfficeHolidays(self.ctx, body)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("save")
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("Undo changes"), self)
        self.revert_button.setObjectName("revert")
        self.revert_button.clicked.connect(self.load)

    def _lay_out(self, body: QWidget) -> None:
        """Each scope under its heading, its groups in columns; the holidays; the buttons."""
        column = QVBoxLayout(body)
        column.addWidget(self.admin_note)
        for scope, heading in ((Scope.WORKSTATION, self.tr("Settings of this workstation")),
                               (Scope.OFFICE, self.tr("Settings of the office (the same on every workstation)"))):
            title = QLabel(heading, body)
            title.setObjectName(f"{scope.value}Heading")
            bold = QFont(title.font())
            bold.setBold(True)
            bold.setPointSizeF(bold.pointSizeF() * 1.1)
            title.setFont(bold)
            column.addWidget(title)
            grid = QGridLayout()
            columns = [list(keys) for keys in COLUMNS[scope]]
            placed = {k for keys in columns for k in keys}
            columns[-1] += [k for k, box in self.groups.items()  # a group declared since: at the end
                            if k not in placed and self.fields_of(k)[0].setting.scope is scope]
            for c, keys in enumerate(columns):
                stack = QVBoxLayout()
                for key in keys:
                    if key in self.groups:
                        stack.addWidget(self.groups[key])
                stack.addStretch(1)
                grid.addLayout(stack, 0, c)
                grid.setColumnStretch(c, 1)
            column.addLayout(grid)
        column.addWidget(self.holidays)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

    def title(self) -> str:
        return self.tr("Settings")

    def may_change(self, f: Field) -> bool:
        return f.setting.everyone or self.is_admin

    def fields_of(self, group: str) -> list[Field]:
        return [f for f in self.fields.values() if f.setting.group == group]

    def _group_box(self, group: Group, parent: QWidget) -> QGroupBox | None:
        members = self.fields_of(group.key)
        if not members:
            return None
        lang = self.ctx.language
        box = QGroupBox(group.label(lang), parent)
        box.setObjectName(f"{group.key}Group")
        column = QVBoxLayout(box)
        form = QFormLayout()
        for f in members:
            if f.setting.kind is Kind.BOOL:
                form.addRow(f.input)  # a check box says what it means itself
            else:
                form.addRow(f.setting.label(lang) + ":", f.input)
        column.addLayout(form)
        if group.note(lang):  # below the form, not in it: a wrapped label in a form row was clipped
            note = QLabel(group.note(lang), box)
            note.setWordWrap(True)
            note.setStyleSheet(CAPTION_STYLE)
            note.setContentsMargins(8, 0, 8, 0)  # Qt wraps Persian a few pixels too wide: keep it inside
            column.addWidget(note)
        return box

    def _chooser(self) -> str:
        return self.choose_image() if self.choose_image is not None else self.image._choose()

    # --------------------------------------------------------------- loading
    def refresh(self) -> None:
        """Settings change only through this page: other data changing must not throw away what
        is being typed here."""

    def on_data_changed(self, changes: Changes) -> None:
        if changes & self.refresh_on:
            self.load()

    def load(self) -> None:
        """Show the stored values: this workstation's at once, the office's once read."""
        for f in self.fields.values():
            if f.setting.scope is Scope.WORKSTATION:
                f.show(self.ctx.settings.get(f.key))
        self.message.clear()
        ReadOp(self, self.ctx, lambda s, _: office.read_settings(s)).success(self._show_office) \
            .messages_to(self.show_error).run()

    def _show_office(self, values: dict[str, Any]) -> None:
        self.loaded_office = dict(values)
        for f in self.fields.values():
            if f.setting.scope is Scope.OFFICE:
                f.show(values[f.key])
                f.set_enabled(self.is_admin)

    # ---------------------------------------------------------------- saving
    def values(self, scope: Scope) -> dict[str, Any]:
        """What the form holds for ``scope``, of the settings this user may change."""
        if scope is Scope.OFFICE and self.loaded_office is None:
            return {}  # not shown yet: nothing the user could have changed
        return {key: f.value() for key, f in self.fields.items()
                if f.setting.scope is scope and self.may_change(f)}

    def changes(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """This workstation's and the office's settings the form changed."""
        workstation = {k: v for k, v in self.values(Scope.WORKSTATION).items() if v != self.ctx.settings.get(k)}
        loaded = self.loaded_office or {}
        return workstation, {k: v for k, v in self.values(Scope.OFFICE).items() if v != loaded.get(k)}

    def save(self) -> bool:
        workstation, office_changes = self.changes()
        problem = first_problem({**self.values(Scope.WORKSTATION), **(self.loaded_office or {}),
                                 **self.values(Scope.OFFICE)})
        if problem is not None:
            self.show_error(problem.message(self.ctx.language))
            return False
        if not workstation and not office_changes:
            self._done(self.tr("Nothing to save: the settings are unchanged."))
            return True
        if office_changes and not WriteOp(
                self, self.ctx, lambda s, actor: office.save_office_settings(s, actor, office_changes),
                Changes.OFFICE).messages_to(self.show_error).run_now():
            return False  # refused with a message; this workstation's file is not written either
        # the disk is full, the folder is read-only, …: told by the handler
        if workstation and not Task(self, self.ctx, lambda: self.ctx.settings.save_changes(workstation),
                                    changes=Changes.SETTINGS).messages_to(self.show_error).run_now():
            return False
        self._done(self.tr("Saved. The new language takes effect the next time Rasad starts.")
                   if "language" in workstation else self.tr("Saved."))
        return True

    def _done(self, text: str) -> None:
        self.message.setStyleSheet(DONE_STYLE)
        self.message.setText(text)
