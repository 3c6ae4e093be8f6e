"""A placeholder main window until the real one lands: it proves start-up, the
right-to-left layout and the database, and offers the demo province on first start."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

from rasad_desktop import APP_NAME_FA, __version__
from rasad_desktop.core.digits import localize_digits
from rasad_desktop.db.database import Database
from rasad_desktop.services.budget import list_years
from rasad_desktop.services.demo import default_demo_year, load_demo
from rasad_desktop.services.roles import Actor


class PlaceholderWindow(QMainWindow):
    def __init__(self, db: Database, ask: Callable[[str], bool]) -> None:
        super().__init__()
        self.db = db
        self.ask = ask
        self.setWindowTitle(APP_NAME_FA)
        self.resize(720, 420)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        title = QLabel(APP_NAME_FA, body)
        title.setObjectName("title")
        font = title.font()
        font.setPointSize(font.pointSize() + 8)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        self.status = QLabel(body)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.setCentralWidget(body)
        self.refresh()

    def years(self) -> list[int]:
        with self.db.session() as session:
            return list_years(session)

    def refresh(self) -> None:
        years = self.years()
        shown = "، ".join(localize_digits(str(y)) for y in years) or "هنوز هیچ"
        self.status.setText(
            f"نسخهٔ {localize_digits(__version__)} — صفحه‌های برنامه در گام‌های بعد افزوده می‌شوند.\n"
            f"پایگاه داده: {self.db.describe()}\n"
            f"سال‌های مالی موجود: {shown}"
        )

    def offer_demo_if_empty(self, today: dt.date | None = None) -> bool:
        """On first start (no fiscal year yet), offer the demo province."""
        if self.years():
            return False
        if not self.ask("پایگاه داده خالی است. استان نمونه (دادهٔ آزمایشی دو سال) بارگذاری شود؟"):
            return False
        year, months = default_demo_year(today or dt.date.today())
        with self.db.session() as session:
            load_demo(session, Actor.console(), year, months)
        self.refresh()
        return True
