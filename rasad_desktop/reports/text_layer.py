"""The text layer of every drawn line: copy and search give the logical text.

A line is drawn as presentation-form glyphs in visual order (``rtl.layout``), and that
drawing stays exactly as it is (same operators, glyph codes and ToUnicode maps; the
Persian PDF checker reads them). Around it goes marked content with ``/ActualText``,
the text extraction should return instead of the glyphs' own code points.

Neither poppler (pdftotext, Evince, Okular) nor PDFium (Chrome, Edge, QtPdf) takes
ActualText as final logical text: each runs it through its own visual-to-logical
heuristic, and the two differ, so each engine gets its own string, the inverse of its
heuristic (measured by experiment; see docs/text-extraction.md)::

    q BT 1 0 0 1 x y Tm [h Tz]
    /Span <</ActualText A_poppler>> BDC      poppler reads only /Span with an inline dict
      /PDFium <</ActualText A_pdfium>> BDC   PDFium reads any tag, the innermost wins
        /F1+0 size Tf (...) Tj
      EMC
    EMC ET Q

* poppler 22 (``reorderText``, page direction right to left) walks a line from the
  right and emits runs without L/number characters reversed, runs without R characters
  as they are. The inverse cuts the text into those runs and writes them right to left;
  an RLM goes before neutrals between a number/Latin run and the next Persian letter
  (the «) » in «(PDF) نسخه»), and at the start when the line does not end in a Persian
  letter (so a neighbouring cell on the same baseline cannot merge into it).
* PDFium (2026 builds, pypdfium2 5) attaches the ActualText to the span's left-most text
  object, reverses it when that object's glyphs read right to left, and orders and
  mirrors segments (L; weak: digits, separators, marks, ZWNJ; R; neutral) by the
  baseline's direction. The inverse applies these steps backwards. A span sharing its
  baseline with others (table cells, page furniture) passes that baseline's direction.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from bidi.mirror import MIRRORED  # python-bidi's copy of BidiMirroring.txt
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

RLM = "\u200f"
PDFIUM_TAG = "PDFium"  # any tag but /Span: poppler ignores it, PDFium reads it


# --------------------------------------------------------------- character classes
@lru_cache(maxsize=8192)
def _p_class(c: str) -> int:
    """poppler: 0 = R (unicodeTypeR), 1 = L or number (unicodeTypeL/unicodeTypeNum), 2 = other"""
    b = unicodedata.bidirectional(c)
    if b in ("R", "AL"):
        return 0
    if c != "\u202f" and b in ("L", "EN", "AN", "ET", "ES", "CS"):
        return 1
    return 2


@lru_cache(maxsize=8192)
def _f_class(c: str) -> str:
    """PDFium CFX_BidiChar: L, W (weak: numbers, separators, NSM, BN), R, or N (neutral)"""
    b = unicodedata.bidirectional(c)
    if b == "L":
        return "L"
    if b in ("AN", "EN", "NSM", "CS", "ES", "ET", "BN"):
        return "W"
    if b in ("R", "AL"):
        return "R"
    return "N"


def _segments(s: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    start = 0
    for i in range(1, len(s) + 1):
        if i == len(s) or _f_class(s[i]) != _f_class(s[start]):
            out.append((_f_class(s[start]), s[start:i]))
            start = i
    return out


def _mirror(s: str) -> str:
    return "".join(MIRRORED.get(c, c) for c in s)


# --------------------------------------------------------------- the two strings
@lru_cache(maxsize=16384)
def poppler_text(logical: str) -> str:
    """ActualText that poppler's pdftotext turns into ``logical`` (plus RLMs)."""
    s, n, i = logical, len(logical), 0
    parts: list[str] = []  # right to left
    first = True
    while i < n:
        j = i
        while j < n and _p_class(s[j]) != 1:
            j += 1
        a = s[i:j]
        if not first and a and _p_class(a[0]) != 0:
            a = RLM + a  # ends the L/number run before these neutrals
        parts.append(a[::-1])
        first = False
        if j >= n:
            break
        k = last = j
        while k < n and _p_class(s[k]) != 0:
            if _p_class(s[k]) == 1:
                last = k
            k += 1
        parts.append(s[j:last + 1])
        i = last + 1
    v = "".join(reversed(parts))
    if v and _p_class(v[0]) != 0:
        v = RLM + v
    return v


