"""Every report kind from the demo province: it reads back as the intended Persian,
embeds its fonts, passes the shared Persian-PDF checker, and its tables run right to left."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from pdftools import pdf_text, persian_words, run_checker

from rasad_desktop.core.amounts import Unit, format_amount
from rasad_desktop.core.jalali import Period
from rasad_desktop.core.words import number_to_words
from rasad_desktop.reports import amount_words, monitoring
from rasad_desktop.reports.common import RenderOptions, agency_ranking
from rasad_desktop.reports.flowables import SMALL, Signatory
from rasad_desktop.reports.fonts import REGULAR
from rasad_desktop.reports.rtl import wrap
from rasad_desktop.services import report_kinds, reporting

OPTS = RenderOptions(
    unit=Unit.MILLION,
    office="اداره کل امور اقتصادی و دارایی استان آذربایجان شرقی",
    province="آذربایجان شرقی",
    signatories=(Signatory("تهیه‌کننده", "مریم احمدی", "کارشناس رصد منابع"),
                 Signatory("تأییدکننده", "علی رضایی", "مدیرکل امور اقتصادی و دارایی")),
)
REQUESTS = {
    "monitoring": reporting.ReportRequest("monitoring", 1405, 6),
    "agency": reporting.ReportRequest("agency", 1405, 6, "101"),
    "letter": reporting.ReportRequest("letter", 1405, 6),
    "circular": reporting.ReportRequest("circular", 1405),
    "comparison": reporting.ReportRequest("comparison", 1405),
}
HEADERS = {
    "monitoring": ["رتبه|دستگاه اجرایی|مصوب|سهم دوره|وصولی", "کد|شرح|مصوب|سهم دوره", "نوع|دستگاه اجرایی|ردیف"],
    "agency": ["کد|شرح ردیف|مصوب|سهم دوره", "شرح|فروردین|اردیبهشت|خرداد"],
    "letter": [],
    "circular": ["کد ردیف|شرح ردیف|ستون|مصوب|فروردین"],
    "comparison": ["کد|شرح|مصوب سال قبل|مصوب سال جاری"],
}


def in_order(words: list[str], text: str) -> bool:
    """``words`` appear in ``text``'s Persian words contiguously and in this order."""
    haystack = " " + " ".join(persian_words(text)) + " "
    return " " + " ".join(words) + " " in haystack


@pytest.fixture(scope="module")
def pdfs(demo_db, tmp_path_factory) -> dict[str, Path]:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("reports")
    out = {}
    with demo_db.session() as s:
        for kind, request in REQUESTS.items():
            path = folder / f"{kind}.pdf"
            path.write_bytes(reporting.draft(s, request, OPTS))
            out[kind] = path
    return out


@pytest.fixture(scope="module")
def snapshots(demo_db) -> dict[str, dict]:  # type: ignore[no-untyped-def]
    with demo_db.session() as s:
        return {k: report_kinds.gather(s, r) for k, r in REQUESTS.items()}


@pytest.mark.parametrize("kind", list(REQUESTS))
def test_every_page_has_its_furniture_and_fonts_are_embedded(pdfs, kind):
    raw = pdfs[kind].read_bytes()
    assert b"/FontFile2" in raw and b"Vazirmatn" in raw
    assert b"/Helvetica" not in raw  # nothing falls back to a font without Persian
    text = pdf_text(pdfs[kind])
    pages = int(subprocess.run(["pdfinfo", str(pdfs[kind])], capture_output=True, text=True)
                .stdout.split("Pages:")[1].split()[0])
    for page in range(1, pages + 1):
        assert in_order(["صفحه"], text)
        assert re.search(rf"صفحه\s*{_fa(page)}\s*از\s*{_fa(pages)}", text), (kind, page)
    assert text.count("محرمانه") >= pages
    assert in_order(["شمارهٔ", "گزارش"], text.replace("شمارٔه", "شمارهٔ")) or "گزارش" in text
    assert "کد تصدیق" not in text  # a draft: nothing that could pass for an issued report's code
    assert in_order(["اداره", "کل", "امور", "اقتصادی", "و", "دارایی", "استان", "آذربایجان", "شرقی"], text)


def _fa(n: int) -> str:
    return str(n).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))


def test_monitoring_reads_back(pdfs, snapshots):
    text = pdf_text(pdfs["monitoring"])
    assert in_order(["گزارش", "رصد", "منابع"], text)
    assert in_order(persian_words(Period(1405, 6).label()), text)
    assert in_order(["ارقام", "میلیون", "ریال"], text)
    for agency in snapshots["monitoring"]["agencies"]:
        assert in_order(persian_words(agency["name"]), text), agency["name"]
    for header in ("درصد تحقق سهم دوره", "وصولی مدت مشابه سال قبل", "سهم از کل"):
        assert in_order(persian_words(header), text)
    assert in_order(["وصول", "بدون", "مصوب"], text)  # an exception from the demo


