"""An office and three workstations doing random work — entries, corrections, clearing,
requests, answers, attachments — while packages are exported at random and delivered late,
twice, out of order or never (and re-exported).

Beside the real databases the test keeps its own model of the office's figures and applies
the merge rules to it for every change a package brings (the model sees each package's
changes, opened the way the office opens them). Invariants:

- the office holds exactly what that sequential application of the non-conflicting changes
  gives, after every package;
- the office reports a conflict exactly when the model says the value had moved on to
  something that is neither the change's *before* nor its *after* (two sides changed the same
  value from the same start to different results);
- tracking codes are unique across the office; the audit trail is intact everywhere;
- once every package is delivered and every conflict decided, no committed change is missing
  from the office's log and every database holds the same figures, requests and attachments.

The office is SQLite, and PostgreSQL too when RASAD_TEST_POSTGRES_URL is set."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from needs import BACKENDS, drop_postgres, fresh_postgres
from sync_world import AGENCIES, CELL_LINES, Node, build_office, enrol

from rasad_desktop.core.ids import TrackingCode
from rasad_desktop.db.database import Database
from rasad_desktop.formats import sync_package
from rasad_desktop.services.audit import verify_chain
from rasad_desktop.services.errors import ServiceError
from rasad_desktop.services.sync import packages

Cell = tuple[str, str, int]
CELLS = st.tuples(st.sampled_from([a for a, _ in AGENCIES]), st.sampled_from(CELL_LINES), st.integers(1, 3))
AMOUNTS = st.one_of(st.none(), st.integers(-5, 5).map(lambda k: k * 1_000))


class OfficeModel:
    """The merge rules on plain dictionaries: the office's figures and how far each
    origin's changes were taken."""

    def __init__(self) -> None:
        self.cells: dict[Cell, int] = {}
        self.heads: dict[int, int] = {}
        self.held: dict[int, dict[int, packages.Incoming]] = {}
        self.conflicts = 0

    def local(self, cell: Cell, amount: int | None) -> None:
        self._set(cell, amount)

    def take(self, changes: list[packages.Incoming]) -> None:
        for c in changes:
            if c.seq <= self.heads.get(c.origin, 0):
                continue  # received before
            self.held.setdefault(c.origin, {})[c.seq] = c
            waiting = self.held[c.origin]
            while (nxt := self.heads.get(c.origin, 0) + 1) in waiting:
                self._decide(waiting.pop(nxt))
                self.heads[c.origin] = nxt

    def _decide(self, c: packages.Incoming) -> None:
        if c.kind != "collection":
            return
        k = json.loads(c.key)
        cell = (k[1], k[2], k[4])
        before = None if c.before is None else json.loads(c.before)["amount"]
        after = None if c.after is None else json.loads(c.after)["amount"]
        now = self.cells.get(cell)
        if now == after:
            return
        if now == before:
            self._set(cell, after)
        else:
            self.conflicts += 1

    def _set(self, cell: Cell, amount: int | None) -> None:
        if amount is None:
            self.cells.pop(cell, None)
        else:
            self.cells[cell] = amount