def object_is_rtl(chars: str) -> bool:
    """PDFium's IsRightToLeft() for a text object drawing these characters"""
    segs = _segments(chars)
    return sum(k == "R" for k, _ in segs) > sum(k == "L" for k, _ in segs)


def _counts(text: str) -> tuple[int, int]:
    segs = _segments(text)
    return sum(k == "R" for k, _ in segs), sum(k == "L" for k, _ in segs)


def baseline_is_rtl(texts: Iterable[str]) -> bool:
    """How PDFium will read a baseline that holds several spans (the logical texts of a
    table row's cells, of a header or footer line): right to left when all of them
    together have more R than L segments.  Pass the result to ``draw_line(line_rtl=...)``
    for each span of that baseline."""
    nr = nl = 0
    for t in texts:
        r, left = _counts(t)
        nr, nl = nr + r, nl + left
    return nr > nl


@lru_cache(maxsize=16384)
def pdfium_text(logical: str, object_rtl: bool, line_rtl: bool | None = None) -> str:
    """ActualText that PDFium's text page turns into ``logical``.  ``line_rtl``: the
    direction PDFium will give the whole baseline (None: this span's own)."""
    segs = _segments(logical)
    if line_rtl is None:
        rtl = sum(k == "R" for k, _ in segs) > sum(k == "L" for k, _ in segs)
    else:
        rtl = line_rtl
    state, out = ("R" if rtl else "L"), []
    for k, t in segs:
        if k == "R" or (k == "N" and state == "R"):
            state = "R"
            out.append(_mirror(t))
        else:
            if k != "W":
                state = "L"
            out.append(t)
    v = "".join(reversed(out)) if rtl else "".join(out)
    return v[::-1] if object_rtl else v


def _pdf_text_string(s: str) -> str:
    return "<FEFF" + s.encode("utf-16-be").hex().upper() + ">" if s else "()"


# --------------------------------------------------------------- drawing
def draw_line(c: Canvas, x: float, y: float, logical: str, glyphs: str, font: str, size: float,
              h_scale: float | None = None, *, line_rtl: bool | None = None) -> None:
    """Draw ``glyphs`` (the visual, shaped string of ``rtl.layout``) with its left end at
    (x, y) as ``canvas.drawString`` would, in a span that copies as ``logical``.

    The font is set inside the line's own graphics state (the canvas's is not changed);
    the fill colour is the canvas's. ``h_scale``: horizontal scale in percent, for a
    condensed line. ``line_rtl``: for a span sharing its baseline with others (table
    cells, page furniture), ``baseline_is_rtl`` of all their texts; None for a line alone."""
    if not glyphs:
        return
    f = pdfmetrics.getFont(font)
    doc = c._doc  # type: ignore[attr-defined]  # ReportLab's document, as drawString uses it
    chunks = f.splitString(glyphs, doc)  # type: ignore[attr-defined]  # a TTFont: subsets and their codes
    ops = [f"q BT 1 0 0 1 {fp_str(x)} {fp_str(y)} Tm"]
    if h_scale is not None and h_scale != 100:
        ops.append(f"{fp_str(h_scale)} Tz")
    text = logical.strip(" ")
    nested = False
    if text:
        a_poppler = poppler_text(text)
        a_pdfium = pdfium_text(text, object_is_rtl(glyphs[:len(chunks[0][1])]), line_rtl)
        ops.append(f"/Span <</ActualText {_pdf_text_string(a_poppler)}>> BDC")
        nested = a_pdfium != a_poppler
        if nested:
            ops.append(f"/{PDFIUM_TAG} <</ActualText {_pdf_text_string(a_pdfium)}>> BDC")
    size_s = fp_str(size)
    for subset, t in chunks:
        ops.append(f"{f.getSubsetInternalName(subset, doc)} {size_s} Tf ({c._escape(t)}) Tj")  # type: ignore[attr-defined]  # as above
    if text:
        ops.append("EMC EMC" if nested else "EMC")
    ops.append("ET Q")
    c._code.append(" ".join(ops))  # type: ignore[attr-defined]  # the page's content stream
