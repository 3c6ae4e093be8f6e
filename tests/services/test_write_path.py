"""The single write path: role checks, validation, audit records, all-or-nothing."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from rasad_desktop.db.models import Agency, AuditLog, Collection, FiscalYear, MonthlySchedule
from rasad_desktop.services import budget, collections, demo
from rasad_desktop.services.collections import Entry, save_month
from rasad_desktop.services.errors import NotFound, PeriodLocked, PermissionDenied, ValidationError
from rasad_desktop.services.roles import Actor, Permission, Role


def _count(session, model) -> int:  # type: ignore[no-untyped-def]
    return session.scalar(select(func.count()).select_from(model))


def _has_persian(text: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" for c in text)


@pytest.mark.parametrize("role", [Role.VIEWER, Role.REPORT_OFFICER, Role.DATA_ENTRY])
def test_non_admin_roles_cannot_change_the_budget(session, role):
    with pytest.raises(PermissionDenied) as err:
        budget.create_year(session, Actor("someone", role), 1404)
    assert _has_persian(str(err.value))
    assert _count(session, FiscalYear) == 0
    assert _count(session, AuditLog) == 0


@pytest.mark.parametrize("role", [Role.VIEWER, Role.REPORT_OFFICER])
def test_roles_without_data_entry_cannot_save_collections(session, tiny, role):
    before = _count(session, Collection)
    with pytest.raises(PermissionDenied):
        save_month(session, Actor("x", role), 1404, 9, "1", [Entry("110104", 5)])
    assert _count(session, Collection) == before


def test_every_role_has_its_grants():
    admin, clerk = Actor("a", Role.ADMIN), Actor("c", Role.DATA_ENTRY)
    assert all(admin.can(p) for p in Permission)
    assert clerk.can(Permission.ENTER_COLLECTIONS) and not clerk.can(Permission.MANAGE_BUDGET)
    assert Actor("r", Role.REPORT_OFFICER).can(Permission.ISSUE_REPORTS)
    assert not Actor("v", Role.VIEWER).can(Permission.ISSUE_REPORTS)


def test_clerk_saves_a_month_and_each_change_is_audited(session, tiny, clerk):
    audit_before = _count(session, AuditLog)
    changed = save_month(session, clerk, 1404, 8, "1", [
        Entry("110104", "۱۲۳٬۴۵۶"),  # typed with Persian digits
        Entry("210101", 7, document_ref="سند ۱۲"),
    ])
    assert changed == 2
    rows = session.scalars(select(AuditLog).order_by(AuditLog.id).offset(audit_before)).all()
    assert [r.action for r in rows] == ["collection.set", "collection.set", "state.seal"]
    assert rows[0].username == "clerk-test" and rows[0].before is None
    assert json.loads(rows[0].after)["amount"] == 123456
    # changing one value records old → new
    save_month(session, clerk, 1404, 8, "1", [Entry("110104", 200_000), Entry("210101", 7, document_ref="سند ۱۲")])
    last = session.scalars(select(AuditLog).where(AuditLog.action != "state.seal").order_by(AuditLog.id.desc())).first()
    assert json.loads(last.before)["amount"] == 123456 and json.loads(last.after)["amount"] == 200_000
    # saving an unchanged month writes nothing at all
    n = _count(session, AuditLog)
    assert save_month(session, clerk, 1404, 8, "1", [Entry("110104", 200_000)]) == 0
    assert _count(session, AuditLog) == n


def test_a_failure_halfway_leaves_nothing_behind(session, tiny, clerk):
    before = (_count(session, Collection), _count(session, AuditLog))
    with pytest.raises(ValidationError) as err:
        save_month(session, clerk, 1404, 9, "1", [
            Entry("110104", 1_000),
            Entry("210101", 2_000),
            Entry("110104", "دوازده"),  # third entry is bad: the first two must not stay
        ])
    assert _has_persian(err.value.message_fa)
    assert (_count(session, Collection), _count(session, AuditLog)) == before
    with pytest.raises(NotFound):
        save_month(session, clerk, 1404, 9, "1", [Entry("110104", 1_000), Entry("999999", 1)])
    assert (_count(session, Collection), _count(session, AuditLog)) == before


def test_an_exception_inside_a_bulk_load_rolls_everything_back(session, admin, monkeypatch):
    real = demo.insert_collections
    calls = []

    def explode_on_second_year(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 2:
            raise OSError("disk gone")
        return real(*args, **kwargs)

    monkeypatch.setattr(demo, "insert_collections", explode_on_second_year)
    with pytest.raises(OSError):
        demo.load_demo(session, admin, 1404, 6)
    assert len(calls) == 2  # the first year was written before the failure …
    for model in (FiscalYear, Agency, Collection, AuditLog):  # … and nothing of it remains
        assert _count(session, model) == 0


def test_locked_period_is_refused_with_a_reason(session, tiny, admin, clerk):
    budget.set_period_lock(session, admin, 1404, 3, True, reason="بستن فصل")
    with pytest.raises(PeriodLocked) as err:
        save_month(session, clerk, 1404, 3, "1", [Entry("110104", 1)])
    assert "خرداد" in err.value.message_fa
    with pytest.raises(PermissionDenied):
        budget.set_period_lock(session, clerk, 1404, 3, False)
    budget.set_period_lock(session, admin, 1404, 3, False)
    assert save_month(session, clerk, 1404, 3, "1", [Entry("110104", 1)]) == 1


def test_schedule_must_add_up_and_a_bad_schedule_changes_nothing(session, tiny, admin):
    with pytest.raises(ValidationError) as err:
        budget.set_schedule(session, admin, 1404, "2", "140101", [1] * 12)
    assert "جمع برنامهٔ ماهانه" in err.value.message_fa
    months = session.scalars(select(MonthlySchedule.amount).order_by(MonthlySchedule.month)).all()
    assert months[:3] == [10_000, 20_000, 30_000]  # the old schedule is intact
    with pytest.raises(ValidationError):  # revising the amount would orphan the schedule
        budget.set_approved(session, admin, 1404, "2", "140101", 700_000)


def test_validation_messages(session, tiny, admin):
    cases = [
        lambda: budget.set_approved(session, admin, 1404, "1", "110104", -5),
        lambda: budget.set_approved(session, admin, 1404, "1", "110104", 10**18),
        lambda: budget.set_approved(session, admin, 1404, "1", "110100", 5),  # a band, not a line
        lambda: budget.set_approved(session, admin, 1404, "1", "110104", 1.5),
        lambda: budget.set_approved(session, admin, 1404, "1", "110104", 5, budget_column="x"),
        lambda: budget.add_line(session, admin, 1404, "150101", "جرایم"),  # parent 150100 missing
        lambda: budget.save_agency(session, admin, "9", "   "),
        lambda: collections.save_month(session, admin, 1404, 13, "1", []),
    ]
    for case in cases:
        with pytest.raises(ValidationError) as err:
            case()
        assert _has_persian(err.value.message_fa) and err.value.message_en


def test_names_are_normalised_on_the_way_in(session, admin):
    agency = budget.save_agency(session, admin, "50", "  اداره كل  ماليات ")
    assert agency.name == "اداره کل مالیات"


def test_long_texts_keep_their_paragraphs():
    from rasad_desktop.services import validate

    text = "بند نخست\r\n  بند  دوم\n\n\n\nبند سوم\n"
    assert validate.text(text, "متن", "text", max_len=100, multiline=True) == "بند نخست\nبند دوم\n\nبند سوم"
    assert validate.text(text, "متن", "text", max_len=100) == "بند نخست بند دوم بند سوم"
