"""Response times per month of registration × kind, computed by hand on a few requests
registered and answered at chosen times (``now=``), and the holiday table's service.

Policy (defaults): request 10, complaint 7, suggestion 15 working days; Thursday off.
Calendar used below (Gregorian weekday in brackets):
    1404/02/01 = 2025-04-21 [Mon]      1404/03/03 = 2025-05-24 [Sat]
    1404/03/10 = 2025-05-31 [Sat]      1404/03/14 = 2025-06-04 [Wed, holiday]
    1404/03/15 = 2025-06-05 [Thu, holiday and a Thursday]
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from sqlalchemy import select

from rasad_desktop.core.jalali import parse_jalali
from rasad_desktop.core.stats import StatRow
from rasad_desktop.db.models import AuditLog, Holiday
from rasad_desktop.services import holidays, office, report_kinds, request_stats, requests
from rasad_desktop.services.errors import Conflict, NotFound, PermissionDenied, ValidationError

TODAY = dt.date(2025, 7, 1)  # the day the figures are counted (for «overdue»)


def at(day: str, hour: int = 9) -> dt.datetime:
    """A stored time (naive UTC) on a Jalali day; mid-morning UTC is the same local day
    anywhere from UTC−9 to UTC+14."""
    return dt.datetime.combine(parse_jalali(day), dt.time(hour))


def g(y: int, m: int, d: int) -> dt.datetime:
    return dt.datetime(y, m, d, 9)


def new(kind: str, subject: str = "موضوع") -> requests.NewRequest:
    return requests.NewRequest(kind, "in_person", "زهرا کریمی", "0499370899", "09141234567", subject, "متن")


def register(session, actor, kind: str, day: str) -> str:  # type: ignore[no-untyped-def]
    return requests.register(session, actor, new(kind), workstation=1, now=at(day)).tracking_code


@pytest.fixture
def registered(session, admin):  # type: ignore[no-untyped-def]
    """Seven requests of 1404 and one each of 1403 and 1405 (not counted in 1404)."""
    holidays.seed_official_holidays(session, admin, 1404)
    codes = {}
    codes["R1"] = register(session, admin, "request", "1404/02/01")
    codes["R2"] = register(session, admin, "request", "1404/02/01")
    codes["C1"] = register(session, admin, "complaint", "1404/02/01")
    codes["C2"] = register(session, admin, "complaint", "1404/02/01")
    codes["R3"] = register(session, admin, "request", "1404/03/03")
    codes["R4"] = register(session, admin, "request", "1404/03/10")
    codes["S1"] = register(session, admin, "suggestion", "1404/03/10")
    codes["old"] = register(session, admin, "request", "1403/12/25")
    codes["next"] = register(session, admin, "complaint", "1405/01/05")
    answer = {"R1": g(2025, 4, 23), "R2": g(2025, 5, 6), "C1": g(2025, 4, 26), "R3": g(2025, 5, 26),
              "R4": g(2025, 6, 7), "old": g(2025, 3, 17)}
    for key, when in answer.items():
        requests.answer(session, admin, codes[key], "پاسخ", now=when)
    requests.move(session, admin, codes["S1"], "closed", now=g(2025, 6, 1))  # closed without an answer
    return codes


def test_due_dates_were_fixed_at_registration(session, admin, registered):
    due = {k: requests.get(session, admin, c).due_date for k, c in registered.items()}
    # Mon 21 Apr + 10 working days (Sat–Wed): 22, 23, 26, 27, 28, 29, 30, 3 May, 4, 5
    assert due["R1"] == due["R2"] == dt.date(2025, 5, 5)
    assert due["C1"] == dt.date(2025, 4, 30)  # + 7
    # Sat 31 May + 10: 1, 2, 3 Jun, (4 holiday, 5 Thu + holiday, 6 Fri), 7, 8, 9, 10, 11, 14, 15
    assert due["R4"] == dt.date(2025, 6, 15)


def row(rows: list[StatRow], month: int | None, kind: str | None) -> StatRow:
    found = [r for r in rows if r.month == month and r.kind == kind]
    assert len(found) == 1, (month, kind)
    return found[0]


def test_the_figures_by_hand(session, registered):
    rows = request_stats.response_times(session, 1404, today=TODAY)
    # R1 2 days (in time), R2 11 days (due 5 May, answered 6 May: late)
    assert row(rows, 2, "request") == StatRow(2, "request", 2, 2, 1, 0, Fraction(13, 2), Fraction(1, 2))
    # C1 3 days (Tue, Wed, Sat) in time; C2 unanswered, due 30 Apr: overdue on 1 Jul
    assert row(rows, 2, "complaint") == StatRow(2, "complaint", 2, 1, 1, 1, Fraction(3), Fraction(1))
    # R3 Sat 24 May → Mon 26 May: 2 days; R4 Sat 31 May → Sat 7 Jun: 1, 2, 3 Jun and 7 Jun = 4 days
    assert row(rows, 3, "request") == StatRow(3, "request", 2, 2, 2, 0, Fraction(3), Fraction(1))
    # S1 closed without an answer: neither answered nor overdue
    assert row(rows, 3, "suggestion") == StatRow(3, "suggestion", 1, 0, 0, 0, None, None)
    assert [(r.month, r.kind) for r in rows] == [
        (2, "request"), (2, "complaint"), (3, "request"), (3, "suggestion"),
        (None, "request"), (None, "complaint"), (None, "suggestion"), (None, None)]
    # days of the requests: 2, 11, 2, 4 → median (2 + 4) / 2 = 3; 3 of 4 in time
    assert row(rows, None, "request") == StatRow(None, "request", 4, 4, 3, 0, Fraction(3), Fraction(3, 4))
    assert row(rows, None, "suggestion") == StatRow(None, "suggestion", 1, 0, 0, 0, None, None)
    # all: 2, 2, 3, 4, 11 → 3; 4 of 5 answered in time; one overdue
    assert row(rows, None, None) == StatRow(None, None, 7, 5, 4, 1, Fraction(3), Fraction(4, 5))


def test_through_a_month_and_another_day(session, registered):
    rows = request_stats.response_times(session, 1404, today=dt.date(2025, 4, 30), through_month=2)
    assert {r.month for r in rows} == {2, None}
    # on 30 Apr C2 is due that very day: not yet overdue
    assert row(rows, None, None) == StatRow(None, None, 4, 3, 2, 0, Fraction(3), Fraction(2, 3))


def test_other_years_are_apart(session, registered):
    rows = request_stats.response_times(session, 1403, today=TODAY)
    assert row(rows, None, None).registered == 1 and row(rows, 12, "request").answered == 1
    rows = request_stats.response_times(session, 1405, today=TODAY)
    assert row(rows, None, None) == StatRow(None, None, 1, 0, 0, 0, None, None)
    assert request_stats.response_times(session, 1406)[-1].registered == 0  # empty: totals only
    assert len(request_stats.response_times(session, 1406)) == 4


def test_working_days_follow_the_current_policy_and_holidays(session, admin, registered):
    office.set_policy(session, admin, "thursday_off", False)
    rows = request_stats.response_times(session, 1404, today=TODAY)
    # R2: Thursdays 24 Apr and 1 May now count → 13; R4: Thu 5 Jun is still a holiday → 4
    assert row(rows, 2, "request").median_days == Fraction(2 + 13, 2)
    assert row(rows, 3, "request").median_days == Fraction(2 + 4, 2)
    office.set_policy(session, admin, "thursday_off", True)
    holidays.remove_holiday(session, admin, "1404/03/14")
    rows = request_stats.response_times(session, 1404, today=TODAY)
    assert row(rows, 3, "request").median_days == Fraction(2 + 5, 2)  # Wed 4 Jun counts again
    # «in time» keeps the due date fixed at registration
    assert row(rows, 3, "request").in_time == 2


def test_the_report_snapshot(session, registered):
    data = report_kinds.gather(session, report_kinds.ReportRequest("responses", 1404, None))
    assert data["kind"] == "responses" and data["year"] == 1404 and data["through_month"] is None
    assert data["thursday_off"] is True and data["targets"] == {"request": 10, "complaint": 7, "suggestion": 15}
    assert data["holidays_in_year"] == 10
    assert [k for k, _ in data["kinds"]] == ["request", "complaint", "suggestion"]
    assert request_stats.rows_of(data)[-1].registered == 7
    assert sorted(data["cells"][0]["days"]) == data["cells"][0]["days"]
    frozen = request_stats.snapshot(session, 1404, 2, today=TODAY)
    assert frozen["as_of"] == "2025-07-01" and frozen["as_of_jalali"] == "۱۴۰۴/۰۴/۱۰"
    assert request_stats.rows_of(frozen) == request_stats.response_times(session, 1404, today=TODAY,
                                                                          through_month=2)
    with pytest.raises(ValidationError):
        report_kinds.gather(session, report_kinds.ReportRequest("responses", 1404, 13))


# ------------------------------------------------------------------------- holidays
def test_seeding_adds_the_fixed_official_holidays_once(session, admin):
    added = holidays.seed_official_holidays(session, admin, 1405)
    assert len(added) == 10
    listed = holidays.list_holidays(session, 1405)
    assert [h.jalali for h in listed] == ["۱۴۰۵/۰۱/۰۱", "۱۴۰۵/۰۱/۰۲", "۱۴۰۵/۰۱/۰۳", "۱۴۰۵/۰۱/۰۴", "۱۴۰۵/۰۱/۱۲",
                                          "۱۴۰۵/۰۱/۱۳", "۱۴۰۵/۰۳/۱۴", "۱۴۰۵/۰۳/۱۵", "۱۴۰۵/۱۱/۲۲", "۱۴۰۵/۱۲/۲۹"]
    assert listed[0].day == dt.date(2026, 3, 21) and listed[0].title == "عید نوروز"
    assert holidays.seed_official_holidays(session, admin, 1405) == []  # nothing twice
    assert holidays.list_holidays(session, 1404) == []
    assert session.scalar(select(AuditLog).where(AuditLog.action == "holiday.add")) is not None


def test_a_holiday_is_added_in_jalali_and_removed(session, admin):
    view = holidays.add_holiday(session, admin, "۱۴۰۵/۰۴/۱۵", "تاسوعای حسینی")
    assert view.day == parse_jalali("1405/04/15")
    assert holidays.add_holiday(session, admin, dt.date(2026, 7, 7), " عاشورای حسینی ").title == "عاشورای حسینی"
    assert [h.title for h in holidays.list_holidays(session)] == ["تاسوعای حسینی", "عاشورای حسینی"]
    holidays.remove_holiday(session, admin, "1405/04/15")
    assert [h.title for h in holidays.list_holidays(session)] == ["عاشورای حسینی"]


@pytest.mark.parametrize("day, title, message", [
    ("1405/13/01", "عنوان", "ماه «۱۳» معتبر نیست"),
    ("1404/12/30", "عنوان", "ماه اسفند سال ۱۴۰۴ روز ۳۰ ندارد."),
    ("فردا", "عنوان", "تاریخ «فردا» معتبر نیست"),
    ("", "عنوان", "تاریخ روز تعطیل را"),
    ("1405/04/15", "  ", "عنوان روز تعطیل خالی است."),
])
def test_invalid_holidays_get_persian_messages(session, admin, day, title, message):
    with pytest.raises(ValidationError) as err:
        holidays.add_holiday(session, admin, day, title)
    assert message in err.value.message_fa
    assert session.scalar(select(Holiday)) is None


def test_a_day_twice_and_a_missing_day(session, admin):
    holidays.add_holiday(session, admin, "1405/04/15", "تاسوعای حسینی")
    with pytest.raises(Conflict) as err:
        holidays.add_holiday(session, admin, "1405/4/15", "روز دیگر")
    assert "۱۴۰۵/۰۴/۱۵" in err.value.message_fa and "تاسوعای حسینی" in err.value.message_fa
    with pytest.raises(NotFound) as err:
        holidays.remove_holiday(session, admin, "1405/04/16")
    assert "در فهرست تعطیلات نیست" in err.value.message_fa


def test_only_the_administrator_changes_the_table(session, clerk, viewer):
    for actor in (clerk, viewer):
        with pytest.raises(PermissionDenied):
            holidays.add_holiday(session, actor, "1405/04/15", "تاسوعای حسینی")
        with pytest.raises(PermissionDenied):
            holidays.seed_official_holidays(session, actor, 1405)
        with pytest.raises(PermissionDenied):
            holidays.remove_holiday(session, actor, "1405/04/15")
    assert holidays.list_holidays(session) == []


def test_a_holiday_moves_the_due_date(session, admin):
    registered = dt.date(2026, 4, 4)  # Sat 1405/01/15
    before = requests.due_date(session, "complaint", registered)
    # Sun 5, Mon 6, Tue 7, Wed 8, Sat 11, Sun 12, Mon 13 Apr
    assert before == dt.date(2026, 4, 13)
    holidays.add_holiday(session, admin, "1405/01/18", "تعطیل")  # Tue 7 Apr
    assert requests.due_date(session, "complaint", registered) == dt.date(2026, 4, 14)
