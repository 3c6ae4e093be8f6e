"""Tests for rasad_desktop.core.words: numbers and amounts spelled out in Persian."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from rasad_desktop.core.words import MAX_MAGNITUDE, amount_in_words, number_to_words

PROPS = settings(max_examples=300, deadline=None)

N999 = "نهصد و نود و نه"
N999_999_999 = "نهصد و نود و نه میلیون و نهصد و نود و نه هزار و نهصد و نود و نه"

# ----------------------------------------------------------------- hand-written examples
EXPECTED = [
    (0, "صفر"),
    (1, "یک"),
    (2, "دو"),
    (3, "سه"),
    (4, "چهار"),
    (5, "پنج"),
    (6, "شش"),
    (7, "هفت"),
    (8, "هشت"),
    (9, "نه"),
    (10, "ده"),
    (11, "یازده"),
    (12, "دوازده"),
    (13, "سیزده"),
    (14, "چهارده"),
    (15, "پانزده"),
    (16, "شانزده"),
    (17, "هفده"),
    (18, "هجده"),
    (19, "نوزده"),
    (20, "بیست"),
    (21, "بیست و یک"),
    (30, "سی"),
    (42, "چهل و دو"),
    (50, "پنجاه"),
    (63, "شصت و سه"),
    (70, "هفتاد"),
    (84, "هشتاد و چهار"),
    (90, "نود"),
    (99, "نود و نه"),
    (100, "صد"),
    (101, "صد و یک"),
    (110, "صد و ده"),
    (119, "صد و نوزده"),
    (200, "دویست"),
    (300, "سیصد"),
    (405, "چهارصد و پنج"),
    (500, "پانصد"),
    (615, "ششصد و پانزده"),
    (700, "هفتصد"),
    (818, "هشتصد و هجده"),
    (960, "نهصد و شصت"),
    (999, "نهصد و نود و نه"),
    (1000, "هزار"),
    (1001, "هزار و یک"),
    (1100, "هزار و صد"),
    (1999, "هزار و نهصد و نود و نه"),
    (2000, "دو هزار"),
    (2500, "دو هزار و پانصد"),
    (12_345, "دوازده هزار و سیصد و چهل و پنج"),
    (100_000, "صد هزار"),
    (101_000, "صد و یک هزار"),
    (999_999, "نهصد و نود و نه هزار و نهصد و نود و نه"),
    (1_000_000, "یک میلیون"),
    (1_000_001, "یک میلیون و یک"),
    (1_001_000, "یک میلیون و هزار"),
    (1_200_000, "یک میلیون و دویست هزار"),
    (2_000_500, "دو میلیون و پانصد"),
    (15_000_000, "پانزده میلیون"),
    (999_999_999, N999_999_999),
    (1_000_000_000, "یک میلیارد"),
    (1_000_000_001, "یک میلیارد و یک"),
    (1_000_001_000, "یک میلیارد و هزار"),
    (2_500_000_000, "دو میلیارد و پانصد میلیون"),
    (10**12, "هزار میلیارد"),
    (10**12 + 1, "هزار میلیارد و یک"),
    (5 * 10**12, "پنج هزار میلیارد"),
    (1_001_000_000_000, "هزار و یک میلیارد"),
    (
        1_234_567_890_123,
        "هزار و دویست و سی و چهار میلیارد و پانصد و شصت و هفت میلیون و هشتصد و نود هزار و صد و بیست و سه",
    ),
    (10**15, "یک میلیون میلیارد"),
    (1_234 * 10**12 + 5, "یک میلیون و دویست و سی و چهار هزار میلیارد و پنج"),
    (10**18, "یک میلیارد میلیارد"),
    (10**18 + 5 * 10**9, "یک میلیارد میلیارد و پنج میلیارد"),
    (10**18 + 10**12 + 7, "یک میلیارد میلیارد و هزار میلیارد و هفت"),
    (
        10**21 - 1,
        f"{N999} میلیارد میلیارد و {N999_999_999} میلیارد و {N999_999_999}",
    ),
    (-1, "منفی یک"),
    (-19, "منفی نوزده"),
    (-1000, "منفی هزار"),
    (-2500, "منفی دو هزار و پانصد"),
    (-(10**12), "منفی هزار میلیارد"),
    (-(10**21 - 1), f"منفی {N999} میلیارد میلیارد و {N999_999_999} میلیارد و {N999_999_999}"),
]


@pytest.mark.parametrize("n, expected", EXPECTED)
def test_number_to_words_examples(n, expected):
    assert number_to_words(n) == expected


# every word form the module may produce
ALL_WORDS = set(
    "صفر منفی و یک دو سه چهار پنج شش هفت هشت نه"
    " ده یازده دوازده سیزده چهارده پانزده شانزده هفده هجده نوزده"
    " بیست سی چهل پنجاه شصت هفتاد هشتاد نود"
    " صد دویست سیصد چهارصد پانصد ششصد هفتصد هشتصد نهصد"
    " هزار میلیون میلیارد".split()
)


def test_examples_cover_every_word():
    used = {word for _, text in EXPECTED for word in text.split(" ")}
    assert used == ALL_WORDS


def test_examples_are_distinct():
    assert len({n for n, _ in EXPECTED}) == len(EXPECTED)
    assert len({text for _, text in EXPECTED}) == len(EXPECTED)


def test_one_thousand_never_has_yek():
    assert "یک هزار" not in number_to_words(1000)
    assert "یک هزار" not in number_to_words(10**12)
    assert "یک هزار" not in number_to_words(1_001_000)


def test_persian_letters_only_in_the_module_output():
    for _, text in EXPECTED:
        assert "ي" not in text and "ك" not in text


# ----------------------------------------------------------------- range and types
def test_largest_accepted():
    assert MAX_MAGNITUDE == 10**21 - 1
    number_to_words(MAX_MAGNITUDE)
    number_to_words(-MAX_MAGNITUDE)


@pytest.mark.parametrize("n", [10**21, -(10**21), 10**30, -(10**30)])
def test_too_large_raises_value_error(n):
    with pytest.raises(ValueError):
        number_to_words(n)


@pytest.mark.parametrize("value", [True, False, 1.0, "12", "۱۲", None, Decimal("5"), Fraction(1, 1)])
def test_non_int_raises_type_error(value):
    with pytest.raises(TypeError):
        number_to_words(value)
    with pytest.raises(TypeError):
        amount_in_words(value)


def test_int_subclass_is_accepted():
    class Count(int):
        pass

    assert number_to_words(Count(21)) == "بیست و یک"


# ----------------------------------------------------------------- amounts
@pytest.mark.parametrize(
    "args, expected",
    [
        ((2500,), "دو هزار و پانصد ریال"),
        ((0,), "صفر ریال"),
        ((1000,), "هزار ریال"),
        ((-1_200_000,), "منفی یک میلیون و دویست هزار ریال"),
        ((5 * 10**12,), "پنج هزار میلیارد ریال"),
        ((250, "تومان"), "دویست و پنجاه تومان"),
        ((3, "میلیون ریال"), "سه میلیون ریال"),
        ((42, ""), "چهل و دو"),
    ],
)
def test_amount_in_words(args, expected):
    assert amount_in_words(*args) == expected


def test_amount_in_words_range():
    with pytest.raises(ValueError):
        amount_in_words(10**21)


# ----------------------------------------------------------------- an independent reader
_SMALL = {word: value for value, word in enumerate("صفر یک دو سه چهار پنج شش هفت هشت نه".split())}
_SMALL.update(
    {word: 10 + i for i, word in enumerate("ده یازده دوازده سیزده چهارده پانزده شانزده هفده هجده نوزده".split())}
)
_SMALL.update({word: 20 + 10 * i for i, word in enumerate("بیست سی چهل پنجاه شصت هفتاد هشتاد نود".split())})
_SMALL.update(
    {word: 100 * (i + 1) for i, word in enumerate("صد دویست سیصد چهارصد پانصد ششصد هفتصد هشتصد نهصد".split())}
)
_SCALES = {"هزار": 10**3, "میلیون": 10**6, "میلیارد": 10**9}


def read_words(text: str) -> int:
    """Persian number words back to an int, the way a reader takes them in.

    Numbers below a thousand add up; a scale word multiplies everything said since
    the last part that is at least a thousand times the scale (so «هزار میلیارد»
    is 10¹² and «یک میلیون و دویست هزار میلیارد» is 1,200,000 × 10⁹); a bare
    scale word counts as one of it. «و» only separates.
    """
    words = text.split(" ")
    sign = 1
    if words[0] == "منفی":
        sign, words = -1, words[1:]
    parts: list[int] = []  # finished parts, largest first
    current = 0
    previous = ""
    for word in words:
        if word == "و":
            assert previous not in ("", "و"), text
        elif word in _SMALL:
            assert previous in ("", "و"), text  # small numbers are always joined with و
            current += _SMALL[word]
        else:
            scale = _SCALES[word]
            multiplier = current
            while parts and parts[-1] < scale * 1000:
                multiplier += parts.pop()
            parts.append((multiplier or 1) * scale)
            current = 0
        previous = word
    assert previous != "و", text
    return sign * (sum(parts) + current)


@pytest.mark.parametrize("n, text", EXPECTED)
def test_reader_reads_the_examples(n, text):
    assert read_words(text) == n


@PROPS
@given(st.integers(min_value=0, max_value=10**18 - 1))
@example(0)
@example(10**18 - 1)
@example(10**12)
@example(10**15 + 1000)
def test_round_trip_below_10_18(n):
    assert read_words(number_to_words(n)) == n


@PROPS
@given(st.integers(min_value=-MAX_MAGNITUDE, max_value=MAX_MAGNITUDE))
@example(MAX_MAGNITUDE)
@example(-MAX_MAGNITUDE)
@example(10**18 + 10**9)
def test_round_trip_full_range(n):
    assert read_words(number_to_words(n)) == n


# ----------------------------------------------------------------- shape of the text
PERSIAN_LETTERS = set("آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی")

any_number = st.one_of(
    st.integers(min_value=-MAX_MAGNITUDE, max_value=MAX_MAGNITUDE),
    st.integers(min_value=-10_000, max_value=10_000),
)


@PROPS
@given(any_number)
def test_only_persian_letters_and_single_spaces(n):
    text = number_to_words(n)
    assert set(text) <= PERSIAN_LETTERS | {" "}
    assert "\u200c" not in text  # no ZWNJ
    assert "  " not in text
    assert text == text.strip()


@PROPS
@given(any_number)
def test_never_starts_or_ends_with_va(n):
    text = number_to_words(n)
    words = text.split(" ")
    assert words[0] != "و" and words[-1] != "و"
    assert not text.startswith("و ") and not text.endswith(" و")
    assert " و و " not in text
    assert set(words) <= ALL_WORDS


@PROPS
@given(st.integers(min_value=1, max_value=MAX_MAGNITUDE))
def test_negative_is_minus_and_the_magnitude(n):
    assert number_to_words(-n) == "منفی " + number_to_words(n)


@PROPS
@given(st.integers(min_value=-MAX_MAGNITUDE, max_value=MAX_MAGNITUDE), st.sampled_from(["ریال", "تومان", "هزار ریال"]))
def test_amount_is_number_and_unit(n, unit):
    assert amount_in_words(n, unit) == number_to_words(n) + " " + unit


@PROPS
@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=10**6))
def test_distinct_numbers_distinct_words(a, b):
    if a != b:
        assert number_to_words(a) != number_to_words(b)
