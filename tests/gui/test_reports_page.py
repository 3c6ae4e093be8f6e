"""The Reports page: drafts previewed inside the application, saved, printed and issued;
the issued list reopens the stored PDF; issuing is offered only to the roles that may."""

from __future__ import annotations

import pytest
from keys import USERS
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QComboBox, QPushButton
from sqlalchemy import select

from rasad_desktop.core.amounts import Unit
from rasad_desktop.db.models import Agency, IssuedReport
from rasad_desktop.gui import format as fmt
from rasad_desktop.gui.context import Changes
from rasad_desktop.gui.models.issued_model import KIND, NUMBER, PERIOD, IssuedModel, kind_label, ltr
from rasad_desktop.gui.pages.reports import ReportsPage
from rasad_desktop.gui.runner import Runner
from rasad_desktop.gui.signals import emit
from rasad_desktop.reports.common import RenderOptions
from rasad_desktop.services import report_kinds, reporting
from rasad_desktop.services.errors import ValidationError
from rasad_desktop.services.report_kinds import REGISTERED as KINDS
from rasad_desktop.services.roles import Actor, Role
from rasad_desktop.services.signing import Credentials

SIGN = Credentials("test signing passphrase")  # the office certificate is made at the first issue

PERIOD_KINDS = [k for k in KINDS if report_kinds.kind(k).month is report_kinds.Month.REQUIRED]
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def make_page(make_ctx, qtbot):  # type: ignore[no-untyped-def]
    def make(role: Role = Role.ADMIN) -> ReportsPage:
        page = ReportsPage(make_ctx(role))
        qtbot.addWidget(page)
        page.resize(1090, 760)
        page.show()
        return page
    return make


@pytest.fixture
def page(make_page) -> ReportsPage:  # type: ignore[no-untyped-def]
    return make_page(Role.ADMIN)


def ink(image: QImage) -> int:
    """Dark pixels (text, table rules) in an image, sampled every other pixel: the grey
    background of the view, white paper and light table fills do not count."""
    dark = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            if image.pixelColor(x, y).lightness() < 90:
                dark += 1
    return dark


def preview(qtbot, page: ReportsPage, kind: str = "monitoring", month: int | None = 8,  # type: ignore[no-untyped-def]
            agency: str | None = None) -> None:
    page.select(kind, 1405, month, agency)
    qtbot.mouseClick(page.preview_button, LEFT)


def stored_reports(db) -> list[IssuedReport]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return reporting.issued_reports(s)


def stored_pdf(db, report_id: int) -> bytes:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return s.scalar(select(IssuedReport.pdf).where(IssuedReport.id == report_id))


# ------------------------------------------------------------------ preview
def test_the_monitoring_report_is_previewed_inside_the_application(page, qtbot):
    view = page.preview.view
    blank = ink(page.preview.grab().toImage())
    preview(qtbot, page)
    assert page.ctx.errors.seen == []
    document = page.preview.document
    assert document.status() == QPdfDocument.Status.Ready
    assert document.pageCount() > 0 and page.preview.page_count() == document.pageCount()
    assert page.shown is not None and page.shown.issued is None and page.shown.pdf.startswith(b"%PDF")
    assert page.preview.pdf_bytes() == page.shown.pdf
    assert view.pageMode() == view.PageMode.MultiPage
    assert view.zoomMode() == view.ZoomMode.Custom  # never FitToWidth (blank grabs offscreen)
    # the widest page fills the width of the viewport
    assert view.zoomFactor() == pytest.approx(page.preview.fit_zoom(), rel=1e-3)
    assert page.preview.fit_zoom() > 0.5
    # pages are rendered in QtPdf's threads: wait until the grabbed widget shows them
    qtbot.waitUntil(lambda: ink(page.preview.grab().toImage()) > blank + 2000, timeout=15_000)
    assert page.print_button.isEnabled() and page.save_button.isEnabled()
    assert page.preview.pages_label.text()  # "۵ صفحه"


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_renders_a_preview(page, qtbot, kind):
    agency = page.agency.itemData(0) if kind == "agency" else None
    preview(qtbot, page, kind, 8 if kind in PERIOD_KINDS else None, agency)
    assert page.ctx.errors.seen == []
    assert page.preview.document.status() == QPdfDocument.Status.Ready
    assert page.preview.page_count() >= 1
    request = page.request()
    assert request is not None and request.kind == kind
    assert page.shown is not None and page.shown.file_name.startswith(kind)


