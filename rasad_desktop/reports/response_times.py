"""«گزارش زمان پاسخ‌گویی به درخواست‌ها و شکایت‌ها» (A4 landscape): per Jalali month of
registration and kind of request — registered, answered, answered in time, the share in
time, the median working days to answer, and those overdue on the report date — with a
total per kind and overall, a summary, and the working-day rules in a note.

Drawn from the snapshot alone (``services.request_stats.snapshot``): the counts and the
working days of each answered request are stored; medians and shares are derived here
with ``core.stats`` the same way the dashboard derives them.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Spacer

from rasad_desktop.core import palette
from rasad_desktop.core.amounts import format_ratio
from rasad_desktop.core.digits import localize_digits
from rasad_desktop.core.jalali import Period, month_name
from rasad_desktop.core.stats import Cell, StatRow, format_days, summarize
from rasad_desktop.reports.common import RenderOptions, during
from rasad_desktop.reports.flowables import BODY, HEADING, SMALL, TITLE, RTLParagraph, rtl_table
from rasad_desktop.reports.page import PageInfo, build_pdf
from rasad_desktop.reports.signatories import SignatureBlock

TITLE_TEXT = "گزارش زمان پاسخ‌گویی به درخواست‌ها و شکایت‌ها"
HEADER = ["ماه ثبت", "نوع", "ثبت‌شده", "پاسخ‌داده‌شده", "پاسخ به‌موقع", "سهم پاسخ به‌موقع",
          "میانهٔ زمان پاسخ (روز کاری)", "معوق در تاریخ گزارش"]
WIDTHS = [92, 118, 70, 82, 82, 92, 120, 106]  # 762 pt: the landscape frame
TOTAL_FILL = colors.HexColor(palette.TOTAL_FILL)
GRAND_FILL = colors.HexColor(palette.HEADER_FILL)
TYPE = SMALL.sized(8.5, 12)
ALL_KINDS = "همهٔ انواع"


def n(value: int) -> str:
    return localize_digits(str(value))


def period_text(data: dict[str, Any]) -> str:
    if data.get("through_month"):
        return Period(data["year"], data["through_month"]).label()
    return f"سال {n(data['year'])}"


def table_rows(rows: list[StatRow], labels: dict[str, str], through_month: int | None
               ) -> tuple[list[list[str]], list[int], dict[int, colors.Color]]:
    total_label = "جمع سال" if through_month is None else "جمع دوره"
    body, bold, fills = [], [], {}
    for i, r in enumerate(rows):
        if r.month is None:
            bold.append(i)
            fills[i] = GRAND_FILL if r.kind is None else TOTAL_FILL
            month = "جمع کل" if r.kind is None else total_label
        else:
            month = month_name(r.month)
        body.append([month, ALL_KINDS if r.kind is None else labels.get(r.kind, r.kind), n(r.registered),
                     n(r.answered), n(r.in_time), format_ratio(r.share_in_time), format_days(r.median_days),
                     n(r.overdue)])
    return body, bold, fills


def summary_text(data: dict[str, Any], total: StatRow) -> str:
    through = data.get("through_month")
    when = during(Period(data["year"], through)) if through else f"در سال {n(data['year'])}"
    if total.registered == 0:
        return f"{when} درخواست، شکایت یا انتقاد و پیشنهادی ثبت نشده است."
    parts = [f"{when}، {n(total.registered)} درخواست، شکایت و انتقاد و پیشنهاد ثبت شده و به "
             f"{n(total.answered)} مورد پاسخ داده شده است."]
    if total.answered:
        parts.append(f"{format_ratio(total.share_in_time)} پاسخ‌ها تا سررسید داده شده و میانهٔ زمان پاسخ "
                     f"{format_days(total.median_days)} روز کاری بوده است.")
    if total.overdue:
        parts.append(f"در تاریخ {data['as_of_jalali']}، {n(total.overdue)} مورد از مهلت پاسخ گذشته و هنوز "
                     "پاسخ داده نشده است.")
    else:
        parts.append(f"در تاریخ {data['as_of_jalali']} هیچ مورد بی‌پاسخی از مهلت پاسخ نگذشته است.")
    return " ".join(parts)


def policy_note(data: dict[str, Any], labels: dict[str, str]) -> str:
    if data["thursday_off"]:
        days = "روزهای کاری شنبه تا چهارشنبه است؛ پنجشنبه‌ها و جمعه‌ها"
    else:
        days = "روزهای کاری شنبه تا پنجشنبه است؛ جمعه‌ها"
    targets = [f"{labels.get(k, k)} {n(v)}" for k, v in data["targets"].items()]
    target_text = "، ".join(targets[:-1]) + f" و {targets[-1]}" if len(targets) > 1 else "".join(targets)
    return (
        f"{days} و تعطیلات رسمی ثبت‌شده در جدول تعطیلات اداره ({n(data['holidays_in_year'])} روز در سال "
        f"{n(data['year'])}) شمرده نمی‌شوند. مهلت پاسخ: {target_text} روز کاری. زمان پاسخ، شمار روزهای کاری "
        "پس از روز ثبت تا روز پاسخ است. سهم پاسخ به‌موقع از پاسخ‌های داده‌شده است (پاسخ تا پایان روز سررسید). "
        "معوق: درخواستی که هنوز باز است و سررسید آن پیش از تاریخ گزارش گذشته است. «—» یعنی پاسخی داده نشده است."
    )


def render(data: dict[str, Any], info: PageInfo, opts: RenderOptions) -> bytes:
    labels = {k: label for k, label in data["kinds"]}
    rows = summarize([Cell.from_dict(c) for c in data["cells"]], list(labels))
    total = rows[-1]
    story: list[Flowable] = [RTLParagraph(TITLE_TEXT, TITLE)]
    story += [RTLParagraph(period_text(data), BODY.bold().aligned("center")),
              RTLParagraph(f"وضعیت در تاریخ {data['as_of_jalali']}", SMALL.aligned("left")), Spacer(1, 4)]
    story += [RTLParagraph("خلاصه", HEADING), RTLParagraph(summary_text(data, total), BODY.sized(10, 16)),
              Spacer(1, 6)]
    body, bold, fills = table_rows(rows, labels, data.get("through_month"))
    story += [RTLParagraph("زمان پاسخ‌گویی به تفکیک ماه ثبت و نوع", HEADING),
              rtl_table(HEADER, body, WIDTHS, body_style=TYPE, bold_rows=bold, row_colors=fills), Spacer(1, 6),
              RTLParagraph(policy_note(data, labels), SMALL.sized(7.5, 11))]
    if opts.signatories:
        story += [Spacer(1, 10), KeepTogether([SignatureBlock(opts.signatories)])]
    story.append(RTLParagraph("این گزارش با سامانهٔ رصد منابع تهیه شده است.", SMALL.aligned("center")))
    return build_pdf(story, info, orientation="landscape", subject=info.number or "")
