"""``rasad-desktop --smoke-test``: prove a (frozen) program works before anyone installs it.

In a temporary data folder: create and migrate the database, load the demo province,
render the monitoring report to PDF, issue a signed report and verify it, open and close
the main window offscreen. Exit 0,
or 1 with a clear message. A windowed Windows build has no console, so the outcome is
also written as JSON to ``--smoke-out DIR`` (with the PDF) when given.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def run_smoke_test(out_dir: Path | None = None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    data = Path(tempfile.mkdtemp(prefix="rasad-smoke-"))
    steps: list[dict[str, object]] = []
    result: dict[str, object] = {"ok": False, "steps": steps, "data_dir": str(data)}
    started = time.perf_counter()

    def step(name: str, fn: Callable[[], T]) -> T:
        t = time.perf_counter()
        value = fn()
        steps.append({"step": name, "seconds": round(time.perf_counter() - t, 3)})
        return value

    try:
        from rasad_desktop.db.database import Database
        from rasad_desktop.db.migrate import HEAD, current_revision

        db = step("database", lambda: Database.open(f"sqlite:///{(data / 'rasad.db').as_posix()}",
                                                    backup_dir=data / "backups"))
        if current_revision(db.engine) != HEAD:
            raise RuntimeError("the database was not migrated to the current schema")

        from rasad_desktop.services import accounts
        from rasad_desktop.services.demo import default_demo_year, load_demo
        from rasad_desktop.services.roles import Actor, Role

        year, months = default_demo_year(dt.date.today())

        def demo() -> accounts.SignIn:
            with db.session() as s:
                accounts.create_user(s, Actor.console(), "smoke", Role.ADMIN, "smoke-test-password")
                load_demo(s, Actor.console(), year, months)
                return accounts.sign_in(s, "smoke", "smoke-test-password")

        signed = step("demo province", demo)

        from rasad_desktop.reports.common import RenderOptions
        from rasad_desktop.services.reporting import ReportRequest, draft

        def report() -> bytes:
            with db.session() as s:
                return draft(s, ReportRequest("monitoring", year, months), RenderOptions(province="آذربایجان شرقی"))

        pdf = step("monitoring report", report)
        if not pdf.startswith(b"%PDF") or len(pdf) < 10_000 or b"Vazirmatn" not in pdf:
            raise RuntimeError("the monitoring report PDF is empty or lacks the Persian font")
        (data / "smoke-monitoring.pdf").write_bytes(pdf)
        result["pdf_bytes"] = len(pdf)

        def signed_report() -> str:  # pyHanko and cryptography are bundled: issue, sign and verify
            from rasad_desktop.services import reporting
            from rasad_desktop.services.signing import Credentials

            with db.session() as s:
                row = reporting.issue(s, Actor.console(), ReportRequest("circular", year),
                                      RenderOptions(province="آذربایجان شرقی"),
                                      credentials=Credentials("smoke signing passphrase"))
                (data / "smoke-issued.pdf").write_bytes(row.pdf)
                found = reporting.verify(s, row.pdf)
                changed = bytearray(row.pdf)
                changed[len(changed) // 2] ^= 0x01
                if found.status != "valid" or found.signer is None or reporting.verify(s, bytes(changed)).status != "altered":
                    raise RuntimeError(f"an issued report does not verify as signed and intact ({found.status})")
                return found.signer.fingerprint

        result["signer"] = step("signed report", signed_report)

        def workbook() -> int:  # openpyxl is bundled and a workbook reads back as written
            from rasad_desktop.exchange.collections_file import export_collections, import_collections

            with db.session() as s:
                rows = export_collections(s, Actor.console(), year, data / "smoke-collections.xlsx")
                back = import_collections(s, Actor.console(), year, data / "smoke-collections.xlsx", dry_run=True)
            if rows == 0 or back.cells != rows or back.changed != 0:
                raise RuntimeError(f"the collections workbook did not read back ({rows} written, {back.cells} read)")
            return rows

        result["workbook_rows"] = step("collections workbook", workbook)

        def window() -> str:
            from PySide6.QtCore import Qt
            from PySide6.QtWidgets import QApplication

            from rasad_desktop.config import Settings
            from rasad_desktop.gui.app import configure_application
            from rasad_desktop.gui.context import AppContext
            from rasad_desktop.gui.main_window import MainWindow
            from rasad_desktop.gui.runner import SyncRunner

            existing = QApplication.instance()
            app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
            configure_application(app, "fa")
            failures: list[BaseException] = []
            ctx = AppContext(db=db, settings=Settings(data), data_dir=data,
                             runner=SyncRunner(lambda parent, exc: failures.append(exc)),
                             actor=signed.actor, no_dialogs=True)
            main = MainWindow(ctx)
            main.show()
            for page in main.pages:
                main.show_page(page.objectName())
                app.processEvents()
            title, rtl = main.windowTitle(), main.layoutDirection() == Qt.LayoutDirection.RightToLeft
            main.close()
            app.processEvents()
            if failures:
                raise failures[0]
            if not rtl or title != "رصد منابع":
                raise RuntimeError("the main window is not right-to-left Persian")
            return title

        step("main window", window)
        db.close()
        result["ok"] = True
    except BaseException as exc:  # noqa: BLE001 - report every failure, then exit non-zero
        result["error"] = f"{type(exc).__name__}: {exc}"
        result["traceback"] = traceback.format_exc()
    result["seconds"] = round(time.perf_counter() - started, 3)
    _report(result, data, out_dir)
    return 0 if result["ok"] else 1


def _report(result: dict[str, object], data: Path, out_dir: Path | None) -> None:
    message = ("smoke test passed" if result["ok"] else f"smoke test FAILED: {result.get('error')}")
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
        (out_dir / "smoke-result.json").write_text(json.dumps(result, ensure_ascii=False, indent=2),
                                                   encoding="utf-8")
        if (data / "smoke-monitoring.pdf").exists():
            shutil.copy(data / "smoke-monitoring.pdf", out_dir / "smoke-monitoring.pdf")
    stream = sys.stdout if result["ok"] else sys.stderr
    if stream is not None:  # None in a windowed Windows build
        print(message, file=stream)
        if not result["ok"] and result.get("traceback"):
            print(result["traceback"], file=stream)
    shutil.rmtree(data, ignore_errors=True)
