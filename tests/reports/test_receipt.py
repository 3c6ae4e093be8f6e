"""The requester's receipt: built from a registered request, it reads back as the intended
Persian with the tracking code in Persian digits and groups, embeds Vazirmatn, carries
the code in its QR payload, shows the mobile masked, and passes the Persian-PDF checker."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
from pathlib import Path

import pytest
from pdftools import pdf_text, persian_words, run_checker

from rasad_desktop.core.digits import to_persian_digits
from rasad_desktop.core.ids import TrackingCode
from rasad_desktop.db.database import Database
from rasad_desktop.reports import receipt
from rasad_desktop.services import requests as service
from rasad_desktop.services.receipts import receipt_data
from rasad_desktop.services.requests import NewRequest
from rasad_desktop.services.roles import Actor, Role

OFFICE = "اداره کل امور اقتصادی و دارایی استان آذربایجان شرقی"
CLERK = Actor("clerk", Role.DATA_ENTRY)
SUBJECT = "تأخیر در پاسخ به نامهٔ شمارهٔ ۱۲۳ (اداره کل)"


@pytest.fixture(scope="module")
def views(tmp_path_factory):  # type: ignore[no-untyped-def]
    """One registered request of each kind, in a database of its own."""
    folder = tmp_path_factory.mktemp("receipts")
    db = Database.open(f"sqlite:///{(folder / 'rasad.db').as_posix()}")
    out = {}
    with db.session() as s:
        for i, kind in enumerate(service.KINDS):
            out[kind] = service.register(s, CLERK, NewRequest(
                kind, "in_person", "علی رضایی", "0012345679", "09141234567", SUBJECT,
                "نامهٔ شمارهٔ ۱۲۳ سه هفته است بی‌پاسخ مانده است."),
                workstation=7, now=dt.datetime(2025, 11, 25, 6, 30 + i))
    db.close()
    return out


@pytest.fixture(scope="module")
def pdfs(views, tmp_path_factory) -> dict[str, Path]:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("receipt-pdfs")
    out = {}
    for kind, view in views.items():
        data = receipt_data(view)
        path = folder / f"{kind}.pdf"
        path.write_bytes(receipt.render(data, receipt.page_info(data, OFFICE, dt.date(2025, 11, 25))))
        out[kind] = path
    return out


def in_order(words: list[str], text: str) -> bool:
    haystack = " " + " ".join(persian_words(text)) + " "
    return " " + " ".join(words) + " " in haystack


def test_the_receipt_data_is_plain_json_with_the_mobile_masked(views):
    view = views["complaint"]
    data = receipt_data(view)
    assert json.loads(json.dumps(data)) == data
    assert data["tracking_code"] == view.tracking_code
    assert data["mobile"] == "0914•••••••" and "4567" not in json.dumps(data)  # never the lookup's factor
    assert (data["kind_label"], data["channel_label"]) == ("شکایت", "حضوری")


def test_the_qr_code_carries_the_tracking_code(views):
    data = receipt_data(views["request"])
    info = receipt.page_info(data, OFFICE)
    assert info.qr_payload == f"RASAD-REQ|{views['request'].tracking_code}"
    assert TrackingCode.parse(info.qr_payload.split("|")[1]).digits == views["request"].tracking_code


@pytest.mark.parametrize(("kind", "title"), [("request", "رسید ثبت درخواست"), ("complaint", "رسید ثبت شکایت"),
                                             ("suggestion", "رسید ثبت انتقاد و پیشنهاد")])
def test_the_receipt_reads_back_with_its_title_and_code(pdfs, views, kind, title):
    text = pdf_text(pdfs[kind])
    assert in_order(persian_words(title), text)
    code = to_persian_digits(TrackingCode.parse(views[kind].tracking_code).format())
    assert code in text  # Persian digits, in groups, in order
    assert "۰۹۱۴*******" in text and "۴۵۶۷" not in text  # masked with a sign no one reads as a digit
    assert not any(c in text for c in "•·∙")
    assert in_order(["کد", "رهگیری"], text) and not in_order(["کد", "پیگیری"], text)
    assert in_order(["علی", "رضایی"], text) and in_order(persian_words(SUBJECT), text)
    for words in (["تاریخ", "و", "ساعت", "ثبت"], ["مهلت", "پاسخ"], ["چهار", "رقم", "آخر"]):
        assert in_order(words, text), words
    assert in_order(persian_words(OFFICE), text)


def test_the_mask_sign_is_in_the_font_and_is_no_digit():
    from rasad_desktop.reports.fonts import BOLD, REGULAR, coverage, drawable

    assert receipt.masked("۰۹۱۴•••۴۵۶۷") == "۰۹۱۴***۴۵۶۷"
    assert receipt.MASK not in "۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩0123456789.•٫٬"
    for font in (REGULAR, BOLD):
        assert ord(receipt.MASK) in coverage(font) and drawable(receipt.MASK, font) == receipt.MASK  # never «?»


def test_fonts_are_embedded_and_nothing_falls_back(pdfs):
    for path in pdfs.values():
        raw = path.read_bytes()
        assert b"/FontFile2" in raw and b"Vazirmatn" in raw
        assert b"/Helvetica" not in raw
        pages = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
        assert re.search(r"Pages:\s+1\n", pages) and "595.276 x 841.89" in pages  # one A4 portrait page


def test_the_persian_pdf_checker_passes(pdfs, views, checker):
    for kind, path in pdfs.items():
        data = receipt_data(views[kind])
        expect = [receipt.title(kind), receipt.KEEP_IT, receipt.follow_up_text(data), receipt.code_fa(data["tracking_code"]),
                  "کد رهگیری", "این کد را نزد خود نگه دارید؛ برای هر پیگیری به آن نیاز دارید."]
        expect += [name for name, _ in receipt.field_rows(data)] + [value for _, value in receipt.field_rows(data)]
        result = run_checker(checker, path, expect)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "0 failed" in result.stdout


def test_the_receipt_renders_to_an_image(pdfs, tmp_path):
    run = subprocess.run(["pdftoppm", "-r", "30", "-png", str(pdfs["complaint"]), str(tmp_path / "r")],
                         capture_output=True, text=True)
    assert run.returncode == 0 and not run.stderr and list(tmp_path.glob("r*.png"))
