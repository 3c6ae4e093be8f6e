"""Choosing a year, a month and (where it applies) an agency, the same way on every page:
the years in the database, Farvardin to Esfand by name, the agencies by code and name
(searchable by any part where the list is long), and by default the last completed month."""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QSizePolicy, QWidget

from rasad_desktop.core.jalali import last_completed_month
from rasad_desktop.gui import format as fmt
from rasad_desktop.gui.widgets.searchable_combo import searchable_combo


class PeriodPicker(QObject):
    """Owns the year, month and agency combo boxes; the page places them (``labelled``).

    A typed agency is found as ``SearchableCombo`` finds it: the box never names another
    agency than the one the page shows."""

    unknown_agency = Signal(str)  # what was typed, naming no agency

    def __init__(self, parent: QWidget, language: str, *, agency: bool = True, searchable: bool = True) -> None:
        super().__init__(parent)
        self.language = language
        self.year = QComboBox(parent)
        self.year.setObjectName("year")
        self.month = QComboBox(parent)
        self.month.setObjectName("month")
        for m in range(1, 13):
            self.month.addItem(fmt.month(m, language), m)
        self.agency: QComboBox | None = None
        if agency and searchable:
            combo = searchable_combo(parent, "agency", min_width=340, language=language)
            combo.unknown.connect(self.unknown_agency)
            self.agency = combo
        elif agency:
            self.agency = QComboBox(parent)
            self.agency.setObjectName("agency")
            # wide when there is room, but it may shrink: the row must fit a narrow window
            self.agency.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            self.agency.setMinimumContentsLength(8)
            self.agency.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    @property
    def agency_box(self) -> QComboBox:
        """The agency box of a picker made with one."""
        assert self.agency is not None, "this picker has no agency box"
        return self.agency

    def labelled(self, year: str, month: str, agency: str = "") -> list[tuple[str, QComboBox]]:
        """(label, box) pairs in reading order, for the page's row of choices."""
        pairs = [(year, self.year), (month, self.month)]
        if self.agency is not None:
            pairs.append((agency, self.agency))
        return pairs

    def fill(self, years: Sequence[int], agencies: Sequence[tuple[Hashable, str, str]] = (), *,
             today: dt.date | None = None) -> None:
        """The years and the agencies ((data, code, name)) on offer, keeping the choice where it
        still exists; a new choice of year starts at its last completed month."""
        keep_year = self.year.currentData()
        keep_agency = self.agency.currentData() if self.agency is not None else None
        self.year.clear()
        for y in years:
            self.year.addItem(fmt.number(y, self.language), y)
        if self.agency is not None:
            self.agency.clear()
            for data, code, name in agencies:
                self.agency.addItem(f"{fmt.number(code, self.language)} — {name}", data)
        if keep_year in years:
            self.year.setCurrentIndex(self.year.findData(keep_year))
        elif years:
            last_year, last_month = last_completed_month(today or dt.date.today())
            year = last_year if last_year in years else years[-1]
            self.year.setCurrentIndex(self.year.findData(year))
            self.month.setCurrentIndex((last_month if year == last_year else 12) - 1)
        if self.agency is not None and keep_agency is not None and self.agency.findData(keep_agency) >= 0:
            self.agency.setCurrentIndex(self.agency.findData(keep_agency))

    def choice(self) -> tuple[Any, Any, Any]:
        """(year, month, agency data); None where nothing is chosen."""
        return (self.year.currentData(), self.month.currentData(),
                self.agency.currentData() if self.agency is not None else None)

    def set_choice(self, year: Any = None, month: Any = None, agency: Any = None) -> None:
        """Choose as the user would; ``None`` leaves that box as it is."""
        for combo, value in ((self.year, year), (self.month, month), (self.agency, agency)):
            if combo is not None and value is not None:
                combo.setCurrentIndex(combo.findData(value))
