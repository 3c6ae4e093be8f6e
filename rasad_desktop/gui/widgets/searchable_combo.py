"""A combo box the user may type into, for long lists of «code — name» entries (agencies,
lines): suggestions by any part of the text, a code found in any digits (101, ۱۰۱, ١٠١),
and never a typed text left standing that names another entry than the one chosen."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from rasad_desktop.core.digits import localize_digits
from rasad_desktop.core.text import search_key
from rasad_desktop.gui.signals import emit

SEPARATOR = " — "  # between an entry's code and its name


class SearchableCombo(QComboBox):
    unknown = Signal(str)  # what was typed, naming no entry (the box went back to its choice)

    def __init__(self, parent: QWidget | None, language: str = "fa") -> None:
        super().__init__(parent)
        self.language = language
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.completer()
        assert completer is not None  # an editable combo box has one
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        edit = self.lineEdit()
        assert edit is not None
        edit.textEdited.connect(self._typed_digits)
        edit.editingFinished.connect(self._typed)

    def _typed_digits(self, text: str) -> None:
        """Digits as the list writes them, so the suggestions match «101» typed for «۱۰۱»."""
        shown = localize_digits(text, "latin" if self.language == "en" else "fa")
        edit = self.lineEdit()
        if shown != text and edit is not None:
            at = edit.cursorPosition()
            edit.setText(shown)
            edit.setCursorPosition(at)

    def entry_for(self, typed: str) -> int | None:
        """The row ``typed`` names: by its code, its whole text, or as the one entry that
        contains it; None when it names none or several."""
        key = search_key(typed)
        if not key:
            return None
        entries = [search_key(self.itemText(i)) for i in range(self.count())]
        codes = [search_key(self.itemText(i).split(SEPARATOR)[0]) for i in range(self.count())]
        for found in (codes, entries):
            if key in found:
                return found.index(key)
        holding = [i for i, entry in enumerate(entries) if key in entry]
        return holding[0] if len(holding) == 1 else None

    def _typed(self) -> None:
        edit = self.lineEdit()
        assert edit is not None
        typed, current = edit.text(), self.currentIndex()
        if current >= 0 and typed == self.itemText(current):
            return
        found = self.entry_for(typed)
        if found is None:
            edit.setText(self.itemText(current) if current >= 0 else "")  # back to the entry chosen
            if typed.strip():
                emit(self.unknown, typed)
            return
        edit.setText(self.itemText(found))
        if found != current:
            self.setCurrentIndex(found)
            emit(self.activated, found)  # as if chosen from the list: the page shows that entry


def searchable_combo(parent: QWidget, name: str, *, min_width: int = 0, language: str = "fa") -> SearchableCombo:
    combo = SearchableCombo(parent, language)
    combo.setObjectName(name)
    if min_width:
        combo.setMinimumWidth(min_width)
    return combo
