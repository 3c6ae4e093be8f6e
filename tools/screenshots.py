"""Open every page of the application on the demo province and save a screenshot of each.

    python tools/screenshots.py [--out DIR] [--lang fa|en]

Runs offscreen (no display needed); look at the PNGs: right to left, Persian digits,
nothing clipped.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QScrollArea, QWidget  # noqa: E402

from rasad_desktop.config import Settings  # noqa: E402
from rasad_desktop.db.database import Database  # noqa: E402
from rasad_desktop.gui.app import configure_application  # noqa: E402
from rasad_desktop.gui.context import AppServices  # noqa: E402
from rasad_desktop.gui.dialogs.sign_in import SignInDialog  # noqa: E402
from rasad_desktop.gui.dialogs.signing_passphrase import SigningPassphraseDialog  # noqa: E402
from rasad_desktop.gui.main_window import MainWindow  # noqa: E402
from rasad_desktop.gui.pages.users import AddUserDialog  # noqa: E402
from rasad_desktop.gui.runner import SyncRunner  # noqa: E402
from rasad_desktop.services import accounts  # noqa: E402
from rasad_desktop.services.demo import load_demo  # noqa: E402
from rasad_desktop.services.roles import Actor, Role  # noqa: E402

PASSWORD = "screenshot-1"


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def save(widget: QWidget, out: Path, name: str, app: QApplication) -> Path:
    settle(app)
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path)
    return path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="screenshots")
    parser.add_argument("--lang", choices=("fa", "en"), default="fa")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    configure_application(app, args.lang)
    data = Path(tempfile.mkdtemp(prefix="rasad-shots-"))
    db = Database.open(f"sqlite:///{(data / 'rasad.db').as_posix()}")
    with db.session() as s:
        accounts.create_user(s, Actor.console(), "admin", Role.ADMIN, PASSWORD, full_name="مریم احمدی")
        load_demo(s, Actor.console(), 1405, 8)
        signed = accounts.sign_in(s, "admin", PASSWORD)

    services = AppServices(db=db, settings=Settings(data), data_dir=data, runner=SyncRunner(lambda p, e: print(e)),
                           language=args.lang, no_dialogs=True)
    dialog = SignInDialog(services, "admin")
    dialog.show()
    save(dialog, out, "00-sign-in", app)
    dialog.close()

    ctx = services.signed_in(signed.actor, signed.full_name)
    window = MainWindow(ctx)
    window.resize(1366, 800)
    window.show()
    for number, page in enumerate(window.pages, start=1):
        window.show_page(page.objectName())
        if page.objectName() == "reports":
            page.make_preview()  # show a rendered monitoring report, not an empty viewer
            until = time.monotonic() + 3  # QPdfView renders its pages on threads of its own
            while time.monotonic() < until:
                app.processEvents()
        save(window, out, f"{number:02d}-{page.objectName()}", app)
        if page.objectName() == "settings":  # the last boxes, below the fold
            for area in page.findChildren(QScrollArea):
                area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())
            save(window, out, f"{number:02d}b-settings-end", app)
        if page.objectName() == "dataEntry":  # a typed unit slip, marked with its reason
            page.model.setData(page.model.index(0, 4), "9" * 16)
            save(window, out, f"{number:02d}b-dataEntry-warned", app)
            page.model.edits.clear()
        if page.objectName() == "budget":  # the approved amounts, with their Excel buttons
            page.show_tab(page.approved_tab)
            page.approved_tab.select("101")
            save(window, out, f"{number:02d}b-budget-approved", app)
    for name, dialog in (("signing-passphrase-first", SigningPassphraseDialog(window, first=True)),
                         ("signing-passphrase", SigningPassphraseDialog(window, first=False)),
                         ("add-user", AddUserDialog(ctx, window))):
        dialog.show()
        save(dialog, out, f"dialog-{name}", app)
        dialog.close()
    window.close()
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
