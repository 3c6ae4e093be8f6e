"""Amounts in running text, in figures and in words, each in the unit it reads best in.

A letter's reader takes in «۱۵۹٬۷۰۰ میلیارد ریال» at a glance, where «۱۵۹٬۷۰۰٬۰۰۰ میلیون
ریال» must be counted; so each amount gets the smallest unit in which its figure has at
most six digits. The words are of that figure, with the unit inside the parentheses:
«۱۵۹٬۷۰۰ میلیارد ریال (صد و پنجاه و نه هزار و هفتصد میلیارد ریال)». An amount that is
not a whole number of that unit is rounded half away from zero (``core.rounding``, as
the tables are) and said to be approximate: «حدود …».
"""

from __future__ import annotations

from rasad_desktop.core.amounts import Unit, format_amount
from rasad_desktop.core.rounding import div_round
from rasad_desktop.core.words import number_to_words

MAX_DIGITS = 6
ABOUT = "حدود"
UNITS = (Unit.RIAL, Unit.MILLION, Unit.BILLION)


def unit_for(rials: int) -> Unit:
    """The smallest unit in which ``rials`` has at most six digits (billions beyond)."""
    for unit in UNITS:
        if abs(div_round(rials, unit.factor)) < 10**MAX_DIGITS:
            return unit
    return Unit.BILLION


def in_words(rials: int) -> str:
    """«[حدود ]figure unit (words unit)»."""
    unit = unit_for(rials)
    figure = div_round(rials, unit.factor)
    about = f"{ABOUT} " if figure * unit.factor != rials else ""
    return f"{about}{format_amount(rials, unit)} {unit.label()} ({number_to_words(figure)} {unit.label()})"
