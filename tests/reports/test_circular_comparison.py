"""The yearly circular and the year-on-year comparison, rendered from hand-made data.

The text is read back with ``pdftotext -layout`` (which rebuilds logical order) and the
PDFs go through the shared checker ``check-persian-pdf`` (shaping, glyphs, RTL columns).
Every expected figure below is worked out by hand; amounts are in million rials.
"""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

import pytest

from rasad_desktop.core.jalali import MONTHS_FA
from rasad_desktop.reports import circular, comparison
from rasad_desktop.reports.common import RenderOptions
from rasad_desktop.reports.flowables import Signatory
from rasad_desktop.reports.page import PageInfo

ROOT = Path(__file__).resolve().parents[2]
B = 1_000_000_000  # a billion rials = ۱٬۰۰۰ million rials

INFO = PageInfo(office="اداره کل امور اقتصادی و دارایی استان آذربایجان شرقی", title="گزارش آزمایشی",
                issue_date="۱۴۰۵/۰۱/۱۵", number="1405-7")
OPTS = RenderOptions(province="آذربایجان شرقی",
                     signatories=(Signatory("تهیه‌کننده", "علی رضایی", "کارشناس بودجه"),
                                  Signatory("تأییدکننده", "مریم احمدی", "مدیر کل")))

TAX = "اداره کل امور مالیاتی استان"
FARM = "سازمان جهاد کشاورزی استان"

CIRCULAR = {
    "kind": "circular",
    "year": 1405,
    "agencies": [
        {"code": "101", "name": TAX, "lines": [
            # 1,200,000 million, 100,000 a month
            {"code": "110101", "title": "مالیات بر درآمد اشخاص حقوقی", "column": "national",
             "approved": 1_200 * B, "revised": None, "months": [100 * B] * 12},
            # revised 720,000 (not the approved 600,000), 60,000 a month
            {"code": "140201", "title": "درآمد حاصل از فروش خدمات", "column": "provincial",
             "approved": 600 * B, "revised": 720 * B, "months": [60 * B] * 12},
        ]},
        {"code": "102", "name": FARM, "lines": [
            # 36,000 million on an uneven schedule: 5+5+4+3+3+3+3+2+2+2+2+2 thousand
            {"code": "130101", "title": "عوارض صدور پروانه", "column": "provincial",
             "approved": 36 * B, "revised": None,
             "months": [5 * B, 5 * B, 4 * B, 3 * B, 3 * B, 3 * B, 3 * B, 2 * B, 2 * B, 2 * B, 2 * B, 2 * B]},
            # 1.4 million rials, all in Esfand: shown as ۱, but the total adds the exact rials
            {"code": "160101", "title": "جرائم", "column": "national",
             "approved": 1_400_000, "revised": None, "months": [0] * 11 + [1_400_000]},
        ]},
    ],
}

COMPARISON = {
    "kind": "comparison",
    "year": 1405,
    "lines": [
        {"code": "110101", "title": "مالیات بر درآمد اشخاص حقوقی", "approved": 1_250 * B,
         "annual": 1_250 * B, "annual_last": 1_000 * B},
        {"code": "130201", "title": "درآمد حاصل از فروش خدمات", "approved": 400 * B,
         "annual": 400 * B, "annual_last": 500 * B},
        {"code": "160101", "title": "جرائم رانندگی", "approved": 75 * B, "annual": 75 * B, "annual_last": 0},
    ],
    "agencies": [
        {"code": "101", "name": TAX, "annual": 1_250 * B, "annual_last": 1_000 * B},
        {"code": "102", "name": FARM, "annual": 475 * B, "annual_last": 500 * B},
    ],
}

# bidi embedding controls that pdftotext writes around runs, and marks the reports add
_CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


def norm(text: str) -> str:
    """NFKC (presentation forms → letters), bidi controls dropped, and the ezafe hamza on ه
    (which pdftotext may put before its letter) dropped: «بودجهٔ» → «بودجه»."""
    text = unicodedata.normalize("NFKC", text).translate(_CONTROLS).replace("\u06c0", "\u0647")
    return text.replace("\u0654\u0647", "\u0647").replace("\u0647\u0654", "\u0647")


def squash(text: str) -> str:
    """Without white space: pdftotext moves the spaces around a number in a Persian line."""
    return re.sub(r"\s+", "", text)


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return norm(out.stdout)


def check(checker: Path, path: Path, headers: list[str], expect: list[str],
          tmp: Path) -> subprocess.CompletedProcess[str]:
    strings = tmp / f"{path.stem}-expect.txt"
    strings.write_text("\n".join(expect) + "\n", encoding="utf-8")
    args = [str(checker), str(path), "--expect", str(strings)]
    for h in headers:
        args += ["--table-header", h]
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True)


