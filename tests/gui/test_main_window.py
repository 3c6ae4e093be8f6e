"""The main window: each role sees only its pages; every window is right to left."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from rasad_desktop.core.clock import utcnow
from rasad_desktop.gui.context import Changes
from rasad_desktop.gui.main_window import MainWindow
from rasad_desktop.services import notices
from rasad_desktop.services.roles import Role

EXPECTED = {
    Role.ADMIN: ["dashboard", "dataEntry", "requests", "budget", "reports", "sync", "users", "notices", "audit",
                 "maintenance", "settings", "about"],
    Role.DATA_ENTRY: ["dashboard", "dataEntry", "requests", "reports", "sync", "notices", "settings", "about"],
    Role.REPORT_OFFICER: ["dashboard", "requests", "reports", "notices", "settings", "about"],
    Role.VIEWER: ["dashboard", "requests", "reports", "notices", "settings", "about"],
}


@pytest.mark.parametrize("role", list(EXPECTED))
def test_each_role_sees_only_its_pages(make_ctx, qtbot, role):
    window = MainWindow(make_ctx(role))
    qtbot.addWidget(window)
    assert [p.objectName() for p in window.pages] == EXPECTED[role]
    assert window.nav.count() == len(EXPECTED[role])


def test_every_top_level_window_is_right_to_left(make_ctx, qtbot):
    window = MainWindow(make_ctx(Role.ADMIN))
    qtbot.addWidget(window)
    window.show()
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
    for widget in QApplication.topLevelWidgets():
        assert widget.layoutDirection() == Qt.LayoutDirection.RightToLeft, widget.objectName()


def test_a_notice_in_force_shows_as_a_banner(make_ctx, qtbot):
    import datetime as dt

    ctx = make_ctx(Role.ADMIN)
    with ctx.db.session() as s:
        notices.post_notice(s, ctx.actor, "نگهداری سامانه", "سامانه ساعت ۱۶ تا ۱۸ در دسترس نیست.",
                            utcnow() - dt.timedelta(minutes=5), utcnow() + dt.timedelta(hours=2))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    assert window.banner.isVisible() and "نگهداری سامانه" in window.banner.text()


def test_leaving_the_data_entry_page_with_unsaved_figures_asks(make_ctx, qtbot):
    from rasad_desktop.gui.dialogs import unsaved

    window = MainWindow(make_ctx(Role.DATA_ENTRY))
    qtbot.addWidget(window)
    window.show()
    window.show_page("dataEntry")
    page = window.page("dataEntry")
    page.model.setData(page.model.index(0, 4), "۱۰")
    page.ask_unsaved = lambda: unsaved.CANCEL
    window.nav.setCurrentRow(0)
    assert window.stack.currentWidget() is page  # stayed
    page.ask_unsaved = lambda: unsaved.DISCARD
    window.nav.setCurrentRow(0)
    assert window.stack.currentWidget() is window.page("dashboard")


def test_after_a_restore_the_window_closes_for_a_new_sign_in(make_ctx, qtbot):
    from rasad_desktop.gui.signals import emit

    ctx = make_ctx(Role.ADMIN)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.page("dataEntry").model.setData(window.page("dataEntry").model.index(0, 4), "۱۰")
    emit(ctx.events.data_changed, Changes.RESTORE)
    assert not window.isVisible()  # closed without asking about figures of the old data
