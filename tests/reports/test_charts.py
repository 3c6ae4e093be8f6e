"""The charts: the 100 % line never strikes through a value, both charts have a value axis
with Persian figures, and what they draw reads back in order."""

from __future__ import annotations

from fractions import Fraction

from pdfgeom import PATH, Page, pages

from rasad_desktop.core.amounts import Unit, format_amount
from rasad_desktop.core.metrics import Status
from rasad_desktop.reports.chart import Bar, BarChart
from rasad_desktop.reports.monthly_chart import MonthlyChart, nice_step
from rasad_desktop.reports.page import PageInfo, build_pdf

INFO = PageInfo("اداره کل", "آزمایش نمودار", "۱۴۰۵/۰۱/۰۱", "1405/0001")
PERSIAN = set("۰۱۲۳۴۵۶۷۸۹٬٫٪")


def chart_page(chart, orientation: str = "landscape") -> Page:  # type: ignore[no-untyped-def]
    return pages(build_pdf([chart], INFO, orientation=orientation))[0]


def test_the_100_percent_line_never_crosses_a_value():
    # values whose labels end right across the 100 % line
    values = [Fraction(v, 1000) for v in (930, 955, 970, 985, 1000, 1012, 1030, 880, 1500)]
    page = chart_page(BarChart([Bar(f"دستگاه {i}", v, Status.WATCH) for i, v in enumerate(values)]))
    objects = page.objects
    dashed = [i for i, o in enumerate(objects) if o.kind == PATH and o.box.width < 1.5 and o.box.height > 60
              and o.fill[:3] != (255, 255, 255)]
    line_index = max(dashed)  # the reference line: the tallest thin vertical drawn last
    line = objects[line_index].box
    labels = [(i, o) for i, o in enumerate(objects) if o.kind == 1 and "٪" in o.text and o.box.y0 > line.y0]
    crossing = [(i, o) for i, o in labels if o.box.x0 < line.x0 < o.box.x1]
    assert crossing  # the case this test is about occurs
    for i, label in crossing:  # each sits on a white ground laid over the line
        grounds = [j for j, o in enumerate(objects) if o.kind == PATH and o.fill[:3] == (255, 255, 255)
                   and line_index < j < i and o.box.x0 <= label.box.x0 and label.box.x1 <= o.box.x1
                   and o.box.y0 <= label.box.y0 and label.box.y1 <= o.box.y1]
        assert grounds, label.text


def test_the_bar_chart_has_a_percentage_axis():
    page = chart_page(BarChart([Bar(f"دستگاه {i}", Fraction(60 + 10 * i, 100), Status.GOOD) for i in range(8)]))
    bottom = min(o.box.y0 for o in page.texts() if "دستگاه" in o.text)
    ticks = [o for o in page.texts() if o.box.y1 < bottom and "٪" in o.text]
    assert len(ticks) >= 5 and all(set(o.text.strip()) <= PERSIAN for o in ticks)  # Persian digits
    by_x = sorted(ticks, key=lambda o: -o.box.x0)  # right to left: 0 % on the right, rising leftwards
    assert by_x[0].text.strip().startswith("۰")
    values = [int(o.text.strip().rstrip("٪").translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789"))) for o in by_x]
    assert values == sorted(values) and values[1] - values[0] == 25


def test_the_monthly_chart_has_a_value_axis_in_the_reports_unit():
    this = [3_000_000_000_000 + m * 900_000_000_000 for m in range(12)]
    last = [2_500_000_000_000 + m * 700_000_000_000 for m in range(12)]
    chart = MonthlyChart(this, last, 6, Unit.BILLION)
    page = chart_page(chart)
    ticks = chart.ticks()
    assert ticks[0] == 0 and ticks[-1] >= max(this[:6] + last) and len(ticks) in (4, 5, 6)
    labels = [o for o in page.texts() if o.text.strip() in {format_amount(t, Unit.BILLION) for t in ticks}]
    assert len(labels) == len(ticks)
    assert all(o.box.x0 > page.width - 100 for o in labels)  # on the right, where Farvardin starts
    ordered = sorted(labels, key=lambda o: o.box.y0)
    assert [o.text.strip() for o in ordered] == [format_amount(t, Unit.BILLION) for t in ticks]  # rising upwards
    assert any("میلیارد ریال" in o.text or "ﻣﯿﻠﯿﺎﺭﺩ" in o.text for o in page.texts())  # the unit, named


def test_axis_steps_are_round_and_never_finer_than_the_unit():
    assert nice_step(14_200_000_000_000, Unit.MILLION) == 5_000_000_000_000
    assert nice_step(8_000_000, Unit.MILLION) == 2_000_000
    assert nice_step(1_500_000, Unit.MILLION) == 1_000_000  # not 500,000: «۰٫۵» cannot be printed
    assert nice_step(3, Unit.RIAL) == 1
