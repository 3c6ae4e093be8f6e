"""The official cover letter to the First Vice President and the Minister (domain.md,
report 7; A4 portrait), with the province totals in figures and in Persian words."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Spacer

from rasad_desktop.core.amounts import format_amount, format_ratio
from rasad_desktop.core.digits import localize_digits
from rasad_desktop.core.jalali import Period
from rasad_desktop.core.metrics import Status
from rasad_desktop.reports.amount_words import in_words
from rasad_desktop.reports.common import RenderOptions, agency_ranking, approver
from rasad_desktop.reports.flowables import BODY, RTLParagraph, TextStyle
from rasad_desktop.reports.letterhead import invocation, number_block
from rasad_desktop.reports.page import PageInfo, build_pdf
from rasad_desktop.reports.signatories import LetterSignature, Styles

RECIPIENTS = ("معاون اول محترم رئیس‌جمهور", "وزیر محترم امور اقتصادی و دارایی")
COPIES = (
    "رونوشت: استاندار محترم و رئیس شورای برنامه‌ریزی و توسعهٔ استان، جهت استحضار",
    "رونوشت: رئیس محترم سازمان مدیریت و برنامه‌ریزی استان، جهت اطلاع",
    "رونوشت: خزانه‌دار محترم کل کشور، جهت اطلاع",
)
LETTER = TextStyle(size=11, leading=19)
REPORT = "گزارش رصد منابع"
SIGNATURE = Styles(name=LETTER.bold().aligned("center"), title=LETTER.aligned("center"))


def attached_number(data: dict[str, Any]) -> str:
    """The attached report's number as the letter cites it, «شمارهٔ ۱۴۰۵/۰۰۰۳» (its
    version only after a correction); "" when the report has none (not issued yet)."""
    ref = data.get("attached_report")
    if not ref:
        return ""
    number = localize_digits(str(ref["number"]))
    version = int(ref.get("version") or 1)
    return f"شمارهٔ {number}" if version <= 1 else f"شمارهٔ {number} (نسخهٔ {localize_digits(str(version))})"


def attachment_line(data: dict[str, Any]) -> str:
    number = attached_number(data)
    return f"پیوست: {REPORT} {number}" if number else f"پیوست: دارد ({REPORT})"


def body_text(data: dict[str, Any], opts: RenderOptions) -> list[str]:
    period = Period(data["year"], data["through_month"])
    table = agency_ranking(data["agencies"], period.through_month, opts)
    t = table.total
    m = t.metrics
    lagging = sum(1 for r in table.rows if r.metrics.status is Status.LAGGING)
    province = f"استان {opts.province}" if opts.province else "استان"
    number = attached_number(data)
    number = f"، به {number}،" if number else ""
    first = (
        f"احتراماً، در اجرای قانون بودجه و ضوابط اجرایی آن و بخشنامهٔ تحقق منابع بودجهٔ سال "
        f"{localize_digits(str(data['year']))}، گزارش رصد منابع بودجهٔ {province} "
        f"{period.label()}{number} به پیوست تقدیم می‌شود."
    )
    second = (
        f"بر پایهٔ این گزارش، مجموع منابع مصوب دستگاه‌های اجرایی {province} {in_words(t.figures.annual)} "
        f"و سهم این دوره {in_words(t.figures.share)} بوده است که از آن "
        f"{in_words(t.figures.collected)} وصول شده است؛ یعنی {format_ratio(m.pct_share)} سهم دوره و "
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


def render(data: dict[str, Any], info: PageInfo, opts: RenderOptions) -> bytes:
    period = Period(data["year"], data["through_month"])
    story: list[Flowable] = [
        invocation(),
        Spacer(1, 2),
        number_block(info, attachment_line(data)),
        Spacer(1, 14),
    ]
    story += [RTLParagraph(r, LETTER.bold()) for r in RECIPIENTS]
    story += [Spacer(1, 8), RTLParagraph(f"موضوع: ارسال گزارش رصد منابع {period.label()}", LETTER.bold()),
              Spacer(1, 8), RTLParagraph("با سلام و احترام،", LETTER), Spacer(1, 4)]
    for paragraph in body_text(data, opts):
        story += [RTLParagraph(paragraph, LETTER), Spacer(1, 6)]
    story += [Spacer(1, 12), KeepTogether([LetterSignature(approver(opts), SIGNATURE)]), Spacer(1, 24)]
    story += [RTLParagraph(c, BODY.sized(9, 14)) for c in COPIES]
    return build_pdf(story, info, orientation="portrait", subject=info.number or "")
