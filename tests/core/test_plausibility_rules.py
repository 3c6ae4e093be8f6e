"""The plausibility rules on their own: each warning, and none for an ordinary figure."""

from __future__ import annotations

from rasad_desktop.core.plausibility import Limits, Reference, check, usual_month

M = 1_000_000
ORDINARY = Reference(annual=1_200 * M, last_year=90 * M, usual=100 * M)


DEFAULT = Limits()


def codes(amount: int, ref: Reference = ORDINARY, limits: Limits = DEFAULT) -> list[str]:
    return [w.code for w in check(amount, ref, limits)]


def test_an_ordinary_figure_draws_no_warning():
    assert codes(110 * M) == [] and codes(0) == []


def test_a_figure_typed_in_thousand_or_million_rials_is_named_a_unit_slip():
    assert codes(110 * M * 1_000) == ["unit_slip", "above_annual"]  # the likeliest cause first
    assert codes(110 * M * 1_000_000) == ["unit_slip", "above_annual"]
    assert codes(110 * M // 1_000) == ["unit_slip"]  # rials typed as thousands, the other way
    assert "هزار" in check(110 * M * 1_000, ORDINARY)[0].fa


def test_far_from_the_usual_month_and_from_last_year_by_the_office_threshold():
    assert codes(600 * M) == ["far_usual", "far_last_year"]
    assert codes(600 * M, limits=Limits(times=8)) == []  # the office allows more
    assert codes(15 * M) == ["far_usual", "far_last_year"]  # far below too


def test_small_references_are_not_compared():
    small = Reference(annual=12 * M, last_year=M // 2, usual=M // 2)  # below the 10-million floor
    assert codes(5 * M, small) == []
    assert codes(5 * M, small, Limits(floor=0)) == ["far_usual", "far_last_year"]


def test_a_negative_a_line_without_an_approved_amount_and_above_the_annual_amount():
    assert codes(-5 * M) == ["negative"]
    assert codes(5 * M, Reference(annual=None)) == ["no_approved"]
    assert codes(1_300 * M, Reference(annual=1_200 * M)) == ["above_annual"]


def test_a_line_without_history_reads_a_slip_against_a_twelfth_of_its_amount():
    new = Reference(annual=1_200 * M)
    assert codes(100 * M, new) == [] and codes(100 * M // 1_000, new) == ["unit_slip"]


def test_the_usual_month_is_the_median_of_enough_positive_months():
    assert usual_month([0, 5, 7, 100]) == 7 and usual_month([5, 7, 0, 0]) is None
    assert usual_month([4, 6, 8, 10]) == 7


def test_a_line_revised_to_zero_warns_and_a_zero_figure_never_does():
    assert codes(90 * M, Reference(annual=0)) == ["no_approved"]
    assert codes(0, Reference(annual=None)) == []
