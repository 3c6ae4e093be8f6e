"""Line breaking, shaping and glyph coverage of the text layer."""

from __future__ import annotations

from rasad_desktop.reports.fonts import BOLD, REGULAR, coverage, drawable, register
from rasad_desktop.reports.rtl import clean, line_width, shape, visual, wrap

LONG = ("گزارش رصد منابع استان برای دورهٔ شش‌ماهه نشان می‌دهد که دستگاه‌های اجرایی در مجموع "
        "۹۸٫۳٪ سهم دوره را محقق کرده‌اند و وصولی نسبت به مدت مشابه سال قبل رشد داشته است.")


def test_lines_follow_the_logical_order_and_fit():
    register()
    lines = wrap(LONG, REGULAR, 10, 140)
    assert len(lines) >= 3
    assert " ".join(lines) == clean(LONG)  # nothing lost, nothing reordered between lines
    assert all(line_width(line, REGULAR, 10) <= 140 for line in lines)
    assert lines[0].startswith("گزارش")  # the first line is the start of the sentence


def test_a_word_longer_than_the_line_gets_its_own_line():
    word = "https://mefa.ir/report?id=12345&year=1403&month=07"
    lines = wrap(f"پیوند {word} را ببینید", REGULAR, 10, 80)
    assert word in lines and "پیوند" in lines[0]


def test_harakat_and_lam_alef_are_kept():
    assert "\u064b" in shape("لطفاً")
    assert shape("نسخهٔ").endswith("\ufba5")  # ه + ٔ drawn as the one letter ۀ (final form)
    assert "\ufefb" in shape("لا")  # the lam-alef ligature
    assert "\ufdf2" not in shape("الله")  # no word ligature the font would lack


def test_every_persian_letter_in_every_position_is_drawable():
    letters = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیئۀآأؤإة"
    for font in (REGULAR, BOLD):
        cmap = coverage(font)
        for ch in letters:
            for word in (ch, ch + "ب", "ب" + ch, "ب" + ch + "ب"):
                glyphs = visual(word, font)
                assert glyphs and all(ord(c) in cmap for c in glyphs), (font, word, glyphs)


def test_missing_glyphs_fall_back_to_the_base_letter_never_blank():
    assert 0xFBA4 not in coverage(REGULAR)  # isolated ۀ is missing from Vazirmatn …
    assert drawable("\ufba4") == "\u06c0"  # … and drawn as the base letter
    assert drawable("\u061c") == ""  # an invisible control is simply not drawn
    assert drawable("\U0001F600") == "?"  # anything else shows, never a silent blank


def test_clean_keeps_letters_zwnj_and_bidi_controls_but_folds_spaces():
    assert clean("  می\u200cشود\u202b ك\t ي ") == "می\u200cشود\u202b ك ي"


def test_isolates_and_embeddings_are_honoured_then_not_drawn():
    # an isolated Latin name keeps its words in order; an embedding keeps «12-34» as written
    assert visual("نام \u2066John Smith 42\u2069 ثبت شد") == visual("نام John Smith 42 ثبت شد")
    glyphs = visual("شماره \u202b12-34\u202c در متن")
    assert "12-34" in glyphs and "34-12" not in glyphs
    # without the embedding, Persian context splits the number around the minus sign
    assert "34-12" in visual("شماره 12-34 در متن")
    assert not any(c in glyphs for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
