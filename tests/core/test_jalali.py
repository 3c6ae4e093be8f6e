"""Tests for rasad_desktop.core.jalali: the fiscal calendar.

Anchor facts (domain.md and public calendars): 1403 is a leap year, 1404-01-01 is
2025-03-21, 1403-01-01 is 2024-03-20; months 1–6 have 31 days, 7–11 have 30, Esfand 29/30.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from rasad_desktop.core.jalali import (
    MONTHS_EN,
    MONTHS_FA,
    CalendarError,
    FiscalYear,
    Period,
    check_month,
    check_year,
    fiscal_month_of,
    format_jalali,
    format_jalali_long,
    is_leap,
    last_completed_month,
    month_length,
    month_name,
    parse_jalali,
)

PERSIAN_LETTER = re.compile(r"[\u0622-\u063a\u0641-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc]")


def assert_calendar_error(func, *args):
    with pytest.raises(CalendarError) as info:
        func(*args)
    assert PERSIAN_LETTER.search(info.value.message_fa), info.value.message_fa
    assert info.value.message_en
    return info.value


# ----------------------------------------------------------------- leap years, months
@pytest.mark.parametrize("year, leap", [(1399, True), (1400, False), (1401, False), (1402, False), (1403, True), (1404, False)])
def test_is_leap(year, leap):
    assert is_leap(year) is leap


def test_is_leap_named_cases():
    assert is_leap(1403) is True
    assert is_leap(1404) is False


@pytest.mark.parametrize("month", range(1, 7))
def test_first_six_months_have_31_days(month):
    assert month_length(1403, month) == 31
    assert month_length(1404, month) == 31


@pytest.mark.parametrize("month", range(7, 12))
def test_months_7_to_11_have_30_days(month):
    assert month_length(1403, month) == 30
    assert month_length(1404, month) == 30


def test_esfand_length():
    assert month_length(1403, 12) == 30
    assert month_length(1404, 12) == 29
    assert month_length(1399, 12) == 30


@pytest.mark.parametrize("year", [1399, 1400, 1401, 1402, 1403, 1404, 1405])
def test_month_lengths_add_up_to_year(year):
    # 6·31 + 5·30 + Esfand = 336 + Esfand
    assert sum(month_length(year, m) for m in range(1, 13)) == 336 + month_length(year, 12)
    assert sum(month_length(year, m) for m in range(1, 13)) == FiscalYear(year).days


# ----------------------------------------------------------------- FiscalYear
def test_fiscal_year_first_and_last_days():
    fy = FiscalYear(1404)
    assert fy.first_day == dt.date(2025, 3, 21)
    # 365 days: 2025-03-21 + 364 days = 2026-03-20
    assert fy.last_day == dt.date(2026, 3, 20)
    assert FiscalYear(1403).first_day == dt.date(2024, 3, 20)
    assert FiscalYear(1403).last_day == dt.date(2025, 3, 20)  # 1403/12/30


def test_fiscal_year_days():
    assert FiscalYear(1403).days == 366
    assert FiscalYear(1404).days == 365


def test_fiscal_year_contains_and_previous():
    fy = FiscalYear(1404)
    assert fy.contains(dt.date(2025, 3, 21))
    assert fy.contains(dt.date(2026, 3, 20))
    assert not fy.contains(dt.date(2025, 3, 20))
    assert not fy.contains(dt.date(2026, 3, 21))
    assert fy.previous() == FiscalYear(1403)
    assert FiscalYear(1403) < FiscalYear(1404)


@pytest.mark.parametrize("year", [0, 1299, 1501, -1404])
def test_fiscal_year_out_of_range(year):
    assert_calendar_error(FiscalYear, year)


# ----------------------------------------------------------------- Period
def test_period_label():
    assert Period(1404, 6).label() == "از ابتدای فروردین تا پایان شهریور ۱۴۰۴"
    assert Period(1403, 12).label() == "از ابتدای فروردین تا پایان اسفند ۱۴۰۳"
    assert Period(1404, 1).label() == "از ابتدای فروردین تا پایان فروردین ۱۴۰۴"
    assert Period(1404, 9).label("en") == "From the start of Farvardin to the end of Azar 1404"


@pytest.mark.parametrize("month, remaining", [(1, 11), (6, 6), (11, 1), (12, 0)])
def test_period_remaining_months(month, remaining):
    assert Period(1404, month).remaining_months == remaining


def test_period_months_and_last_day():
    assert list(Period(1404, 6).months) == [1, 2, 3, 4, 5, 6]
    assert list(Period(1404, 1).months) == [1]
    # 1404/06/31 = 2025-03-21 + 185 days = 2025-09-22
    assert Period(1404, 6).last_day == dt.date(2025, 9, 22)
    assert Period(1403, 12).last_day == dt.date(2025, 3, 20)
    assert Period(1404, 12).last_day == dt.date(2026, 3, 20)


def test_same_period_last_year():
    assert Period(1404, 6).same_period_last_year() == Period(1403, 6)
    assert Period(1404, 12).same_period_last_year() == Period(1403, 12)


@pytest.mark.parametrize("month", [0, 13, -1])
def test_period_bad_month(month):
    assert_calendar_error(Period, 1404, month)


# ----------------------------------------------------------------- formatting
def test_format_jalali():
    # 1404/07/01 = 2025-09-23; Mehr 30 → Aban 1 = 2025-10-23; Aban 30 → Azar 1 = 2025-11-22;
    # Azar 30 = 2025-12-21
    assert format_jalali(dt.date(2025, 12, 21)) == "۱۴۰۴/۰۹/۳۰"
    assert format_jalali(dt.date(2025, 12, 21), digits="latin") == "1404/09/30"
    assert format_jalali(dt.date(2025, 3, 21)) == "۱۴۰۴/۰۱/۰۱"
    assert format_jalali(dt.date(2025, 3, 20)) == "۱۴۰۳/۱۲/۳۰"
    assert format_jalali(dt.datetime(2025, 12, 22, 23, 59)) == "۱۴۰۴/۱۰/۰۱"


def test_format_jalali_long():
    assert format_jalali_long(dt.date(2025, 12, 21)) == "۳۰ آذر ۱۴۰۴"
    assert format_jalali_long(dt.date(2025, 12, 21), "en") == "30 Azar 1404"


# ----------------------------------------------------------------- parsing
@pytest.mark.parametrize("text", ["۱۴۰۴/۰۹/۳۰", "1404/09/30", "1404-9-30", "١٤٠٤.٠٩.٣٠", " 1404 / 09 / 30 "])
def test_parse_jalali_forms(text):
    assert parse_jalali(text) == dt.date(2025, 12, 21)


def test_parse_jalali_esfand_30():
    assert parse_jalali("1403/12/30") == dt.date(2025, 3, 20)
    assert parse_jalali("۱۴۰۴/۱۲/۲۹") == dt.date(2026, 3, 20)
    assert_calendar_error(parse_jalali, "1404/12/30")
    assert_calendar_error(parse_jalali, "۱۴۰۴/۱۲/۳۰")


@pytest.mark.parametrize(
    "text",
    ["1404/07/31", "1404/06/32", "1404/13/01", "1404/00/10", "1404/01/00", "14040930", "abc", "", "04/09/30", "1299/01/01"],
)
def test_parse_jalali_refuses(text):
    assert_calendar_error(parse_jalali, text)


@pytest.mark.parametrize("year", [1403, 1404])
def test_parse_format_round_trip_every_day(year):
    fy = FiscalYear(year)
    day = fy.first_day
    count = 0
    while day <= fy.last_day:
        assert parse_jalali(format_jalali(day)) == day
        assert parse_jalali(format_jalali(day, digits="latin")) == day
        day += dt.timedelta(days=1)
        count += 1
    assert count == (366 if year == 1403 else 365)


# ----------------------------------------------------------------- checks
@pytest.mark.parametrize("month", [0, 13, -1, True, False, "6", 6.0, None])
def test_check_month_refuses(month):
    assert_calendar_error(check_month, month)


@pytest.mark.parametrize("month", range(1, 13))
def test_check_month_accepts(month):
    assert check_month(month) == month


@pytest.mark.parametrize("year", [0, 13, 1299, 1501, True, "1404", 1404.0, None])
def test_check_year_refuses(year):
    assert_calendar_error(check_year, year)


def test_check_year_accepts():
    assert check_year(1404) == 1404
    assert check_year(1300) == 1300
    assert check_year(1500) == 1500


# ----------------------------------------------------------------- month names
def test_month_names():
    assert month_name(1) == "فروردین"
    assert month_name(6) == "شهریور"
    assert month_name(9) == "آذر"
    assert month_name(12) == "اسفند"
    assert month_name(1, "en") == "Farvardin"
    assert month_name(9, "en") == "Azar"
    assert month_name(12, "en") == "Esfand"
    assert [month_name(m) for m in range(1, 13)] == [
        "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
        "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند",
    ]
    assert len(MONTHS_FA) == len(MONTHS_EN) == 12
    assert_calendar_error(month_name, 13)
    assert_calendar_error(month_name, 0)


# ----------------------------------------------------------------- last completed month
@pytest.mark.parametrize(
    "today, expected",
    [
        (dt.date(2025, 12, 21), (1404, 8)),  # 1404/09/30: Azar not over yet
        (dt.date(2025, 12, 22), (1404, 9)),  # 1404/10/01
        (dt.date(2025, 3, 21), (1403, 12)),  # 1404/01/01: the year before ended
        (dt.date(2025, 3, 20), (1403, 11)),  # 1403/12/30
        (dt.date(2025, 4, 20), (1403, 12)),  # 1404/01/31
        (dt.date(2025, 4, 21), (1404, 1)),  # 1404/02/01
    ],
)
def test_last_completed_month(today, expected):
    assert last_completed_month(today) == expected


def test_fiscal_month_of():
    assert fiscal_month_of(dt.date(2025, 3, 20)) == (1403, 12)
    assert fiscal_month_of(dt.date(2025, 3, 21)) == (1404, 1)
    assert fiscal_month_of(dt.datetime(2025, 9, 23, 8, 0)) == (1404, 7)
