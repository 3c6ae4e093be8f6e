"""Application start-up: right-to-left Persian, the bundled font, translations, the
database, first start, sign-in, then the main window."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from rasad_desktop import APP_NAME, __version__
from rasad_desktop.gui.crash_log import FaultLog, PreviousCrash, environment_of, mark_seen, previous_crash
from rasad_desktop.resources import font_files, resource

if TYPE_CHECKING:
    from rasad_desktop.config import Settings
    from rasad_desktop.db.database import Database
    from rasad_desktop.gui.context import AppContext, AppServices
    from rasad_desktop.gui.main_window import MainWindow

log = logging.getLogger("rasad.gui")
FONT_FAMILY = "Vazirmatn"
_INSTALLED: list[QTranslator] = []  # the translators configure_application installed


class Launch(Protocol):
    """What the command line hands the application (its ``Context``)."""

    data_dir: Path
    settings: Settings
    lang: str
    no_dialogs: bool

    def open_db(self) -> Database: ...


def configure_application(app: QApplication, language: str = "fa") -> None:
    """Font, locale, translations and layout direction, set once at start-up."""
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    for path in font_files():
        QFontDatabase.addApplicationFont(str(path))
    app.setFont(QFont(FONT_FAMILY, 10))
    app.setWindowIcon(QIcon(str(resource("icons", "rasad.png"))))
    while _INSTALLED:  # configured again (a test, a new language): the old catalogues go first
        app.removeTranslator(_INSTALLED.pop())
    if language == "fa":
        QLocale.setDefault(QLocale(QLocale.Language.Persian, QLocale.Country.Iran))
        for name, folder in (("qtbase_fa", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
                             ("rasad_fa", str(resource("i18n")))):
            translator = QTranslator(app)
            if translator.load(name, folder):
                app.installTranslator(translator)
                _INSTALLED.append(translator)
            else:
                log.warning("translation %s not found in %s", name, folder)
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def start(services: AppServices, *, exec_dialog: Callable[[QDialog], int] | None = None,
          ask: Callable[[str], bool] | None = None) -> MainWindow | None:
    """First start, sign-in (with a forced password change), notices, main window.
    Returns the main window, or None if the user gave up. ``exec_dialog`` runs a dialog
    and returns its result code, ``ask`` answers a yes/no question (tests script both)."""
    from rasad_desktop.gui.dialogs.change_password import ChangePasswordDialog
    from rasad_desktop.gui.dialogs.first_start import FirstStartDialog
    from rasad_desktop.gui.dialogs.sign_in import SignInDialog
    from rasad_desktop.gui.operations import StartOp
    from rasad_desktop.services.accounts import count_users

    run = exec_dialog or (lambda dialog: dialog.exec())
    accepted = QDialog.DialogCode.Accepted
    username, note = "", ""
    # on a server with a login per user, nothing is read before sign-in: IT made the accounts
    users = 1 if services.db.per_user else StartOp(None, services, count_users).fetch()
    if users is None:
        return None
    first = users == 0
    if first:
        dialog = FirstStartDialog(services)
        dialog.exec_dialog = run
        if run(dialog) != accepted:
            return None
        username = dialog.created_username
        if dialog.joined is not None:  # a workstation now: the office's data and users' accounts are here
            first = False
            note = joined_note(*dialog.joined, services.language)
    sign_in = SignInDialog(services, username, note=note)
    if run(sign_in) != accepted or sign_in.result_sign_in is None:
        return None
    result = sign_in.result_sign_in
    ctx = services.signed_in(result.actor, result.full_name)
    if result.must_change_password:
        change = ChangePasswordDialog(ctx, forced=True)
        if run(change) != accepted:
            return None
    if first:
        offer_demo(ctx, ask)
    show_notices(ctx)
    from rasad_desktop.gui.main_window import MainWindow  # the pages load after sign-in, not before

    window = MainWindow(ctx)
    window.show()
    return window


def joined_note(number: int, name: str, language: str = "fa") -> str:
    from rasad_desktop.gui import format as fmt

    return QApplication.translate(
        "Startup", "This computer is now workstation {0} «{1}» of the office, with the office's data. Sign in with "
                   "your account from the office.").format(fmt.number(number, language), name)


def offer_demo(ctx: AppContext, ask: Callable[[str], bool] | None = None) -> bool:
    import datetime as dt

    from rasad_desktop.gui.context import Changes
    from rasad_desktop.gui.operations import WriteOp
    from rasad_desktop.services.demo import default_demo_year, load_demo

    question = QApplication.translate(
        "Startup", "The database is empty. Load the demo province (two fiscal years of sample figures) "
                   "to try Rasad out?")
    if ask is None:
        def ask(text: str) -> bool:
            title = QApplication.translate("Startup", "Demo province")
            return not ctx.no_dialogs and QMessageBox.question(None, title, text) == QMessageBox.StandardButton.Yes
    if not ask(question):
        return False
    year, months = default_demo_year(dt.date.today())
    return WriteOp(None, ctx, lambda s, actor: load_demo(s, actor, year, months), Changes.ALL).run_now()


def show_notices(ctx: AppContext) -> None:
    from rasad_desktop.gui import format as fmt
    from rasad_desktop.gui.operations import ReadOp
    from rasad_desktop.services.notices import upcoming_notices

    notices = ReadOp(None, ctx, lambda s, _: [(n.title, n.body, n.starts_at, n.ends_at)
                                              for n in upcoming_notices(s)]).fetch() or []
    if not notices or ctx.no_dialogs:
        return
    lines = [f"• {title}: {body} ({fmt.date_time(start, ctx.language)} – {fmt.date_time(end, ctx.language)})"
             for title, body, start, end in notices]
    QMessageBox.information(None, QApplication.translate("Startup", "Notices"), "\n".join(lines))


def _log_to_file(path: Path) -> None:
    """A windowed Windows program has no console: its log goes to the data folder."""
    import logging.handlers

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("rasad")
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def _startup_probe() -> Callable[[QDialog], int] | None:
    """For the start-up benchmark: with RASAD_STARTUP_PROBE=FILE the first dialog, once
    shown, writes the wall-clock time to FILE and the program exits."""
    import os
    import time

    target = os.environ.get("RASAD_STARTUP_PROBE")
    if not target:
        return None

    def probe(dialog: QDialog) -> int:
        dialog.show()
        QApplication.processEvents()
        with open(target, "w", encoding="utf-8") as f:
            f.write(f"{time.time()} {type(dialog).__name__}\n")
        return QDialog.DialogCode.Rejected

    return probe


def run_gui(cli: Launch) -> int:
    from rasad_desktop.gui.context import AppServices
    from rasad_desktop.gui.errors import ErrorHandler
    from rasad_desktop.gui.runner import Runner
    from rasad_desktop.gui.single_instance import (
        InstanceServer,
        ask_running_instance,
        bring_to_front,
        server_name,
    )

    _log_to_file(cli.data_dir / "logs" / "rasad.log")
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    name = server_name(cli.data_dir)
    if ask_running_instance(name):
        log.info("Rasad is already running on %s; asked it to come to the front", cli.data_dir)
        return 0
    shown: list[QWidget] = []
    instance = InstanceServer(name, lambda: bring_to_front(shown[0] if shown else None))
    configure_application(app, cli.lang)
    log_dir = cli.data_dir / "logs"
    errors = ErrorHandler(log_dir, cli.lang, cli.no_dialogs)
    errors.install()
    try:
        db = cli.open_db()
    except Exception as exc:  # noqa: BLE001 - a database that cannot open is shown, then we stop
        errors(None, exc)
        return 1
    errors.database = db.backend_and_revision
    tell_previous_crash(log_dir, cli.no_dialogs)
    faults = FaultLog(log_dir)
    faults.start(environment_of(db.backend_and_revision))
    services = AppServices(db=db, settings=cli.settings, data_dir=cli.data_dir, runner=Runner(errors),
                           language=cli.lang, no_dialogs=cli.no_dialogs)
    try:
        window = start(services, exec_dialog=_startup_probe())
        if window is None:
            return 0
        shown.append(window)
        return app.exec()
    finally:
        instance.server.close()
        faults.stop()  # reached on every exit Python sees; a hard crash leaves the fault log for next time


def tell_previous_crash(log_dir: Path, no_dialogs: bool = False,
                        show: Callable[[str], None] | None = None) -> PreviousCrash | None:
    """Once after a crash: the last session ended unexpectedly, and where its report is."""
    crash = previous_crash(log_dir)
    if crash is None:
        return None
    text = QApplication.translate(
        "Startup", "Rasad closed unexpectedly the last time it ran. Your saved data is safe; work that was "
                   "not yet saved may need to be entered again. Please give this report to IT:") + f"\n{crash.path}"
    log.warning("the last session ended in a crash; report at %s", crash.path)
    if show is not None:
        show(text)
    elif not no_dialogs:
        QMessageBox.warning(None, QApplication.translate("Startup", "Rasad closed unexpectedly"), text)
    mark_seen(log_dir, crash)
    return crash
