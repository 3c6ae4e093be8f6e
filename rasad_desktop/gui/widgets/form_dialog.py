"""The dialog every form of Rasad is: fields in a form, a red message line, an accept and a
reject button. Accepting runs one operation on the UI thread; a refused value keeps the
dialog open with the service's message, a bug goes to the crash handler."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLayout, QVBoxLayout, QWidget

from rasad_desktop.gui.operations import Task
from rasad_desktop.gui.widgets.forms import dialog_buttons, message_label

T = TypeVar("T")


class FormDialog(QDialog):
    """Subclasses call ``set_texts`` (their own ``tr`` works only once the dialog exists), add
    rows to ``form``, implement ``try_accept``; ``lay_out`` puts the parts in order."""

    def __init__(self, parent: QWidget | None, *, name: str, accept_name: str, min_width: int = 460) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setMinimumWidth(min_width)
        self.form = QFormLayout()
        self.message = message_label(self)
        self.buttons, self.ok = dialog_buttons(self, "", "", self.try_accept, accept_name)

    def set_texts(self, title: str, accept_text: str, reject_text: str) -> None:
        self.setWindowTitle(title)
        self.ok.setText(accept_text)
        self.buttons.buttons()[-1].setText(reject_text)

    def try_accept(self) -> None:
        raise NotImplementedError

    def note(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setWordWrap(True)
        return label

    def lay_out(self, above: Sequence[QWidget | QLayout] = (), below: Sequence[QWidget | QLayout] = (),
                *, stretch: QWidget | None = None) -> QVBoxLayout:
        """``above`` the form, then the form (or ``stretch``, which takes the height), then
        ``below`` it, the message line and the buttons."""
        layout = QVBoxLayout(self)
        for part in [*above, stretch or self.form, *below, self.message, self.buttons]:
            if isinstance(part, QLayout):
                layout.addLayout(part)
            else:
                layout.addWidget(part, 1 if part is stretch else 0)
        return layout

    def refuse(self, text: str) -> None:
        self.message.setText(text)

    def submit(self, op: Task[T], done: Callable[[T], Any] | None = None) -> bool:
        """Run ``op`` now; on success call ``done(result)`` and close the dialog accepted."""
        def succeeded(result: T) -> None:
            if done is not None:
                done(result)
            self.accept()

        return op.messages_to(self.refuse).success(succeeded).run_now()
