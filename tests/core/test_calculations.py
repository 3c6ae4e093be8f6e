"""Tests for figures.py, metrics.py, tables.py and classification.py.

Every expected value is worked out by hand in the comments; ratios are exact Fractions.
"""

from __future__ import annotations

import random
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasad_desktop.core.classification import (
    ClassificationRow,
    CodeError,
    Level,
    RowKind,
    ancestor,
    classification_table,
    level_of,
    normalize_code,
    parent,
    rollup,
)
from rasad_desktop.core.figures import Figures, amount_in_force, monthly_targets, period_share, total
from rasad_desktop.core.jalali import CalendarError
from rasad_desktop.core.metrics import (
    Status,
    Thresholds,
    by_collected,
    competition_ranks,
    compute,
    growth,
    ratio,
)
from rasad_desktop.core.tables import ranked_table

PROPS = settings(max_examples=300, deadline=None)


# ===================================================================== period_share
@pytest.mark.parametrize(
    "annual, n, expected",
    [
        (1200, 6, 600),  # 1200·6/12 = 600
        (1000, 1, 83),  # 1000/12 = 83.33 → 83
        (1000, 5, 417),  # 5000/12 = 416.67 → 417
        (6, 1, 1),  # 6/12 = 0.5 → 1 (half away from zero)
        (18, 1, 2),  # 18/12 = 1.5 → 2
        (30, 1, 3),  # 30/12 = 2.5 → 3 (banker's rounding would give 2)
        (1000, 12, 1000),  # the whole year
        (0, 7, 0),
        (-1000, 5, -417),  # −416.67 → −417
        (-6, 1, -1),  # −0.5 → −1
        (7, 1, 1),  # 7/12 = 0.583 → 1
        (5, 1, 0),  # 5/12 = 0.417 → 0
        (1_234_567_890_123, 7, 720_164_602_572),  # 8,641,975,230,861/12 = 720,164,602,571.75 → …572
    ],
)
def test_period_share(annual, n, expected):
    assert period_share(annual, n) == expected


def test_period_share_is_by_months_not_days():
    # A × n/12 regardless of month lengths or leap years: for 3650 through Shahrivar,
    # 3650·6/12 = 1825, not 3650·186/365 = 1860 (days) nor 3650·186/366 (leap year).
    assert period_share(3650, 6) == 1825
    # through Bahman: 3660·11/12 = 3355 (by days it would be 3660·336/366 = 3360)
    assert period_share(3660, 11) == 3355
    # Esfand's 29 or 30 days never matter: the year always closes at A
    assert period_share(3650, 12) == 3650
    assert period_share(3660, 12) == 3660


def test_period_share_schedule():
    schedule = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120]  # Σ = 780
    assert period_share(999_999, 1, schedule) == 10
    assert period_share(999_999, 3, schedule) == 60  # 10+20+30
    assert period_share(999_999, 6, schedule) == 210  # 10+…+60
    assert period_share(0, 12, schedule) == 780
    assert period_share(780, 6, tuple(schedule)) == 210  # annual is ignored with a schedule


def test_period_share_schedule_must_have_12_months():
    with pytest.raises(ValueError):
        period_share(100, 3, [1] * 11)
    with pytest.raises(ValueError):
        period_share(100, 3, [1] * 13)


@pytest.mark.parametrize("n", [0, 13, True])
def test_period_share_bad_month(n):
    with pytest.raises(CalendarError):
        period_share(1200, n)


@PROPS
@given(st.integers(min_value=-(10**15), max_value=10**15), st.integers(min_value=1, max_value=12))
def test_period_share_property(annual, n):
    share = period_share(annual, n)
    exact = Fraction(annual * n, 12)
    assert abs(share - exact) <= Fraction(1, 2)
    if abs(share - exact) == Fraction(1, 2):  # a tie went away from zero
        assert abs(share) > abs(exact)
    assert period_share(-annual, n) == -share


