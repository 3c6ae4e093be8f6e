"""Digit forms: Persian (۰–۹), Arabic-Indic (٠–٩) and Latin (0–9)."""

from __future__ import annotations

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
LATIN_DIGITS = "0123456789"

_TO_LATIN = str.maketrans(PERSIAN_DIGITS + ARABIC_DIGITS, LATIN_DIGITS * 2)
_TO_PERSIAN = str.maketrans(LATIN_DIGITS + ARABIC_DIGITS, PERSIAN_DIGITS * 2)

THOUSANDS_SEP_FA = "\u066c"  # ٬ Arabic thousands separator
DECIMAL_SEP_FA = "\u066b"  # ٫ Arabic decimal separator
PERCENT_FA = "\u066a"  # ٪ Arabic percent sign
EM_DASH = "\u2014"  # — shown where a value does not exist


def to_latin_digits(text: str) -> str:
    """Replace Persian and Arabic-Indic digits by Latin ones; other characters stay."""
    return text.translate(_TO_LATIN)


def to_persian_digits(text: str) -> str:
    """Replace Latin and Arabic-Indic digits by Persian ones; other characters stay."""
    return text.translate(_TO_PERSIAN)


def localize_digits(text: str, digits: str = "fa") -> str:
    """Digits in the requested form: ``"fa"`` (Persian) or ``"latin"``."""
    if digits == "fa":
        return to_persian_digits(text)
    if digits == "latin":
        return to_latin_digits(text)
    raise ValueError(f"unknown digit form {digits!r}")


def is_digit_char(ch: str) -> bool:
    return ch in LATIN_DIGITS or ch in PERSIAN_DIGITS or ch in ARABIC_DIGITS
