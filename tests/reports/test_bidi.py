"""The bidi layer against hand-worked cases and against GNU FriBidi."""

from __future__ import annotations

import random
import shutil
import subprocess
import unicodedata

from needs import FRIBIDI

from rasad_desktop.reports.bidi import levels, reorder


def test_persian_is_reversed_for_left_to_right_drawing():
    assert reorder("سلام") == "مالس"


def test_digit_runs_are_never_reversed():
    assert reorder("سال ۱۴۰۳") == "۱۴۰۳ لاس"
    assert reorder("۱۴۰۳/۰۷/۱۵") == "۱۴۰۳/۰۷/۱۵"  # a date stays as written
    assert reorder("12,345") == "12,345"


def test_brackets_and_guillemets_are_mirrored():
    assert reorder("(ریال)") == "(لایر)"
    assert reorder("«مصوب»") == "«بوصم»"
    assert reorder("[ملی]") == "[یلم]"


def test_latin_inside_persian_keeps_its_order():
    assert reorder("گزارش PDF سال") == "لاس PDF شرازگ"


def test_bracket_pair_rule_n0_keeps_latin_brackets_together():
    # without N0 the closing bracket would take the Persian direction and split the pair
    assert reorder("ABC(DEF)گزارش") == "شرازگABC(DEF)"


def test_a_line_starting_with_latin_stays_right_to_left():
    assert reorder("PDF گزارش") == "شرازگ PDF"
    assert levels("PDF گزارش")[0] == 2  # Latin embedded in a right-to-left line


def test_zwnj_is_kept_and_marks_are_dropped():
    out = reorder("می\u200cشود")
    assert "\u200c" in out and out.replace("\u200c", "") == "دوشیم"
    assert "\u200e" not in reorder("\u200e\u2212۱۲")


def test_combining_marks_stay_before_their_base_in_drawing_order():
    # no L3: Vazirmatn draws a zero-width mark to the right of the pen, i.e. over the
    # letter drawn next — its base once the line is reversed
    assert reorder("نسخهٔ") == "\u0654هخسن"
    assert reorder("لطفاً") == "\u064bافطل"


def test_isolates_keep_their_content_apart_from_the_surrounding_text():
    # without the isolate the digits would join the Persian run after them
    assert reorder("\u2066ABC 12\u2069 سال") == "لاس ABC 12"
    # FSI takes its direction from its first strong letter: here right to left, so B stays
    # on the left of the Persian word although the line around it runs left to right
    assert reorder("A \u2068سلام B\u2069 C") == "A B مالس C"
    assert reorder("\u2068سلام B\u2069") == "B مالس"  # FSI here acts as RLI …
    assert reorder("\u2066سلام B\u2069") == "مالس B"  # … not as LRI


def test_overrides_force_the_direction_of_their_letters():
    assert reorder("\u202dسلام\u202c") == "سلام"  # LRO: drawn in reading order
    assert reorder("x \u202eABC\u202c y") == "y CBA x"  # RLO: Latin reversed


def test_unmatched_and_overflowing_controls_do_not_break_the_line():
    assert reorder("\u2069\u202cسلام\u202a") == "مالس"
    deep = "\u202b" * 200 + "ABC" + "\u202c" * 200
    assert reorder(deep) == "ABC"


def test_minus_with_lrm_stays_on_the_left():
    assert reorder("\u200e\u2212۴۵۰٬۰۰۰") == "\u2212۴۵۰٬۰۰۰"


# Directional marks (LRM, RLM, ALM) are left out of the random mix: next to combining marks
# after punctuation FriBidi and this module order a few exotic sequences differently.
ALPHABET = (list("سلامپچژگکیابت") + list("ABCxyz") + list("0123۰۱۲۳٠١٢") + list(" ()[]«».,:;-−+%٪٫٬/،")
            + ["\u200c", "\u064b", "\u0654"])


CONTROLS = list("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def test_agrees_with_the_unicode_bidi_crate_with_embeddings_overrides_and_isolates():
    # python-bidi's get_display runs the Rust unicode-bidi crate (conformance-tested against
    # BidiCharacterTest.txt); it does not mirror, so brackets are compared as one class
    from bidi import get_display

    rnd = random.Random(1405)
    alphabet = ALPHABET + CONTROLS * 3
    strings = {"".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 20))) for _ in range(4000)}
    same = str.maketrans("()[]«»", "(([[««")

    def comparable(s: str) -> str:
        s = "".join(c for c in s if unicodedata.category(c) not in ("Mn", "Cf"))
        return s.translate(same)

    mismatches = [(s, reorder(s), get_display(s, base_dir="R")) for s in sorted(strings)
                  if comparable(reorder(s)) != comparable(get_display(s, base_dir="R"))]
    assert mismatches == []


@FRIBIDI.unless(shutil.which("fribidi") is not None)
def test_agrees_with_fribidi_on_random_mixed_lines():
    rnd = random.Random(1404)
    strings = list(dict.fromkeys(
        "".join(rnd.choice(ALPHABET) for _ in range(rnd.randint(1, 16))).strip() for _ in range(3000)))
    strings = [s for s in strings if s]
    out = subprocess.run(["fribidi", "--rtl", "--nopad", "--nobreak", "--reordernsm"],
                         input="\n".join(strings) + "\n", capture_output=True, text=True, check=True).stdout

    def comparable(s: str) -> str:  # marks' order and invisible controls differ legitimately
        # FriBidi shapes lam-alef into one ligature (+ U+FEFF): count it as alef, lam in visual order
        s = "".join("\u0627\u0644" if "\ufef5" <= c <= "\ufefc" else c for c in s).replace("\ufeff", "")
        s = "".join(c for c in s if unicodedata.category(c) != "Mn")
        return "".join(c for c in unicodedata.normalize("NFKC", s) if c not in "\u200e\u200f\u061c\u200c")

    expected = out.split("\n")[: len(strings)]
    mismatches = [(s, reorder(s), f) for s, f in zip(strings, expected) if comparable(reorder(s)) != comparable(f)]
    assert len(expected) == len(strings)
    assert mismatches == []