@PROPS
@given(st.integers(min_value=-(10**17), max_value=10**17))
def test_monthly_targets_add_up_to_the_period_shares(annual):
    targets = monthly_targets(annual)
    assert len(targets) == 12 and sum(targets) == annual
    for n in range(1, 13):  # the even split is the difference of consecutive period shares
        assert sum(targets[:n]) == period_share(annual, n)
    assert max(targets) - min(targets) <= 1  # as even as whole rials allow


@PROPS
@given(st.lists(st.integers(min_value=0, max_value=10**16), min_size=12, max_size=12), st.integers(1, 12))
def test_monthly_targets_of_a_schedule_are_the_schedule(schedule, n):
    assert monthly_targets(123, schedule) == schedule
    assert sum(monthly_targets(123, tuple(schedule))[:n]) == period_share(123, n, schedule)


def test_monthly_targets_examples():
    # 1000/12: cumulative 83, 167, 250, 333, 417, 500, … → 83, 84, 83, 83, 84, 83, …
    assert monthly_targets(1000) == [83, 84, 83, 83, 84, 83, 83, 84, 83, 83, 84, 83]
    assert monthly_targets(6) == [1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0]  # 0.5 → 1, 1.0, 1.5 → 2, …
    assert monthly_targets(0) == [0] * 12
    with pytest.raises(ValueError):
        monthly_targets(100, [1] * 11)


def test_amount_in_force():
    assert amount_in_force(1200, None) == 1200
    assert amount_in_force(1200, 1500) == 1500
    assert amount_in_force(1200, 0) == 0  # an amendment to zero is still an amendment


# ===================================================================== Figures
def test_figures_add_and_total():
    a = Figures(1, 2, 3, 4, 5, 6, 7)
    b = Figures(10, 20, 30, 40, 50, 60, 70)
    assert a + b == Figures(11, 22, 33, 44, 55, 66, 77)
    assert total([a, b, a]) == Figures(12, 24, 36, 48, 60, 72, 84)
    assert total([]) == Figures()
    assert Figures().is_empty and not a.is_empty


# ===================================================================== compute
# R=510, T=600, A=1200, R'=400, T'=500, A'=1000, n=6, ΣR=2040
EXAMPLE = Figures(approved=1200, annual=1200, share=600, collected=510, annual_last=1000, share_last=500, collected_last=400)


def test_compute_worked_example():
    m = compute(EXAMPLE, 6, total_collected=2040)
    assert m.pct_share == Fraction(17, 20)  # 510/600 = 0.85
    assert m.pct_annual == Fraction(17, 40)  # 510/1200 = 0.425
    assert m.pct_share_last == Fraction(4, 5)  # 400/500
    assert m.pct_annual_last == Fraction(2, 5)  # 400/1000
    assert m.growth == Fraction(11, 40)  # 510/400 − 1 = 110/400 = 27.5 %
    assert m.change_pp_share == Fraction(5)  # 85 % − 80 % = 5 points (not 6.25 %)
    assert m.change_pp_annual == Fraction(5, 2)  # 42.5 % − 40 % = 2.5 points
    assert m.gap == -90  # 510 − 600
    assert m.remaining == 690  # 1200 − 510
    assert m.pace == 115  # 690 / (12 − 6)
    assert m.share_of_total == Fraction(1, 4)  # 510/2040
    assert m.status is Status.WATCH  # 85 % is in 80–99


def test_change_is_in_points_not_percent():
    # 60 % last year → 90 % now: +30 percentage points, whereas the relative change
    # would be +50 %.
    f = Figures(annual=1000, share=1000, collected=900, annual_last=1000, share_last=1000, collected_last=600)
    m = compute(f, 12)
    assert m.change_pp_share == Fraction(30)
    assert m.change_pp_annual == Fraction(30)
    assert m.growth == Fraction(1, 2)  # 900/600 − 1


