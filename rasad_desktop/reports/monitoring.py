"""«گزارش رصد منابع»: the monitoring report to the First Vice President and the Minister
(A4 landscape): summary, by-agency table (report 1), classification table (report 2),
exceptions (report 6), a bar chart of realization by agency, signatures."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import CondPageBreak, Flowable, Spacer

from rasad_desktop.core.amounts import format_ratio
from rasad_desktop.core.classification import RowKind
from rasad_desktop.core.digits import localize_digits
from rasad_desktop.core.figures import Figures
from rasad_desktop.core.jalali import Period
from rasad_desktop.core.metrics import Status, compute
from rasad_desktop.core.tables import RankedTable
from rasad_desktop.reports.chart import Bar, BarChart, Figure
from rasad_desktop.reports.common import (
    STATUS_FILL,
    RenderOptions,
    agency_ranking,
    amount,
    during,
    legend,
    pct,
    rounding_note,
    title_block,
)
from rasad_desktop.reports.flowables import BODY, HEADING, SMALL, RTLParagraph, rtl_table
from rasad_desktop.reports.page import PageInfo, build_pdf
from rasad_desktop.reports.signatories import SignatureBlock

TITLE = "گزارش رصد منابع"
AGENCY_HEADER = ["رتبه", "دستگاه اجرایی", "مصوب", "سهم دوره", "وصولی", "درصد تحقق سهم دوره",
                 "درصد تحقق سالانه", "وصولی مدت مشابه سال قبل", "درصد رشد", "سهم از کل"]
AGENCY_WIDTHS = [28, 196, 70, 70, 70, 58, 58, 76, 54, 50]
CLASS_HEADER = ["کد", "شرح", "مصوب", "سهم دوره", "وصولی", "درصد تحقق سهم دوره", "درصد تحقق سالانه",
                "وصولی مدت مشابه سال قبل", "درصد رشد"]
CLASS_WIDTHS = [44, 210, 74, 74, 74, 62, 62, 80, 58]
ROW_TITLES = {
    RowKind.GENERAL_TOTAL: "جمع منابع عمومی",
    RowKind.EARMARKED_TOTAL: "درآمدهای اختصاصی",
    RowKind.GRAND_TOTAL: "جمع کل",
}


def agency_rows(table: RankedTable, opts: RenderOptions) -> list[list[str]]:
    rows = []
    for r in [*table.rows, table.total]:
        f, m = r.figures, r.metrics
        rows.append([
            "" if r.rank is None else localize_digits(str(r.rank)),
            r.title, amount(f.annual, opts), amount(f.share, opts), amount(f.collected, opts),
            pct(m.pct_share), pct(m.pct_annual), amount(f.collected_last, opts), pct(m.growth),
            pct(m.share_of_total),
        ])
    return rows


def agency_table(table: RankedTable, opts: RenderOptions) -> Flowable:
    fills = {i: STATUS_FILL[r.metrics.status] for i, r in enumerate(table.rows) if r.metrics.status in STATUS_FILL}
    return rtl_table(AGENCY_HEADER, agency_rows(table, opts), AGENCY_WIDTHS, row_colors=fills,
                     bold_rows=[len(table.rows)])


def classification_table(data: dict[str, Any], opts: RenderOptions) -> Flowable:
    n = data["through_month"]
    rows, bold = [], []
    for i, r in enumerate(data["classification"]):
        kind = RowKind(r["kind"])
        f = Figures(**r["figures"])
        m = compute(f, n, thresholds=opts.thresholds)
        title = ROW_TITLES.get(kind, r["title"])
        if kind is RowKind.PART_TOTAL:
            title = f"جمع {r['title']}"
        if kind is not RowKind.SECTION:
            bold.append(i)
        rows.append([localize_digits(r["code"] or ""), title, amount(f.annual, opts), amount(f.share, opts),
                     amount(f.collected, opts), pct(m.pct_share), pct(m.pct_annual),
                     amount(f.collected_last, opts), pct(m.growth)])
    return rtl_table(CLASS_HEADER, rows, CLASS_WIDTHS, bold_rows=bold)


def exceptions_table(data: dict[str, Any], table: RankedTable, opts: RenderOptions) -> Flowable:
    ex = data["exceptions"]
    rows = []
    for r in ex["unapproved"]:
        rows.append(["وصول بدون مصوب", r["agency"], localize_digits(r["code"]), r["title"],
                     amount(r["collected"], opts)])
    for r in ex["nothing_collected"]:
        rows.append(["بدون وصول در دوره", r["agency"], localize_digits(r["code"]), r["title"],
                     amount(r["annual"], opts)])
    for r in table.rows:
        if r.metrics.status is Status.LAGGING:
            rows.append(["کمتر از آستانهٔ تحقق", r.title, "", f"تحقق سهم دوره: {pct(r.metrics.pct_share)}",
                         amount(r.figures.collected, opts)])
    for r in ex["earmarked"]:
        rows.append(["درآمد اختصاصی", "", localize_digits(r["code"]), r["title"],
                     amount(r["figures"]["collected"], opts)])
    if not rows:
        return RTLParagraph("موردی برای گزارش وجود ندارد.", BODY)
    return rtl_table(["نوع", "دستگاه اجرایی", "ردیف", "شرح", "مبلغ"], rows, [110, 220, 48, 250, 90])


def summary_text(data: dict[str, Any], table: RankedTable, opts: RenderOptions) -> str:
    period = Period(data["year"], data["through_month"])
    t = table.total
    m = t.metrics
    counts = {s: sum(1 for r in table.rows if r.metrics.status is s) for s in Status}
    ranked = [r for r in table.rows if r.rank is not None]
    parts = [
        f"{during(period)}، مجموع وصولی منابع استان {amount(t.figures.collected, opts)} "
        f"{opts.unit.label()} بوده که {pct(m.pct_share)} سهم دوره و {pct(m.pct_annual)} مصوب سالانه را "
        "محقق کرده است.",
    ]
    if m.growth is not None:
        change = "رشد" if m.growth >= 0 else "کاهش"
        parts.append(f"وصولی این دوره نسبت به مدت مشابه سال قبل {format_ratio(abs(m.growth))} {change} داشته است.")
    parts.append(
        f"از {localize_digits(str(len(table.rows)))} دستگاه اجرایی، {localize_digits(str(counts[Status.GOOD]))} "
        f"دستگاه به هدف دوره رسیده‌اند، {localize_digits(str(counts[Status.WATCH]))} دستگاه نیازمند پیگیری و "
        f"{localize_digits(str(counts[Status.LAGGING]))} دستگاه عقب‌مانده‌اند."
    )
    if ranked:
        best, worst = ranked[0], ranked[-1]
        parts.append(
            f"بیشترین درصد تحقق سهم دوره از آنِ «{best.title}» ({pct(best.metrics.pct_share)}) و کمترین از آنِ "
            f"«{worst.title}» ({pct(worst.metrics.pct_share)}) است."
        )
    ex = data["exceptions"]
    parts.append(
        f"در این دوره {localize_digits(str(len(ex['nothing_collected'])))} ردیف مصوب بدون وصول و "
        f"{localize_digits(str(len(ex['unapproved'])))} مورد وصول بدون مصوب ثبت شده است."
    )
    return " ".join(parts)


def render(data: dict[str, Any], info: PageInfo, opts: RenderOptions) -> bytes:
    period = Period(data["year"], data["through_month"])
    table = agency_ranking(data["agencies"], period.through_month, opts)
    subtitle = f"عملکرد تحقق منابع بودجهٔ دستگاه‌های اجرایی استان {opts.province}".strip()
    story: list[Flowable] = [*title_block(TITLE, period, opts, subtitle)]
    story += [RTLParagraph("خلاصه", HEADING), RTLParagraph(summary_text(data, table, opts), BODY.sized(10, 16)),
              Spacer(1, 6)]
    story += [RTLParagraph("۱. عملکرد دستگاه‌های اجرایی", HEADING), agency_table(table, opts),
              legend(opts), rounding_note(opts), Spacer(1, 8)]
    story += [CondPageBreak(120), RTLParagraph("۲. عملکرد به تفکیک طبقه‌بندی اقتصادی", HEADING),
              classification_table(data, opts), rounding_note(opts), Spacer(1, 8)]
    story += [CondPageBreak(120), RTLParagraph("۳. موارد استثنا", HEADING), exceptions_table(data, table, opts),
              Spacer(1, 8)]
    bars = [Bar(r.title, r.metrics.pct_share, r.metrics.status) for r in table.rows]
    closing: list[Flowable] = [Spacer(1, 10)]
    if opts.signatories:
        closing.append(SignatureBlock(opts.signatories))
    closing.append(RTLParagraph("این گزارش با سامانهٔ رصد منابع تهیه شده است.", SMALL.aligned("center")))
    # the signatures on the chart's page when it can be made compact enough, not on a page alone
    story.append(Figure(RTLParagraph("۴. درصد تحقق سهم دوره به تفکیک دستگاه", HEADING), BarChart(bars), closing))
    return build_pdf(story, info, orientation="landscape", subject=info.number or "")
