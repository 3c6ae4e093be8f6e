"""Reading what the user copied, e.g. a column of cells from Excel."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def pasted_column() -> list[str]:
    """The first column of the clipboard's text, one value per line, trailing blanks dropped."""
    text = QApplication.clipboard().text()
    values = [line.split("\t")[0] for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    while values and not values[-1].strip():
        values.pop()
    return values