def test_compute_negative_change_and_growth():
    # now 300/600 = 50 %; last year 450/500 = 90 %: −40 points; growth 300/450 − 1 = −1/3
    f = Figures(annual=1200, share=600, collected=300, annual_last=1000, share_last=500, collected_last=450)
    m = compute(f, 6)
    assert m.change_pp_share == Fraction(-40)
    # annual: 300/1200 = 25 %, 450/1000 = 45 % → −20 points
    assert m.change_pp_annual == Fraction(-20)
    assert m.growth == Fraction(-1, 3)
    assert m.gap == -300


@pytest.mark.parametrize(
    "annual, collected, n, pace",
    [
        (1200, 510, 6, 115),  # 690/6
        (1000, 0, 9, 333),  # 1000/3 = 333.33 → 333
        (1001, 0, 10, 501),  # 1001/2 = 500.5 → 501
        (0, 1001, 10, -501),  # −1001/2 = −500.5 → −501: over-collected
        (1000, 400, 11, 600),  # one month left: all of the remainder
        (1000, 400, 12, None),  # no month left after Esfand
        (1000, 1000, 6, 0),
        (100, 0, 1, 9),  # 100/11 = 9.09 → 9
        (17, 0, 6, 3),  # 17/6 = 2.83 → 3
    ],
)
def test_pace(annual, collected, n, pace):
    m = compute(Figures(annual=annual, share=1, collected=collected), n)
    assert m.pace == pace
    assert m.remaining == annual - collected


@pytest.mark.parametrize(
    "collected, status",
    [
        (10_000, Status.GOOD),  # exactly 100 %
        (9_999, Status.WATCH),  # 99.99 %
        (8_000, Status.WATCH),  # exactly 80 %
        (7_999, Status.LAGGING),  # 79.99 %
        (0, Status.LAGGING),
        (15_000, Status.GOOD),  # 150 %: exceeding a revenue target is good, not a warning
        (1_000_000, Status.GOOD),  # 10 000 %
    ],
)
def test_status_bands(collected, status):
    m = compute(Figures(annual=20_000, share=10_000, collected=collected), 6)
    assert m.status is status


def test_status_none_without_target():
    m = compute(Figures(annual=0, share=0, collected=500), 6)
    assert m.pct_share is None
    assert m.status is Status.NONE


def test_thresholds_custom_and_invalid():
    t = Thresholds(good=90, watch=50)
    assert t.status(Fraction(9, 10)) is Status.GOOD
    assert t.status(Fraction(8999, 10000)) is Status.WATCH
    assert t.status(Fraction(1, 2)) is Status.WATCH
    assert t.status(Fraction(4999, 10000)) is Status.LAGGING
    assert t.status(None) is Status.NONE
    m = compute(Figures(share=100, collected=95), 3, thresholds=t)
    assert m.status is Status.GOOD  # 95 % ≥ 90
    with pytest.raises(ValueError):
        Thresholds(good=50, watch=80)
    with pytest.raises(ValueError):
        Thresholds(good=100, watch=-1)


def test_status_labels():
    assert Status.GOOD.label() == "مطلوب"
    assert Status.GOOD.label("en") == "On target"
    assert Status.NONE.label() == "بدون هدف"


def test_ratio():
    assert ratio(1, 3) == Fraction(1, 3)
    assert ratio(5, 0) is None
    assert ratio(0, 0) is None


def test_zero_denominators_give_none_not_errors():
    # A = 0, T = 0, A' = 0, T' = 0, R' = 0, ΣR = 0
    f = Figures(approved=0, annual=0, share=0, collected=250, annual_last=0, share_last=0, collected_last=0)
    m = compute(f, 6, total_collected=0)
    assert m.pct_share is None
    assert m.pct_annual is None
    assert m.pct_share_last is None
    assert m.pct_annual_last is None
    assert m.growth is None
    assert m.change_pp_share is None
    assert m.change_pp_annual is None
    assert m.share_of_total is None
    assert m.status is Status.NONE
    assert m.gap == 250  # 250 − 0
    assert m.remaining == -250  # 0 − 250
    assert m.pace == -42  # −250/6 = −41.67 → −42


