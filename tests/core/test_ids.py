"""Tests for rasad_desktop.core.ids: national ID, legal-entity ID, tracking codes.

Check digits are recomputed here by independent implementations of the documented
formulas; the tracking-code error-detection claims are checked by brute force on
large samples and proved for all lengths from the Damm table (recovered through the
public damm_digit function).
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasad_desktop.core.ids import (
    IdError,
    TrackingCode,
    damm_digit,
    damm_valid,
    is_valid_legal_id,
    is_valid_national_id,
    legal_id_check_digit,
    national_id_check_digit,
    validate_legal_id,
    validate_national_id,
)

PERSIAN_LETTER = re.compile(r"[\u0622-\u063a\u0641-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc]")
TO_PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
TO_ARABIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
PROPS = settings(max_examples=300, deadline=None)


def assert_id_error(func, *args, code: str | None = None) -> IdError:
    with pytest.raises(IdError) as info:
        func(*args)
    err = info.value
    assert PERSIAN_LETTER.search(err.message_fa), err.message_fa
    assert err.message_en
    if code is not None:
        assert err.code == code
    return err


# ===================================================================== national ID
def my_national_check(first_nine: str) -> int:
    """domain.md: r = Σ dᵢ·(10−i), i = 0..8, mod 11; check = r if r < 2 else 11 − r."""
    total = 0
    for position, ch in enumerate(first_nine):
        total += int(ch) * (10 - position)
    r = total % 11
    return r if r < 2 else 11 - r


# Hand-computed valid IDs:
#   008457594: 0·10+0·9+8·8+4·7+5·6+7·5+5·4+9·3+4·2 = 64+28+30+35+20+27+8 = 212;
#              212 mod 11 = 3 → check 11−3 = 8 → 0084575948
#   000000001: 1·2 = 2 → r = 2 → check 9 → 0000000019
#   100000000: 1·10 = 10 → r = 10 → check 1 → 1000000001
#   000000112: 1·4 + 1·3 + 2·2 = 11 → r = 0 → check 0 → 0000001120
#   000000006: 6·2 = 12 → r = 1 → check 1 → 0000000061
HAND_VALID = ["0084575948", "0000000019", "1000000001", "0000001120", "0000000061"]


@pytest.mark.parametrize("nid", HAND_VALID)
def test_national_id_hand_computed_valid(nid):
    assert is_valid_national_id(nid)
    assert validate_national_id(nid) == nid
    assert national_id_check_digit(nid[:9]) == int(nid[9])


@pytest.mark.parametrize("nid", HAND_VALID)
def test_national_id_every_other_check_digit_invalid(nid):
    for d in "0123456789":
        if d != nid[9]:
            assert not is_valid_national_id(nid[:9] + d)
            assert_id_error(validate_national_id, nid[:9] + d, code="national_id_check")


@PROPS
@given(st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_national_id_property(first_nine):
    check = my_national_check(first_nine)
    nid = first_nine + str(check)
    repeated = len(set(nid)) == 1
    assert national_id_check_digit(first_nine) == check
    assert is_valid_national_id(nid) is (not repeated)
    for d in "0123456789":
        if d != str(check):
            assert not is_valid_national_id(first_nine + d)


@pytest.mark.parametrize("digit", "0123456789")
def test_national_id_repeated_digits_invalid(digit):
    nid = digit * 10
    # 54·d mod 11 ≡ −d, so r = 11 − d (or 0) and the check digit is d again: the check
    # digit *matches*, so only the repeated-digit rule refuses these.
    assert my_national_check(digit * 9) == int(digit)
    assert not is_valid_national_id(nid)
    assert_id_error(validate_national_id, nid, code="national_id_check")


def test_national_id_1111111111_specifically():
    # 1·(10+9+…+2) = 54; 54 mod 11 = 10 → check 11−10 = 1: matches, but invalid
    assert my_national_check("111111111") == 1
    assert not is_valid_national_id("1111111111")


@pytest.mark.parametrize("bad", ["", "008457594", "00845759480", "84575948", "008457594a", "abcdefghij"])
def test_national_id_wrong_length_or_chars(bad):
    assert not is_valid_national_id(bad)
    assert_id_error(validate_national_id, bad)


def test_national_id_length_error_code():
    assert_id_error(validate_national_id, "008457594", code="national_id_length")
    assert_id_error(validate_national_id, "00845759480", code="national_id_length")


def test_national_id_digit_forms_and_separators():
    assert is_valid_national_id("۰۰۸۴۵۷۵۹۴۸")
    assert validate_national_id("۰۰۸۴۵۷۵۹۴۸") == "0084575948"
    assert validate_national_id("٠٠٨٤٥٧٥٩٤٨") == "0084575948"
    assert validate_national_id(" 008-457594-8 ") == "0084575948"
    assert not is_valid_national_id("۰۰۸۴۵۷۵۹۴۹")


# ===================================================================== legal-entity ID
LEGAL_WEIGHTS = [29, 27, 23, 19, 17, 29, 27, 23, 19, 17]


def my_legal_check(first_ten: str) -> int:
    """As documented in ids.py: d = 10th digit + 2; Σ (dᵢ + d)·wᵢ mod 11; 10 → 0."""
    d = int(first_ten[9]) + 2
    s = 0
    for ch, w in zip(first_ten, LEGAL_WEIGHTS, strict=True):
        s += (int(ch) + d) * w
    s %= 11
    return 0 if s == 10 else s


def test_legal_id_hand_computed():
    # first ten = 0000000010: d = 0 + 2 = 2; every term is 2·w except position 8 (digit 1,
    # weight 19): (1+2)·19 = 57. Σw = 2·115 = 230; 2·(230 − 19) + 57 = 422 + 57 = 479;
    # 479 = 43·11 + 6 → check digit 6.
    assert my_legal_check("0000000010") == 6
    assert legal_id_check_digit("0000000010") == 6
    assert is_valid_legal_id("00000000106")
    assert validate_legal_id("00000000106") == "00000000106"
    assert not is_valid_legal_id("00000000105")


legal_bodies = st.text(alphabet="0123456789", min_size=10, max_size=10).filter(lambda s: int(s[3:9]) != 0)


@PROPS
@given(legal_bodies)
def test_legal_id_property(first_ten):
    check = my_legal_check(first_ten)
    assert legal_id_check_digit(first_ten) == check
    lid = first_ten + str(check)
    assert is_valid_legal_id(lid)
    assert validate_legal_id(lid) == lid
    assert validate_legal_id(lid.translate(TO_PERSIAN)) == lid
    for d in "0123456789":
        if d != str(check):
            assert not is_valid_legal_id(first_ten + d)
            assert_id_error(validate_legal_id, first_ten + d, code="legal_id_check")


def test_legal_id_zero_middle_refused():
    # digits 4–9 all zero are not an entity number, even with a matching check digit
    body = "1230000004"
    lid = body + str(my_legal_check(body))
    assert not is_valid_legal_id(lid)
    assert not is_valid_legal_id("00000000000")


@pytest.mark.parametrize("bad", ["", "0000000010", "000000001060", "1010038776x"])
def test_legal_id_wrong_length(bad):
    assert not is_valid_legal_id(bad)
    assert_id_error(validate_legal_id, bad)


# ===================================================================== Damm / tracking codes
def test_damm_reference_example():
    # The textbook example: 572 → check digit 4
    assert damm_digit("572") == 4
    assert damm_valid("5724")
    assert not damm_valid("5723")
    assert not damm_valid("")
    assert not damm_valid("57a4")


def test_damm_valid_on_non_ascii_digit_returns_false():
    # "²".isdigit() is True, but it is not a digit 0–9: damm_valid is a predicate and
    # should answer False rather than raise ValueError from int("²").
    assert damm_valid("12²") is False
    assert damm_valid("5724\u00b2") is False


def test_tracking_code_hand_computed():
    # body 04 09 30 03 0012; Damm interim digits, row = interim, column = next digit:
    # 0→T[0][0]=0 →4:T[0][4]=5 →0:T[5][0]=3 →9:T[3][9]=6 →3:T[6][3]=9 →0:T[9][0]=2
    # →0:T[2][0]=4 →3:T[4][3]=3 →0:T[3][0]=1 →0:T[1][0]=7 →1:T[7][1]=9 →2:T[9][2]=8
    code = TrackingCode(1404, 9, 30, 3, 12)
    assert code.body == "040930030012"
    assert code.digits == "0409300300128"
    assert code.format() == "040930-030012-8"
    assert str(code) == "040930-030012-8"
    assert code.format("fa") == "۰۴۰۹۳۰-۰۳۰۰۱۲-۸"


def test_tracking_code_issue_from_gregorian_day():
    # 2025-12-21 is 1404/09/30
    assert TrackingCode.issue(dt.date(2025, 12, 21), 3, 12) == TrackingCode(1404, 9, 30, 3, 12)


def test_tracking_code_layout():
    for code in [TrackingCode(1404, 1, 1, 0, 1), TrackingCode(1404, 12, 29, 99, 9999), TrackingCode(1410, 7, 5, 12, 345)]:
        text = code.format()
        assert re.fullmatch(r"[0-9]{6}-[0-9]{6}-[0-9]", text)
        y, m, d = code.year % 100, code.month, code.day
        assert text[:6] == f"{y:02d}{m:02d}{d:02d}"
        assert text[7:13] == f"{code.station:02d}{code.serial:04d}"
        assert damm_valid(text.replace("-", ""))


@pytest.mark.parametrize(
    "code",
    [TrackingCode(1404, 9, 30, 3, 12), TrackingCode(1404, 1, 1, 0, 1), TrackingCode(1469, 12, 30, 99, 9999),
     TrackingCode(1399, 12, 30, 1, 7)],  # two-digit years: 70–99 → 13xx, 00–69 → 14xx
)
def test_tracking_code_parse_round_trip(code):
    text = code.format()
    assert TrackingCode.parse(text) == code
    assert TrackingCode.parse(code.format("fa")) == code
    assert TrackingCode.parse(text.translate(TO_ARABIC)) == code
    assert TrackingCode.parse(text.replace("-", "")) == code  # dashes missing
    assert TrackingCode.parse(text.replace("-", " ")) == code
    assert TrackingCode.parse(f"  {code.digits}  ") == code


def test_tracking_code_parse_refuses_wrong_length():
    assert_id_error(TrackingCode.parse, "040930-030012", code="tracking_length")
    assert_id_error(TrackingCode.parse, "040930-030012-88", code="tracking_length")
    assert_id_error(TrackingCode.parse, "", code="tracking_length")
    assert_id_error(TrackingCode.parse, "04093a-030012-8", code="tracking_length")


def test_tracking_code_parse_refuses_impossible_fields():
    for body in ["041330030012", "040900030012", "040932030012", "040930030000"]:
        text = body + str(damm_digit(body))  # check digit right, fields wrong
        assert damm_valid(text)
        assert_id_error(TrackingCode.parse, text, code="tracking_fields")


def test_tracking_code_bad_station_or_serial():
    with pytest.raises(ValueError):
        TrackingCode(1404, 9, 30, 100, 1)
    with pytest.raises(ValueError):
        TrackingCode(1404, 9, 30, -1, 1)
    with pytest.raises(ValueError):
        TrackingCode(1404, 9, 30, 3, 0)
    with pytest.raises(ValueError):
        TrackingCode(1404, 9, 30, 3, 10000)


def test_tracking_code_example_in_error_message_is_itself_valid():
    # The message shown for a code of the wrong length gives an example code (the same
    # one as the module docstring). An example shown to the public must pass its own
    # check digit; «040930-030012-7» does not (its Damm digit is 8, see above).
    err = assert_id_error(TrackingCode.parse, "123", code="tracking_length")
    example = re.search(r"[0-9]{6}-[0-9]{6}-[0-9]", err.message_en).group(0)
    assert damm_valid(example.replace("-", "")), example
    example_fa = re.search(r"[۰-۹]{6}-[۰-۹]{6}-[۰-۹]", err.message_fa).group(0)
    assert example_fa == example.translate(TO_PERSIAN)


def test_two_stations_same_day_and_serial_differ():
    a = TrackingCode(1404, 9, 30, 3, 12)
    b = TrackingCode(1404, 9, 30, 4, 12)
    assert a.format() != b.format()
    codes = {TrackingCode(1404, 9, 30, station, 12).format() for station in range(100)}
    assert len(codes) == 100
    # and (station, serial) pairs of one day never collide
    day_codes = {TrackingCode(1404, 9, 30, s, n).digits for s in (0, 1, 2, 99) for n in range(1, 10000)}
    assert len(day_codes) == 4 * 9999


# ----------------------------------------------------------------- error detection
def single_substitutions(digits: str):
    for i, old in enumerate(digits):
        for new in "0123456789":
            if new != old:
                yield digits[:i] + new + digits[i + 1 :]


def adjacent_swaps(digits: str):
    for i in range(len(digits) - 1):
        if digits[i] != digits[i + 1]:
            yield digits[:i] + digits[i + 1] + digits[i] + digits[i + 2 :]


@pytest.mark.parametrize(
    "day, station",
    [((1404, 9, 30), 3), ((1403, 12, 30), 17)],
    ids=["1404-09-30/st03", "1403-12-30/st17"],
)
def test_every_single_digit_error_and_adjacent_swap_detected_for_all_serials(day, station):
    substitutions = swaps = 0
    for serial in range(1, 10000):
        good = TrackingCode(*day, station, serial).digits
        assert damm_valid(good)
        for bad in single_substitutions(good):  # 13 positions × 9, check digit included
            assert not damm_valid(bad), (good, bad)
            substitutions += 1
        for bad in adjacent_swaps(good):  # 12 adjacent pairs, the last one with the check digit
            assert not damm_valid(bad), (good, bad)
            swaps += 1
    assert substitutions == 9999 * 13 * 9
    assert swaps > 9999 * 6  # sanity: the loop did run over many swaps


@PROPS
@given(st.text(alphabet="0123456789", min_size=12, max_size=12))
def test_random_codes_errors_detected_by_parse(body):
    good = body + str(damm_digit(body))
    assert damm_valid(good)
    for bad in list(single_substitutions(good)) + list(adjacent_swaps(good)):
        assert not damm_valid(bad)
        assert_id_error(TrackingCode.parse, f"{bad[:6]}-{bad[6:12]}-{bad[12]}", code="tracking_check")


def test_damm_table_proof_for_every_length():
    """Recover the table T through damm_digit and check the properties that make the
    detection claims hold for strings of any length (check digit included):
    rows and columns are permutations (single errors), and T is weakly totally
    anti-symmetric: T[T[x][a]][b] ≠ T[T[x][b]][a] for a ≠ b (adjacent swaps)."""
    # a one-digit prefix reaching each interim value x (row 0 must be a permutation)
    prefix = {damm_digit(str(d)): str(d) for d in range(10)}
    assert sorted(prefix) == list(range(10))
    T = [[damm_digit(prefix[x] + str(c)) for c in range(10)] for x in range(10)]
    assert [T[0][c] for c in range(10)] == [damm_digit(str(c)) for c in range(10)]
    for x in range(10):
        assert sorted(T[x]) == list(range(10)), f"row {x} not a permutation"
        assert T[x][x] == 0  # appending the interim digit gives 0
    for c in range(10):
        assert sorted(T[x][c] for x in range(10)) == list(range(10)), f"column {c}"
    for x in range(10):
        for a in range(10):
            for b in range(10):
                if a != b:
                    assert T[T[x][a]][b] != T[T[x][b]][a], (x, a, b)
