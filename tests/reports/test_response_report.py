"""The response-time report: reads back as the intended Persian, its table runs right to
left (the shared checker with --table-header), the figures are those of the service, an
empty year still renders, and an issued report keeps its frozen figures."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pdftools import pdf_text, persian_words, run_checker

from rasad_desktop.core.amounts import Unit
from rasad_desktop.core.jalali import format_jalali, parse_jalali
from rasad_desktop.reports import response_times
from rasad_desktop.reports.common import RenderOptions
from rasad_desktop.reports.flowables import Signatory
from rasad_desktop.services import holidays, report_kinds, reporting, requests
from rasad_desktop.services.signing import Credentials

SIGN = Credentials("test signing passphrase")  # the office certificate is made at the first issue

OPTS = RenderOptions(
    unit=Unit.MILLION,
    office="اداره کل امور اقتصادی و دارایی استان آذربایجان شرقی",
    province="آذربایجان شرقی",
    signatories=(Signatory("تهیه‌کننده", "مریم احمدی", "کارشناس رصد منابع"),),
)
HEADER = "|".join(response_times.HEADER)


def has(text: str, phrase: str) -> bool:
    """The phrase's Persian words appear in the text contiguously (poppler's spacing around
    numbers varies: numbers are checked by the checker and on the table rows)."""
    return f" {' '.join(persian_words(phrase))} " in f" {' '.join(persian_words(text))} "


def at(day: str) -> dt.datetime:
    return dt.datetime.combine(parse_jalali(day), dt.time(9))


@pytest.fixture
def with_requests(session, admin):  # type: ignore[no-untyped-def]
    """The same requests as tests/services/test_response_times.py (figures checked there)."""
    holidays.seed_official_holidays(session, admin, 1404)

    def reg(kind: str, day: str) -> str:
        return requests.register(session, admin, requests.NewRequest(
            kind, "phone", "علی رضایی", "0499370899", "09141234567", "موضوع", "متن"), workstation=2,
            now=at(day)).tracking_code

    codes = {k: reg(kind, day) for k, kind, day in (
        ("R1", "request", "1404/02/01"), ("R2", "request", "1404/02/01"), ("C1", "complaint", "1404/02/01"),
        ("C2", "complaint", "1404/02/01"), ("R3", "request", "1404/03/03"), ("R4", "request", "1404/03/10"),
        ("S1", "suggestion", "1404/03/10"))}
    for key, day in (("R1", "1404/02/03"), ("R2", "1404/02/16"), ("C1", "1404/02/06"), ("R3", "1404/03/05"),
                     ("R4", "1404/03/17")):
        requests.answer(session, admin, codes[key], "پاسخ", now=at(day))
    return session


def test_the_report_reads_back_and_passes_the_checker(with_requests, checker, tmp_path):
    pdf = reporting.draft(with_requests, reporting.ReportRequest("responses", 1404), OPTS)
    path = tmp_path / "responses.pdf"
    path.write_bytes(pdf)
    today = format_jalali(dt.date.today())
    summary = ("در سال ۱۴۰۴، ۷ درخواست، شکایت و انتقاد و پیشنهاد ثبت شده و به ۵ مورد پاسخ داده شده است. "
               "۸۰٫۰٪ پاسخ‌ها تا سررسید داده شده و میانهٔ زمان پاسخ ۳ روز کاری بوده است. "
               f"در تاریخ {today}، ۲ مورد از مهلت پاسخ گذشته و هنوز پاسخ داده نشده است.")
    note = ("مهلت پاسخ: درخواست ۱۰، شکایت ۷ و انتقاد و پیشنهاد ۱۵ روز کاری. زمان پاسخ، شمار روزهای کاری "
            "پس از روز ثبت تا روز پاسخ است.")
    expect = [response_times.TITLE_TEXT, "سال ۱۴۰۴", f"وضعیت در تاریخ {today}", *response_times.HEADER, summary,
              "اردیبهشت", "خرداد", "انتقاد و پیشنهاد", "جمع سال", "جمع کل", "همهٔ انواع", "۶٫۵", "۵۰٫۰٪", "۸۰٫۰٪",
              "روزهای کاری شنبه تا چهارشنبه است؛ پنجشنبه‌ها و جمعه‌ها و تعطیلات رسمی", note]
    result = run_checker(checker, path, expect, headers=[HEADER])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "PASS C6" in result.stdout and "PASS C2" in result.stdout
    text = pdf_text(path)
    for phrase in (response_times.TITLE_TEXT, summary, note, "در جدول تعطیلات اداره روز در سال"):
        assert has(text, phrase), phrase


def test_the_table_rows_are_the_service_figures(with_requests):
    from rasad_desktop.services import request_stats

    data = report_kinds.gather(with_requests, report_kinds.ReportRequest("responses", 1404))
    rows = request_stats.rows_of(data)
    body, bold, fills = response_times.table_rows(rows, dict(data["kinds"]), None)
    assert body[0] == ["اردیبهشت", "درخواست", "۲", "۲", "۱", "۵۰٫۰٪", "۶٫۵", "۰"]
    assert body[1] == ["اردیبهشت", "شکایت", "۲", "۱", "۱", "۱۰۰٫۰٪", "۳", "۱"]
    # the suggestion is still open 15 working days after 1404/03/10: overdue today
    assert body[3] == ["خرداد", "انتقاد و پیشنهاد", "۱", "۰", "۰", "—", "—", "۱"]
    assert body[-1] == ["جمع کل", "همهٔ انواع", "۷", "۵", "۴", "۸۰٫۰٪", "۳", "۲"]
    assert bold == [4, 5, 6, 7] and set(fills) == {4, 5, 6, 7}


def test_through_a_month_and_thursdays_worked(with_requests, admin, checker, tmp_path):
    from rasad_desktop.services import office

    office.set_policy(with_requests, admin, "thursday_off", False)
    pdf = reporting.draft(with_requests, reporting.ReportRequest("responses", 1404, 2), OPTS)
    path = tmp_path / "through.pdf"
    path.write_bytes(pdf)
    text = pdf_text(path)
    assert has(text, "از ابتدای فروردین تا پایان اردیبهشت")
    assert has(text, "تا پایان اردیبهشت ۱۴۰۴، ۴ درخواست") and not has(text, "در از ابتدای")  # the summary's opening
    assert "خرداد" not in persian_words(text)
    assert has(text, "جمع دوره") and has(text, "روزهای کاری شنبه تا پنجشنبه است؛ جمعه‌ها و تعطیلات")
    result = run_checker(checker, path, ["از ابتدای فروردین تا پایان اردیبهشت ۱۴۰۴", "جمع دوره",
                                         "روزهای کاری شنبه تا پنجشنبه است؛ جمعه‌ها"], headers=[HEADER])
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_year_without_requests_still_renders(session, checker, tmp_path):
    pdf = reporting.draft(session, reporting.ReportRequest("responses", 1405), OPTS)
    path = tmp_path / "empty.pdf"
    path.write_bytes(pdf)
    text = pdf_text(path)
    assert has(text, "در سال ۱۴۰۵ درخواست، شکایت یا انتقاد و پیشنهادی ثبت نشده است.")
    assert has(text, "جمع کل همهٔ انواع")
    result = run_checker(checker, path, ["در سال ۱۴۰۵ درخواست، شکایت یا انتقاد و پیشنهادی ثبت نشده است."],
                         headers=[HEADER])
    assert result.returncode == 0, result.stdout + result.stderr


def test_an_issued_report_keeps_its_figures(with_requests, admin, tmp_path: Path):
    row = reporting.issue(with_requests, admin, reporting.ReportRequest("responses", 1404), OPTS, credentials=SIGN)
    assert row.kind == "responses" and row.number.endswith("/0001")
    requests.answer(with_requests, admin, requests.search(with_requests, admin, status="registered")[0].tracking_code,
                    "پاسخ دیرهنگام")
    again = reporting.latest_version(with_requests, row.number)
    assert again.pdf == row.pdf  # later answers never change what was issued
    assert reporting.verify(with_requests, row.pdf).status == "valid"
    assert report_kinds.kind("responses").title_fa == response_times.TITLE_TEXT