@pytest.fixture(scope="module")
def circular_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("reports") / "circular.pdf"
    path.write_bytes(circular.render(CIRCULAR, INFO, OPTS))
    return path


@pytest.fixture(scope="module")
def comparison_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("reports") / "comparison.pdf"
    path.write_bytes(comparison.render(COMPARISON, INFO, OPTS))
    return path


# ------------------------------------------------------------------------------ circular
def test_circular_title_agencies_and_lines(circular_pdf: Path) -> None:
    text = pdf_text(circular_pdf)
    assert squash(norm("بخشنامهٔ تحقق منابع بودجهٔ سال ۱۴۰۵")) in squash(text)
    assert "میلیون ریال" in text  # the unit line (pdftotext moves its colon)
    assert "خزانه" in text and "ماهانه" in text  # the introductory paragraph
    assert TAX in text and FARM in text
    assert text.index(TAX) < text.index(FARM)  # in data order
    for code in ("۱۰۱", "۱۰۲", "۱۱۰۱۰۱", "۱۴۰۲۰۱", "۱۳۰۱۰۱", "۱۶۰۱۰۱"):
        assert code in text
    assert "مالیات بر درآمد اشخاص حقوقی" in text and "عوارض صدور پروانه" in text
    assert "ملی" in text and "استانی" in text
    for header in ("کد ردیف", "شرح ردیف", "ستون", "مصوب"):
        assert header in text


