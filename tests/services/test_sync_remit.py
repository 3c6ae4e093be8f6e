"""What a workstation may change. Its package's signature proves the workstation, not the
person: someone with write access to a workstation's database file can put any change in
its log. The office takes only figures, requests, their events and attachments from it;
the rest is kept as a conflict, never applied."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sync_world import ADMIN, Node, build_office, enrol

from rasad_desktop.db.database import Database
from rasad_desktop.db.models import SyncChange, SyncNode, User
from rasad_desktop.services import accounts
from rasad_desktop.services.errors import PermissionDenied, ServiceError
from rasad_desktop.services.passwords import hash_password
from rasad_desktop.services.roles import Actor, Role
from rasad_desktop.services.sync import enrolment
from rasad_desktop.services.sync.entities import dumps, kinds


@pytest.fixture
def office(database: Database, tmp_path: Path) -> Node:
    node = build_office(database, tmp_path / "office")
    with database.session() as s:
        accounts.create_user(s, ADMIN, "clerk", Role.DATA_ENTRY, "Clerk-pass-2026", full_name="کارمند")
        accounts.create_user(s, ADMIN, "boss", Role.ADMIN, "Boss-pass-2026", full_name="مدیر")
    return node


@pytest.fixture
def ws(office: Node, tmp_path: Path) -> tuple[Node, Node]:
    return enrol(office, tmp_path / "ws-a", "الف"), enrol(office, tmp_path / "ws-b", "ب")


def forge(node: Node, kind: str, key: list[Any], before: Any, after: Any, username: str = "clerk") -> None:
    """What an insider with write access to the workstation's file does: the row changed
    by hand and a change in the log, as the program would have numbered it."""
    with node.db.session() as s:
        me = s.get(SyncNode, 1)
        assert me is not None
        me.last_seq += 1
        s.add(SyncChange(origin=node.number, seq=me.last_seq, kind=kind, key=dumps(key),
                         before=None if before is None else dumps(before), after=dumps(after), username=username,
                         at=dt.datetime(2026, 11, 30, 9, 0), status="applied"))
        s.commit()


def user_values(node: Node, username: str) -> dict[str, Any]:
    with node.db.session() as s:
        row = s.scalar(select(User).where(User.username == username))
        assert row is not None
        return kinds()["user"].values(None, row)  # type: ignore[arg-type]


def test_a_forged_promotion_from_a_workstation_is_a_conflict_not_an_admin(office: Node, ws: tuple[Node, Node]) -> None:
    a, _ = ws
    before = user_values(a, "clerk")
    forge(a, "user", ["clerk"], before, {**before, "role": "admin"})
    a.set_cell("1", "110104", 2, 900)  # an honest figure in the same package still lands
    out = office.take(a.export())
    assert (out.applied, out.conflicts) == (1, 1)
    assert user_values(office, "clerk")["role"] == "data_entry"
    [row] = office.conflicts()
    assert row.kind == "user" and row.problem == "office_only"
    assert "فقط دفتر" in row.problem_text("fa") and "only the office" in row.problem_text("en")
    assert office.cells()[("1", "110104", 2)][0] == 900


def test_a_forged_password_for_the_administrator_is_not_taken(office: Node, ws: tuple[Node, Node]) -> None:
    a, _ = ws
    before = user_values(a, "boss")
    forge(a, "user", ["boss"], before, {**before, "password_hash": hash_password("Taken-over-1")},
          username="boss")
    office.take(a.export())
    with office.db.session() as s:
        assert accounts.sign_in(s, "boss", "Boss-pass-2026").actor.username == "boss"
        with pytest.raises(ServiceError):
            accounts.sign_in(s, "boss", "Taken-over-1")


@pytest.mark.parametrize(("kind", "key", "after"), [
    ("holiday", ["2026-12-24"], {"title": "تعطیل ساختگی"}),
    ("setting", ["lockout_attempts"], {"value": "1000"}),
    ("lock", [1405, 1], {"locked_by": "clerk", "locked_at": "2026-11-30T09:00:00", "reason": ""}),
])
def test_reference_data_from_a_workstation_is_held_for_the_administrator(
        office: Node, ws: tuple[Node, Node], kind: str, key: list[Any], after: Any) -> None:
    a, _ = ws
    with office.db.session() as s:
        was = kinds()[kind].read(_refs(s), key)
    forge(a, kind, key, was, after)
    out = office.take(a.export())
    assert (out.applied, out.conflicts) == (0, 1)
    with office.db.session() as s:
        assert kinds()[kind].read(_refs(s), key) == was


def test_figures_for_another_workstations_agency_conflict_at_the_office(office: Node, ws: tuple[Node, Node]) -> None:
    a, b = ws
    with office.db.session() as s:
        enrolment.assign(s, ADMIN, b.number, ["2"])
    a.take(office.export(to=a.number))
    cell = [1405, "2", "110104", "provincial", 4]
    forge(a, "collection", cell, None, {"amount": 10**12, "document_ref": "", "source": "manual",
                                         "entered_by": "clerk", "entered_at": "2026-11-30T09:00:00"})
    out = office.take(a.export())
    assert out.conflicts == 1 and ("2", "110104", 4) not in office.cells()
    assert office.conflicts()[0].problem == "agency_owner"


@pytest.mark.parametrize("amount", ["۱۰۰", 1.5, 10**30, None, True])
def test_a_figure_that_entry_would_refuse_is_not_taken(office: Node, ws: tuple[Node, Node], amount: Any) -> None:
    a, _ = ws
    forge(a, "collection", [1405, "1", "110104", "provincial", 5], None,
          {"amount": amount, "document_ref": "", "source": "manual", "entered_by": "clerk",
           "entered_at": "2026-11-30T09:00:00"})
    out = office.take(a.export())
    assert out.conflicts == 1 and ("1", "110104", 5) not in office.cells()
    assert office.conflicts()[0].problem == "invalid"


def test_a_request_with_another_workstations_code_conflicts(office: Node, ws: tuple[Node, Node]) -> None:
    a, b = ws
    code = b.register()  # b's code, not yet at the office
    with b.db.session() as s:
        [made] = [c for c in s.scalars(select(SyncChange).where(SyncChange.kind == "request"))]
        after = json.loads(made.after)
    forge(a, "request", [code], None, {**after, "subject": "جعلی"})
    out = office.take(a.export())
    assert out.conflicts == 1 and code not in office.requests()
    assert office.conflicts()[0].problem == "foreign_code"
    office.take(b.export())  # the genuine one still lands
    assert code in office.requests()


def test_office_only_writes_are_refused_at_entry_on_a_workstation(office: Node, ws: tuple[Node, Node]) -> None:
    a, _ = ws
    with pytest.raises(PermissionDenied) as err:
        a.add_holiday(dt.date(2026, 12, 25), "تعطیل")
    assert err.value.code == "office_only" and "دفتر" in err.value.message_fa
    assert dt.date(2026, 12, 25) not in a.holidays()
    assert not [c for c in a.changes() if c.kind == "holiday"]


def test_a_password_changed_at_a_workstation_stays_there_until_the_office_resets_it(
        office: Node, ws: tuple[Node, Node]) -> None:
    a, _ = ws
    with a.db.session() as s:
        me = accounts.sign_in(s, "clerk", "Clerk-pass-2026").actor
        accounts.change_password(s, me, "Clerk-pass-2026", "Local-pass-2026")
    assert not [c for c in a.changes() if c.kind == "user" and c.origin == a.number]
    office.take(a.export())
    with office.db.session() as s:  # the office's password is the office's
        assert accounts.sign_in(s, "clerk", "Clerk-pass-2026").actor.username == "clerk"
    with office.db.session() as s:
        temporary = accounts.reset_password(s, ADMIN, "clerk")
    out = a.take(office.export(to=a.number))
    assert out.conflicts == 0 and out.applied >= 1  # the office's reset holds, whatever was local
    with a.db.session() as s:
        signed = accounts.sign_in(s, "clerk", temporary)
        assert signed.must_change_password


def test_a_workstation_takes_the_offices_reference_data_over_a_tampered_local_copy(
        office: Node, ws: tuple[Node, Node]) -> None:
    a, _ = ws
    with a.db.session() as s:  # someone edits the workstation's file by hand
        s.execute(User.__table__.update().where(User.username == "clerk").values(role="admin"))
        s.commit()
    with office.db.session() as s:
        accounts.set_locked(s, ADMIN, "clerk", True)
    out = a.take(office.export(to=a.number))
    assert out.conflicts == 0
    assert user_values(a, "clerk")["role"] == "data_entry" and user_values(a, "clerk")["locked"]


def _refs(s: Any) -> Any:
    from rasad_desktop.services.sync.entities import Refs

    return Refs(s)


def test_an_administrator_at_a_workstation_is_still_not_the_office(office: Node, ws: tuple[Node, Node]) -> None:
    a, _ = ws
    with a.db.session() as s, pytest.raises(PermissionDenied) as err:
        accounts.create_user(s, Actor("boss", Role.ADMIN), "intruder", Role.ADMIN, "Intruder-2026x")
    assert err.value.code == "office_only"
    with a.db.session() as s:
        assert accounts.get_user(s, "intruder") is None


def test_retiring_a_workstation_frees_its_agencies_everywhere(office: Node, ws: tuple[Node, Node]) -> None:
    a, b = ws
    with office.db.session() as s:
        enrolment.assign(s, ADMIN, a.number, ["2"])
    b.take(office.export(to=b.number))
    with pytest.raises(PermissionDenied):
        b.set_cell("2", "110104", 1, 20)
    with office.db.session() as s:
        enrolment.retire(s, ADMIN, a.number)
    b.take(office.export(to=b.number))
    assert b.set_cell("2", "110104", 1, 20) == 1  # no one else enters them now
    assert office.take(b.export()).applied == 1
