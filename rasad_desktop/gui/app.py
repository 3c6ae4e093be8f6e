"""Application start-up: right-to-left Persian, the bundled font, the database."""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from rasad_desktop import APP_NAME, __version__
from rasad_desktop.resources import font_files

if TYPE_CHECKING:
    from rasad_desktop.cli import Context

log = logging.getLogger("rasad.gui")
FONT_FAMILY = "Vazirmatn"


def configure_application(app: QApplication, language: str = "fa") -> None:
    """Font, locale, translations and layout direction, set once at start-up."""
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    for path in font_files():
        QFontDatabase.addApplicationFont(str(path))
    app.setFont(QFont(FONT_FAMILY, 10))
    if language == "fa":
        QLocale.setDefault(QLocale(QLocale.Language.Persian, QLocale.Country.Iran))
        translator = QTranslator(app)
        if translator.load("qtbase_fa", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(translator)
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def run_gui(ctx: Context) -> int:
    from rasad_desktop.gui.placeholder import PlaceholderWindow

    app = QApplication.instance() or QApplication(sys.argv)
    configure_application(app, ctx.lang)
    db = ctx.open_db()

    def ask(question: str) -> bool:
        if ctx.no_dialogs:
            log.info("%s → no (dialogs disabled)", question)
            return False
        answer = QMessageBox.question(None, "رصد منابع", question)
        return answer == QMessageBox.StandardButton.Yes

    window = PlaceholderWindow(db, ask=ask)
    window.show()
    window.offer_demo_if_empty()
    return app.exec()
