"""An input widget for a declared setting (``core/settings_schema.py``), chosen by its
type: a check box, a spin box with its range, a line edit, a combo box of its choices, or
an image chooser with a preview. Labels come from the declaration, in the interface's
language (they are data, not ``tr()`` strings)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from rasad_desktop.core import palette
from rasad_desktop.core.settings_schema import Kind, Setting, image_type
from rasad_desktop.core.text import normalize
from rasad_desktop.gui import format as fmt
from rasad_desktop.gui.context import AppServices
from rasad_desktop.gui.operations import Task

PREVIEW_WIDTH, PREVIEW_HEIGHT = 220, 70


@dataclass
class Field:
    """One declared setting on a form: the widget put in the form and how to read and show
    its value."""

    setting: Setting
    input: QWidget
    value: Callable[[], Any]
    show: Callable[[Any], None]
    inputs: list[QWidget] = field(default_factory=list)  # what is enabled or disabled together

    @property
    def key(self) -> str:
        return self.setting.key

    def set_enabled(self, enabled: bool) -> None:
        for widget in self.inputs:
            widget.setEnabled(enabled)


def make_field(setting: Setting, services: AppServices, parent: QWidget,
               report: Callable[[str], Any]) -> Field:
    """The input for ``setting``; ``report`` shows a problem found while choosing a file."""
    lang = services.language
    tip = setting.help(lang)
    if setting.kind is Kind.BOOL:
        box = QCheckBox(setting.label(lang), parent)
        made = Field(setting, box, box.isChecked, lambda v: box.setChecked(bool(v)), [box])
    elif setting.kind is Kind.INT:
        spin = QSpinBox(parent)
        spin.setRange(setting.low if setting.low is not None else -(2**31),
                      setting.high if setting.high is not None else 2**31 - 1)
        spin.setSuffix(setting.suffix(lang))
        spin.setMaximumWidth(140)
        made = Field(setting, spin, spin.value, spin.setValue, [spin])
    elif setting.kind is Kind.CHOICE:
        combo = QComboBox(parent)
        for choice in setting.choices:
            combo.addItem(choice.label(lang), choice.value)
        combo.setMaximumWidth(240)
        made = Field(setting, combo, combo.currentData,
                     lambda v: combo.setCurrentIndex(max(0, combo.findData(v))), [combo])
    elif setting.kind is Kind.TEXT:
        edit = QLineEdit(parent)
        if setting.high is not None:
            edit.setMaxLength(setting.high)
        made = Field(setting, edit, lambda: normalize(edit.text()), edit.setText, [edit])
    else:
        image = ImageField(setting, services, parent, report)
        made = Field(setting, image, image.value, image.set_value, [image.choose_button, image.remove_button])
    made.input.setObjectName(setting.key)
    if tip:
        made.input.setToolTip(tip)
    return made


class ImageField(QWidget):
    """A PNG or JPEG image held as its bytes: a preview, what it is, Choose… and Remove.
    A chosen file is read and checked at once (by its content, against the declaration);
    one that is refused leaves the field as it was."""

    def __init__(self, setting: Setting, services: AppServices, parent: QWidget | None,
                 report: Callable[[str], Any]) -> None:
        super().__init__(parent)
        self.setting = setting
        self.services = services
        self.report = report
        self.data: bytes | None = None
        self.chooser: Callable[[], str] = self._choose
        self.preview = QLabel(self)
        self.preview.setObjectName("preview")
        self.preview.setFixedSize(PREVIEW_WIDTH, PREVIEW_HEIGHT)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet(f"border: 1px solid {palette.FRAME}; background: white;")
        self.info = QLabel(self)
        self.info.setObjectName("imageInfo")
        self.choose_button = QPushButton(self.tr("Choose…"), self)
        self.choose_button.setObjectName("chooseImage")
        self.choose_button.clicked.connect(self.pick)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setObjectName("removeImage")
        self.remove_button.clicked.connect(lambda: self.set_value(None))
        side = QVBoxLayout()
        side.addWidget(self.info)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        side.addLayout(buttons)
        side.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.preview)
        row.addLayout(side, 1)
        self.set_value(None)

    def value(self) -> bytes | None:
        return self.data

    def set_value(self, data: bytes | None) -> None:
        self.data = data
        lang = self.services.language
        if not data:
            self.data = None
            self.preview.clear()
            self.preview.setText(self.tr("No signature image"))
            self.info.setText("")
            return
        pixmap = QPixmap()
        kind = image_type(data)
        if kind and pixmap.loadFromData(QByteArray(data), kind.upper()):  # by its content, as it was checked
            self.preview.setPixmap(pixmap.scaled(PREVIEW_WIDTH - 4, PREVIEW_HEIGHT - 4,
                                                 Qt.AspectRatioMode.KeepAspectRatio,
                                                 Qt.TransformationMode.SmoothTransformation))
        else:
            self.preview.clear()
        name = (kind or "").upper() + ("" if lang == "en" else "\u200f")  # RLM: «PNG» stays before its comma
        self.info.setText(self.tr("{0} image, {1} KB").format(name, fmt.number(max(1, round(len(data) / 1024)), lang)))

    def pick(self) -> None:
        path = self.chooser()
        if not path:
            return  # cancelled: the field keeps its value
        limit = self.setting.high
        data = Task(self, self.services, lambda: _read_at_most(Path(path), limit)).messages_to(self.report).fetch()
        if data is None:
            return
        problem = self.setting.problem(data)
        if problem is not None:
            self.report(problem.message(self.services.language))
            return
        self.set_value(data)

    def _choose(self) -> str:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Scanned signature"), "",
                                              self.tr("Images (*.png *.jpg *.jpeg)"))
        return path


def _read_at_most(path: Path, limit: int | None) -> bytes:
    """The file's bytes, at most one more than ``limit`` (so a huge file is refused by size,
    not read whole)."""
    with path.open("rb") as f:
        return f.read() if limit is None else f.read(limit + 1)
