"""An office (SQLite, and PostgreSQL when configured) and workstations (SQLite) exchanging
packages: what applies, what is already there, what waits, what conflicts; nothing lost,
nothing overwritten silently."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sync_world import ADMIN, Node, build_office, enrol, values

from rasad_desktop.db.database import Database
from rasad_desktop.services.errors import Conflict
from rasad_desktop.services.sync import state


@pytest.fixture
def office(database: Database, tmp_path: Path) -> Node:
    return build_office(database, tmp_path / "office")


@pytest.fixture
def ws(office: Node, tmp_path: Path) -> tuple[Node, Node]:
    return enrol(office, tmp_path / "ws-a", "الف"), enrol(office, tmp_path / "ws-b", "ب")


def test_enrolment_gives_numbers_never_used_and_the_office_data(office: Node, ws: tuple[Node, Node]) -> None:
    a, b = ws
    assert {a.number, b.number} == {2, 3}  # 1 is the office's own tracking-code number
    assert a.cells() == office.cells()
    with a.db.session() as s:
        from rasad_desktop.services.budget import list_years

        assert list_years(s) == [1405]
    with office.db.session() as s:
        from rasad_desktop.services.sync import enrolment

        assert [w.number for w in enrolment.workstations(s, ADMIN)] == [2, 3]


def test_a_workstation_figure_reaches_the_office_with_who_entered_it(office: Node, ws: tuple[Node, Node]) -> None:
    a, b = ws
    a.set_cell("1", "110104", 3, 70_000)
    out = office.take(a.export())
    assert (out.applied, out.present, out.held, out.conflicts) == (1, 0, 0, 0)
    assert office.cells()[("1", "110104", 3)] == (70_000, "clerk-الف")
    [change] = [c for c in office.changes() if c.origin == a.number]
    assert change.username == "clerk-الف" and change.kind == "collection"
    assert values(change, "before") is None and values(change, "after")["amount"] == 70_000
    # and on to the other workstation, still by the same clerk
    assert b.take(office.export(to=b.number)).applied == 1
    assert b.cells()[("1", "110104", 3)] == (70_000, "clerk-الف")


def test_the_same_package_twice_changes_nothing(office: Node, ws: tuple[Node, Node]) -> None:
    a, _ = ws
    a.set_cell("2", "140101", 1, 5_000)
    a.register()
    package = a.export()
    first = office.take(package)
    before = (office.cells(), office.requests(), len(office.changes()))
    again = office.take(package)
    assert first.applied == 3 and again.applied == 0 and again.repeated == 3
    assert (office.cells(), office.requests(), len(office.changes())) == before


def test_a_gap_is_held_until_the_missing_change_arrives(office: Node, ws: tuple[Node, Node]) -> None:
    a, _ = ws
    a.set_cell("1", "110104", 1, 100)
    early = a.export()
    office.take(early)
    a.set_cell("1", "110104", 2, 200)
    second = a.export()  # change 2
    # the office never saw the package with change 2, but a later one's acknowledgement says
    # it did: simulate by a package that starts after the gap
    a.set_cell("1", "110104", 3, 300)
    with a.db.session() as s:
        state.set_have(s, 0, {a.number: 2})
        s.commit()
    late = a.export()  # change 3 only
    out = office.take(late)
    assert out.held == 1 and out.waiting == [(a.number, 2, 2)] and out.applied == 0
    assert ("1", "110104", 3) not in office.cells()
    filled = office.take(second)
    assert filled.applied == 2 and filled.held == 0  # change 2, then the held change 3
    assert office.cells()[("1", "110104", 3)] == (300, "clerk-الف")


def test_packages_from_different_workstations_in_any_order(office: Node, ws: tuple[Node, Node]) -> None:
    a, b = ws
    a.set_cell("1", "110104", 4, 10)
    b.set_cell("2", "110104", 4, 20)
    pa, pb = a.export(), b.export()
    assert office.take(pb).applied == 1 and office.take(pa).applied == 1
    assert office.cells()[("1", "110104", 4)][0] == 10 and office.cells()[("2", "110104", 4)][0] == 20


def test_two_sides_changing_the_same_value_is_a_conflict_kept_and_listed(office: Node, ws: tuple[Node, Node]) -> None:
    a, b = ws
    office.set_cell("3", "140101", 5, 1_000)
    for w in ws:
        w.take(office.export(to=w.number))
    a.set_cell("3", "140101", 5, 1_500)
    b.set_cell("3", "140101", 5, 1_700)
    assert office.take(a.export()).applied == 1
    out = office.take(b.export())
    assert out.conflicts == 1 and out.applied == 0
    assert office.cells()[("3", "140101", 5)][0] == 1_500  # nothing overwritten
    [c] = office.conflicts()
    assert c.origin == b.number
    assert "۱٬۷۰۰" in c.workstation.value_fa and "۱٬۵۰۰" in c.office.value_fa
    assert c.workstation.username == "clerk-ب" and c.office.username == "clerk-الف"
    assert c.workstation.at is not None and c.office.at is not None


@pytest.mark.parametrize("keep, expected", [("workstation", 1_700), ("office", 1_500)])
def test_a_resolution_reaches_every_database(office: Node, ws: tuple[Node, Node], keep: str, expected: int) -> None:
    a, b = ws
    a.set_cell("3", "140101", 6, 1_500)
    b.set_cell("3", "140101", 6, 1_700)
    office.take(a.export())
    office.take(b.export())
    [c] = office.conflicts()
    office.resolve(c.id, keep)
    assert office.conflicts() == []
    for w in ws:
        w.take(office.export(to=w.number))
        assert w.cells()[("3", "140101", 6)][0] == expected, w.name
        assert w.conflicts() == []  # the office's decision settles what waited there
    assert office.cells()[("3", "140101", 6)][0] == expected
    with office.db.session() as s:
        from sqlalchemy import select

        from rasad_desktop.db.models import AuditLog

        assert s.scalar(select(AuditLog).where(AuditLog.action == "sync.resolve")) is not None


def test_the_same_change_on_both_sides_is_not_a_conflict(office: Node, ws: tuple[Node, Node]) -> None:
    a, b = ws
    a.set_cell("2", "110104", 7, 999)
    b.set_cell("2", "110104", 7, 999)
    office.take(a.export())
    out = office.take(b.export())
    assert out.present == 1 and out.conflicts == 0


def test_deletions_travel(office: Node, ws: tuple[Node, Node]) -> None:
    a, b = ws
    a.set_cell("1", "140101", 8, 42)
    office.take(a.export())
    b.take(office.export(to=b.number))
    assert ("1", "140101", 8) in b.cells()
    a.set_cell("1", "140101", 8, None)  # cleared
    office.take(a.export())
    b.take(office.export(to=b.number))
    assert ("1", "140101", 8) not in office.cells() and ("1", "140101", 8) not in b.cells()


def test_requests_answers_and_attachments_travel(office: Node, ws: tuple[Node, Node], tmp_path: Path) -> None:
    a, b = ws
    code = a.register("شکایت از تأخیر")
    a.attach(code, "رسید پرداخت".encode(), tmp_path)
    office.take(a.export())
    assert code in office.requests() and office.attachment_hashes() == a.attachment_hashes()
    assert office.attachment_files_ok()
    office.answer(code, "پاسخ دفتر")
    b.take(office.export(to=b.number))
    assert b.requests()[code] == ("answered", "پاسخ دفتر") and b.attachment_files_ok()
    a.take(office.export(to=a.number))
    assert a.requests()[code] == ("answered", "پاسخ دفتر")


def test_tracking_codes_carry_the_workstation_number_and_never_collide(office: Node, ws: tuple[Node, Node]) -> None:
    a, b = ws
    codes = [a.register(), b.register(), office.register(), a.register()]
    assert len(set(codes)) == 4
    for node, code in ((a, codes[0]), (b, codes[1]), (office, codes[2])):
        from rasad_desktop.core.ids import TrackingCode

        assert TrackingCode.parse(code).station == (node.number or 1)
    for w in ws:
        office.take(w.export())
    assert set(codes) <= set(office.requests())


def test_the_office_cannot_use_an_enrolled_workstations_number(office: Node, ws: tuple[Node, Node]) -> None:
    from rasad_desktop.services import requests

    a, _ = ws
    with office.db.session() as s, pytest.raises(Conflict) as err:
        requests.register(s, ADMIN, requests.NewRequest("complaint", "in_person", "نام", "0499370899", "09141234567",
                                                        "موضوع", "متن"), workstation=a.number)
    assert err.value.code == "station_taken"


def test_holidays_and_locks_reach_the_workstations(office: Node, ws: tuple[Node, Node]) -> None:
    from rasad_desktop.services import budget
    from rasad_desktop.services.errors import PeriodLocked

    a, _ = ws
    office.add_holiday(dt.date(2027, 3, 21), "نوروز")
    with office.db.session() as s:
        budget.set_period_lock(s, ADMIN, 1405, 2, True, reason="بسته شد")
    a.take(office.export(to=a.number))
    assert a.holidays()[dt.date(2027, 3, 21)] == "نوروز"
    with pytest.raises(PeriodLocked):
        a.set_cell("1", "110104", 2, 5)


def test_a_change_from_before_a_lock_arriving_after_it_is_a_conflict_not_an_overwrite(
        office: Node, ws: tuple[Node, Node]) -> None:
    """Merging does not bypass what the office decided meanwhile: it is listed."""
    a, _ = ws
    a.set_cell("1", "110104", 9, 77)
    office.set_cell("1", "110104", 9, 55)
    out = office.take(a.export())
    assert out.conflicts == 1 and office.cells()[("1", "110104", 9)][0] == 55


def test_a_later_change_from_the_same_side_replaces_its_pending_conflict(office: Node, ws: tuple[Node, Node]) -> None:
    a, _ = ws
    office.set_cell("2", "140101", 10, 1)
    a.set_cell("2", "140101", 10, 2)
    office.take(a.export())
    a.set_cell("2", "140101", 10, 3)
    office.take(a.export())
    [c] = office.conflicts()
    assert "۳" in c.workstation.value_fa


def test_a_preview_says_what_taking_the_package_will_do_and_changes_nothing(
        office: Node, ws: tuple[Node, Node], tmp_path: Path) -> None:
    from rasad_desktop.services.sync import packages

    a, _ = ws
    office.set_cell("1", "110104", 11, 5)
    a.set_cell("1", "110104", 11, 6)  # will conflict
    a.set_cell("2", "110104", 11, 7)  # will apply
    code = a.register()
    a.attach(code, b"a file for the preview", tmp_path)
    package = a.export()
    files_before = sorted(p.name for p in office.data_dir.rglob("*"))
    before = (office.cells(), office.requests(), len(office.changes()))
    with office.db.session() as s:
        preview = packages.preview_package(s, ADMIN, package, office.data_dir)
    assert (office.cells(), office.requests(), len(office.changes())) == before
    assert sorted(p.name for p in office.data_dir.rglob("*")) == files_before
    statuses = [line.status for line in preview.lines]
    assert statuses.count("conflict") == 1 and preview.outcome.conflicts == 1
    assert any("۷" in line.value_fa and line.status == "applied" for line in preview.lines)
    taken = office.take(package)
    assert (taken.applied, taken.conflicts) == (preview.outcome.applied, preview.outcome.conflicts)


def test_agencies_given_to_a_workstation_are_refused_at_entry_on_the_others(office: Node, ws: tuple[Node, Node]) -> None:
    from rasad_desktop.services.errors import PermissionDenied
    from rasad_desktop.services.sync import enrolment

    a, b = ws
    with office.db.session() as s:
        assert enrolment.assign(s, ADMIN, a.number, ["2"]) == 1
    for w in ws:
        w.take(office.export(to=w.number))
    assert a.set_cell("2", "110104", 1, 10) == 1
    with pytest.raises(PermissionDenied) as err:
        b.set_cell("2", "110104", 1, 20)
    assert err.value.code == "agency_owner" and "ایستگاه" in err.value.message_fa
    assert b.set_cell("1", "110104", 1, 20) == 1  # an agency nobody owns: anyone
    assert office.set_cell("2", "110104", 2, 30) == 1  # the office enters any agency's figures


def test_packages_for_somewhere_else_or_from_a_retired_workstation_are_refused(
        office: Node, ws: tuple[Node, Node]) -> None:
    from rasad_desktop.formats.sync_package import PackageError
    from rasad_desktop.services.sync import enrolment

    a, b = ws
    for_b = office.export(to=b.number)
    with pytest.raises(PackageError) as err:
        a.take(for_b)
    assert err.value.code == "package_recipient"
    a.set_cell("1", "110104", 1, 5)
    package = a.export()
    with office.db.session() as s:
        enrolment.retire(s, ADMIN, a.number)
    with pytest.raises(PackageError) as err:
        office.take(package)
    assert err.value.code == "package_retired"
    assert ("1", "110104", 1) not in office.cells()
    with office.db.session() as s:  # its number is never given again
        assert enrolment.add(s, ADMIN, "تازه", office.data_dir, office_station=1).number not in (1, a.number, b.number)


def test_a_workstation_restored_from_an_older_copy_is_caught(office: Node, ws: tuple[Node, Node]) -> None:
    a, _ = ws
    a.db.close()
    saved = (a.data_dir / "rasad.db").read_bytes()
    a.db = Database.open(a.db.url)
    a.set_cell("1", "110104", 1, 5)
    office.take(a.export())
    a.db.close()
    (a.data_dir / "rasad.db").write_bytes(saved)  # the older backup, restored on the same computer
    a.db = Database.open(a.db.url)
    a.set_cell("1", "110104", 2, 6)  # change 1 again, with other contents
    before = office.cells()
    with pytest.raises(Conflict) as err:
        office.take(a.export())
    assert err.value.code == "sync_repeated_differently" and office.cells() == before
    with pytest.raises(Conflict) as err:
        a.take(office.export(to=a.number))  # the office holds more of its changes than it has
    assert err.value.code == "sync_older_copy"


def test_an_office_restored_from_an_older_copy_is_caught(tmp_path: Path) -> None:
    """(An office on SQLite, restored by putting an older file back.)"""
    office = build_office(Database.open(f"sqlite:///{(tmp_path / 'office.db').as_posix()}"), tmp_path / "office")
    a = enrol(office, tmp_path / "ws-a", "الف")
    assert office.db.file is not None
    office.db.close()
    saved = office.db.file.read_bytes()
    office.db = Database.open(office.db.url)
    office.set_cell("1", "110104", 3, 9)
    a.take(office.export(to=a.number))
    office.db.close()
    office.db.file.write_bytes(saved)
    office.db = Database.open(office.db.url)
    with pytest.raises(Conflict) as err:
        office.take(a.export())
    assert err.value.code == "sync_office_older"


def test_the_office_going_there_and_back_does_not_undo_a_workstations_change(
        office: Node, ws: tuple[Node, Node]) -> None:
    """Office: none → 2,000 → none; workstation meanwhile: none → 2,000. The office takes the
    workstation's change last; the workstation must not then take the office's earlier
    removal over its own (found by the stateful test)."""
    a, b = ws
    office.set_cell("1", "140101", 1, -2000)
    a.set_cell("1", "140101", 1, -2000)
    office.set_cell("1", "140101", 1, None)
    assert office.take(a.export()).applied == 1
    a.take(office.export(to=a.number))
    b.take(office.export(to=b.number))
    assert office.cells() == a.cells() == b.cells()
    assert office.cells()[("1", "140101", 1)] == (-2000, "clerk-الف")
    office.set_cell("1", "140101", 1, 7)  # and what the office does after it still arrives
    a.take(office.export(to=a.number))
    assert a.cells()[("1", "140101", 1)][0] == 7
