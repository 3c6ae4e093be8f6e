"""The Jalali calendar as the fiscal year uses it (Public Accounting Law, art. 6).

A fiscal year runs from 1 Farvardin to the last day of Esfand: months 1–6 have 31 days,
7–11 have 30, Esfand 29 or 30 in a leap year. Conversion is jdatetime's; this module
adds fiscal periods, month names and Persian display.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

import jdatetime

from rasad_desktop.core.digits import localize_digits, to_latin_digits
from rasad_desktop.core.errors import RasadError

MONTHS_FA = (
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
)
MONTHS_EN = (
    "Farvardin",
    "Ordibehesht",
    "Khordad",
    "Tir",
    "Mordad",
    "Shahrivar",
    "Mehr",
    "Aban",
    "Azar",
    "Dey",
    "Bahman",
    "Esfand",
)
MIN_YEAR, MAX_YEAR = 1300, 1500  # a sane range for budget years


class CalendarError(RasadError):
    """A year, month or date that does not exist."""


def _shown(value: object) -> str:
    """A refused value as a message may quote it."""
    try:
        return str(value)
    except ValueError:  # an integer too long to be written out (Python's 4300-digit limit)
        return "…"


def check_year(year: object) -> int:
    if isinstance(year, bool) or not isinstance(year, int) or not MIN_YEAR <= year <= MAX_YEAR:
        shown = _shown(year)
        raise CalendarError(
            f"سال مالی «{localize_digits(shown)}» معتبر نیست؛ سالی بین "
            f"{localize_digits(str(MIN_YEAR))} و {localize_digits(str(MAX_YEAR))} وارد کنید.",
            f"Fiscal year '{shown}' is not valid; enter a year between {MIN_YEAR} and {MAX_YEAR}.",
            code="year",
        )
    return year


def check_month(month: object) -> int:
    if isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:
        shown = _shown(month)
        raise CalendarError(
            f"ماه «{localize_digits(shown)}» معتبر نیست؛ عددی از ۱ تا ۱۲ وارد کنید.",
            f"Month '{shown}' is not valid; enter a number from 1 to 12.",
            code="month",
        )
    return month


def month_name(month: int, language: str = "fa") -> str:
    check_month(month)
    return (MONTHS_EN if language == "en" else MONTHS_FA)[month - 1]


def is_leap(year: int) -> bool:
    """True when Esfand of ``year`` has 30 days (1403 is leap, 1404 is not)."""
    return bool(jdatetime.date(check_year(year), 1, 1).isleap())


def month_length(year: int, month: int) -> int:
    check_month(month)
    if month <= 6:
        return 31
    if month <= 11:
        return 30
    return 30 if is_leap(year) else 29


@dataclass(frozen=True, order=True)
class FiscalYear:
    year: int

    def __post_init__(self) -> None:
        check_year(self.year)

    @property
    def first_day(self) -> _dt.date:
        return jdatetime.date(self.year, 1, 1).togregorian()

    @property
    def last_day(self) -> _dt.date:
        return jdatetime.date(self.year, 12, month_length(self.year, 12)).togregorian()

    @property
    def days(self) -> int:
        return (self.last_day - self.first_day).days + 1

    def contains(self, day: _dt.date) -> bool:
        return self.first_day <= day <= self.last_day

    def previous(self) -> FiscalYear:
        return FiscalYear(self.year - 1)


@dataclass(frozen=True, order=True)
class Period:
    """The period «through month n» of a fiscal year: months 1..n."""

    year: int
    through_month: int

    def __post_init__(self) -> None:
        check_year(self.year)
        check_month(self.through_month)

    @property
    def months(self) -> range:
        return range(1, self.through_month + 1)

    @property
    def remaining_months(self) -> int:
        return 12 - self.through_month

    @property
    def last_day(self) -> _dt.date:
        m = self.through_month
        return jdatetime.date(self.year, m, month_length(self.year, m)).togregorian()

    def same_period_last_year(self) -> Period:
        return Period(self.year - 1, self.through_month)

    def label(self, language: str = "fa") -> str:
        """«از ابتدای فروردین تا پایان شهریور ۱۴۰۴» (domain.md, every report page)."""
        if language == "en":
            return f"From the start of Farvardin to the end of {month_name(self.through_month, 'en')} {self.year}"
        return (
            f"از ابتدای فروردین تا پایان {month_name(self.through_month)} "
            f"{localize_digits(str(self.year))}"
        )


def to_jalali(day: _dt.date | _dt.datetime) -> jdatetime.date:
    if isinstance(day, _dt.datetime):
        day = day.date()
    return jdatetime.date.fromgregorian(date=day)


def fiscal_month_of(day: _dt.date | _dt.datetime) -> tuple[int, int]:
    """(fiscal year, month) of a Gregorian day."""
    j = to_jalali(day)
    return j.year, j.month


def format_jalali(day: _dt.date | _dt.datetime | jdatetime.date, digits: str = "fa") -> str:
    """۱۴۰۴/۰۹/۳۰ (zero-padded, Persian digits by default)."""
    j = day if isinstance(day, jdatetime.date) else to_jalali(day)
    return localize_digits(f"{j.year:04d}/{j.month:02d}/{j.day:02d}", digits)


def format_jalali_long(day: _dt.date | _dt.datetime | jdatetime.date, language: str = "fa") -> str:
    """۳۰ آذر ۱۴۰۴ / 30 Azar 1404."""
    j = day if isinstance(day, jdatetime.date) else to_jalali(day)
    if language == "en":
        return f"{j.day} {month_name(j.month, 'en')} {j.year}"
    return f"{localize_digits(str(j.day))} {month_name(j.month)} {localize_digits(str(j.year))}"


_DATE_RE = re.compile(r"([0-9]{4})\s*[/\-.]\s*([0-9]{1,2})\s*[/\-.]\s*([0-9]{1,2})")


def parse_jalali(text: str) -> _dt.date:
    """Read ۱۴۰۴/۰۹/۳۰ (any digit form, / - or . as separators) as a Gregorian date."""
    m = _DATE_RE.fullmatch(to_latin_digits(text.strip()))
    if not m:
        raise CalendarError(
            f"تاریخ «{text}» معتبر نیست؛ به صورت ۱۴۰۴/۰۹/۳۰ وارد کنید.",
            f"Date '{text}' is not valid; use the form 1404/09/30.",
            code="date",
        )
    y, mo, d = (int(g) for g in m.groups())
    check_year(y)
    check_month(mo)
    if not 1 <= d <= month_length(y, mo):
        raise CalendarError(
            f"ماه {month_name(mo)} سال {localize_digits(str(y))} روز "
            f"{localize_digits(str(d))} ندارد.",
            f"{month_name(mo, 'en')} {y} has no day {d}.",
            code="date",
        )
    return jdatetime.date(y, mo, d).togregorian()


def last_completed_month(today: _dt.date) -> tuple[int, int]:
    """The (year, month) of the last fully elapsed fiscal month before ``today``."""
    y, m = fiscal_month_of(today)
    return (y - 1, 12) if m == 1 else (y, m - 1)
