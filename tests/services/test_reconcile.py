"""The audit trail vouches for the data: a direct edit, insert or deletion outside Rasad
(plain SQL, as someone with write access to the database would do it) is found and named
by ``reconcile``; an emptied or cut-short trail on a database with data is never intact."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from rasad_desktop.db.database import Database
from rasad_desktop.services import accounts, budget, state_seal
from rasad_desktop.services.collections import Entry, bulk_insert, save_month
from rasad_desktop.services.reconcile import reconcile
from rasad_desktop.services.roles import Role


def raw(database: Database, sql: str, **params: object) -> None:
    with database.engine.begin() as conn:
        conn.execute(text(sql), params)


def problems(database: Database) -> list[tuple[str, str, str]]:
    with database.session() as s:
        return [(p.kind, p.bucket.split("/")[0], p.message("fa")) for p in reconcile(s).problems]


@pytest.fixture
def office_data(database, session, admin, tiny):  # type: ignore[no-untyped-def]
    accounts.create_user(session, admin, "sara", Role.DATA_ENTRY, "secret-pass-1")
    budget.set_period_lock(session, admin, 1404, 1, True)
    return tiny


def test_data_written_through_rasad_reconciles(database, office_data):
    with database.session() as s:
        result = reconcile(s)
    assert result.problems == []
    assert result.buckets == result.sealed >= 10  # collections, approved, locks, users: every one sealed


def test_a_direct_change_of_a_collection_is_found_and_named(database, office_data):
    raw(database, "UPDATE collections SET amount = amount + 5000000 WHERE month = 3 AND amount = 150000")
    found = problems(database)
    assert [(k, f) for k, f, _ in found] == [("changed", "c")]
    message = found[0][2]
    assert "اداره کل الف" in message and "۱۴۰۴" in message and "بیرون از سامانه تغییر کرده" in message
    assert "۵٬۰۰۰٬۰۰۰ ریال بیشتر" in message


def test_a_direct_insert_and_a_direct_delete_are_found(database, office_data):
    raw(database, "DELETE FROM collections WHERE agency_id = (SELECT id FROM agencies WHERE code = '3')")
    raw(database, "INSERT INTO collections (fiscal_year_id, agency_id, line_id, budget_column, month, amount, "
                  "source, document_ref, note, entered_by, entered_at) SELECT fiscal_year_id, agency_id, line_id, "
                  "budget_column, 9, 777, 'manual', '', '', 'x', entered_at FROM collections WHERE month = 1 "
                  "AND agency_id = (SELECT id FROM agencies WHERE code = '1') LIMIT 1")
    kinds = sorted((k, f) for k, f, _ in problems(database))
    assert kinds == [("changed", "c"), ("removed", "c")]
    assert any("حذف شده" in m for _, _, m in problems(database))


def test_making_oneself_administrator_by_sql_is_found(database, office_data):
    raw(database, "UPDATE users SET role = 'admin' WHERE username = 'sara'")
    found = problems(database)
    assert [(k, f) for k, f, _ in found] == [("changed", "u")] and "«sara»" in found[0][2]
    raw(database, "UPDATE users SET role = 'data_entry', locked = TRUE WHERE username = 'sara'")  # put back, but locked
    assert [(k, f) for k, f, _ in problems(database)] == [("changed", "u")]
    raw(database, "UPDATE users SET locked = FALSE WHERE username = 'sara'")
    assert problems(database) == []  # exactly as Rasad left it: nothing to say


def test_approved_amounts_schedules_and_locks_are_vouched_for(database, office_data):
    raw(database, "UPDATE assignments SET approved = 1 WHERE approved = 600000")
    raw(database, "UPDATE monthly_schedules SET amount = amount + 1 WHERE month = 12")
    raw(database, "DELETE FROM period_locks")
    kinds = sorted((k, f) for k, f, _ in problems(database))
    assert kinds == [("changed", "b"), ("removed", "l")]


def test_an_emptied_or_cut_short_trail_is_never_intact(database, office_data, session, admin):
    save_month(session, admin, 1404, 8, "1", [Entry("110104", 42_000)])
    last = session.scalar(text("SELECT max(id) FROM audit_log"))
    # cut the newest write off the trail (and the head with it, so the chain alone looks whole)
    raw(database, "DELETE FROM audit_log WHERE id = :last", last=last)
    raw(database, "UPDATE audit_head SET last_id = (SELECT max(id) FROM audit_log), "
                  "last_hash = (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1)")
    assert [(k, f) for k, f, _ in problems(database)] == [("changed", "c")]
    raw(database, "DELETE FROM audit_log")
    raw(database, "DELETE FROM audit_head")
    found = problems(database)
    assert found and all(k == "added" for k, _, _ in found)
    assert {f for _, f, _ in found} >= {"c", "b", "l", "u"}


def test_bulk_inserts_and_issued_reports_are_sealed_too(database, session, admin, tiny):
    with database.session() as s:
        fy = s.execute(text("SELECT id FROM fiscal_years WHERE year = 1404")).scalar()
        line = s.execute(text("SELECT id FROM classification_nodes WHERE code = '140101' AND fiscal_year_id = :fy"),
                         {"fy": fy}).scalar()
    bulk_insert(session, admin, 1404, [(tiny.agency_ids["3"], line, "provincial", m, 1000 * m) for m in (1, 2, 3)],
                source="import")
    assert problems(database) == []
    raw(database, "UPDATE collections SET amount = 1 WHERE amount = 3000")
    assert [(k, f) for k, f, _ in problems(database)] == [("changed", "c")]


def test_a_write_touching_no_vouched_data_records_no_seal(database, session, admin, tiny):
    from sqlalchemy import func, select

    from rasad_desktop.db.models import AuditLog
    from rasad_desktop.services import office

    accounts.create_user(session, admin, "sara", Role.DATA_ENTRY, "secret-pass-1")
    before = session.scalar(select(func.count()).where(AuditLog.action == state_seal.ACTION))
    office.set_policy(session, admin, "idle_lock_minutes", 7)
    accounts.sign_in(session, "sara", "secret-pass-1")  # the last sign-in time is not vouched for
    assert session.scalar(select(func.count()).where(AuditLog.action == state_seal.ACTION)) == before
