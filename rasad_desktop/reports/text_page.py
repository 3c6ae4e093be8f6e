"""The font and printer test page: a UTF-8 file typeset one paragraph per line, first as
wrapped paragraphs in a narrow column, then as the cells of a one-column table."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Indenter, Spacer

from rasad_desktop.reports.flowables import BODY, HEADING, TITLE, RTLParagraph, rtl_table
from rasad_desktop.reports.page import PageInfo, build_pdf
from rasad_desktop.reports.rtl import layout

TITLE_FA = "صفحهٔ آزمون قلم و چاپگر"
COLUMN = 80 * mm
CELL = COLUMN + 20 * mm
ROW_LINES = 40


def render(paragraphs: Sequence[str], info: PageInfo) -> bytes:
    lines = [p for p in paragraphs if p.strip()]
    story: list[Flowable] = [RTLParagraph(TITLE_FA, TITLE), RTLParagraph("۱. بندها در ستون باریک", HEADING)]
    story.append(Indenter(left=0))
    for text in lines:
        story.append(_Narrow(text))
        story.append(Spacer(1, 6))
    story.append(RTLParagraph("۲. همان بندها در خانه‌های جدول", HEADING))
    rows = [row for t in lines for row in _table_rows(t)]
    story.append(rtl_table(["متن"], rows, [CELL], body_style=BODY))
    return build_pdf(story, info, orientation="portrait", subject="text")


class _Narrow(RTLParagraph):
    """A paragraph wrapped to the narrow column and hung from the right margin."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._frame_width = avail_width
        super().wrap(min(COLUMN, avail_width), avail_height)
        return avail_width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return super().split(min(COLUMN, avail_width), avail_height)

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803 - ReportLab's names
        super().drawOn(canvas, x + getattr(self, "_frame_width", self.width) - self.width, y,
                       _sW)  # type: ignore[call-arg]  # ReportLab's drawOn takes _sW; the stubs leave it out


def _table_rows(text: str) -> list[list[RTLParagraph]]:
    """A paragraph as table rows; one longer than a page continues in further rows
    (a table row cannot break across pages)."""
    width = CELL - 6  # the cell's padding
    lines = layout(text, BODY.font, BODY.size, width)
    return [[RTLParagraph(text, BODY, lines=lines[i:i + ROW_LINES], wrap_width=width)]
            for i in range(0, len(lines), ROW_LINES)]