def test_monitoring_summary_wraps_over_three_lines_and_reads_in_order(pdfs, snapshots):
    data = snapshots["monitoring"]
    table = agency_ranking(data["agencies"], 6, OPTS)
    summary = monitoring.summary_text(data, table, OPTS)
    assert len(wrap(summary, REGULAR, 10, 762)) >= 3
    text = pdf_text(pdfs["monitoring"])
    assert in_order(persian_words(summary), text)


def test_the_period_opens_a_sentence_without_a_doubled_preposition(snapshots):
    """«در دورهٔ از ابتدای فروردین …» does not read: the period phrase is used as it is."""
    from rasad_desktop.reports import letter
    from rasad_desktop.reports.common import during

    assert during(Period(1405, 6)) == "از ابتدای فروردین تا پایان شهریور ۱۴۰۵"
    assert during(Period(1405, 1)) == "در فروردین ۱۴۰۵" and during(Period(1405, 12)) == "در سال ۱۴۰۵"
    data = snapshots["monitoring"]
    summary = monitoring.summary_text(data, agency_ranking(data["agencies"], 6, OPTS), OPTS)
    assert summary.startswith("از ابتدای فروردین تا پایان شهریور ۱۴۰۵، مجموع وصولی")
    prose = [summary, *letter.body_text(snapshots["letter"], OPTS)]
    for text in prose:
        assert not re.search(r"(در|برای) دورهٔ از", text), text


def test_agency_report_reads_back(pdfs, snapshots):
    text = pdf_text(pdfs["agency"])
    assert in_order(persian_words("گزارش عملکرد اداره کل امور مالیاتی استان"), text)
    for line in snapshots["agency"]["lines"]:
        assert in_order(persian_words(line["title"]), text)
    assert in_order(["جمع", "کل", "دستگاه"], text)
    for month in ("فروردین", "مهر", "اسفند"):
        assert month in text
    # the section's subtotal is named by the section, not «جمع بخش ۱۱۰۰۰۰»
    assert in_order(["جمع", "درآمدهای", "مالیاتی"], text) and not in_order(["جمع", "بخش"], text)


def test_section_subtotals_are_named_by_the_section():
    from rasad_desktop.reports.agency import section_total_title

    assert section_total_title("110000", {}) == "جمع درآمدهای مالیاتی"
    assert section_total_title("160000", {}) == "جمع درآمدهای متفرقه"
    amended = {"section_titles": {"110000": "درآمدهای مالیاتی و عوارض"}}
    assert section_total_title("110000", amended) == "جمع درآمدهای مالیاتی و عوارض"  # the year's own title first
    assert section_total_title("210000", {}) == "جمع بخش ۲۱۰۰۰۰"  # no title known: its code


def test_metadata_office_language_and_the_agency_in_the_title(pdfs, snapshots):
    import pypdfium2 as pdfium

    for kind, path in pdfs.items():
        meta = pdfium.PdfDocument(str(path)).get_metadata_dict()
        assert meta["Author"] == OPTS.office, kind
        assert b"/Lang (fa-IR)" in path.read_bytes(), kind
        assert meta["Keywords"].startswith("rasad:draft:v1:"), kind
    agency = pdfium.PdfDocument(str(pdfs["agency"])).get_metadata_dict()["Title"]
    assert agency == f"{report_kinds.kind('agency').title_fa} — {snapshots['agency']['agency']['name']}"


def test_letter_reads_back_in_the_official_layout(pdfs, snapshots):
    text = pdf_text(pdfs["letter"])
    order = ["بسمه", "تعالی", "تاریخ", "شماره", "پیوست", "معاون", "اول", "محترم", "رئیس‌جمهور".replace("\u200c", ""),
             "وزیر", "محترم", "امور", "اقتصادی", "و", "دارایی", "موضوع", "با", "سلام", "و", "احترام"]
    words = persian_words(text)
    words = words[words.index("بسمه"):]  # the page header above also has a date and a number
    positions = [words.index(w) for w in ("بسمه", "تاریخ", "شماره", "پیوست", "معاون", "وزیر", "موضوع", "سلام")]
    assert positions == sorted(positions) and all(w in words for w in order)
    assert in_order(["رونوشت"], text) and in_order(["علی", "رضایی"], text)
    # the province totals in figures and in words, each in the unit its figure reads best in
    table = agency_ranking(snapshots["letter"]["agencies"], 6, OPTS)
    for rials in (table.total.figures.annual, table.total.figures.collected):
        unit = amount_words.unit_for(rials)
        assert format_amount(rials, unit) in text
        assert in_order(persian_words(number_to_words(round_half(rials, unit)) + " " + unit.label()), text)


