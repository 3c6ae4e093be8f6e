"""The placeholder window: right-to-left, Persian, and the first-start demo offer."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from rasad_desktop.gui.app import configure_application
from rasad_desktop.gui.placeholder import PlaceholderWindow


@pytest.fixture
def app(qapp):  # type: ignore[no-untyped-def]
    configure_application(qapp, "fa")
    return qapp


def test_window_is_right_to_left_and_persian(app, qtbot, database):
    window = PlaceholderWindow(database, ask=lambda q: False)
    qtbot.addWidget(window)
    window.show()
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.windowTitle() == "رصد منابع"
    assert "هنوز هیچ" in window.status.text()
    assert QApplication.font().family() == "Vazirmatn"


def test_first_start_offers_the_demo(app, qtbot, database):
    asked = []
    window = PlaceholderWindow(database, ask=lambda q: asked.append(q) or True)
    qtbot.addWidget(window)
    assert window.offer_demo_if_empty(today=dt.date(2026, 11, 25))
    assert asked and "نمونه" in asked[0]
    assert window.years() == [1404, 1405]
    assert "۱۴۰۵" in window.status.text()
    assert not window.offer_demo_if_empty()  # data exists: no second offer
    assert len(asked) == 1


def test_declining_the_demo_leaves_the_database_empty(app, qtbot, database):
    window = PlaceholderWindow(database, ask=lambda q: False)
    qtbot.addWidget(window)
    assert not window.offer_demo_if_empty()
    assert window.years() == []
