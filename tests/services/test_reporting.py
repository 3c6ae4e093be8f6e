"""Issuing reports: numbers, frozen snapshots, stored PDFs, corrections, verification."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import pytest
from sqlalchemy import select

from rasad_desktop.core.amounts import Unit
from rasad_desktop.db.models import AuditLog, IssuedReport
from rasad_desktop.reports.common import RenderOptions
from rasad_desktop.services import reporting
from rasad_desktop.services.collections import Entry, save_month
from rasad_desktop.services.errors import NotFound, PermissionDenied, ValidationError
from rasad_desktop.services.roles import Actor, Role
from rasad_desktop.services.signing import Credentials

SIGN = Credentials("test signing passphrase")  # the office certificate is made at the first issue

OPTS = RenderOptions(unit=Unit.RIAL, office="اداره کل آزمایشی", province="آزمایش")
TODAY = dt.date(2026, 11, 25)  # 1405/09/04
MONITORING = reporting.ReportRequest("monitoring", 1404, 6, unit=Unit.RIAL)


def test_issuing_numbers_freezes_and_stores(session, tiny, admin):
    first = reporting.issue(session, admin, MONITORING, OPTS, today=TODAY, credentials=SIGN)
    second = reporting.issue(session, admin, reporting.ReportRequest("letter", 1404, 6), OPTS, today=TODAY, credentials=SIGN)
    assert (first.number, first.version) == ("1405/0001", 1)
    assert second.number == "1405/0002"
    assert first.pdf.startswith(b"%PDF") and first.pdf_sha256 == hashlib.sha256(first.pdf).hexdigest()
    snapshot = json.loads(first.snapshot)
    assert {a["code"]: a["figures"]["collected"] for a in snapshot["agencies"]} == {
        "1": 750_000, "2": 150_000, "3": 30_000}
    assert len(first.verification_code) == 14 and first.verification_code.count("-") == 2
    assert session.scalar(select(AuditLog).where(AuditLog.action == "report.issue")) is not None


def test_an_issued_report_never_changes_and_a_correction_is_a_new_version(session, tiny, admin):
    issued = reporting.issue(session, admin, MONITORING, OPTS, today=TODAY, credentials=SIGN)
    pdf, snapshot = issued.pdf, issued.snapshot
    save_month(session, admin, 1404, 2, "3", [Entry("110104", 999_000)])  # the data change later
    stored = session.get(IssuedReport, issued.id, populate_existing=True)
    assert (stored.pdf, stored.snapshot) == (pdf, snapshot)
    # re-rendering the frozen snapshot gives the same figures: the content hash matches
    assert reporting.content_hash(MONITORING.params(), json.loads(snapshot), issued.number, 1) == issued.content_hash
    corrected = reporting.issue(session, admin, MONITORING, OPTS, correction_of="۱۴۰۵/۰۰۰۱", today=TODAY, credentials=SIGN)
    assert (corrected.number, corrected.version, corrected.supersedes_id) == ("1405/0001", 2, issued.id)
    new_figures = {a["code"]: a["figures"]["collected"] for a in json.loads(corrected.snapshot)["agencies"]}
    assert new_figures["3"] == 1_029_000
    assert session.get(IssuedReport, issued.id).pdf == pdf
    with pytest.raises(ValidationError):  # a correction keeps the kind
        reporting.issue(session, admin, reporting.ReportRequest("letter", 1404, 6), OPTS,
                        correction_of="1405/0001", today=TODAY, credentials=SIGN)
    with pytest.raises(NotFound):
        reporting.issue(session, admin, MONITORING, OPTS, correction_of="1405/0099", today=TODAY, credentials=SIGN)


def test_verify_tells_valid_altered_and_unknown(session, tiny, admin):
    issued = reporting.issue(session, admin, MONITORING, OPTS, today=TODAY, credentials=SIGN)
    valid = reporting.verify(session, issued.pdf)
    assert valid.status == "valid" and valid.report.number == "1405/0001"
    tampered = bytearray(issued.pdf)
    tampered[len(tampered) // 2] ^= 0x01
    altered = reporting.verify(session, bytes(tampered))
    assert altered.status == "altered" and altered.claimed == "1405/0001 v1"
    draft = reporting.draft(session, MONITORING, OPTS, today=TODAY)
    assert reporting.verify(session, draft).status == "unknown"
    assert reporting.verify(session, b"not a pdf").status == "unknown"


@pytest.mark.parametrize("role", [Role.VIEWER, Role.DATA_ENTRY])
def test_only_report_officers_and_administrators_issue(session, tiny, role):
    with pytest.raises(PermissionDenied):
        reporting.issue(session, Actor("x", role), MONITORING, OPTS, today=TODAY, credentials=SIGN)
    assert session.scalar(select(IssuedReport)) is None
    officer = Actor("officer", Role.REPORT_OFFICER)
    assert reporting.issue(session, officer, MONITORING, OPTS, today=TODAY, credentials=SIGN).issued_by == "officer"


@pytest.mark.parametrize("request_, code", [
    (reporting.ReportRequest("monitoring", 1404), "month_required"),
    (reporting.ReportRequest("agency", 1404, 6), "agency_required"),
    (reporting.ReportRequest("nonsense", 1404, 6), "kind"),
])
def test_bad_requests_are_refused_in_persian(session, tiny, admin, request_, code):
    with pytest.raises(ValidationError) as err:
        reporting.issue(session, admin, request_, OPTS, today=TODAY, credentials=SIGN)
    assert err.value.code == code and any("\u0600" <= c <= "\u06ff" for c in err.value.message_fa)


def test_issued_list_is_newest_first_without_the_pdf_bytes(session, tiny, admin):
    reporting.issue(session, admin, MONITORING, OPTS, today=TODAY, credentials=SIGN)
    reporting.issue(session, admin, reporting.ReportRequest("circular", 1404), OPTS, today=TODAY, credentials=SIGN)
    rows = reporting.issued_reports(session)
    assert [r.number for r in rows] == ["1405/0002", "1405/0001"]


def test_signature_block_with_a_scanned_signature(session, tiny, admin, tmp_path):
    from PIL import Image

    from rasad_desktop.reports.flowables import Signatory

    image = tmp_path / "signature.png"
    Image.new("RGB", (120, 40), (20, 40, 160)).save(image)
    opts = RenderOptions(unit=Unit.RIAL, office="اداره کل آزمایشی", signatories=(
        Signatory("تهیه‌کننده", "مریم احمدی", "کارشناس"),
        Signatory("تأییدکننده", "علی رضایی", "مدیرکل", image=image.read_bytes())))
    with_image = reporting.draft(session, MONITORING, opts, today=TODAY)
    without = reporting.draft(session, MONITORING, RenderOptions(unit=Unit.RIAL), today=TODAY)
    assert b"/Subtype /Image" in with_image and b"/Subtype /Image" not in without


def test_the_preparer_is_the_issuing_user_and_the_letter_cites_the_monitoring_report(session, tiny, admin):
    import subprocess

    from rasad_desktop.services import accounts
    from rasad_desktop.services.roles import Role

    user, _ = accounts.create_user(session, admin, "maryam", Role.REPORT_OFFICER, "Str0ng-passphrase!",
                                   full_name="مریم احمدی", title="کارشناس مسئول بودجه")
    officer = Actor("maryam", Role.REPORT_OFFICER, user.id)
    monitoring = reporting.issue(session, officer, MONITORING, today=TODAY, credentials=SIGN)  # office settings
    import unicodedata

    text = subprocess.run(["pdftotext", "-", "-"], input=monitoring.pdf, capture_output=True).stdout.decode()
    flat = unicodedata.normalize("NFKC", text).replace("\n", " ")
    assert all(w in flat for w in ("مریم", "احمدی", "کارشناس", "مسئول", "بودجه")), flat[-600:]
    letter = reporting.issue(session, officer, reporting.ReportRequest("letter", 1404, 6), today=TODAY,
                             credentials=SIGN)
    assert json.loads(letter.snapshot)["attached_report"] == {"number": monitoring.number, "version": 1}
    other_month = reporting.issue(session, officer, reporting.ReportRequest("letter", 1404, 5), today=TODAY,
                                  credentials=SIGN)
    assert json.loads(other_month.snapshot)["attached_report"] is None


def test_an_agency_reports_subtotals_are_named_by_the_years_own_section_titles(session, tiny, admin):
    import subprocess

    request = reporting.ReportRequest("agency", 1404, 6, agency_code="1", unit=Unit.RIAL)
    issued = reporting.issue(session, admin, request, OPTS, today=TODAY, credentials=SIGN)
    titles = json.loads(issued.snapshot)["section_titles"]
    # 210000 is not one of Table 5's fixed sections: only the snapshot can name it
    assert titles == {"110000": "درآمدهای مالیاتی", "210000": "منابع حاصل از واگذاری دارایی‌های سرمایه‌ای"}
    text = subprocess.run(["pdftotext", "-", "-"], input=issued.pdf, capture_output=True, check=True).stdout.decode()
    assert "جمع منابع حاصل از واگذاری دارایی‌های سرمایه‌ای" in text
    assert "جمع بخش" not in text
