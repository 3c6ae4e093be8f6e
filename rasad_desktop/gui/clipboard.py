"""Pasting what the user copied (cells from Excel) into a grid of lines, and copying cells
out as Excel reads them. Where the values go is decided by ``core.paste``; here the user
is shown what has no place and asked, and the values are put in."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from rasad_desktop.core.digits import localize_digits, to_latin_digits
from rasad_desktop.core.paste import PastePlan, plan

SHOWN = 10  # values a question lists before "and N more"


class Paster(QObject):
    """Ctrl+V for one grid. ``ask`` and ``warn`` are the dialogs (tests replace them)."""

    def __init__(self, parent: QWidget, language: str, *, no_dialogs: bool = False) -> None:
        super().__init__(parent)
        self.widget = parent
        self.language = language
        self.no_dialogs = no_dialogs  # then nothing is pasted where the user would be asked
        self.ask: Callable[[str], bool] = self._ask
        self.warn: Callable[[str], None] = self._warn

    def paste(self, codes: Sequence[str], start: int, put: Callable[[int, str], object]) -> str:
        """Put the clipboard's values in rows of ``codes`` from ``start``; the status to show."""
        text = QApplication.clipboard().text()
        if not text.strip():
            return ""
        found = plan(text, codes, start)
        if found.problem:
            self.warn(self.tr("The copied cells have several columns but not one column of line codes and one of "
                              "amounts. Copy the code column with one amount column, or a single column of amounts."))
            return self.tr("Nothing was pasted.")
        if found.needs_asking and not self.ask(self._question(found)):
            return self.tr("Nothing was pasted.")
        for row, value in sorted(found.cells.items()):
            put(row, value)
        n = self._n(len(found.cells))
        return self.tr("Pasted {0} values, each on the line of its code.").format(n) if found.by_code else \
            self.tr("Pasted {0} values.").format(n)

    def _question(self, found: PastePlan) -> str:
        parts = []
        if found.beyond:
            parts.append(self.tr("{0} values were copied but only {1} lines are here from the current one; these "
                                 "would have no line:").format(self._n(len(found.beyond) + len(found.cells)),
                                                             self._n(len(found.cells)))
                         + "\n" + self._listed(found.beyond))
        if found.unknown:
            parts.append(self.tr("These codes have no line in this sheet:") + "\n"
                         + self._listed([f"{self._n(c)}: {v}" for c, v in found.unknown]))
        if found.repeated:
            parts.append(self.tr("These codes appear twice (in the copy or in the sheet), so none of their values "
                                 "is pasted:") + "\n" + self._listed([self._n(c) for c in found.repeated]))
        parts.append(self.tr("Paste the other {0} values, leaving these out?").format(self._n(len(found.cells))))
        return "\n\n".join(parts)

    def _listed(self, items: Sequence[str]) -> str:
        lines = [f"• {i}" for i in items[:SHOWN]]
        if len(items) > SHOWN:
            lines.append(self.tr("… and {0} more").format(self._n(len(items) - SHOWN)))
        return "\n".join(lines)

    def _n(self, value: int | str) -> str:
        return str(value) if self.language == "en" else localize_digits(str(value))

    def _ask(self, text: str) -> bool:
        if self.no_dialogs:
            return False
        answer = QMessageBox.question(self.widget, self.tr("Paste"), text)
        return answer == QMessageBox.StandardButton.Yes

    def _warn(self, text: str) -> None:
        if not self.no_dialogs:
            QMessageBox.warning(self.widget, self.tr("Paste"), text)


# ------------------------------------------------------------------------ copying
_NUMBER = re.compile(r"^[\u200e\u200f]*([-−]?)\s*([0-9][0-9,٬]*)(?:[.٫]([0-9]+))?\s*([%٪]?)$")


def excel_text(shown: str) -> str:
    """A cell as Excel reads it: «‎−۱٬۲۳۴٫۵» becomes -1234.5 (a number, whatever the
    computer's separators), «۱۲٫۵٪» 12.5%; other text unchanged."""
    found = _NUMBER.match(to_latin_digits(shown.strip()))
    if found is None:
        return shown.replace("\t", " ").replace("\n", " ")
    sign, whole, fraction, percent = found.groups()
    return ("-" if sign else "") + re.sub(r"[,٬]", "", whole) + (f".{fraction}" if fraction else "") + \
        ("%" if percent else "")


def copy_selection(model: QAbstractItemModel, indexes: Sequence[QModelIndex]) -> str:
    """The selected cells as tab-separated rows (their rectangle; unselected cells empty)."""
    if not indexes:
        return ""
    rows = sorted({i.row() for i in indexes})
    columns = sorted({i.column() for i in indexes})
    chosen = {(i.row(), i.column()) for i in indexes}
    lines = []
    for r in rows:
        cells = []
        for c in columns:
            shown = model.data(model.index(r, c), Qt.ItemDataRole.DisplayRole) if (r, c) in chosen else ""
            cells.append(excel_text("" if shown is None else str(shown)))
        lines.append("\t".join(cells))
    text = "\r\n".join(lines)
    QApplication.clipboard().setText(text)
    return text