def test_yearly_kinds_disable_the_month_and_only_the_agency_report_asks_for_an_agency(page):
    for kind in KINDS:
        page.kind.setCurrentIndex(page.kind.findData(kind))
        assert page.month.isEnabled() == (kind in PERIOD_KINDS), kind
        assert page.agency.isEnabled() == (kind == "agency"), kind
        request = page.request()
        assert request is not None
        assert (request.through_month is None) == (kind not in PERIOD_KINDS)
        assert (request.agency_code is None) == (kind != "agency")


def test_the_unit_is_chosen_and_defaults_to_the_setting(page, qtbot):
    assert [page.unit.itemText(i) for i in range(page.unit.count())] == ["ریال", "میلیون ریال", "میلیارد ریال"]
    assert page.unit.currentData() == page.ctx.settings.get("default_unit")
    page.select("circular", 1405, unit=Unit.BILLION)
    assert page.request().unit is Unit.BILLION


def test_a_failed_render_goes_to_the_error_handler_and_the_page_stays_usable(page, qtbot):
    page.agency.clear()  # an agency report without an agency: the service refuses it
    preview(qtbot, page, "agency", 8)
    assert [type(e) for e in page.ctx.errors.seen] == [ValidationError]
    assert page.shown is None and page.preview_button.isEnabled()
    assert not page.print_button.isEnabled() and not page.save_button.isEnabled()


def test_zoom_buttons_and_fitting_the_width(page, qtbot):
    preview(qtbot, page)
    fitted = page.preview.zoom_factor()
    bar = page.preview.view.horizontalScrollBar()
    assert bar.maximum() == 0  # fitted: no sideways scrolling
    qtbot.mouseClick(page.preview.zoom_in_button, LEFT)
    assert page.preview.zoom_factor() == pytest.approx(fitted * 1.25)
    # wider than the view: right-to-left, it opens at the page's right edge, where the text starts
    assert page.isRightToLeft() and bar.maximum() > 0 and bar.value() == bar.maximum()
    width = page.preview.view.viewport().width()
    page.resize(850, 700)  # zoomed by hand: a resize keeps the user's zoom
    qtbot.waitUntil(lambda: page.preview.view.viewport().width() < width)
    assert page.preview.zoom_factor() == pytest.approx(fitted * 1.25)
    qtbot.mouseClick(page.preview.fit_button, LEFT)
    assert page.preview.zoom_factor() == pytest.approx(page.preview.fit_zoom(), rel=1e-3)
    assert page.preview.zoom_factor() < fitted  # narrower page, smaller zoom
    qtbot.mouseClick(page.preview.zoom_out_button, LEFT)
    assert page.preview.zoom_factor() < page.preview.fit_zoom()


def test_a_real_background_render_with_the_threaded_runner(make_ctx, qtbot):
    ctx = make_ctx(Role.ADMIN)
    ctx.runner = Runner(ctx.errors)
    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1090, 760)
    page.show()
    preview(qtbot, page)
    assert page.shown is None and not page.preview_button.isEnabled()  # the work is under way
    qtbot.waitUntil(lambda: page.preview.page_count() > 0, timeout=30_000)
    assert ctx.errors.seen == []
    assert page.preview_button.isEnabled() and page.shown is not None and page.shown.pdf.startswith(b"%PDF")


# ------------------------------------------------------------- save, print
def test_save_writes_the_pdf_shown(page, qtbot, tmp_path):
    preview(qtbot, page)
    target = tmp_path / "out" / "گزارش"  # no suffix: .pdf is added; the folder is created
    offered = []
    page.choose_save_path = lambda name: offered.append(name) or str(target)
    qtbot.mouseClick(page.save_button, LEFT)
    written = target.with_name("گزارش.pdf")
    assert written.read_bytes() == page.shown.pdf and written.read_bytes().startswith(b"%PDF")
    assert offered == ["monitoring-1405-8-draft.pdf"]
    assert sorted(p.name for p in written.parent.iterdir()) == ["گزارش.pdf"]  # no .part left behind
    assert page.ctx.errors.seen == []


def test_cancelled_or_unattended_dialogs_do_nothing(page, qtbot, tmp_path):
    preview(qtbot, page)
    # the real dialogs, with dialogs switched off (ctx.no_dialogs): nothing blocks, nothing happens
    page.save_pdf()
    page.print_report()
    before = len(stored_reports(page.ctx.db))
    page.issue()
    assert len(stored_reports(page.ctx.db)) == before
    assert page.ctx.errors.seen == []


