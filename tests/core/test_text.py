"""Tests for rasad_desktop.core.text: normalisation, search keys, display width."""

from __future__ import annotations

import pytest

from rasad_desktop.core.text import ZWNJ, display_width, normalize, search_key

MI_SHAVAD = "می\u200cشود"  # «می‌شود» with its ZWNJ
LIBRARIES = "کتابخانه\u200cها"  # «کتابخانه‌ها»


# ----------------------------------------------------------------- letters
@pytest.mark.parametrize(
    "text, expected",
    [
        ("ماليات", "مالیات"),  # Arabic yeh U+064A
        ("مالىات", "مالیات"),  # alef maksura U+0649
        ("كرمان", "کرمان"),  # Arabic kaf U+0643
        ("علي كريمي", "علی کریمی"),
        ("مالیات", "مالیات"),  # already Persian: unchanged
    ],
)
def test_normalize_arabic_letters(text, expected):
    assert normalize(text) == expected


def test_normalize_leaves_no_arabic_yeh_or_kaf():
    out = normalize("يكي از ديگري ى ك")
    assert "ي" not in out and "ى" not in out and "ك" not in out
    assert out == "یکی از دیگری ی ک"


# ----------------------------------------------------------------- digits
def test_normalize_arabic_indic_digits_become_persian():
    assert normalize("ماده ٣٤") == "ماده ۳۴"
    assert normalize("٠١٢٣٤٥٦٧٨٩") == "۰۱۲۳۴۵۶۷۸۹"


def test_normalize_latin_digits_kept_by_default():
    assert normalize("ماده 5") == "ماده 5"
    assert normalize("0123456789") == "0123456789"


def test_normalize_latin_digits_with_persian_digits():
    assert normalize("ماده 5", persian_digits=True) == "ماده ۵"
    assert normalize("0123456789 ٠١٢", persian_digits=True) == "۰۱۲۳۴۵۶۷۸۹ ۰۱۲"


# ----------------------------------------------------------------- white space
@pytest.mark.parametrize(
    "text, expected",
    [
        ("  سلام   دنیا  ", "سلام دنیا"),
        ("سلام\t\n دنیا", "سلام دنیا"),
        ("سلام\u00a0\u2003دنیا", "سلام دنیا"),  # no-break space, em space
        ("a  \t\n b", "a b"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_normalize_whitespace(text, expected):
    assert normalize(text) == expected


# ----------------------------------------------------------------- ZWNJ
def test_normalize_keeps_zwnj_inside_words():
    assert normalize(MI_SHAVAD) == MI_SHAVAD
    assert normalize(LIBRARIES) == LIBRARIES
    assert ZWNJ in normalize(MI_SHAVAD)
    assert normalize(f"این {MI_SHAVAD} در {LIBRARIES}") == f"این {MI_SHAVAD} در {LIBRARIES}"


def test_normalize_collapses_zwnj_runs():
    assert normalize("می\u200c\u200c\u200cشود") == MI_SHAVAD


@pytest.mark.parametrize(
    "text, expected",
    [
        ("\u200cسلام", "سلام"),  # leading
        ("سلام\u200c", "سلام"),  # trailing
        ("\u200c\u200cسلام\u200c", "سلام"),
        ("سلام\u200c دنیا", "سلام دنیا"),  # before a space
        ("سلام \u200cدنیا", "سلام دنیا"),  # after a space
        ("سلام \u200c دنیا", "سلام دنیا"),  # between spaces
        ("\u200c", ""),
    ],
)
def test_normalize_removes_stray_zwnj(text, expected):
    assert normalize(text) == expected


# ----------------------------------------------------------------- tatweel, bidi marks
def test_normalize_removes_tatweel():
    assert normalize("مـــالیات") == "مالیات"
    assert "\u0640" not in normalize("بـودجـه")


@pytest.mark.parametrize(
    "mark", ["\u200e", "\u200f", "\u061c", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\ufeff"]
)
def test_normalize_removes_bidi_marks(mark):
    assert normalize(f"{mark}مالیات{mark} ۱۲{mark}") == "مالیات ۱۲"


def test_normalize_is_idempotent():
    samples = ["  علي  كريمي ‌", f"\u200fمـالیات {MI_SHAVAD} ٣4", "سلام \u200c دنیا"]
    for s in samples:
        once = normalize(s)
        assert normalize(once) == once


# ----------------------------------------------------------------- search_key
def test_search_key_zwnj_and_space_equal():
    assert search_key(MI_SHAVAD) == search_key("می شود")
    assert search_key("  می   شود ") == search_key(MI_SHAVAD)


def test_search_key_arabic_letters_and_digits():
    assert search_key("ماليات ١٢") == search_key("مالیات ۱۲") == search_key("مالیات 12")
    assert search_key("كرمان") == search_key("کرمان")


def test_search_key_case_folded():
    assert search_key("Rasad") == search_key("RASAD") == "rasad"


def test_search_key_distinguishes_different_words():
    assert search_key("مالیات") != search_key("عوارض")
    assert search_key("میشود") != search_key(MI_SHAVAD)  # joined spelling is another key


# ----------------------------------------------------------------- display_width
def test_display_width_ignores_zwnj():
    assert display_width(MI_SHAVAD) == 5  # م ی ش و د
    assert display_width(LIBRARIES) == len(LIBRARIES) - 1


def test_display_width_ignores_harakat():
    assert display_width("مَن") == 2  # fatha U+064E is a combining mark
    assert display_width("مُحَمَّد") == 4  # damma, fatha, fatha, shadda
    assert display_width("\u064b\u064c\u064d") == 0


def test_display_width_other():
    assert display_width("") == 0
    assert display_width("abc") == 3
    assert display_width("\u200e\u200fab") == 2  # format characters
    assert display_width("中文") == 4  # wide characters take two columns
