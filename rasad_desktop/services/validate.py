"""Input checks shared by the services; each failure is a Persian ValidationError."""

from __future__ import annotations

import re

from rasad_desktop.core.amounts import AmountError, Unit, format_amount, parse_amount
from rasad_desktop.core.classification import CodeError, normalize_code
from rasad_desktop.core.errors import RasadError
from rasad_desktop.core.jalali import CalendarError, check_month, check_year
from rasad_desktop.core.text import normalize
from rasad_desktop.services.errors import ValidationError

# 10^17 rials is about twice Iran's whole yearly budget: anything above is a typing
# mistake, and the bound keeps every sum and A × n/12 inside a 64-bit integer.
MAX_BUDGET_AMOUNT = 10**17
BUDGET_COLUMNS = {"provincial": ("استانی", "provincial"), "national": ("ملی", "national")}


def _as_validation(err: RasadError) -> ValidationError:
    return ValidationError(err.message_fa, err.message_en, code=err.code)


def amount(value: object, what_fa: str, what_en: str, *, allow_negative: bool = False) -> int:
    """Integer rials from an int or typed text, within the budget bound."""
    if isinstance(value, bool):
        value = str(value)
    if isinstance(value, str):
        try:
            value = parse_amount(value, Unit.RIAL)
        except AmountError as err:
            raise ValidationError(f"{what_fa}: {err.message_fa}", f"{what_en}: {err.message_en}", code=err.code) from None
    if not isinstance(value, int):
        raise ValidationError(
            f"{what_fa} باید مبلغی به ریال باشد.", f"{what_en} must be an amount in rials.", code="amount_type"
        )
    if not allow_negative and value < 0:
        raise ValidationError(f"{what_fa} نمی‌تواند منفی باشد.", f"{what_en} cannot be negative.", code="negative")
    if abs(value) > MAX_BUDGET_AMOUNT:
        raise ValidationError(
            f"{what_fa} بیش از حد بزرگ است (بیشینه {format_amount(MAX_BUDGET_AMOUNT)} ریال).",
            f"{what_en} is too large (at most {MAX_BUDGET_AMOUNT:,} rials).",
            code="amount_range",
        )
    return value


def text(value: object, what_fa: str, what_en: str, *, max_len: int, required: bool = True,
         multiline: bool = False) -> str:
    """Normalised text (core.text.normalize); with ``multiline`` line breaks are kept
    (each line normalised, at most one empty line between paragraphs)."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(f"{what_fa} باید متن باشد.", f"{what_en} must be text.", code="text_type")
    if multiline:
        lines = [normalize(line) for line in re.split(r"\r\n|\r|\n", value)]
        cleaned = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    else:
        cleaned = normalize(value)
    if required and not cleaned:
        raise ValidationError(f"{what_fa} خالی است.", f"{what_en} is empty.", code="required")
    if len(cleaned) > max_len:
        raise ValidationError(
            f"{what_fa} بیش از حد طولانی است.", f"{what_en} is too long.", code="too_long"
        )
    if any(ord(c) < 32 and c != "\n" for c in cleaned):
        raise ValidationError(
            f"{what_fa} نویسهٔ کنترلی نامجاز دارد.", f"{what_en} contains a control character.", code="control"
        )
    return cleaned


def year(value: object) -> int:
    try:
        return check_year(value)
    except CalendarError as err:
        raise _as_validation(err) from None


def month(value: object) -> int:
    try:
        return check_month(value)
    except CalendarError as err:
        raise _as_validation(err) from None


def code(value: object) -> str:
    try:
        return normalize_code(value)
    except CodeError as err:
        raise _as_validation(err) from None


def budget_column(value: object) -> str:
    if value not in BUDGET_COLUMNS:
        raise ValidationError(
            "ستون بودجه باید «ملی» یا «استانی» باشد.",
            "The budget column must be national or provincial.",
            code="budget_column",
        )
    return str(value)