def test_circular_is_addressed_and_numbered_like_a_letter(circular_pdf: Path, tmp_path: Path, checker: Path) -> None:
    from pdfgeom import pages

    text = squash(pdf_text(circular_pdf))  # -layout moves colons; the order of the lines holds
    body = text[text.index("بسمهتعالی"):]  # the page header above has a date and a number too
    order = [body.index(w) for w in ("بسمهتعالی", "تاریخ", "۱۴۰۵/۰۱/۱۵", "شماره", "پیوست", "ندارد", "بخشنامه",
                                     "به:دستگاه‌هایاجراییاستانآذربایجانشرقی", "دراجرای")]
    assert order == sorted(order)
    assert "۱۴۰۵" in body[body.index("شماره"):body.index("پیوست")]  # the circular's number, in the block
    page = pages(circular_pdf)[0]
    below_header = [o for o in page.texts() if o.box.y1 < page.height - 60]
    block = [o for o in below_header if "ندارد" in o.text or "تاریخ" in o.text]
    assert len(block) == 2 and all(o.box.x1 < page.width / 2 for o in block)  # hung from the left margin
    addressee = next(o for o in page.texts() if "دستگاه‌های اجرایی استان آذربایجان شرقی".replace("\u200c", "")
                     in o.text.replace("\u200c", "") and "به" in o.text)
    assert addressee.box.x1 > page.width - 14 * 72 / 25.4 - 1  # right-aligned, as a letter's recipient
    expect = [circular.addressee(OPTS), "پیوست: ندارد", "بسمه تعالی"]
    result = check(checker, circular_pdf, [], expect, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_circular_months_in_right_to_left_order(circular_pdf: Path) -> None:
    text = pdf_text(circular_pdf)
    headers = [line for line in text.splitlines() if "فروردین" in line]
    assert len(headers) == 2  # one table per agency
    for line in headers:
        # -layout writes what is on the page left to right: اسفند left-most, فروردین right-most
        positions = [line.index(m) for m in MONTHS_FA]
        assert positions == sorted(positions, reverse=True)
        assert line.index("کد ردیف") > line.index("فروردین")


def test_circular_amounts_and_totals(circular_pdf: Path) -> None:
    text = pdf_text(circular_pdf)
    assert "۱٬۲۰۰٬۰۰۰" in text  # line 110101
    assert "۷۲۰٬۰۰۰" in text  # line 140201: the revised amount is the one in force
    assert "۶۰۰٬۰۰۰" not in text  # ...not the approved one
    assert "۱۰۰٬۰۰۰" in text and "۶۰٬۰۰۰" in text  # monthly targets
    assert "۱٬۹۲۰٬۰۰۰" in text  # total of agency 101: 1,200,000 + 720,000
    assert "۱۶۰٬۰۰۰" in text  # its monthly total: 100,000 + 60,000
    assert "۳۶٬۰۰۰" in text  # line 130101
    assert "۳۶٬۰۰۱" in text  # total of agency 102: 36,000 million + 1.4 million rials, rounded
    assert "۲٬۰۰۱" in text  # its Esfand total: 2,000 million + 1.4 million rials
    rows = [line for line in text.splitlines() if "جمع" in line and "۱٬۹۲۰٬۰۰۰" in line]
    assert len(rows) == 1 and rows[0].count("۱۶۰٬۰۰۰") == 12
    # the uneven schedule of 130101 in one row: ۵٬۰۰۰ twice, ۴٬۰۰۰ once, ۳٬۰۰۰ four times, ۲٬۰۰۰ five times
    row = next(line for line in text.splitlines() if "۱۳۰۱۰۱" in line)
    cells = re.findall(r"[۰-۹٬]+", row)
    assert sorted(c for c in cells if c in {"۵٬۰۰۰", "۴٬۰۰۰", "۳٬۰۰۰", "۲٬۰۰۰"}) == sorted(
        ["۵٬۰۰۰"] * 2 + ["۴٬۰۰۰"] + ["۳٬۰۰۰"] * 4 + ["۲٬۰۰۰"] * 5)
    assert "ارقام به میلیون ریال و گرد شده" in text  # the rounding note
    assert "علی رضایی" in text and "مریم احمدی" in text  # the signatures


def test_circular_embeds_vazirmatn(circular_pdf: Path) -> None:
    data = circular_pdf.read_bytes()
    assert data.startswith(b"%PDF")
    assert b"Vazirmatn" in data and b"/FontFile2" in data


def test_circular_passes_the_persian_pdf_checker(circular_pdf: Path, tmp_path: Path, checker: Path) -> None:
    expect = [TAX, FARM, "مالیات بر درآمد اشخاص حقوقی", "عوارض صدور پروانه", *MONTHS_FA,
              "کد ردیف", "شرح ردیف", "۱٬۹۲۰٬۰۰۰", "۷۲۰٬۰۰۰", "۳۶٬۰۰۱"]
    result = check(checker, circular_pdf, ["کد ردیف|شرح ردیف|ستون"], expect, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


# ---------------------------------------------------------------------------- comparison
def test_comparison_title_and_tables(comparison_pdf: Path) -> None:
    text = pdf_text(comparison_pdf)
    assert squash(norm("مقایسهٔ مصوبات بودجهٔ سال ۱۴۰۵ با سال ۱۴۰۴")) in squash(text)
    for header in ("کد", "شرح", "مصوب سال قبل", "مصوب سال جاری", "تغییر", "درصد رشد", "دستگاه اجرایی"):
        assert header in text
    assert TAX in text and FARM in text
    assert "جرائم رانندگی" in text and "۱۶۰۱۰۱" in text


def _row(text: str, label: str) -> str:
    return next(line for line in text.splitlines() if label in line)


def test_comparison_changes_growth_and_totals(comparison_pdf: Path) -> None:
    text = pdf_text(comparison_pdf)
    minus = "\u2212"
    # by line: last year, this year, change, growth
    r = _row(text, "مالیات بر درآمد اشخاص حقوقی")
    assert all(s in r for s in ("۱٬۰۰۰٬۰۰۰", "۱٬۲۵۰٬۰۰۰", "۲۵۰٬۰۰۰", "۲۵٫۰٪"))
    r = _row(text, "درآمد حاصل از فروش خدمات")
    assert all(s in r for s in ("۵۰۰٬۰۰۰", "۴۰۰٬۰۰۰", f"{minus}۱۰۰٬۰۰۰", f"{minus}۲۰٫۰٪"))
    r = _row(text, "جرائم رانندگی")  # nothing last year: no growth rate
    assert "۷۵٬۰۰۰" in r and "\u2014" in r and "٪" not in r
    # by agency
    r = _row(text, FARM)
    assert all(s in r for s in ("۵۰۰٬۰۰۰", "۴۷۵٬۰۰۰", f"{minus}۲۵٬۰۰۰", f"{minus}۵٫۰٪"))
    # both totals: 1,500,000 → 1,725,000, change 225,000, growth 15%
    totals = [line for line in text.splitlines() if re.search(r"(^|\s)جمع$", line.strip())]
    assert len(totals) == 2
    for t in totals:
        assert all(s in t for s in ("۱٬۵۰۰٬۰۰۰", "۱٬۷۲۵٬۰۰۰", "۲۲۵٬۰۰۰", "۱۵٫۰٪"))
    assert "ارقام به میلیون ریال و گرد شده" in text


def test_comparison_embeds_vazirmatn(comparison_pdf: Path) -> None:
    data = comparison_pdf.read_bytes()
    assert b"Vazirmatn" in data and b"/FontFile2" in data


def test_comparison_passes_the_persian_pdf_checker(comparison_pdf: Path, tmp_path: Path, checker: Path) -> None:
    expect = [TAX, FARM, "جرائم رانندگی", "مصوب سال قبل", "مصوب سال جاری", "درصد رشد",
              "۱٬۷۲۵٬۰۰۰", "۲۵٫۰٪", "−۲۰٫۰٪", "−۲۵٬۰۰۰"]
    result = check(checker, comparison_pdf, ["کد|شرح|مصوب سال قبل", "دستگاه اجرایی|مصوب سال قبل|مصوب سال جاری"],
                   expect, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
