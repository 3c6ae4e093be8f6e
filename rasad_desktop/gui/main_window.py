"""The main window: navigation on the leading (right) side, the pages, a notice banner."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from rasad_desktop import APP_NAME_FA
from rasad_desktop.core import palette
from rasad_desktop.gui import format as fmt
from rasad_desktop.gui.context import AppContext, Changes
from rasad_desktop.gui.idle_lock import install_idle_lock
from rasad_desktop.gui.operations import ReadOp
from rasad_desktop.gui.pages.about import AboutPage
from rasad_desktop.gui.pages.audit import AuditPage
from rasad_desktop.gui.pages.base import Page
from rasad_desktop.gui.pages.budget import BudgetPage
from rasad_desktop.gui.pages.dashboard import DashboardPage
from rasad_desktop.gui.pages.data_entry import DataEntryPage
from rasad_desktop.gui.pages.maintenance import MaintenancePage
from rasad_desktop.gui.pages.notices import NoticesPage
from rasad_desktop.gui.pages.reports import ReportsPage
from rasad_desktop.gui.pages.requests import RequestsPage
from rasad_desktop.gui.pages.settings import SettingsPage
from rasad_desktop.gui.pages.sync import SyncPage
from rasad_desktop.gui.pages.users import UsersPage
from rasad_desktop.gui.style import NOTICE_STYLE
from rasad_desktop.services.notices import notices_in_force

PAGE_CLASSES: tuple[type[Page], ...] = (
    DashboardPage, DataEntryPage, RequestsPage, BudgetPage, ReportsPage, SyncPage, UsersPage, NoticesPage,
    AuditPage, MaintenancePage, SettingsPage, AboutPage,
)


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME_FA if ctx.language == "fa" else "Rasad")
        self.resize(1280, 800)
        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(190)
        self.nav.setStyleSheet(
            f"QListWidget {{ background: {palette.NAVY}; color: white; border: none; font-size: 11pt; }}"
            "QListWidget::item { padding: 10px 12px; }"
            f"QListWidget::item:selected {{ background: {palette.NAVY_SELECTED}; color: white; }}")
        self.stack = QStackedWidget(self)
        self.pages: list[Page] = []
        for cls in PAGE_CLASSES:
            if not ctx.can(cls.permission):
                continue  # what a role may not use is not offered
            page = cls(ctx, self.stack)
            self.pages.append(page)
            self.stack.addWidget(page)
            item = QListWidgetItem(page.title(), self.nav)
            item.setData(Qt.ItemDataRole.UserRole, page.objectName())
        self.banner = QLabel(self)
        self.banner.setObjectName("noticeBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(f"{NOTICE_STYLE} border-bottom: 1px solid {palette.NOTICE_BORDER};")
        self.banner.hide()
        body = QWidget(self)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addLayout(row, 1)
        self.setCentralWidget(body)
        self._current = 0
        self.nav.currentRowChanged.connect(self._go)
        self.nav.setCurrentRow(0)
        for i in range(min(9, len(self.pages))):  # Ctrl+1 … Ctrl+9
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            action.triggered.connect(lambda _=False, row=i: self.nav.setCurrentRow(row))
            self.addAction(action)
        actor = ctx.actor
        who = f"{ctx.full_name or actor.username} — {actor.role.label(ctx.language)}"
        self.statusBar().showMessage(who)
        ctx.events.data_changed.connect(self._on_changed)
        self.idle_lock = install_idle_lock(self, ctx)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh_banner)
        self._timer.start(60_000)
        self.refresh_banner()

    def page(self, object_name: str) -> Page | None:
        return next((p for p in self.pages if p.objectName() == object_name), None)

    def show_page(self, object_name: str) -> Page | None:
        for row, p in enumerate(self.pages):
            if p.objectName() == object_name:
                self.nav.setCurrentRow(row)
                return p if self.stack.currentWidget() is p else None
        return None

    def _go(self, row: int) -> None:
        if row < 0 or row == self._current and self.stack.currentIndex() == row:
            return
        current = self.pages[self._current] if self.pages else None
        if current is not None and row != self._current and not current.can_leave():
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(self._current)
            self.nav.blockSignals(False)
            return
        self._current = row
        self.stack.setCurrentIndex(row)

    def _on_changed(self, changes: Changes) -> None:
        if changes & Changes.NOTICES:
            self.refresh_banner()
        if changes & Changes.RESTORE:
            # the restored data may not hold this user, or hold them with another role:
            # everyone signs in again on the restored data
            if not self.ctx.no_dialogs:
                QMessageBox.information(self, self.tr("Data restored"), self.tr(
                    "The data was restored from a backup. Rasad closes now; start it again and sign in."))
            self.closing_after_restore = True
            self.close()
            QApplication.quit()

    def refresh_banner(self) -> None:
        ReadOp(self, self.ctx, lambda s, _: [(n.title, n.body, n.ends_at) for n in notices_in_force(s)]) \
            .success(self._show_banner).run()

    def _show_banner(self, notices: list[tuple[str, str, dt.datetime]]) -> None:
        if not notices:
            self.banner.hide()
            return
        lang = self.ctx.language
        until = self.tr("until")
        parts = [f"{title} — {body} ({until} {fmt.date_time(ends, lang)})" for title, body, ends in notices]
        self.banner.setText(self.tr("Notice:") + " " + " | ".join(parts))
        self.banner.show()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        current = self.stack.currentWidget()
        if getattr(self, "closing_after_restore", False):
            event.accept()  # unsaved work belongs to data that no longer exists
            return
        if isinstance(current, Page) and not current.can_leave():
            event.ignore()
            return
        event.accept()