def test_zero_denominators_one_at_a_time():
    # R' = 0 only: growth and nothing else disappears
    m = compute(Figures(annual=1200, share=600, collected=300, annual_last=1000, share_last=500, collected_last=0), 6, 600)
    assert m.growth is None
    assert m.pct_share == Fraction(1, 2)
    assert m.pct_share_last == Fraction(0)  # 0/500 is a rate (0 %), not missing
    assert m.change_pp_share == Fraction(50)  # 50 % − 0 %
    assert m.share_of_total == Fraction(1, 2)  # 300/600
    # A = 0 only (a share from a schedule): no annual rate, the share rate stays
    m = compute(Figures(annual=0, share=600, collected=300, annual_last=1000, collected_last=200), 6)
    assert m.pct_annual is None
    assert m.change_pp_annual is None
    assert m.pct_share == Fraction(1, 2)
    # T' = 0 only: no last-year share rate, so no change in points for the share
    m = compute(Figures(annual=1200, share=600, collected=300, annual_last=1000, share_last=0, collected_last=200), 6)
    assert m.pct_share_last is None
    assert m.change_pp_share is None
    assert m.change_pp_annual == Fraction(5)  # 300/1200 − 200/1000 = 25 % − 20 %
    # total not given at all
    assert compute(EXAMPLE, 6).share_of_total is None


def test_all_zero_figures():
    m = compute(Figures(), 12, 0)
    assert (m.pct_share, m.pct_annual, m.growth, m.share_of_total, m.pace) == (None, None, None, None, None)
    assert (m.gap, m.remaining) == (0, 0)


def test_growth():
    assert growth(750, 450) == Fraction(2, 3)  # 750/450 − 1
    assert growth(300, 400) == Fraction(-1, 4)
    assert growth(0, 400) == -1
    assert growth(5, 0) is None  # no last-year figure: no percentage, shown «—»


def test_revised_amount_in_force():
    # approved 1200, revised by amendment to 1500; share computed from 1500: 1500·6/12 = 750
    f = Figures(approved=1200, annual=1500, share=period_share(1500, 6), collected=600)
    assert f.share == 750
    m = compute(f, 6)
    assert m.pct_annual == Fraction(2, 5)  # 600/1500 (not 600/1200 = 1/2)
    assert m.remaining == 900  # 1500 − 600 (not 600)
    assert m.pace == 150  # 900/6
    assert m.pct_share == Fraction(4, 5)  # 600/750
    assert f.approved == 1200  # the law's amount is kept


def test_compute_bad_month():
    with pytest.raises(CalendarError):
        compute(EXAMPLE, 13)
    with pytest.raises(CalendarError):
        compute(EXAMPLE, 0)


# ===================================================================== ranks
def test_competition_ranks_example():
    # sorted descending: 7, 7, 5, 1 → 7 takes 1 (twice), 5 takes 3, 1 takes 4
    assert competition_ranks([5, 7, 7, None, 1]) == [3, 1, 1, None, 4]


def test_competition_ranks_more():
    assert competition_ranks([]) == []
    assert competition_ranks([None, None]) == [None, None]
    assert competition_ranks([Fraction(1, 2), Fraction(3, 4), Fraction(1, 2), Fraction(2, 4)]) == [2, 1, 2, 2]
    assert competition_ranks([3, 3, 3]) == [1, 1, 1]
    assert competition_ranks([1, 2, 3, 4]) == [4, 3, 2, 1]
    assert competition_ranks([0, None, -1, Fraction(0)]) == [1, None, 3, 1]


# ===================================================================== ranked_table
ENTRIES = [
    ("A", "الف", Figures(annual=1200, share=600, collected=600)),  # 100 %
    ("B", "ب", Figures(annual=1200, share=600, collected=300)),  # 50 %
    ("C", "ج", Figures(annual=2400, share=1200, collected=1500)),  # 125 %
    ("D", "د", Figures(annual=0, share=0, collected=100)),  # collected without a target
    ("E", "ه", Figures(annual=600, share=300, collected=150)),  # 50 %, tie with B
]


