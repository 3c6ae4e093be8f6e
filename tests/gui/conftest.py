"""GUI test fixtures: an offscreen application configured as at start-up, a demo database
copied per test, signed-in contexts for each role, (key helpers are in keys.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from db_files import copy_database
from keys import PASSWORD, USERS  # noqa: E402
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication, QWidget

from rasad_desktop.config import Settings
from rasad_desktop.db.database import Database
from rasad_desktop.gui import translations
from rasad_desktop.gui.app import configure_application
from rasad_desktop.gui.context import AppContext, AppServices
from rasad_desktop.gui.runner import SyncRunner
from rasad_desktop.services import accounts
from rasad_desktop.services.demo import load_demo
from rasad_desktop.services.roles import Actor, Role


class RecordingErrors:
    """The error handler of the tests: records what the user would have been shown."""

    def __init__(self) -> None:
        self.seen: list[BaseException] = []

    def __call__(self, parent: QWidget | None, exc: BaseException) -> None:
        self.seen.append(exc)


@pytest.fixture(scope="session")
def app(qapp: QApplication) -> QApplication:
    configure_application(qapp, "fa")
    return qapp


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("gui-demo")
    db = Database.open(f"sqlite:///{(folder / 'rasad.db').as_posix()}")
    with db.session() as s:
        setup = Actor("setup", Role.ADMIN)
        for role, name in USERS.items():
            accounts.create_user(s, setup, name, role, PASSWORD, full_name=f"کاربر {name}")
        load_demo(s, setup, 1405, 8)
    db.close()
    return folder / "rasad.db"


@pytest.fixture
def gui_db(demo_template: Path, tmp_path: Path) -> Database:
    target = tmp_path / "rasad.db"
    copy_database(demo_template, target)
    db = Database.open(f"sqlite:///{target.as_posix()}")
    yield db
    db.close()


@pytest.fixture
def make_services(app, gui_db, tmp_path):  # type: ignore[no-untyped-def]
    """What the application has before sign-in, on ``db`` (the demo copy by default); the
    failures it would have shown are in ``.errors.seen``."""
    def make(db: Database | None = None, language: str = "fa") -> AppServices:
        errors = RecordingErrors()
        services = AppServices(db=db or gui_db, settings=Settings(tmp_path), data_dir=tmp_path,
                               runner=SyncRunner(errors), language=language, no_dialogs=True)
        services.errors = errors  # type: ignore[attr-defined]
        return services
    return make


@pytest.fixture
def make_ctx(make_services, gui_db):  # type: ignore[no-untyped-def]
    def make(role: Role = Role.ADMIN, language: str = "fa") -> AppContext:
        with gui_db.session() as s:
            signed = accounts.sign_in(s, USERS[role], PASSWORD)
        services = make_services(language=language)
        ctx = services.signed_in(signed.actor, signed.full_name)
        ctx.errors = services.errors  # type: ignore[attr-defined]
        return ctx
    return make


class CatalogueTranslator(QTranslator):
    """Persian straight from the JSON catalogue, so a test sees the Persian of strings
    added since the last `translations build` (test_translations keeps the .qm current)."""

    def __init__(self) -> None:
        super().__init__()
        self.catalogue = translations.catalogue()

    def translate(self, context, source, disambiguation=None, n=-1):  # type: ignore[no-untyped-def]  # noqa: ARG002
        return self.catalogue.get(context, {}).get(source, "")

    def isEmpty(self) -> bool:  # noqa: N802
        return False


@pytest.fixture
def persian(app):  # type: ignore[no-untyped-def]
    translator = CatalogueTranslator()
    app.installTranslator(translator)
    yield translator
    app.removeTranslator(translator)
