"""Import and export buttons for monthly collections (data entry) or the budget law's
approved amounts (budget page) as Excel workbooks.

An import is first checked in the background (every bad row listed, nothing written);
the user then sees what would change and confirms before the one-transaction save."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QPushButton, QWidget

from rasad_desktop.core.errors import RasadError
from rasad_desktop.exchange.columns import ImportResult
from rasad_desktop.exchange.datasets import DATASETS
from rasad_desktop.gui import format as fmt
from rasad_desktop.gui.context import AppContext, Changes
from rasad_desktop.gui.operations import ReadOp, Session, Task, WriteOp
from rasad_desktop.services.roles import Actor

T = TypeVar("T")
SHOWN_CHANGES = 12  # old → new values the question lists


class FileChanged(RasadError):
    pass


def _stamp(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_mtime_ns, st.st_size


class SheetExchange(QObject):
    """Owns the two buttons; the page places them and tells it the selected year."""

    def __init__(self, ctx: AppContext, parent: QWidget, year: Callable[[], int | None],
                 before_import: Callable[[], bool], on_message: Callable[[str], None],
                 on_imported: Callable[[], None], *, dataset: str = "collections") -> None:
        super().__init__(parent)
        self.ctx, self.page, self.dataset = ctx, parent, DATASETS[dataset]
        self.year, self.before_import = year, before_import
        self.on_message, self.on_imported = on_message, on_imported
        self.choose_open_path: Callable[[], Path | None] = self._choose_open_path
        self.choose_save_path: Callable[[str], Path | None] = self._choose_save_path
        self.confirm: Callable[[str], bool] = self._confirm
        self.ask_reason: Callable[[str], str | None] = self._ask_reason
        what = self.dataset.title(ctx.language)
        self.import_title = self.tr("Import {0}").format(what)
        self.export_title = self.tr("Export {0}").format(what)
        self.import_button = QPushButton(self.tr("Import from Excel…"), parent)
        self.import_button.setObjectName("importSheet")
        self.export_button = QPushButton(self.tr("Export to Excel…"), parent)
        self.export_button.setObjectName("exportSheet")
        self.changes = Changes[self.dataset.changes.upper()]
        self.import_button.setVisible(ctx.actor.can(self.dataset.import_permission))
        self.import_button.clicked.connect(self.start_import)
        self.export_button.clicked.connect(self.export)

    def export(self) -> None:
        year = self.year()
        if year is None:
            return
        target = self.choose_save_path(f"{self.dataset.key}-{year}.xlsx")
        if target is None:
            return
        if target.suffix.lower() not in (".xlsx", ".csv"):  # a name typed without its extension
            target = target.with_name(target.name + ".xlsx")

        self._run(ReadOp(self.page, self.ctx, lambda s, actor: self.dataset.export(s, actor, year, target),
                         label=self.tr("Writing the workbook…"))).success(lambda rows: self.on_message(self.tr(
            "Exported {0} figures to {1}.").format(fmt.number(rows, self.ctx.language), fmt.isolate(target.name)))).run()

    def start_import(self) -> None:
        year = self.year()
        if year is None or not self.before_import():
            return
        source = self.choose_open_path()
        if source is None:
            return

        def check(session: Session, actor: Actor) -> tuple[ImportResult, tuple[int, int]]:
            stamp = _stamp(source)
            return self.dataset.import_file(session, actor, year, source, dry_run=True), stamp

        self._run(ReadOp(self.page, self.ctx, check, label=self.tr("Checking the file…"))) \
            .success(lambda done: self._confirm_import(year, source, *done)).run()

    def _confirm_import(self, year: int, source: Path, checked: ImportResult, stamp: tuple[int, int]) -> None:
        lang = self.ctx.language
        if checked.cells == 0:
            self.on_message(self.tr("{0} holds no figures to import.").format(fmt.isolate(source.name)))
            return
        if checked.changed == 0:
            self.on_message(self.tr("Every figure in {0} already matches; nothing to import.")
                              .format(fmt.isolate(source.name)))
            return
        months = ("، " if lang == "fa" else ", ").join(fmt.month(m, lang) for m in sorted(checked.months))
        question = self.tr(
            "{0} holds {1} figures for {2} agencies{3}. {4} of them differ from the database and will "
            "be saved, in one step.").format(
            fmt.isolate(source.name), fmt.number(checked.cells, lang), fmt.number(len(checked.agencies), lang),
            f" ({months})" if months else "", fmt.number(checked.changed, lang))
        shown = checked.changes[:SHOWN_CHANGES]
        listed = "\n".join("• " + change.shown(lang) for change in shown)
        if checked.changed > len(shown):
            listed += "\n" + self.tr("… and {0} more").format(fmt.number(checked.changed - len(shown), lang))
        if checked.warnings:
            shown_warnings = checked.warnings[:SHOWN_CHANGES]
            listed += "\n\n" + self.tr("{0} figures look unusual; you will be asked why they are right:").format(
                fmt.number(len(checked.warnings), lang)) + "\n" + "\n".join(
                "• " + self.tr("Row {0}: {1}").format(fmt.number(n, lang), en if lang == "en" else fa)
                for n, fa, en in shown_warnings)
            if len(checked.warnings) > len(shown_warnings):
                listed += "\n" + self.tr("… and {0} more").format(fmt.number(len(checked.warnings) - len(shown_warnings),
                                                                              lang))
        question += "\n\n" + listed + "\n\n" + self.tr("Import?")
        for fa, en in checked.notes:
            question = (en if lang == "en" else fa) + "\n" + question
        if checked.unit.factor != 1:
            question = self.tr("The amounts in this file are in {0} (its title or heading says so); they are "
                               "converted to rials.").format(checked.unit.label(lang)) + "\n\n" + question
        if not self.confirm(question):
            return
        reason = ""
        if checked.warnings:
            reason = (self.ask_reason(self.tr("Why are the unusual figures right? (kept with each figure and in the "
                                              "audit trail)")) or "").strip()
            if not reason:
                self.on_message(self.tr("Nothing was imported: the unusual figures were not confirmed."))
                return

        def work(session: Session, actor: Actor) -> int:
            if _stamp(source) != stamp:  # edited in Excel while the question was open
                raise FileChanged(
                    f"«{source.name}» پس از بررسی تغییر کرده است؛ دوباره «ورود از Excel» را بزنید.",
                    f"'{source.name}' changed after it was checked; import it again.", code="import_changed")
            return self.dataset.import_file(session, actor, year, source, reason=reason).changed

        def done(changed: int) -> None:
            self.on_imported()  # reloads the grid first: the message stays
            text = self.tr("Imported: {0} figures saved.").format(fmt.number(changed, lang))
            self.on_message(text)
            if not self.ctx.no_dialogs:  # the status line is replaced when the grid reloads
                QMessageBox.information(self.page, self.import_title, text)

        self._run(WriteOp(self.page, self.ctx, work, self.changes, label=self.tr("Importing…"))).success(done).run()

    def _ask_reason(self, text: str) -> str | None:
        if self.ctx.no_dialogs:
            return None
        reason, ok = QInputDialog.getText(self.page, self.import_title, text)
        return reason if ok else None

    def _run(self, op: Task[T]) -> Task[T]:
        """Off the UI thread, with both buttons off meanwhile: a second click must not start a
        second import or write the same file twice."""
        def busy(on: bool) -> None:
            self.import_button.setEnabled(not on)
            self.export_button.setEnabled(not on)

        return op.while_busy(busy)

    def _choose_open_path(self) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self.page, self.import_title, "",
                                              self.tr("Spreadsheets (*.xlsx *.csv *.txt)"))
        return Path(path) if path else None

    def _choose_save_path(self, suggested: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self.page, self.export_title, suggested,
                                              self.tr("Excel workbooks (*.xlsx);;CSV (*.csv)"))
        return Path(path) if path else None

    def _confirm(self, text: str) -> bool:
        if self.ctx.no_dialogs:
            return True
        answer = QMessageBox.question(self.page, self.import_title, text)
        return answer == QMessageBox.StandardButton.Yes