def test_ranked_table_order_and_ranks():
    table = ranked_table(ENTRIES, 6)
    # C 125 % → 1, A 100 % → 2, B and E 50 % → 3 (B first: collected 300 > 150), D unranked last
    assert [r.key for r in table.rows] == ["C", "A", "B", "E", "D"]
    assert [r.rank for r in table.rows] == [1, 2, 3, 3, None]
    assert table.through_month == 6
    assert [r.metrics.status for r in table.rows] == [Status.GOOD, Status.GOOD, Status.LAGGING, Status.LAGGING, Status.NONE]


def test_ranked_table_totals():
    table = ranked_table(ENTRIES, 6)
    t = table.total
    # annual 1200+1200+2400+0+600 = 5400; share 600+600+1200+0+300 = 2700;
    # collected 600+300+1500+100+150 = 2650
    assert t.figures == Figures(annual=5400, share=2700, collected=2650)
    assert t.figures == total(r.figures for r in table.rows)
    assert t.title == "جمع کل"
    assert t.rank is None
    assert t.metrics.pct_share == Fraction(2650, 2700) == Fraction(53, 54)
    assert t.metrics.pct_annual == Fraction(2650, 5400)
    assert t.metrics.share_of_total == 1
    assert t.metrics.gap == -50  # 2650 − 2700
    assert t.metrics.remaining == 2750  # 5400 − 2650
    assert t.metrics.pace == 458  # 2750/6 = 458.33 → 458 (row paces 100+150+150+(−17)+75 = 458 too, by chance)


def test_ranked_table_share_of_total():
    table = ranked_table(ENTRIES, 6)
    shares = {r.key: r.metrics.share_of_total for r in table.rows}
    # ΣR = 2650 = 50·53: 600 → 12/53, 300 → 6/53, 1500 → 30/53, 100 → 2/53, 150 → 3/53
    assert shares == {
        "A": Fraction(12, 53),
        "B": Fraction(6, 53),
        "C": Fraction(30, 53),
        "D": Fraction(2, 53),
        "E": Fraction(3, 53),
    }
    assert sum(shares.values()) == 1


def test_ranked_table_unranked_rows_last_by_collected():
    entries = [
        ("X", "x", Figures(collected=10)),
        ("Y", "y", Figures(collected=50)),
        ("Z", "z", Figures(share=100, collected=1)),  # 1 %: ranked, however low
    ]
    table = ranked_table(entries, 3)
    assert [r.key for r in table.rows] == ["Z", "Y", "X"]
    assert [r.rank for r in table.rows] == [1, None, None]


def test_ranked_table_rank_by_collected_and_title():
    table = ranked_table(ENTRIES, 6, rank_key=by_collected, total_title="جمع استان")
    assert [r.key for r in table.rows] == ["C", "A", "B", "E", "D"]
    assert [r.rank for r in table.rows] == [1, 2, 3, 4, 5]  # 1500, 600, 300, 150, 100
    assert table.total.title == "جمع استان"


def test_ranked_table_empty():
    table = ranked_table([], 6)
    assert table.rows == []
    assert table.total.figures == Figures()
    assert table.total.metrics.share_of_total is None


figures_st = st.builds(
    Figures,
    approved=st.integers(0, 10**12),
    annual=st.integers(0, 10**12),
    share=st.integers(0, 10**12),
    collected=st.integers(0, 10**12),
    annual_last=st.integers(0, 10**12),
    share_last=st.integers(0, 10**12),
    collected_last=st.integers(0, 10**12),
)


