"""Whole numbers spelled out in formal Persian, as on cheques and official letters.

The base scales are هزار (10³), میلیون (10⁶) and میلیارد (10⁹). Larger scales
are built from them, as Iranian budget and official documents do, instead of
using بیلیون/تریلیون (whose meaning differs between the short and long scales):

* 10¹² is «هزار میلیارد», so 5×10¹² is «پنج هزار میلیارد»;
* 10¹⁵ is «یک میلیون میلیارد» and 10¹⁸ is «یک میلیارد میلیارد».

A number is read in three parts, each below 10⁹: the میلیارد میلیارد part, the
میلیارد part and the rest. The words before a scale multiply it as a whole, so
1,234×10¹² + 5 is «یک میلیون و دویست و سی و چهار هزار میلیارد و پنج».
A thousands group of exactly one is «هزار», never «یک هزار» (1000 is «هزار»,
1001 is «هزار و یک», 10¹² is «هزار میلیارد»); every other scale keeps «یک».
Parts are joined with « و »; a negative number starts with «منفی ».
"""

from __future__ import annotations

MAX_MAGNITUDE = 10**21 - 1  # the largest absolute value number_to_words accepts

ZERO = "صفر"
MINUS = "منفی"
AND = " و "
THOUSAND = "هزار"
MILLION = "میلیون"
BILLION = "میلیارد"

_ONES = ("", "یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه")
_TEENS = ("ده", "یازده", "دوازده", "سیزده", "چهارده", "پانزده", "شانزده", "هفده", "هجده", "نوزده")
_TENS = ("", "", "بیست", "سی", "چهل", "پنجاه", "شصت", "هفتاد", "هشتاد", "نود")
_HUNDREDS = ("", "صد", "دویست", "سیصد", "چهارصد", "پانصد", "ششصد", "هفتصد", "هشتصد", "نهصد")

_BILLION = 10**9


def _below_thousand(n: int) -> list[str]:
    """The parts of 1 ≤ n < 1000, to be joined with « و »."""
    hundreds, rest = divmod(n, 100)
    parts = [_HUNDREDS[hundreds]] if hundreds else []
    if 10 <= rest < 20:
        parts.append(_TEENS[rest - 10])
    else:
        tens, ones = divmod(rest, 10)
        if tens:
            parts.append(_TENS[tens])
        if ones:
            parts.append(_ONES[ones])
    return parts


def _below_billion(n: int) -> str:
    """1 ≤ n < 10⁹ in words, with the scales هزار and میلیون."""
    millions, rest = divmod(n, 10**6)
    thousands, units = divmod(rest, 1000)
    parts = []
    if millions:
        parts.append(AND.join(_below_thousand(millions)) + " " + MILLION)
    if thousands == 1:
        parts.append(THOUSAND)
    elif thousands:
        parts.append(AND.join(_below_thousand(thousands)) + " " + THOUSAND)
    if units:
        parts.extend(_below_thousand(units))
    return AND.join(parts)


def number_to_words(n: int) -> str:
    """``n`` spelled out in formal Persian: 2500 → «دو هزار و پانصد».

    Accepts any ``int`` with ``abs(n) <= MAX_MAGNITUDE`` (10²¹ − 1); raises
    ``TypeError`` for ``bool`` and non-integers, ``ValueError`` beyond the range.
    See the module docstring for the scales used above 10⁹.
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"number_to_words needs an int, not {type(n).__name__}")
    if abs(n) > MAX_MAGNITUDE:
        raise ValueError(f"number_to_words handles at most 10**21 - 1 in absolute value, got {n}")
    if n == 0:
        return ZERO
    if n < 0:
        return MINUS + " " + number_to_words(-n)
    top, rest = divmod(n, _BILLION * _BILLION)
    billions, units = divmod(rest, _BILLION)
    parts = []
    if top:
        parts.append(_below_billion(top) + " " + BILLION + " " + BILLION)
    if billions:
        parts.append(_below_billion(billions) + " " + BILLION)
    if units:
        parts.append(_below_billion(units))
    return AND.join(parts)


def amount_in_words(rials: int, unit_label: str = "ریال") -> str:
    """An amount in words followed by its unit: 2500 → «دو هزار و پانصد ریال».

    With an empty ``unit_label`` only the number is returned, without a trailing space.
    """
    words = number_to_words(rials)
    return f"{words} {unit_label}" if unit_label else words
