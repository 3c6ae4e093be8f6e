"""What is drawn where on a PDF page, read back with PDFium (pypdfium2): text objects with
their text, filled and stroked paths, images, each with its bounding box in points
(origin at the page's lower left). For asserting layout: overlaps, order, margins."""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from rasad_desktop.reports import qr

TEXT, PATH, IMAGE = raw.FPDF_PAGEOBJ_TEXT, raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_IMAGE


@dataclass(frozen=True)
class Box(qr.Box):
    """The drawing's box (``overlaps``), with what the layout tests measure."""

    def grown(self, d: float) -> Box:
        return Box(self.x0 - d, self.y0 - d, self.x1 + d, self.y1 + d)

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def centre(self) -> tuple[float, float]:
        return (self.x0 + self.x1) / 2, (self.y0 + self.y1) / 2


@dataclass(frozen=True)
class Drawn:
    kind: int  # TEXT, PATH or IMAGE
    box: Box
    text: str = ""  # a text object's characters, in drawing (visual) order
    fill: tuple[int, int, int, int] = (0, 0, 0, 255)  # RGBA 0–255
    matrix: tuple[float, ...] = (1, 0, 0, 1, 0, 0)


@dataclass(frozen=True)
class Page:
    number: int  # 1-based
    width: float
    height: float
    objects: list[Drawn]

    def texts(self) -> list[Drawn]:
        return [o for o in self.objects if o.kind == TEXT]

    def find(self, fragment: str) -> list[Drawn]:
        """Text objects whose text contains ``fragment`` (compared in drawn order)."""
        return [o for o in self.texts() if fragment in o.text]


def pages(pdf: bytes | Path) -> list[Page]:
    doc = pdfium.PdfDocument(pdf if isinstance(pdf, bytes) else str(pdf))
    out = []
    try:
        for i in range(len(doc)):
            page = doc[i]
            textpage = page.get_textpage()
            width, height = page.get_size()
            objects = [_drawn(o, textpage) for o in page.get_objects(max_depth=4)]
            out.append(Page(i + 1, width, height, [o for o in objects if o is not None]))
    finally:
        doc.close()
    return out


def _drawn(obj: pdfium.PdfObject, textpage: pdfium.PdfTextPage) -> Drawn | None:
    if obj.type not in (TEXT, PATH, IMAGE):
        return None
    box = Box(*obj.get_bounds())
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    raw.FPDFPageObj_GetFillColor(obj.raw, r, g, b, a)
    m = raw.FS_MATRIX()
    raw.FPDFPageObj_GetMatrix(obj.raw, m)
    text = ""
    if obj.type == TEXT:
        n = raw.FPDFTextObj_GetText(obj.raw, textpage.raw, None, 0)
        buf = (ctypes.c_ushort * max(n, 1))()
        raw.FPDFTextObj_GetText(obj.raw, textpage.raw, buf, n * 2)
        text = bytes(buf).decode("utf-16-le", "replace").rstrip("\x00")
    return Drawn(obj.type, box, text, (r.value, g.value, b.value, a.value), (m.a, m.b, m.c, m.d, m.e, m.f))


def render_page(pdf: bytes, index: int = 0, scale: float = 1.0) -> list[list[bool]]:
    """Page ``index`` as a grid of dark (True) / light pixels."""
    doc = pdfium.PdfDocument(pdf)
    try:
        image = doc[index].render(scale=scale, grayscale=True).to_pil().convert("L")
    finally:
        doc.close()
    w, h = image.size
    px = image.load()
    return [[px[x, y] < 128 for x in range(w)] for y in range(h)]
