"""Packages an insider makes: changes forged in a workstation's database, or a package
sealed by hand with the workstation's own keys. The office takes them, refuses them whole
(nothing written, not even attachment files), or keeps the change as a conflict; it never
crashes, and the conflicts list and its decisions keep working."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sync_world import ADMIN, YEAR, Node, build_office, enrol

from rasad_desktop.core.errors import RasadError
from rasad_desktop.core.ids import TrackingCode
from rasad_desktop.db.database import Database
from rasad_desktop.db.models import RequestAttachment, RequestEvent, ServiceRequest, SyncNode
from rasad_desktop.formats.sync_package import Contents, seal
from rasad_desktop.services import budget
from rasad_desktop.services.attachments import folder
from rasad_desktop.services.errors import PermissionDenied
from rasad_desktop.services.sync.entities import Refs, dumps, kinds

FIGURE = {"amount": 5, "document_ref": "", "source": "manual", "entered_by": "clerk", "entered_at": "2026-11-30T09:00:00"}
CELL = [YEAR, "1", "110104", "provincial", 3]
AT = "2026-11-30T09:00:00"


@pytest.fixture
def world(database: Database, tmp_path: Path) -> tuple[Node, Node, Node]:
    office = build_office(database, tmp_path / "office")
    return office, enrol(office, tmp_path / "a", "الف"), enrol(office, tmp_path / "b", "ب")


def next_seq(node: Node) -> int:
    with node.db.session() as s:
        me = s.get(SyncNode, 1)
        assert me is not None
        me.last_seq += 1
        s.commit()
        return int(me.last_seq)


def change(node: Node, kind: str, key: Any, before: Any, after: Any, *, raw: bool = False,
           seq: int | None = None) -> list[Any]:
    """One change as a package carries it (``raw``: key and values given as text)."""
    def text(v: Any) -> Any:
        return v if raw or v is None else dumps(v)
    return [node.number, seq or next_seq(node), kind, key if raw else dumps(key), text(before), text(after), "clerk",
            AT, ""]


def sealed(node: Node, changes: list[Any], *, files: dict[str, bytes] | None = None, **doc: Any) -> bytes:
    """A package sealed by hand with the workstation's keys, read from its file."""
    with node.db.session() as s:
        me = s.get(SyncNode, 1)
        assert me is not None
        body = {"instance": me.instance_id, "last_seq": me.last_seq, "have": doc.pop("have", {}),
                "yours": [0, ""], "changes": changes}
        header = {"kind": "package", "office_id": me.office_id, "sender": me.station, "recipient": 0,
                  "number": doc.pop("number", 1000), "created_at": AT, "changes": len(changes)}
        return seal(header, Contents(body, files or {}), me.package_key, me.signing_key)


def take(office: Node, data: bytes) -> Any:
    """Taken (its outcome) or refused whole (the error, with nothing written)."""
    before = len(office.changes())
    try:
        return office.take(data)
    except RasadError as err:
        assert len(office.changes()) == before
        return err


def read(node: Node, kind: str, key: Any) -> Any:
    with node.db.session() as s:
        return kinds()[kind].read(Refs(s), key)


@pytest.mark.parametrize(("kind", "key", "after"), [
    ("collection", "{not json", dumps(FIGURE)),
    ("collection", dumps(CELL), "{oops"),
    ("collection", dumps(CELL), "5"),
    ("collection", dumps({"a": 1}), dumps(FIGURE)),
    ("collection", dumps([10 ** 30, "1", "110104", "provincial", 3]), dumps(FIGURE)),
    ("collection", dumps([YEAR, "1", "110104"]), dumps(FIGURE)),
    ("collection", dumps(CELL), dumps({**FIGURE, "entered_at": None})),
    ("collection", dumps(CELL), dumps({**FIGURE, "source": 7, "entered_by": None})),
    ("request", dumps([]), dumps({"workstation": 2})),
    ("request", dumps(["0509100200017"]), dumps({"workstation": 2})),
    ("request_event", dumps(["x"]), dumps({"from_status": None})),
    ("sudo", dumps(["x"]), dumps({"y": 1})),
])
def test_a_malformed_change_is_refused_or_kept_never_a_crash(world: Any, kind: str, key: str, after: str) -> None:
    office, a, _ = world
    out = take(office, sealed(a, [change(a, kind, key, None, after, raw=True)]))
    if isinstance(out, RasadError):
        assert out.code == "package_damaged"
        return
    assert out.applied == 0 and out.conflicts == 1
    [row] = office.conflicts()  # the list still opens, and the change can be decided
    assert row.what_fa and row.problem
    office.resolve(row.id, "office")
    assert office.conflicts() == []


