"""Where a report is signed: the prepared-by / approved-by boxes under a report, and the
signatory of a letter.

Each box holds, top to bottom: the role, the space for the signature (the scanned image,
fitted inside it whatever its proportions, or room for a wet signature), the name (a
dotted line to write it on when the office has none) and the title. The rows are laid
out from measured heights, so nothing can overlap.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, replace

from reportlab.lib import colors
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas
from reportlab.platypus import Flowable

from rasad_desktop.core import palette
from rasad_desktop.reports.flowables import BODY, SMALL, RTLParagraph, Signatory, TextStyle

ROLE = SMALL.bold().aligned("center")
SIGN_SPACE = 42.0  # the signature's own row
SIGN_WIDTH = 0.7  # of the box, and at most MAX_SIGN_WIDTH: the widest an image is drawn
MAX_SIGN_WIDTH = 150.0
GAP = 2.0
BLANK_LINE = 0.5  # of the box: the dotted line a name is written on


@dataclass(frozen=True)
class Styles:
    name: TextStyle = BODY.bold().aligned("center")
    title: TextStyle = SMALL.aligned("center")
    role: bool = True  # the role's row: «تهیه‌کننده», «تأییدکننده»


BOX = Styles()


@dataclass(frozen=True)
class Rows:
    """The y of each row's bottom in a box drawn from ``top`` downwards."""

    role: float
    sign: float
    name: float
    title: float
    bottom: float


def _paragraph(text: str, style: TextStyle, width: float) -> RTLParagraph:
    p = RTLParagraph(text, style)
    p.wrap(width, 1000)
    return p


def fitted(image: bytes, width: float, height: float) -> tuple[float, float]:
    """The image's drawn size: as large as fits in width × height, its proportions kept."""
    w, h = ImageReader(io.BytesIO(image)).getSize()
    scale = min(width / w, height / h)
    return w * scale, h * scale


def rows(s: Signatory, width: float, top: float, styles: Styles = BOX) -> Rows:
    role_h = _paragraph(s.role, ROLE, width).height if styles.role else 0.0
    name_h = _paragraph(s.name, styles.name, width).height if s.name else styles.name.leading
    title_h = _paragraph(s.title, styles.title, width).height if s.title else 0.0
    sign = top - role_h - GAP - SIGN_SPACE
    name = sign - name_h
    title = name - title_h
    return Rows(top - role_h, sign, name, title, title - GAP)


def box_height(s: Signatory, width: float, styles: Styles = BOX) -> float:
    return -rows(s, width, 0.0, styles).bottom


def draw_box(c: canvas.Canvas, s: Signatory, x: float, width: float, top: float, styles: Styles = BOX) -> Rows:
    """One signatory in the column [x, x + width], from ``top`` down."""
    r = rows(s, width, top, styles)
    if styles.role:
        _paragraph(s.role, ROLE, width).drawOn(c, x, r.role)
    if s.image:
        w, h = fitted(s.image, min(width * SIGN_WIDTH, MAX_SIGN_WIDTH), SIGN_SPACE - GAP)
        # on the name's line, as a signature is written just above the name
        c.drawImage(ImageReader(io.BytesIO(s.image)), x + (width - w) / 2, r.sign + GAP / 2, w, h, mask="auto")
    if s.name:
        _paragraph(s.name, styles.name, width).drawOn(c, x, r.name)
    else:  # room to write the name by hand
        c.saveState()
        c.setStrokeColor(colors.HexColor(palette.RULE))
        c.setLineWidth(0.6)
        c.setDash(1, 2)
        half = width * BLANK_LINE / 2
        c.line(x + width / 2 - half, r.name + 3, x + width / 2 + half, r.name + 3)
        c.restoreState()
    if s.title:
        _paragraph(s.title, styles.title, width).drawOn(c, x, r.title)
    return r


class SignatureBlock(Flowable):
    """The boxes side by side, right to left: the preparer on the right, the approver on
    the left (alone, the approver keeps the left half)."""

    PAD = 6.0  # between the boxes' text and their edges

    def __init__(self, signatories: Sequence[Signatory]) -> None:
        super().__init__()
        self.signatories = list(signatories)
        self.width = self.height = 0.0

    @property
    def slots(self) -> int:
        return max(2, len(self.signatories))

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        inner = avail_width / self.slots - 2 * self.PAD
        self.height = max((box_height(s, inner) for s in self.signatories), default=0.0)
        return avail_width, self.height

    def column(self, i: int) -> tuple[float, float]:
        """The x and width of signatory ``i``'s text column."""
        box = self.width / self.slots
        slot = i + self.slots - len(self.signatories)  # the last one (the approver) left-most
        return self.width - (slot + 1) * box + self.PAD, box - 2 * self.PAD

    def draw(self) -> None:
        for i, s in enumerate(self.signatories):
            x, width = self.column(i)
            draw_box(self.canv, s, x, width, self.height)


class LetterSignature(Flowable):
    """A letter's signatory on the left: the signature, the name, the title (no role)."""

    WIDTH = 260.0  # a long title on one line at 11 pt

    def __init__(self, signatory: Signatory, styles: Styles = BOX) -> None:
        super().__init__()
        self.signatory = signatory
        self.styles = replace(styles, role=False)
        self.width = self.height = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = box_height(self.signatory, min(self.WIDTH, avail_width), self.styles)
        return avail_width, self.height

    def draw(self) -> None:
        draw_box(self.canv, self.signatory, 0, min(self.WIDTH, self.width), self.height, self.styles)
