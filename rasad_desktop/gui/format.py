"""Numbers and dates as the interface shows them: Persian digits in Persian, Latin in English."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from rasad_desktop.core.amounts import Unit, format_amount, format_ratio
from rasad_desktop.core.digits import localize_digits
from rasad_desktop.core.jalali import format_jalali, month_name


def money(rials: int, unit: Unit, language: str) -> str:
    return format_amount(rials, unit, digits="latin" if language == "en" else "fa")


def exact_money(rials: int, unit: Unit, language: str) -> str:
    """An amount in ``unit`` with every digit, so editing it never loses rials to rounding."""
    text = format_amount(rials, unit, decimals=unit.exponent, digits="latin" if language == "en" else "fa")
    sep = "." if language == "en" else "\u066b"
    return text.rstrip("0").rstrip(sep) if sep in text else text


def percent(value: Fraction | None, language: str) -> str:
    return format_ratio(value, digits="latin" if language == "en" else "fa")


def number(n: int | str, language: str) -> str:
    return str(n) if language == "en" else localize_digits(str(n))


def month(m: int, language: str) -> str:
    return month_name(m, language)


def date(day: dt.date | dt.datetime, language: str) -> str:
    return format_jalali(day, "latin" if language == "en" else "fa")


def date_time(utc: dt.datetime, language: str) -> str:
    """A stored (naive UTC) time as this computer's local Jalali date and hh:mm."""
    local = utc.replace(tzinfo=dt.UTC).astimezone()
    return f"{date(local, language)} {number(f'{local.hour:02d}:{local.minute:02d}', language)}"


LRM = "\u200e"


def ltr(text: str) -> str:
    """A code or Latin text kept in its own left-to-right order inside right-to-left text:
    without the marks «۰۴۰۹۳۰-۰۳۰۰۱۲-۸» or 7844-A7A9-DE9E shows with its groups reversed."""
    return f"{LRM}{text}{LRM}"


def isolate(text: str) -> str:
    """A name of unknown direction (a file name, a user name) set apart from its neighbours:
    without it «نامه.pdf — ۲ KB» shows as «نامه.۲ — pdf KB»."""
    return f"\u2068{text}\u2069"
