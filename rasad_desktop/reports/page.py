"""Page furniture on every page, and building a document to PDF bytes.

Every page carries the office name and report title, the Jalali issue date,
«صفحه x از y», the report number, a confidentiality label, a short verification code
and a QR code with the number and the content hash. «از y» needs the page count, so
pages are kept until the document is complete and decorated when it is saved.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from rasad_desktop.core import palette
from rasad_desktop.core.digits import localize_digits
from rasad_desktop.reports.fonts import BOLD, REGULAR, register, string_width
from rasad_desktop.reports.qr import draw_qr
from rasad_desktop.reports.rtl import layout
from rasad_desktop.reports.text_layer import baseline_is_rtl, draw_line
from rasad_desktop.reports.watermark import draw_watermark

CONFIDENTIAL = "محرمانه — فقط برای استفادهٔ اداری"
DRAFT = "پیش‌نویس"
LANG = "fa-IR"  # the document catalog's /Lang


@dataclass(frozen=True)
class PageInfo:
    office: str
    title: str
    issue_date: str  # Jalali, already formatted: ۱۴۰۵/۰۹/۰۴
    number: str | None  # None for a draft
    version: int = 1
    verification: str = ""  # short code, e.g. 3F9A-0C1B-77D2
    qr_payload: str = ""
    confidentiality: str = CONFIDENTIAL
    content_hash: str = ""
    office_id: str = ""
    signer_fingerprint: str = ""  # SHA-256 of the certificate the file is signed with (hex)
    audit_anchor: str = ""  # the audit chain's head when it was issued: «row:hash»

    @property
    def claim(self) -> str:
        """What the file says it is, in its metadata (in the signed bytes): read back by
        ``verify`` and by ``audit verify --reports``."""
        text = f"rasad:{self.number or 'draft'}:v{self.version}:{self.content_hash}"
        text += f":office:{self.office_id}" if self.office_id else ""
        return f"{text}:audit:{self.audit_anchor}" if self.audit_anchor else text

    @property
    def number_label(self) -> str:
        if not self.number:
            return DRAFT
        shown = localize_digits(self.number)
        return shown if self.version == 1 else f"{shown} (نسخهٔ {localize_digits(str(self.version))})"


_CLAIM = re.compile(rb"rasad:([0-9]{4}/[0-9]{4}):v([0-9]+):([0-9a-f]{64})(?::office:([0-9a-f-]{36}))?"
                    rb"(?::audit:([0-9]+:[0-9a-f]{64}))?")


@dataclass(frozen=True)
class Claim:
    """What an issued file says it is (``PageInfo.claim``, read back)."""

    number: str
    version: int
    content_hash: str
    office_id: str | None
    anchor: str | None  # «row:hash»

    @classmethod
    def find(cls, pdf: bytes) -> Claim | None:
        m = _CLAIM.search(pdf)
        if m is None:
            return None
        office_id, anchor = m.group(4), m.group(5)
        return cls(m.group(1).decode(), int(m.group(2)), m.group(3).decode(),
                   office_id.decode() if office_id else None, anchor.decode() if anchor else None)

    @property
    def label(self) -> str:
        return f"{self.number} v{self.version}"


def draw_rtl(c: canvas.Canvas, text: str, right_x: float, y: float, font: str = REGULAR,
             size: float = 8, align: str = "right", *, line_rtl: bool | None = None) -> float:
    """Draw one line of logical text ending at ``right_x`` (or centred on it); ``line_rtl``
    as ``text_layer.draw_line`` takes it (the page furniture shares baselines)."""
    line = layout(text, font, size, None)[0]
    w = string_width(line.glyphs, font, size)
    x = right_x - w if align == "right" else right_x - w / 2 if align == "center" else right_x
    draw_line(c, x, y, line.logical, line.glyphs, font, size, line_rtl=line_rtl)
    return w


class _NumberedCanvas(canvas.Canvas):
    """Keeps each page's drawing until save(), then adds the furniture with the total."""

    def __init__(self, *args: Any, info: PageInfo, **kwargs: Any) -> None:  # ReportLab's Canvas arguments
        super().__init__(*args, **kwargs)
        self._info = info
        self._pages: list[dict] = []

    def showPage(self) -> None:  # noqa: N802 - ReportLab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # ReportLab's own (private) method; the stubs leave it out

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            decorate(self, self._info, self._pageNumber, total)  # type: ignore[attr-defined]  # as above
            super().showPage()
        super().save()


MARGIN = 14 * mm
QR_SIDE = 13 * mm  # the symbol's dark modules; its quiet zone comes on top (qr.QUIET_MODULES)
QR_Y = 6 * mm  # the symbol's lower edge: its quiet zone stays below the body frame (22 mm)
FOOTER_RULE = 8 * mm + 15
FOOTER_LINE = 8 * mm + 4.5  # confidentiality, page, verification code
FINGERPRINT_LINE = 8 * mm - 5  # under the first line, right-aligned
FINGERPRINT_SIZE = 5.5


