"""Where pages break: a total keeps rows of its own above it (never a repeated header and a
lone total row), and a chart is never split — it takes the room left on the page, or the
next page when even its most compact readable layout does not fit."""

from __future__ import annotations

from fractions import Fraction

import pytest
from pdfgeom import pages
from reportlab.platypus import Table

from rasad_desktop.core.metrics import Status
from rasad_desktop.reports.chart import Bar, BarChart
from rasad_desktop.reports.flowables import KEEP_WITH_TOTAL, rtl_table
from rasad_desktop.reports.page import PageInfo, build_pdf
from rasad_desktop.services import reporting

FULL = 465.0  # the landscape frame's height
WIDTHS = [40, 300, 120]
KINDS = {"monitoring": reporting.ReportRequest("monitoring", 1405, 6),
         "agency": reporting.ReportRequest("agency", 1405, 6, "101"),
         "circular": reporting.ReportRequest("circular", 1405),
         "comparison": reporting.ReportRequest("comparison", 1405)}


@pytest.fixture(scope="module")
def pdfs(demo_db) -> dict[str, bytes]:  # type: ignore[no-untyped-def]
    with demo_db.session() as s:
        return {kind: reporting.draft(s, request) for kind, request in KINDS.items()}


def first_cells(part: Table) -> list[str]:
    """The first logical column (drawn right-most, so last) of each body row of a part."""
    cells = [row[-1] for row in part._cellvalues[1:]]  # type: ignore[attr-defined]
    return [(c[0] if isinstance(c, (list, tuple)) else c).text for c in cells]


def parts(table: Table, first: float) -> list[Table]:
    """The pieces the table is laid out in: ``first`` points left on this page, full pages after."""
    out, rest, room = [], table, first
    for _ in range(200):
        rest.wrap(762, room)
        if rest._height <= room:  # type: ignore[attr-defined]
            return [*out, rest]
        split = rest.split(762, room)
        if not split:  # nothing fits in this room: the whole table moves on
            room = FULL
            continue
        head, rest = split
        out.append(head)
        room = FULL
    raise AssertionError("never finished")


def sectioned(sections: list[int]) -> tuple[list[list[str]], list[int]]:
    """Rows of sections of the given sizes, each with a subtotal, then a grand total."""
    rows, bold = [], []
    for s, size in enumerate(sections):
        rows += [[f"r{s}.{i}", "اداره کل امور مالیاتی استان", "۱۲٬۳۴۵"] for i in range(size)]
        bold.append(len(rows))
        rows.append([f"T{s}", f"جمع بخش {s}", "۱۲٬۳۴۵"])
    bold.append(len(rows))
    rows.append(["T", "جمع کل", "۹۹٬۹۹۹"])
    return rows, bold


@pytest.mark.parametrize("sections", [[60], [3, 1, 25, 2, 30], [1, 1, 1], [40, 2]])
def test_a_total_never_starts_a_page_alone(sections):
    rows, bold = sectioned(sections)
    for first in range(30, 470, 7):  # every place the table can start on a page
        pieces = parts(rtl_table(["ردیف", "شرح", "مبلغ"], rows, WIDTHS, bold_rows=bold), first)
        seen: list[str] = []
        for piece in pieces:
            cells = first_cells(piece)
            assert cells, "a page with the header and nothing under it"
            for i, c in enumerate(cells):
                if c.startswith("T"):  # a total: the rows before it in the table are on its page
                    before = len(seen) + i
                    assert i >= min(KEEP_WITH_TOTAL, before), (first, cells[: i + 1])
            if len(pieces) > 1 and piece is not pieces[0]:
                assert not all(c.startswith("T") for c in cells) or len(cells) >= KEEP_WITH_TOTAL + 1
            seen += cells
        assert seen == [r[0] for r in rows]  # every row once, in order


HEADERS = {"شرح", "شرح ردیف", "دستگاه اجرایی"}


def test_the_demo_reports_totals_are_never_alone_under_a_header(pdfs):
    """Rendered: right above each total, in its column, is a row of the table — never the
    (repeated) header."""
    seen = 0
    for kind in KINDS:
        for page in pages(pdfs[kind]):
            for t in (o for o in page.texts() if o.text.strip() in ("جمع کل", "جمع")):
                column = [o for o in page.texts() if o.box.y0 >= t.box.y1 and o.box.x0 < t.box.x1
                          and t.box.x0 < o.box.x1 and o.box.y0 < t.box.y1 + 40]
                above = min(column, key=lambda o: o.box.y0)
                assert above.text.strip() not in HEADERS, (kind, page.number)
                seen += 1
    assert seen > 40  # the circular's agencies, the comparison's and monitoring's tables


def bars(n: int) -> list[Bar]:
    return [Bar(f"دستگاه اجرایی شمارهٔ {i}", Fraction(50 + i * 3, 100), Status.WATCH) for i in range(n)]