@pytest.mark.parametrize("doc", [{"number": 2 ** 63}, {"have": {"0": 2 ** 63}}, {"have": {str(2 ** 70): 1}}])
def test_numbers_no_program_writes_refuse_the_package(world: Any, doc: dict[str, Any]) -> None:
    office, a, _ = world
    out = take(office, sealed(a, [], **doc))
    assert isinstance(out, RasadError) and out.code == "package_damaged"


def test_a_huge_sequence_number_refuses_the_package(world: Any) -> None:
    office, a, _ = world
    out = take(office, sealed(a, [change(a, "collection", CELL, None, FIGURE, seq=2 ** 63)]))
    assert isinstance(out, RasadError) and out.code == "package_damaged"


def test_other_stations_requests_cannot_be_changed_or_removed(world: Any, tmp_path: Path) -> None:
    office, a, b = world
    code = b.register("درخواست ب")
    b.attach(code, b"B's receipt", tmp_path)
    mine = office.register("درخواست دفتر")
    office.take(b.export())
    a.take(office.export(to=a.number))
    request = read(a, "request", [code])
    with a.db.session() as s:
        event = s.scalar(select(RequestEvent).join(ServiceRequest).where(ServiceRequest.tracking_code == code))
        assert event is not None
        event_key = [code, event.at.isoformat(), event.username, event.action]
        attachment = s.scalar(select(RequestAttachment))
        assert attachment is not None
        attachment_key = [code, attachment.sha256]
    forged = [
        change(a, "request", [code], request, None),  # B's request deleted
        change(a, "request", [mine], read(a, "request", [mine]),
               {**read(a, "request", [mine]), "status": "closed", "workstation": a.number, "serial": 9999}),
        change(a, "request_event", event_key, read(a, "request_event", event_key), None),
        change(a, "request_event", [code, "2026-12-01T10:00:00", "admin-office", "answered"], None,
               {"from_status": "registered", "to_status": "answered", "text": "پاسخ جعلی", "internal": False}),
        change(a, "attachment", attachment_key, read(a, "attachment", attachment_key), None),
    ]
    out = take(office, sealed(a, forged, number=1, have={"0": 0}))
    assert (out.applied, out.conflicts) == (0, 5)
    assert {c.problem for c in office.conflicts()} == {"foreign_code"}
    assert read(office, "request", [code]) == request and office.attachment_hashes()
    assert read(office, "request", [mine])["status"] == "registered"


def test_a_tracking_code_of_another_station_cannot_be_taken_first(world: Any) -> None:
    """A request made up under the office's next code would block the office's registering."""
    office, a, _ = world
    code = office.register("نخست")
    template = read(office, "request", [code])
    c = TrackingCode.parse(code)
    squat = TrackingCode(c.year, c.month, c.day, c.station, c.serial + 1).digits
    out = take(office, sealed(a, [change(a, "request", [squat], None,
                                         {**template, "workstation": a.number, "serial": 1})], number=1))
    assert out.conflicts == 1 and squat not in office.requests()
    assert office.register("دوم") == squat


