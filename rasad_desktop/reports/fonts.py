"""Vazirmatn, registered once with ReportLab, and a glyph-coverage fallback.

ReportLab draws nothing at all for a character the font lacks. Vazirmatn lacks a few
that the reshaper can emit (the isolated ۀ, U+FBA4) and some controls (ALM U+061C,
isolates U+2066–2069): such a character is replaced by its compatibility base letter
(U+FBA4 → ۀ U+06C0, which the font draws in its isolated shape), controls are dropped,
and anything else becomes a visible «?» — never a silent blank.
"""

from __future__ import annotations

import threading
import unicodedata
from functools import lru_cache
from typing import cast

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from rasad_desktop.resources import resource

REGULAR = "Vazirmatn"
BOLD = "Vazirmatn-Bold"
_FILES = {REGULAR: "Vazirmatn-Regular.ttf", BOLD: "Vazirmatn-Bold.ttf"}
_lock = threading.Lock()
_registered = False


def register() -> None:
    """Register the fonts once per process (safe to call from any thread)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for name, file in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(resource("fonts", file))))
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, REGULAR)
        addMapping(REGULAR, 1, 1, BOLD)
        _registered = True


@lru_cache(maxsize=4)
def coverage(font: str) -> frozenset[int]:
    register()
    return frozenset(cast(TTFont, pdfmetrics.getFont(font)).face.charToGlyph)


@lru_cache(maxsize=8192)
def _substitute(ch: str, font: str) -> str:
    cmap = coverage(font)
    if ord(ch) in cmap:
        return ch
    if unicodedata.category(ch) in ("Cf", "Cc", "Zl", "Zp"):
        return ""  # invisible controls: nothing to draw
    for form in ("NFKC", "NFKD"):
        alt = unicodedata.normalize(form, ch)
        if alt != ch and alt and all(ord(c) in cmap for c in alt):
            return alt
    return "?"


def drawable(text: str, font: str = REGULAR) -> str:
    """``text`` with every character the font cannot draw replaced (see module doc)."""
    cmap = coverage(font)
    if all(ord(c) in cmap for c in text):
        return text
    return "".join(_substitute(c, font) for c in text)


def string_width(text: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, font, size)
