"""Glyph outlines read from a registered TrueType font, drawn as filled paths.

For lettering that must look like text but must not be read as text: the draft stamp
lies diagonally across the page, and text extractors (pdftotext, pdfminer) read rotated
characters as loose letters among the body's lines, breaking copy, search and the
Persian-PDF checker's reading of every line it crosses. The glyphs are the ones
``drawString`` would use (the same shaped, reordered string), so the stamp is shaped
exactly like the text around it.
"""

from __future__ import annotations

import struct
from functools import lru_cache
from typing import cast

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace
from reportlab.pdfgen import canvas
from reportlab.pdfgen.pathobject import PDFPathObject

from rasad_desktop.reports.fonts import register

Point = tuple[float, float, bool]  # x, y (font units), on the curve
Contour = tuple[Point, ...]
XY = tuple[float, float]

NON_ZERO = 1  # ReportLab's FILL_NON_ZERO: TrueType outlines fill by the non-zero winding rule
# composite glyph flags (OpenType 'glyf' table)
_WORDS, _XY, _SCALE, _MORE, _XY_SCALE, _TWO_BY_TWO = 0x1, 0x2, 0x8, 0x20, 0x40, 0x80


def _face(font: str) -> TTFontFace:
    register()
    return cast(TTFont, pdfmetrics.getFont(font)).face


@lru_cache(maxsize=512)
def glyph_contours(font: str, gid: int) -> tuple[Contour, ...]:
    """The contours of glyph ``gid`` in font units (composites resolved)."""
    face = _face(font)
    start, end = face.glyphPos[gid], face.glyphPos[gid + 1]
    if end <= start:
        return ()  # a blank glyph (a space, ZWNJ)
    data = face.get_table("glyf")[start:end]
    (n,) = struct.unpack_from(">h", data, 0)
    return _simple(data, n) if n >= 0 else _composite(font, data)


def _simple(data: bytes, n: int) -> tuple[Contour, ...]:
    ends = struct.unpack_from(f">{n}H", data, 10)
    count = ends[-1] + 1 if n else 0
    pos = 10 + 2 * n
    (skip,) = struct.unpack_from(">H", data, pos)
    pos += 2 + skip  # the hinting instructions
    flags: list[int] = []
    while len(flags) < count:
        f = data[pos]
        pos += 1
        flags.append(f)
        if f & 0x08:  # repeated
            flags += [f] * data[pos]
            pos += 1
    xs, pos = _coords(data, pos, flags, 0x02, 0x10)
    ys, pos = _coords(data, pos, flags, 0x04, 0x20)
    points = [(float(x), float(y), bool(f & 1)) for x, y, f in zip(xs, ys, flags)]
    contours, first = [], 0
    for last in ends:
        contours.append(tuple(points[first:last + 1]))
        first = last + 1
    return tuple(contours)


def _coords(data: bytes, pos: int, flags: list[int], short: int, same: int) -> tuple[list[int], int]:
    out, value = [], 0
    for f in flags:
        if f & short:
            delta = data[pos]
            pos += 1
            value += delta if f & same else -delta
        elif not f & same:
            (delta,) = struct.unpack_from(">h", data, pos)
            pos += 2
            value += delta
        out.append(value)
    return out, pos


def _composite(font: str, data: bytes) -> tuple[Contour, ...]:
    contours: list[Contour] = []
    pos, flags = 10, _MORE
    while flags & _MORE:
        flags, gid = struct.unpack_from(">HH", data, pos)
        pos += 4
        if flags & _WORDS:
            dx, dy = struct.unpack_from(">hh", data, pos)
            pos += 4
        else:
            dx, dy = struct.unpack_from(">bb", data, pos)
            pos += 2
        if not flags & _XY:
            dx = dy = 0  # anchored by point numbers: not used by the fonts shipped here
        a, b, c, d = 1.0, 0.0, 0.0, 1.0
        if flags & _SCALE:
            a = d = _f2dot14(data, pos)
            pos += 2
        elif flags & _XY_SCALE:
            a, d = _f2dot14(data, pos), _f2dot14(data, pos + 2)
            pos += 4
        elif flags & _TWO_BY_TWO:
            a, b, c, d = (_f2dot14(data, pos + 2 * i) for i in range(4))
            pos += 8
        for contour in glyph_contours(font, gid):
            contours.append(tuple((a * x + c * y + dx, b * x + d * y + dy, on) for x, y, on in contour))
    return tuple(contours)


def _f2dot14(data: bytes, pos: int) -> float:
    return struct.unpack_from(">h", data, pos)[0] / 16384


def advance(font: str, gid: int) -> float:
    """The glyph's advance width in font units."""
    return float(_face(font).hmetrics[gid][0])


def draw_glyphs(c: canvas.Canvas, glyphs: str, font: str, size: float, x: float, y: float) -> None:
    """Fill the outlines of ``glyphs`` (a string as ``drawString`` takes it) at (x, y)."""
    face = _face(font)
    scale = size / face.unitsPerEm
    path = c.beginPath()
    pen = 0.0
    for ch in glyphs:
        gid = face.charToGlyph.get(ord(ch), 0)
        for contour in glyph_contours(font, gid):
            _trace(path, contour, x + pen * scale, y, scale)
        pen += advance(font, gid)
    c.drawPath(path, stroke=0, fill=1, fillMode=NON_ZERO)


def _trace(path: PDFPathObject, contour: Contour, x0: float, y0: float, k: float) -> None:
    """One closed quadratic contour as PDF (cubic) path segments."""
    pts = list(contour)
    if not pts:
        return
    if not any(on for *_, on in pts):  # all off the curve: start between the first two
        nxt = pts[1 % len(pts)]
        pts.insert(0, ((pts[0][0] + nxt[0]) / 2, (pts[0][1] + nxt[1]) / 2, True))
    first = next(i for i, p in enumerate(pts) if p[2])
    pts = pts[first:] + pts[:first] + [pts[first]]  # from an on-curve point back to it

    def at(px: float, py: float) -> tuple[float, float]:  # font units to page points
        return x0 + px * k, y0 + py * k

    def quad(p0: XY, q: XY, p1: XY) -> None:  # a quadratic Bézier as the cubic PDF draws
        c1 = at(p0[0] + 2 / 3 * (q[0] - p0[0]), p0[1] + 2 / 3 * (q[1] - p0[1]))
        c2 = at(p1[0] + 2 / 3 * (q[0] - p1[0]), p1[1] + 2 / 3 * (q[1] - p1[1]))
        path.curveTo(*c1, *c2, *at(*p1))

    path.moveTo(*at(pts[0][0], pts[0][1]))
    cur: XY = (pts[0][0], pts[0][1])
    ctrl: XY | None = None
    for px, py, on in pts[1:]:
        if on:
            if ctrl is None:
                path.lineTo(*at(px, py))
            else:
                quad(cur, ctrl, (px, py))
            cur, ctrl = (px, py), None
        elif ctrl is None:
            ctrl = (px, py)
        else:  # two off-curve points: an on-curve point between them is implied
            mid = ((ctrl[0] + px) / 2, (ctrl[1] + py) / 2)
            quad(cur, ctrl, mid)
            cur, ctrl = mid, (px, py)
    path.close()
