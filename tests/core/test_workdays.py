"""Working days for response deadlines, checked by hand on a calendar: Fridays are off,
Thursdays by office policy, official holidays from the table; and the property that the
two functions agree.

Calendar (1404 = 2025/26):  Mon 17 Mar 2025 = 1403/12/27,  Wed 19 Mar = 1403/12/29 (oil day),
Fri 21 Mar = 1404/01/01 (Nowruz, to Mon 24 Mar = 01/04),  Tue 1 Apr = 01/12,  Wed 2 Apr = 01/13.
"""

from __future__ import annotations

import datetime as dt

import jdatetime
import pytest
from hypothesis import given
from hypothesis import strategies as st

from rasad_desktop.core.workdays import add_working_days, is_working_day, working_days_between

D = dt.date
SAT, SUN, MON, TUE, WED, THU, FRI = (D(2025, 4, 26), D(2025, 4, 27), D(2025, 4, 28), D(2025, 4, 29),
                                    D(2025, 4, 30), D(2025, 5, 1), D(2025, 5, 2))


def jalali(y: int, m: int, d: int) -> dt.date:
    return jdatetime.date(y, m, d).togregorian()


# the fixed official holidays around Nowruz 1404
NOWRUZ = {jalali(1403, 12, 29), *(jalali(1404, 1, d) for d in (1, 2, 3, 4, 12, 13))}


def test_the_week():
    assert [d.strftime("%a") for d in (SAT, SUN, MON, TUE, WED, THU, FRI)] == [
        "Sat", "Sun", "Mon", "Tue", "Wed", "Thu", "Fri"]
    assert all(is_working_day(d) for d in (SAT, SUN, MON, TUE, WED))
    assert not is_working_day(FRI) and not is_working_day(FRI, thursday_off=False)
    assert not is_working_day(THU) and is_working_day(THU, thursday_off=False)
    assert not is_working_day(MON, holidays={MON})


def test_friday_is_skipped():
    assert add_working_days(THU, 1, thursday_off=False) == D(2025, 5, 3)  # Thu → (Fri) → Sat
    assert add_working_days(WED, 1) == D(2025, 5, 3)  # Wed → (Thu, Fri) → Sat
    assert working_days_between(THU, FRI, thursday_off=False) == 0


def test_thursday_follows_the_policy():
    assert add_working_days(WED, 1, thursday_off=False) == THU
    assert add_working_days(WED, 1, thursday_off=True) == D(2025, 5, 3)
    # Sat → next Sat: five working days, six with Thursday
    assert working_days_between(SAT, D(2025, 5, 3)) == 5
    assert working_days_between(SAT, D(2025, 5, 3), thursday_off=False) == 6


def test_holidays_are_skipped():
    assert add_working_days(SAT, 2) == MON
    assert add_working_days(SAT, 2, holidays={SUN}) == TUE
    assert add_working_days(SAT, 1, holidays={SUN, MON, TUE}) == WED
    assert add_working_days(SAT, 2, holidays={SUN, MON, TUE}) == D(2025, 5, 3)  # (Thu, Fri) → Sat
    assert working_days_between(SAT, WED, holidays={MON}) == 3
    # a holiday on a Friday changes nothing
    assert add_working_days(WED, 1, holidays={FRI}) == D(2025, 5, 3)


def test_nowruz_spanning_a_deadline():
    start = jalali(1403, 12, 27)  # Mon 17 Mar 2025
    assert start == D(2025, 3, 17)
    # Tue 18 (1); Wed 19 oil day; Thu 20; Fri 21–Mon 24 Nowruz; Tue 25 (2), Wed 26 (3);
    # Sat 29 (4), Sun 30 (5), Mon 31 (6); Tue 1 and Wed 2 Apr holidays; Sat 5 Apr (7)
    due = add_working_days(start, 7, NOWRUZ)
    assert due == D(2025, 4, 5) == jalali(1404, 1, 16)
    assert working_days_between(start, due, NOWRUZ) == 7
    assert add_working_days(start, 1, NOWRUZ) == D(2025, 3, 18)
    assert add_working_days(start, 2, NOWRUZ) == D(2025, 3, 25)  # the whole of Nowruz in between
    # without the table the deadline is ten days earlier: Tue 18 … Wed 26 Mar
    assert add_working_days(start, 7) == D(2025, 3, 26)


def test_zero_days_is_the_start_itself_even_on_a_holiday():
    assert add_working_days(SAT, 0) == SAT
    assert add_working_days(FRI, 0) == FRI
    assert add_working_days(MON, 0, holidays={MON}) == MON


def test_negative_days_are_refused():
    with pytest.raises(ValueError):
        add_working_days(SAT, -1)


def test_working_days_between_edges():
    assert working_days_between(SAT, SAT) == 0
    assert working_days_between(WED, SAT) == 0  # end before start
    assert working_days_between(SAT, SUN) == 1  # the start day is not counted, the end day is
    assert working_days_between(WED, D(2025, 5, 3)) == 1  # Thu, Fri off; Sat counts
    assert working_days_between(WED, FRI) == 0
    assert working_days_between(SAT, MON, holidays={MON}) == 1  # an end on a holiday is not counted
    assert working_days_between(FRI, D(2025, 5, 3)) == 1  # a start on a day off
    # across a year: 52 weeks × 5 working days
    assert working_days_between(SAT, SAT + dt.timedelta(weeks=52)) == 260
    assert working_days_between(SAT, SAT + dt.timedelta(weeks=52), thursday_off=False) == 312


days = st.dates(min_value=D(2024, 1, 1), max_value=D(2027, 12, 31))


@given(start=days, n=st.integers(min_value=0, max_value=60), thursday_off=st.booleans(),
       holidays=st.sets(days, max_size=40))
def test_between_undoes_add(start, n, thursday_off, holidays):
    due = add_working_days(start, n, holidays, thursday_off)
    assert working_days_between(start, due, holidays, thursday_off) == n
    assert due >= start
    if n:
        assert is_working_day(due, holidays, thursday_off)  # a deadline never falls on a day off
        # and it is the first such day: one day earlier there was a working day left
        assert working_days_between(start, due - dt.timedelta(days=1), holidays, thursday_off) == n - 1
