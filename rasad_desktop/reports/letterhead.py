"""The heading of an official letter or circular (domain.md, report 7): «بسمه تعالی» and,
at the top left, تاریخ / شماره / پیوست in that order."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle

from rasad_desktop.reports.flowables import BODY, RTLParagraph
from rasad_desktop.reports.fonts import REGULAR
from rasad_desktop.reports.page import PageInfo

IN_THE_NAME = "بسمه تعالی"
BLOCK_WIDTH = 80 * mm  # «پیوست: گزارش رصد منابع شمارهٔ ۱۴۰۵/۰۰۰۳» on one line


def invocation() -> Flowable:
    return RTLParagraph(IN_THE_NAME, BODY.bold().aligned("center"))


def number_block(info: PageInfo, attachment: str) -> Flowable:
    """The date, the number (for a draft: «پیش‌نویس») and the attachment line, hung from
    the left margin; each line is right-aligned within the block, as it is written."""
    rows = [[RTLParagraph(text, BODY)] for text in (
        f"تاریخ: {info.issue_date}",
        f"شماره: {info.number_label}",
        attachment,
    )]
    block = Table(rows, colWidths=[BLOCK_WIDTH], hAlign="LEFT")
    block.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR)]  # no unused Helvetica resource
                              + [(side, (0, 0), (-1, -1), 0) for side in
                                 ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")]))
    return block
