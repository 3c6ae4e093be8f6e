"""Where pasted cells go: by line code when a code column is copied (either side), by
position for one column; what has no place is reported, never dropped or shifted."""

from __future__ import annotations

from rasad_desktop.core.paste import plan

CODES = ["110104", "110105", "140101", "160186", "210101", "210102"]


def test_two_columns_code_then_amount_go_to_their_lines_not_as_amounts():
    found = plan("110104\t5000\r\n140101\t7000\r\n", CODES, start=3)  # the current row does not matter
    assert found.by_code and found.cells == {0: "5000", 2: "7000"} and not found.needs_asking


def test_an_rtl_sheet_copies_the_code_on_the_right_and_persian_digits_work():
    found = plan("۵٬۰۰۰\t۱۱۰۱۰۴\n۷۰۰۰\t١٤٠١٠١\n", CODES, start=0)
    assert found.cells == {0: "۵٬۰۰۰", 2: "۷۰۰۰"}


def test_a_heading_and_a_title_column_are_allowed():
    text = "کد ردیف\tشرح\tمبلغ\n210101\tفروش\t12\n210102\tاجاره\t13\n"
    assert plan(text, CODES, 0).cells == {4: "12", 5: "13"}


def test_a_code_the_sheet_lacks_is_reported_with_its_value():
    found = plan("110104\t1\n999999\t2\n", CODES, 0)
    assert found.cells == {0: "1"} and found.unknown == [("999999", "2")] and found.needs_asking


def test_a_code_given_twice_takes_neither_value():
    found = plan("110104\t1\n110104\t2\n110105\t3\n", CODES, 0)
    assert found.cells == {1: "3"} and found.repeated == ["110104"]


def test_six_digit_amounts_beside_codes_are_told_apart_by_the_sheet_codes():
    found = plan("110104\t250000\n140101\t300000\n", CODES, 0)
    assert found.cells == {0: "250000", 2: "300000"}


def test_one_column_goes_by_position_and_what_does_not_fit_is_reported():
    found = plan("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n", CODES, start=0)
    assert found.cells == {i: str(i + 1) for i in range(6)} and found.beyond == ["7", "8", "9", "10"]
    assert not found.by_code and found.needs_asking
    assert plan("1\n2\n", CODES, start=4).cells == {4: "1", 5: "2"}


def test_columns_without_one_code_and_one_amount_column_are_refused():
    assert plan("1,000\tx\n2000\ty\n", CODES, 0).problem == "columns"  # which one is meant?
    assert plan("110104\t1\t2\n", CODES, 0).problem == "columns"  # two amount columns