def test_circular_and_comparison_read_back(pdfs, snapshots):
    circular = pdf_text(pdfs["circular"])
    assert in_order(["بخشنامهٔ".replace("ٔ", ""), "تحقق", "منابع"], circular.replace("ٔ", ""))
    for agency in snapshots["circular"]["agencies"][:10]:
        assert in_order(persian_words(agency["name"]), circular)
    comparison = pdf_text(pdfs["comparison"])
    assert in_order(["مصوب", "سال", "قبل"], comparison)


def test_rounded_rows_and_their_totals(snapshots):
    """Rows are rounded one by one; the total is rounded from the exact sum. The two may
    differ, but never by more than half a unit per row (documented under each table)."""
    data = snapshots["monitoring"]
    table = agency_ranking(data["agencies"], 6, OPTS)
    for unit in Unit:
        for field in ("annual", "share", "collected", "collected_last"):
            rows = [round_half(getattr(r.figures, field), unit) for r in table.rows]
            total = round_half(getattr(table.total.figures, field), unit)
            assert abs(total - sum(rows)) * 2 <= len(rows)
    # in rials nothing is rounded: the printed total is exactly the sum of the rows
    assert sum(r.figures.collected for r in table.rows) == table.total.figures.collected


def round_half(rials: int, unit: Unit) -> int:
    from rasad_desktop.core.rounding import div_round

    return div_round(rials, unit.factor)


def test_table_cells_wrap_and_still_read_back(pdfs, snapshots):
    # at the table's small type, some agency names need two lines in their cell
    names = [a["name"] for a in snapshots["monitoring"]["agencies"]]
    wrapped = [n for n in names if len(wrap(n, REGULAR, SMALL.size, monitoring.AGENCY_WIDTHS[1] - 6)) > 1]
    exceptions = [r["title"] for r in snapshots["monitoring"]["exceptions"]["nothing_collected"]]
    assert wrapped or exceptions
    text = pdf_text(pdfs["monitoring"])
    for name in wrapped + exceptions:
        assert in_order(persian_words(name), text)


@pytest.mark.parametrize("kind", list(REQUESTS))
def test_the_persian_pdf_checker_passes(pdfs, snapshots, checker, kind):
    expect = _expected_strings(kind, snapshots[kind])
    result = run_checker(checker, pdfs[kind], expect, HEADERS[kind])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 failed" in result.stdout


def _expected_strings(kind: str, data: dict) -> list[str]:
    strings = ["محرمانه — فقط برای استفادهٔ اداری"]
    if kind == "monitoring":
        table = agency_ranking(data["agencies"], 6, OPTS)
        strings += ["گزارش رصد منابع", Period(1405, 6).label(), monitoring.summary_text(data, table, OPTS)]
        strings += [a["name"] for a in data["agencies"]]
    elif kind == "agency":
        strings += [line["title"] for line in data["lines"]] + ["جمع درآمدهای مالیاتی"]
    elif kind == "letter":
        strings += ["بسمه تعالی", "معاون اول محترم رئیس‌جمهور", "وزیر محترم امور اقتصادی و دارایی",
                    "با سلام و احترام،"]
    elif kind == "circular":
        strings += [a["name"] for a in data["agencies"][:5]]
    elif kind == "comparison":
        strings += [a["name"] for a in data["agencies"][:5]]
    return strings


def test_pages_render_to_images(pdfs, tmp_path):
    """Every page rasterises (what a printer or a viewer would do) without errors."""
    for kind, path in pdfs.items():
        run = subprocess.run(["pdftoppm", "-r", "30", "-png", str(path), str(tmp_path / kind)],
                             capture_output=True, text=True)
        assert run.returncode == 0 and not run.stderr, (kind, run.stderr)
        assert list(tmp_path.glob(f"{kind}*.png"))


@pytest.mark.parametrize("kind", ["monitoring", "agency", "circular", "comparison"])
def test_every_report_carries_its_preparer_and_approver(pdfs, kind):
    text = pdf_text(pdfs[kind])
    for words in (["تهیهکننده"], ["مریم", "احمدی"], ["کارشناس", "رصد", "منابع"], ["تأییدکننده"], ["علی", "رضایی"]):  # ZWNJ left out
        assert in_order(words, text), (kind, words)
