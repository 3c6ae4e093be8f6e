"""One agency in detail (A4 landscape): its lines grouped by section with subtotals,
the monthly trend (report 4) against last year, and a month-by-month chart."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import CondPageBreak, Flowable, Spacer

from rasad_desktop.core.classification import Level, ancestor
from rasad_desktop.core.digits import localize_digits
from rasad_desktop.core.figures import Figures, total
from rasad_desktop.core.jalali import MONTHS_FA, Period
from rasad_desktop.core.metrics import compute, ratio
from rasad_desktop.reports.chart import Figure
from rasad_desktop.reports.common import RenderOptions, amount, pct, rounding_note, title_block
from rasad_desktop.reports.flowables import HEADING, SMALL, RTLParagraph, rtl_table
from rasad_desktop.reports.monthly_chart import MonthlyChart
from rasad_desktop.reports.page import PageInfo, build_pdf
from rasad_desktop.reports.signatories import SignatureBlock

LINE_HEADER = ["کد", "شرح ردیف", "مصوب", "سهم دوره", "وصولی", "درصد تحقق سهم دوره", "درصد تحقق سالانه",
               "وصولی مدت مشابه سال قبل", "درصد رشد"]
LINE_WIDTHS = [44, 230, 72, 72, 72, 60, 60, 80, 58]
# Table 5's revenue sections (domain.md); titles may change by amendment, so a year's own
# titles in the snapshot («section_titles») come first
SECTION_TITLES = {
    "110000": "درآمدهای مالیاتی",
    "120000": "درآمدهای ناشی از کمک‌های اجتماعی",
    "130000": "درآمدهای حاصل از مالکیت دولت",
    "140000": "درآمدهای حاصل از فروش کالاها و خدمات",
    "150000": "درآمدهای حاصل از جرایم و خسارات",
    "160000": "درآمدهای متفرقه",
}


def _line_row(code: str, title: str, f: Figures, n: int, opts: RenderOptions) -> list[str]:
    m = compute(f, n, thresholds=opts.thresholds)
    return [localize_digits(code), title, amount(f.annual, opts), amount(f.share, opts), amount(f.collected, opts),
            pct(m.pct_share), pct(m.pct_annual), amount(f.collected_last, opts), pct(m.growth)]


def section_total_title(code: str, data: dict[str, Any]) -> str:
    """«جمع درآمدهای مالیاتی»: a section's subtotal named by the section's title — the
    year's own when the snapshot carries it, else Table 5's, else its code."""
    title = (data.get("section_titles") or {}).get(code) or SECTION_TITLES.get(code)
    return f"جمع {title}" if title else f"جمع بخش {localize_digits(code)}"


def lines_table(data: dict[str, Any], opts: RenderOptions) -> Flowable:
    n = data["through_month"]
    rows, bold = [], []
    sections: dict[str, list[dict[str, Any]]] = {}
    for line in data["lines"]:
        sections.setdefault(ancestor(line["code"], Level.SECTION), []).append(line)
    for section, lines in sections.items():
        for line in lines:
            title = line["title"] + (" (اختصاصی)" if line["earmarked"] else "")
            rows.append(_line_row(line["code"], title, Figures(**line["figures"]), n, opts))
        bold.append(len(rows))
        rows.append(_line_row(section, section_total_title(section, data),
                              total(Figures(**x["figures"]) for x in lines), n, opts))
    bold.append(len(rows))
    rows.append(_line_row("", "جمع کل دستگاه", total(Figures(**x["figures"]) for x in data["lines"]), n, opts))
    return rtl_table(LINE_HEADER, rows, LINE_WIDTHS, bold_rows=bold)


def trend_table(data: dict[str, Any], opts: RenderOptions) -> Flowable:
    n = data["through_month"]
    target, this, last = data["monthly_target"], data["monthly"], data["monthly_last"]
    cum_t = cum = 0
    cum_row, pct_row = [], []
    for m in range(12):
        cum_t += target[m]
        cum += this[m]
        cum_row.append(amount(cum, opts) if m < n else "")
        pct_row.append(pct(ratio(cum, cum_t)) if m < n else "")
    rows = [
        ["هدف ماهانه", *(amount(v, opts) for v in target)],
        ["وصولی ماهانه", *(amount(v, opts) if m < n else "" for m, v in enumerate(this))],
        ["وصولی تجمعی", *cum_row],
        ["درصد تحقق تجمعی", *pct_row],
        ["وصولی ماهانهٔ سال قبل", *(amount(v, opts) for v in last)],
    ]
    return rtl_table(["شرح", *MONTHS_FA], rows, [110] + [54] * 12, body_style=SMALL.sized(7, 10))


def render(data: dict[str, Any], info: PageInfo, opts: RenderOptions) -> bytes:
    period = Period(data["year"], data["through_month"])
    a = data["agency"]
    story: list[Flowable] = [*title_block(f"گزارش عملکرد {a['name']}", period, opts,
                                          f"کد دستگاه: {localize_digits(a['code'])}")]
    if data["lines"]:
        story += [RTLParagraph("۱. ردیف‌های درآمدی", HEADING), lines_table(data, opts), rounding_note(opts)]
    else:
        story.append(RTLParagraph("برای این دستگاه در این سال مصوب یا وصولی ثبت نشده است.", HEADING))
    story += [Spacer(1, 8), CondPageBreak(150), RTLParagraph("۲. روند ماهانه", HEADING),
              trend_table(data, opts), Spacer(1, 10),
              Figure(RTLParagraph("۳. وصولی ماهانه در مقایسه با سال قبل", HEADING),
                     MonthlyChart(data["monthly"], data["monthly_last"], period.through_month, opts.unit),
                     # signed as the other reports are, on the chart's page when there is room
                     [Spacer(1, 10), SignatureBlock(opts.signatories)] if opts.signatories else [])]
    return build_pdf(story, info, orientation="landscape", subject=info.number or "",
                     title=f"{info.title} — {a['name']}")  # the file names the agency it is about