def test_following_up_another_stations_request_is_refused_at_entry(world: Any) -> None:
    office, a, b = world
    code = b.register()
    office.take(b.export())
    a.take(office.export(to=a.number))
    with pytest.raises(PermissionDenied) as err:
        a.answer(code, "پاسخ از الف")
    assert err.value.code == "request_elsewhere" and "دفتر" in err.value.message_fa
    own = a.register()
    a.answer(own, "پاسخ")  # its own, of course
    assert office.take(a.export()).conflicts == 0 and office.requests()[own][1] == "پاسخ"


def test_figures_entered_offline_in_a_month_locked_meanwhile_wait_for_the_administrator(world: Any) -> None:
    office, a, _ = world
    a.set_cell("1", "110104", 3, 70_000)
    with office.db.session() as s:
        budget.set_period_lock(s, ADMIN, YEAR, 3, True)
    out = office.take(a.export())
    assert (out.applied, out.conflicts) == (0, 1) and ("1", "110104", 3) not in office.cells()
    [row] = office.conflicts()
    assert row.problem == "locked" and "بسته" in row.problem_text()
    office.resolve(row.id, "workstation")  # the administrator may accept it, knowingly
    assert office.cells()[("1", "110104", 3)][0] == 70_000


def _attachment(node: Node, code: str, data: bytes, name: str, media: str, size: int | None = None) -> list[Any]:
    sha = hashlib.sha256(data).hexdigest()
    return change(node, "attachment", [code, sha], None, {"file_name": name, "size": len(data) if size is None else size,
                                                           "media_type": media, "added_by": "clerk", "added_at": AT})


@pytest.mark.parametrize(("data", "name", "media", "size"), [
    (b"MZ\x90\x00" + b"\x00" * 400, "رسید.pdf.exe", "application/pdf", None),
    (b"MZ\x90\x00" + b"\x00" * 400, "رسید.pdf", "application/pdf", None),
    (b"%PDF-1.4 ok", "../../رسید.pdf", "application/pdf", None),
    (b"%PDF-1.4 ok", "رسید.pdf", "text/plain", None),
    (b"%PDF-1.4 ok", "رسید.pdf", "application/pdf", 1),
])
def test_an_attachment_passes_the_entry_checks_on_arrival(world: Any, data: bytes, name: str, media: str,
                                                          size: int | None) -> None:
    office, a, _ = world
    code = a.register()
    office.take(a.export())
    sha = hashlib.sha256(data).hexdigest()
    out = take(office, sealed(a, [_attachment(a, code, data, name, media, size)], files={sha: data}, number=50))
    assert out.conflicts == 1 and office.conflicts()[0].problem == "invalid"
    assert not office.attachment_hashes()


def test_a_package_that_fails_leaves_no_attachment_files(world: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from rasad_desktop.services.sync import merge

    office, a, _ = world
    code = a.register()
    office.take(a.export())
    import sample_files

    pdf = sample_files.pdf()  # a real PDF: the office checks an attachment's structure on arrival
    package = sealed(a, [_attachment(a, code, pdf, "رسید.pdf", "application/pdf")],
                     files={hashlib.sha256(pdf).hexdigest(): pdf}, number=8)
    before = set(folder(office.data_dir).glob("*"))
    real = merge.Merge.run

    def run_then_fail(self: Any, changes: Any) -> Any:
        real(self, changes)
        raise OSError("the disk is full")
    monkeypatch.setattr(merge.Merge, "run", run_then_fail)
    with pytest.raises(OSError):
        office.take(package)
    assert set(folder(office.data_dir).glob("*")) == before
    monkeypatch.undo()
    assert office.take(package).applied == 1 and len(set(folder(office.data_dir).glob("*")) - before) == 1


def test_the_office_can_still_register_after_everything(world: Any) -> None:
    office, a, _ = world
    take(office, sealed(a, [change(a, "request", ["bad"], None, {"x": 1}),
                            change(a, "collection", CELL, None, {**FIGURE, "amount": "۵"})]))
    assert {c.problem for c in office.conflicts()} == {"invalid"} and len(office.conflicts()) == 2
    assert TrackingCode.parse(office.register()).station == 1  # the office registers as ever