def test_printing_renders_every_page_into_the_printer_in_the_background(make_ctx, qtbot, tmp_path):
    ctx = make_ctx(Role.VIEWER)
    ctx.runner = Runner(ctx.errors)  # the real thread pool: pages are rasterised off the UI thread
    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    preview(qtbot, page)
    qtbot.waitUntil(lambda: page.preview.page_count() > 0, timeout=30_000)
    out = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    page.print_dialog = lambda: printer
    qtbot.mouseClick(page.print_button, LEFT)
    assert not page.print_button.isEnabled()  # printing is under way
    qtbot.waitUntil(lambda: page.print_button.isEnabled(), timeout=120_000)
    assert ctx.errors.seen == []
    assert fmt.number(page.preview.page_count(), "fa") in page.status.text()
    assert out.stat().st_size > 10_000 and out.read_bytes().startswith(b"%PDF")
    printed = QPdfDocument()
    printed.load(str(out))
    assert printed.status() == QPdfDocument.Status.Ready
    assert printed.pageCount() == page.preview.page_count()
    # the printed page carries the rendered report, not an empty sheet
    assert ink(printed.render(0, printed.pagePointSize(0).toSize())) > 500
    printed.close()


def test_printing_a_page_range(page, qtbot, tmp_path):
    preview(qtbot, page)
    out = tmp_path / "range.pdf"
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    page.print_dialog = lambda: printer
    qtbot.mouseClick(page.print_button, LEFT)
    assert page.ctx.errors.seen == []
    printed = QPdfDocument()
    printed.load(str(out))
    assert printed.pageCount() == 2
    printed.close()


def test_a_cancelled_print_dialog_prints_nothing(page, qtbot):
    preview(qtbot, page)
    page.print_dialog = lambda: None
    qtbot.mouseClick(page.print_button, LEFT)
    assert page.status.text() == page.tr("The draft is ready.")


# ------------------------------------------------------------------- issue
@pytest.mark.parametrize("role", [Role.ADMIN, Role.REPORT_OFFICER])
def test_issuing_numbers_freezes_lists_and_reopens_the_report(make_page, qtbot, role):
    page = make_page(role)
    db = page.ctx.db
    assert stored_reports(db) == []
    questions = []
    page.confirm_issue = lambda question: questions.append(question) or True
    page.ask_passphrase = lambda first: "test signing passphrase"
    page.select("monitoring", 1405, 8)
    with qtbot.waitSignal(page.ctx.events.data_changed) as changed:
        qtbot.mouseClick(page.issue_button, LEFT)
    assert changed.args == [Changes.REPORTS | Changes.AUDIT]
    assert page.ctx.errors.seen == []
    assert len(questions) == 1 and "۱۴۰۵" in questions[0] and "آبان" in questions[0]

    (report,) = stored_reports(db)
    assert report.kind == "monitoring" and report.version == 1 and report.issued_by == USERS[role]
    assert report.number.count("/") == 1
    # the preview shows the issued (numbered) file, with its number and verification code
    assert page.shown is not None and page.shown.issued is not None and page.shown.issued.id == report.id
    assert page.shown.pdf == stored_pdf(db, report.id) == page.preview.pdf_bytes()
    assert page.preview.page_count() > 0
    # the code keeps its order inside the Persian sentence (7844-A7A9-DE9E, not A7A9-DE9E-7844)
    assert ltr(report.verification_code) in page.shown_label.text()
    assert page.issued_model.data(page.issued_model.index(0, NUMBER)) in page.shown_label.text()
    assert report.verification_code in page.status.text()
    # the list shows it, selected
    assert page.issued_model.rowCount() == 1
    assert page.selected_issued() is not None and page.selected_issued().id == report.id
    assert page.issued_model.data(page.issued_model.index(0, NUMBER), Qt.ItemDataRole.UserRole) == report.number
    assert page.issued_model.data(page.issued_model.index(0, KIND)) == kind_label("monitoring")

    # show a draft of something else, then reopen the issued report from the list
    preview(qtbot, page, "circular", None)
    assert page.shown.issued is None
    cell = page.issued.visualRect(page.issued_model.index(0, PERIOD)).center()
    qtbot.mouseClick(page.issued.viewport(), LEFT, pos=cell)  # select the row as the user would
    assert page.selected_issued() is not None and page.reopen_button.isEnabled()
    qtbot.mouseClick(page.reopen_button, LEFT)
    assert page.shown.issued is not None and page.shown.issued.id == report.id
    assert page.preview.pdf_bytes() == stored_pdf(db, report.id)
    assert page.preview.document.status() == QPdfDocument.Status.Ready and page.preview.page_count() > 0

    # double-clicking a row reopens it too
    preview(qtbot, page, "circular", None)
    qtbot.mouseDClick(page.issued.viewport(), LEFT, pos=cell)
    assert page.shown.issued is not None and page.shown.issued.id == report.id