class Office(RuleBasedStateMachine):
    backend = "sqlite"

    def __init__(self) -> None:
        super().__init__()
        self.tmp = Path(tempfile.mkdtemp(prefix="rasad-sync-"))
        self.drop: object = None
        if self.backend == "sqlite":
            db = Database.open(f"sqlite:///{(self.tmp / 'office.db').as_posix()}")
        else:
            url, name = fresh_postgres()
            db = Database.open(url)
            self.drop = lambda: drop_postgres(name)
        self.office = build_office(db, self.tmp / "office")
        self.workstations = [enrol(self.office, self.tmp / f"ws{i}", f"ws{i}") for i in range(3)]
        self.model = OfficeModel()
        self.outbox: list[tuple[int, int, bytes]] = []  # (sender, recipient, package)
        self.codes: list[str] = []
        self.reported_conflicts = 0

    def teardown(self) -> None:
        for node in [self.office, *self.workstations]:
            node.db.close()
        if callable(self.drop):
            self.drop()
        shutil.rmtree(self.tmp, ignore_errors=True)

    @property
    def nodes(self) -> list[Node]:
        return [self.office, *self.workstations]

    # ------------------------------------------------------------------ work
    @initialize()
    def start(self) -> None:
        self.office.set_cell("1", "110104", 1, 1_000)
        self.model.local(("1", "110104", 1), 1_000)

    @rule(who=st.integers(0, 3), cell=CELLS, amount=AMOUNTS)
    def enter(self, who: int, cell: Cell, amount: int | None) -> None:
        node = self.nodes[who]
        node.set_cell(*cell, amount)
        if who == 0:
            self.model.local(cell, amount)

    @rule(who=st.integers(0, 3))
    def register(self, who: int) -> None:
        self.codes.append(self.nodes[who].register())

    @precondition(lambda self: self.codes)
    @rule(who=st.integers(0, 3), pick=st.integers(0, 10_000), attach=st.booleans())
    def follow_up(self, who: int, pick: int, attach: bool) -> None:
        node = self.nodes[who]
        code = self.codes[pick % len(self.codes)]
        if code not in node.requests():
            return  # not arrived there yet
        elsewhere = who != 0 and TrackingCode.parse(code).station != node.number  # another's: the office's to do
        try:
            if attach:
                node.attach(code, f"پیوست {pick} از {node.name}".encode(), self.tmp)
            else:
                node.answer(code, f"پاسخ {pick} از {node.name}")
        except ServiceError:
            return  # closed already, the same file twice, or another's: refused with a message, nothing written
        assert not elsewhere, "a workstation followed up a request registered elsewhere"

    # ------------------------------------------------------------------ packages
    @rule(who=st.integers(1, 3))
    def export_from_workstation(self, who: int) -> None:
        ws = self.nodes[who]
        self.outbox.append((ws.number, 0, ws.export()))

    @rule(to=st.integers(1, 3))
    def export_from_office(self, to: int) -> None:
        ws = self.nodes[to]
        self.outbox.append((0, ws.number, self.office.export(to=ws.number)))

    @precondition(lambda self: self.outbox)
    @rule(pick=st.integers(0, 10_000), keep=st.booleans())
    def deliver(self, pick: int, keep: bool) -> None:
        """Late, twice (kept in the outbox) or out of order; a package never picked is lost."""
        i = pick % len(self.outbox)
        sender, recipient, data = self.outbox[i] if keep else self.outbox.pop(i)
        self._deliver(sender, recipient, data)

    def _deliver(self, sender: int, recipient: int, data: bytes) -> None:
        target = self.office if recipient == 0 else next(w for w in self.workstations if w.number == recipient)
        if recipient == 0:
            with self.office.db.session() as s:
                opened = packages.open_package(s, data)
            self.model.take(opened.changes)
        target.take(data)
        if recipient == 0:  # every conflict the office kept about a figure, decided since or not
            self.reported_conflicts = sum(1 for c in self.office.changes()
                                          if c.kind == "collection" and c.status == "conflict")

    # ------------------------------------------------------------------ invariants
    @invariant()
    def office_holds_the_sequential_application(self) -> None:
        assert {k: v for k, (v, _who) in self.office.cells().items()} == self.model.cells

    @invariant()
    def conflicts_are_reported_exactly_when_the_model_says(self) -> None:
        assert self.reported_conflicts == self.model.conflicts

    @invariant()
    def tracking_codes_are_unique(self) -> None:
        assert len(set(self.codes)) == len(self.codes)

    # ------------------------------------------------------------------ the end
    def settle(self) -> None:
        for _round in range(3):
            for ws in self.workstations:
                self._deliver(ws.number, 0, ws.export())
            for ws in self.workstations:
                self._deliver(0, ws.number, self.office.export(to=ws.number))

    def check_converged(self) -> None:
        self.settle()
        for c in self.office.conflicts():
            keep = "office" if c.id % 2 else "workstation"
            self.office.resolve(c.id, keep)
            if keep == "workstation" and c.kind == "collection":
                self.model.local(_cell(self.office, c.id), _their_amount(self.office, c.id))
        self.settle()
        assert self.office.conflicts() == []
        office_log = {(c.origin, c.seq) for c in self.office.changes()}
        for ws in self.workstations:
            made = {(c.origin, c.seq) for c in ws.changes() if c.origin == ws.number}
            assert made <= office_log, f"{ws.name}: changes missing at the office"
            assert ws.cells() == self.office.cells(), ws.name
            assert ws.requests() == self.office.requests(), ws.name
            assert ws.attachment_hashes() == self.office.attachment_hashes(), ws.name
            assert ws.attachment_files_ok(), ws.name
        assert set(self.codes) == set(self.office.requests())
        for node in self.nodes:
            with node.db.session() as s:
                assert verify_chain(s)[1] == [], node.name


def _cell(office: Node, change_id: int) -> Cell:
    row = next(c for c in office.changes() if c.id == change_id)
    k = json.loads(row.key)
    return (k[1], k[2], k[4])


def _their_amount(office: Node, change_id: int) -> int | None:
    row = next(c for c in office.changes() if c.id == change_id)
    return None if row.after is None else json.loads(row.after)["amount"]


class OfficeEndsConverged(Office):
    def teardown(self) -> None:
        try:
            self.check_converged()
        finally:
            super().teardown()


@pytest.fixture(autouse=True)
def quick_enrolment_codes(monkeypatch: pytest.MonkeyPatch) -> None:
    """scrypt at a small cost: the same code path, without 0.1 s per enrolment."""
    monkeypatch.setattr(sync_package, "SCRYPT_N", 2 ** 10)


@pytest.mark.parametrize("backend", BACKENDS)
def test_office_and_three_workstations(backend: str) -> None:
    machine = type(f"Office_{backend}", (OfficeEndsConverged,), {"backend": backend})
    examples = int(os.environ.get("RASAD_SYNC_EXAMPLES", "12" if backend == "sqlite" else "5"))  # more: a longer hunt
    machine.TestCase.settings = settings(max_examples=examples, stateful_step_count=30,
                                         deadline=None, suppress_health_check=list(HealthCheck))
    machine.TestCase().runTest()
