"""Start-up from an empty database: the administrator is created, signed in, the demo is
offered and loaded, and the main window opens right to left with Persian translations."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from rasad_desktop.config import Settings
from rasad_desktop.db.database import Database
from rasad_desktop.gui.app import start
from rasad_desktop.gui.context import AppServices
from rasad_desktop.gui.dialogs.first_start import FirstStartDialog
from rasad_desktop.gui.dialogs.sign_in import SignInDialog
from rasad_desktop.gui.runner import SyncRunner
from rasad_desktop.services.budget import list_years
from rasad_desktop.services.demo import default_demo_year


def test_first_start_to_a_populated_main_window(app, tmp_path, qtbot):
    db = Database.open(f"sqlite:///{(tmp_path / 'rasad.db').as_posix()}")
    ctx = AppServices(db=db, settings=Settings(tmp_path), data_dir=tmp_path, runner=SyncRunner(lambda p, e: None),
                      no_dialogs=True)
    seen = []

    def exec_dialog(dialog: QDialog) -> int:
        seen.append(type(dialog).__name__)
        assert dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
        if isinstance(dialog, FirstStartDialog):
            dialog.password.setText("first-admin-1")
            dialog.repeat.setText("first-admin-1")
            dialog.try_accept()
        elif isinstance(dialog, SignInDialog):
            assert dialog.username.text() == "admin"  # filled in from the first start
            assert dialog.windowTitle() == "ورود به رصد منابع"  # the Persian catalogue is loaded
            dialog.password.setText("first-admin-1")
            dialog.try_accept()
        return dialog.result()

    questions = []
    window = start(ctx, exec_dialog=exec_dialog, ask=lambda q: questions.append(q) or True)
    qtbot.addWidget(window)
    assert seen == ["FirstStartDialog", "SignInDialog"]
    assert questions and "استان نمونه" in questions[0]
    year, _ = default_demo_year(dt.date.today())
    with db.session() as s:
        assert list_years(s) == [year - 1, year]
    assert window.isVisible() and window.windowTitle() == "رصد منابع"
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    db.close()


def test_giving_up_at_sign_in_opens_nothing(app, gui_db, tmp_path):
    services = AppServices(db=gui_db, settings=Settings(tmp_path), data_dir=tmp_path,
                           runner=SyncRunner(lambda p, e: None), no_dialogs=True)
    assert start(services, exec_dialog=lambda d: QDialog.DialogCode.Rejected) is None

