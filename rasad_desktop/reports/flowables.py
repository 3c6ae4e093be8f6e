"""Flowables for right-to-left text: a paragraph, table cells, RTL tables; who signs (``Signatory``,
drawn by ``signatories``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable, Table, TableStyle

from rasad_desktop.core import palette
from rasad_desktop.reports.fonts import BOLD, REGULAR, register, string_width
from rasad_desktop.reports.rtl import Line, layout
from rasad_desktop.reports.text_layer import baseline_is_rtl, draw_line


@dataclass(frozen=True)
class TextStyle:
    font: str = REGULAR
    size: float = 10
    leading: float = 15
    color: colors.Color = colors.black
    align: str = "right"  # right, center or left: the side the lines hang from
    space_after: float = 0

    def bold(self) -> TextStyle:
        return replace(self, font=BOLD)

    def sized(self, size: float, leading: float | None = None) -> TextStyle:
        return replace(self, size=size, leading=leading or size * 1.5)

    def aligned(self, align: str) -> TextStyle:
        return replace(self, align=align)


BODY = TextStyle()
SMALL = TextStyle(size=8, leading=11)
TITLE = TextStyle(font=BOLD, size=15, leading=22, align="center", space_after=4)
HEADING = TextStyle(font=BOLD, size=11.5, leading=17, space_after=3)


class RTLParagraph(Flowable):
    """A paragraph of Persian (or mixed) text, wrapped on logical text, drawn per line."""

    def __init__(self, text: str, style: TextStyle = BODY, *, lines: list[Line] | None = None,
                 wrap_width: float | None = None) -> None:
        super().__init__()
        register()
        self.text = text
        self.style = style
        self._lines = lines
        self._wrap_width = wrap_width  # the width ``lines`` were broken for
        self.line_rtl: bool | None = None  # a table cell: its row's direction (text_layer.draw_line)
        self.width = 0.0
        self.height = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._lines is None or self._wrap_width != avail_width:
            self._lines = layout(self.text, self.style.font, self.style.size, avail_width)
            self._wrap_width = avail_width
        self.width = avail_width
        self.height = len(self._lines) * self.style.leading
        return avail_width, self.height

    def getSpaceAfter(self) -> float:  # noqa: N802 - ReportLab's name
        return self.style.space_after

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        lines = self._lines or []
        fits = int(avail_height // self.style.leading)
        if fits < 1:
            return []
        if fits >= len(lines):
            return [self]
        parts: list[Flowable] = [self.__class__(self.text, self.style, lines=lines[:fits], wrap_width=avail_width),
                                 self.__class__(self.text, self.style, lines=lines[fits:], wrap_width=avail_width)]
        for part in parts:
            part.line_rtl = self.line_rtl  # type: ignore[attr-defined]  # the two halves are RTLParagraphs
        return parts

    @property
    def lines(self) -> list[str]:
        return [line.logical for line in self._lines or []]

    def draw(self) -> None:
        s = self.style
        c = self.canv
        c.setFillColor(s.color)
        # baseline about 0.3 em above the bottom of each line box
        for i, line in enumerate(self._lines or []):
            w = string_width(line.glyphs, s.font, s.size)
            y = self.height - (i + 1) * s.leading + (s.leading - s.size) / 2 + s.size * 0.25
            if w > self.width > 0:  # one word longer than the line: condense it to fit
                draw_line(c, 0, y, line.logical, line.glyphs, s.font, s.size, 100 * self.width / w,
                          line_rtl=self.line_rtl)
                continue
            x = {"right": self.width - w, "center": (self.width - w) / 2}.get(s.align, 0.0)
            draw_line(c, x, y, line.logical, line.glyphs, s.font, s.size, line_rtl=self.line_rtl)


KEEP_WITH_TOTAL = 2  # body rows that stay on a total's page


def cell(text: object, style: TextStyle = SMALL) -> Flowable:
    """A table cell; numbers are passed already formatted, flowables as they are."""
    if isinstance(text, Flowable):
        return text
    return RTLParagraph("" if text is None else str(text), style)


def rtl_table(
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    *,
    header_style: TextStyle | None = None,
    body_style: TextStyle = SMALL,
    row_colors: dict[int, colors.Color] | None = None,
    bold_rows: Sequence[int] = (),
    repeat_header: bool = True,
) -> Table:
    """A table whose first logical column is drawn on the right; the header row repeats
    on every page. ``row_colors`` maps a body row index to its background.

    The bold rows are totals: a page break never falls just above one or in the
    ``KEEP_WITH_TOTAL`` rows before it, so a total (or a run of totals) always has rows
    of its own above it on its page, never a repeated header alone."""
    header_style = header_style or body_style.bold().aligned("center")
    data: list[list[Flowable]] = [_row([cell(h, header_style) for h in header])]
    for r, row in enumerate(rows):
        style = body_style.bold() if r in bold_rows else body_style
        data.append(_row([cell(v, style.aligned("right")) for v in row]))
    table = Table(data, colWidths=list(widths)[::-1], repeatRows=1 if repeat_header else 0)
    commands: list[Any] = [  # ReportLab style commands (the stubs' tuple types are narrower than it takes)
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # else ReportLab declares an unused Helvetica
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor(palette.RULE)),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(palette.HEADER_FILL)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    for r, color in (row_colors or {}).items():
        commands.append(("BACKGROUND", (0, r + 1), (-1, r + 1), color))
    for r in bold_rows:  # body row r is table row r + 1 (under the header)
        commands.append(("NOSPLIT", (0, max(1, r + 1 - KEEP_WITH_TOTAL)), (-1, r + 1)))
    table.setStyle(TableStyle(commands))
    return table


def _row(cells: list[Flowable]) -> list[Flowable]:
    """A row's cells, drawn right to left; each learns the row's reading direction (a
    copy of the row reads as one line)."""
    texts = [c.text for c in cells if isinstance(c, RTLParagraph)]
    rtl = baseline_is_rtl(texts)
    for c in cells:
        if isinstance(c, RTLParagraph):
            c.line_rtl = rtl
    return cells[::-1]


@dataclass(frozen=True)
class Signatory:
    role: str  # e.g. «تهیه‌کننده» / «تأیید‌کننده»
    name: str
    title: str
    image: bytes | None = None  # a scanned signature: the PNG or JPEG bytes (an office setting)
