"""The dashboard: the province totals are the service's figures; agencies sort numerically
and show their status colours (above target is good); the chart paints right to left;
the exceptions list; double-clicking an agency opens its detail; data load through the
runner and refresh when data change."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QImage
from sqlalchemy import select

from rasad_desktop.core.amounts import Unit
from rasad_desktop.core.metrics import Status
from rasad_desktop.db.models import Agency
from rasad_desktop.gui import format as fmt
from rasad_desktop.gui.context import Changes
from rasad_desktop.gui.dialogs.agency_detail import AgencyDetailModel
from rasad_desktop.gui.models.agency_table_model import KEY_ROLE, SORT_ROLE, STATUS_COLOURS, AgencyTableModel
from rasad_desktop.gui.pages.dashboard import AGENCY_ROLE, DashboardPage
from rasad_desktop.gui.signals import emit
from rasad_desktop.gui.widgets.monthly_chart import LAST_YEAR, THIS_YEAR, MonthlyChart
from rasad_desktop.services import office, queries, read_models
from rasad_desktop.services.collections import Entry, save_month
from rasad_desktop.services.read_models import default_month
from rasad_desktop.services.roles import Role

YEAR, MONTH = 1405, 8  # the demo: 1404 complete, 1405 collected through Aban


def agency_id(db, code: str) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return s.scalar(select(Agency.id).where(Agency.code == code))


def expected_table(ctx, year: int = YEAR, month: int = MONTH):  # type: ignore[no-untyped-def]
    with ctx.db.session() as s:
        return read_models.agency_table(s, year, month, thresholds=office.thresholds(s))


def row_of(page: DashboardPage, code: str) -> int:
    """The row of an agency in the table as shown (through the sorting proxy)."""
    proxy = page.proxy
    rows = [r for r in range(proxy.rowCount()) if proxy.index(r, 0).data(KEY_ROLE) == code]
    assert len(rows) == 1, code
    return rows[0]


def colour_count(image: QImage, colour: QColor, area: QRect | None = None) -> int:
    area = area or image.rect()
    wanted = colour.rgb()
    return sum(1 for x in range(area.left(), area.right() + 1, 2) for y in range(area.top(), area.bottom() + 1, 2)
               if image.pixel(x, y) == wanted)


@pytest.fixture
def page(make_ctx, qtbot):  # type: ignore[no-untyped-def]
    p = DashboardPage(make_ctx(Role.ADMIN))
    qtbot.addWidget(p)
    p.resize(1100, 760)
    p.show()  # the first show loads the data
    return p


def test_it_opens_on_the_latest_year_through_the_last_month_with_collections(page):
    assert page.year.currentData() == YEAR and page.month.currentData() == MONTH
    assert "آبان" in page.period.text() and "۱۴۰۵" in page.period.text()


def test_the_totals_are_the_service_figures(page):
    total = expected_table(page.ctx).total
    f, m = total.figures, total.metrics
    unit = Unit.MILLION  # the default unit of the settings
    assert page.current_unit() is unit
    assert page.cards["approved"].text() == fmt.money(f.annual, unit, "fa")
    assert page.cards["share"].text() == fmt.money(f.share, unit, "fa")
    assert page.cards["collected"].text() == fmt.money(f.collected, unit, "fa")
    assert page.cards["pct_share"].text() == fmt.percent(m.pct_share, "fa")
    assert page.cards["growth"].text() == fmt.percent(m.growth, "fa")
    assert fmt.money(f.collected_last, unit, "fa") in page.last_note.text()
    assert page.cards["collected"].text() == "۱۰۵٬۲۵۴٬۳۶۱"  # Persian digits and separators


def test_another_period_and_unit_show_that_period_s_totals(page):
    page.select(1404, 12)
    total = expected_table(page.ctx, 1404, 12).total
    assert page.month.currentData() == 12 and page.year.currentData() == 1404
    assert page.cards["collected"].text() == fmt.money(total.figures.collected, Unit.MILLION, "fa")
    page.unit.setCurrentIndex(page.unit.findData("rial"))
    page.unit.activated.emit(page.unit.currentIndex())
    assert page.cards["collected"].text() == fmt.money(total.figures.collected, Unit.RIAL, "fa")
    assert page.model.unit is Unit.RIAL


def test_one_row_per_agency_in_rank_order(page):
    table = expected_table(page.ctx)
    assert page.proxy.rowCount() == len(table.rows) == 40
    shown = [page.proxy.index(r, 0).data(KEY_ROLE) for r in range(page.proxy.rowCount())]
    assert shown == [r.key for r in table.rows]  # ranked: best first
    assert page.proxy.index(0, page.model.column("agency")).data() == table.rows[0].title
    assert page.proxy.index(0, page.model.column("rank")).data() == "۱"


def test_sorting_by_percent_of_share_is_numeric(page):
    col = page.model.column("pct_share")
    page.table.sortByColumn(col, Qt.SortOrder.DescendingOrder)
    values = [page.proxy.index(r, col).data(SORT_ROLE) for r in range(page.proxy.rowCount())]
    assert values == sorted(values, reverse=True)
    # as text «۹۹٫۶٪» would come before «۱۴۳٫۴٪»; as numbers 103 (143 %) is first
    assert page.proxy.index(0, 0).data(KEY_ROLE) == "103"
    assert page.proxy.index(page.proxy.rowCount() - 1, 0).data(KEY_ROLE) == "126"  # nothing collected: 0 %
    page.table.sortByColumn(col, Qt.SortOrder.AscendingOrder)
    assert page.proxy.index(0, 0).data(KEY_ROLE) == "126"


def test_sorting_amounts_is_numeric_too(page):
    col = page.model.column("collected")
    page.table.sortByColumn(col, Qt.SortOrder.DescendingOrder)
    table = {r.key: r for r in expected_table(page.ctx).rows}
    collected = [table[page.proxy.index(r, 0).data(KEY_ROLE)].figures.collected for r in range(page.proxy.rowCount())]
    assert collected == sorted(collected, reverse=True)
    assert page.proxy.index(0, 0).data(KEY_ROLE) == "101"  # the tax office collects most


def test_status_colours_above_target_is_green(page):
    def background(code: str) -> QColor:
        return page.proxy.index(row_of(page, code), page.model.column("pct_share")).data(
            Qt.ItemDataRole.BackgroundRole).color()

    good, lagging, watch = background("103"), background("106"), background("105")
    assert good == STATUS_COLOURS[Status.GOOD] and good.green() > good.red()  # far ahead: green
    assert lagging == STATUS_COLOURS[Status.LAGGING] and lagging.red() > lagging.green()  # far behind: red
    assert watch == STATUS_COLOURS[Status.WATCH]  # 96.9 %: amber
    assert len({good.name(), lagging.name(), watch.name()}) == 3


def test_the_status_colours_are_painted(page):
    image = page.table.viewport().grab().toImage()
    assert colour_count(image, STATUS_COLOURS[Status.GOOD]) > 0  # the first rows are the best ones


def test_the_chart_paints_bars_right_to_left(qtbot):
    chart = MonthlyChart()
    qtbot.addWidget(chart)
    chart.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    chart.resize(720, 280)
    this = [100, 200, 300, 400, 500, 600, 700, 800, 900, 0, 0, 0]
    last = [90] * 12
    chart.set_data(this, last, through_month=8, year=1405)
    image = chart.grab().toImage()
    assert colour_count(image, THIS_YEAR) > 50 and colour_count(image, LAST_YEAR) > 50
    # Farvardin on the right, Esfand on the left
    assert chart.month_rect(1).center().x() > chart.month_rect(12).center().x()
    assert chart.month_rect(1).right() > chart.width() * 0.7
    right_half = QRect(chart.width() // 2, 0, chart.width() // 2, chart.height())
    assert colour_count(image, THIS_YEAR, right_half) > 0
    # after the chosen month this year is empty (Azar's 900 is not drawn), last year is not
    this_bar, last_bar = chart.bar_rects(9)
    assert this_bar is None and last_bar is not None
    assert colour_count(image, THIS_YEAR, chart.month_rect(9)) == 0
    assert colour_count(image, LAST_YEAR, chart.month_rect(9)) > 0


def test_the_page_chart_has_this_year_and_last_year(page):
    assert page.chart.through_month == MONTH
    with page.ctx.db.session() as s:
        assert page.chart.this_year == queries.monthly_collected(s, YEAR)
        assert page.chart.last_year == queries.monthly_collected(s, YEAR - 1)
    image = page.chart.grab().toImage()
    assert colour_count(image, THIS_YEAR) > 0 and colour_count(image, LAST_YEAR) > 0


def test_the_exceptions_list(page, gui_db):
    texts = [page.exceptions.item(i).text() for i in range(page.exceptions.count())]
    ids = [page.exceptions.item(i).data(AGENCY_ROLE) for i in range(page.exceptions.count())]
    lagging = [r for r in expected_table(page.ctx).rows if r.metrics.status is Status.LAGGING]
    assert len(lagging) == 10
    assert any("۲۱۰۲۰۱" in t for t in texts)  # approved, nothing collected (agency 126)
    assert any("۱۶۰۱۸۶" in t for t in texts)  # collected without an approved amount (agency 132)
    assert agency_id(gui_db, "126") in ids and agency_id(gui_db, "132") in ids
    for r in lagging:
        assert agency_id(gui_db, r.key) in ids
    assert agency_id(gui_db, "103") not in ids  # a good agency is no exception
    assert sum(1 for t in texts if "(۱۰)" in t) == 1  # the heading counts the lagging agencies


def test_double_clicking_an_agency_opens_its_lines(page, qtbot, gui_db):
    row = row_of(page, "103")
    page.table.scrollTo(page.proxy.index(row, 0))
    rect = page.table.visualRect(page.proxy.index(row, page.model.column("agency")))
    # a real double-click starts with a press: QTest's mouseDClick alone sends only the second one
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    aid = agency_id(gui_db, "103")
    dialog = page.details.get(aid)
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    with page.ctx.db.session() as s:
        lines = queries.figures(s, YEAR, MONTH, "line", agency_id=aid)
    assert sorted(dialog.model.rows[i].key for i in range(dialog.model.rowCount())) == sorted(
        str(c) for c, f in lines.items() if not f.is_empty)
    assert "۱۰۳" in dialog.heading.text()
    total = sum(f.collected for f in lines.values())
    assert fmt.money(total, Unit.MILLION, "fa") in dialog.total.text()
    with page.ctx.db.session() as s:
        assert dialog.chart.this_year == queries.monthly_collected(s, YEAR, agency_id=aid)
    assert colour_count(dialog.chart.grab().toImage(), THIS_YEAR) > 0


def test_open_detail_reuses_the_dialog_and_an_exception_opens_its_agency(page, gui_db):
    aid = agency_id(gui_db, "132")
    item = next(page.exceptions.item(i) for i in range(page.exceptions.count())
                if page.exceptions.item(i).data(AGENCY_ROLE) == aid)
    page.exceptions.itemActivated.emit(item)
    dialog = page.details[aid]
    assert dialog.isVisible()
    assert "160186" in [r.key for r in dialog.model.rows]  # the line collected without approval
    other = page.open_detail(agency_id(gui_db, "106"))
    assert other is not dialog and other.agency_id == agency_id(gui_db, "106")
    assert len(page.details) == 2


def test_both_models_pass_the_model_tester(page, qtmodeltester, gui_db):
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)
    qtmodeltester.check(AgencyTableModel())
    dialog = page.open_detail(agency_id(gui_db, "101"))
    assert dialog.model.rowCount() > 0
    qtmodeltester.check(dialog.model)
    qtmodeltester.check(AgencyDetailModel())


def test_the_model_sorts_unranked_and_dashes_last(qtmodeltester):
    model = AgencyTableModel()
    table = expected_table_free()
    model.load(table.rows)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(model.column("growth"), Qt.SortOrder.DescendingOrder)
    keys = [proxy.index(r, 0).data(KEY_ROLE) for r in range(proxy.rowCount())]
    assert keys == ["b", "a", "c"]  # «—» (no last year) below every number
    assert model.index(2, model.column("growth")).data() == "—"
    assert model.index(2, model.column("rank")).data() == "—"  # no target, no rank
    qtmodeltester.check(model)


def expected_table_free():  # type: ignore[no-untyped-def]
    from rasad_desktop.core.figures import Figures
    from rasad_desktop.core.tables import ranked_table

    return ranked_table([("a", "الف", Figures(annual=120, share=10, collected=12, collected_last=12)),
                         ("b", "ب", Figures(annual=120, share=10, collected=8, collected_last=4)),
                         ("c", "ج", Figures(collected=5))], 1)


def test_a_viewer_sees_the_dashboard(make_ctx, qtbot, gui_db):
    ctx = make_ctx(Role.VIEWER)
    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert page.proxy.rowCount() == 40 and page.cards["collected"].text() != "—"
    assert page.open_detail(agency_id(gui_db, "106")).model.rowCount() > 0
    assert ctx.errors.seen == []


def test_new_collections_refresh_the_page(page, gui_db):
    before = page.cards["collected"].text()
    with gui_db.session() as s:
        save_month(s, page.ctx.actor, YEAR, 9, "101", [Entry("110104", 7_000_000_000_000)])
    emit(page.ctx.events.data_changed, Changes.COLLECTIONS)
    assert page.month.currentData() == 9  # the default follows the last month with collections
    assert page.cards["collected"].text() != before
    assert page.cards["collected"].text() == fmt.money(expected_table(page.ctx, YEAR, 9).total.figures.collected,
                                                       Unit.MILLION, "fa")


def test_a_chosen_month_is_kept_when_data_change(page, gui_db):
    page.select(YEAR, 5)
    with gui_db.session() as s:
        save_month(s, page.ctx.actor, YEAR, 9, "101", [Entry("110104", 1_000_000)])
    emit(page.ctx.events.data_changed, Changes.COLLECTIONS)
    assert page.month.currentData() == 5


class DeferredRunner:
    """Keeps the work until the test runs it, in any order (a slow background thread)."""

    def __init__(self) -> None:
        self.jobs: list[tuple] = []

    def run(self, parent, fn, on_done, *, label="", on_error=None):  # type: ignore[no-untyped-def]
        self.jobs.append((fn, on_done, label))


def test_loading_goes_through_the_runner_and_stale_results_are_dropped(make_ctx, qtbot):
    ctx = make_ctx(Role.VIEWER)
    ctx.runner = runner = DeferredRunner()
    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert page.proxy.rowCount() == 0 and len(runner.jobs) == 1  # nothing read on the UI thread
    page.select(1404, 12)
    (old_fn, old_done, label), (new_fn, new_done, _) = runner.jobs
    assert label
    new_done(new_fn())
    old_done(old_fn())  # the older request finishes last: ignored
    assert page.year.currentData() == 1404 and page.month.currentData() == 12


def test_default_month_without_collections():
    import datetime as dt

    assert default_month([5, 7, 0, 0] + [0] * 8, 1405, dt.date(2026, 12, 1)) == 2
    assert default_month([0] * 12, 1404, dt.date(2026, 12, 1)) == 12  # a past year: all of it
    assert default_month([0] * 12, 1405, dt.date(2026, 12, 1)) == 8  # 10 Azar 1405: Aban was the last complete


def test_an_empty_database_says_so(make_ctx, qtbot):
    from rasad_desktop.services.read_models import Dashboard

    page = DashboardPage(make_ctx(Role.VIEWER))
    qtbot.addWidget(page)
    page._show(Dashboard(years=[]))
    assert page.proxy.rowCount() == 0 and not page.status.isHidden()
    assert page.open_detail(1) is None


def test_the_bars_are_where_the_tooltip_says(qtbot):
    chart = MonthlyChart()
    qtbot.addWidget(chart)
    chart.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    chart.resize(600, 240)
    chart.set_data([10] * 12, [20] * 12, 3)
    assert chart.month_at(chart.month_rect(2).center()) == 2
    assert chart.month_at(QPoint(0, 0)) is None
    assert "—" in chart.tooltip(4) and "اردیبهشت" in chart.tooltip(2)


# ------------------------------------------------------------------ response times
def _register_requests(db, actor):  # type: ignore[no-untyped-def]
    """1405: a request answered the next working day, a complaint answered late (9 working
    days, target 7) and a complaint never answered (overdue). Tue 21 Apr 2026 = 1405/02/01."""
    import datetime as dt

    from rasad_desktop.services import requests

    def reg(kind: str, day: dt.date) -> str:
        return requests.register(s, actor, requests.NewRequest(kind, "phone", "زهرا کریمی", "0499370899",
                                                               "09141234567", "موضوع", "متن"),
                                 workstation=3, now=dt.datetime.combine(day, dt.time(9))).tracking_code

    with db.session() as s:
        r = reg("request", dt.date(2026, 4, 21))
        c1 = reg("complaint", dt.date(2026, 4, 21))  # due Sat 2 May
        c2 = reg("complaint", dt.date(2026, 5, 23))
        requests.answer(s, actor, r, "پاسخ", now=dt.datetime(2026, 4, 22, 9))  # Wed: 1 day
        requests.answer(s, actor, c1, "پاسخ", now=dt.datetime(2026, 5, 4, 9))  # Mon 4 May: 9 days, late
    return c2


def test_the_response_times_section(make_ctx, qtbot, gui_db):
    ctx = make_ctx(Role.ADMIN)
    open_code = _register_requests(gui_db, ctx.actor)
    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    box = page.responses
    assert box.isVisible() and "۱۴۰۵" in box.title()
    head = box.headline
    assert head["overdue"].text() == "۱" and "9b1c1c" in head["overdue"].styleSheet()  # red when any
    assert head["share_in_time"].text() == "۵۰٫۰٪"  # 1 of the 2 answers in time
    assert head["median_days"].text() == "۵"  # (1 + 9) / 2 working days
    cell = {key: box.cells[key].text() for key in box.cells}
    assert [cell[("request", k)] for k in ("registered", "answered", "share_in_time", "median_days", "overdue")] \
        == ["۱", "۱", "۱۰۰٫۰٪", "۱", "۰"]
    assert [cell[("complaint", k)] for k in ("registered", "answered", "share_in_time", "median_days", "overdue")] \
        == ["۲", "۱", "۰٫۰٪", "۹", "۱"]
    assert [cell[("suggestion", k)] for k in ("registered", "answered", "share_in_time", "median_days", "overdue")] \
        == ["۰", "۰", "—", "—", "۰"]
    # the figures are the service's
    with gui_db.session() as s:
        from rasad_desktop.services import request_stats

        assert page.data.responses == request_stats.response_times(s, YEAR)
    # answering the overdue complaint refreshes the section
    from rasad_desktop.services import requests

    with gui_db.session() as s:
        requests.answer(s, ctx.actor, open_code, "پاسخ")
    emit(page.ctx.events.data_changed, Changes.REQUESTS)
    assert head["overdue"].text() == "۰" and head["overdue"].styleSheet() == ""
    assert box.cells[("complaint", "answered")].text() == "۲"
    # another year has its own requests (none in 1404)
    page.select(1404, 12)
    assert "۱۴۰۴" in box.title() and head["overdue"].text() == "۰" and head["median_days"].text() == "—"
    assert ctx.errors.seen == []


def test_a_viewer_sees_the_response_times_too(make_ctx, qtbot, gui_db):
    _register_requests(gui_db, make_ctx(Role.ADMIN).actor)
    page = DashboardPage(make_ctx(Role.VIEWER))
    qtbot.addWidget(page)
    page.show()
    assert page.responses.isVisible() and page.responses.headline["overdue"].text() == "۱"
    # beside the exceptions (to their left, right to left)
    exceptions_box = page.exceptions.parentWidget()
    assert page.responses.parentWidget() is exceptions_box.parentWidget()
    assert page.responses.geometry().right() < exceptions_box.geometry().left()


def test_the_bands_are_the_office_s_thresholds(make_ctx, qtbot, gui_db):
    """Set once for the office (in the database), not per workstation: the legend and the
    lagging list follow them."""
    from keys import PASSWORD, USERS

    from rasad_desktop.services import accounts

    with gui_db.session() as s:
        admin = accounts.sign_in(s, USERS[Role.ADMIN], PASSWORD).actor
        office.save_office_settings(s, admin, {"status_good": 90, "status_watch": 40})
    ctx = make_ctx(Role.VIEWER)
    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert page.data is not None and page.data.thresholds.good == 90 and page.data.thresholds.watch == 40
    assert "۹۰" in page.legend.text() and "۴۰" in page.legend.text() and "۱۰۰" not in page.legend.text()