@PROPS
@given(st.lists(figures_st, max_size=12), st.integers(1, 12))
def test_ranked_table_property(figs, n):
    entries = [(f"k{i:02d}", f"t{i}", f) for i, f in enumerate(figs)]
    table = ranked_table(entries, n)
    assert sorted(r.key for r in table.rows) == [k for k, _, _ in entries]
    assert table.total.figures == total(figs)
    grand = sum(f.collected for f in figs)
    shares = [r.metrics.share_of_total for r in table.rows]
    if grand:
        assert sum(shares) == 1  # exact Fractions, no rounding drift
    else:
        assert all(s is None for s in shares)
    ranks = [r.rank for r in table.rows]
    ranked = [r for r in ranks if r is not None]
    assert ranked == sorted(ranked)
    assert ranks[: len(ranked)] == ranked  # unranked rows come last
    for r in table.rows:
        assert (r.rank is None) == (r.figures.share == 0)


# ===================================================================== classification codes
def test_levels_and_ancestors():
    assert level_of("110104") is Level.ROW
    assert level_of("110100") is Level.BAND
    assert level_of("110000") is Level.SECTION
    assert level_of("100000") is Level.PART
    assert ancestor("110104", Level.ROW) == "110104"
    assert ancestor("110104", Level.BAND) == "110100"
    assert ancestor("110104", Level.SECTION) == "110000"
    assert ancestor("110104", Level.PART) == "100000"
    assert ancestor("310502", Level.BAND) == "310500"
    assert ancestor("160186", Level.SECTION) == "160000"
    assert parent("110104") == "110100"
    assert parent("110100") == "110000"
    assert parent("110000") == "100000"
    assert parent("100000") is None


def test_ancestor_below_own_level_refused():
    with pytest.raises(ValueError):
        ancestor("110000", Level.ROW)
    with pytest.raises(ValueError):
        ancestor("100000", Level.SECTION)


def test_normalize_code():
    assert normalize_code("110104") == "110104"
    assert normalize_code("۱۱۰۱۰۴") == "110104"
    assert normalize_code("١١٠١٠٤") == "110104"
    assert normalize_code(" 110104 ") == "110104"
    assert normalize_code(110104) == "110104"
    assert level_of("۱۱۰۱۰۴") is Level.ROW


@pytest.mark.parametrize("bad", ["11010", "1101040", "010104", "000000", "11a104", "ABCDEF", "", "11 0104", "-11010"])
def test_normalize_code_refuses(bad):
    with pytest.raises(CodeError) as info:
        normalize_code(bad)
    assert "کد" in info.value.message_fa
    assert info.value.message_en


def test_level_labels():
    assert Level.PART.label() == "قسمت"
    assert Level.SECTION.label() == "بخش"
    assert Level.BAND.label() == "بند"
    assert Level.ROW.label() == "ردیف"


def f(k: int) -> Figures:
    """Figures scaled by k in every field, so a sum of f(a)+f(b) is f(a+b)."""
    return Figures(approved=10 * k, annual=11 * k, share=5 * k, collected=k, annual_last=9 * k, share_last=4 * k, collected_last=2 * k)


LINES = {
    "110104": f(100),
    "110112": f(200),
    "110204": f(300),
    "130421": f(400),
    "160111": f(500),
    "210101": f(600),
    "310103": f(700),
    "310108": f(800),
}


def test_rollup_each_level():
    assert rollup(LINES, Level.ROW) == dict(sorted(LINES.items()))
    assert rollup(LINES, Level.BAND) == {
        "110100": f(300),  # 100 + 200
        "110200": f(300),
        "130400": f(400),
        "160100": f(500),
        "210100": f(600),
        "310100": f(1500),  # 700 + 800
    }
    assert rollup(LINES, Level.SECTION) == {
        "110000": f(600),  # 100 + 200 + 300
        "130000": f(400),
        "160000": f(500),
        "210000": f(600),
        "310000": f(1500),
    }
    assert rollup(LINES, Level.PART) == {
        "100000": f(1500),  # 600 + 400 + 500
        "200000": f(600),
        "300000": f(1500),
    }
    assert list(rollup(LINES, Level.SECTION)) == sorted(rollup(LINES, Level.SECTION))