def decorate(c: canvas.Canvas, info: PageInfo, page: int, total: int) -> None:
    width, height = c._pagesize  # type: ignore[attr-defined]  # ReportLab's own attribute; not in the stubs
    c.saveState()
    if not info.number:  # over the body (the page is drawn by now), transparent
        draw_watermark(c, width, height, DRAFT)
    _header(c, info, width, height)
    _footer(c, info, page, total, width)
    c.restoreState()


def _header(c: canvas.Canvas, info: PageInfo, width: float, height: float) -> None:
    c.setFillColor(colors.HexColor(palette.NAVY))
    top = height - 10 * mm
    date, number = f"تاریخ صدور: {info.issue_date}", f"شمارهٔ گزارش: {info.number_label}"
    first, second = baseline_is_rtl((info.office, date)), baseline_is_rtl((info.title, number))
    draw_rtl(c, info.office, width - MARGIN, top, BOLD, 9, line_rtl=first)
    draw_rtl(c, info.title, width - MARGIN, top - 12, REGULAR, 8.5, line_rtl=second)
    draw_rtl(c, date, MARGIN + 62 * mm, top, REGULAR, 8, line_rtl=first)
    draw_rtl(c, number, MARGIN + 62 * mm, top - 12, REGULAR, 8, line_rtl=second)
    c.setStrokeColor(colors.HexColor(palette.RULE))
    c.setLineWidth(0.5)
    c.line(MARGIN, top - 17, width - MARGIN, top - 17)


def _footer(c: canvas.Canvas, info: PageInfo, page: int, total: int, width: float) -> None:
    """The rule and two lines of text, all to the right of the QR code's quiet zone."""
    left = MARGIN
    if info.qr_payload:
        left = draw_qr(c, info.qr_payload, MARGIN, QR_Y, QR_SIDE).x1 + 2
    c.setStrokeColor(colors.HexColor(palette.RULE))
    c.setLineWidth(0.5)
    c.line(left, FOOTER_RULE, width - MARGIN, FOOTER_RULE)
    page_label = f"صفحه {localize_digits(str(page))} از {localize_digits(str(total))}"
    code = f"کد تصدیق: {info.verification}" if info.verification else ""
    line_rtl = baseline_is_rtl((info.confidentiality, page_label, code))
    c.setFillColor(colors.HexColor(palette.ERROR))
    draw_rtl(c, info.confidentiality, width - MARGIN, FOOTER_LINE, BOLD, 8, line_rtl=line_rtl)
    c.setFillColor(colors.black)
    draw_rtl(c, page_label, width / 2, FOOTER_LINE, REGULAR, 8, align="center", line_rtl=line_rtl)
    if code:
        draw_rtl(c, code, MARGIN + 62 * mm, FOOTER_LINE, REGULAR, 8, line_rtl=line_rtl)
    if info.signer_fingerprint:  # compared with the one the office sent
        from rasad_desktop.reports.signature import grouped

        text = f"اثر انگشت گواهی امضا (SHA-256): {grouped(info.signer_fingerprint)}"
        natural = string_width(layout(text, REGULAR, FINGERPRINT_SIZE, None)[0].glyphs, REGULAR, FINGERPRINT_SIZE)
        size = FINGERPRINT_SIZE * min(1.0, (width - MARGIN - left) / natural)  # never into the quiet zone
        c.setFillColor(colors.HexColor(palette.NAVY))
        draw_rtl(c, text, width - MARGIN, FINGERPRINT_LINE, REGULAR, size)


def page_size(orientation: str) -> tuple[float, float]:
    return landscape(A4) if orientation == "landscape" else A4


def build_pdf(story: Sequence[Flowable], info: PageInfo, *, orientation: str = "portrait",
              author: str = "", subject: str = "", title: str = "") -> bytes:
    """Lay out ``story`` on A4 pages with the furniture; returns the PDF bytes. The file's
    metadata: ``title`` (default: the page title), the office as its author, Persian
    (``/Lang (fa-IR)``, read by screen readers and search), and the claim as keywords."""
    register()
    buf = io.BytesIO()
    size = page_size(orientation)
    doc = BaseDocTemplate(
        buf,
        pagesize=size,
        leftMargin=14 * mm,
        rightMargin=14 * mm,
        topMargin=24 * mm,
        bottomMargin=22 * mm,
        title=title or info.title,
        author=author or info.office,
        lang=LANG,
        subject=subject or (info.number or DRAFT),
        creator="Rasad",
        initialFontName=REGULAR,  # no unused Helvetica resource in the file
        keywords=info.claim,  # type: ignore[arg-type]  # ReportLab takes a string (the stubs say a list)
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(list(story), canvasmaker=lambda *a, **k: _NumberedCanvas(*a, info=info, **k))
    return buf.getvalue()
