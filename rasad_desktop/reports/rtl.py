"""The right-to-left text layer: shape, break into lines, reorder, draw.

The order matters (design.md): a paragraph is shaped (arabic-reshaper, harakat kept)
and its bidi levels are resolved as a whole with the base direction forced right to
left; lines are broken between words, measuring each word's *shaped* width; each line
is then reordered on its own (UAX #9 rules L1–L2). Reordering a whole paragraph
before wrapping would put its lines in reverse order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from arabic_reshaper import ArabicReshaper

from rasad_desktop.reports.bidi import reorder_line, resolve
from rasad_desktop.reports.fonts import REGULAR, drawable, string_width

_reshaper = ArabicReshaper(
    configuration={
        "delete_harakat": False,  # keep ً and ٔ: «لطفاً», «نسخهٔ»
        "support_ligatures": True,  # lam-alef
        "ARABIC LIGATURE ALLAH": False,  # a word ligature HarfBuzz would not make here
    }
)
# ordinary spaces; the no-break spaces U+00A0 and U+202F are kept (they glue digit groups)
_SPACES = re.compile(r"[ \t\u2000-\u200a\u205f\u3000]+")


@dataclass(frozen=True)
class Line:
    logical: str  # the line's text in reading order
    glyphs: str  # what to draw, left to right


def clean(text: str) -> str:
    """Prepare one paragraph: no line breaks, single spaces.

    Letters, digits, ZWNJ, no-break spaces and bidi controls (embeddings, isolates,
    marks: ``bidi.py`` honours them) are kept exactly as given."""
    text = text.replace("\r", " ").replace("\n", " ")
    return _SPACES.sub(" ", text).strip(" ")


def shape(text: str) -> str:
    # ه + hamza above is drawn as the single letter ۀ: Vazirmatn has no mark positioning
    # that ReportLab could use, and ۀ is how HarfBuzz composes the pair too
    return _reshaper.reshape(text.replace("\u0647\u0654", "\u06c0"))


@lru_cache(maxsize=65536)
def _shaped_width(shaped_word: str, font: str, size: float) -> float:
    return string_width(drawable(shaped_word, font), font, size)


def word_width(word: str, font: str, size: float) -> float:
    return _shaped_width(shape(word), font, size)


def line_width(line: str, font: str, size: float) -> float:
    return string_width(drawable(shape(line), font), font, size)


def layout(text: str, font: str, size: float, max_width: float | None) -> list[Line]:
    """Break a paragraph into lines no wider than ``max_width`` points (None: one line).

    A single word wider than the line gets a line of its own and is drawn condensed
    (see ``RTLParagraph.draw``) rather than cut: a cut word would no longer read or
    search as that word."""
    text = clean(text)
    if not text:
        return [Line("", "")]
    shaped = shape(text)
    levels = resolve(shaped, 1)
    words, shaped_words = text.split(" "), shaped.split(" ")
    space = _shaped_width(" ", font, size)
    spans: list[tuple[int, int]] = []  # word index ranges of the lines
    start, width = 0, 0.0
    for i, w in enumerate(shaped_words):
        ww = _shaped_width(w, font, size)
        if i > start and max_width is not None and width + space + ww > max_width:
            spans.append((start, i))
            start, width = i, ww
        else:
            width = ww if i == start else width + space + ww
    spans.append((start, len(words)))

    offsets = [0]
    for w in shaped_words:
        offsets.append(offsets[-1] + len(w) + 1)
    lines = []
    for a, b in spans:
        lo, hi = offsets[a], offsets[b] - 1
        glyphs = drawable(reorder_line(shaped[lo:hi], levels[lo:hi], 1), font)
        lines.append(Line(" ".join(words[a:b]), glyphs))
    return lines


def wrap(text: str, font: str, size: float, max_width: float) -> list[str]:
    """The logical text of each line of a wrapped paragraph."""
    return [line.logical for line in layout(text, font, size, max_width)]


def visual(line: str, font: str = REGULAR) -> str:
    """One line on its own → the glyph string to draw left to right."""
    return layout(line, font, 10, None)[0].glyphs
