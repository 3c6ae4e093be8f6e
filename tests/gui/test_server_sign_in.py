"""The application on a server that enforces the roles: the workstation holds no password,
the first dialog is the sign-in (nothing is read before), a wrong password is refused in
Persian, and the right one opens the main window as the login's own connection."""

from __future__ import annotations

import uuid

from needs import POSTGRES, POSTGRES_URL, drop_postgres, drop_postgres_logins, fresh_postgres
from PySide6.QtWidgets import QDialog
from sqlalchemy import text

from rasad_desktop.config import Settings
from rasad_desktop.db import logins, server_setup
from rasad_desktop.db.database import Database
from rasad_desktop.gui.app import start
from rasad_desktop.gui.context import AppServices
from rasad_desktop.gui.dialogs.sign_in import SignInDialog
from rasad_desktop.gui.runner import SyncRunner
from rasad_desktop.services import accounts, demo
from rasad_desktop.services.roles import Actor, Role

pytestmark = POSTGRES.unless(bool(POSTGRES_URL))
PASSWORD = "Gui-server-pass-1"


def test_sign_in_is_the_first_thing_and_connects_as_the_login(app, tmp_path, qtbot):  # type: ignore[no-untyped-def]
    url, database = fresh_postgres()
    name = "clerk" + uuid.uuid4().hex[:6]
    try:
        owner = Database.open(url)
        with owner.engine.begin() as conn:
            server_setup.apply(conn)
        with owner.session() as s:
            accounts.create_user(s, Actor.console(), name, Role.DATA_ENTRY, PASSWORD)
            demo.load_demo(s, Actor.console(), 1404, 2)
        owner.close()
        db = Database.open(logins.workstation_url(url))
        services = AppServices(db=db, settings=Settings(tmp_path), data_dir=tmp_path,
                               runner=SyncRunner(lambda p, e: None), no_dialogs=True)
        seen, refusals = [], []

        def exec_dialog(dialog: QDialog) -> int:
            seen.append(type(dialog).__name__)
            if isinstance(dialog, SignInDialog):
                dialog.username.setText(name)
                dialog.password.setText("Not-the-password-2")
                dialog.try_accept()
                refusals.append(dialog.message.text())
                dialog.password.setText(PASSWORD)
                dialog.try_accept()
            return dialog.result()

        window = start(services, exec_dialog=exec_dialog)
        assert window is not None
        qtbot.addWidget(window)
        assert seen == ["SignInDialog"]  # no first-start window: IT made the accounts on the server
        assert refusals and "نادرست" in refusals[0]
        with db.session() as s:
            assert s.execute(text("SELECT session_user")).scalar() == name
        window.close()
        db.close()
    finally:
        drop_postgres(database)
        drop_postgres_logins(database)