def test_a_correction_is_the_next_version_of_the_same_number(page, qtbot):
    page.confirm_issue = lambda question: True
    page.ask_passphrase = lambda first: "test signing passphrase"
    page.select("monitoring", 1405, 7)
    qtbot.mouseClick(page.issue_button, LEFT)
    (first,) = stored_reports(page.ctx.db)
    correction = page.correction
    assert correction is not None and correction.findData(first.number) >= 0
    page.kind.setCurrentIndex(page.kind.findData("circular"))  # only reports of the same kind are offered
    assert correction.findData(first.number) < 0
    page.select("monitoring", 1405, 8)
    correction.setCurrentIndex(correction.findData(first.number))
    questions = []
    page.confirm_issue = lambda question: questions.append(question) or True
    page.ask_passphrase = lambda first: "test signing passphrase"
    qtbot.mouseClick(page.issue_button, LEFT)
    assert page.ctx.errors.seen == []
    newest = stored_reports(page.ctx.db)[0]
    assert (newest.number, newest.version) == (first.number, 2)
    assert fmt.number(first.number, "fa") in questions[0]
    assert page.issued_model.rowCount() == 2 and page.shown.issued.version == 2


def test_declining_the_confirmation_issues_nothing(page, qtbot):
    page.confirm_issue = lambda question: False
    qtbot.mouseClick(page.issue_button, LEFT)
    assert stored_reports(page.ctx.db) == [] and page.shown is None


def test_the_signing_passphrase_is_asked_twice_only_the_first_time_and_a_wrong_one_issues_nothing(page, qtbot):
    asked: list[bool] = []
    page.confirm_issue = lambda question: True
    page.ask_passphrase = lambda first: asked.append(first) or "test signing passphrase"
    page.select("monitoring", 1405, 7)
    qtbot.mouseClick(page.issue_button, LEFT)
    assert asked == [True] and len(stored_reports(page.ctx.db)) == 1  # the office certificate was made
    qtbot.mouseClick(page.issue_button, LEFT)
    assert asked == [True, False] and len(stored_reports(page.ctx.db)) == 2
    page.ask_passphrase = lambda first: None  # the dialog was cancelled
    qtbot.mouseClick(page.issue_button, LEFT)
    assert len(stored_reports(page.ctx.db)) == 2
    page.ask_passphrase = lambda first: "not the passphrase"
    qtbot.mouseClick(page.issue_button, LEFT)
    assert len(stored_reports(page.ctx.db)) == 2
    assert page.ctx.errors.seen and "عبارت عبور امضا نادرست" in str(page.ctx.errors.seen[-1])


@pytest.mark.parametrize("role", [Role.VIEWER, Role.DATA_ENTRY])
def test_roles_that_may_not_issue_get_no_issue_button(make_page, qtbot, role):
    page = make_page(role)
    assert page.issue_button is None and page.correction is None
    assert page.findChild(QPushButton, "issue") is None
    assert page.findChild(QComboBox, "correctionOf") is None
    page.issue()  # even called directly, nothing is issued
    assert stored_reports(page.ctx.db) == []
    preview(qtbot, page)  # but they may preview
    assert page.preview.page_count() > 0 and page.ctx.errors.seen == []


def test_the_list_refreshes_when_another_screen_issues(page, qtbot):
    with page.ctx.db.session() as s:
        reporting.issue(s, Actor("officer", Role.REPORT_OFFICER), reporting.ReportRequest("circular", 1405),
                        RenderOptions(), credentials=SIGN)
    assert page.issued_model.rowCount() == 0
    emit(page.ctx.events.data_changed, Changes.REPORTS)
    assert page.issued_model.rowCount() == 1
    assert "۱" in page.issued_count.text()


