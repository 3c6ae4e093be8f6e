"""The right-to-left text layer: shape, break into lines, reorder, draw.

The order matters (design.md): lines are broken on the *logical* text, measuring each
word's *shaped* width; only then is each line shaped (arabic-reshaper, harakat kept)
and reordered on its own with the base direction forced right-to-left. Reordering a
whole paragraph before wrapping would put its lines in reverse order.
"""

from __future__ import annotations

import re
from functools import lru_cache

from arabic_reshaper import ArabicReshaper

from rasad_desktop.reports.bidi import reorder
from rasad_desktop.reports.fonts import REGULAR, drawable, string_width

_reshaper = ArabicReshaper(
    configuration={
        "delete_harakat": False,  # keep ً and ٔ: «لطفاً», «نسخهٔ»
        "support_ligatures": True,  # lam-alef
        "ARABIC LIGATURE ALLAH": False,  # a word ligature HarfBuzz would not make here
    }
)
# explicit embeddings, overrides and isolates are not supported by the line layout
_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def clean(text: str) -> str:
    """Prepare one paragraph: no line breaks, no embedding controls, single spaces.

    Letters, digits and ZWNJ are kept exactly as given."""
    text = _CONTROLS.sub("", text.replace("\r", " ").replace("\n", " "))
    return _SPACES.sub(" ", text).strip()


def shape(text: str) -> str:
    return _reshaper.reshape(text)


def visual(line: str, font: str = REGULAR) -> str:
    """One logical line → the glyph string to draw left to right."""
    return drawable(reorder(shape(line), base_level=1), font)


@lru_cache(maxsize=65536)
def word_width(word: str, font: str, size: float) -> float:
    return string_width(drawable(shape(word), font), font, size)


def line_width(line: str, font: str, size: float) -> float:
    words = line.split(" ")
    return sum(word_width(w, font, size) for w in words) + (len(words) - 1) * word_width(" ", font, size)


def wrap(text: str, font: str, size: float, max_width: float) -> list[str]:
    """Break a paragraph into logical lines no wider than ``max_width`` points.

    A single word wider than the line gets a line of its own and is drawn condensed
    (see ``RTLParagraph.draw``) rather than cut: a cut word would no longer read or
    search as that word."""
    text = clean(text)
    if not text:
        return [""]
    space = word_width(" ", font, size)
    lines: list[str] = []
    current, current_w = "", 0.0
    for word in text.split(" "):
        w = word_width(word, font, size)
        if current and current_w + space + w <= max_width:
            current, current_w = f"{current} {word}", current_w + space + w
            continue
        if current:
            lines.append(current)
        current, current_w = word, w
    lines.append(current)
    return lines
