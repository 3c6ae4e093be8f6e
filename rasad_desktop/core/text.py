"""Persian text normalisation for input, search and sorting.

Arabic ي ى and ك become Persian ی and ک (otherwise «ماليات» and «مالیات» are two
different agencies to the database); Arabic-Indic digits become Persian; runs of white
space become one space. The zero-width non-joiner (ZWNJ, U+200C) is part of Persian
spelling («می‌شود») and is kept inside words; only a stray one next to a space or at an
edge is dropped.
"""

from __future__ import annotations

import re
import unicodedata

from rasad_desktop.core.digits import ARABIC_DIGITS, LATIN_DIGITS, PERSIAN_DIGITS

ZWNJ = "\u200c"
# marks that change the order text is shown in, not what it says: «۱۲۳» with one may show as «۳۲۱»
BIDI_CONTROLS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

_LETTERS = str.maketrans(
    {
        "ي": "ی",
        "ى": "ی",
        "ك": "ک",
        "\u0640": None,  # tatweel: decorative stretching
    }
    | {ch: None for ch in BIDI_CONTROLS + "\ufeff"}
)
_ARABIC_TO_PERSIAN_DIGITS = str.maketrans(ARABIC_DIGITS, PERSIAN_DIGITS)
_LATIN_TO_PERSIAN_DIGITS = str.maketrans(LATIN_DIGITS, PERSIAN_DIGITS)
_SPACE = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_GAP = re.compile(f"[ {ZWNJ}]+")  # a run of spaces and ZWNJs


def normalize(text: str, *, persian_digits: bool = False) -> str:
    """Normalise a name, title or free text typed or pasted by a user.

    Arabic-Indic digits always become Persian; with ``persian_digits`` Latin ones do
    too (Latin digits in a title may be deliberate, e.g. «ماده 5», so not by default).
    """
    text = unicodedata.normalize("NFC", text).translate(_LETTERS)
    text = text.translate(_ARABIC_TO_PERSIAN_DIGITS)
    if persian_digits:
        text = text.translate(_LATIN_TO_PERSIAN_DIGITS)
    text = _SPACE.sub(" ", text)
    text = _GAP.sub(_one_space_or_zwnj, text).strip(" " + ZWNJ)
    # removing tatweel or a direction mark can bring a letter and its combining mark
    # together: compose again, so that normalising twice gives the same text
    return unicodedata.normalize("NFC", text)


def _one_space_or_zwnj(m: re.Match[str]) -> str:
    """A run with a space becomes one space (a ZWNJ beside a space is stray); a run of
    ZWNJs inside a word becomes one ZWNJ."""
    return " " if " " in m.group(0) else ZWNJ


def search_key(text: str) -> str:
    """A key for searching and sorting: normalised, case-folded, ZWNJ treated as a space.

    «می‌شود», «می شود» and «ميشود»→«میشود» are close enough for a person searching; the
    first two get the same key.
    """
    key = normalize(text).replace(ZWNJ, " ").casefold()
    key = key.translate(str.maketrans(PERSIAN_DIGITS, LATIN_DIGITS))
    return _SPACE.sub(" ", key).strip()


def display_width(text: str) -> int:
    """Terminal columns a string takes: combining marks and format characters take none."""
    width = 0
    for ch in text:
        cat = unicodedata.category(ch)
        if cat in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width
