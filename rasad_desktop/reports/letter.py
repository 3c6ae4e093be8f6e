"""The official cover letter to the First Vice President and the Minister (domain.md,
report 7; A4 portrait), with the province totals in figures and in Persian words."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from rasad_desktop.core.amounts import format_amount, format_ratio
from rasad_desktop.core.digits import localize_digits
from rasad_desktop.core.jalali import Period
from rasad_desktop.core.metrics import Status
from rasad_desktop.core.rounding import div_round
from rasad_desktop.core.words import number_to_words
from rasad_desktop.reports.common import RenderOptions, agency_ranking
from rasad_desktop.reports.flowables import BODY, RTLParagraph, TextStyle
from rasad_desktop.reports.fonts import REGULAR
from rasad_desktop.reports.page import PageInfo, build_pdf

RECIPIENTS = ("معاون اول محترم رئیس‌جمهور", "وزیر محترم امور اقتصادی و دارایی")
COPIES = (
    "رونوشت: استاندار محترم و رئیس شورای برنامه‌ریزی و توسعهٔ استان، جهت استحضار",
    "رونوشت: رئیس محترم سازمان مدیریت و برنامه‌ریزی استان، جهت اطلاع",
    "رونوشت: خزانه‌دار محترم کل کشور، جهت اطلاع",
)
LETTER = TextStyle(size=11, leading=19)


def _in_words(rials: int, opts: RenderOptions) -> str:
    """An amount in the report's unit, in figures and words: «۱۲٬۵۰۰ (دوازده هزار و پانصد) میلیون ریال»."""
    scaled = div_round(rials, opts.unit.factor)
    return f"{format_amount(rials, opts.unit)} ({number_to_words(scaled)}) {opts.unit.label()}"


def body_text(data: dict[str, Any], opts: RenderOptions) -> list[str]:
    period = Period(data["year"], data["through_month"])
    table = agency_ranking(data["agencies"], period.through_month, opts)
    t = table.total
    m = t.metrics
    lagging = sum(1 for r in table.rows if r.metrics.status is Status.LAGGING)
    province = f"استان {opts.province}" if opts.province else "استان"
    first = (
        f"احتراماً، در اجرای قانون بودجه و ضوابط اجرایی آن و بخشنامهٔ تحقق منابع بودجهٔ سال "
        f"{localize_digits(str(data['year']))}، گزارش رصد منابع بودجهٔ {province} برای دورهٔ "
        f"{period.label()} به پیوست تقدیم می‌شود."
    )
    second = (
        f"بر پایهٔ این گزارش، مجموع منابع مصوب دستگاه‌های اجرایی {province} {_in_words(t.figures.annual, opts)} "
        f"و سهم این دوره {_in_words(t.figures.share, opts)} بوده است که از آن "
        f"{_in_words(t.figures.collected, opts)} وصول شده است؛ یعنی {format_ratio(m.pct_share)} سهم دوره و "
        f"{format_ratio(m.pct_annual)} مصوب سالانه محقق شده است."
    )
    if m.growth is not None:
        change = "رشد" if m.growth >= 0 else "کاهش"
        second += f" وصولی این دوره نسبت به مدت مشابه سال قبل {format_ratio(abs(m.growth))} {change} داشته است."
    third = (
        f"از {format_amount(len(table.rows))} دستگاه اجرایی، {format_amount(lagging)} دستگاه کمتر از "
        f"{format_ratio(Fraction(opts.thresholds.watch, 100), decimals=0)} "
        "سهم دوره را محقق کرده‌اند که پیگیری ویژهٔ آنها در دستور کار این اداره کل قرار دارد."
    )
    return [first, second, third, "خواهشمند است دستور فرمایید مراتب مورد استحضار و بهره‌برداری قرار گیرد."]


def _top_left_block(info: PageInfo) -> Flowable:
    """تاریخ / شماره / پیوست at the top left, in that order (domain.md, report 7)."""
    rows = [[RTLParagraph(text, BODY)] for text in (
        f"تاریخ: {info.issue_date}",
        f"شماره: {info.number_label}",
        "پیوست: دارد (گزارش رصد منابع)",
    )]
    block = Table(rows, colWidths=[62 * mm], hAlign="LEFT")
    block.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return block


def render(data: dict[str, Any], info: PageInfo, opts: RenderOptions) -> bytes:
    period = Period(data["year"], data["through_month"])
    signer = opts.signatories[-1] if opts.signatories else None
    story: list[Flowable] = [
        RTLParagraph("بسمه تعالی", BODY.bold().aligned("center")),
        Spacer(1, 2),
        _top_left_block(info),
        Spacer(1, 14),
    ]
    story += [RTLParagraph(r, LETTER.bold()) for r in RECIPIENTS]
    story += [Spacer(1, 8), RTLParagraph(f"موضوع: ارسال گزارش رصد منابع {period.label()}", LETTER.bold()),
              Spacer(1, 8), RTLParagraph("با سلام و احترام،", LETTER), Spacer(1, 4)]
    for paragraph in body_text(data, opts):
        story += [RTLParagraph(paragraph, LETTER), Spacer(1, 6)]
    story.append(Spacer(1, 24))
    name = signer.name if signer else "مدیرکل"
    title = signer.title if signer else opts.office
    story += [RTLParagraph(name, LETTER.bold().aligned("left")), RTLParagraph(title, LETTER.aligned("left"))]
    story.append(Spacer(1, 30))
    story += [RTLParagraph(c, BODY.sized(9, 14)) for c in COPIES]
    return build_pdf(story, info, orientation="portrait", subject=info.number or "")
