"""The requester's receipt (رسید) for a registered request, complaint or suggestion: A4
portrait, the tracking code large in Persian digits, what was registered, the due date
and how to follow it up (service agreement: a unique tracking code for every request,
kept by the requester; client data confidential — the mobile is printed masked).

It draws from plain values (``services.receipts.receipt_data`` builds them from a
request); ``page_info`` gives the page furniture, whose QR code carries the tracking code."""

from __future__ import annotations

import datetime as dt
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from rasad_desktop.core import palette
from rasad_desktop.core.digits import localize_digits
from rasad_desktop.core.ids import TrackingCode
from rasad_desktop.core.jalali import format_jalali
from rasad_desktop.reports.flowables import BODY, HEADING, SMALL, TITLE, RTLParagraph, TextStyle
from rasad_desktop.reports.fonts import BOLD, REGULAR
from rasad_desktop.reports.page import PageInfo, build_pdf

LRM = "\u200e"
TITLES = {"request": "رسید ثبت درخواست", "complaint": "رسید ثبت شکایت",
          "suggestion": "رسید ثبت انتقاد و پیشنهاد"}
KEEP_IT = "این رسید را تا پایان رسیدگی نزد خود نگه دارید."
CODE_LABEL = "کد رهگیری"
MASK = "*"  # Vazirmatn draws it (fonts.coverage), and it is no digit in any script
_MASKS = str.maketrans(dict.fromkeys("•∙·.", MASK))
CODE_STYLE = TextStyle(font=BOLD, size=30, leading=42, align="center", color=colors.HexColor(palette.NAVY))
LABEL = BODY.sized(11, 17).bold()
VALUE = BODY.sized(11, 17)
FOLLOW = BODY.sized(11, 19)
WIDTH = 150 * mm  # the receipt's column, centred on the page


def masked(text: str) -> str:
    """The hidden digits as «*»: the service's «•» (or a dot) beside Persian digits reads as
    a zero («۰» and «٠» are dots too)."""
    return text.translate(_MASKS)


def ltr(text: str) -> str:
    """A code, a date or a masked number kept in its own order inside Persian text."""
    return f"{LRM}{text}{LRM}"


def code_fa(tracking_code: str) -> str:
    """۰۴۰۹۳۰-۰۳۰۰۱۲-۸: the code in groups, as it is read out on the phone."""
    return localize_digits(TrackingCode.parse(tracking_code).format())


def title(kind: str) -> str:
    return TITLES.get(kind, TITLES["request"])


def page_info(data: dict[str, Any], office: str, issue_date: dt.date | None = None) -> PageInfo:
    """The page furniture: the office, the receipt's title, today's date, the code as its
    number, and a QR code with the tracking code."""
    return PageInfo(
        office=office,
        title=title(data["kind"]),
        issue_date=format_jalali(issue_date or dt.date.today()),
        number=ltr(TrackingCode.parse(data["tracking_code"]).format()),
        qr_payload=f"RASAD-REQ|{data['tracking_code']}",
        confidentiality=KEEP_IT,
    )


def _local(utc_iso: str) -> dt.datetime:
    return dt.datetime.fromisoformat(utc_iso).replace(tzinfo=dt.UTC).astimezone()


def registered_text(data: dict[str, Any]) -> str:
    """۱۴۰۵/۰۹/۰۴، ساعت ۱۰:۳۰ (this computer's local time)."""
    local = _local(data["registered_at"])
    return f"{format_jalali(local)}، ساعت {localize_digits(f'{local.hour:02d}:{local.minute:02d}')}"


def due_text(data: dict[str, Any]) -> str:
    return format_jalali(dt.date.fromisoformat(data["due_date"]))


def field_rows(data: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, value) in reading order."""
    rows = [
        ("تاریخ و ساعت ثبت", registered_text(data)),
        ("نوع", data["kind_label"]),
        ("شیوهٔ دریافت", data["channel_label"]),
        ("موضوع", data["subject"]),
        ("نام متقاضی", data["requester_name"]),
        ("شمارهٔ همراه", ltr(masked(localize_digits(data["mobile"])))),
    ]
    if data.get("agency"):
        rows.append(("دستگاه اجرایی", data["agency"]))
    rows.append(("مهلت پاسخ", due_text(data)))
    return rows


def follow_up_text(data: dict[str, Any]) -> str:
    code = ltr(code_fa(data["tracking_code"]))
    return (
        f"برای پیگیری، {CODE_LABEL} {code} و چهار رقم آخر شمارهٔ همراه خود را به صورت حضوری، تلفنی یا از راه "
        f"فرم درگاه اداره کل اعلام کنید. بدون این چهار رقم فقط وضعیت درخواست گفته می‌شود. پاسخ تا پایان "
        f"مهلت پاسخ ({due_text(data)}) اعلام می‌شود. این خدمت رایگان است."
    )


def _code_box(data: dict[str, Any]) -> Flowable:
    rows = [[RTLParagraph(CODE_LABEL, HEADING.aligned("center"))],
            [RTLParagraph(code_fa(data["tracking_code"]), CODE_STYLE)]]
    box = Table(rows, colWidths=[WIDTH * 0.7])
    box.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # no unused Helvetica resource
        ("BOX", (0, 0), (-1, -1), 1.2, colors.HexColor(palette.NAVY)),
        ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(palette.PANEL_FILL)),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))
    return box


def _fields(data: dict[str, Any]) -> Flowable:
    # the label column on the right: cells are given left to right
    rows = [[RTLParagraph(value, VALUE), RTLParagraph(name, LABEL)] for name, value in field_rows(data)]
    table = Table(rows, colWidths=[WIDTH * 0.7, WIDTH * 0.3])
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor(palette.RULE)),
        ("BACKGROUND", (1, 0), (1, -1), colors.HexColor(palette.HEADER_FILL)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
    ]))
    return table


class _Column(RTLParagraph):
    """A paragraph as wide as the receipt's column, centred on the page."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._page_width = avail_width
        super().wrap(min(WIDTH, avail_width), avail_height)
        return avail_width, self.height

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803 - ReportLab's names
        super().drawOn(canvas, x + (self._page_width - self.width) / 2, y,
                       _sW)  # type: ignore[call-arg]  # ReportLab's drawOn takes _sW; the stubs leave it out

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []  # a receipt's paragraphs are short: never split


def render(data: dict[str, Any], info: PageInfo) -> bytes:
    story: list[Flowable] = [
        Spacer(1, 6),
        RTLParagraph(title(data["kind"]), TITLE.sized(18, 26)),
        RTLParagraph(info.office, BODY.aligned("center")),
        Spacer(1, 14),
        _code_box(data),
        Spacer(1, 4),
        RTLParagraph("این کد را نزد خود نگه دارید؛ برای هر پیگیری به آن نیاز دارید.", SMALL.sized(9).aligned("center")),
        Spacer(1, 14),
        _fields(data),
        Spacer(1, 16),
        _Column("پیگیری", HEADING),
        _Column(follow_up_text(data), FOLLOW),
    ]
    return build_pdf(story, info, orientation="portrait", subject="receipt")
