"""Amounts of money: parsing what a person types, and formatting integer rials.

Money is always an ``int`` of rials; there is no ``float`` anywhere in this module.

Rounding rule: when an amount is shown in million or billion rials it is rounded half
away from zero (``core.rounding.div_round``), so 1,500,000 rials is «۲» million and
−1,500,000 is «−۲». Parsing never rounds: a typed amount that is not a whole number of
rials (e.g. «۱٫۲۳۴۵۶۷۸ میلیون ریال») is refused with a message instead.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from fractions import Fraction

from rasad_desktop.core.digits import (
    DECIMAL_SEP_FA,
    EM_DASH,
    PERCENT_FA,
    THOUSANDS_SEP_FA,
    localize_digits,
    to_latin_digits,
)
from rasad_desktop.core.errors import RasadError
from rasad_desktop.core.rounding import div_round, round_fraction
from rasad_desktop.core.text import BIDI_CONTROLS

MAX_AMOUNT = 2**63 - 1  # a signed 64-bit BigInteger column
MINUS_FA = "\u200e\u2212"  # LRM + minus sign, as QLocale("fa_IR") writes it
_MAX_INPUT_CHARS = 200


@dataclass(frozen=True)
class _UnitInfo:
    key: str
    exponent: int
    label_fa: str
    label_en: str


class Unit(enum.Enum):
    """The units a report or an input field may use."""

    RIAL = _UnitInfo("rial", 0, "ریال", "rials")
    MILLION = _UnitInfo("million", 6, "میلیون ریال", "million rials")
    BILLION = _UnitInfo("billion", 9, "میلیارد ریال", "billion rials")

    @property
    def key(self) -> str:
        return self.value.key

    @property
    def exponent(self) -> int:
        return self.value.exponent

    @property
    def factor(self) -> int:
        return 10**self.value.exponent

    def label(self, language: str = "fa") -> str:
        return self.value.label_en if language == "en" else self.value.label_fa

    @classmethod
    def from_key(cls, key: str | Unit) -> Unit:
        """Accepts ``rial``/``million``/``billion`` or a Persian or English label."""
        if isinstance(key, Unit):
            return key
        wanted = _clean(key).strip().lower()
        for unit in cls:
            if wanted == unit.key:
                return unit
        found = _UNIT_WORDS.get(wanted.replace(" ", ""))
        if found is None:
            raise AmountError(
                f"واحد «{key}» شناخته نیست؛ یکی از ریال، میلیون ریال یا میلیارد ریال را انتخاب کنید.",
                f"Unknown unit '{key}'; choose rials, million rials or billion rials.",
                code="unit",
            )
        return found


# Words a person may type after a number, with spaces removed (Persian ی/ک).
_UNIT_WORDS: dict[str, Unit] = {
    "ریال": Unit.RIAL,
    "rial": Unit.RIAL,
    "rials": Unit.RIAL,
    "میلیونریال": Unit.MILLION,
    "میلیون": Unit.MILLION,
    "millionrial": Unit.MILLION,
    "millionrials": Unit.MILLION,
    "million": Unit.MILLION,
    "میلیاردریال": Unit.BILLION,
    "میلیارد": Unit.BILLION,
    "billionrial": Unit.BILLION,
    "billionrials": Unit.BILLION,
    "billion": Unit.BILLION,
}


class AmountError(RasadError):
    """A typed amount that cannot be read as whole rials."""


# Invisible marks that copy-and-paste brings along; they never change the value.
_INVISIBLE = dict.fromkeys(
    map(ord, "\u200c\u200d\ufeff" + BIDI_CONTROLS),
    None,
)
_SPACES = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_GROUP_CHARS = ",\u066c\u060c \u2019'"  # , ٬ ، space ’ '
_DECIMAL_CHARS = ".\u066b/"  # . ٫ /
_MINUS_CHARS = "-\u2212\u2013\u2010\u2011\ufe63\uff0d"
_UNIT_RE = re.compile(
    r"(?P<unit>میلیارد ?ریال|میلیون ?ریال|میلیارد|میلیون|ریال"
    r"|billion ?rials?|million ?rials?|billion|million|rials?)$",
    re.IGNORECASE,
)
_NUMBER_RE = re.compile(r"(?P<int>[0-9][0-9" + re.escape(_GROUP_CHARS) + r"]*)?"
                        r"(?:[" + re.escape(_DECIMAL_CHARS) + r"](?P<frac>[0-9]*))?")
_GROUPED_RE = re.compile(r"[0-9]{1,3}(?:[" + re.escape(_GROUP_CHARS) + r"][0-9]{3})*")


def _clean(text: str) -> str:
    text = text.translate(_INVISIBLE).replace("ي", "ی").replace("ى", "ی").replace("ك", "ک")
    return _SPACES.sub(" ", text)


def _error(kind: str, shown: str, **extra: object) -> AmountError:
    messages = {
        "type": ("مبلغ باید به صورت متن وارد شود.", "The amount must be given as text."),
        "empty": ("مبلغ وارد نشده است.", "No amount was entered."),
        "long": ("مبلغ واردشده بیش از حد طولانی است.", "The amount is too long."),
        "chars": (
            f"«{shown}» مبلغ معتبری نیست؛ فقط رقم، جداکنندهٔ هزارگان (٬ یا ,) "
            "و یکی از واحدهای ریال، میلیون ریال یا میلیارد ریال پذیرفته می‌شود.",
            f"'{shown}' is not a valid amount; use digits, a thousands separator "
            "and optionally rials, million rials or billion rials.",
        ),
        "grouping": (
            f"جداکنندهٔ هزارگان در «{shown}» نابجاست؛ هر گروه پس از جداکننده باید سه رقم باشد.",
            f"The thousands separators in '{shown}' are misplaced; each group must have three digits.",
        ),
        "fraction": (
            f"«{shown}» عدد صحیحی از ریال نیست؛ با واحد «{extra.get('unit_fa')}» "
            f"حداکثر {localize_digits(str(extra.get('places')))} رقم اعشار پذیرفته می‌شود.",
            f"'{shown}' is not a whole number of rials; with {extra.get('unit_en')} "
            f"at most {extra.get('places')} decimal places are allowed.",
        ),
        "range": (
            f"مبلغ «{shown}» بیش از حد بزرگ است.",
            f"The amount '{shown}' is too large.",
        ),
    }
    fa, en = messages[kind]
    return AmountError(fa, en, code=kind)


def parse_amount(text: object, unit: Unit | str = Unit.RIAL) -> int:
    """Read a typed amount as integer rials.

    ``unit`` is the unit the field is in; a unit written after the number («۱٫۵ میلیارد
    ریال») takes precedence. Accepts Persian, Arabic-Indic and Latin digits, ٬ , ، or
    space as thousands separators (in groups of three), ٫ . or / as the decimal
    separator, a leading or trailing minus, or accounting parentheses for a negative.
    """
    if not isinstance(text, str):
        raise _error("type", "")
    if len(text) > _MAX_INPUT_CHARS:
        raise _error("long", "")
    field_unit = Unit.from_key(unit)
    shown = text.strip()
    s = to_latin_digits(_clean(text)).strip()
    if not s:
        raise _error("empty", shown)

    s, field_unit = _take_unit(s, field_unit, shown)
    negative = False
    if s.startswith("(") and s.endswith(")"):
        # accounting negative: «(1,000)», «(1,000) ریال» or «(1,000 ریال)»; a sign inside is ambiguous
        s, field_unit = _take_unit(s[1:-1].strip(), field_unit, shown)
        if not s or s[0] in _MINUS_CHARS + "+" or s[-1] in _MINUS_CHARS:
            raise _error("chars", shown)
        negative = True
    elif s[:1] in _MINUS_CHARS:
        negative, s = True, s[1:].strip()
    elif s[-1:] in _MINUS_CHARS:
        negative, s = True, s[:-1].strip()
    elif s[:1] == "+":
        s = s[1:].strip()

    nm = _NUMBER_RE.fullmatch(s)
    if not nm:
        raise _error("chars", shown)
    int_part, frac = nm.group("int") or "0", nm.group("frac") or ""
    if not nm.group("int") and not frac:
        raise _error("chars", shown)
    if int_part[-1] in _GROUP_CHARS:
        raise _error("grouping", shown)
    if any(c in _GROUP_CHARS for c in int_part) and not _GROUPED_RE.fullmatch(int_part):
        raise _error("grouping", shown)
    digits = re.sub(r"[^0-9]", "", int_part)
    frac = frac.rstrip("0")
    if len(digits.lstrip("0")) > 19 + 1:
        raise _error("range", shown)
    if len(frac) > field_unit.exponent:
        raise _error(
            "fraction",
            shown,
            unit_fa=field_unit.label("fa"),
            unit_en=field_unit.label("en"),
            places=field_unit.exponent,
        )
    value = int(digits) * field_unit.factor + (int(frac) * 10 ** (field_unit.exponent - len(frac)) if frac else 0)
    if value > MAX_AMOUNT:
        raise _error("range", shown)
    return -value if negative else value


def _take_unit(s: str, unit: Unit, shown: str) -> tuple[str, Unit]:
    """Split a unit written after the number off ``s``."""
    m = _UNIT_RE.search(s)
    if not m:
        return s, unit
    typed = _UNIT_WORDS.get(m.group("unit").lower().replace(" ", ""))
    if typed is None:  # e.g. a Turkish dotted İ matched case-insensitively
        raise _error("chars", shown)
    return s[: m.start()].strip(), typed


def _group(digits: str, sep: str) -> str:
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return sep.join(parts)


def format_amount(
    rials: int,
    unit: Unit | str = Unit.RIAL,
    *,
    decimals: int = 0,
    digits: str = "fa",
    grouping: bool = True,
    with_unit: bool = False,
    language: str | None = None,
) -> str:
    """Integer rials shown in ``unit``, rounded half away from zero to ``decimals``.

    Persian: «۱٬۲۳۴٬۵۶۷», negative «‎−۱٬۲۳۴» (as QLocale fa_IR writes it). With
    ``digits="latin"``: «1,234,567» and «-1,234».
    """
    if isinstance(rials, bool) or not isinstance(rials, int):
        raise TypeError(f"amounts are integer rials, not {type(rials).__name__}")
    u = Unit.from_key(unit)
    scaled = div_round(rials * 10**decimals, u.factor)
    return _format_scaled(scaled, decimals, digits, grouping) + (
        " " + u.label(language or ("en" if digits == "latin" else "fa")) if with_unit else ""
    )


def _format_scaled(scaled: int, decimals: int, digits: str, grouping: bool) -> str:
    persian = digits == "fa"
    text = str(abs(scaled)).rjust(decimals + 1, "0")
    int_part, frac = (text[:-decimals], text[-decimals:]) if decimals else (text, "")
    if grouping:
        int_part = _group(int_part, THOUSANDS_SEP_FA if persian else ",")
    if frac:
        int_part += (DECIMAL_SEP_FA if persian else ".") + frac
    if scaled < 0:
        int_part = (MINUS_FA if persian else "-") + int_part
    return localize_digits(int_part, "fa" if persian else "latin")


def format_ratio(value: Fraction | None, *, decimals: int = 1, digits: str = "fa") -> str:
    """A ratio as a percentage: Fraction(853, 1000) → «۸۵٫۳٪»; None → «—»."""
    if value is None:
        return EM_DASH
    scaled = round_fraction(Fraction(value) * 100, decimals)
    sign = PERCENT_FA if digits == "fa" else "%"
    return _format_scaled(scaled, decimals, digits, True) + sign


def format_points(value: Fraction | None, *, decimals: int = 1, digits: str = "fa") -> str:
    """A change between two rates, in percentage points (واحد درصد), without a % sign."""
    if value is None:
        return EM_DASH
    return _format_scaled(round_fraction(Fraction(value), decimals), decimals, digits, True)