@pytest.mark.parametrize("room", [120.0, 200.0, 260.0, 330.0, 465.0])
def test_a_chart_takes_the_room_it_is_given_or_moves_whole(room):
    chart = BarChart(bars(40))
    chart.wrap(762, room)
    assert chart.split(762, room) == []  # never split
    layout = chart.layout(762, room)
    if layout is None:  # not even the compact layout fits: the whole chart goes to the next page
        assert chart.layout(762, FULL) is not None
        assert room < chart.min_height(762)
    else:
        assert chart.height <= room
        assert layout.row >= BarChart.MIN_ROW  # still readable
        assert layout.columns * layout.per_column >= 40


def test_no_half_empty_page_before_the_chart():
    """Whatever precedes it, the page before the chart is at least half full: the chart's
    compact layout needs less than half a page, so it only moves when less is left."""
    assert BarChart(bars(40)).min_height(762) < FULL / 2
    for lead in range(0, 30):
        story = [rtl_table(["ردیف", "شرح", "مبلغ"], [[str(i), "دستگاه", "۱"] for i in range(lead * 3)],
                           WIDTHS)] if lead else []
        pdf = build_pdf([*story, BarChart(bars(40))], PageInfo("اداره", "آزمایش", "۱۴۰۵/۰۱/۰۱", "1405/0001"),
                        orientation="landscape")
        found = pages(pdf)
        if len(found) > 1:
            body = [o for o in found[0].texts() if 62 < o.box.y0 < found[0].height - 70]
            lowest = min(o.box.y0 for o in body)
            assert lowest < 62 + FULL / 2, lead  # the first page is filled below its middle


def test_the_monitoring_chart_is_on_one_page(pdfs):
    found = pages(pdfs["monitoring"])
    heading = [p.number for p in found if any("تفکیک دستگاه" in o.text for o in p.texts())]
    assert len(heading) == 1
    on = {p.number: sum("٪" in o.text for o in p.texts()) for p in found}
    assert on[heading[0]] >= 40  # every bar's value (and the axis) with its heading
    assert all(on[n] == 0 for n in on if n > heading[0])  # nothing of it on a later page


def test_the_signatures_follow_the_chart_onto_its_page_when_it_can_be_compact(pdfs):
    found = pages(pdfs["monitoring"])
    chart = next(p.number for p in found if any("تفکیک دستگاه" in o.text for o in p.texts()))
    signed = [p.number for p in found if any("تهیه" in o.text or "تأیید" in o.text for o in p.texts())]
    assert signed == [chart] and chart == len(found)  # not alone on a page after it


def test_a_tail_that_does_not_fit_moves_on_and_the_chart_stays_whole():
    from rasad_desktop.reports.chart import Figure
    from rasad_desktop.reports.common import signatories
    from rasad_desktop.reports.flowables import HEADING, RTLParagraph
    from rasad_desktop.reports.signatories import SignatureBlock

    info = PageInfo("اداره", "آزمایش", "۱۴۰۵/۰۱/۰۱", "1405/0001")
    for lead in (0, 30, 45, 52):
        table = rtl_table(["ردیف", "شرح", "مبلغ"], [[str(i), "دستگاه", "۱"] for i in range(lead)], WIDTHS)
        figure = Figure(RTLParagraph("نمودار", HEADING), BarChart(bars(40)),
                        [SignatureBlock(signatories(("مریم احمدی", "کارشناس"), ("علی رضایی", "مدیرکل")))])
        found = pages(build_pdf([table, figure] if lead else [figure], info, orientation="landscape"))
        chart = [p.number for p in found if sum("٪" in o.text for o in p.texts()) >= 40]
        assert len(chart) == 1, lead  # never split
        signed = [p.number for p in found if any("رضایی" in o.text for o in p.texts())]
        assert len(signed) == 1 and signed[0] in (chart[0], chart[0] + 1), lead


@pytest.mark.parametrize("agencies", [80, 120, 200])
def test_a_chart_too_long_for_any_page_is_squeezed_onto_one_and_its_tail_follows(agencies):
    """A province far larger than any real one: no layout error, the chart whole on one page
    (squeezed below the readable size rather than lost), the signatures after it."""
    from rasad_desktop.reports.chart import Figure
    from rasad_desktop.reports.common import signatories
    from rasad_desktop.reports.flowables import HEADING, RTLParagraph
    from rasad_desktop.reports.signatories import SignatureBlock

    info = PageInfo("اداره", "آزمایش", "۱۴۰۵/۰۱/۰۱", "1405/0001")
    for lead in (0, 20):
        table = rtl_table(["ردیف", "شرح", "مبلغ"], [[str(i), "دستگاه", "۱"] for i in range(lead)], WIDTHS)
        figure = Figure(RTLParagraph("نمودار", HEADING), BarChart(bars(agencies)),
                        [SignatureBlock(signatories(("مریم احمدی", "کارشناس"), ("علی رضایی", "مدیرکل")))])
        found = pages(build_pdf([table, figure] if lead else [figure], info, orientation="landscape"))
        chart = [p.number for p in found if sum("٪" in o.text for o in p.texts()) >= agencies]
        assert len(chart) == 1, (agencies, lead)
        signed = [p.number for p in found if any("رضایی" in o.text for o in p.texts())]
        assert signed and signed[0] in (chart[0], chart[0] + 1), (agencies, lead)
