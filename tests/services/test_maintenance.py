"""Maintenance mode: while an announced window is in force every kind of data entry is
refused with the notice's text and nothing is written; the administration that runs the
maintenance (settings, accounts, notices) stays open."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from rasad_desktop.db.models import AuditLog, utcnow
from rasad_desktop.services import accounts, attachments, budget, notices, office
from rasad_desktop.services import requests as rq
from rasad_desktop.services.collections import Entry, save_month
from rasad_desktop.services.maintenance import MaintenanceMode
from rasad_desktop.services.roles import Role

NOTICE = "به‌روزرسانی کارساز"


def _announce(session, admin, start: dt.datetime, end: dt.datetime) -> None:  # type: ignore[no-untyped-def]
    notices.post_notice(session, admin, NOTICE, "تا ساعت ۱۸ ادامه دارد.", start, end)


def _audit_rows(session) -> int:  # type: ignore[no-untyped-def]
    return session.scalar(select(func.count()).select_from(AuditLog))


@pytest.fixture
def request_code(session, admin):  # type: ignore[no-untyped-def]
    return rq.register(session, admin, rq.NewRequest(
        "request", "phone", "علی رضایی", "0499370899", "09121234567", "پرسش", "متن"), workstation=1).tracking_code


def _entry_writes(session, admin, code, tmp_path):  # type: ignore[no-untyped-def]
    import sample_files

    scan = tmp_path / "scan.pdf"
    scan.write_bytes(sample_files.pdf())  # a real PDF: attachments are checked on their structure
    return {
        "save_month": lambda: save_month(session, admin, 1404, 8, "1", [Entry("110104", 5_000)]),
        "set_approved": lambda: budget.set_approved(session, admin, 1404, "1", "110104", 9_000_000),
        "add_line": lambda: budget.add_line(session, admin, 1404, "110105", "ردیف تازه"),
        "save_agency": lambda: budget.save_agency(session, admin, "9", "اداره کل تازه"),
        "register": lambda: rq.register(session, admin, rq.NewRequest(
            "complaint", "letter", "زهرا کریمی", "0499370899", "09141234567", "شکایت", "متن"), workstation=1),
        "start_review": lambda: rq.move(session, admin, code, "in_review"),
        "add_note": lambda: rq.add_note(session, admin, code, "یادداشت داخلی"),
        "attach": lambda: attachments.add_attachment(session, admin, code, scan, tmp_path / "data"),
    }


def test_every_data_entry_is_refused_with_the_notice_while_it_is_in_force(session, admin, tiny, request_code,
                                                                          tmp_path):
    now = utcnow()
    _announce(session, admin, now - dt.timedelta(minutes=5), now + dt.timedelta(hours=1))
    before = _audit_rows(session)
    for name, write in _entry_writes(session, admin, request_code, tmp_path).items():
        with pytest.raises(MaintenanceMode) as err:
            write()
        assert NOTICE in err.value.message_fa and "نگهداری" in err.value.message_fa, name
    assert _audit_rows(session) == before  # nothing written, not even a partial audit entry
    assert rq.get(session, admin, request_code).status == "registered"
    assert not (tmp_path / "data").exists() or not any((tmp_path / "data").rglob("*.pdf"))


def test_the_administration_that_runs_maintenance_stays_open(session, admin):
    now = utcnow()
    _announce(session, admin, now - dt.timedelta(minutes=5), now + dt.timedelta(hours=1))
    office.set_policy(session, admin, "lockout_attempts", 7)
    accounts.create_user(session, admin, "tech", Role.DATA_ENTRY)
    notices.post_notice(session, admin, "تمدید نگهداری", "", now, now + dt.timedelta(hours=2))
    assert office.get(session, "lockout_attempts") == 7
    assert accounts.get_user(session, "tech") is not None


def test_entry_opens_again_once_the_window_has_passed_and_before_it_starts(session, admin, tiny, request_code,
                                                                            tmp_path):
    now = utcnow()
    _announce(session, admin, now - dt.timedelta(hours=3), now - dt.timedelta(hours=1))
    _announce(session, admin, now + dt.timedelta(days=1), now + dt.timedelta(days=1, hours=2))
    for write in _entry_writes(session, admin, request_code, tmp_path).values():
        write()
    assert rq.get(session, admin, request_code).status == "in_review"
