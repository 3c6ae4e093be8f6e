"""Medians, shares and the month × kind summary of response times (exact, no float)."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rasad_desktop.core.stats import Cell, StatRow, format_days, median, share, summarize

KINDS = ("request", "complaint", "suggestion")


@pytest.mark.parametrize("values, expected", [
    ([], None),
    ([7], Fraction(7)),
    ([3, 1], Fraction(2)),
    ([1, 2], Fraction(3, 2)),
    ([5, 1, 3], Fraction(3)),
    ([11, 2, 4, 2], Fraction(3)),  # sorted 2, 2, 4, 11
    ([0, 0, 0, 1], Fraction(0)),
    ((d for d in (4, 9)), Fraction(13, 2)),  # any iterable
])
def test_median_by_hand(values, expected):
    result = median(values)
    assert result == expected
    assert result is None or isinstance(result, Fraction)


def test_median_refuses_what_is_not_a_whole_number():
    with pytest.raises(TypeError):
        median([1, 2.5])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        median([True, 2])


@given(st.lists(st.integers(min_value=0, max_value=400), min_size=1, max_size=60))
def test_median_halves_the_list(values):
    m = median(values)
    assert m is not None and m.denominator in (1, 2)
    assert sum(1 for v in values if v <= m) * 2 >= len(values)
    assert sum(1 for v in values if v >= m) * 2 >= len(values)
    assert min(values) <= m <= max(values)


def test_share():
    assert share(3, 4) == Fraction(3, 4)
    assert share(0, 0) is None
    assert share(0, 5) == 0


@pytest.mark.parametrize("value, fa, latin", [
    (None, "—", "—"),
    (Fraction(3), "۳", "3"),
    (Fraction(13, 2), "۶٫۵", "6.5"),
    (Fraction(0), "۰", "0"),
    (Fraction(12), "۱۲", "12"),
    (Fraction(1, 3), "۰٫۳", "0.3"),
    (Fraction(199, 20), "۱۰", "10"),  # 9.95 rounds half up to 10.0
])
def test_format_days(value, fa, latin):
    assert format_days(value) == fa
    assert format_days(value, "latin") == latin


def test_summarize_orders_months_then_kind_totals_then_the_total():
    cells = [
        Cell(3, "request", 2, 2, 2, 0, (2, 4)),
        Cell(2, "complaint", 2, 1, 1, 1, (3,)),
        Cell(2, "request", 2, 2, 1, 0, (2, 11)),
        Cell(3, "suggestion", 1, 0, 0, 0, ()),
    ]
    rows = summarize(cells, KINDS)
    assert [(r.month, r.kind) for r in rows] == [
        (2, "request"), (2, "complaint"), (3, "request"), (3, "suggestion"),
        (None, "request"), (None, "complaint"), (None, "suggestion"), (None, None)]
    assert rows[0] == StatRow(2, "request", 2, 2, 1, 0, Fraction(13, 2), Fraction(1, 2))
    assert rows[4] == StatRow(None, "request", 4, 4, 3, 0, Fraction(3), Fraction(3, 4))
    assert rows[6] == StatRow(None, "suggestion", 1, 0, 0, 0, None, None)
    assert rows[-1] == StatRow(None, None, 7, 5, 4, 1, Fraction(3), Fraction(4, 5))
    assert rows[-1].is_total and not rows[0].is_total


def test_summarize_of_nothing_has_the_totals_only():
    rows = summarize([], KINDS)
    assert [(r.month, r.kind) for r in rows] == [(None, k) for k in KINDS] + [(None, None)]
    assert all(r.registered == 0 and r.median_days is None and r.share_in_time is None for r in rows)


def test_cells_of_one_key_are_merged_and_unknown_kinds_refused():
    rows = summarize([Cell(1, "request", 1, 1, 1, 0, (1,)), Cell(1, "request", 1, 1, 0, 0, (5,))], KINDS)
    assert rows[0] == StatRow(1, "request", 2, 2, 1, 0, Fraction(3), Fraction(1, 2))
    with pytest.raises(ValueError):
        summarize([Cell(1, "praise", 1)], KINDS)


def test_a_cell_round_trips_through_json_data():
    c = Cell(4, "complaint", 3, 2, 1, 1, (9, 2))
    d = c.as_dict()
    assert d["days"] == [2, 9]
    assert Cell.from_dict(d) == Cell(4, "complaint", 3, 2, 1, 1, (2, 9))
