"""Budget administration: a new year with last year's lines, several approved amounts in
one transaction, and the read helpers of the Budget page."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from rasad_desktop.db.models import Assignment, AuditLog, ClassificationNode, FiscalYear
from rasad_desktop.services import budget
from rasad_desktop.services.budget_admin import (
    ApprovedChange,
    agency_assignments,
    agency_rows,
    copy_classification,
    line_tree,
    new_year,
    period_locks,
    row_lines,
    save_approved_many,
    schedule_info,
    year_summaries,
)
from rasad_desktop.services.errors import Conflict, NotFound, PermissionDenied, ValidationError
from rasad_desktop.services.roles import Actor, Role

N_LINES = 11  # the tiny province's classification (tests/services/conftest.py)
SCHEDULE_1404 = [x * 1000 for x in (10, 20, 30, 40, 50, 50, 60, 60, 70, 70, 70, 70)]


def _count(session, model) -> int:  # type: ignore[no-untyped-def]
    return session.scalar(select(func.count()).select_from(model))


def _has_persian(text: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" for c in text)


def _audits(session, after_id: int = 0) -> list[AuditLog]:  # type: ignore[no-untyped-def]
    return list(session.scalars(select(AuditLog).where(AuditLog.id > after_id).order_by(AuditLog.id)))


def _last_audit_id(session) -> int:  # type: ignore[no-untyped-def]
    return session.scalar(select(func.max(AuditLog.id))) or 0


def _assignment(session, year: int, agency: str, line: str, column: str = "provincial"):  # type: ignore[no-untyped-def]
    fy = budget.find_year(session, year)
    return budget.find_assignment(session, fy, budget.find_agency(session, agency),
                                  budget.find_line(session, fy.id, line), column)


# ------------------------------------------------------------------ new year
def test_a_new_year_copies_the_classification_with_its_tree_and_earmarking(session, tiny, admin):
    before = _last_audit_id(session)
    copied = new_year(session, admin, 1405, copy_lines_from=1404, note="قانون بودجه ۱۴۰۵")
    assert copied == N_LINES
    tree = line_tree(session, 1405)
    assert [n.code for n in tree] == ["100000", "200000"]
    assert [n.code for n in tree[0].children] == ["110000", "140000"]
    row = tree[0].children[1].children[0].children[0]
    assert (row.code, row.earmarked) == ("140101", True)
    # the copied nodes point at the new year's parents, not last year's
    fy = budget.find_year(session, 1405)
    node = budget.find_line(session, fy.id, "110104")
    assert node.parent is not None and node.parent.fiscal_year_id == fy.id and node.parent.code == "110100"
    assert [a.action for a in _audits(session, before)] == ["year.create", "lines.copy"]
    assert json.loads(_audits(session, before)[1].after) == {"count": N_LINES, "from_year": 1404}
    assert _audits(session, before)[0].username == "admin-test"


def test_a_new_year_without_copying_has_no_lines(session, tiny, admin):
    assert new_year(session, admin, 1405) == 0
    assert line_tree(session, 1405) == []
    assert 1405 in budget.list_years(session)


def test_a_new_year_that_exists_or_copies_from_nowhere_leaves_nothing(session, tiny, admin):
    before = (_count(session, FiscalYear), _count(session, ClassificationNode), _count(session, AuditLog))
    with pytest.raises(Conflict) as err:
        new_year(session, admin, 1404, copy_lines_from=1403)
    assert _has_persian(err.value.message_fa)
    with pytest.raises(NotFound):
        new_year(session, admin, 1406, copy_lines_from=1399)  # no such year: no 1406 either
    assert (_count(session, FiscalYear), _count(session, ClassificationNode), _count(session, AuditLog)) == before


def test_copying_into_a_year_adds_only_the_missing_lines(session, tiny, admin):
    budget.create_year(session, admin, 1405)
    budget.add_line(session, admin, 1405, "100000", "درآمدها (عنوان تازه)")
    assert copy_classification(session, admin, 1404, 1405) == N_LINES - 1
    titles = {n.code: n.title for n in line_tree(session, 1405)}
    assert titles["100000"] == "درآمدها (عنوان تازه)"  # kept, not overwritten
    n = _count(session, AuditLog)
    assert copy_classification(session, admin, 1404, 1405) == 0  # nothing left: nothing audited
    assert _count(session, AuditLog) == n
    with pytest.raises(ValidationError):
        copy_classification(session, admin, 1405, 1405)


@pytest.mark.parametrize("role", [Role.DATA_ENTRY, Role.REPORT_OFFICER, Role.VIEWER])
def test_other_roles_cannot_create_years_or_copy_lines(session, tiny, role):
    actor = Actor("someone", role)
    before = (_count(session, FiscalYear), _count(session, ClassificationNode), _count(session, AuditLog))
    with pytest.raises(PermissionDenied) as err:
        new_year(session, actor, 1405, copy_lines_from=1404)
    assert _has_persian(str(err.value))
    budget.create_year(session, Actor("a", Role.ADMIN), 1406)
    before = (before[0] + 1, before[1], before[2] + 1)
    with pytest.raises(PermissionDenied):
        copy_classification(session, actor, 1404, 1406)
    assert (_count(session, FiscalYear), _count(session, ClassificationNode), _count(session, AuditLog)) == before


# ---------------------------------------------------------- approved amounts
def test_several_approved_amounts_are_saved_together_and_audited(session, tiny, admin):
    before = _last_audit_id(session)
    changed = save_approved_many(session, admin, 1404, "1", [
        ApprovedChange("110104", "۱٬۵۰۰٬۰۰۰"),  # typed with Persian digits
        ApprovedChange("210101", 1_000_000, revised=None),  # amendment removed
        ApprovedChange("140101", 70_000, budget_column="national"),  # a new assignment
    ])
    assert changed == 3
    assert _assignment(session, 1404, "1", "110104").approved == 1_500_000
    assert _assignment(session, 1404, "1", "210101").revised is None
    assert _assignment(session, 1404, "1", "140101", "national").approved == 70_000
    rows = _audits(session, before)
    assert [r.action for r in rows] == ["approved.set"] * 3 + ["state.seal"]  # one seal for the write
    assert list(json.loads(rows[3].after)) == [f"b/{_assignment(session, 1404, '1', '110104').fiscal_year_id}/"
                                               f"{_assignment(session, 1404, '1', '110104').agency_id}"]
    assert json.loads(rows[0].before) == {"approved": 1_200_000, "revised": None}
    assert json.loads(rows[0].after) == {"approved": 1_500_000, "revised": None}
    assert rows[2].entity_id == "1404/1/140101/national" and rows[2].before is None


def test_unchanged_rows_write_nothing(session, tiny, admin):
    n = _count(session, AuditLog)
    assert save_approved_many(session, admin, 1404, "1", [ApprovedChange("110104", 1_200_000),
                                                          ApprovedChange("210101", 1_000_000, 1_200_000)]) == 0
    assert _count(session, AuditLog) == n


@pytest.mark.parametrize("bad", [
    ApprovedChange("210101", "یک میلیون"),  # not an amount
    ApprovedChange("210101", -5),  # negative
    ApprovedChange("210100", 5),  # a band, not a line
    ApprovedChange("999999", 5),  # not in this year's classification
    ApprovedChange("210101", 5, budget_column="city"),
    ApprovedChange("110104", 9),  # the same line twice
])
def test_a_failure_halfway_saves_none_of_the_rows(session, tiny, admin, bad):
    before = (_count(session, Assignment), _count(session, AuditLog))
    with pytest.raises((ValidationError, NotFound)) as err:
        save_approved_many(session, admin, 1404, "1", [ApprovedChange("110104", 2_000_000),
                                                        ApprovedChange("140101", 5_000), bad])
    assert _has_persian(err.value.message_fa)
    assert _assignment(session, 1404, "1", "110104").approved == 1_200_000
    assert _assignment(session, 1404, "1", "140101") is None
    assert (_count(session, Assignment), _count(session, AuditLog)) == before


def test_a_new_amount_that_breaks_a_schedule_is_refused(session, tiny, admin):
    with pytest.raises(ValidationError) as err:
        save_approved_many(session, admin, 1404, "2", [ApprovedChange("140101", 700_000)])
    assert err.value.code == "schedule_mismatch" and "۱۴۰۱۰۱" in err.value.message_fa
    assert _assignment(session, 1404, "2", "140101").approved == 600_000
    # a revision that keeps the schedule's total is fine
    assert save_approved_many(session, admin, 1404, "2", [ApprovedChange("140101", 700_000, 600_000)]) == 1


@pytest.mark.parametrize("role", [Role.DATA_ENTRY, Role.REPORT_OFFICER, Role.VIEWER])
def test_other_roles_cannot_set_approved_amounts(session, tiny, role):
    n = _count(session, AuditLog)
    with pytest.raises(PermissionDenied):
        save_approved_many(session, Actor("x", role), 1404, "1", [ApprovedChange("110104", 1)])
    assert _assignment(session, 1404, "1", "110104").approved == 1_200_000
    assert _count(session, AuditLog) == n


# -------------------------------------------------------------- read helpers
def test_the_read_helpers(session, tiny, admin):
    budget.set_period_lock(session, admin, 1404, 2, True, reason="بستن")
    summaries = {s.year: s for s in year_summaries(session)}
    assert summaries[1404].lines == N_LINES and summaries[1404].assignments == 3
    assert summaries[1404].in_force == 1_200_000 + 1_200_000 + 600_000 and summaries[1404].locked_months == 1
    assert [(a.code, a.active) for a in agency_rows(session)] == [("1", True), ("2", True), ("3", True)]
    rows = agency_assignments(session, 1404, "1")
    assert [(r.line_code, r.approved, r.revised, r.in_force) for r in rows] == [
        ("110104", 1_200_000, None, 1_200_000), ("210101", 1_000_000, 1_200_000, 1_200_000)]
    assert [r.scheduled for r in agency_assignments(session, 1404, "2")] == [True]
    info = schedule_info(session, 1404, "2", "140101")
    assert info is not None and info.months == SCHEDULE_1404 and info.in_force == 600_000
    assert schedule_info(session, 1404, "3", "110104") is None
    assert [c for c, _ in row_lines(session, 1404)] == ["110104", "140101", "210101"]
    locks = period_locks(session, 1404)
    assert len(locks) == 12 and locks[1].locked and locks[1].reason == "بستن" and not locks[0].locked
