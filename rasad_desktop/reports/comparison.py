"""«مقایسهٔ مصوبات بودجه»: this year's amounts in force against last year's (A4 landscape),
by classification line and by executive agency, each with a total row."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from rasad_desktop.core.amounts import format_amount
from rasad_desktop.core.digits import localize_digits
from rasad_desktop.core.metrics import growth
from rasad_desktop.reports.common import RenderOptions, amount, pct, rounding_note, title_block
from rasad_desktop.reports.flowables import HEADING, SMALL, RTLParagraph, rtl_table
from rasad_desktop.reports.page import PageInfo, build_pdf
from rasad_desktop.reports.signatories import SignatureBlock

FIGURE_HEADER = ["مصوب سال قبل", "مصوب سال جاری", "تغییر", "درصد رشد"]
FIGURE_WIDTHS = [110, 110, 110, 80]
LINE_HEADER = ["کد", "شرح", *FIGURE_HEADER]
LINE_WIDTHS = [62, 290, *FIGURE_WIDTHS]  # 762 pt: the landscape frame
AGENCY_HEADER = ["دستگاه اجرایی", *FIGURE_HEADER]
AGENCY_WIDTHS = [352, *FIGURE_WIDTHS]
TYPE = SMALL.sized(8.5, 12)


def title(year: int) -> str:
    return (f"مقایسهٔ مصوبات بودجهٔ سال {localize_digits(str(year))} "
            f"با سال {localize_digits(str(year - 1))}")


def figure_cells(annual: int, annual_last: int, opts: RenderOptions) -> list[str]:
    return [
        amount(annual_last, opts),
        amount(annual, opts),
        format_amount(annual - annual_last, opts.unit),
        pct(growth(annual, annual_last)),
    ]


def total_row(items: list[dict[str, Any]], opts: RenderOptions) -> list[str]:
    return figure_cells(sum(r["annual"] for r in items), sum(r["annual_last"] for r in items), opts)


def line_table(lines: list[dict[str, Any]], opts: RenderOptions) -> Flowable:
    rows = [[localize_digits(r["code"] or ""), r["title"], *figure_cells(r["annual"], r["annual_last"], opts)]
            for r in lines]
    rows.append(["", "جمع", *total_row(lines, opts)])
    return rtl_table(LINE_HEADER, rows, LINE_WIDTHS, body_style=TYPE, bold_rows=[len(rows) - 1])


def agency_table(agencies: list[dict[str, Any]], opts: RenderOptions) -> Flowable:
    rows = [[r["name"], *figure_cells(r["annual"], r["annual_last"], opts)] for r in agencies]
    rows.append(["جمع", *total_row(agencies, opts)])
    return rtl_table(AGENCY_HEADER, rows, AGENCY_WIDTHS, body_style=TYPE, bold_rows=[len(rows) - 1])


def render(data: dict[str, Any], info: PageInfo, opts: RenderOptions) -> bytes:
    year = data["year"]
    y, last = localize_digits(str(year)), localize_digits(str(year - 1))
    subtitle = f"منابع مصوب (در صورت اصلاح، رقم اصلاحی) سال {y} در برابر سال {last}"
    story: list[Flowable] = [*title_block(title(year), None, opts, subtitle)]
    story += [RTLParagraph("۱. مقایسه به تفکیک ردیف طبقه‌بندی", HEADING), line_table(data["lines"], opts),
              Spacer(1, 10)]
    story += [CondPageBreak(120), RTLParagraph("۲. مقایسه به تفکیک دستگاه اجرایی", HEADING),
              agency_table(data["agencies"], opts), Spacer(1, 6)]
    story.append(RTLParagraph("درصد رشد: نسبت مصوب سال جاری به مصوب سال قبل منهای یک؛ «—» یعنی مصوب سال قبل "
                              "صفر بوده است.", SMALL.sized(7.5, 11)))
    story.append(rounding_note(opts))
    if opts.signatories:
        story += [Spacer(1, 10), KeepTogether([SignatureBlock(opts.signatories)])]
    return build_pdf(story, info, orientation="landscape", subject=info.number or "")
