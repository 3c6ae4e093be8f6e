"""The cover letter: it names its signatory (the approver, the scan above the name), cites
the attached report by number, and says its amounts in a unit that reads naturally."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from pdfgeom import IMAGE, PATH, pages
from pdftools import pdf_text, run_checker
from PIL import Image

from rasad_desktop.core.amounts import Unit
from rasad_desktop.core.rounding import div_round
from rasad_desktop.core.words import number_to_words
from rasad_desktop.reports import letter
from rasad_desktop.reports.amount_words import in_words, unit_for
from rasad_desktop.reports.common import RenderOptions, signatories
from rasad_desktop.reports.page import PageInfo
from rasad_desktop.services import report_kinds, reporting

B = 10**9
INFO = PageInfo("اداره کل امور اقتصادی و دارایی استان آذربایجان شرقی", "نامهٔ ارسال گزارش رصد منابع",
                "۱۴۰۵/۰۹/۱۱", "1405/0004")
APPROVED = ("علی رضایی", "مدیرکل امور اقتصادی و دارایی استان آذربایجان شرقی")


def png(tmp: Path) -> bytes:
    path = tmp / "sign.png"
    Image.new("RGB", (300, 90), (20, 40, 160)).save(path)
    return path.read_bytes()


def opts(image: bytes | None = None, approved: tuple[str, str] = APPROVED) -> RenderOptions:
    return RenderOptions(office=INFO.office, province="آذربایجان شرقی",
                         signatories=signatories(("مریم احمدی", "کارشناس رصد منابع"), approved, image))


@pytest.fixture(scope="module")
def snapshot(demo_db) -> dict:  # type: ignore[no-untyped-def]
    with demo_db.session() as s:
        return report_kinds.gather(s, reporting.ReportRequest("letter", 1405, 6))


def plain(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace("\u200c", "").replace(" ", "")


# ------------------------------------------------------------------------- amounts in words
@pytest.mark.parametrize(("rials", "expected"), [
    (159_700 * B, "۱۵۹٬۷۰۰ میلیارد ریال (صد و پنجاه و نه هزار و هفتصد میلیارد ریال)"),
    (79_694 * B, "۷۹٬۶۹۴ میلیارد ریال (هفتاد و نه هزار و ششصد و نود و چهار میلیارد ریال)"),
    (5_500_000_000, "۵٬۵۰۰ میلیون ریال (پنج هزار و پانصد میلیون ریال)"),
    (78_332_695_400_000, "حدود ۷۸٬۳۳۳ میلیارد ریال (هفتاد و هشت هزار و سیصد و سی و سه میلیارد ریال)"),
    (999_999_500_000, "حدود ۱٬۰۰۰ میلیارد ریال (هزار میلیارد ریال)"),  # rounded up past a million millions
    (450_000, "۴۵۰٬۰۰۰ ریال (چهارصد و پنجاه هزار ریال)"),
    (0, "۰ ریال (صفر ریال)"),
])
def test_each_amount_in_the_unit_its_figure_reads_best_in(rials, expected):
    assert in_words(rials) == expected


@pytest.mark.parametrize("rials", [7 * 10**e + k * 10**(e - 3) for e in range(3, 19) for k in (0, 1, 499, 500, 999)])
def test_the_words_never_repeat_the_unit_and_rounding_is_half_up_and_said(rials):
    text = in_words(rials)
    unit = unit_for(rials)
    figure = div_round(rials, unit.factor)
    assert text.endswith(f"({number_to_words(figure)} {unit.label()})")  # nothing after the parenthesis
    words = number_to_words(figure)
    assert abs(figure) < 10**6 or unit is Unit.BILLION  # so its words stop at «هزار»
    assert not words.endswith((" میلیون", " میلیارد")) or unit is Unit.BILLION
    assert text.startswith("حدود ") == (figure * unit.factor != rials)  # approximate only when it is


# ------------------------------------------------------------------------------- the letter
def test_the_letter_cites_the_attached_report_by_number(snapshot, tmp_path, checker):
    data = {**snapshot, "attached_report": {"number": "1405/0003", "version": 1}}
    path = tmp_path / "letter.pdf"
    path.write_bytes(letter.render(data, INFO, opts()))
    text = pdf_text(path)
    line = "پیوست: گزارش رصد منابع شمارهٔ ۱۴۰۵/۰۰۰۳"
    assert plain("گزارش رصد منابع شماره ۱۴۰۵/۰۰۰۳") in plain(text.replace("ٔ", ""))
    assert "نسخه" not in text  # version 1 is not mentioned
    first = letter.body_text(data, opts())[0]
    assert "به شمارهٔ ۱۴۰۵/۰۰۰۳، به پیوست تقدیم می‌شود." in first
    assert "دورهٔ از" not in first
    assert letter.attachment_line(data) == line
    result = run_checker(checker, path, [line, first, *letter.body_text(data, opts())[1:]])
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_corrected_report_is_cited_with_its_version_and_a_draft_plainly(snapshot):
    corrected = {**snapshot, "attached_report": {"number": "1405/0003", "version": 2}}
    assert letter.attachment_line(corrected) == "پیوست: گزارش رصد منابع شمارهٔ ۱۴۰۵/۰۰۰۳ (نسخهٔ ۲)"
    assert "به شمارهٔ ۱۴۰۵/۰۰۰۳ (نسخهٔ ۲)، به پیوست" in letter.body_text(corrected, opts())[0]
    assert letter.attachment_line(snapshot) == "پیوست: دارد (گزارش رصد منابع)"
    assert "شمارهٔ" not in letter.body_text(snapshot, opts())[0]


def test_the_letter_is_signed_by_the_approver_with_the_scan_above_the_name(snapshot, tmp_path):
    page = pages(letter.render(snapshot, INFO, opts(png(tmp_path))))[0]
    name = next(o for o in page.texts() if plain(APPROVED[0]) in plain(o.text))
    title = next(o for o in page.texts() if plain(APPROVED[1]) == plain(o.text))
    image = next(o for o in page.objects if o.kind == IMAGE)
    assert image.box.y0 > name.box.y1 and name.box.y0 > title.box.y1  # scan, name, title
    assert name.box.x1 < page.width / 2 and abs(image.box.centre[0] - name.box.centre[0]) < 1  # on the left
    assert not any(plain(o.text) == plain("مدیرکل") for o in page.texts())  # no bare title


def test_without_a_name_the_letter_keeps_the_title_and_a_line_to_sign_on(snapshot):
    page = pages(letter.render(snapshot, INFO, opts(approved=("", ""))))[0]
    title = [o for o in page.texts() if plain(o.text) == plain("مدیرکل")]
    assert len(title) == 1 and title[0].box.x1 < page.width / 2
    dotted = [o for o in page.objects if o.kind == PATH and o.box.height < 2 and 60 < o.box.width < 200
              and 0 < o.box.y0 - title[0].box.y1 < 20]
    assert len(dotted) == 1
