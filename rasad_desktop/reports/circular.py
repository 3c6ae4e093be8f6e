"""«بخشنامهٔ تحقق منابع بودجه»: the yearly circular (report 8, A4 landscape). For each
executive agency, its approved revenue lines (the amount in force) with the monthly
schedule of targets, and a total row; an introductory paragraph and the signatures."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from rasad_desktop.core.digits import localize_digits
from rasad_desktop.core.figures import amount_in_force
from rasad_desktop.core.jalali import MONTHS_FA
from rasad_desktop.reports.common import RenderOptions, amount, rounding_note, title_block
from rasad_desktop.reports.flowables import BODY, HEADING, SMALL, RTLParagraph, rtl_table
from rasad_desktop.reports.letterhead import invocation, number_block
from rasad_desktop.reports.page import PageInfo, build_pdf
from rasad_desktop.reports.signatories import SignatureBlock

COLUMNS = {"national": "ملی", "provincial": "استانی"}
HEADER = ["کد ردیف", "شرح ردیف", "ستون", "مصوب", *MONTHS_FA]
# 762 pt of landscape frame: code, title, column, approved, then twelve months
WIDTHS = [38, 124, 30, 66, *[42] * 12]
TYPE = SMALL.sized(6.5, 9)
ATTACHMENT = "پیوست: ندارد"  # the tables are the circular itself («به شرح جداول زیر»)
KEEP_LINES = 14  # a table of up to this many lines stays on one page with its heading


def title(year: int) -> str:
    return f"بخشنامهٔ تحقق منابع بودجهٔ سال {localize_digits(str(year))}"


def intro_text(year: int) -> str:
    y = localize_digits(str(year))
    return (
        f"در اجرای قانون بودجهٔ سال {y} کل کشور و آیین‌نامهٔ اجرایی آن، ردیف‌های درآمدی مصوب هر یک از "
        f"دستگاه‌های اجرایی و جدول زمان‌بندی ماهانهٔ وصول آن‌ها برای سال {y} به شرح جداول زیر ابلاغ می‌شود. "
        "دستگاه‌های اجرایی موظف‌اند وجوه وصولی را به‌موقع به حساب‌های درآمدی مربوط نزد خزانه‌داری کل کشور "
        "واریز کنند و گزارش عملکرد وصول منابع را به صورت ماهانه به این اداره کل ارسال نمایند. "
        "در ستون «مصوب»، برای ردیف‌هایی که مصوب آن‌ها اصلاح شده، رقم اصلاحی درج شده است."
    )


def agency_rows(lines: list[dict[str, Any]], opts: RenderOptions) -> list[list[str]]:
    rows = []
    total, months = 0, [0] * 12
    for line in lines:
        value = amount_in_force(line["approved"], line["revised"])
        total += value
        months = [a + b for a, b in zip(months, line["months"])]
        rows.append([
            localize_digits(line["code"] or ""), line["title"], COLUMNS.get(line["column"], line["column"] or ""),
            amount(value, opts), *[amount(v, opts) for v in line["months"]],
        ])
    rows.append(["", "جمع", "", amount(total, opts), *[amount(v, opts) for v in months]])
    return rows


def agency_block(a: dict[str, Any], opts: RenderOptions) -> list[Flowable]:
    heading = RTLParagraph(f"{localize_digits(a['code'])} — {a['name']}", HEADING)
    rows = agency_rows(a["lines"], opts)
    table = rtl_table(HEADER, rows, WIDTHS, body_style=TYPE, bold_rows=[len(rows) - 1])
    if len(a["lines"]) <= KEEP_LINES:
        return [KeepTogether([heading, table]), Spacer(1, 8)]
    return [CondPageBreak(140), heading, table, Spacer(1, 8)]


def addressee(opts: RenderOptions) -> str:
    """Whom the circular is addressed to: every executive agency of the province."""
    return f"به: دستگاه‌های اجرایی استان {opts.province}".strip()


def render(data: dict[str, Any], info: PageInfo, opts: RenderOptions) -> bytes:
    year = data["year"]
    subtitle = f"ردیف‌های درآمدی مصوب و زمان‌بندی ماهانهٔ وصول دستگاه‌های اجرایی استان {opts.province}".strip()
    story: list[Flowable] = [invocation(), number_block(info, ATTACHMENT), Spacer(1, 4)]
    story += [*title_block(title(year), None, opts, subtitle)]
    story += [RTLParagraph(addressee(opts), BODY.bold()), Spacer(1, 2),
              RTLParagraph(intro_text(year), BODY.sized(10, 16)), Spacer(1, 8)]
    if not data["agencies"]:
        story.append(RTLParagraph("ردیف مصوبی برای این سال ثبت نشده است.", BODY))
    for a in data["agencies"]:
        story += agency_block(a, opts)
    closing: list[Flowable] = [rounding_note(opts)]
    if opts.signatories:  # the note goes with the signatures, so they never stand alone on a page
        closing += [Spacer(1, 10), SignatureBlock(opts.signatories)]
    story.append(KeepTogether(closing))
    return build_pdf(story, info, orientation="landscape", subject=info.number or "")