# ------------------------------------------------------------------- model
def test_the_issued_model_passes_the_model_tester(gui_db, qtmodeltester, app):
    model = IssuedModel("fa")
    qtmodeltester.check(model)
    with gui_db.session() as s:
        agency = s.scalar(select(Agency.code).order_by(Agency.code))
        reporting.issue(s, Actor("boss", Role.ADMIN), reporting.ReportRequest("monitoring", 1405, 8), RenderOptions(), credentials=SIGN)
    with gui_db.session() as s:
        reporting.issue(s, Actor("boss", Role.ADMIN), reporting.ReportRequest("agency", 1405, 8, agency),
                        RenderOptions(), credentials=SIGN)
    with gui_db.session() as s:
        model.load(reporting.issued_rows(s))
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and model.columnCount() == 6
    for row in range(model.rowCount()):
        for col in range(model.columnCount()):
            align = Qt.AlignmentFlag(model.data(model.index(row, col), Qt.ItemDataRole.TextAlignmentRole))
            assert not align & Qt.AlignmentFlag.AlignAbsolute  # leading/trailing, mirrored in RTL
    assert "(" in model.data(model.index(0, KIND))  # the agency report names its agency
    assert model.data(model.index(0, PERIOD)) == model.tr("{0}, through {1}").format("۱۴۰۵", "آبان")


def test_nothing_is_clipped_in_the_window_width(page, qtbot):
    """Every control of the top rows fits in the width a page gets in the main window."""
    for widget in (page.kind, page.year, page.month, page.agency, page.unit, page.preview_button,
                   page.print_button, page.save_button, page.issue_button, page.correction):
        top_left = widget.mapTo(page, QPoint(0, 0))
        assert top_left.x() >= 0 and top_left.x() + widget.width() <= page.width(), widget.objectName()


def test_the_signing_passphrase_dialog_checks_a_new_passphrase_before_it_closes(app, qtbot):
    from rasad_desktop.gui.dialogs.signing_passphrase import SigningPassphraseDialog

    first = SigningPassphraseDialog(None, first=True)
    qtbot.addWidget(first)
    assert first.repeat.isVisibleTo(first)
    first.passphrase.setText("short")
    first.repeat.setText("short")
    first.try_accept()
    assert "۸" in first.message.text() and first.result() != SigningPassphraseDialog.DialogCode.Accepted
    first.passphrase.setText("a long enough passphrase")
    first.repeat.setText("a long enough passphrase.")
    first.try_accept()
    assert "یکی نیستند" in first.message.text() and first.result() != SigningPassphraseDialog.DialogCode.Accepted
    first.repeat.setText("a long enough passphrase")
    first.try_accept()
    assert first.result() == SigningPassphraseDialog.DialogCode.Accepted

    later = SigningPassphraseDialog(None, first=False)
    qtbot.addWidget(later)
    assert not later.repeat.isVisibleTo(later)
    later.try_accept()
    assert later.message.text() and later.result() != SigningPassphraseDialog.DialogCode.Accepted
    later.passphrase.setText("x")  # a wrong one is the service's to refuse, with nothing issued
    later.try_accept()
    assert later.result() == SigningPassphraseDialog.DialogCode.Accepted


def test_any_user_checks_a_pdf_file_as_verify_would(make_page, qtbot, tmp_path):
    officer = make_page(Role.REPORT_OFFICER)
    officer.confirm_issue = lambda question: True
    officer.ask_passphrase = lambda first: "test signing passphrase"
    officer.select("monitoring", 1405, 8)
    with qtbot.waitSignal(officer.ctx.events.data_changed):
        qtbot.mouseClick(officer.issue_button, LEFT)
    (report,) = stored_reports(officer.ctx.db)
    genuine = tmp_path / "received.pdf"
    genuine.write_bytes(stored_pdf(officer.ctx.db, report.id))
    forged = tmp_path / "forged.pdf"
    forged.write_bytes(genuine.read_bytes().replace(b"/Producer", b"/Producex", 1))

    viewer = make_page(Role.VIEWER)  # reading a file changes nothing: every role may check one
    shown: list[tuple[bool, list[str]]] = []
    viewer.show_verification = lambda valid, lines: shown.append((valid, lines))
    for path in (genuine, forged):
        viewer.choose_file_to_check = lambda path=path: str(path)
        qtbot.mouseClick(viewer.check_button, LEFT)
    qtbot.waitUntil(lambda: len(shown) == 2)
    (valid, lines), (forged_valid, forged_lines) = shown
    assert valid and lines[0].startswith("معتبر") and report.verification_code in "\n".join(lines)
    assert not forged_valid and forged_lines[0].startswith("نامعتبر"), forged_lines
    viewer.choose_file_to_check = lambda: ""  # cancelled: nothing happens
    qtbot.mouseClick(viewer.check_button, LEFT)
    assert len(shown) == 2 and viewer.ctx.errors.seen == []