def test_rollup_mixed_levels_and_persian_digits():
    data = {"۱۱۰۱۰۴": f(1), "110100": f(2), "110204": f(4)}
    assert rollup(data, Level.SECTION) == {"110000": f(7)}
    assert rollup(data, Level.BAND) == {"110100": f(3), "110200": f(4)}


def test_classification_table_with_earmarked():
    data = dict(LINES)
    data["160185"] = f(900)
    # insertion order shuffled; the table order must not depend on it
    items = list(data.items())
    random.Random(4).shuffle(items)
    rows = classification_table(dict(items), earmarked=["160185"])
    assert [(r.code, r.kind) for r in rows] == [
        ("110000", RowKind.SECTION),
        ("130000", RowKind.SECTION),
        ("160000", RowKind.SECTION),
        ("100000", RowKind.PART_TOTAL),
        ("210000", RowKind.SECTION),
        ("310000", RowKind.SECTION),
        (None, RowKind.GENERAL_TOTAL),
        (None, RowKind.EARMARKED_TOTAL),
        (None, RowKind.GRAND_TOTAL),
    ]
    assert [r.figures for r in rows] == [
        f(600),
        f(400),
        f(500),  # 160111 only: 160185 is earmarked
        f(1500),  # 600 + 400 + 500
        f(600),
        f(1500),
        f(3600),  # 1500 + 600 + 1500
        f(900),
        f(4500),  # 3600 + 900
    ]
    assert rows[-1].figures == total(data.values())
    assert all(isinstance(r, ClassificationRow) for r in rows)


def test_classification_table_without_earmarked():
    rows = classification_table(LINES)
    kinds = [r.kind for r in rows]
    assert RowKind.EARMARKED_TOTAL not in kinds and RowKind.GRAND_TOTAL not in kinds
    assert kinds[-1] is RowKind.GENERAL_TOTAL
    assert rows[-1].figures == total(LINES.values()) == f(3600)
    assert [r.code for r in rows] == ["110000", "130000", "160000", "100000", "210000", "310000", None]
    # earmarked codes that have no figures add no rows either
    assert classification_table(LINES, earmarked=["150101"]) == rows


def test_classification_table_single_section_part_one_still_totalled():
    rows = classification_table({"110104": f(5), "210101": f(7)})
    assert [(r.code, r.kind, r.figures) for r in rows] == [
        ("110000", RowKind.SECTION, f(5)),
        ("100000", RowKind.PART_TOTAL, f(5)),
        ("210000", RowKind.SECTION, f(7)),
        (None, RowKind.GENERAL_TOTAL, f(12)),
    ]


@PROPS
@given(
    st.dictionaries(
        st.sampled_from(
            ["110104", "110112", "110204", "110307", "110308", "110504", "130421", "130425", "140101", "140206",
             "150101", "150112", "160111", "160112", "160185", "160186", "210101", "210109", "210201", "210220",
             "210301", "310103", "310108", "310404", "310501", "310502"]
        ),
        st.integers(0, 10**9).map(f),
        min_size=1,
    ),
    st.sets(st.sampled_from(["160185", "160186", "130425", "310502"])),
)
def test_classification_table_property(data, earmarked):
    rows = classification_table(data, earmarked)
    sections = [r for r in rows if r.kind is RowKind.SECTION]
    general = [r for r in rows if r.kind is RowKind.GENERAL_TOTAL]
    assert len(general) == 1
    general_lines = [fig for c, fig in data.items() if c not in earmarked]
    assert general[0].figures == total(general_lines) == total(r.figures for r in sections)
    has_earmarked = any(c in earmarked for c in data)
    if has_earmarked:
        assert [r.kind for r in rows[-3:]] == [RowKind.GENERAL_TOTAL, RowKind.EARMARKED_TOTAL, RowKind.GRAND_TOTAL]
        assert rows[-1].figures == total(data.values())
    else:
        assert rows[-1].kind is RowKind.GENERAL_TOTAL
        assert rows[-1].figures == total(data.values())
    # every section sits before its own part total and sections are in code order
    codes = [r.code for r in sections]
    assert codes == sorted(codes)
