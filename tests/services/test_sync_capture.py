"""The change log: every write through the service layer records, in its own transaction,
each entity it changed by natural key, with the value before and after, the user, the
origin and a sequence number; a write that fails or changes nothing records nothing; what
stays on one database (sign-in counters, a restore flag) is not recorded. And an enrolled
workstation holds exactly the office's entities, kind by kind."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from rasad_desktop.db.database import Database
from rasad_desktop.db.models import SyncChange
from rasad_desktop.services import (
    accounts,
    budget,
    collections,
    demo,
    holidays,
    notices,
    office,
    reporting,
    requests,
)
from rasad_desktop.services.collections import Entry
from rasad_desktop.services.errors import ServiceError
from rasad_desktop.services.roles import Actor, Role
from rasad_desktop.services.signing import Credentials
from rasad_desktop.services.sync import enrolment

SIGN = Credentials("test signing passphrase")  # the office certificate is made at the first issue

ADMIN = Actor("admin-log", Role.ADMIN)


def log(session) -> list[SyncChange]:  # type: ignore[no-untyped-def]
    session.rollback()
    return list(session.scalars(select(SyncChange).order_by(SyncChange.seq)))


@pytest.fixture
def year(session) -> int:  # type: ignore[no-untyped-def]
    budget.create_year(session, ADMIN, 1405)
    for code, title in (("100000", "درآمدها"), ("110000", "مالیاتی"), ("110100", "اشخاص حقوقی"),
                        ("110104", "شرکت‌ها")):
        budget.add_line(session, ADMIN, 1405, code, title)
    budget.save_agency(session, ADMIN, "7", "اداره کل هفت")
    return 1405


def test_a_figure_is_recorded_with_its_natural_key_before_after_and_who(session, year) -> None:  # type: ignore[no-untyped-def]
    clerk = Actor("clerk-log", Role.DATA_ENTRY)
    start = len(log(session))
    collections.save_month(session, clerk, year, 4, "7", [Entry("110104", 1_000)])
    collections.save_month(session, clerk, year, 4, "7", [Entry("110104", 1_500, document_ref="سند ۲")])
    collections.save_month(session, clerk, year, 4, "7", [Entry("110104", None)])
    made = log(session)[start:]
    assert [json.loads(c.key) for c in made] == [[1405, "7", "110104", "provincial", 4]] * 3
    before = [None if c.before is None else json.loads(c.before)["amount"] for c in made]
    after = [None if c.after is None else json.loads(c.after)["amount"] for c in made]
    assert before == [None, 1_000, 1_500] and after == [1_000, 1_500, None]
    assert json.loads(made[1].after)["document_ref"] == "سند ۲"
    assert {c.username for c in made} == {"clerk-log"} and {c.origin for c in made} == {0}
    seqs = [c.seq for c in log(session)]
    assert seqs == list(range(1, len(seqs) + 1))  # one unbroken sequence


def test_a_failed_or_empty_write_records_nothing(session, year) -> None:  # type: ignore[no-untyped-def]
    collections.save_month(session, ADMIN, year, 5, "7", [Entry("110104", 10)])
    start = len(log(session))
    with pytest.raises(ServiceError):
        collections.save_month(session, ADMIN, year, 5, "7", [Entry("110104", 20), Entry("999999", 5)])
    assert len(log(session)) == start
    collections.save_month(session, ADMIN, year, 5, "7", [Entry("110104", 10)])  # unchanged
    assert len(log(session)) == start


def test_bulk_inserts_are_recorded_too(session, year) -> None:  # type: ignore[no-untyped-def]
    from rasad_desktop.db.models import Agency, ClassificationNode

    agency = session.scalar(select(Agency.id).where(Agency.code == "7"))
    line = session.scalar(select(ClassificationNode.id).where(ClassificationNode.code == "110104"))
    start = len(log(session))
    collections.bulk_insert(session, ADMIN, year, [(agency, line, "provincial", m, 100 * m) for m in (1, 2, 3)],
                            source="import")
    made = log(session)[start:]
    assert [(json.loads(c.key)[4], json.loads(c.after)["amount"]) for c in made] == [(1, 100), (2, 200), (3, 300)]


def test_what_stays_on_one_database_is_not_recorded(session, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from argon2 import PasswordHasher

    from rasad_desktop.services import passwords

    monkeypatch.setattr(passwords, "_hasher", PasswordHasher(time_cost=1, memory_cost=64, parallelism=1))
    accounts.create_user(session, ADMIN, "sara", Role.VIEWER, "Sara-pass-1234")
    start = len(log(session))
    with pytest.raises(ServiceError):
        accounts.sign_in(session, "sara", "wrong password")  # a failure counted here only
    accounts.sign_in(session, "sara", "Sara-pass-1234")
    assert len(log(session)) == start
    accounts.set_locked(session, ADMIN, "sara", True)  # an administrator's decision travels
    [change] = log(session)[start:]
    assert change.kind == "user" and json.loads(change.after)["locked"] is True


def _rich_office(db: Database, folder: Path) -> None:
    with db.session() as s:
        demo.load_demo(s, ADMIN, 1405, 3)
        budget.set_period_lock(s, ADMIN, 1404, 1, True, reason="بسته")
        holidays.add_holiday(s, ADMIN, dt.date(2027, 3, 21), "نوروز")
        office.save_office_settings(s, ADMIN, {"province_fa": "استان آزمون همگام‌سازی"})
        notices.post_notice(s, ADMIN, "تعمیرات", "شنبه", dt.datetime(2090, 1, 1), dt.datetime(2090, 1, 2))
        view = requests.register(s, ADMIN, requests.NewRequest("complaint", "in_person", "مریم احمدی", "0499370899",
                                                               "09141234567", "موضوع", "متن"), workstation=1)
        src = folder / "scan.txt"
        src.write_text("پیوست", encoding="utf-8")
        from rasad_desktop.services import attachments

        attachments.add_attachment(s, ADMIN, view.tracking_code, src, folder)
        reporting.issue(s, ADMIN, reporting.ReportRequest("comparison", 1405), today=dt.date(2026, 11, 25), credentials=SIGN)


def test_a_workstation_holds_exactly_the_offices_entities(database: Database, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from argon2 import PasswordHasher

    from rasad_desktop.services import passwords

    monkeypatch.setattr(passwords, "_hasher", PasswordHasher(time_cost=1, memory_cost=64, parallelism=1))
    office_dir = tmp_path / "office"
    office_dir.mkdir()
    _rich_office(database, office_dir)
    with database.session() as s:
        accounts.create_user(s, ADMIN, "reza", Role.DATA_ENTRY, "Reza-pass-1234")
        e = enrolment.add(s, ADMIN, "پیشخوان", office_dir, office_station=1)
        office_rows, office_files = enrolment.snapshot(s, office_dir)
    ws_dir = tmp_path / "ws"
    ws = Database.open(f"sqlite:///{(tmp_path / 'ws.db').as_posix()}")
    with ws.session() as s:
        enrolment.join(s, Actor("cli:it", Role.ADMIN), e.data, e.code, ws_dir)
        ws_rows, ws_files = enrolment.snapshot(s, ws_dir)
        signed = accounts.sign_in(s, "reza", "Reza-pass-1234")  # the same account signs in there
        assert signed.actor.role is Role.DATA_ENTRY
    kinds_seen = {row[0] for row in office_rows}
    assert {"fiscal_year", "line", "agency", "assignment", "schedule", "collection", "lock", "holiday", "setting",
            "user", "notice", "request", "request_event", "attachment", "report"} <= kinds_seen
    key = lambda row: json.dumps(row[:2], ensure_ascii=False)  # noqa: E731
    assert sorted(ws_rows, key=key) == sorted(office_rows, key=key)
    assert ws_files == office_files and len(office_files) == 2  # the attachment and the report's PDF
    ws.close()
